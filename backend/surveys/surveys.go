// Package surveys keeps surveys and polls: their questions (with simple branching, sensitive questions and
// a third-party sharing setting), responses imported from SurveyMonkey, LimeSurvey or our own CSV with a
// saved column mapping, the results a manager reads at a glance, and an Excel export. Answers to sensitive
// questions are stored only with the respondent's explicit consent, and consents go to the consent ledger.
package surveys

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
	"staffdesk/backend/privacy"
	"staffdesk/backend/store"
)

//go:embed migrations/*.sql
var migrationsFS embed.FS

// Migrations are the surveys area's schema.
var Migrations = store.Migrations{Area: "surveys", FS: migrationsFS}

// Kind is a question's type.
type Kind string

// The question types.
const (
	SingleChoice   Kind = "single"
	MultipleChoice Kind = "multiple"
	Rating         Kind = "rating"
	FreeText       Kind = "text"
	Number         Kind = "number"
	Date           Kind = "date"
)

// Sharing settings: whether answers may go to the survey's third party.
const (
	SharingNone    = "none"
	SharingConsent = "consent"
)

// Condition shows a question only when another question has a given answer; an empty Question means always.
type Condition struct {
	Question string `json:"question"`
	Answer   string `json:"answer"`
}

// Question is one question of a survey. ID is a short stable key ("q1"); answers refer to it.
type Question struct {
	ID         string    `json:"id"`
	Text       string    `json:"text"`
	Kind       Kind      `json:"kind"`
	Options    []string  `json:"options"`
	AllowOther bool      `json:"allowOther"`
	ScaleMin   int       `json:"scaleMin"`
	ScaleMax   int       `json:"scaleMax"`
	Sensitive  bool      `json:"sensitive"`
	ShowIf     Condition `json:"showIf"`
}

// Details are what a survey's owner fills in.
type Details struct {
	Title         string     `json:"title"`
	Purpose       string     `json:"purpose"`
	Owner         string     `json:"owner"`
	RetentionDays int        `json:"retentionDays"`
	Sharing       string     `json:"sharing"`
	Partner       string     `json:"partner"`
	KeepIP        bool       `json:"keepIp"`
	Questions     []Question `json:"questions"`
}

// Survey is one survey with its response count and saved column mapping.
type Survey struct {
	ID        string            `json:"id"`
	Details   Details           `json:"details"`
	Responses int               `json:"responses"`
	Mapping   map[string]string `json:"mapping"`
	CreatedAt time.Time         `json:"createdAt"`
	UpdatedAt time.Time         `json:"updatedAt"`
}

// Recorder appends to the audit log inside a transaction.
type Recorder interface {
	Record(ctx context.Context, tx *sql.Tx, ev audit.Event) error
}

// ConsentRecorder writes consents to the consent ledger inside the importer's transaction.
type ConsentRecorder interface {
	RecordTx(ctx context.Context, tx *sql.Tx, recs []privacy.ConsentInput) error
}

// Service keeps surveys, imports their responses and computes their results.
type Service struct {
	db       *store.DB
	audit    Recorder
	clock    clock.Clock
	consents ConsentRecorder
}

// NewService returns the surveys service; consents may be nil (no ledger: consents are kept on the
// respondent only).
func NewService(db *store.DB, rec Recorder, c clock.Clock, consents ConsentRecorder) *Service {
	return &Service{db: db, audit: rec, clock: c, consents: consents}
}

var managers = []actor.Role{actor.Competitions}

// List returns every survey, newest first.
func (s *Service) List(ctx context.Context) ([]Survey, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return nil, err
	}
	out := []Survey{}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		list, err := store.Collect("surveys", scanSurvey)(tx.QueryContext(ctx, selectSurvey+` ORDER BY created_at DESC, id`))
		out = append(out, list...)
		return err
	})
	return out, err
}

// Get returns one survey.
func (s *Service) Get(ctx context.Context, id string) (Survey, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return Survey{}, err
	}
	var sv Survey
	err := s.db.View(ctx, func(tx *sql.Tx) (err error) { sv, err = load(ctx, tx, id); return })
	return sv, err
}

