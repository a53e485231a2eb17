// Keyboard movement in a tab list, as in the WAI-ARIA tabs pattern with automatic activation: ArrowLeft and
// ArrowRight move to the previous and next tab, wrapping at either end, Home and End to the first and last.
// Pure logic, no DOM, so it can be tested without a browser.

/** What the tab list needs from a KeyboardEvent. */
export interface TabKeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The index of the tab the key moves to from tab `index` of `count`, or null when the tab list leaves the key be. */
export function tabKeyTarget(e: TabKeyLike, index: number, count: number): number | null {
  if (count <= 0 || e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
