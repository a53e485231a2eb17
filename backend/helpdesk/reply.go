package helpdesk

import (
	"context"
	"database/sql"
	"encoding/base64"
	"fmt"
	"strings"
	"time"

	"staffdesk/backend/apperr"
	"staffdesk/backend/mail"
	"staffdesk/backend/mail/message"
)

// maxReferences is how many of the thread's Message-IDs a reply carries in References (RFC 5322 keeps
// the first and the latest when a thread grows long).
const maxReferences = 20

// replyContext is what a reply needs to know about its ticket.
type replyContext struct {
	subject   string
	requester message.Address
	mailboxID int64
	state     State
	ids       []string // Message-IDs of the thread, oldest first
	lastIn    string   // the latest mail from the member
}

// Reply writes a reply to the requester from the ticket's mailbox address, with In-Reply-To, References
// and the [#N] token, and queues it for sending in the same transaction as the thread item, which shows
// as "queued" until the mail area reports it sent. The ticket then moves to in.Status (pending by default).
func (s *Service) Reply(ctx context.Context, id int64, in ReplyInput) (Ticket, error) {
	a, err := requireDesk(ctx)
	if err != nil {
		return Ticket{}, err
	}
	if strings.TrimSpace(in.Text) == "" {
		return Ticket{}, apperr.New(apperr.Invalid, "the reply is empty")
	}
	if in.Status == "" {
		in.Status = StatusPending
	}
	if !validStatus(in.Status) {
		return Ticket{}, apperr.New(apperr.Invalid, "status %q: choose new, open, pending, solved or closed", in.Status)
	}
	var rc replyContext
	if err := s.db.View(ctx, func(tx *sql.Tx) (err error) { rc, err = loadReplyContext(ctx, tx, id); return err }); err != nil {
		return Ticket{}, err
	}
	from, err := s.mail.MailboxAddress(ctx, rc.mailboxID)
	if err != nil {
		return Ticket{}, fmt.Errorf("reply to ticket %d: %w", id, err)
	}
	now := s.clock.Now()
	raw, msgID, err := message.BuildReply(message.Reply{From: from, To: []message.Address{rc.requester},
		Subject: message.WithToken(rc.subject, id), InReplyTo: rc.lastIn, References: trimRefs(rc.ids),
		Text: in.Text, Date: now, IDDomain: domainOf(from.Email)})
	if err != nil {
		return Ticket{}, apperr.Wrap(apperr.Invalid, err, "cannot write this reply")
	}
	m := &message.Message{MessageID: msgID, From: from, To: []message.Address{rc.requester}, Text: in.Text}
	err = s.db.Update(ctx, func(tx *sql.Tx) error {
		itemID, err := s.insertItem(ctx, tx, id, KindOut, m, m.Text, now, "queued")
		if err != nil {
			return err
		}
		outboxID, err := s.mail.QueueSend(ctx, tx, mail.Outgoing{MailboxID: rc.mailboxID, From: from.Email,
			To: []string{rc.requester.Email}, Raw: raw})
		if err != nil {
			return fmt.Errorf("queue reply: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE helpdesk_items SET outbox_id = ?, author = ? WHERE id = ?`, outboxID, a.Name, itemID); err != nil {
			return fmt.Errorf("queue reply: %w", err)
		}
		return s.afterReply(ctx, tx, id, rc.state, in.Status, itemID, now, in.Text, m)
	})
	if err != nil {
		return Ticket{}, err
	}
	return s.Get(ctx, id)
}

// afterReply moves the ticket to its new status and refreshes its activity and search index.
func (s *Service) afterReply(ctx context.Context, tx *sql.Tx, id int64, old State, status string, itemID int64, now time.Time, text string, m *message.Message) error {
	next := old
	next.Status = status
	if next != old {
		if err := s.saveState(ctx, tx, id, next); err != nil {
			return err
		}
	}
	if err := s.touchTicket(ctx, tx, id, now, text); err != nil {
		return err
	}
	if err := s.addParticipants(ctx, tx, id, append([]message.Address{m.From}, m.To...)); err != nil {
		return err
	}
	if err := s.reindex(ctx, tx, id); err != nil {
		return err
	}
	if err := s.queueState(ctx, tx, id, old, next); err != nil {
		return err
	}
	return s.record(ctx, tx, auditEvent("ticket.reply", id, map[string]string{"item": idStr(itemID), "status": status}))
}

func loadReplyContext(ctx context.Context, tx *sql.Tx, id int64) (replyContext, error) {
	var rc replyContext
	err := tx.QueryRowContext(ctx, `SELECT subject, requester_name, requester_email, mailbox_id, status, assignee_id, priority
		FROM helpdesk_tickets WHERE id = ? AND redacted_at = 0`, id).Scan(&rc.subject, &rc.requester.Name, &rc.requester.Email,
		&rc.mailboxID, &rc.state.Status, &rc.state.AssigneeID, &rc.state.Priority)
	if err == sql.ErrNoRows {
		return rc, apperr.New(apperr.NotFound, "ticket %d does not exist", id)
	}
	if err != nil {
		return rc, fmt.Errorf("read ticket: %w", err)
	}
	if rc.requester.Email == "" {
		return rc, apperr.New(apperr.Invalid, "ticket %d has no requester address to reply to", id)
	}
	rows, err := tx.QueryContext(ctx, `SELECT kind, message_id FROM helpdesk_items WHERE ticket_id = ? AND message_id <> ''
		AND kind IN ('in', 'out') ORDER BY date, id`, id)
	if err != nil {
		return rc, fmt.Errorf("read thread: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind, mid string
		if err := rows.Scan(&kind, &mid); err != nil {
			return rc, fmt.Errorf("read thread: %w", err)
		}
		rc.ids = append(rc.ids, mid)
		if kind == KindIn {
			rc.lastIn = mid
		}
	}
	if rc.lastIn == "" && len(rc.ids) > 0 {
		rc.lastIn = rc.ids[len(rc.ids)-1]
	}
	return rc, rows.Err()
}

func trimRefs(ids []string) []string {
	if len(ids) <= maxReferences {
		return ids
	}
	return append([]string{ids[0]}, ids[len(ids)-maxReferences+1:]...)
}

func domainOf(email string) string {
	if _, d, ok := strings.Cut(email, "@"); ok && d != "" {
		return d
	}
	return "staffdesk.invalid"
}

// MessageHTML returns a mail's HTML made safe to show: no script, remote images only when allowRemote,
// and cid: images inlined as data: URLs from the stored mail.
func (s *Service) MessageHTML(ctx context.Context, itemID int64, allowRemote bool) (message.Sanitized, error) {
	if _, err := requireDesk(ctx); err != nil {
		return message.Sanitized{}, err
	}
	var html string
	var ref int64
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT i.html, coalesce((SELECT min(ref) FROM helpdesk_refs r WHERE r.item_id = i.id), 0)
			FROM helpdesk_items i JOIN helpdesk_tickets t ON t.id = i.ticket_id WHERE i.id = ? AND t.redacted_at = 0`, itemID).Scan(&html, &ref)
		if err == sql.ErrNoRows {
			return apperr.New(apperr.NotFound, "message %d does not exist", itemID)
		}
		return wrapErr("read message", err)
	})
	if err != nil {
		return message.Sanitized{}, err
	}
	cids := map[string]string{}
	if ref > 0 && strings.Contains(strings.ToLower(html), "cid:") {
		if m, err := s.stored(ctx, ref); err == nil {
			cids = cidURLs(m)
		}
	}
	return message.Sanitize(html, message.SanitizeOptions{AllowRemoteImages: allowRemote,
		CIDURL: func(cid string) string { return cids[strings.Trim(cid, "<>")] }}), nil
}

// cidURLs maps each image part's Content-ID to a data: URL of its content.
func cidURLs(m *message.Message) map[string]string {
	out := map[string]string{}
	for _, a := range m.Attachments {
		ct := strings.ToLower(a.ContentType)
		if a.ContentID == "" || !strings.HasPrefix(ct, "image/") || strings.Contains(ct, "svg") {
			continue
		}
		out[strings.Trim(a.ContentID, "<>")] = "data:" + ct + ";base64," + base64.StdEncoding.EncodeToString(a.Data)
	}
	return out
}

// Attachment returns one attachment of a mail, read from the stored message.
func (s *Service) Attachment(ctx context.Context, itemID int64, index int) (AttachmentData, error) {
	if _, err := requireDesk(ctx); err != nil {
		return AttachmentData{}, err
	}
	var ref int64
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT coalesce(min(r.ref), 0) FROM helpdesk_items i JOIN helpdesk_tickets t ON t.id = i.ticket_id
			LEFT JOIN helpdesk_refs r ON r.item_id = i.id WHERE i.id = ? AND t.redacted_at = 0`, itemID).Scan(&ref)
		return wrapErr("read message", err)
	})
	if err != nil {
		return AttachmentData{}, err
	}
	if ref == 0 {
		return AttachmentData{}, apperr.New(apperr.NotFound, "message %d has no stored mail: it was deleted on the server", itemID)
	}
	m, err := s.stored(ctx, ref)
	if err != nil {
		return AttachmentData{}, err
	}
	for _, a := range m.Attachments {
		if a.Index == index {
			return AttachmentData{Filename: a.Filename, ContentType: a.ContentType, Data: a.Data}, nil
		}
	}
	return AttachmentData{}, apperr.New(apperr.NotFound, "message %d has no attachment %d", itemID, index)
}

// stored reads and parses a mail the mail area keeps.
func (s *Service) stored(ctx context.Context, ref int64) (*message.Message, error) {
	raw, err := s.mail.Raw(ctx, ref)
	if err != nil {
		return nil, fmt.Errorf("read stored mail: %w", err)
	}
	m, err := message.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("read stored mail: %w", err)
	}
	return m, nil
}
