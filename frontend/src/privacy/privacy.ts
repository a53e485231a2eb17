// Helpers of the privacy screen: how a request's deadline reads, and saving a generated file.
import { formatDate } from '../lib/format';

export interface Deadline {
  text: string;
  tone: 'ok' | 'soon' | 'overdue' | 'done';
}

/** Minimal shape of a rights request as Go sends it. */
export interface RequestLike {
  done: boolean;
  doneAt?: unknown;
  doneBy?: string;
  daysLeft: number;
  overdue: boolean;
}

/** "Overdue by 3 days", "Due today", "5 days left" (soon within a week), "Done 2 Dec 2026". */
export function deadline(r: RequestLike): Deadline {
  if (r.done) return { text: `Done ${formatDate(r.doneAt)}${r.doneBy ? ` by ${r.doneBy}` : ''}`, tone: 'done' };
  if (r.overdue) {
    const n = Math.max(1, -r.daysLeft);
    return { text: `Overdue by ${n} ${n === 1 ? 'day' : 'days'}`, tone: 'overdue' };
  }
  if (r.daysLeft <= 0) return { text: 'Due today', tone: 'soon' };
  return { text: `${r.daysLeft} ${r.daysLeft === 1 ? 'day' : 'days'} left`, tone: r.daysLeft <= 7 ? 'soon' : 'ok' };
}

/** The kinds of request, as staff read them. */
export const KINDS: { value: string; label: string }[] = [
  { value: 'access', label: 'Access (copy of their data)' },
  { value: 'erasure', label: 'Erasure' },
  { value: 'rectification', label: 'Rectification' },
];

/** A kind's short name: "Access", "Erasure", "Rectification". */
export function kindLabel(kind: string): string {
  return kind === '' ? '' : kind[0].toUpperCase() + kind.slice(1);
}

/** Whether s looks like an email address (Go checks it properly). */
export function looksLikeEmail(s: string): boolean {
  return /^[^\s@,;<>]+@[^\s@,;<>]+$/.test(s.trim());
}

/** Decodes base64 to bytes. */
export function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Offers base64 content as a file download (browser mode and Wails alike). */
export function saveBase64(name: string, b64: string, type: string): void {
  const url = URL.createObjectURL(new Blob([base64Bytes(b64) as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Today's date as YYYY-MM-DD in local time, for a date input's default. */
export function todayISO(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
