package privacy

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/store"
)

// The kinds of rights request tracked against the deadline.
const (
	KindAccess        = "access"
	KindErasure       = "erasure"
	KindRectification = "rectification"
)

// london is where the one-month deadline is counted in calendar days.
var london = mustLoad("Europe/London")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.UTC
	}
	return loc
}

// RequestInput is a request a member made, as staff log it.
type RequestInput struct {
	Kind       string    `json:"kind"`
	Person     string    `json:"person"`
	ReceivedAt time.Time `json:"receivedAt"`
	Note       string    `json:"note"`
}

// Request is a rights request with its deadline. DaysLeft counts whole calendar days to the due date (0
// on the day it falls due, negative once overdue).
type Request struct {
	ID         int64     `json:"id"`
	Kind       string    `json:"kind"`
	Person     string    `json:"person"`
	Note       string    `json:"note"`
	ReceivedAt time.Time `json:"receivedAt"`
	DueAt      time.Time `json:"dueAt"`
	CreatedBy  string    `json:"createdBy"`
	Done       bool      `json:"done"`
	DoneAt     time.Time `json:"doneAt"`
	DoneBy     string    `json:"doneBy"`
	Outcome    string    `json:"outcome"`
	DaysLeft   int       `json:"daysLeft"`
	Overdue    bool      `json:"overdue"`
}

// DueDate is the one-month deadline of a request received at t: the end of the corresponding calendar
// date in the next month, or of that month's last day when it has no such date (31 January gives 28 or
// 29 February), in UK time, as the ICO counts it.
func DueDate(received time.Time) time.Time {
	y, m, d := received.In(london).Date()
	last := time.Date(y, m+2, 0, 0, 0, 0, 0, london).Day()
	if d > last {
		d = last
	}
	return time.Date(y, m+1, d, 23, 59, 59, 0, london).UTC()
}

// daysLeft counts calendar days (UK time) from now to due.
func daysLeft(now, due time.Time) int {
	a, b := now.In(london), due.In(london)
	da := time.Date(a.Year(), a.Month(), a.Day(), 12, 0, 0, 0, time.UTC)
	db := time.Date(b.Year(), b.Month(), b.Day(), 12, 0, 0, 0, time.UTC)
	return int(math.Round(db.Sub(da).Hours() / 24))
}

func validKind(k string) bool { return k == KindAccess || k == KindErasure || k == KindRectification }

// staff may log and follow requests: the help desk receives them, admins carry them out.
var staff = []actor.Role{actor.HelpDesk}

// NewRequest logs a request received at in.ReceivedAt (now when zero). Help desk and admins.
func (s *Service) NewRequest(ctx context.Context, in RequestInput) (Request, error) {
	a, err := actor.Require(ctx, staff...)
	if err != nil {
		return Request{}, err
	}
	if !validKind(in.Kind) {
		return Request{}, apperr.New(apperr.Invalid, "choose access, erasure or rectification")
	}
	person, err := NormaliseEmail(in.Person)
	if err != nil {
		return Request{}, err
	}
	now := s.clock.Now()
	if in.ReceivedAt.IsZero() {
		in.ReceivedAt = now
	}
	if in.ReceivedAt.After(now.Add(time.Minute)) {
		return Request{}, apperr.New(apperr.Invalid, "the request cannot be received in the future")
	}
	var id int64
	err = s.db.Update(ctx, func(tx *sql.Tx) (err error) {
		id, err = s.insertRequest(ctx, tx, a, in.Kind, person, in.Note, in.ReceivedAt)
		return err
	})
	if err != nil {
		return Request{}, err
	}
	return s.Request(ctx, id)
}

func (s *Service) insertRequest(ctx context.Context, tx *sql.Tx, a actor.Actor, kind, person, note string, received time.Time) (int64, error) {
	r, err := tx.ExecContext(ctx, `INSERT INTO privacy_requests (kind, person, note, received_at, due_at, created_by)
		VALUES (?, ?, ?, ?, ?, ?)`, kind, person, note, ts(received), ts(DueDate(received)), a.Name)
	if err != nil {
		return 0, fmt.Errorf("log request: %w", err)
	}
	id, _ := r.LastInsertId()
	ref, err := personRef(ctx, tx, person)
	if err != nil {
		return 0, err
	}
	return id, s.audit.Record(ctx, tx, audit.Event{Action: "privacy.request", ObjectType: PersonObjectType, ObjectID: ref,
		Details: map[string]string{"request": strconv.FormatInt(id, 10), "kind": kind}})
}

const selectRequest = `SELECT id, kind, person, note, received_at, due_at, created_by, done_at, done_by, outcome FROM privacy_requests`

