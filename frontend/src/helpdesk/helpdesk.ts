// Pure helpers of the help desk: the saved views, the search box's "word:value" filters, the keyboard
// shortcuts, sizes and labels.
import type { Shortcut } from '../lib/keys';
import { AREAS } from '../lib/areas';
import type { Counts, Filter } from './types';

/** A ticket's statuses, in the order a ticket usually moves through them (Go's helpdesk.Statuses). */
export const STATUSES = ['new', 'open', 'pending', 'solved', 'closed'] as const;
/** A ticket's priorities, lowest first (Go's helpdesk.Priorities). */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** The saved views on the left ("active" is Unsolved: new, open and pending). */
export type ViewId = 'active' | 'new' | 'open' | 'mine' | 'pending' | 'solved' | 'closed' | 'all';

/** A saved view on the left: its name, and which count goes beside it. */
export interface View {
  id: ViewId;
  label: string;
  count: (c: Counts) => number;
}

/** The saved views, in the order the left pane lists them. */
export const VIEWS: readonly View[] = [
  { id: 'active', label: 'Unsolved', count: (c) => c.new + c.open + c.pending },
  { id: 'new', label: 'New', count: (c) => c.new },
  { id: 'open', label: 'Open', count: (c) => c.open },
  { id: 'mine', label: 'Mine', count: (c) => c.mine },
  { id: 'pending', label: 'Pending', count: (c) => c.pending },
  { id: 'solved', label: 'Solved', count: (c) => c.solved },
  { id: 'closed', label: 'Closed', count: (c) => c.closed },
  { id: 'all', label: 'All', count: (c) => c.all },
];

/** The extra filters the operator set beside the search box. */
export interface Extra {
  status: string;
  assigneeId: string;
  tag: string;
  mailbox: string;
  since: string;
  until: string;
  sensitive: '' | 'yes' | 'no';
}

/** No extra filter set. */
export const NO_EXTRA: Extra = { status: '', assigneeId: '', tag: '', mailbox: '', since: '', until: '', sensitive: '' };

/** What the search box says: the words for full-text search and any "status:open"-style filters. */
export interface ParsedSearch {
  query: string;
  extra: Partial<Extra>;
}

const KEYS: Record<string, keyof Extra> = {
  status: 'status', is: 'status', tag: 'tag', mailbox: 'mailbox', in: 'mailbox', assignee: 'assigneeId',
  after: 'since', since: 'since', before: 'until', until: 'until',
};

/** Splits "refund tag:billing after:2026-01-01" into the words and the filters. Unknown "x:y" stay words. */
export function parseSearch(input: string): ParsedSearch {
  const words: string[] = [];
  const extra: Partial<Extra> = {};
  for (const tok of input.match(/"[^"]*"|\S+/g) ?? []) {
    const m = /^([a-z]+):(.+)$/i.exec(tok);
    const key = m ? KEYS[m[1].toLowerCase()] : undefined;
    if (m && key) {
      const value = m[2].replace(/^"|"$/g, '');
      if (key === 'status') extra.status = value.toLowerCase();
      else extra[key] = value as never;
    } else {
      words.push(tok);
    }
  }
  return { query: words.join(' '), extra };
}

/** A "YYYY-MM-DD" day as the RFC 3339 time Go wants: the start of the day (end for an "until"), UTC. */
export function dayToTime(day: string, end = false): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return '';
  return end ? `${day}T23:59:59Z` : `${day}T00:00:00Z`;
}

/** The list filter for a view, the search box and the extra filters ("me" is the signed-in operator). */
export function buildFilter(view: ViewId, search: string, extra: Extra, limit: number, offset: number): Filter {
  const parsed = parseSearch(search);
  const x: Extra = { ...extra, ...parsed.extra };
  const byView: Partial<Filter> =
    view === 'all' ? {} : view === 'mine' ? { assigneeId: 'me', status: 'active' } : { status: view };
  const status = x.status || byView.status || '';
  const f: Filter = {
    status,
    assigneeId: x.assigneeId || byView.assigneeId || '',
    tag: x.tag,
    mailbox: x.mailbox,
    query: parsed.query,
    sensitive: x.sensitive === '' ? null : x.sensitive === 'yes',
    limit,
    offset,
  };
  const since = dayToTime(x.since);
  const until = dayToTime(x.until, true);
  if (since) f.since = since;
  if (until) f.until = until;
  return f;
}

