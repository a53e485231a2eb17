package audit

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/clock"
	"staffdesk/backend/store"
)

func newLog(t *testing.T, entries int) (*Service, *store.DB, context.Context) {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "a.db"), bytes.Repeat([]byte{1}, 32), Migrations)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s := NewService(db, clock.NewFixed(time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)))
	ctx := actor.With(context.Background(), actor.Actor{ID: "op1", Name: "admin", Role: actor.Admin})
	for i := 1; i <= entries; i++ {
		err := db.Update(ctx, func(tx *sql.Tx) error {
			return s.Record(ctx, tx, Event{Action: "ticket.status", ObjectType: "ticket", ObjectID: strconv.Itoa(i),
				Details: map[string]string{"to": "solved"}})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return s, db, ctx
}

// tamper runs SQL as an attacker with the key would, dropping the append-only triggers first.
func tamper(t *testing.T, db *store.DB, stmts ...string) {
	t.Helper()
	err := db.Update(context.Background(), func(tx *sql.Tx) error {
		for _, s := range append([]string{"DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete"}, stmts...) {
			if _, err := tx.Exec(s); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestVerify(t *testing.T) {
	tests := []struct {
		name    string
		stmts   []string
		bad     int64
		problem string
	}{
		{"intact", nil, 0, ""},
		{"edited action", []string{`UPDATE audit_log SET action = 'ticket.delete' WHERE id = 3`}, 3, "changed"},
		{"edited details", []string{`UPDATE audit_log SET details = '{"to":"open"}' WHERE id = 5`}, 5, "changed"},
		{"rehashed entry", []string{`UPDATE audit_log SET hash = 'x' WHERE id = 2`}, 2, "changed"},
		{"relinked entry", []string{`UPDATE audit_log SET prev_hash = 'x' WHERE id = 4`}, 4, "does not follow"},
		{"removed middle", []string{`DELETE FROM audit_log WHERE id = 4`}, 4, "missing"},
		{"removed newest", []string{`DELETE FROM audit_log WHERE id = 6`}, 6, "ends at entry 5"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, db, ctx := newLog(t, 6)
			if tc.stmts != nil {
				tamper(t, db, tc.stmts...)
			}
			res, err := s.Verify(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if tc.bad == 0 {
				if !res.OK || res.Entries != 6 {
					t.Fatalf("want intact 6 entries, got %+v", res)
				}
				return
			}
			if res.OK || res.BadEntry != tc.bad || !strings.Contains(res.Problem, tc.problem) {
				t.Fatalf("want entry %d %q, got %+v", tc.bad, tc.problem, res)
			}
		})
	}
}

func TestAppendOnly(t *testing.T) {
	_, db, _ := newLog(t, 2)
	for _, stmt := range []string{`UPDATE audit_log SET action = 'x'`, `DELETE FROM audit_log`} {
		err := db.Update(context.Background(), func(tx *sql.Tx) error { _, err := tx.Exec(stmt); return err })
		if err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Fatalf("%s: want append-only refusal, got %v", stmt, err)
		}
	}
}

func TestListAdminsOnly(t *testing.T) {
	s, _, ctx := newLog(t, 3)
	p, err := s.List(ctx, 0, 2)
	if err != nil || len(p.Entries) != 2 || p.Total != 3 || p.Entries[0].ID != 3 || p.Entries[0].Details["to"] != "solved" {
		t.Fatalf("list: %+v %v", p, err)
	}
	helper := actor.With(context.Background(), actor.Actor{ID: "op2", Name: "hana", Role: actor.HelpDesk})
	if _, err := s.List(helper, 0, 10); !apperr.Is(err, apperr.Forbidden) {
		t.Fatalf("help desk listing the audit log: want forbidden, got %v", err)
	}
}

func TestVerifyNeedsOperator(t *testing.T) {
	s, _, _ := newLog(t, 1)
	if _, err := s.Verify(context.Background()); !apperr.Is(err, apperr.Locked) {
		t.Fatalf("verify without an operator: want locked, got %v", err)
	}
}

func TestRecordNeedsOperator(t *testing.T) {
	s, db, _ := newLog(t, 0)
	err := db.Update(context.Background(), func(tx *sql.Tx) error {
		return s.Record(context.Background(), tx, Event{Action: "x"})
	})
	if err == nil {
		t.Fatal("recorded without an operator")
	}
}

// TestManyEntriesPerTransaction appends several entries in one transaction (the head is remembered
// between them), then has a transaction roll back after appending, and checks the chain is whole.
func TestManyEntriesPerTransaction(t *testing.T) {
	s, db, ctx := newLog(t, 2)
	record := func(tx *sql.Tx, n int) error {
		for i := 0; i < n; i++ {
			if err := s.Record(ctx, tx, Event{Action: "ticket.open", ObjectType: "ticket", ObjectID: strconv.Itoa(i)}); err != nil {
				return err
			}
		}
		return nil
	}
	if err := db.Update(ctx, func(tx *sql.Tx) error { return record(tx, 5) }); err != nil {
		t.Fatal(err)
	}
	failed := db.Update(ctx, func(tx *sql.Tx) error {
		if err := record(tx, 3); err != nil {
			return err
		}
		return apperr.New(apperr.Invalid, "give up")
	})
	if failed == nil {
		t.Fatal("the failing transaction committed")
	}
	if err := db.Update(ctx, func(tx *sql.Tx) error { return record(tx, 2) }); err != nil {
		t.Fatal(err)
	}
	many := make([]Event, 250)
	for i := range many {
		many[i] = Event{Action: "ticket.open", ObjectType: "ticket", ObjectID: strconv.Itoa(100 + i)}
	}
	if err := db.Update(ctx, func(tx *sql.Tx) error { return s.RecordAll(ctx, tx, many) }); err != nil {
		t.Fatal(err)
	}
	res, err := s.Verify(ctx)
	if err != nil || !res.OK || res.Entries != 259 {
		t.Fatalf("chain after 2 + 5 + rolled back 3 + 2 + 250 at once: %+v (%v), want 259 intact", res, err)
	}
}
