package helpdesk

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/store"
)

// Page sizes for List.
const (
	defaultLimit = 50
	maxLimit     = 500
)

const summaryColumns = `t.id, t.subject, t.requester_name, t.requester_email, t.status, t.priority, t.assignee_id, t.tags,
	t.mailbox, t.created_at, t.updated_at, t.messages, t.sensitive, t.snippet,
	EXISTS (SELECT 1 FROM helpdesk_conflicts c WHERE c.ticket_id = t.id AND c.resolved_at = 0)`

// List returns one page of the tickets the filter selects, latest activity first (ties by id), and how
// many it selects in all: a stable order for a virtualised list that fetches pages by offset.
func (s *Service) List(ctx context.Context, f Filter) (Page, error) {
	a, err := requireDesk(ctx)
	if err != nil {
		return Page{}, err
	}
	cond, err := filterConds(f, a.ID)
	if err != nil {
		return Page{}, err
	}
	limit := f.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)
	page := Page{Tickets: []TicketSummary{}}
	err = s.db.View(ctx, func(tx *sql.Tx) error {
		list, total, err := s.page(ctx, tx, f, &cond, a.ID, limit)
		if page.Total = total; err != nil || list == nil {
			return err
		}
		page.Tickets = list
		return s.matchSnippets(ctx, tx, page.Tickets, f.Query)
	})
	if err != nil {
		return Page{}, err
	}
	s.nameAssignees(ctx, page.Tickets)
	return page, nil
}

// page finds a page of the tickets the filter selects, in list order, and how many it selects in all.
func (s *Service) page(ctx context.Context, tx *sql.Tx, f Filter, cond *conds, me string, limit int) ([]TicketSummary, int, error) {
	total, m, err := s.addSets(ctx, tx, cond, f, me)
	if err != nil || total == 0 {
		return nil, 0, err
	}
	offset := max(f.Offset, 0)
	if m != nil {
		var maxID int64
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM helpdesk_tickets`).Scan(&maxID); err != nil {
			return nil, 0, fmt.Errorf("list tickets: %w", err)
		}
		if m.walkable(maxID, offset, limit) {
			list, err := s.pageByWalk(ctx, tx, m, offset, limit)
			return list, total, err
		}
		cond.addMatches(m)
	}
	where := strings.Join(cond.sql, " AND ")
	if total < 0 {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM helpdesk_tickets t WHERE `+where, cond.args...).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("count tickets: %w", err)
		}
	}
	list, err := store.Collect("tickets", scanSummary)(tx.QueryContext(ctx, `SELECT `+summaryColumns+`
		FROM helpdesk_tickets t WHERE `+where+` ORDER BY t.updated_at DESC, t.id DESC LIMIT ? OFFSET ?`,
		append(cond.args, limit, offset)...))
	return list, total, err
}

// conds is a filter as SQL conditions on helpdesk_tickets t, joined by AND.
type conds struct {
	sql  []string
	args []any
}

func (c *conds) add(cond string, args ...any) {
	c.sql, c.args = append(c.sql, cond), append(c.args, args...)
}

// filterConds turns the fields of a filter that the tickets table answers into conditions; me is the
// signed-in operator. Tags and words are sets of ticket ids: addSets adds them.
func filterConds(f Filter, me string) (conds, error) {
	c := conds{sql: []string{"t.redacted_at = 0"}}
	switch {
	case f.Status == StatusActive:
		c.add("t.status IN ('new', 'open', 'pending')")
	case f.Status != "" && !validStatus(f.Status):
		return c, apperr.New(apperr.Invalid, "status %q: choose new, open, pending, solved, closed or active", f.Status)
	case f.Status != "":
		c.add("t.status = ?", f.Status)
	}
	switch f.AssigneeID {
	case "":
	case "me":
		c.add("t.assignee_id = ?", me)
	case "none":
		c.add("t.assignee_id = ''")
	default:
		c.add("t.assignee_id = ?", f.AssigneeID)
	}
	if f.Mailbox != "" {
		c.add("t.mailbox = ?", f.Mailbox)
	}
	if !f.Since.IsZero() {
		c.add("t.updated_at >= ?", ms(f.Since))
	}
	if !f.Until.IsZero() {
		c.add("t.updated_at < ?", ms(f.Until))
	}
	if f.Sensitive != nil {
		c.add("t.sensitive = ?", boolInt(*f.Sensitive))
	}
	return c, nil
}

