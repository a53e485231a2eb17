// Package exports sends members' data to partners (sponsors) only as the privacy notice allows: a partner
// receives only the fields it is entitled to, only of people whose consent for that partner is in force
// when the export runs, and only after a second operator approved the request with their own passphrase.
// The file is an .xlsx written with excelize's StreamWriter, every text cell safe from formula injection.
package exports

import (
	"context"
	"database/sql"
	"embed"
	"strings"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/privacy"
	"staffdesk/backend/store"
)

//go:embed migrations/*.sql
var migrationsFS embed.FS

// Migrations are the exports area's schema.
var Migrations = store.Migrations{Area: "exports", FS: migrationsFS}

// managers may add partners, request and approve exports and run them.
var managers = []actor.Role{actor.Competitions}

// Field is one entry of the catalogue of fields a partner may be entitled to.
type Field struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Help  string `json:"help"`
}

// Catalogue is every field an export can hold, in the order columns appear. Sources fill what they hold
// and leave the rest empty (a competition has no phone number; a survey may have no address).
var Catalogue = []Field{
	{"first_name", "First name", "as the member gave it"},
	{"surname", "Surname", "as the member gave it"},
	{"email", "Email", "the address the member entered with"},
	{"address_line1", "Address", "first line of the postal address"},
	{"postcode", "Postcode", "UK postcode"},
	{"county", "County", "county or area"},
	{"country", "Country", "country of residence"},
	{"phone", "Phone", "phone number, where the source asked for one"},
	{"date_of_birth", "Date of birth", "YYYY-MM-DD"},
	{"child_age_band", "Child age band", "for example pregnant, 0-1, 1-3, 3-5, 5-11, 11+"},
	{"answers", "Answers", "the competition answer or the survey answers, as text"},
	{"entered_at", "Entered at", "when the entry or response was made (UTC)"},
}

// fieldLabel returns the column heading of a catalogue key, and whether the key exists.
func fieldLabel(key string) (string, bool) {
	for _, f := range Catalogue {
		if f.Key == key {
			return f.Label, true
		}
	}
	return "", false
}

// SourceRef names a competition or survey a partner sponsors: kind "competition" or "survey", and its id.
type SourceRef struct {
	Kind  string `json:"kind"`
	ID    string `json:"id"`
	Title string `json:"title"`
}

// String writes the reference as the CLI takes it: "competition:ID".
func (r SourceRef) String() string { return r.Kind + ":" + r.ID }

// ParseSourceRef reads "competition:ID" or "survey:ID".
func ParseSourceRef(s string) (SourceRef, bool) {
	kind, id, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok || id == "" || (kind != "competition" && kind != "survey") {
		return SourceRef{}, false
	}
	return SourceRef{Kind: kind, ID: id}, true
}

// Source streams the people of one competition or survey, with the catalogue fields asked for.
type Source interface {
	// Title returns the competition's or survey's title; an unknown id is a not-found error.
	Title(ctx context.Context, id string) (string, error)
	// Stream calls fn once per person, values in the order of fields ("" where the source has none).
	// values is reused between calls.
	Stream(ctx context.Context, id string, fields []string, fn func(email string, values []string) error) error
}

// Consents reads where a purpose stands for everyone at once (the consent ledger).
type Consents interface {
	Snapshot(ctx context.Context, purpose string) (*privacy.ConsentSnapshot, error)
}

// Verifier proves who an approver is: their passphrase must open their own key slot.
type Verifier interface {
	Verify(ctx context.Context, operatorName, passphrase string) (actor.Actor, error)
}

// Recorder appends to the audit log inside a transaction.
type Recorder interface {
	Record(ctx context.Context, tx *sql.Tx, ev audit.Event) error
}

// Service keeps partners and export requests, and runs approved exports.
type Service struct {
	db       *store.DB
	audit    Recorder
	clock    clock.Clock
	consents Consents
	verifier Verifier
	sources  map[string]Source
	files    fileMaker
	perSheet int
}

// NewService returns the exports service. sources maps "competition" and "survey" to their streams; a
// kind missing from it cannot be sponsored or exported yet.
func NewService(db *store.DB, rec Recorder, c clock.Clock, consents Consents, v Verifier, sources map[string]Source) *Service {
	return &Service{db: db, audit: rec, clock: c, consents: consents, verifier: v, sources: sources,
		files: osFiles{}, perSheet: MaxSheetRows - 1}
}

// ts writes times with a fixed width, so they sort as text.
func ts(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000000Z") }

func parseTS(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
