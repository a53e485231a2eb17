// Dates as staff in the UK read them. Go sends times as RFC 3339 strings.

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const dateOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const timeOnly = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  if (typeof value === 'string' && (value === '' || value.startsWith('0001-01-01'))) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "3 Mar 2026, 14:05"; an em dash for a missing or zero time. */
export function formatDateTime(value: unknown): string {
  const d = toDate(value);
  return d ? dateTime.format(d).replace(' at ', ', ') : '—';
}

/** "3 Mar 2026". */
export function formatDate(value: unknown): string {
  const d = toDate(value);
  return d ? dateOnly.format(d) : '—';
}

/** Today's times as "14:05", yesterday's as "Yesterday 14:05", older ones with their date. */
export function formatWhen(value: unknown, now: Date = new Date()): string {
  const d = toDate(value);
  if (!d) return '—';
  const day = (x: Date) => new Date(x.getFullYear(), x.getMonth(), x.getDate()).getTime();
  const days = Math.round((day(now) - day(d)) / 86_400_000);
  if (days === 0) return `Today ${timeOnly.format(d)}`;
  if (days === 1) return `Yesterday ${timeOnly.format(d)}`;
  return formatDateTime(d);
}

/** The full ISO time, for a title or a datetime attribute. */
export function isoTime(value: unknown): string {
  const d = toDate(value);
  return d ? d.toISOString() : '';
}

/** "1 entry", "1,204 entries". */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** "entry 4 was changed" → "Entry 4 was changed." (Go's messages start lower case, to be embedded). */
export function sentence(s: string): string {
  const t = s.trim();
  if (t === '') return '';
  const first = t[0].toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}
