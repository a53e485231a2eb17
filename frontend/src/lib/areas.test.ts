import { describe, expect, it } from 'vitest';
import { areaFromHash, areasFor, roleLabel } from './areas';
import { shellShortcuts } from '../shell/shortcuts';

describe('areas', () => {
  it('shows Operators to admins only', () => {
    expect(areasFor('admin').map((a) => a.id)).toContain('operators');
    for (const role of ['helpdesk', 'moderator', 'competitions']) {
      expect(areasFor(role).map((a) => a.id)).not.toContain('operators');
    }
  });
  it('reads the area from the hash, refusing unknown or forbidden ones', () => {
    expect(areaFromHash('#/audit', 'helpdesk')).toBe('audit');
    expect(areaFromHash('#audit', 'helpdesk')).toBe('audit');
    expect(areaFromHash('#/operators', 'admin')).toBe('operators');
    expect(areaFromHash('#/operators', 'helpdesk')).toBeNull();
    expect(areaFromHash('#/nowhere', 'admin')).toBeNull();
    expect(areaFromHash('', 'admin')).toBeNull();
  });
  it('gives every area its own g-key', () => {
    const keys = shellShortcuts(true).map((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['g h', 'g l', 'g c', 'g s', 'g e', 'g p', 'g a']));
    expect(shellShortcuts(false).map((s) => s.action)).not.toContain('go:operators');
  });
  it('names roles for people', () => {
    expect(roleLabel('competitions')).toBe('Competition manager');
    expect(roleLabel('unknown')).toBe('unknown');
  });
});
