package competitions

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/store"
)

type fixture struct {
	svc   *Service
	audit *audit.Service
	db    *store.DB
	clock *clock.Fixed
	ctx   context.Context
}

// newFixture opens a temporary encrypted store with the audit and competitions schemas, as a competition
// manager, on 15 March 2026, with seeds counted up from zero so runs are repeatable.
func newFixture(t testing.TB) fixture {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "c.db"), bytes.Repeat([]byte{7}, 32),
		audit.Migrations, Migrations)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := clock.NewFixed(time.Date(2026, 3, 15, 9, 0, 0, 0, time.UTC))
	au := audit.NewService(db, c)
	svc := NewService(db, au, c)
	n := byte(0)
	svc.random = func() ([]byte, error) { n++; return bytes.Repeat([]byte{n}, 32), nil }
	ctx := actor.With(context.Background(), actor.Actor{ID: "op-cleo", Name: "cleo", Role: actor.Competitions})
	return fixture{svc: svc, audit: au, db: db, clock: c, ctx: ctx}
}

// create makes an open competition from 1 to 31 March 2026 (closing 23:00 UTC), 2 winners and 2 reserves.
func (f fixture) create(t testing.TB, change func(d *Details)) Competition {
	t.Helper()
	d := Details{Title: "Win a pushchair", Sponsor: "Acme Prams", Prize: "An Acme Cruiser pushchair",
		OpensAt: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), ClosesAt: time.Date(2026, 3, 31, 23, 0, 0, 0, time.UTC),
		Question: "What colour is the sky?", Answer: "Blue", Winners: 2, Reserves: 2, ClaimDays: 14, RetentionDays: 90,
		Rules: Rules{MinAge: 18, ExcludedDomains: []string{"staff.example"}}}
	if change != nil {
		change(&d)
	}
	c, err := f.svc.Create(f.ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	if c, err = f.svc.OpenForEntries(f.ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	return c
}

const csvHeader = "entry_id,submitted_at,first_name,surname,email,date_of_birth,postcode,county,country,answer,partner_opt_in,source\n"

// entryLine writes one CSV row of a valid entry, numbered n.
func entryLine(n int, email string) string {
	return fmt.Sprintf("E%04d,2026-03-%02d 10:00,Jo%d,Bloggs,%s,1990-05-0%d,SW1A %dAA,Kent,UK,blue,yes,web\n",
		n, 2+n%20, n, email, 1+n%9, n%10)
}

// manyEntries writes n distinct valid entries.
func manyEntries(n int) string {
	var b strings.Builder
	b.WriteString(csvHeader)
	for i := 1; i <= n; i++ {
		b.WriteString(entryLine(i, fmt.Sprintf("person%d@example.com", i)))
	}
	return b.String()
}

func adminCtx() context.Context {
	return actor.With(context.Background(), actor.Actor{ID: "op-ade", Name: "ade", Role: actor.Admin})
}
