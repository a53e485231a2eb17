package privacy

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/store"
)

// tsFormat writes ledger times with a fixed width, so that they sort as text in time order.
const tsFormat = "2006-01-02T15:04:05.000000000Z"

// consentBatch is how many records one INSERT writes.
const consentBatch = 500

// Source kinds of consent records.
const (
	SourceImport   = "import"
	SourceTicket   = "ticket"
	SourceOperator = "operator"
	SourceWebsite  = "website"
)

// consentReaders are the roles that may look up and record consents.
var consentReaders = []actor.Role{actor.HelpDesk, actor.Competitions}

var (
	purposeIDRE = regexp.MustCompile(`^[A-Za-z0-9._:-]{1,80}$`)
	keyRE       = regexp.MustCompile(`[^a-z0-9]+`)
)

// EmailKey is the form of an address every consent lookup uses: trimmed and lower-cased.
func EmailKey(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// PartnerKey is the id a partner's purposes use, made from its name: "Center Parcs" gives "center-parcs".
// Competitions name their sponsor, so an entry's opt-in and the partner's exports meet on this key.
func PartnerKey(name string) string {
	return strings.Trim(keyRE.ReplaceAllString(strings.ToLower(strings.TrimSpace(name)), "-"), "-")
}

// ValidPurpose reports whether p is a known purpose: newsletter, partner_emails, or one of the per-partner,
// per-survey and per-competition purposes with its id.
func ValidPurpose(p string) bool {
	if p == PurposeNewsletter || p == PurposePartnerEmails {
		return true
	}
	kind, id, ok := strings.Cut(p, ":")
	if !ok || !purposeIDRE.MatchString(id) {
		return false
	}
	switch kind {
	case "sponsor_sharing", "survey_sharing", "survey_sensitive", "competition_entry":
		return true
	}
	return false
}

// ConsentRecord is one line of the ledger.
type ConsentRecord struct {
	ID             int64     `json:"id"`
	Email          string    `json:"email"`
	Purpose        string    `json:"purpose"`
	Given          bool      `json:"given"`
	SourceKind     string    `json:"sourceKind"`
	SourceRef      string    `json:"sourceRef"`
	Wording        string    `json:"wording"`
	WordingVersion string    `json:"wordingVersion"`
	At             time.Time `json:"at"`
	RecordedBy     string    `json:"recordedBy"`
	RecordedAt     time.Time `json:"recordedAt"`
}

// ConsentState is where one purpose stands for a person: the latest record decides.
type ConsentState struct {
	Purpose  string    `json:"purpose"`
	InForce  bool      `json:"inForce"`
	Since    time.Time `json:"since"`
	RecordID int64     `json:"recordId"`
	Source   string    `json:"source"`
}

// ConsentHistory is everything the ledger holds about one address, newest first, and the current state
// of each purpose.
type ConsentHistory struct {
	Email   string          `json:"email"`
	Current []ConsentState  `json:"current"`
	Records []ConsentRecord `json:"records"`
}

// Recorder appends to the audit log inside a transaction.
type Recorder interface {
	Record(ctx context.Context, tx *sql.Tx, ev audit.Event) error
}

// ConsentService keeps the consent ledger and the newsletter unsubscribe requests.
type ConsentService struct {
	db    *store.DB
	audit Recorder
	clock clock.Clock
}

// NewConsentService returns the consent ledger's service.
func NewConsentService(db *store.DB, rec Recorder, c clock.Clock) *ConsentService {
	return &ConsentService{db: db, audit: rec, clock: c}
}

// RecordTx appends records inside the caller's transaction, a batch per INSERT. Importers call it; they
// have checked the operator's role. A record without a time is given now.
func (s *ConsentService) RecordTx(ctx context.Context, tx *sql.Tx, recs []ConsentInput) error {
	by := ""
	if a, ok := actor.From(ctx); ok {
		by = a.Name
	}
	now := s.clock.Now().UTC().Format(tsFormat)
	wordings := map[[2]string]int64{}
	args := make([]any, 0, min(len(recs), consentBatch)*10)
	for start := 0; start < len(recs); start += consentBatch {
		chunk := recs[start:min(start+consentBatch, len(recs))]
		args = args[:0]
		for _, r := range chunk {
			if err := checkInput(r); err != nil {
				return err
			}
			wid, err := wordingID(ctx, tx, wordings, r.Wording, r.WordingVersion)
			if err != nil {
				return err
			}
			at := r.At
			if at.IsZero() {
				at = s.clock.Now()
			}
			email, key := strings.TrimSpace(r.Email), EmailKey(r.Email)
			if email == key {
				email = ""
			}
			args = append(args, email, key, r.Purpose, r.Given, r.SourceKind, r.SourceRef, wid, at.UTC().Format(tsFormat), by, now)
		}
		one := "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
		q := `INSERT INTO privacy_consents (email, email_key, purpose, given, source_kind, source_ref, wording_id, at,
			recorded_by, recorded_at) VALUES ` + strings.Repeat(one+", ", len(chunk)-1) + one
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("record consents: %w", err)
		}
	}
	return nil
}

