package helpdesk

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"staffdesk/backend/mail"
	"staffdesk/backend/mail/message"
)

var (
	_ mail.BatchSink   = (*Service)(nil)
	_ mail.FailureSink = (*Service)(nil)
)

// Deliver files one stored mail, inside the mail area's transaction: see DeliverBatch.
func (s *Service) Deliver(ctx context.Context, tx *sql.Tx, d mail.Delivery) error {
	return s.DeliverBatch(ctx, tx, []mail.Delivery{d})
}

// DeliverBatch files stored mails in order, inside the mail area's transaction: a copy already known (same
// Message-ID, or same content hash when it has none, in any mailbox) is only linked; a reply joins its
// ticket; an auto-reply or bounce joins a ticket as "auto" or is set aside, never opening or reopening one;
// mail in a Sent folder joins its ticket as our reply; anything else opens a new ticket, written with the
// others the batch opens (see batch). Running it twice for the same refs changes nothing. The audit log
// gets opened tickets (one entry per run of them, see openEvents) and reopened ones, state taken from
// another laptop and conflicts (ids only); a message joining a ticket without changing it is not an event.
func (s *Service) DeliverBatch(ctx context.Context, tx *sql.Tx, ds []mail.Delivery) error {
	b := newBatch()
	if err := s.loadKnown(ctx, tx, b, ds); err != nil {
		return err
	}
	for _, d := range ds {
		if err := s.deliver(ctx, tx, b, d); err != nil {
			return err
		}
	}
	return s.writeOpenings(ctx, tx, b)
}

func (s *Service) deliver(ctx context.Context, tx *sql.Tx, b *batch, d mail.Delivery) error {
	if d.Msg == nil {
		return nil
	}
	defer func() { b.known[mailKey(d.Msg)] = true }()
	if b.related(d.Msg) {
		if err := s.writeOpenings(ctx, tx, b); err != nil {
			return err
		}
	}
	if known, err := s.refKnown(ctx, tx, b, d.Ref); err != nil || known {
		return err
	}
	var itemID, ticketID int64
	var err error
	if b.known[mailKey(d.Msg)] {
		if itemID, ticketID, err = s.findCopy(ctx, tx, d.Msg); err != nil {
			return err
		}
	}
	if itemID > 0 {
		if err := s.linkRef(ctx, tx, d.Ref, itemID, d.MailboxID); err != nil {
			return err
		}
		if d.SentFolder {
			// Our reply's copy in Sent proves it went out, even if the report of the send was lost.
			if _, err := s.exec(ctx, tx, `UPDATE helpdesk_items SET delivery = 'sent' WHERE id = ? AND delivery = 'queued'`, itemID); err != nil {
				return fmt.Errorf("mark reply sent: %w", err)
			}
		}
		return s.applyServerState(ctx, tx, ticketID, d.Keywords)
	}
	ticketID, err = s.threadOf(ctx, tx, d.Msg)
	if err != nil {
		return err
	}
	switch {
	case d.Msg.Auto != "":
		return s.deliverAuto(ctx, tx, d, ticketID)
	case d.SentFolder:
		if ticketID == 0 {
			return nil
		}
		return s.deliverToTicket(ctx, tx, d, ticketID, KindOut)
	case ticketID == 0:
		s.holdOpening(b, d)
		return nil
	}
	return s.deliverToTicket(ctx, tx, d, ticketID, KindIn)
}

// refKnown reports whether the mail area's message ref was delivered before. New mail has refs above
// every delivered one, so only a ref at or below the highest known at the batch's start is looked up.
func (s *Service) refKnown(ctx context.Context, tx *sql.Tx, b *batch, ref int64) (bool, error) {
	if b.seen[ref] {
		return true, nil
	}
	b.seen[ref] = true
	if b.maxRef < 0 {
		err := s.queryRow(ctx, tx, `SELECT max((SELECT coalesce(max(ref), 0) FROM helpdesk_refs),
			(SELECT coalesce(max(ref), 0) FROM helpdesk_unticketed))`).Scan(&b.maxRef)
		if err != nil {
			return false, fmt.Errorf("check delivered mail: %w", err)
		}
	}
	if ref > b.maxRef {
		return false, nil
	}
	var n int
	err := s.queryRow(ctx, tx, `SELECT (SELECT count(*) FROM helpdesk_refs WHERE ref = ?) +
		(SELECT count(*) FROM helpdesk_unticketed WHERE ref = ?)`, ref, ref).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("check delivered mail: %w", err)
	}
	return n > 0, nil
}

