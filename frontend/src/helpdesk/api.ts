// The help desk's calls into Go: app.HelpdeskAPI (tickets), app.MailAPI (sync status) and
// app.OperatorsAPI (who can be assigned), through the generated Wails bindings. Results are typed with
// the shapes in types.ts, which say what the UI relies on (times as RFC 3339 strings).
import * as HelpdeskAPI from '../wailsjs/go/app/HelpdeskAPI';
import * as MailAPI from '../wailsjs/go/app/MailAPI';
import * as OperatorsAPI from '../wailsjs/go/app/OperatorsAPI';
import { helpdesk as models } from '../wailsjs/go/models';
import type {
  Assignee, AttachmentData, Canned, Change, Counts, Filter, MailStatus, MessageView, Page, ReplyInput, SyncSummary,
  Ticket,
} from './types';

/** The tickets app.HelpdeskAPI offers, one function per bound method. */
export const helpdesk = {
  list: (f: Filter): Promise<Page> => HelpdeskAPI.List(models.Filter.createFrom(f)),
  get: (id: number): Promise<Ticket> => HelpdeskAPI.Get(id),
  messageHTML: (itemId: number, allowRemote: boolean): Promise<MessageView> => HelpdeskAPI.MessageHTML(itemId, allowRemote),
  // Go's []byte arrives as a base64 string, whatever the generated type (number[]) says
  attachment: (itemId: number, index: number) =>
    HelpdeskAPI.Attachment(itemId, index) as unknown as Promise<AttachmentData>,
  update: (id: number, c: Change): Promise<Ticket> => HelpdeskAPI.Update(id, models.Change.createFrom(c)),
  addNote: (id: number, text: string): Promise<Ticket> => HelpdeskAPI.AddNote(id, text),
  reply: (id: number, r: ReplyInput): Promise<Ticket> => HelpdeskAPI.Reply(id, models.ReplyInput.createFrom(r)),
  canned: async (): Promise<Canned[]> => (await HelpdeskAPI.CannedReplies()).replies ?? [],
  saveCanned: (c: Canned): Promise<Canned> => HelpdeskAPI.SaveCanned(models.Canned.createFrom(c)),
  deleteCanned: async (id: number): Promise<Canned[]> => (await HelpdeskAPI.DeleteCanned(id)).replies ?? [],
  resolveConflict: (id: number, keep: 'mine' | 'theirs'): Promise<Ticket> => HelpdeskAPI.ResolveConflict(id, keep),
  counts: (): Promise<Counts> => HelpdeskAPI.Counts(),
};

/** The mail engine's status and the Sync now button, from app.MailAPI. */
export const mailbox = {
  status: (): Promise<MailStatus> => MailAPI.Status(),
  syncNow: (operation = ''): Promise<SyncSummary> => MailAPI.SyncNow(operation),
  /** The configured mailboxes' names, for the mailbox filter. */
  names: async (): Promise<string[]> => ((await MailAPI.Mailboxes()).mailboxes ?? []).map((m) => m.name),
};

/** Operators who can take tickets (help desk and admins). */
export async function assignees(): Promise<Assignee[]> {
  const all = (await OperatorsAPI.List()) ?? [];
  return all.filter((o) => o.role === 'helpdesk' || o.role === 'admin').map((o) => ({ id: o.id, name: o.name, role: o.role }));
}
