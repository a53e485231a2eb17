package app

import (
	"context"
	"database/sql"
	"fmt"
	netmail "net/mail"

	"staffdesk/backend/competitions"
	"staffdesk/backend/helpdesk"
	"staffdesk/backend/mail"
	"staffdesk/backend/mail/message"
)

var _ mail.BatchSink = (*mailRouter)(nil)

// mailRouter is the mail sync's Sink: a delivery from a folder linked to a competition becomes an entry,
// anything else goes to the help desk. Sends are reported to both (each knows only its own outbox ids);
// keyword changes, expunges and conflicts concern only help-desk tickets.
type mailRouter struct {
	*helpdesk.Service
	comps *competitions.Service
	msgs  *mail.Messages
}

// Deliver routes one synced message, inside the sync's transaction: see DeliverBatch.
func (r *mailRouter) Deliver(ctx context.Context, tx *sql.Tx, d mail.Delivery) error {
	return r.DeliverBatch(ctx, tx, []mail.Delivery{d})
}

// DeliverBatch routes a stored batch of synced messages, inside the sync's transaction: those from a
// folder linked to a competition become entries (each folder's link looked up once), the rest go to the
// help desk together.
func (r *mailRouter) DeliverBatch(ctx context.Context, tx *sql.Tx, ds []mail.Delivery) error {
	desk := make([]mail.Delivery, 0, len(ds))
	links := map[[2]string]string{}
	for _, d := range ds {
		if d.Msg == nil || d.SentFolder {
			desk = append(desk, d)
			continue
		}
		key := [2]string{d.Mailbox, d.Folder}
		id, ok := links[key]
		if !ok {
			var err error
			if id, err = r.comps.LinkedTx(ctx, tx, d.Mailbox, d.Folder); err != nil {
				return err
			}
			links[key] = id
		}
		if id == "" {
			desk = append(desk, d)
			continue
		}
		if err := r.deliverEntry(ctx, tx, id, d); err != nil {
			return err
		}
	}
	return r.Service.DeliverBatch(ctx, tx, desk)
}

// deliverEntry makes a competition entry of a mail from a linked folder. Auto-replies and bounces are no
// entries and are left there. Once a competition has taken a mail, the mail area forgets its stored copy:
// the entry is the only record, and the competition's retention governs it.
func (r *mailRouter) deliverEntry(ctx context.Context, tx *sql.Tx, competitionID string, d mail.Delivery) error {
	if d.Msg.Auto != "" {
		return nil
	}
	_, err := r.comps.DeliverMailTx(ctx, tx, competitionID, competitions.MailEntry{Mailbox: d.Mailbox, Folder: d.Folder,
		MessageID: d.Msg.MessageID, ContentHash: d.Msg.ContentHash, FromName: d.Msg.From.Name, FromEmail: d.Msg.From.Email,
		Date: d.Msg.Date, Text: d.Msg.Text})
	if err != nil {
		return err
	}
	return r.msgs.ForgetTx(ctx, tx, d.Ref)
}

// Sent tells competitions and the help desk that an outbox message went out.
func (r *mailRouter) Sent(ctx context.Context, tx *sql.Tx, outboxID int64, sentRef int64) error {
	if err := r.comps.SentTx(ctx, tx, outboxID); err != nil {
		return err
	}
	return r.Service.Sent(ctx, tx, outboxID, sentRef)
}

// competitionsMail queues winner notifications in the mail outbox, from the competition's linked mailbox
// or else the first mailbox that can send.
type competitionsMail struct {
	msgs *mail.Messages
}

// QueueNotification builds the notification and queues it; competitions.ErrNoMailbox when no mailbox
// with SMTP is set up.
func (m competitionsMail) QueueNotification(ctx context.Context, tx *sql.Tx, n competitions.Notification) (int64, error) {
	senders, err := m.msgs.Senders(ctx)
	if err != nil {
		return 0, err
	}
	box, ok := pickSender(senders, n.Mailbox)
	if !ok {
		return 0, competitions.ErrNoMailbox
	}
	from := message.Address{Email: box.From}
	if a, err := netmail.ParseAddress(box.From); err == nil {
		from = message.Address{Name: a.Name, Email: a.Address}
	}
	raw, _, err := message.BuildReply(message.Reply{From: from, To: []message.Address{{Name: n.ToName, Email: n.To}},
		Subject: n.Subject, Text: n.Body, Date: n.Date})
	if err != nil {
		return 0, fmt.Errorf("build notification: %w", err)
	}
	return m.msgs.QueueSend(ctx, tx, mail.Outgoing{MailboxID: box.MailboxID, From: from.Email, To: []string{n.To}, Raw: raw})
}

// pickSender picks the mailbox named preferred if it can send, else the first that can.
func pickSender(senders []mail.Sender, preferred string) (mail.Sender, bool) {
	for _, s := range senders {
		if s.Name == preferred {
			return s, true
		}
	}
	if len(senders) == 0 {
		return mail.Sender{}, false
	}
	return senders[0], true
}