func (s *Service) scanRequest(r store.Scanner) (Request, error) {
	var q Request
	var received, due, done string
	if err := r.Scan(&q.ID, &q.Kind, &q.Person, &q.Note, &received, &due, &q.CreatedBy, &done, &q.DoneBy, &q.Outcome); err != nil {
		return q, fmt.Errorf("read request: %w", err)
	}
	q.ReceivedAt, q.DueAt = parseTS(received), parseTS(due)
	q.Done = done != ""
	if q.Done {
		q.DoneAt = parseTS(done)
	} else {
		now := s.clock.Now()
		q.DaysLeft, q.Overdue = daysLeft(now, q.DueAt), now.After(q.DueAt)
	}
	return q, nil
}

// Request returns one request. Help desk and admins.
func (s *Service) Request(ctx context.Context, id int64) (Request, error) {
	if _, err := actor.Require(ctx, staff...); err != nil {
		return Request{}, err
	}
	var q Request
	err := s.db.View(ctx, func(tx *sql.Tx) (err error) {
		q, err = s.scanRequest(tx.QueryRowContext(ctx, selectRequest+` WHERE id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.New(apperr.NotFound, "no privacy request %d", id)
		}
		return err
	})
	return q, err
}

// Requests lists requests: the open ones by due date (overdue first) when open, else every request,
// newest first. Help desk and admins.
func (s *Service) Requests(ctx context.Context, open bool) ([]Request, error) {
	if _, err := actor.Require(ctx, staff...); err != nil {
		return nil, err
	}
	q := selectRequest + ` ORDER BY done_at != '', CASE WHEN done_at = '' THEN due_at END, received_at DESC, id DESC`
	if open {
		q = selectRequest + ` WHERE done_at = '' ORDER BY due_at, id`
	}
	out := []Request{}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		list, err := store.Collect("privacy requests", s.scanRequest)(tx.QueryContext(ctx, q))
		out = append(out, list...)
		return err
	})
	return out, err
}

// CompleteRequest marks a request done with a short outcome. Admins only: completing an access or
// erasure request is normally done by carrying it out.
func (s *Service) CompleteRequest(ctx context.Context, id int64, outcome string) (Request, error) {
	a, err := actor.Require(ctx, actor.Admin)
	if err != nil {
		return Request{}, err
	}
	err = s.db.Update(ctx, func(tx *sql.Tx) error { return s.complete(ctx, tx, a, id, outcome) })
	if err != nil {
		return Request{}, err
	}
	return s.Request(ctx, id)
}

func (s *Service) complete(ctx context.Context, tx *sql.Tx, a actor.Actor, id int64, outcome string) error {
	r, err := tx.ExecContext(ctx, `UPDATE privacy_requests SET done_at = ?, done_by = ?, outcome = ? WHERE id = ? AND done_at = ''`,
		ts(s.clock.Now()), a.Name, outcome, id)
	if err != nil {
		return fmt.Errorf("complete request: %w", err)
	}
	if n, _ := r.RowsAffected(); n == 0 {
		return apperr.New(apperr.Conflict, "privacy request %d is not open", id)
	}
	return s.audit.Record(ctx, tx, audit.Event{Action: "privacy.request.done", ObjectType: "privacy_request",
		ObjectID: strconv.FormatInt(id, 10)})
}

// settle finds the request a carried-out access or erasure answers (the one given, else the person's
// oldest open request of that kind, else a new one received now) and marks it done.
func (s *Service) settle(ctx context.Context, tx *sql.Tx, a actor.Actor, id int64, kind, person, outcome string) (int64, error) {
	if id == 0 {
		err := tx.QueryRowContext(ctx, `SELECT id FROM privacy_requests WHERE person = ? AND kind = ? AND done_at = ''
			ORDER BY received_at, id LIMIT 1`, person, kind).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			id, err = s.insertRequest(ctx, tx, a, kind, person, "", s.clock.Now())
		}
		if err != nil {
			return 0, fmt.Errorf("find the request: %w", err)
		}
	} else {
		var k, p string
		err := tx.QueryRowContext(ctx, `SELECT kind, person FROM privacy_requests WHERE id = ?`, id).Scan(&k, &p)
		if errors.Is(err, sql.ErrNoRows) {
			return 0, apperr.New(apperr.NotFound, "no privacy request %d", id)
		}
		if err != nil {
			return 0, fmt.Errorf("read request: %w", err)
		}
		if k != kind || p != person {
			return 0, apperr.New(apperr.Invalid, "privacy request %d is not a %s request for this person", id, kind)
		}
	}
	return id, s.complete(ctx, tx, a, id, outcome)
}
