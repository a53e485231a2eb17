package app

import (
	"context"

	"staffdesk/backend/mail"
)

// MailAPI is the help-desk mailboxes and their sync.
type MailAPI struct {
	ctx     context.Context
	session *Session
}

// MailboxList is the configured mailboxes.
type MailboxList struct {
	Mailboxes []mail.Mailbox `json:"mailboxes"`
}

// Mailboxes returns the configured mailboxes, without passwords.
func (a *MailAPI) Mailboxes() (MailboxList, error) {
	var out MailboxList
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out.Mailboxes, err = svc.Mail.ListMailboxes(ctx)
		return err
	})
	return out, uiError(err)
}

// AddMailbox stores a mailbox and its credentials in the encrypted store. Admins only.
func (a *MailAPI) AddMailbox(in mail.MailboxInput) (mail.Mailbox, error) {
	var out mail.Mailbox
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Mail.AddMailbox(ctx, in)
		return err
	})
	return out, uiError(err)
}

// RemoveMailbox forgets a mailbox and its synced mail. Admins only.
func (a *MailAPI) RemoveMailbox(name string) (MailboxList, error) {
	var out MailboxList
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		if err := svc.Mail.RemoveMailbox(ctx, name); err != nil {
			return err
		}
		out.Mailboxes, err = svc.Mail.ListMailboxes(ctx)
		return err
	})
	return out, uiError(err)
}

// TestMailbox signs in to a mailbox's server and reports what it offers.
func (a *MailAPI) TestMailbox(name string) (mail.TestResult, error) {
	var out mail.TestResult
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Mail.TestMailbox(ctx, name)
		return err
	})
	return out, uiError(err)
}

// SyncNow flushes the outbox and syncs every mailbox; progress arrives as "mail:progress" events.
func (a *MailAPI) SyncNow(operation string) (mail.SyncSummary, error) {
	var out mail.SyncSummary
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Mail.Sync(ctx, mail.SyncOptions{Operation: operation}, nil)
		return err
	})
	return out, uiError(err)
}

// Status returns whether the servers were reached, whether a sync runs, and the outbox count.
func (a *MailAPI) Status() (mail.Status, error) {
	var out mail.Status
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Mail.Status(ctx)
		return err
	})
	return out, uiError(err)
}
