import { describe as group, expect, it } from 'vitest';
import { blankDetails, describe, detailsErrors, niceMax, pieSlices } from './surveys';

group('niceMax', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(13)).toBe(20);
    expect(niceMax(420)).toBe(500);
    expect(niceMax(1000)).toBe(1000);
  });
});

group('pieSlices', () => {
  it('gives each non-empty value a slice with its share', () => {
    const s = pieSlices(['a', 'b', 'c'], [1, 0, 3], 50);
    expect(s.map((x) => [x.label, x.percent])).toEqual([
      ['a', 25],
      ['c', 75],
    ]);
    expect(s[1].path).toContain(' 1 1 ');
  });
  it('draws one value as a whole circle and nothing for no answers', () => {
    expect(pieSlices(['a'], [5], 10)[0].path).toMatch(/^M 10 0 A/);
    expect(pieSlices(['a'], [0], 10)).toEqual([]);
  });
});

group('describe', () => {
  it('names the three largest values', () => {
    expect(describe(['a', 'b', 'c', 'd'], [1, 9, 5, 7])).toBe('Most responses: b: 9; d: 7; c: 5.');
    expect(describe([], [])).toBe('No answers yet.');
  });
});

group('detailsErrors', () => {
  it('mirrors the Go checks with field ids', () => {
    const d = blankDetails('cleo');
    d.sharing = 'consent';
    expect(detailsErrors(d).map((e) => e.field)).toEqual(['survey-title', 'survey-purpose', 'survey-partner', 'q-text-0']);
  });
});
