package surveys

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/privacy"
	"staffdesk/backend/store"
)

type fixture struct {
	svc      *Service
	consents *privacy.ConsentService
	db       *store.DB
	clock    *clock.Fixed
	ctx      context.Context
}

// newFixture opens a temporary encrypted store with the audit, privacy and surveys schemas, as a
// competition manager, on 29 November 2026, with the real consent ledger.
func newFixture(t testing.TB) fixture {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "s.db"), bytes.Repeat([]byte{5}, 32),
		audit.Migrations, privacy.Migrations, Migrations)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := clock.NewFixed(time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC))
	au := audit.NewService(db, c)
	consents := privacy.NewConsentService(db, au, c)
	ctx := actor.With(context.Background(), actor.Actor{ID: "op-cleo", Name: "cleo", Role: actor.Competitions})
	return fixture{svc: NewService(db, au, c, consents), consents: consents, db: db, clock: c, ctx: ctx}
}

// testDetails is the survey the fixtures answer: every question type, an "Other" option, a branch and a
// sensitive question.
func testDetails() Details {
	return Details{Title: "Parents' views 2026", Purpose: "Research for Acme", Owner: "cleo", RetentionDays: 365,
		Sharing: SharingConsent, Partner: "Acme Research", Questions: []Question{
			{ID: "q1", Text: "How old is your youngest child?", Kind: SingleChoice, Options: []string{"Under 1", "1-2 years", "3-4 years", "5 or older"}},
			{ID: "q2", Text: "Which of these do you use?", Kind: MultipleChoice, Options: []string{"Forum", "Newsletter", "App", "Local listings"}, AllowOther: true},
			{ID: "q3", Text: "How likely are you to recommend us?", Kind: Rating, ScaleMin: 0, ScaleMax: 10},
			{ID: "q4", Text: "What could we do better?", Kind: FreeText},
			{ID: "q5", Text: "How many children do you have?", Kind: Number},
			{ID: "q6", Text: "Due date of your next baby", Kind: Date, ShowIf: Condition{Question: "q1", Answer: "Under 1"}},
			{ID: "q7", Text: "Do you have a long-term health condition?", Kind: SingleChoice, Options: []string{"Yes", "No", "Prefer not to say"}, Sensitive: true},
		}}
}

func (f fixture) create(t testing.TB, change func(d *Details)) Survey {
	t.Helper()
	d := testDetails()
	if change != nil {
		change(&d)
	}
	sv, err := f.svc.Create(f.ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	return sv
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func adminCtx() context.Context {
	return actor.With(context.Background(), actor.Actor{ID: "op-ade", Name: "ade", Role: actor.Admin})
}
