package helpdesk

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
	"staffdesk/backend/privacy"
)

// Retention periods. The notice keeps help-desk data "as necessary to resolve disputes, provide customer
// support and troubleshoot problems"; like an account, a conversation is kept 3 years after its last
// activity once it is solved or closed. Auto-replies and bounces that matched no ticket are kept 90 days.
const (
	TicketRetention     = 3 * 365 * 24 * time.Hour
	UnticketedRetention = 90 * 24 * time.Hour
)

const withheld = "[withheld: the ticket is marked sensitive (special-category data) and is never exported]"

// AreaName names the help desk in the privacy tools.
func (s *Service) AreaName() string { return "helpdesk" }

// MemberRecords lists the mail a person sent or received on tickets (not staff's internal notes), for
// access and portability. The content of tickets marked sensitive is withheld: they leave no export.
func (s *Service) MemberRecords(ctx context.Context, email string) (privacy.AreaRecords, error) {
	rec := privacy.AreaRecords{Area: s.AreaName(), Columns: []string{"ticket", "date", "kind", "from", "to", "subject", "text"},
		Rows: [][]string{}}
	if _, err := actor.Require(ctx, actor.HelpDesk); err != nil {
		return rec, err
	}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT i.id, t.id, i.date, i.kind, i.from_email, i.to_json, t.subject, i.text,
			t.sensitive FROM helpdesk_items i JOIN helpdesk_tickets t ON t.id = i.ticket_id
			WHERE t.id IN (SELECT ticket_id FROM helpdesk_participants WHERE email = ?) AND i.kind <> 'note' AND t.redacted_at = 0
			ORDER BY t.id, i.date, i.id`, lower(email))
		if err != nil {
			return fmt.Errorf("read member's tickets: %w", err)
		}
		defer rows.Close()
		var items []int64
		var texts []string
		for rows.Next() {
			var item, id, date int64
			var kind, from, to, subject, text string
			var sensitive bool
			if err := rows.Scan(&item, &id, &date, &kind, &from, &to, &subject, &text, &sensitive); err != nil {
				return fmt.Errorf("read member's tickets: %w", err)
			}
			if sensitive {
				subject, text = withheld, withheld
			}
			items, texts = append(items, item), append(texts, text)
			rec.Rows = append(rec.Rows, []string{idStr(id), fromMS(date).Format(time.RFC3339), kind, from, to, subject, ""})
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read member's tickets: %w", err)
		}
		rows.Close()
		if err := s.mailTexts(ctx, tx, items, texts); err != nil {
			return fmt.Errorf("read member's tickets: %w", err)
		}
		for i := range rec.Rows {
			rec.Rows[i][6] = texts[i]
		}
		return nil
	})
	return rec, err
}

// EraseMember redacts what the help desk holds about a person: tickets they opened lose subject, bodies,
// names and addresses (the skeleton stays, for counts, and its Message-IDs, so a resync never brings the
// mail back as a new ticket); on other tickets only their own messages are redacted. Their search rows go.
func (s *Service) EraseMember(ctx context.Context, email string) (privacy.ErasureCount, error) {
	out := privacy.ErasureCount{Area: s.AreaName()}
	if _, err := actor.Require(ctx, actor.HelpDesk); err != nil {
		return out, err
	}
	e := lower(email)
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		own, err := ids(ctx, tx, `SELECT id FROM helpdesk_tickets WHERE requester_email = ? AND redacted_at = 0`, e)
		if err != nil {
			return err
		}
		for _, id := range own {
			if err := s.redactTicket(ctx, tx, id); err != nil {
				return err
			}
		}
		n, err := s.redactMessagesFrom(ctx, tx, e)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM helpdesk_unticketed WHERE from_email = ?`, e)
		if err != nil {
			return fmt.Errorf("erase set-aside mail: %w", err)
		}
		del, _ := res.RowsAffected()
		out.Redacted, out.Deleted = len(own)+n, int(del)
		return s.audit.Record(ctx, tx, audit.Event{Action: "helpdesk.erase_member", ObjectType: "helpdesk",
			Details: map[string]string{"tickets": idStr(int64(len(own))), "messages": idStr(int64(n)), "deleted": idStr(del)}})
	})
	return out, err
}