func scanSummary(r store.Scanner) (TicketSummary, error) {
	var t TicketSummary
	var tags string
	var created, updated int64
	err := r.Scan(&t.ID, &t.Subject, &t.Requester.Name, &t.Requester.Email, &t.Status, &t.Priority, &t.AssigneeID, &tags,
		&t.Mailbox, &created, &updated, &t.Messages, &t.Sensitive, &t.Snippet, &t.Conflict)
	if err != nil {
		return t, fmt.Errorf("read ticket: %w", err)
	}
	t.CreatedAt, t.UpdatedAt = fromMS(created), fromMS(updated)
	t.Tags = []string{}
	json.Unmarshal([]byte(tags), &t.Tags)
	return t, nil
}

// nameAssignees fills in assignees' names; an operator who was removed shows by id.
func (s *Service) nameAssignees(ctx context.Context, list []TicketSummary) {
	if s.ops == nil || len(list) == 0 {
		return
	}
	ops, err := s.ops.List(ctx)
	if err != nil {
		return
	}
	names := map[string]string{}
	for _, o := range ops {
		names[o.ID] = o.Name
	}
	for i := range list {
		if id := list[i].AssigneeID; id != "" {
			list[i].AssigneeName = names[id]
			if list[i].AssigneeName == "" {
				list[i].AssigneeName = id
			}
		}
	}
}

// Counts returns the number of tickets in each view.
func (s *Service) Counts(ctx context.Context) (Counts, error) {
	a, err := requireDesk(ctx)
	if err != nil {
		return Counts{}, err
	}
	var c Counts
	err = s.db.View(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT status, count(*), sum(assignee_id = ? AND status IN ('new', 'open', 'pending'))
			FROM helpdesk_tickets WHERE redacted_at = 0 GROUP BY status`, a.ID)
		if err != nil {
			return fmt.Errorf("count tickets: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var st string
			var n, mine int
			if err := rows.Scan(&st, &n, &mine); err != nil {
				return fmt.Errorf("count tickets: %w", err)
			}
			c.add(st, n)
			c.Mine += mine
		}
		return rows.Err()
	})
	return c, err
}

func (c *Counts) add(status string, n int) {
	c.All += n
	switch status {
	case StatusNew:
		c.New = n
	case StatusOpen:
		c.Open = n
	case StatusPending:
		c.Pending = n
	case StatusSolved:
		c.Solved = n
	case StatusClosed:
		c.Closed = n
	}
}

// Sensitive reports whether a ticket is marked as holding special-category data: exports and the
// privacy tools leave such tickets out. Any signed-in operator may ask.
func (s *Service) Sensitive(ctx context.Context, id int64) (bool, error) {
	if _, err := actor.Require(ctx, actor.Roles...); err != nil {
		return false, err
	}
	var v bool
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT sensitive FROM helpdesk_tickets WHERE id = ?`, id).Scan(&v)
		if err == sql.ErrNoRows {
			return apperr.New(apperr.NotFound, "ticket %d does not exist", id)
		}
		return wrapErr("read ticket", err)
	})
	return v, err
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Unticketed lists the auto-replies and bounces that matched no ticket, newest first (at most 500).
func (s *Service) Unticketed(ctx context.Context) ([]Unticketed, error) {
	if _, err := requireDesk(ctx); err != nil {
		return nil, err
	}
	out := []Unticketed{}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		list, err := store.Collect("set-aside mail", func(r store.Scanner) (Unticketed, error) {
			var u Unticketed
			var date int64
			err := r.Scan(&u.ID, &u.Mailbox, &u.Reason, &u.Subject, &u.From, &date)
			u.Date = fromMS(date)
			return u, err
		})(tx.QueryContext(ctx, `SELECT id, mailbox, reason, subject, from_email, date FROM helpdesk_unticketed
			ORDER BY date DESC, id DESC LIMIT 500`))
		if list != nil {
			out = list
		}
		return err
	})
	return out, err
}
