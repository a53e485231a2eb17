package helpdesk

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/store"
)

// CannedReplies lists the saved replies, by title.
func (s *Service) CannedReplies(ctx context.Context) ([]Canned, error) {
	if _, err := requireDesk(ctx); err != nil {
		return nil, err
	}
	out := []Canned{}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		list, err := store.Collect("canned replies", func(r store.Scanner) (Canned, error) {
			var c Canned
			return c, r.Scan(&c.ID, &c.Title, &c.Body)
		})(tx.QueryContext(ctx, `SELECT id, title, body FROM helpdesk_canned ORDER BY title COLLATE NOCASE, id`))
		if list != nil {
			out = list
		}
		return err
	})
	return out, err
}

// SaveCanned adds a saved reply (ID 0) or changes one.
func (s *Service) SaveCanned(ctx context.Context, c Canned) (Canned, error) {
	if _, err := requireDesk(ctx); err != nil {
		return Canned{}, err
	}
	c.Title = strings.TrimSpace(c.Title)
	if c.Title == "" || strings.TrimSpace(c.Body) == "" {
		return Canned{}, apperr.New(apperr.Invalid, "a canned reply needs a title and a text")
	}
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		now := ms(s.clock.Now())
		if c.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO helpdesk_canned (title, body, updated_at) VALUES (?, ?, ?)`, c.Title, c.Body, now)
			if err != nil {
				return fmt.Errorf("save canned reply: %w", err)
			}
			c.ID, _ = res.LastInsertId()
		} else {
			res, err := tx.ExecContext(ctx, `UPDATE helpdesk_canned SET title = ?, body = ?, updated_at = ? WHERE id = ?`, c.Title, c.Body, now, c.ID)
			if err != nil {
				return fmt.Errorf("save canned reply: %w", err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return apperr.New(apperr.NotFound, "canned reply %d does not exist", c.ID)
			}
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "canned.save", ObjectType: "canned", ObjectID: idStr(c.ID)})
	})
	return c, err
}

// DeleteCanned removes a saved reply.
func (s *Service) DeleteCanned(ctx context.Context, id int64) error {
	if _, err := requireDesk(ctx); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM helpdesk_canned WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete canned reply: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.New(apperr.NotFound, "canned reply %d does not exist", id)
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "canned.delete", ObjectType: "canned", ObjectID: idStr(id)})
	})
}

// ResolveConflict ends a ticket's conflict: "mine" stores this laptop's state on the server again,
// "theirs" takes the state the other laptop stored.
func (s *Service) ResolveConflict(ctx context.Context, id int64, keep string) (Ticket, error) {
	if _, err := requireDesk(ctx); err != nil {
		return Ticket{}, err
	}
	if keep != "mine" && keep != "theirs" {
		return Ticket{}, apperr.New(apperr.Invalid, "keep %q: choose mine or theirs", keep)
	}
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		var cid int64
		var server string
		err := tx.QueryRowContext(ctx, `SELECT id, server FROM helpdesk_conflicts WHERE ticket_id = ? AND resolved_at = 0`, id).Scan(&cid, &server)
		if err == sql.ErrNoRows {
			return apperr.New(apperr.Conflict, "ticket %d has no conflict to resolve", id)
		}
		if err != nil {
			return fmt.Errorf("read conflict: %w", err)
		}
		var kws []string
		json.Unmarshal([]byte(server), &kws)
		if err := s.resolve(ctx, tx, id, keep, kws); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE helpdesk_conflicts SET resolved_at = ? WHERE id = ?`, ms(s.clock.Now()), cid); err != nil {
			return fmt.Errorf("resolve conflict: %w", err)
		}
		return s.record(ctx, tx, auditEvent("ticket.resolve_conflict", id, map[string]string{"keep": keep}))
	})
	if err != nil {
		return Ticket{}, err
	}
	return s.Get(ctx, id)
}

func (s *Service) resolve(ctx context.Context, tx *sql.Tx, id int64, keep string, server []string) error {
	mine, err := s.loadState(ctx, tx, id)
	if err != nil {
		return err
	}
	theirs, ok := parseState(server)
	if keep == "theirs" {
		if !ok {
			return nil
		}
		return s.saveState(ctx, tx, id, theirs)
	}
	refs, err := s.ticketRefs(ctx, tx, id)
	if err != nil || len(refs) == 0 {
		return err
	}
	add, remove := keywordDiff(server, mine)
	return wrapErr("queue ticket state", s.mail.QueueKeywords(ctx, tx, refs, add, remove))
}
