import { describe, expect, it } from 'vitest';
import { tabKeyTarget, type TabKeyLike } from './tabs';

const key = (k: string, over: Partial<TabKeyLike> = {}): TabKeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...over,
});

describe('tabKeyTarget', () => {
  const cases: { name: string; key: TabKeyLike; index: number; want: number | null }[] = [
    { name: 'ArrowRight moves to the next tab', key: key('ArrowRight'), index: 1, want: 2 },
    { name: 'ArrowRight wraps from the last tab to the first', key: key('ArrowRight'), index: 3, want: 0 },
    { name: 'ArrowLeft moves to the previous tab', key: key('ArrowLeft'), index: 2, want: 1 },
    { name: 'ArrowLeft wraps from the first tab to the last', key: key('ArrowLeft'), index: 0, want: 3 },
    { name: 'Home moves to the first tab', key: key('Home'), index: 2, want: 0 },
    { name: 'End moves to the last tab', key: key('End'), index: 1, want: 3 },
    { name: 'other keys are left alone', key: key('ArrowDown'), index: 1, want: null },
    { name: 'Enter is left alone', key: key('Enter'), index: 1, want: null },
    { name: 'Alt+ArrowLeft is left to the browser', key: key('ArrowLeft', { altKey: true }), index: 1, want: null },
    { name: 'Ctrl+End is left to the browser', key: key('End', { ctrlKey: true }), index: 1, want: null },
    { name: 'Meta+ArrowRight is left to the browser', key: key('ArrowRight', { metaKey: true }), index: 1, want: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(tabKeyTarget(c.key, c.index, 4)).toBe(c.want);
    });
  }
  it('does nothing in an empty tab list', () => {
    expect(tabKeyTarget(key('Home'), 0, 0)).toBeNull();
  });
  it('stays put in a list of one tab', () => {
    expect(tabKeyTarget(key('ArrowRight'), 0, 1)).toBe(0);
    expect(tabKeyTarget(key('ArrowLeft'), 0, 1)).toBe(0);
  });
});