// findCopy finds an item holding the same mail: by Message-ID, else by content hash.
func (s *Service) findCopy(ctx context.Context, tx *sql.Tx, m *message.Message) (itemID, ticketID int64, err error) {
	q, arg := `SELECT id, ticket_id FROM helpdesk_items WHERE message_id = ? LIMIT 1`, m.MessageID
	if m.MessageID == "" {
		if m.ContentHash == "" {
			return 0, 0, nil
		}
		q, arg = `SELECT id, ticket_id FROM helpdesk_items WHERE content_hash = ? AND message_id = '' LIMIT 1`, m.ContentHash
	}
	err = s.queryRow(ctx, tx, q, arg).Scan(&itemID, &ticketID)
	if err == sql.ErrNoRows {
		return 0, 0, nil
	}
	if err != nil {
		return 0, 0, fmt.Errorf("find known mail: %w", err)
	}
	return itemID, ticketID, nil
}

// linkRef links a delivered mail, which refKnown found unlinked, to its item. A plain INSERT: with OR
// REPLACE the statement would open a statement journal, and FTS5 flush its pending index once per mail.
func (s *Service) linkRef(ctx context.Context, tx *sql.Tx, ref, itemID, mailboxID int64) error {
	_, err := s.exec(ctx, tx, `INSERT INTO helpdesk_refs (ref, item_id, mailbox_id) VALUES (?, ?, ?)`,
		ref, itemID, mailboxID)
	if err != nil {
		return fmt.Errorf("link mail to ticket: %w", err)
	}
	return nil
}

func (s *Service) deliverAuto(ctx context.Context, tx *sql.Tx, d mail.Delivery, ticketID int64) error {
	if ticketID == 0 {
		_, err := s.exec(ctx, tx, `INSERT INTO helpdesk_unticketed (ref, mailbox, reason, subject, from_email, date)
			VALUES (?, ?, ?, ?, ?, ?)`, d.Ref, d.Mailbox, string(d.Msg.Auto), d.Msg.Subject, d.Msg.From.Email,
			ms(s.mailDate(d.Msg)))
		if err != nil {
			return fmt.Errorf("set aside %s: %w", d.Msg.Auto, err)
		}
		return nil
	}
	itemID, err := s.insertItem(ctx, tx, ticketID, KindAuto, d.Msg, "", s.mailDate(d.Msg), "")
	if err != nil {
		return err
	}
	if err := s.linkRef(ctx, tx, d.Ref, itemID, d.MailboxID); err != nil {
		return err
	}
	_, err = s.exec(ctx, tx, `UPDATE helpdesk_tickets SET messages = messages + 1 WHERE id = ?`, ticketID)
	return wrapErr("count auto-reply", err)
}

// holdOpening holds a new ticket of a mail that starts a conversation, in the state another laptop
// stored on it when it carries one, for writeOpenings.
func (s *Service) holdOpening(b *batch, d mail.Delivery) {
	m := d.Msg
	subject := m.Subject
	if subject == "" {
		subject = "(no subject)"
	}
	st, stamped := parseState(d.Keywords)
	if !stamped {
		st = State{Status: StatusNew, Priority: "normal"}
	}
	b.hold(opening{d: d, st: st, subject: subject, req: requester(m), at: ms(s.mailDate(m))})
}

// deliverToTicket adds a member's reply (or our reply found in a Sent folder) to its ticket. A member's
// reply reopens a pending, solved or closed ticket, unless the mail already carries another laptop's state.
func (s *Service) deliverToTicket(ctx context.Context, tx *sql.Tx, d mail.Delivery, ticketID int64, kind string) error {
	at := s.mailDate(d.Msg)
	if err := s.addMessage(ctx, tx, d, ticketID, kind, at); err != nil {
		return err
	}
	if _, stamped := parseState(d.Keywords); stamped {
		return s.applyServerState(ctx, tx, ticketID, d.Keywords)
	}
	old, err := s.loadState(ctx, tx, ticketID)
	if err != nil {
		return err
	}
	next := old
	if kind == KindIn && reopens(old.Status) {
		next.Status = StatusOpen
		if _, err := s.exec(ctx, tx, `UPDATE helpdesk_tickets SET status = ? WHERE id = ?`, next.Status, ticketID); err != nil {
			return fmt.Errorf("reopen ticket: %w", err)
		}
		if err := s.record(ctx, tx, auditEvent("ticket.reopen", ticketID, map[string]string{"from": old.Status, "ref": idStr(d.Ref)})); err != nil {
			return err
		}
		if err := s.reindex(ctx, tx, ticketID); err != nil {
			return err
		}
	}
	if next != old || next.Status != StatusNew {
		if err := s.queueState(ctx, tx, ticketID, old, next); err != nil {
			return err
		}
	}
	return nil
}