// PreviewErasure counts what EraseMember would redact and delete, changing nothing.
func (s *Service) PreviewErasure(ctx context.Context, email string) (privacy.ErasureCount, error) {
	out := privacy.ErasureCount{Area: s.AreaName()}
	if _, err := actor.Require(ctx, actor.HelpDesk); err != nil {
		return out, err
	}
	e := lower(email)
	var own, others int
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM helpdesk_tickets WHERE requester_email = ? AND redacted_at = 0),
			(SELECT count(*) FROM helpdesk_items i JOIN helpdesk_tickets t ON t.id = i.ticket_id
				WHERE i.from_email = ? AND t.redacted_at = 0 AND t.requester_email <> ?),
			(SELECT count(*) FROM helpdesk_unticketed WHERE from_email = ?)`, e, e, e, e).Scan(&own, &others, &out.Deleted)
	})
	if err != nil {
		return out, fmt.Errorf("preview erasure: %w", err)
	}
	out.Redacted = own + others
	return out, nil
}

// redactTicket blanks a ticket's personal data and takes it out of search and of the lists.
func (s *Service) redactTicket(ctx context.Context, tx *sql.Tx, id int64) error {
	now := ms(s.clock.Now())
	stmts := []struct {
		q    string
		args []any
	}{
		{`UPDATE helpdesk_tickets SET subject = '[erased]', requester_name = '', requester_email = '', snippet = '',
			redacted_at = ? WHERE id = ?`, []any{now, id}},
		{`UPDATE helpdesk_items SET from_name = '', from_email = '', to_json = '[]', cc_json = '[]', text = '[erased]',
			html = '', attachments = '[]', warnings = '[]', author = '' WHERE ticket_id = ?`, []any{id}},
		{`DELETE FROM helpdesk_participants WHERE ticket_id = ?`, []any{id}},
		{`DELETE FROM helpdesk_fts WHERE rowid = ?`, []any{id}},
		{`UPDATE helpdesk_conflicts SET resolved_at = ? WHERE ticket_id = ? AND resolved_at = 0`, []any{now, id}},
	}
	for _, st := range stmts {
		if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
			return fmt.Errorf("redact ticket %d: %w", id, err)
		}
	}
	return nil
}

// redactMessagesFrom blanks the messages a person wrote on tickets they did not open.
func (s *Service) redactMessagesFrom(ctx context.Context, tx *sql.Tx, e string) (int, error) {
	tickets, err := ids(ctx, tx, `SELECT DISTINCT ticket_id FROM helpdesk_items i JOIN helpdesk_tickets t ON t.id = i.ticket_id
		WHERE i.from_email = ? AND t.redacted_at = 0`, e)
	if err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `UPDATE helpdesk_items SET from_name = '', from_email = '', text = '[erased]', html = '',
		attachments = '[]' WHERE from_email = ?`, e)
	if err != nil {
		return 0, fmt.Errorf("redact member's messages: %w", err)
	}
	n, _ := res.RowsAffected()
	if _, err := tx.ExecContext(ctx, `DELETE FROM helpdesk_participants WHERE email = ?`, e); err != nil {
		return 0, fmt.Errorf("redact member's messages: %w", err)
	}
	for _, id := range tickets {
		if err := s.reindex(ctx, tx, id); err != nil {
			return 0, err
		}
	}
	return int(n), nil
}

// Retention applies (or, with dryRun, counts) the help desk's retention schedule at now.
func (s *Service) Retention(ctx context.Context, now time.Time, dryRun bool) ([]privacy.RetentionLine, error) {
	if _, err := actor.Require(ctx, actor.HelpDesk); err != nil {
		return nil, err
	}
	tickets := privacy.RetentionLine{Category: privacy.CategorySolvedTickets, Source: s.AreaName(),
		Period: "3 years after the last activity of a solved or closed ticket",
		Reason: "kept to resolve disputes and give support (privacy notice: Help Desk)", Action: "redacted: bodies, names and addresses removed"}
	aside := privacy.RetentionLine{Category: "Auto-replies and bounces matching no ticket", Source: s.AreaName(), Period: "90 days",
		Reason: "kept only to check why they were set aside", Action: "deleted"}
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		due, err := ids(ctx, tx, `SELECT id FROM helpdesk_tickets WHERE status IN ('solved', 'closed') AND updated_at < ? AND redacted_at = 0`,
			ms(now.Add(-TicketRetention)))
		if err != nil {
			return err
		}
		tickets.Due = len(due)
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM helpdesk_unticketed WHERE date < ?`, ms(now.Add(-UnticketedRetention))).
			Scan(&aside.Due); err != nil {
			return fmt.Errorf("count set-aside mail: %w", err)
		}
		if dryRun {
			return nil
		}
		for _, id := range due {
			if err := s.redactTicket(ctx, tx, id); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM helpdesk_unticketed WHERE date < ?`, ms(now.Add(-UnticketedRetention))); err != nil {
			return fmt.Errorf("delete set-aside mail: %w", err)
		}
		tickets.Done, aside.Done = tickets.Due, aside.Due
		return s.audit.Record(ctx, tx, audit.Event{Action: "helpdesk.retention", ObjectType: "helpdesk",
			Details: map[string]string{"tickets": idStr(int64(tickets.Done)), "setAside": idStr(int64(aside.Done))}})
	})
	return []privacy.RetentionLine{tickets, aside}, err
}

func ids(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read tickets: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("read tickets: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
