import { describe, expect, it } from 'vitest';
import { createShortcuts } from '../lib/keys';
import { formatAge, QUEUE_SHORTCUTS, segments, wholeFieldFlags, type NumberedFlag } from './listings';

const flags: NumberedFlag[] = [
  { n: 1, code: 'contact_in_text', label: 'Contact', matches: [{ field: 'body', text: '07700 900123' }, { field: 'body', text: 'jo at example dot com' }] },
  { n: 2, code: 'abuse', label: 'Abuse', matches: [{ field: 'body', text: 'idiot' }, { field: 'title', text: 'idiot' }] },
  { n: 3, code: 'missing_fields', label: 'Missing', matches: [{ field: 'postcode', text: '' }] },
];

describe('segments', () => {
  it('marks every find of the field, in order, with its flag number', () => {
    const s = segments('Call 07700 900123, idiot, or 07700 900123', 'body', flags);
    expect(s.map((x) => [x.text, x.mark?.n ?? 0])).toEqual([
      ['Call ', 0], ['07700 900123', 1], [', ', 0], ['idiot', 2], [', or ', 0], ['07700 900123', 1],
    ]);
  });
  it('leaves other fields and plain text alone', () => {
    expect(segments('Nothing here', 'body', flags)).toEqual([{ text: 'Nothing here', mark: null }]);
    expect(segments('', 'body', flags)).toEqual([{ text: '', mark: null }]);
  });
  it('lets the longer find win where two overlap', () => {
    const s = segments('jo at example dot com', 'body', [...flags, { n: 4, code: 'x', label: 'X', matches: [{ field: 'body', text: 'example' }] }]);
    expect(s).toHaveLength(1);
    expect(s[0].mark?.n).toBe(1);
  });
  it('names flags on a whole field', () => {
    expect(wholeFieldFlags('postcode', flags).map((f) => f.n)).toEqual([3]);
  });
});

describe('queue keys', () => {
  const key = (k: string, shift = false) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: shift, target: null });
  it('maps single keys, and leaves "g then a" to the shell', () => {
    const h = createShortcuts(QUEUE_SHORTCUTS);
    expect(h.handle(key('j'))).toBe('next');
    expect(h.handle(key('A', true))).toBe('approveSelected');
    expect(h.handle(key('g'))).toBeNull();
    expect(h.handle(key('a'))).toBe('shell');
    expect(h.handle(key('a'))).toBe('approve');
  });
  it('formats ages', () => {
    expect([0, 5, 24, 50].map(formatAge)).toEqual(['under 1 h', '5 h', '1 d', '2 d 2 h']);
  });
});
