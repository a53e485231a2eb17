import { describe, expect, it } from 'vitest';
import { areasOf, emptyFilter, filterActive, toFilter } from './filter';

describe('audit filter', () => {
  it('is inactive when empty', () => {
    expect(filterActive(emptyFilter())).toBe(false);
    expect(filterActive({ ...emptyFilter(), objectId: ' 12 ' })).toBe(true);
  });
  it('turns days into a half-open range that includes the "to" day', () => {
    const f = toFilter({ ...emptyFilter(), from: '2026-11-10', to: '2026-11-11' });
    const from = new Date(f.from as string);
    const to = new Date(f.to as string);
    expect(to.getTime() - from.getTime()).toBe(2 * 86_400_000);
    expect(toFilter(emptyFilter()).from).toBeUndefined();
  });
  it('lists areas once', () => {
    expect(areasOf(['privacy.erase', 'listings.decide', 'privacy.access'])).toEqual(['listings', 'privacy']);
  });
});
