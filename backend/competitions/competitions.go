// Package competitions runs prize competitions: their rules, the entries imported from CSV or XLSX, who
// is eligible, the verifiable draw (commit, public value, run), the certificate, the winners' claims and
// the purge of entrants' data once the retention period is over. The draw itself lives in package draw.
package competitions

import (
	"context"
	"crypto/rand"
	"database/sql"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/store"
)

//go:embed migrations/*.sql
var migrationsFS embed.FS

// Migrations are the competitions area's schema.
var Migrations = store.Migrations{Area: "competitions", FS: migrationsFS}

// Status is where a competition is in its lifecycle.
type Status string

// The lifecycle: draft, open, closed (open and past its closing time), committed, drawn, winners
// confirmed, purged.
const (
	Draft     Status = "draft"
	Open      Status = "open"
	Closed    Status = "closed"
	Committed Status = "committed"
	Drawn     Status = "drawn"
	Confirmed Status = "confirmed"
	Purged    Status = "purged"
)

// Rules are a competition's eligibility rules. One entry per person (normalised email) always applies.
type Rules struct {
	MinAge           int      `json:"minAge"`
	Countries        []string `json:"countries"`
	ExcludedDomains  []string `json:"excludedDomains"`
	PastWinnerMonths int      `json:"pastWinnerMonths"`
	OnePerHousehold  bool     `json:"onePerHousehold"`
	Weighted         bool     `json:"weighted"`
}

// Details are what a competition manager fills in.
type Details struct {
	Title         string    `json:"title"`
	Sponsor       string    `json:"sponsor"`
	Prize         string    `json:"prize"`
	OpensAt       time.Time `json:"opensAt"`
	ClosesAt      time.Time `json:"closesAt"`
	Question      string    `json:"question"`
	Answer        string    `json:"answer"`
	Winners       int       `json:"winners"`
	Reserves      int       `json:"reserves"`
	ClaimDays     int       `json:"claimDays"`
	RetentionDays int       `json:"retentionDays"`
	Rules         Rules     `json:"rules"`
}

// Counts are how a competition's entries stand.
type Counts struct {
	Entries    int `json:"entries"`
	Eligible   int `json:"eligible"`
	Ineligible int `json:"ineligible"`
	Duplicates int `json:"duplicates"`
}

// Competition is one competition with its lifecycle status and entry counts.
type Competition struct {
	ID        string    `json:"id"`
	Status    Status    `json:"status"`
	Details   Details   `json:"details"`
	Counts    Counts    `json:"counts"`
	CreatedAt time.Time `json:"createdAt"`
	UpdatedAt time.Time `json:"updatedAt"`
	PurgeDue  time.Time `json:"purgeDue"`
}

// Recorder appends to the audit log inside a transaction.
type Recorder interface {
	Record(ctx context.Context, tx *sql.Tx, ev audit.Event) error
}

// Service runs competitions and their draws.
type Service struct {
	db     *store.DB
	audit  Recorder
	clock  clock.Clock
	random func() ([]byte, error)
	// consents records each import's consents in the consent ledger; nil records none (see consent.go).
	consents ConsentRecorder
	// notifier queues winner notifications for sending; nil keeps them as drafts (see notify.go).
	notifier Notifier
}

// NewService returns the competitions service. Seeds come from the operating system's random source.
func NewService(db *store.DB, rec Recorder, c clock.Clock) *Service {
	return &Service{db: db, audit: rec, clock: c, random: newSeed}
}

var managers = []actor.Role{actor.Competitions}

// List returns every competition, newest closing first.
func (s *Service) List(ctx context.Context) ([]Competition, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return nil, err
	}
	out := []Competition{}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		list, err := store.Collect("competitions", scanCompetition)(tx.QueryContext(ctx, selectCompetition+` ORDER BY closes_at DESC, id`))
		if err != nil {
			return err
		}
		out = append(out, list...)
		return s.fillCounts(ctx, tx, out)
	})
	for i := range out {
		out[i].Status = s.effective(out[i].Status, out[i].Details)
	}
	return out, err
}

// Get returns one competition.
func (s *Service) Get(ctx context.Context, id string) (Competition, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return Competition{}, err
	}
	var c Competition
	err := s.db.View(ctx, func(tx *sql.Tx) (err error) {
		if c, err = s.load(ctx, tx, id); err != nil {
			return err
		}
		list := []Competition{c}
		err = s.fillCounts(ctx, tx, list)
		c = list[0]
		return err
	})
	return c, err
}

// Create adds a draft competition.
func (s *Service) Create(ctx context.Context, d Details) (Competition, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return Competition{}, err
	}
	d = normaliseDetails(d)
	if err := validateDetails(d); err != nil {
		return Competition{}, err
	}
	now := s.clock.Now().UTC()
	c := Competition{ID: newID(), Status: Draft, Details: d, CreatedAt: now, UpdatedAt: now}
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		rules, _ := json.Marshal(d.Rules)
		_, err := tx.ExecContext(ctx, `INSERT INTO competitions (id, title, sponsor, prize, opens_at, closes_at, question,
			answer, winners, reserves, claim_days, retention_days, rules, status, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?)`,
			c.ID, d.Title, d.Sponsor, d.Prize, ts(d.OpensAt), ts(d.ClosesAt), d.Question, d.Answer, d.Winners, d.Reserves,
			d.ClaimDays, d.RetentionDays, string(rules), ts(now), ts(now))
		if err != nil {
			return fmt.Errorf("create competition: %w", err)
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "competition.create", ObjectType: "competition", ObjectID: c.ID})
	})
	if err != nil {
		return Competition{}, err
	}
	return s.Get(ctx, c.ID)
}

