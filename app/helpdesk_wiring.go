package app

import (
	"context"
	netmail "net/mail"

	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/helpdesk"
	"staffdesk/backend/mail"
	"staffdesk/backend/mail/message"
	"staffdesk/backend/operators"
)

// wireHelpdesk builds the mail area's store-side half and the help desk over it. The mail service, built
// after it, takes svc.Helpdesk as its Sink (mail.NewMessages -> helpdesk.NewService -> mail.NewService).
func (svc *Services) wireHelpdesk(cfg Config, u *operators.Unlocked, au *audit.Service) {
	svc.MailMessages = mail.NewMessages(u.DB, cfg.Clock)
	svc.Helpdesk = helpdesk.NewService(u.DB, au, cfg.Clock, &helpdeskMail{Messages: svc.MailMessages, svc: svc}, svc.Operators)
}

// helpdeskMail is the mail area as the help desk sees it: the store-side Messages, and each mailbox's
// From address, read from the mail service's mailbox list.
type helpdeskMail struct {
	*mail.Messages
	svc *Services
}

// MailboxAddress is the address replies from a mailbox are sent from.
func (h *helpdeskMail) MailboxAddress(ctx context.Context, mailboxID int64) (message.Address, error) {
	if h.svc.Mail == nil {
		return message.Address{}, apperr.New(apperr.Conflict, "mail is not set up on this laptop")
	}
	boxes, err := h.svc.Mail.ListMailboxes(ctx)
	if err != nil {
		return message.Address{}, err
	}
	for _, b := range boxes {
		if b.ID != mailboxID {
			continue
		}
		if a, err := netmail.ParseAddress(b.From); err == nil {
			return message.Address{Name: a.Name, Email: a.Address}, nil
		}
		return message.Address{Email: b.From}, nil
	}
	return message.Address{}, apperr.New(apperr.NotFound, "the ticket's mailbox was removed: add it again to reply")
}
