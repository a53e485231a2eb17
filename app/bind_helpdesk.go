package app

import (
	"context"

	"staffdesk/backend/helpdesk"
	"staffdesk/backend/mail/message"
)

// HelpdeskAPI is the help desk: tickets from the shared mailboxes, their threads, replies and notes.
type HelpdeskAPI struct {
	ctx     context.Context
	session *Session
}

// List returns one page of the tickets the filter selects, latest activity first, and their total.
func (a *HelpdeskAPI) List(f helpdesk.Filter) (helpdesk.Page, error) {
	var out helpdesk.Page
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Helpdesk.List(ctx, f)
		return err
	})
	return out, uiError(err)
}

// Counts returns the numbers beside the views (New, Open, Pending, Solved, Closed, Mine, All).
func (a *HelpdeskAPI) Counts() (helpdesk.Counts, error) {
	var out helpdesk.Counts
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Helpdesk.Counts(ctx)
		return err
	})
	return out, uiError(err)
}

// Get returns one ticket with its whole thread.
func (a *HelpdeskAPI) Get(id int64) (helpdesk.Ticket, error) {
	var out helpdesk.Ticket
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Helpdesk.Get(ctx, id)
		return err
	})
	return out, uiError(err)
}

// MessageView is one HTML mail made safe: the sanitised HTML and message.FrameDocument around it (its
// Content-Security-Policy allows no script and, unless RemoteShown, images from data: only).
type MessageView struct {
	HTML         string `json:"html"`
	Document     string `json:"document"`
	RemoteImages int    `json:"remoteImages"`
	RemoteShown  bool   `json:"remoteShown"`
}

// MessageHTML returns a mail's HTML made safe to show in a sandboxed frame; remote images only when allowRemote.
func (a *HelpdeskAPI) MessageHTML(itemID int64, allowRemote bool) (MessageView, error) {
	var out MessageView
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) error {
		s, err := svc.Helpdesk.MessageHTML(ctx, itemID, allowRemote)
		out = MessageView{HTML: s.HTML, Document: message.FrameDocument(s), RemoteImages: s.RemoteImages, RemoteShown: s.RemoteShown}
		return err
	})
	return out, uiError(err)
}

// Attachment returns one attachment of a mail, for download.
func (a *HelpdeskAPI) Attachment(itemID int64, index int) (helpdesk.AttachmentData, error) {
	var out helpdesk.AttachmentData
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Helpdesk.Attachment(ctx, itemID, index)
		return err
	})
	return out, uiError(err)
}

// Update changes a ticket's status, assignee, priority, tags or sensitive mark.
func (a *HelpdeskAPI) Update(id int64, c helpdesk.Change) (helpdesk.Ticket, error) {
	var out helpdesk.Ticket
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Helpdesk.Update(ctx, id, c)
		return err
	})
	return out, uiError(err)
}

// AddNote adds an internal note, which only staff see.
func (a *HelpdeskAPI) AddNote(id int64, text string) (helpdesk.Ticket, error) {
	var out helpdesk.Ticket
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Helpdesk.AddNote(ctx, id, text)
		return err
	})
	return out, uiError(err)
}

// Reply queues a reply to the requester and sets the ticket's status after sending.
func (a *HelpdeskAPI) Reply(id int64, in helpdesk.ReplyInput) (helpdesk.Ticket, error) {
	var out helpdesk.Ticket
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Helpdesk.Reply(ctx, id, in)
		return err
	})
	return out, uiError(err)
}

// CannedList is the saved replies the composer offers.
type CannedList struct {
	Replies []helpdesk.Canned `json:"replies"`
}

// CannedReplies returns the saved replies, by title.
func (a *HelpdeskAPI) CannedReplies() (CannedList, error) {
	var out CannedList
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out.Replies, err = svc.Helpdesk.CannedReplies(ctx)
		return err
	})
	return out, uiError(err)
}

// SaveCanned adds a saved reply (id 0) or changes one.
func (a *HelpdeskAPI) SaveCanned(c helpdesk.Canned) (helpdesk.Canned, error) {
	var out helpdesk.Canned
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Helpdesk.SaveCanned(ctx, c)
		return err
	})
	return out, uiError(err)
}

// DeleteCanned removes a saved reply and returns the ones left.
func (a *HelpdeskAPI) DeleteCanned(id int64) (CannedList, error) {
	var out CannedList
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		if err = svc.Helpdesk.DeleteCanned(ctx, id); err != nil {
			return err
		}
		out.Replies, err = svc.Helpdesk.CannedReplies(ctx)
		return err
	})
	return out, uiError(err)
}

// ResolveConflict ends a ticket's conflict, keeping "mine" or "theirs".
func (a *HelpdeskAPI) ResolveConflict(id int64, keep string) (helpdesk.Ticket, error) {
	var out helpdesk.Ticket
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Helpdesk.ResolveConflict(ctx, id, keep)
		return err
	})
	return out, uiError(err)
}