/** "2.4 KB", "1.2 MB". */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "new" → "New". */
export function statusLabel(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : '';
}

/** The name to show for an address: its name, or the mail address. */
export function who(a: { name: string; email: string } | null | undefined): string {
  if (!a) return '';
  return a.name?.trim() || a.email || '';
}

/** "in" → "Message", for the thread's labels (a word beside every colour). */
export function kindLabel(kind: string): string {
  return { in: 'Message', out: 'Our reply', note: 'Internal note', auto: 'Automatic reply' }[kind] ?? kind;
}

/** The words of a reply's delivery state. */
export function deliveryLabel(d: string): string {
  return { queued: 'Queued: sends when online', sent: 'Sent', failed: 'Not sent' }[d] ?? '';
}

/** Tags typed as "a, b c" → ["a", "b", "c"], lower case, without duplicates. */
export function parseTags(input: string): string[] {
  return [...new Set(input.split(/[\s,]+/).map((t) => t.trim().toLowerCase()).filter(Boolean))];
}

/** "mail:progress" as words and a fraction (null when the total is not known yet). */
export function progressText(p: { operation: string; mailbox: string; folder: string; done: number; total: number }): {
  text: string;
  fraction: number | null;
} {
  const where = [p.mailbox, p.folder].filter(Boolean).join(' / ');
  const what = p.operation ? `${statusLabel(p.operation)} ` : 'Syncing ';
  const counts = p.total > 0 ? `${p.done.toLocaleString('en-GB')} of ${p.total.toLocaleString('en-GB')}` : `${p.done.toLocaleString('en-GB')}`;
  return {
    text: `${what}${where}${where ? ': ' : ''}${counts}`,
    fraction: p.total > 0 ? Math.max(0, Math.min(1, p.done / p.total)) : null,
  };
}

/** What a help-desk key does. */
export type DeskAction =
  | 'next' | 'prev' | 'open' | 'reply' | 'note' | 'solve' | 'assign' | 'search' | 'back' | 'tag' | 'shell';

/** The help desk's keys, in the order the "?" list shows them. "g then x" belongs to the shell. */
export const DESK_SHORTCUTS: Shortcut<DeskAction>[] = [
  { keys: 'j', action: 'next', label: 'Help desk: next ticket' },
  { keys: 'k', action: 'prev', label: 'Help desk: previous ticket' },
  { keys: 'Enter', action: 'open', label: 'Help desk: open the ticket' },
  { keys: 'o', action: 'open', label: 'Help desk: open the ticket' },
  { keys: 'Escape', action: 'back', label: 'Help desk: back to the list' },
  { keys: 'u', action: 'back', label: 'Help desk: back to the list' },
  { keys: 'r', action: 'reply', label: 'Help desk: reply' },
  { keys: 'n', action: 'note', label: 'Help desk: internal note' },
  { keys: 'e', action: 'solve', label: 'Help desk: mark solved' },
  { keys: 'a', action: 'assign', label: 'Help desk: assign' },
  { keys: 't', action: 'tag', label: 'Help desk: add a tag' },
  { keys: '/', action: 'search', label: 'Help desk: search' },
  ...AREAS.map((a): Shortcut<DeskAction> => ({ keys: `g ${a.key}`, action: 'shell', label: '' })),
];

/** The shortcuts the "?" dialog lists for the help desk (one line per action, "Enter" for open). */
export function deskShortcutList(): Shortcut<DeskAction>[] {
  const seen = new Set<string>();
  return DESK_SHORTCUTS.filter((s) => {
    if (s.action === 'shell' || seen.has(s.action)) return false;
    seen.add(s.action);
    return true;
  });
}

/** "Pending, assigned to hana, priority high": one side of a conflict, in words. */
export function describeState(s: { status: string; assigneeId: string; priority: string }, names: Map<string, string>): string {
  const who = s.assigneeId ? `assigned to ${names.get(s.assigneeId) ?? s.assigneeId}` : 'unassigned';
  return `${statusLabel(s.status) || 'No status'}, ${who}, priority ${s.priority || 'normal'}`;
}

/** The member messages in fresh's thread that were not in the thread the operator was reading. */
export function arrivedSince<T extends { id: number; kind: string }>(reading: T[] | null, fresh: T[] | null): T[] {
  const seen = new Set((reading ?? []).map((x) => x.id));
  return (fresh ?? []).filter((x) => x.kind === 'in' && !seen.has(x.id));
}
