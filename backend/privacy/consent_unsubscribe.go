package privacy

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/store"
)

// UnsubscribePromise is how long the notice says an unsubscribe may take.
const UnsubscribePromise = 48 * time.Hour

// UnsubscribeInput is an unsubscribe request that reached staff.
type UnsubscribeInput struct {
	Email       string    `json:"email"`
	List        string    `json:"list"`
	SourceKind  string    `json:"sourceKind"`
	SourceRef   string    `json:"sourceRef"`
	RequestedAt time.Time `json:"requestedAt"`
}

// Unsubscribe is one request, its age and whether the 48-hour promise is broken.
type Unsubscribe struct {
	ID          int64     `json:"id"`
	Email       string    `json:"email"`
	List        string    `json:"list"`
	Source      string    `json:"source"`
	RequestedAt time.Time `json:"requestedAt"`
	DueAt       time.Time `json:"dueAt"`
	AgeHours    float64   `json:"ageHours"`
	Overdue     bool      `json:"overdue"`
	RecordedBy  string    `json:"recordedBy"`
	DoneAt      time.Time `json:"doneAt"`
	DoneBy      string    `json:"doneBy"`
}

// AddUnsubscribe records an unsubscribe request and, in the same transaction, the newsletter consent
// withdrawn in the ledger.
func (s *ConsentService) AddUnsubscribe(ctx context.Context, in UnsubscribeInput) (Unsubscribe, error) {
	a, err := actor.Require(ctx, consentReaders...)
	if err != nil {
		return Unsubscribe{}, err
	}
	if in.List = strings.TrimSpace(in.List); in.List == "" {
		in.List = "all newsletters"
	}
	if in.SourceKind == "" {
		in.SourceKind, in.SourceRef = SourceOperator, a.Name
	}
	now := s.clock.Now().UTC()
	if in.RequestedAt.IsZero() || in.RequestedAt.After(now) {
		in.RequestedAt = now
	}
	var out Unsubscribe
	err = s.db.Update(ctx, func(tx *sql.Tx) error {
		rec := ConsentInput{Email: in.Email, Purpose: PurposeNewsletter, Given: false, SourceKind: in.SourceKind,
			SourceRef: in.SourceRef, Wording: "unsubscribe request: " + in.List, At: in.RequestedAt}
		if err := s.RecordTx(ctx, tx, []ConsentInput{rec}); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO privacy_unsubscribes (email, list, source_kind, source_ref, requested_at,
			recorded_by) VALUES (?, ?, ?, ?, ?, ?)`, strings.TrimSpace(in.Email), in.List, in.SourceKind, in.SourceRef,
			in.RequestedAt.Format(tsFormat), a.Name)
		if err != nil {
			return fmt.Errorf("record unsubscribe: %w", err)
		}
		id, _ := res.LastInsertId()
		if out, err = s.unsubscribe(ctx, tx, id); err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "unsubscribe.add", ObjectType: "unsubscribe",
			ObjectID: strconv.FormatInt(id, 10), Details: map[string]string{"source": in.SourceKind}})
	})
	return out, err
}

// Unsubscribes lists the requests still open, oldest first, or every request with all.
func (s *ConsentService) Unsubscribes(ctx context.Context, all bool) ([]Unsubscribe, error) {
	if _, err := actor.Require(ctx, consentReaders...); err != nil {
		return nil, err
	}
	out := []Unsubscribe{}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		where := ` WHERE done_at = ''`
		if all {
			where = ``
		}
		list, err := store.Collect("unsubscribes", s.scanUnsubscribe)(tx.QueryContext(ctx, selectUnsubscribe+where+
			` ORDER BY done_at <> '', requested_at, id`))
		out = append(out, list...)
		return err
	})
	return out, err
}

// MarkUnsubscribeDone records that the person was taken off the list.
func (s *ConsentService) MarkUnsubscribeDone(ctx context.Context, id int64) (Unsubscribe, error) {
	a, err := actor.Require(ctx, consentReaders...)
	if err != nil {
		return Unsubscribe{}, err
	}
	var out Unsubscribe
	err = s.db.Update(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE privacy_unsubscribes SET done_at = ?, done_by = ? WHERE id = ? AND done_at = ''`,
			s.clock.Now().UTC().Format(tsFormat), a.Name, id)
		if err != nil {
			return fmt.Errorf("mark unsubscribe done: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if _, err := s.unsubscribe(ctx, tx, id); err != nil {
				return err
			}
			return apperr.New(apperr.Conflict, "unsubscribe request %d is already done", id)
		}
		if out, err = s.unsubscribe(ctx, tx, id); err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "unsubscribe.done", ObjectType: "unsubscribe",
			ObjectID: strconv.FormatInt(id, 10), Details: map[string]string{"ageHours": strconv.Itoa(int(out.AgeHours))}})
	})
	return out, err
}

const selectUnsubscribe = `SELECT id, email, list, source_kind, source_ref, requested_at, recorded_by, done_at, done_by
	FROM privacy_unsubscribes`

func (s *ConsentService) unsubscribe(ctx context.Context, tx *sql.Tx, id int64) (Unsubscribe, error) {
	u, err := s.scanUnsubscribe(tx.QueryRowContext(ctx, selectUnsubscribe+` WHERE id = ?`, id))
	if err != nil {
		return u, apperr.New(apperr.NotFound, "no unsubscribe request %d", id)
	}
	return u, nil
}

// scanUnsubscribe reads one request and works out its age: until it was done, or until now.
func (s *ConsentService) scanUnsubscribe(r store.Scanner) (Unsubscribe, error) {
	var u Unsubscribe
	var kind, ref, requested, done string
	if err := r.Scan(&u.ID, &u.Email, &u.List, &kind, &ref, &requested, &u.RecordedBy, &done, &u.DoneBy); err != nil {
		return u, fmt.Errorf("read unsubscribe: %w", err)
	}
	u.Source = sourceLabel(kind, ref)
	u.RequestedAt, _ = time.Parse(time.RFC3339Nano, requested)
	u.DueAt = u.RequestedAt.Add(UnsubscribePromise)
	end := s.clock.Now().UTC()
	if done != "" {
		u.DoneAt, _ = time.Parse(time.RFC3339Nano, done)
		end = u.DoneAt
	}
	u.AgeHours = float64(end.Sub(u.RequestedAt).Round(time.Minute)) / float64(time.Hour)
	u.Overdue = end.After(u.DueAt)
	return u, nil
}
