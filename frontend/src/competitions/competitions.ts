// Helpers for the competitions screens: status words, London times for date inputs, files to base64.

/** The lifecycle words staff see. */
export const STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  open: 'Open',
  closed: 'Closed',
  committed: 'List committed',
  drawn: 'Drawn',
  confirmed: 'Winners confirmed',
  purged: 'Purged',
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO time as the value of an <input type="datetime-local">, in London time ("2026-03-31T23:59"). */
export function toLocalInput(iso: unknown): string {
  if (typeof iso !== 'string' || iso === '' || iso.startsWith('0001-')) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = Object.fromEntries(londonParts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** A datetime-local value read as London time, as an ISO instant; '' when empty or invalid. */
export function fromLocalInput(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return '';
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  // guess UTC, then correct by London's offset at that moment (twice, for the clock-change hours)
  let t = Date.UTC(y, mo - 1, d, h, mi);
  for (let i = 0; i < 2; i++) {
    const shown = toLocalInput(new Date(t).toISOString());
    const [sy, smo, sd, sh, smi] = shown.split(/[-T:]/).map(Number);
    t -= Date.UTC(sy, smo - 1, sd, sh, smi) - Date.UTC(y, mo - 1, d, h, mi);
  }
  return new Date(t).toISOString();
}

/** A comma- or line-separated list, trimmed, without empties. */
export function splitList(s: string): string[] {
  return s
    .split(/[\n,]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

/** Reads a file as base64 for the Import call. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Offers text as a file download (browser mode and Wails alike). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "Draw 3 winners and 3 reserves". */
export function drawButtonLabel(winners: number, reserves: number): string {
  const w = `${winners} ${winners === 1 ? 'winner' : 'winners'}`;
  if (reserves === 0) return `Draw ${w}`;
  return `Draw ${w} and ${reserves} ${reserves === 1 ? 'reserve' : 'reserves'}`;
}

/** The first and last few characters of a hash, for headings ("3f9a2b…c81d"). */
export function shortHash(h: string): string {
  return h.length > 16 ? `${h.slice(0, 8)}…${h.slice(-4)}` : h;
}

/** A competition's mailbox folder link, as the API returns it (empty strings when none). */
export type FolderLinkView = { mailbox: string; folder: string };

/** What the Email tab says about a link. */
export function folderLinkText(link: FolderLinkView | null): string {
  if (!link || link.mailbox === '' || link.folder === '') return 'Not linked';
  return `Mails in folder ${link.folder} of mailbox ${link.mailbox} become entries at each sync`;
}

/**
 * How the mailbox is chosen: from the list of mailboxes, not at all when there is none, or typed when the
 * list cannot be read (only help-desk operators and admins may list mailboxes).
 */
export type MailboxChoice = { kind: 'list'; names: string[] } | { kind: 'none' } | { kind: 'type' };

/** The mailbox choice for the result of MailAPI.Mailboxes. */
export function mailboxChoice(r: { ok: true; value: { mailboxes?: { name: string }[] | null } } | { ok: false }): MailboxChoice {
  if (!r.ok) return { kind: 'type' };
  const names = (r.value.mailboxes ?? []).map((m) => m.name).filter((n) => n !== '');
  return names.length === 0 ? { kind: 'none' } : { kind: 'list', names };
}

/** The mailbox preselected: the linked one, else the only one there is, else none. */
export function defaultMailbox(choice: MailboxChoice, linked: string): string {
  if (linked !== '') return linked;
  return choice.kind === 'list' && choice.names.length === 1 ? choice.names[0] : '';
}
