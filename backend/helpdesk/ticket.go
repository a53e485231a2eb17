package helpdesk

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"staffdesk/backend/apperr"
	"staffdesk/backend/store"
)

// Get returns a ticket with its thread, oldest first, and its open conflicts.
func (s *Service) Get(ctx context.Context, id int64) (Ticket, error) {
	if _, err := requireDesk(ctx); err != nil {
		return Ticket{}, err
	}
	var t Ticket
	var mailboxID int64
	err := s.db.View(ctx, func(tx *sql.Tx) (err error) {
		t, mailboxID, err = s.loadTicket(ctx, tx, id)
		return err
	})
	if err != nil {
		return Ticket{}, err
	}
	t.SharedState = true
	if mailboxID > 0 && s.mail != nil {
		ok, err := s.mail.KeywordsSupported(ctx, mailboxID)
		t.SharedState = err == nil && ok
	}
	list := []TicketSummary{t.TicketSummary}
	s.nameAssignees(ctx, list)
	t.TicketSummary = list[0]
	return t, nil
}

func (s *Service) loadTicket(ctx context.Context, tx *sql.Tx, id int64) (Ticket, int64, error) {
	var t Ticket
	var mailboxID int64
	sum, err := scanSummary(tx.QueryRowContext(ctx, `SELECT `+summaryColumns+` FROM helpdesk_tickets t WHERE t.id = ? AND t.redacted_at = 0`, id))
	if err != nil {
		if strings.Contains(err.Error(), sql.ErrNoRows.Error()) {
			return t, 0, apperr.New(apperr.NotFound, "ticket %d does not exist", id)
		}
		return t, 0, err
	}
	t.TicketSummary = sum
	if err := tx.QueryRowContext(ctx, `SELECT mailbox_id FROM helpdesk_tickets WHERE id = ?`, id).Scan(&mailboxID); err != nil {
		return t, 0, fmt.Errorf("read ticket: %w", err)
	}
	t.Thread, err = store.Collect("thread", scanItem)(tx.QueryContext(ctx, `SELECT id, kind, from_name, from_email, to_json,
		cc_json, date, text, html <> '', attachments, warnings, delivery, author FROM helpdesk_items WHERE ticket_id = ?
		ORDER BY date, id`, id))
	if err != nil {
		return t, 0, err
	}
	ids, texts := make([]int64, len(t.Thread)), make([]string, len(t.Thread))
	for i, it := range t.Thread {
		ids[i], texts[i] = it.ID, it.Text
	}
	if err := s.mailTexts(ctx, tx, ids, texts); err != nil {
		return t, 0, err
	}
	for i := range t.Thread {
		t.Thread[i].Text = texts[i]
	}
	t.Conflicts, err = store.Collect("conflicts", scanConflict)(tx.QueryContext(ctx, `SELECT c.id, c.at, c.wanted, c.server,
		t.status, t.assignee_id, t.priority FROM helpdesk_conflicts c JOIN helpdesk_tickets t ON t.id = c.ticket_id
		WHERE c.ticket_id = ? AND c.resolved_at = 0`, id))
	if t.Conflicts == nil {
		t.Conflicts = []Conflict{}
	}
	return t, mailboxID, err
}

func scanItem(r store.Scanner) (ThreadItem, error) {
	var it ThreadItem
	var to, cc, atts, warns string
	var date int64
	err := r.Scan(&it.ID, &it.Kind, &it.From.Name, &it.From.Email, &to, &cc, &date, &it.Text, &it.HasHTML, &atts, &warns,
		&it.Delivery, &it.Author)
	if err != nil {
		return it, fmt.Errorf("read thread: %w", err)
	}
	it.Date = fromMS(date)
	json.Unmarshal([]byte(to), &it.To)
	json.Unmarshal([]byte(cc), &it.Cc)
	json.Unmarshal([]byte(atts), &it.Attachments)
	json.Unmarshal([]byte(warns), &it.Warnings)
	return it, nil
}