// Create adds a survey.
func (s *Service) Create(ctx context.Context, d Details) (Survey, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return Survey{}, err
	}
	d = normaliseDetails(d)
	if err := validateDetails(d); err != nil {
		return Survey{}, err
	}
	id, now := newID(), ts(s.clock.Now())
	body, _ := json.Marshal(d)
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO surveys (id, title, details, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
			id, d.Title, string(body), now, now)
		if err != nil {
			return fmt.Errorf("create survey: %w", err)
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "survey.create", ObjectType: "survey", ObjectID: id,
			Details: map[string]string{"questions": fmt.Sprint(len(d.Questions))}})
	})
	if err != nil {
		return Survey{}, err
	}
	return s.Get(ctx, id)
}

// Update changes a survey's details and questions. Answers stay keyed by question id, so a removed
// question's answers are simply no longer shown.
func (s *Service) Update(ctx context.Context, id string, d Details) (Survey, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return Survey{}, err
	}
	d = normaliseDetails(d)
	if err := validateDetails(d); err != nil {
		return Survey{}, err
	}
	body, _ := json.Marshal(d)
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		if _, err := load(ctx, tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE surveys SET title = ?, details = ?, updated_at = ? WHERE id = ?`,
			d.Title, string(body), ts(s.clock.Now()), id); err != nil {
			return fmt.Errorf("update survey: %w", err)
		}
		if !d.KeepIP {
			if _, err := tx.ExecContext(ctx, `UPDATE surveys_respondents SET ip = '' WHERE survey_id = ? AND ip != ''`, id); err != nil {
				return fmt.Errorf("drop ip addresses: %w", err)
			}
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "survey.update", ObjectType: "survey", ObjectID: id,
			Details: map[string]string{"questions": fmt.Sprint(len(d.Questions))}})
	})
	if err != nil {
		return Survey{}, err
	}
	return s.Get(ctx, id)
}

// Delete removes a survey with all its responses and import history.
func (s *Service) Delete(ctx context.Context, id string) error {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return err
	}
	return s.db.Update(ctx, func(tx *sql.Tx) error {
		if _, err := load(ctx, tx, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM surveys_respondents WHERE survey_id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete responses: %w", err)
		}
		n, _ := res.RowsAffected()
		for _, q := range []string{`DELETE FROM surveys_imports WHERE survey_id = ?`, `DELETE FROM surveys WHERE id = ?`} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return fmt.Errorf("delete survey: %w", err)
			}
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "survey.delete", ObjectType: "survey", ObjectID: id,
			Details: map[string]string{"responses": fmt.Sprint(n)}})
	})
}

const selectSurvey = `SELECT id, details, mapping, created_at, updated_at,
	(SELECT count(*) FROM surveys_respondents r WHERE r.survey_id = surveys.id) FROM surveys`

func scanSurvey(r store.Scanner) (Survey, error) {
	var sv Survey
	var details, mapping, created, updated string
	if err := r.Scan(&sv.ID, &details, &mapping, &created, &updated, &sv.Responses); err != nil {
		return sv, err
	}
	sv.CreatedAt, sv.UpdatedAt = parseTS(created), parseTS(updated)
	if err := json.Unmarshal([]byte(details), &sv.Details); err != nil {
		return sv, fmt.Errorf("read survey %s: %w", sv.ID, err)
	}
	if err := json.Unmarshal([]byte(mapping), &sv.Mapping); err != nil || sv.Mapping == nil {
		sv.Mapping = map[string]string{}
	}
	return sv, nil
}

// load reads one survey inside tx.
func load(ctx context.Context, tx *sql.Tx, id string) (Survey, error) {
	sv, err := scanSurvey(tx.QueryRowContext(ctx, selectSurvey+` WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return sv, apperr.New(apperr.NotFound, "no survey %s", id)
	}
	if err != nil {
		return sv, fmt.Errorf("read survey %s: %w", id, err)
	}
	return sv, nil
}

func ts(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func parseTS(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

// newID returns a short random survey id such as "s7f3a91b".
func newID() string {
	b := make([]byte, 4)
	rand.Read(b)
	return "s" + hex.EncodeToString(b)[:7]
}
