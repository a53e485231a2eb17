// Package audit keeps the append-only audit log. Each entry holds the hash of the one before, so an edited
// or removed entry is found by Verify. Entries name operators, actions and object ids, never personal data.
package audit

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/clock"
	"staffdesk/backend/store"
)

//go:embed migrations/*.sql
var migrationsFS embed.FS

// Migrations are the audit area's schema.
var Migrations = store.Migrations{Area: "audit", FS: migrationsFS}

// Entry is one line of the audit log.
type Entry struct {
	ID           int64             `json:"id"`
	At           time.Time         `json:"at"`
	OperatorID   string            `json:"operatorId"`
	OperatorName string            `json:"operatorName"`
	Action       string            `json:"action"`
	ObjectType   string            `json:"objectType"`
	ObjectID     string            `json:"objectId"`
	Details      map[string]string `json:"details"`
	Hash         string            `json:"hash"`
}

// Event is what an area records: the action and the object it touched. Details must hold no personal data.
type Event struct {
	Action     string
	ObjectType string
	ObjectID   string
	Details    map[string]string
}

// Service writes and checks the audit log. The app makes one per database: it remembers the chain's
// head within a write transaction, so only it may append in the transactions it appends in.
type Service struct {
	db    *store.DB
	clock clock.Clock
	stmts store.Stmts
	mu    sync.Mutex
	head  head
}

// head is the chain's head as the latest entry appended in transaction tx left it.
type head struct {
	tx    *sql.Tx
	count int64
	hash  string
}

// NewService returns the audit service.
func NewService(db *store.DB, c clock.Clock) *Service { return &Service{db: db, clock: c} }

// Record appends ev inside the caller's transaction, under the operator carried by ctx.
func (s *Service) Record(ctx context.Context, tx *sql.Tx, ev Event) error {
	return s.RecordAll(ctx, tx, []Event{ev})
}

