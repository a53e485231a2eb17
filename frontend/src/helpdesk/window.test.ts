import { describe, expect, it } from 'vitest';
import { clampCursor, PageCache, pagesFor, scrollToShow, visibleRange } from './window';

describe('visibleRange', () => {
  const cases: [string, number, number, number, number, number, { start: number; end: number }][] = [
    ['empty list', 0, 600, 68, 0, 6, { start: 0, end: 0 }],
    ['top of a short list', 0, 600, 68, 5, 6, { start: 0, end: 5 }],
    ['top of 100k', 0, 680, 68, 100_000, 6, { start: 0, end: 16 }],
    ['middle of 100k', 68 * 50_000, 680, 68, 100_000, 6, { start: 49_994, end: 50_016 }],
    ['bottom of 100k', 68 * 99_990, 680, 68, 100_000, 6, { start: 99_984, end: 100_000 }],
    ['scrolled past the end (list shrank)', 68 * 500, 680, 68, 10, 6, { start: 9, end: 10 }],
    ['negative scroll (elastic)', -40, 680, 68, 100, 0, { start: 0, end: 10 }],
  ];
  for (const [name, top, vp, h, total, over, want] of cases) {
    it(name, () => expect(visibleRange(top, vp, h, total, over)).toEqual(want));
  }

  it('draws a screenful whatever the total', () => {
    for (const total of [100, 10_000, 100_000, 1_000_000]) {
      const r = visibleRange(68 * Math.floor(total / 2), 800, 68, total);
      expect(r.end - r.start).toBeLessThanOrEqual(Math.ceil(800 / 68) + 1 + 12);
    }
  });
});

describe('pagesFor', () => {
  it.each([
    [{ start: 0, end: 0 }, []],
    [{ start: 0, end: 16 }, [0]],
    [{ start: 95, end: 110 }, [0, 1]],
    [{ start: 100, end: 200 }, [1]],
    [{ start: 199, end: 201 }, [1, 2]],
  ])('%j', (r, want) => expect(pagesFor(r, 100)).toEqual(want));
});

describe('scrollToShow', () => {
  it.each([
    ['already visible', 3, 0, 680, 0],
    ['above the viewport', 2, 680, 680, 136],
    ['below the viewport', 20, 0, 680, 20 * 68 + 68 - 680],
    ['last row exactly', 9, 0, 680, 0],
  ])('%s', (_n, index, top, vp, want) => expect(scrollToShow(index, top, vp, 68)).toBe(want));
});

describe('clampCursor', () => {
  it.each([
    [5, 0, -1],
    [-3, 10, 0],
    [12, 10, 9],
    [4, 10, 4],
  ])('cursor %i of %i', (c, total, want) => expect(clampCursor(c, total)).toBe(want));
});

describe('PageCache', () => {
  it('finds rows by index across pages', () => {
    const c = new PageCache<number>(100);
    c.set(0, Array.from({ length: 100 }, (_, i) => i));
    c.set(3, Array.from({ length: 100 }, (_, i) => 300 + i));
    expect(c.row(42)).toBe(42);
    expect(c.row(305)).toBe(305);
    expect(c.row(150)).toBeUndefined();
    expect(c.missing([0, 1, 2, 3])).toEqual([1, 2]);
  });

  it('keeps at most max pages, dropping the farthest from the newest', () => {
    const c = new PageCache<number>(10, 3);
    for (const p of [0, 1, 2, 50]) c.set(p, [p]);
    expect(c.size).toBe(3);
    expect(c.has(0)).toBe(false);
    expect(c.has(50)).toBe(true);
    c.set(49, [49]);
    expect(c.has(1)).toBe(false);
    expect([c.has(2), c.has(49), c.has(50)]).toEqual([true, true, true]);
    c.clear();
    expect(c.size).toBe(0);
  });
});