// Update changes a competition's details and rules before its list is committed, and re-checks every
// entry against the new rules.
func (s *Service) Update(ctx context.Context, id string, d Details) (Competition, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return Competition{}, err
	}
	d = normaliseDetails(d)
	if err := validateDetails(d); err != nil {
		return Competition{}, err
	}
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		c, err := s.load(ctx, tx, id)
		if err != nil {
			return err
		}
		if !c.Status.editable() {
			return apperr.New(apperr.Conflict, "competition %s is %s: its rules can no longer change", id, c.Status)
		}
		rules, _ := json.Marshal(d.Rules)
		_, err = tx.ExecContext(ctx, `UPDATE competitions SET title = ?, sponsor = ?, prize = ?, opens_at = ?, closes_at = ?,
			question = ?, answer = ?, winners = ?, reserves = ?, claim_days = ?, retention_days = ?, rules = ?, updated_at = ?
			WHERE id = ?`, d.Title, d.Sponsor, d.Prize, ts(d.OpensAt), ts(d.ClosesAt), d.Question, d.Answer, d.Winners,
			d.Reserves, d.ClaimDays, d.RetentionDays, string(rules), ts(s.clock.Now()), id)
		if err != nil {
			return fmt.Errorf("update competition: %w", err)
		}
		checked, err := s.recheck(ctx, tx, id, d)
		if err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "competition.update", ObjectType: "competition", ObjectID: id,
			Details: map[string]string{"rechecked": fmt.Sprint(checked)}})
	})
	if err != nil {
		return Competition{}, err
	}
	return s.Get(ctx, id)
}

// OpenForEntries moves a draft competition to open.
func (s *Service) OpenForEntries(ctx context.Context, id string) (Competition, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return Competition{}, err
	}
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		c, err := s.load(ctx, tx, id)
		if err != nil {
			return err
		}
		if c.Status != Draft {
			return apperr.New(apperr.Conflict, "competition %s is %s, not a draft", id, c.Status)
		}
		if err := setStatus(ctx, tx, id, Open, s.clock.Now()); err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "competition.open", ObjectType: "competition", ObjectID: id})
	})
	if err != nil {
		return Competition{}, err
	}
	return s.Get(ctx, id)
}

func (st Status) editable() bool { return st == Draft || st == Open || st == Closed }

// effective reports "closed" for an open competition past its closing time.
func (s *Service) effective(st Status, d Details) Status {
	if st == Open && !s.clock.Now().Before(d.ClosesAt) {
		return Closed
	}
	return st
}

const selectCompetition = `SELECT id, title, sponsor, prize, opens_at, closes_at, question, answer, winners, reserves,
	claim_days, retention_days, rules, status, created_at, updated_at FROM competitions`

type scanner = store.Scanner

func scanCompetition(r scanner) (Competition, error) {
	var c Competition
	var opens, closes, rules, status, created, updated string
	d := &c.Details
	err := r.Scan(&c.ID, &d.Title, &d.Sponsor, &d.Prize, &opens, &closes, &d.Question, &d.Answer, &d.Winners, &d.Reserves,
		&d.ClaimDays, &d.RetentionDays, &rules, &status, &created, &updated)
	if err != nil {
		return c, err
	}
	d.OpensAt, d.ClosesAt = parseTS(opens), parseTS(closes)
	c.CreatedAt, c.UpdatedAt = parseTS(created), parseTS(updated)
	c.Status = Status(status)
	c.PurgeDue = d.ClosesAt.AddDate(0, 0, d.RetentionDays)
	if err := json.Unmarshal([]byte(rules), &d.Rules); err != nil {
		return c, fmt.Errorf("read rules of competition %s: %w", c.ID, err)
	}
	return c, nil
}

// load reads one competition with its effective status inside tx, without its counts.
func (s *Service) load(ctx context.Context, tx *sql.Tx, id string) (Competition, error) {
	c, err := scanCompetition(tx.QueryRowContext(ctx, selectCompetition+` WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, apperr.New(apperr.NotFound, "no competition %s", id)
	}
	if err != nil {
		return c, fmt.Errorf("read competition %s: %w", id, err)
	}
	c.Status = s.effective(c.Status, c.Details)
	return c, nil
}

func (s *Service) fillCounts(ctx context.Context, tx *sql.Tx, list []Competition) error {
	for i := range list {
		c := &list[i].Counts
		err := tx.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(status = 'eligible'), 0),
			coalesce(sum(status = 'ineligible'), 0), coalesce(sum(status = 'duplicate'), 0)
			FROM competition_entries WHERE competition_id = ?`, list[i].ID).Scan(&c.Entries, &c.Eligible, &c.Ineligible, &c.Duplicates)
		if err != nil {
			return fmt.Errorf("count entries: %w", err)
		}
	}
	return nil
}

func setStatus(ctx context.Context, tx *sql.Tx, id string, st Status, now time.Time) error {
	if _, err := tx.ExecContext(ctx, `UPDATE competitions SET status = ?, updated_at = ? WHERE id = ?`, string(st), ts(now), id); err != nil {
		return fmt.Errorf("set competition status: %w", err)
	}
	return nil
}

func ts(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func parseTS(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

// newID returns a short random competition id such as "c7f3a91b".
func newID() string {
	b := make([]byte, 4)
	rand.Read(b)
	return "c" + hex.EncodeToString(b)[:7]
}
