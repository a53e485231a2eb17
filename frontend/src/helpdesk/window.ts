// Windowing arithmetic of the virtualised ticket list: which rows to draw, which pages to fetch, and a
// bounded cache of fetched pages. Pure, so it is tested without a browser: with fixed row heights the list
// draws only a screenful of rows whatever the total (100k tickets cost the same as 100).

/** The rows to draw: start inclusive, end exclusive. */
export interface Range {
  start: number;
  end: number;
}

/** The rows that cover the viewport, plus overscan rows on each side, clamped to [0, total). */
export function visibleRange(scrollTop: number, viewport: number, rowHeight: number, total: number, overscan = 6): Range {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewport)) / rowHeight);
  const start = Math.max(0, Math.min(total - 1, first - overscan));
  const end = Math.min(total, Math.max(start + 1, last + overscan));
  return { start, end };
}

/** The page numbers (of pageSize rows) that hold the rows of r. */
export function pagesFor(r: Range, pageSize: number): number[] {
  if (r.end <= r.start) return [];
  const out: number[] = [];
  for (let p = Math.floor(r.start / pageSize); p <= Math.floor((r.end - 1) / pageSize); p++) out.push(p);
  return out;
}

/** The scrollTop that shows row index whole, moving as little as possible. */
export function scrollToShow(index: number, scrollTop: number, viewport: number, rowHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return Math.max(0, top + rowHeight - viewport);
  return scrollTop;
}

/** Clamps a cursor to the rows there are; -1 when there are none. */
export function clampCursor(cursor: number, total: number): number {
  if (total <= 0) return -1;
  return Math.max(0, Math.min(total - 1, cursor));
}

/** Fetched pages by number, keeping at most max of them (the farthest from the last one used go first). */
export class PageCache<T> {
  private pages = new Map<number, T[]>();

  constructor(
    readonly pageSize: number,
    readonly max = 12,
  ) {}

  /** The row at index, if its page is here. */
  row(index: number): T | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Whether page is here. */
  has(page: number): boolean {
    return this.pages.has(page);
  }

  /** Stores a page and drops the pages farthest from it beyond max. */
  set(page: number, rows: T[]): void {
    this.pages.set(page, rows);
    if (this.pages.size <= this.max) return;
    const far = [...this.pages.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
    for (const p of far.slice(0, this.pages.size - this.max)) this.pages.delete(p);
  }

  /** The pages of wanted that are not here. */
  missing(wanted: number[]): number[] {
    return wanted.filter((p) => !this.pages.has(p));
  }

  /** How many pages are held. */
  get size(): number {
    return this.pages.size;
  }

  /** Forgets every page (a new filter, or a change that may move rows). */
  clear(): void {
    this.pages.clear();
  }
}