// scanConflict reads a conflict: theirs from the server's keywords, mine from the ticket as it stands.
func scanConflict(r store.Scanner) (Conflict, error) {
	var c Conflict
	var at int64
	var wanted, server string
	if err := r.Scan(&c.ID, &at, &wanted, &server, &c.Mine.Status, &c.Mine.AssigneeID, &c.Mine.Priority); err != nil {
		return c, fmt.Errorf("read conflict: %w", err)
	}
	c.At = fromMS(at)
	var kws []string
	json.Unmarshal([]byte(server), &kws)
	c.Theirs, _ = parseState(kws)
	return c, nil
}

// Update changes a ticket's status, assignee, priority, tags or sensitive mark. A change of the shared
// state is queued as keywords for the ticket's messages on the server.
func (s *Service) Update(ctx context.Context, id int64, ch Change) (Ticket, error) {
	if _, err := requireDesk(ctx); err != nil {
		return Ticket{}, err
	}
	if err := s.validChange(ctx, ch); err != nil {
		return Ticket{}, err
	}
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		old, err := s.loadState(ctx, tx, id)
		if err == nil {
			err = s.applyChange(ctx, tx, id, old, ch)
		}
		if err != nil && strings.Contains(err.Error(), sql.ErrNoRows.Error()) {
			return apperr.New(apperr.NotFound, "ticket %d does not exist", id)
		}
		return err
	})
	if err != nil {
		return Ticket{}, err
	}
	return s.Get(ctx, id)
}

func (s *Service) validChange(ctx context.Context, ch Change) error {
	if ch.Status != nil && !validStatus(*ch.Status) {
		return apperr.New(apperr.Invalid, "status %q: choose new, open, pending, solved or closed", *ch.Status)
	}
	if ch.Priority != nil && !validPriority(*ch.Priority) {
		return apperr.New(apperr.Invalid, "priority %q: choose low, normal, high or urgent", *ch.Priority)
	}
	for _, t := range append(append([]string{}, ch.AddTags...), ch.RemoveTags...) {
		if n := normTag(t); n == "" || len(n) > 40 {
			return apperr.New(apperr.Invalid, "tag %q: use 1 to 40 letters, digits or dashes", t)
		}
	}
	if ch.AssigneeID == nil || *ch.AssigneeID == "" || s.ops == nil {
		return nil
	}
	ops, err := s.ops.List(ctx)
	if err != nil {
		return err
	}
	for _, o := range ops {
		if o.ID == *ch.AssigneeID {
			return nil
		}
	}
	return apperr.New(apperr.Invalid, "no operator has id %q", *ch.AssigneeID)
}

func (s *Service) applyChange(ctx context.Context, tx *sql.Tx, id int64, old State, ch Change) error {
	next := old
	if ch.Status != nil {
		next.Status = *ch.Status
	}
	if ch.AssigneeID != nil {
		next.AssigneeID = *ch.AssigneeID
	}
	if ch.Priority != nil {
		next.Priority = *ch.Priority
	}
	details := map[string]string{}
	if next != old {
		if err := s.saveState(ctx, tx, id, next); err != nil {
			return err
		}
		if err := s.queueState(ctx, tx, id, old, next); err != nil {
			return err
		}
		details["status"], details["priority"], details["assignee"] = next.Status, next.Priority, next.AssigneeID
	}
	if ch.Sensitive != nil {
		if _, err := tx.ExecContext(ctx, `UPDATE helpdesk_tickets SET sensitive = ? WHERE id = ?`, boolInt(*ch.Sensitive), id); err != nil {
			return fmt.Errorf("mark ticket sensitive: %w", err)
		}
		details["sensitive"] = fmt.Sprint(*ch.Sensitive)
	}
	if len(ch.AddTags)+len(ch.RemoveTags) > 0 {
		if err := setTags(ctx, tx, id, ch.AddTags, ch.RemoveTags); err != nil {
			return err
		}
		details["tagsAdded"], details["tagsRemoved"] = fmt.Sprint(len(ch.AddTags)), fmt.Sprint(len(ch.RemoveTags))
	}
	if _, err := tx.ExecContext(ctx, `UPDATE helpdesk_tickets SET updated_at = max(updated_at, ?) WHERE id = ?`,
		ms(s.clock.Now()), id); err != nil {
		return fmt.Errorf("update ticket: %w", err)
	}
	if ch.Sensitive != nil || len(ch.AddTags)+len(ch.RemoveTags) > 0 {
		if err := s.reindex(ctx, tx, id); err != nil {
			return err
		}
	}
	return s.record(ctx, tx, auditEvent("ticket.update", id, details))
}

