// The help desk's data as Go sends it (contract A4: helpdesk.Service through app.HelpdeskAPI, and the mail
// status through app.MailAPI). Times arrive as RFC 3339 strings.

/** A mail address; name may be empty. */
export interface Address {
  name: string;
  email: string;
}

/** An attachment's description; the bytes come from HelpdeskAPI.Attachment on demand. */
export interface Attachment {
  index: number;
  filename: string;
  contentType: string;
  contentId: string;
  size: number;
  inline: boolean;
}

/** One row of the ticket list. */
export interface TicketSummary {
  id: number;
  subject: string;
  requester: Address;
  status: string;
  priority: string;
  assigneeId: string;
  assigneeName: string;
  tags: string[] | null;
  mailbox: string;
  createdAt: string;
  updatedAt: string;
  messages: number;
  sensitive: boolean;
  snippet: string;
  conflict: boolean;
}

/** A message, one of our replies, an internal note or an auto-reply in a ticket's thread. */
export interface ThreadItem {
  id: number;
  kind: 'in' | 'out' | 'note' | 'auto' | string;
  from: Address;
  to: Address[] | null;
  cc: Address[] | null;
  date: string;
  text: string;
  hasHtml: boolean;
  attachments: Attachment[] | null;
  warnings: string[] | null;
  delivery: '' | 'queued' | 'sent' | 'failed' | string;
  author: string;
}

/** The part of a ticket shared with other laptops through IMAP keywords. */
export interface SharedState {
  status: string;
  assigneeId: string;
  priority: string;
}

/** Two laptops set different state on the same ticket; the operator keeps one. */
export interface Conflict {
  id: number;
  at: string;
  mine: SharedState;
  theirs: SharedState;
}

/** A ticket with its thread. */
export interface Ticket extends TicketSummary {
  thread: ThreadItem[] | null;
  sharedState: boolean;
  conflicts: Conflict[] | null;
}

/** What the list shows; empty fields do not filter. */
export interface Filter {
  status: string;
  assigneeId: string;
  tag: string;
  mailbox: string;
  query: string;
  /** RFC 3339; left out when empty (Go's zero time). */
  since?: string;
  until?: string;
  sensitive: boolean | null;
  limit: number;
  offset: number;
}

/** One page of the list and how many tickets the filter matches in all. */
export interface Page {
  tickets: TicketSummary[] | null;
  total: number;
}

/** A change to a ticket; only the fields set change. */
export interface Change {
  status?: string;
  assigneeId?: string;
  priority?: string;
  addTags?: string[];
  removeTags?: string[];
  sensitive?: boolean;
}

/** A reply and the ticket's status once it is sent. */
export interface ReplyInput {
  text: string;
  status: string;
}

/** A saved answer the composer can insert. */
export interface Canned {
  id: number;
  title: string;
  body: string;
}

/** The numbers beside the views. */
export interface Counts {
  new: number;
  open: number;
  pending: number;
  solved: number;
  closed: number;
  mine: number;
  all: number;
}

/** One HTML mail made safe: the sanitised HTML, Go's frame document around it, and the remote images. */
export interface MessageView {
  html: string;
  /** message.FrameDocument: the CSP in its head, the sanitised mail in its body. */
  document: string;
  remoteImages: number;
  remoteShown: boolean;
}

/** An attachment's bytes (base64 in JSON). */
export interface AttachmentData {
  filename: string;
  contentType: string;
  data: string;
}

/** The mail engine's state: online, syncing, what waits in the outbox. */
export interface MailStatus {
  online: boolean;
  syncing: boolean;
  outbox: number;
  lastSync?: string;
  lastError?: string;
}

/** A "mail:progress" event. */
export interface SyncProgress {
  operation: string;
  mailbox: string;
  folder: string;
  done: number;
  total: number;
}

/** An operator who can be assigned tickets. */
export interface Assignee {
  id: string;
  name: string;
  role: string;
}

/** What a sync did (MailAPI.SyncNow). */
export interface SyncSummary {
  new: number;
  expunged: number;
  errors: string[] | null;
  seconds: number;
}
