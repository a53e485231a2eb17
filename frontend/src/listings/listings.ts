// Pure helpers of the moderation queue: highlighting what each check found, ages, and the queue's keys.
import type { Shortcut } from '../lib/keys';
import { AREAS } from '../lib/areas';

/** What a check found in one field: the text as written ('' for the field as a whole). */
export interface Found {
  field: string;
  text: string;
}

/** A flag as the preview numbers it. */
export interface NumberedFlag {
  n: number;
  code: string;
  label: string;
  matches: Found[] | null;
}

/** A piece of a field's text, marked when a check found it. */
export interface Segment {
  text: string;
  mark: { n: number; code: string; label: string } | null;
}

/**
 * Splits a field's text into plain and marked pieces: every occurrence of every text a flag found in that
 * field is marked with the flag's number. Longer finds win where two overlap.
 */
export function segments(text: string, field: string, flags: NumberedFlag[]): Segment[] {
  const hits: { start: number; end: number; flag: NumberedFlag }[] = [];
  for (const f of flags) {
    for (const m of f.matches ?? []) {
      if (m.field !== field || m.text === '') continue;
      for (let i = text.indexOf(m.text); i >= 0; i = text.indexOf(m.text, i + m.text.length)) {
        hits.push({ start: i, end: i + m.text.length, flag: f });
      }
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let pos = 0;
  for (const h of hits) {
    if (h.start < pos) continue;
    if (h.start > pos) out.push({ text: text.slice(pos, h.start), mark: null });
    out.push({ text: text.slice(h.start, h.end), mark: { n: h.flag.n, code: h.flag.code, label: h.flag.label } });
    pos = h.end;
  }
  if (pos < text.length || out.length === 0) out.push({ text: text.slice(pos), mark: null });
  return out;
}

/** The flags that point at a field as a whole (a missing field, a duplicate body), by number. */
export function wholeFieldFlags(field: string, flags: NumberedFlag[]): NumberedFlag[] {
  return flags.filter((f) => (f.matches ?? []).some((m) => m.field === field && m.text === ''));
}

/** "45 min", "5 h", "2 d 3 h". */
export function formatAge(hours: number): string {
  if (hours < 1) return 'under 1 h';
  if (hours < 24) return `${hours} h`;
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

export type QueueAction = 'next' | 'prev' | 'approve' | 'reject' | 'edit' | 'select' | 'approveSelected' | 'undo' | 'shell';

/** The queue's keys, listed on screen in this order. "g then x" belongs to the shell and is ignored here. */
export const QUEUE_SHORTCUTS: Shortcut<QueueAction>[] = [
  { keys: 'j', action: 'next', label: 'Next item' },
  { keys: 'k', action: 'prev', label: 'Previous item' },
  { keys: 'a', action: 'approve', label: 'Approve' },
  { keys: 'r', action: 'reject', label: 'Reject with a reason' },
  { keys: 'e', action: 'edit', label: 'Request an edit' },
  { keys: 'x', action: 'select', label: 'Select or unselect' },
  { keys: 'A', action: 'approveSelected', label: 'Approve the selection (Shift+A)' },
  { keys: 'u', action: 'undo', label: 'Undo your last decision' },
  ...AREAS.map((a): Shortcut<QueueAction> => ({ keys: `g ${a.key}`, action: 'shell', label: '' })),
];

/** "approve" → "Approved", for messages. */
export function decidedWord(decision: string): string {
  return (
    { approve: 'Approved', reject: 'Rejected', request_edit: 'Asked for an edit of', expire: 'Expired' }[decision] ?? decision
  );
}