// wordingID returns the id of a wording and version, storing it the first time; seen caches ids.
func wordingID(ctx context.Context, tx *sql.Tx, seen map[[2]string]int64, text, version string) (int64, error) {
	k := [2]string{text, version}
	if id, ok := seen[k]; ok {
		return id, nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO privacy_wordings (text, version) VALUES (?, ?) ON CONFLICT DO NOTHING`,
		text, version); err != nil {
		return 0, fmt.Errorf("record wording: %w", err)
	}
	var id int64
	if err := tx.QueryRowContext(ctx, `SELECT wording_id FROM privacy_wordings WHERE text = ? AND version = ?`, text,
		version).Scan(&id); err != nil {
		return 0, fmt.Errorf("read wording: %w", err)
	}
	seen[k] = id
	return id, nil
}

func checkInput(r ConsentInput) error {
	switch {
	case EmailKey(r.Email) == "" || !strings.Contains(r.Email, "@"):
		return apperr.New(apperr.Invalid, "a consent needs the person's email address")
	case !ValidPurpose(r.Purpose):
		return apperr.New(apperr.Invalid, "purpose %q is not one of the notice's purposes", r.Purpose)
	case r.SourceKind == "":
		return apperr.New(apperr.Invalid, "a consent needs its source (import, ticket, operator or website)")
	}
	return nil
}

// InForceTx reports whether the latest record for email and purpose, given at or before now, gives consent.
func (s *ConsentService) InForceTx(ctx context.Context, tx *sql.Tx, email, purpose string) (bool, error) {
	var given bool
	err := tx.QueryRowContext(ctx, `SELECT given FROM privacy_consents WHERE email_key = ? AND purpose = ? AND at <= ?
		ORDER BY at DESC, id DESC LIMIT 1`, EmailKey(email), purpose, s.clock.Now().UTC().Format(tsFormat)).Scan(&given)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read consent: %w", err)
	}
	return given, nil
}

// Record appends one record given by an operator (for example consent given on the phone) and audits it.
func (s *ConsentService) Record(ctx context.Context, in ConsentInput) (ConsentRecord, error) {
	a, err := actor.Require(ctx, consentReaders...)
	if err != nil {
		return ConsentRecord{}, err
	}
	if in.SourceKind == "" {
		in.SourceKind, in.SourceRef = SourceOperator, a.Name
	}
	var rec ConsentRecord
	err = s.db.Update(ctx, func(tx *sql.Tx) error {
		if err := s.RecordTx(ctx, tx, []ConsentInput{in}); err != nil {
			return err
		}
		var id int64
		if err := tx.QueryRowContext(ctx, `SELECT last_insert_rowid()`).Scan(&id); err != nil {
			return fmt.Errorf("read consent id: %w", err)
		}
		if rec, err = scanRecord(tx.QueryRowContext(ctx, selectRecord+` WHERE id = ?`, id)); err != nil {
			return err
		}
		action := "consent.give"
		if !in.Given {
			action = "consent.withdraw"
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: action, ObjectType: "consent", ObjectID: strconv.FormatInt(id, 10),
			Details: map[string]string{"purpose": in.Purpose, "source": in.SourceKind}})
	})
	return rec, err
}

// Withdraw records that the person withdrew consent for purpose, now. sourceKind is "ticket" (ref "ticket N")
// or "operator" when empty.
func (s *ConsentService) Withdraw(ctx context.Context, email, purpose, sourceKind, sourceRef string) (ConsentRecord, error) {
	return s.Record(ctx, ConsentInput{Email: email, Purpose: purpose, Given: false, SourceKind: sourceKind, SourceRef: sourceRef,
		Wording: "consent withdrawn", At: s.clock.Now()})
}

// selectRecord reads ledger records with their wording; callers add WHERE and ORDER BY on the
// ledger's columns (id, email_key, purpose, at, ...).
const selectRecord = `SELECT id, CASE WHEN email = '' THEN email_key ELSE email END, purpose, given, source_kind,
	source_ref, text, version, at, recorded_by, recorded_at FROM privacy_consents JOIN privacy_wordings USING (wording_id)`

func scanRecord(r store.Scanner) (ConsentRecord, error) {
	var c ConsentRecord
	var at, recorded string
	err := r.Scan(&c.ID, &c.Email, &c.Purpose, &c.Given, &c.SourceKind, &c.SourceRef, &c.Wording, &c.WordingVersion, &at,
		&c.RecordedBy, &recorded)
	if err != nil {
		return c, fmt.Errorf("read consent record: %w", err)
	}
	c.At, _ = time.Parse(time.RFC3339Nano, at)
	c.RecordedAt, _ = time.Parse(time.RFC3339Nano, recorded)
	return c, nil
}

// History returns every record about email, newest first, and each purpose's current state.
func (s *ConsentService) History(ctx context.Context, email string) (ConsentHistory, error) {
	if _, err := actor.Require(ctx, consentReaders...); err != nil {
		return ConsentHistory{}, err
	}
	h := ConsentHistory{Email: strings.TrimSpace(email), Current: []ConsentState{}, Records: []ConsentRecord{}}
	if EmailKey(email) == "" {
		return h, apperr.New(apperr.Invalid, "give an email address to look up")
	}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		recs, err := store.Collect("consents", scanRecord)(tx.QueryContext(ctx, selectRecord+` WHERE email_key = ?
			ORDER BY at DESC, id DESC`, EmailKey(email)))
		if err != nil {
			return err
		}
		h.Records = append(h.Records, recs...)
		return nil
	})
	h.Current = current(h.Records, s.clock.Now())
	return h, err
}

// current picks the latest record of each purpose (records come newest first), ignoring future ones.
func current(recs []ConsentRecord, now time.Time) []ConsentState {
	out := []ConsentState{}
	seen := map[string]bool{}
	for _, r := range recs {
		if seen[r.Purpose] || r.At.After(now) {
			continue
		}
		seen[r.Purpose] = true
		out = append(out, ConsentState{Purpose: r.Purpose, InForce: r.Given, Since: r.At, RecordID: r.ID,
			Source: sourceLabel(r.SourceKind, r.SourceRef)})
	}
	return out
}

// sourceLabel names where a record came from: "ticket 12", "import competition 3 import 1 line 4".
func sourceLabel(kind, ref string) string {
	switch {
	case ref == "":
		return kind
	case strings.HasPrefix(ref, kind):
		return ref
	}
	return kind + " " + ref
}