// RecordAll appends evs in order inside the caller's transaction, under the operator carried by ctx, a
// hundred entries to a statement: a sync that opens a thousand tickets appends their entries at once.
func (s *Service) RecordAll(ctx context.Context, tx *sql.Tx, evs []Event) error {
	if len(evs) == 0 {
		return nil
	}
	a, ok := actor.From(ctx)
	if !ok {
		return fmt.Errorf("audit %s: no operator in context", evs[0].Action)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	count, prev := s.head.count, s.head.hash
	if s.head.tx != tx {
		if err := s.stmts.QueryRow(ctx, tx, `SELECT count, hash FROM audit_head WHERE one = 1`).Scan(&count, &prev); err != nil {
			return fmt.Errorf("read audit head: %w", err)
		}
	}
	at := s.clock.Now().UTC().Truncate(time.Millisecond).Format(time.RFC3339Nano)
	args := make([]any, 0, 10*len(evs))
	for _, ev := range evs {
		details := map[string]string{}
		if ev.Details != nil {
			details = ev.Details
		}
		js, _ := json.Marshal(details)
		count++
		h := entryHash(prev, count, at, a.ID, a.Name, ev.Action, ev.ObjectType, ev.ObjectID, string(js))
		args = append(args, count, at, a.ID, a.Name, ev.Action, ev.ObjectType, ev.ObjectID, string(js), prev, h)
		prev = h
	}
	err := s.stmts.InsertRows(ctx, tx, `INSERT INTO audit_log (id, at, operator_id, operator_name, action, object_type,
		object_id, details, prev_hash, hash) VALUES `, 10, args)
	if err != nil {
		return fmt.Errorf("append audit entry: %w", err)
	}
	if _, err := s.stmts.Exec(ctx, tx, `UPDATE audit_head SET count = ?, hash = ? WHERE one = 1`, count, prev); err != nil {
		return fmt.Errorf("advance audit head: %w", err)
	}
	s.head = head{tx: tx, count: count, hash: prev}
	return nil
}

// entryHash is SHA-256 over the previous hash and the entry's fields, each length-prefixed.
func entryHash(prev string, id int64, fields ...string) string {
	h := sha256.New()
	for _, f := range append([]string{prev, strconv.FormatInt(id, 10)}, fields...) {
		fmt.Fprintf(h, "%d:%s;", len(f), f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// VerifyResult is the outcome of checking the chain.
type VerifyResult struct {
	OK       bool   `json:"ok"`
	Entries  int64  `json:"entries"`
	BadEntry int64  `json:"badEntry"`
	Problem  string `json:"problem"`
}

// Verify walks the chain from the first entry and reports the first one that was edited or removed. Any
// signed-in operator may check the chain: the result holds no entry's content.
func (s *Service) Verify(ctx context.Context) (VerifyResult, error) {
	var res VerifyResult
	if _, err := actor.Require(ctx, actor.Roles...); err != nil {
		return res, err
	}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, at, operator_id, operator_name, action, object_type, object_id,
			details, prev_hash, hash FROM audit_log ORDER BY id`)
		if err != nil {
			return fmt.Errorf("read audit log: %w", err)
		}
		defer rows.Close()
		prev, want := "", int64(1)
		for rows.Next() {
			var id int64
			var at, opID, opName, action, otype, oid, details, prevHash, hash string
			if err := rows.Scan(&id, &at, &opID, &opName, &action, &otype, &oid, &details, &prevHash, &hash); err != nil {
				return fmt.Errorf("read audit entry: %w", err)
			}
			switch {
			case id != want:
				return res.fail(want, fmt.Sprintf("entry %d is missing", want))
			case prevHash != prev:
				return res.fail(id, fmt.Sprintf("entry %d does not follow entry %d", id, id-1))
			case entryHash(prev, id, at, opID, opName, action, otype, oid, details) != hash:
				return res.fail(id, fmt.Sprintf("entry %d was changed after it was written", id))
			}
			prev, want, res.Entries = hash, want+1, res.Entries+1
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read audit log: %w", err)
		}
		var count int64
		var head string
		if err := tx.QueryRowContext(ctx, `SELECT count, hash FROM audit_head WHERE one = 1`).Scan(&count, &head); err != nil {
			return fmt.Errorf("read audit head: %w", err)
		}
		if count != res.Entries || head != prev {
			return res.fail(res.Entries+1, fmt.Sprintf("the log ends at entry %d but %d entries were written", res.Entries, count))
		}
		res.OK = true
		return nil
	})
	if err != nil && res.Problem == "" {
		return res, err
	}
	return res, nil
}

func (r *VerifyResult) fail(id int64, problem string) error {
	r.BadEntry, r.Problem = id, problem
	return apperr.New(apperr.Conflict, "audit log broken at entry %d: %s", id, problem)
}

// Page is a slice of the audit log, newest first.
type Page struct {
	Entries []Entry `json:"entries"`
	Total   int64   `json:"total"`
}

// List returns up to limit entries before the entry id "before" (0 for the newest). Admins only.
func (s *Service) List(ctx context.Context, before int64, limit int) (Page, error) {
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return Page{}, err
	}
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	if before <= 0 {
		before = 1 << 62
	}
	var p Page
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM audit_log`).Scan(&p.Total); err != nil {
			return fmt.Errorf("count audit log: %w", err)
		}
		rows, err := tx.QueryContext(ctx, `SELECT id, at, operator_id, operator_name, action, object_type, object_id,
			details, hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?`, before, limit)
		if err != nil {
			return fmt.Errorf("read audit log: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var e Entry
			var at, details string
			if err := rows.Scan(&e.ID, &at, &e.OperatorID, &e.OperatorName, &e.Action, &e.ObjectType, &e.ObjectID, &details, &e.Hash); err != nil {
				return fmt.Errorf("read audit entry: %w", err)
			}
			e.At, _ = time.Parse(time.RFC3339Nano, at)
			_ = json.Unmarshal([]byte(details), &e.Details)
			p.Entries = append(p.Entries, e)
		}
		return rows.Err()
	})
	return p, err
}
