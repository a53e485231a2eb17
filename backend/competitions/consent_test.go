package competitions

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/privacy"
	"staffdesk/backend/store"
)

func TestImportRecordsConsentsAndEntrantsStream(t *testing.T) {
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "c.db"), bytes.Repeat([]byte{7}, 32),
		audit.Migrations, Migrations, privacy.Migrations)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c := clock.NewFixed(time.Date(2026, 3, 15, 9, 0, 0, 0, time.UTC))
	au := audit.NewService(db, c)
	consents := privacy.NewConsentService(db, au, c)
	f := fixture{svc: NewService(db, au, c), audit: au, db: db, clock: c,
		ctx: actor.With(context.Background(), actor.Actor{ID: "op-cleo", Name: "cleo", Role: actor.Competitions})}
	f.svc.UseConsents(consents)
	comp := f.create(t, nil)
	file := csvHeader + entryLine(1, "yes@example.com") +
		"E0002,2026-03-04 10:00,Jo,No,no@example.com,1990-05-01,SW1A 1AA,Kent,UK,blue,no,web\n" +
		entryLine(3, "kid@staff.example")
	if _, err := f.svc.Import(f.ctx, comp.ID, "entries.csv", []byte(file)); err != nil {
		t.Fatal(err)
	}
	sponsor := privacy.SponsorSharing("acme-prams")
	cases := []struct {
		email, purpose string
		want           bool
	}{
		{"yes@example.com", sponsor, true},
		{"YES@example.com ", sponsor, true},
		{"no@example.com", sponsor, false},
		{"no@example.com", privacy.CompetitionEntry(comp.ID), true},
		{"kid@staff.example", privacy.CompetitionEntry(comp.ID), true},
		{"other@example.com", privacy.CompetitionEntry(comp.ID), false},
	}
	for _, tc := range cases {
		t.Run(tc.email+" "+tc.purpose, func(t *testing.T) {
			var got bool
			err := db.View(f.ctx, func(tx *sql.Tx) (err error) { got, err = consents.InForceTx(f.ctx, tx, tc.email, tc.purpose); return })
			if err != nil || got != tc.want {
				t.Fatalf("in force %v (%v), want %v", got, err, tc.want)
			}
		})
	}
	h, err := consents.History(f.ctx, "yes@example.com")
	if err != nil || len(h.Records) != 2 || h.Records[0].SourceKind != "import" {
		t.Fatalf("history %+v %v", h, err)
	}
	var emails []string
	err = f.svc.Entrants(f.ctx, comp.ID, func(e *Entrant) error { emails = append(emails, e.Email); return nil })
	if err != nil || len(emails) != 2 || emails[0] != "yes@example.com" || emails[1] != "no@example.com" {
		t.Fatalf("eligible entrants %v %v", emails, err)
	}
}