// setTags adds and removes tags and refreshes the ticket's tag list.
func setTags(ctx context.Context, tx *sql.Tx, id int64, add, remove []string) error {
	for _, t := range add {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO helpdesk_tags (ticket_id, tag) VALUES (?, ?)`, id, normTag(t)); err != nil {
			return fmt.Errorf("tag ticket: %w", err)
		}
	}
	for _, t := range remove {
		if _, err := tx.ExecContext(ctx, `DELETE FROM helpdesk_tags WHERE ticket_id = ? AND tag = ?`, id, normTag(t)); err != nil {
			return fmt.Errorf("untag ticket: %w", err)
		}
	}
	_, err := tx.ExecContext(ctx, `UPDATE helpdesk_tickets SET tags = (SELECT coalesce(json_group_array(tag), '[]')
		FROM (SELECT tag FROM helpdesk_tags WHERE ticket_id = ? ORDER BY tag)) WHERE id = ?`, id, id)
	return wrapErr("tag ticket", err)
}

// normTag makes a tag lower-case with dashes for spaces, and "" when it holds anything else.
func normTag(t string) string {
	t = strings.ToLower(strings.Join(strings.Fields(t), "-"))
	for _, r := range t {
		if !(r == '-' || r == '_' || (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9')) {
			return ""
		}
	}
	return t
}

// AddNote adds an internal note to a ticket: staff see it, the member never does.
func (s *Service) AddNote(ctx context.Context, id int64, text string) (Ticket, error) {
	a, err := requireDesk(ctx)
	if err != nil {
		return Ticket{}, err
	}
	if strings.TrimSpace(text) == "" {
		return Ticket{}, apperr.New(apperr.Invalid, "the note is empty")
	}
	err = s.db.Update(ctx, func(tx *sql.Tx) error {
		if err := ticketExists(ctx, tx, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO helpdesk_items (ticket_id, kind, date, text, author) VALUES (?, ?, ?, ?, ?)`,
			id, KindNote, ms(s.clock.Now()), text, a.Name)
		if err != nil {
			return fmt.Errorf("add note: %w", err)
		}
		item, _ := res.LastInsertId()
		if _, err := tx.ExecContext(ctx, `UPDATE helpdesk_tickets SET updated_at = max(updated_at, ?) WHERE id = ?`,
			ms(s.clock.Now()), id); err != nil {
			return fmt.Errorf("add note: %w", err)
		}
		if err := s.reindex(ctx, tx, id); err != nil {
			return err
		}
		return s.record(ctx, tx, auditEvent("ticket.note", id, map[string]string{"item": idStr(item)}))
	})
	if err != nil {
		return Ticket{}, err
	}
	return s.Get(ctx, id)
}

func ticketExists(ctx context.Context, tx *sql.Tx, id int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM helpdesk_tickets WHERE id = ? AND redacted_at = 0`, id).Scan(&n); err != nil {
		return fmt.Errorf("read ticket: %w", err)
	}
	if n == 0 {
		return apperr.New(apperr.NotFound, "ticket %d does not exist", id)
	}
	return nil
}
