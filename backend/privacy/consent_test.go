package privacy

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/store"
)

type consentFixture struct {
	svc   *ConsentService
	db    *store.DB
	clock *clock.Fixed
	ctx   context.Context
}

func newConsentFixture(t testing.TB) consentFixture {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "p.db"), bytes.Repeat([]byte{3}, 32),
		audit.Migrations, Migrations)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := clock.NewFixed(time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC))
	ctx := actor.With(context.Background(), actor.Actor{ID: "op-hana", Name: "hana", Role: actor.HelpDesk})
	return consentFixture{svc: NewConsentService(db, audit.NewService(db, c), c), db: db, clock: c, ctx: ctx}
}

func (f consentFixture) recordTx(t testing.TB, recs ...ConsentInput) error {
	t.Helper()
	return f.db.Update(f.ctx, func(tx *sql.Tx) error { return f.svc.RecordTx(f.ctx, tx, recs) })
}

func (f consentFixture) inForce(t testing.TB, email, purpose string) bool {
	t.Helper()
	var ok bool
	err := f.db.View(f.ctx, func(tx *sql.Tx) (err error) { ok, err = f.svc.InForceTx(f.ctx, tx, email, purpose); return })
	if err != nil {
		t.Fatal(err)
	}
	return ok
}

func TestLatestRecordDecides(t *testing.T) {
	f := newConsentFixture(t)
	p := SponsorSharing("acme")
	now := f.clock.Now()
	rec := func(email string, given bool, at time.Time) ConsentInput {
		return ConsentInput{Email: email, Purpose: p, Given: given, SourceKind: SourceImport, SourceRef: "file 1 row 2", At: at}
	}
	err := f.recordTx(t,
		rec("a@example.com", true, now.Add(-2*time.Hour)),
		rec("a@example.com", false, now.Add(-time.Hour)),
		rec("b@example.com", false, now.Add(-2*time.Hour)),
		rec("B@Example.com ", true, now.Add(-time.Hour)),
		rec("c@example.com", true, now.Add(-time.Hour)),
		rec("c@example.com", false, now.Add(-3*time.Hour)),
		rec("d@example.com", true, now.Add(-time.Hour)),
		rec("d@example.com", false, now.Add(time.Hour)),
		rec("f@example.com", false, now.Add(-time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	snap, err := f.svc.Snapshot(actor.With(f.ctx, actor.Actor{ID: "c", Name: "cleo", Role: actor.Competitions}), p)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		email string
		want  bool
		state ConsentStatus
	}{
		{"a@example.com", false, Withdrawn},
		{"b@example.com", true, InForce},
		{"f@example.com", false, Declined},
		{"c@example.com", true, InForce},
		{"d@example.com", true, InForce},
		{"e@example.com", false, NoRecord},
	}
	for _, c := range cases {
		t.Run(c.email, func(t *testing.T) {
			if got := f.inForce(t, c.email, p); got != c.want {
				t.Errorf("InForceTx %v, want %v", got, c.want)
			}
			if got := snap.Status(c.email); got != c.state {
				t.Errorf("snapshot %v, want %v", got, c.state)
			}
		})
	}
	if f.inForce(t, "b@example.com", SponsorSharing("other")) {
		t.Fatal("consent for one partner counted for another")
	}
	if _, err := f.svc.Snapshot(f.ctx, p); !apperr.Is(err, apperr.Forbidden) {
		t.Fatalf("help desk snapshot: %v, want forbidden", err)
	}
}

func TestLedgerIsAppendOnlyAndValidated(t *testing.T) {
	f := newConsentFixture(t)
	bad := []struct {
		name string
		in   ConsentInput
	}{
		{"no email", ConsentInput{Purpose: PurposeNewsletter, SourceKind: SourceOperator}},
		{"unknown purpose", ConsentInput{Email: "a@example.com", Purpose: "marketing", SourceKind: SourceOperator}},
		{"purpose without id", ConsentInput{Email: "a@example.com", Purpose: "sponsor_sharing:", SourceKind: SourceOperator}},
		{"no source", ConsentInput{Email: "a@example.com", Purpose: PurposeNewsletter}},
	}
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			if err := f.recordTx(t, b.in); !apperr.Is(err, apperr.Invalid) {
				t.Fatalf("%v, want invalid", err)
			}
		})
	}
	r, err := f.svc.Record(f.ctx, ConsentInput{Email: "a@example.com", Purpose: PurposeNewsletter, Given: true,
		Wording: "Yes, please! I want the best parenting news around", WordingVersion: "2024-01-23"})
	if err != nil || r.SourceKind != SourceOperator || r.RecordedBy != "hana" {
		t.Fatalf("record %+v %v", r, err)
	}
	err = f.db.Update(f.ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE privacy_consents SET given = 0`)
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Fatalf("update of the ledger: %v, want refused", err)
	}
	f.clock.Advance(time.Minute)
	if _, err := f.svc.Withdraw(f.ctx, "A@example.com", PurposeNewsletter, SourceTicket, "ticket 12"); err != nil {
		t.Fatal(err)
	}
	h, err := f.svc.History(f.ctx, "a@example.com")
	if err != nil || len(h.Records) != 2 || len(h.Current) != 1 || h.Current[0].InForce || h.Current[0].Source != "ticket 12" {
		t.Fatalf("history %+v %v", h, err)
	}
	if _, err := f.svc.History(actor.With(context.Background(), actor.Actor{ID: "m", Name: "mo", Role: actor.Moderator}), "a@example.com"); !apperr.Is(err, apperr.Forbidden) {
		t.Fatalf("moderator lookup: %v, want forbidden", err)
	}
}

func TestUnsubscribesAgainstThe48HourPromise(t *testing.T) {
	f := newConsentFixture(t)
	old, err := f.svc.AddUnsubscribe(f.ctx, UnsubscribeInput{Email: "old@example.com", SourceKind: SourceTicket, SourceRef: "ticket 3",
		RequestedAt: f.clock.Now().Add(-50 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := f.svc.AddUnsubscribe(f.ctx, UnsubscribeInput{Email: "new@example.com", List: "Baby Monthly"})
	if err != nil {
		t.Fatal(err)
	}
	list, err := f.svc.Unsubscribes(f.ctx, false)
	if err != nil || len(list) != 2 || list[0].ID != old.ID || !list[0].Overdue || list[1].Overdue || list[0].AgeHours != 50 {
		t.Fatalf("open list %+v %v", list, err)
	}
	if f.inForce(t, "old@example.com", PurposeNewsletter) {
		t.Fatal("an unsubscribe did not withdraw newsletter consent")
	}
	f.clock.Advance(2 * time.Hour)
	done, err := f.svc.MarkUnsubscribeDone(f.ctx, fresh.ID)
	if err != nil || done.DoneBy != "hana" || done.AgeHours != 2 || done.Overdue {
		t.Fatalf("done %+v %v", done, err)
	}
	if _, err := f.svc.MarkUnsubscribeDone(f.ctx, fresh.ID); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("done twice: %v", err)
	}
	if list, _ := f.svc.Unsubscribes(f.ctx, false); len(list) != 1 {
		t.Fatalf("open after done: %+v", list)
	}
	if list, _ := f.svc.Unsubscribes(f.ctx, true); len(list) != 2 {
		t.Fatalf("all: %+v", list)
	}
}

func TestPartnerKey(t *testing.T) {
	for in, want := range map[string]string{"Center Parcs": "center-parcs", " ACME  Prams!": "acme-prams", "Mamas & Papas": "mamas-papas", "": ""} {
		if got := PartnerKey(in); got != want {
			t.Errorf("PartnerKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzValidPurpose(f *testing.F) {
	for _, s := range []string{"newsletter", "sponsor_sharing:acme", "survey_sensitive:s-1", "x:y", ":", "competition_entry:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if ValidPurpose(s) && s != PurposeNewsletter && s != PurposePartnerEmails {
			_, id, _ := strings.Cut(s, ":")
			if id == "" || len(id) > 80 {
				t.Fatalf("ValidPurpose(%q) accepted a bad id", s)
			}
		}
	})
}