// requester is who a new ticket answers: the Reply-To address when the mail names one (a website's contact
// form sends from its own address on the member's behalf), else the sender.
func requester(m *message.Message) message.Address {
	for _, a := range m.ReplyTo {
		if a.Email != "" {
			return a
		}
	}
	return m.From
}

// mailAddresses is everyone on a mail: sender, Reply-To, To and Cc.
func mailAddresses(m *message.Message) []message.Address {
	out := append([]message.Address{m.From}, m.ReplyTo...)
	return append(append(out, m.To...), m.Cc...)
}

// reopens reports whether a member's reply reopens a ticket in status st (as in Zammad).
func reopens(st string) bool {
	return st == StatusPending || st == StatusSolved || st == StatusClosed
}

// addMessage stores a mail as a thread item of the ticket, links its ref, and refreshes the ticket's
// activity, participants and search index.
func (s *Service) addMessage(ctx context.Context, tx *sql.Tx, d mail.Delivery, ticketID int64, kind string, at time.Time) error {
	delivery := ""
	if kind == KindOut {
		delivery = "sent"
	}
	itemID, err := s.insertItem(ctx, tx, ticketID, kind, d.Msg, "", at, delivery)
	if err != nil {
		return err
	}
	if err := s.linkRef(ctx, tx, d.Ref, itemID, d.MailboxID); err != nil {
		return err
	}
	if err := s.touchTicket(ctx, tx, ticketID, at, d.Msg.Text); err != nil {
		return err
	}
	if err := s.addParticipants(ctx, tx, ticketID, mailAddresses(d.Msg)); err != nil {
		return err
	}
	return s.reindex(ctx, tx, ticketID)
}

// Sent marks our queued reply as sent once the mail area has handed it to the SMTP server.
func (s *Service) Sent(ctx context.Context, tx *sql.Tx, outboxID int64, sentRef int64) error {
	var itemID int64
	err := s.queryRow(ctx, tx, `SELECT id FROM helpdesk_items WHERE outbox_id = ?`, outboxID).Scan(&itemID)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return fmt.Errorf("find queued reply: %w", err)
	}
	if _, err := s.exec(ctx, tx, `UPDATE helpdesk_items SET delivery = 'sent' WHERE id = ?`, itemID); err != nil {
		return fmt.Errorf("mark reply sent: %w", err)
	}
	if sentRef > 0 {
		_, err := s.exec(ctx, tx, `INSERT OR REPLACE INTO helpdesk_refs (ref, item_id, mailbox_id) VALUES (?, ?, 0)`,
			sentRef, itemID)
		if err != nil {
			return fmt.Errorf("link sent reply: %w", err)
		}
	}
	return nil
}

// SendFailed marks our reply failed when the SMTP server refused it for good, with the server's reason
// among the item's warnings, and brings the ticket back to the top of the list.
func (s *Service) SendFailed(ctx context.Context, tx *sql.Tx, outboxID int64, reason string) error {
	var itemID, ticketID int64
	var warnings string
	err := tx.QueryRowContext(ctx, `SELECT id, ticket_id, warnings FROM helpdesk_items WHERE outbox_id = ?`, outboxID).
		Scan(&itemID, &ticketID, &warnings)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return fmt.Errorf("find failed reply: %w", err)
	}
	var list []string
	json.Unmarshal([]byte(warnings), &list)
	list = append(list, "not sent: "+reason)
	if _, err := tx.ExecContext(ctx, `UPDATE helpdesk_items SET delivery = 'failed', warnings = ? WHERE id = ?`, jsonText(list), itemID); err != nil {
		return fmt.Errorf("mark reply failed: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE helpdesk_tickets SET updated_at = max(updated_at, ?) WHERE id = ?`,
		ms(s.clock.Now()), ticketID); err != nil {
		return fmt.Errorf("mark reply failed: %w", err)
	}
	return s.record(ctx, tx, auditEvent("ticket.send_failed", ticketID, map[string]string{"item": idStr(itemID)}))
}

// Expunged forgets the mail area's messages that were deleted on the server. The ticket and its thread
// stay: a help desk does not lose history because someone cleaned up a mailbox.
func (s *Service) Expunged(ctx context.Context, tx *sql.Tx, refs []int64) error {
	for _, ref := range refs {
		if _, err := s.exec(ctx, tx, `DELETE FROM helpdesk_refs WHERE ref = ?`, ref); err != nil {
			return fmt.Errorf("forget expunged mail: %w", err)
		}
	}
	return nil
}
