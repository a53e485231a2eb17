package audit

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/store"
)

// Filter selects audit entries. Empty fields select everything; Action matches the action exactly, or
// every action of an area when it names the area alone ("privacy" matches "privacy.erase").
type Filter struct {
	Action     string    `json:"action"`
	OperatorID string    `json:"operatorId"`
	ObjectType string    `json:"objectType"`
	ObjectID   string    `json:"objectId"`
	From       time.Time `json:"from"`
	To         time.Time `json:"to"`
	Before     int64     `json:"before"`
	Limit      int       `json:"limit"`
}

// OperatorRef is an operator who appears in the log.
type OperatorRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Facets are the values the audit view's filters offer.
type Facets struct {
	Actions   []string      `json:"actions"`
	Operators []OperatorRef `json:"operators"`
}

// where builds the filter's SQL condition (without paging) and its arguments.
func (f Filter) where() (string, []any) {
	conds, args := []string{"1 = 1"}, []any{}
	add := func(cond string, a ...any) { conds, args = append(conds, cond), append(args, a...) }
	if a := strings.TrimSpace(f.Action); a != "" {
		if strings.Contains(a, ".") {
			add("action = ?", a)
		} else {
			add("(action = ? OR substr(action, 1, ?) = ?)", a, len(a)+1, a+".")
		}
	}
	if f.OperatorID != "" {
		add("operator_id = ?", f.OperatorID)
	}
	if f.ObjectType != "" {
		add("object_type = ?", f.ObjectType)
	}
	if id := strings.TrimSpace(f.ObjectID); id != "" {
		add("object_id = ?", id)
	}
	if !f.From.IsZero() {
		add("at >= ?", f.From.UTC().Format(time.RFC3339Nano))
	}
	if !f.To.IsZero() {
		add("at < ?", f.To.UTC().Format(time.RFC3339Nano))
	}
	return strings.Join(conds, " AND "), args
}

// Search returns up to f.Limit entries matching f before the entry id f.Before (0 for the newest), newest
// first; Total counts every matching entry. Admins only.
func (s *Service) Search(ctx context.Context, f Filter) (Page, error) {
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return Page{}, err
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 100
	}
	before := f.Before
	if before <= 0 {
		before = 1 << 62
	}
	where, args := f.where()
	p := Page{Entries: []Entry{}}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM audit_log WHERE `+where, args...).Scan(&p.Total); err != nil {
			return fmt.Errorf("count audit log: %w", err)
		}
		list, err := store.Collect("audit log", scanEntry)(tx.QueryContext(ctx, `SELECT id, at, operator_id, operator_name, action,
			object_type, object_id, details, hash FROM audit_log WHERE `+where+` AND id < ? ORDER BY id DESC LIMIT ?`,
			append(args, before, f.Limit)...))
		p.Entries = append(p.Entries, list...)
		return err
	})
	return p, err
}

func scanEntry(r store.Scanner) (Entry, error) {
	var e Entry
	var at, details string
	if err := r.Scan(&e.ID, &at, &e.OperatorID, &e.OperatorName, &e.Action, &e.ObjectType, &e.ObjectID, &details, &e.Hash); err != nil {
		return e, fmt.Errorf("read audit entry: %w", err)
	}
	e.At, _ = time.Parse(time.RFC3339Nano, at)
	_ = json.Unmarshal([]byte(details), &e.Details)
	return e, nil
}

// Facets returns every action and operator that appears in the log, sorted. Admins only.
func (s *Service) Facets(ctx context.Context) (Facets, error) {
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return Facets{}, err
	}
	out := Facets{Actions: []string{}, Operators: []OperatorRef{}}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		actions, err := store.Collect("audit actions", func(r store.Scanner) (a string, err error) { return a, r.Scan(&a) })(
			tx.QueryContext(ctx, `SELECT DISTINCT action FROM audit_log ORDER BY action`))
		if err != nil {
			return err
		}
		ops, err := store.Collect("audit operators", func(r store.Scanner) (o OperatorRef, err error) { return o, r.Scan(&o.ID, &o.Name) })(
			tx.QueryContext(ctx, `SELECT operator_id, max(operator_name) FROM audit_log GROUP BY operator_id ORDER BY 2`))
		out.Actions, out.Operators = append(out.Actions, actions...), append(out.Operators, ops...)
		return err
	})
	return out, err
}
