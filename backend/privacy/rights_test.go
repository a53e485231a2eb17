package privacy

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/store"
)

// fakeArea is a member and retention area held in memory.
type fakeArea struct {
	name     string
	rows     map[string][][]string
	erased   []string
	dueAt    time.Time
	due      int
	done     int
	category string
}

func (f *fakeArea) AreaName() string { return f.name }

func (f *fakeArea) MemberRecords(_ context.Context, email string) (AreaRecords, error) {
	return AreaRecords{Area: f.name, Columns: []string{"what", "value"}, Rows: f.rows[email]}, nil
}

func (f *fakeArea) EraseMember(_ context.Context, email string) (ErasureCount, error) {
	n := len(f.rows[email])
	delete(f.rows, email)
	f.erased = append(f.erased, email)
	return ErasureCount{Area: f.name, Deleted: n}, nil
}

func (f *fakeArea) Retention(_ context.Context, now time.Time, dryRun bool) ([]RetentionLine, error) {
	l := RetentionLine{Category: f.category, Source: f.name}
	if !now.Before(f.dueAt) {
		l.Due = f.due
		if !dryRun {
			l.Done, f.done, f.due = f.due, f.done+f.due, 0
		}
	}
	return []RetentionLine{l}, nil
}

type fixture struct {
	svc     *Service
	ledger  *ConsentService
	audit   *audit.Service
	clock   *clock.Fixed
	area    *fakeArea
	admin   context.Context
	help    context.Context
	modCtx  context.Context
	storeDB *store.DB
}

func newFixture(t testing.TB) fixture {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "p.db"), bytes.Repeat([]byte{7}, 32), audit.Migrations, Migrations)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := clock.NewFixed(time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC))
	au := audit.NewService(db, c)
	area := &fakeArea{name: "forum", category: CategoryInactiveMembers, rows: map[string][][]string{
		"jo@example.com": {{"post", "=HYPERLINK(\"http://evil.example\",\"x\")"}, {"post", "+44 7700 900123"}, {"name", "Zoë Ó Súilleabháin 👶"}}}}
	ledger := NewConsentService(db, au, c)
	bg := context.Background()
	return fixture{svc: NewService(db, au, c, []MemberArea{area, ledger}, []RetentionArea{area}), ledger: ledger, audit: au, clock: c,
		area: area, storeDB: db,
		admin:  actor.With(bg, actor.Actor{ID: "a1", Name: "ade", Role: actor.Admin}),
		help:   actor.With(bg, actor.Actor{ID: "h1", Name: "hana", Role: actor.HelpDesk}),
		modCtx: actor.With(bg, actor.Actor{ID: "m1", Name: "mo", Role: actor.Moderator})}
}

func TestDueDate(t *testing.T) {
	for _, c := range []struct{ received, due string }{
		{"2026-09-03T10:00:00Z", "2026-10-03"},
		{"2026-01-31T10:00:00Z", "2026-02-28"},
		{"2028-01-31T10:00:00Z", "2028-02-29"},
		{"2026-12-15T10:00:00Z", "2027-01-15"},
		{"2026-03-31T23:30:00Z", "2026-05-01"}, // 00:30 on 1 April in London
	} {
		t.Run(c.received, func(t *testing.T) {
			r, _ := time.Parse(time.RFC3339, c.received)
			if got := DueDate(r).In(london).Format("2006-01-02"); got != c.due {
				t.Fatalf("due %s, want %s", got, c.due)
			}
		})
	}
}

func TestRequestsDeadline(t *testing.T) {
	f := newFixture(t)
	if _, err := f.svc.NewRequest(f.modCtx, RequestInput{Kind: KindAccess, Person: "jo@example.com"}); !apperr.Is(err, apperr.Forbidden) {
		t.Fatalf("moderator logged a request: %v", err)
	}
	for _, c := range []struct {
		name string
		in   RequestInput
		code apperr.Code
	}{
		{"bad kind", RequestInput{Kind: "delete", Person: "jo@example.com"}, apperr.Invalid},
		{"bad email", RequestInput{Kind: KindAccess, Person: "jo"}, apperr.Invalid},
		{"future", RequestInput{Kind: KindAccess, Person: "jo@example.com", ReceivedAt: f.clock.Now().Add(48 * time.Hour)}, apperr.Invalid},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := f.svc.NewRequest(f.help, c.in); !apperr.Is(err, c.code) {
				t.Fatalf("got %v, want %s", err, c.code)
			}
		})
	}
	old, err := f.svc.NewRequest(f.help, RequestInput{Kind: KindErasure, Person: " Jo@Example.com ", ReceivedAt: f.clock.Now().AddDate(0, -1, -3)})
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := f.svc.NewRequest(f.help, RequestInput{Kind: KindAccess, Person: "sam@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	if old.Person != "jo@example.com" || !old.Overdue || old.DaysLeft != -3 {
		t.Fatalf("old request: %+v", old)
	}
	if fresh.Overdue || fresh.DaysLeft != 30 {
		t.Fatalf("fresh request: %+v", fresh)
	}
	list, _ := f.svc.Requests(f.help, true)
	if len(list) != 2 || list[0].ID != old.ID {
		t.Fatalf("open requests, overdue first: %+v", list)
	}
	if _, err := f.svc.CompleteRequest(f.help, fresh.ID, "done"); !apperr.Is(err, apperr.Forbidden) {
		t.Fatalf("help desk completed a request: %v", err)
	}
	if _, err := f.svc.CompleteRequest(f.admin, fresh.ID, "answered by post"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.CompleteRequest(f.admin, fresh.ID, "again"); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("completed twice: %v", err)
	}
	if list, _ := f.svc.Requests(f.help, true); len(list) != 1 {
		t.Fatalf("open after completing one: %+v", list)
	}
	f.clock.Advance(40 * 24 * time.Hour)
	all, _ := f.svc.Requests(f.help, false)
	if len(all) != 2 || all[0].Done || !all[1].Done || all[0].DaysLeft >= 0 {
		t.Fatalf("all requests: %+v", all)
	}
}

func TestAccessFile(t *testing.T) {
	f := newFixture(t)
	ctx := f.admin
	if _, err := f.ledger.Record(ctx, ConsentInput{Email: "jo@example.com", Purpose: PurposeNewsletter, Given: true, SourceKind: SourceWebsite,
		Wording: "-Yes, send me the newsletter", WordingVersion: "v1"}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.svc.Access(f.help, &buf, "jo@example.com", FormatXLSX, 0); !apperr.Is(err, apperr.Forbidden) {
		t.Fatalf("help desk made an access file: %v", err)
	}
	res, err := f.svc.Access(ctx, &buf, "JO@example.com", FormatXLSX, 0)
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows != 4 || res.Areas != 3 || res.RequestID == 0 || int64(buf.Len()) != res.Bytes {
		t.Fatalf("result %+v (bytes %d)", res, buf.Len())
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(x.GetSheetList(), ","); got != "Summary,forum,consents,audit" {
		t.Fatalf("sheets %s", got)
	}
	rows, _ := x.GetRows("forum")
	want := [][]string{{"what", "value"}, {"post", "'=HYPERLINK(\"http://evil.example\",\"x\")"}, {"post", "'+44 7700 900123"},
		{"name", "Zoë Ó Súilleabháin 👶"}}
	if got, _ := json.Marshal(rows); string(got) != mustJSON(want) {
		t.Fatalf("forum sheet %s", got)
	}
	for _, sheet := range x.GetSheetList() {
		cells, _ := x.GetRows(sheet)
		for _, r := range cells {
			for _, v := range r {
				if formula, _ := x.GetCellFormula(sheet, "A1"); formula != "" || v != "" && strings.ContainsRune("=+-@", rune(v[0])) {
					t.Fatalf("sheet %s holds a formula-like cell %q", sheet, v)
				}
			}
		}
	}
	req, _ := f.svc.Request(ctx, res.RequestID)
	if !req.Done || req.Kind != KindAccess {
		t.Fatalf("request %+v", req)
	}
	var js bytes.Buffer
	if _, err := f.svc.Access(ctx, &js, "jo@example.com", FormatJSON, 0); err != nil {
		t.Fatal(err)
	}
	var rep AccessReport
	if err := json.Unmarshal(js.Bytes(), &rep); err != nil || len(rep.Areas) != 3 || rep.Areas[2].Area != "audit" || len(rep.Areas[2].Rows) != 2 || rep.Areas[2].Rows[0][3] != "privacy.access" {
		t.Fatalf("json access file: %v %+v", err, rep)
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestEraseKeyedHash(t *testing.T) {
	f := newFixture(t)
	ctx := f.admin
	for _, in := range []ConsentInput{
		{Email: "jo@example.com", Purpose: PurposeNewsletter, Given: true, SourceKind: SourceWebsite, At: f.clock.Now().AddDate(-1, 0, 0)},
		{Email: "jo@example.com", Purpose: SponsorSharing("acme"), Given: true, SourceKind: SourceImport, At: f.clock.Now().AddDate(-1, 0, 0)},
		{Email: "jo@example.com", Purpose: PurposeNewsletter, Given: false, SourceKind: SourceTicket, SourceRef: "ticket 7"},
		{Email: "sam@example.com", Purpose: PurposeNewsletter, Given: true, SourceKind: SourceWebsite},
	} {
		if _, err := f.ledger.Record(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	dry, err := f.svc.Erase(ctx, "jo@example.com", true, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !dry.DryRun || len(f.area.erased) != 0 || dry.Areas[0].Found != 3 || dry.Areas[1].Deleted != 3 || dry.Areas[1].Kept != 2 {
		t.Fatalf("dry run %+v", dry)
	}
	rep, err := f.svc.Erase(ctx, "jo@example.com", false, 0)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Areas[0].Deleted != 3 || rep.Areas[1].Deleted != 3 || rep.Areas[1].Kept != 2 || rep.RequestID == 0 {
		t.Fatalf("erasure %+v", rep)
	}
	hist, _ := f.ledger.History(ctx, "jo@example.com")
	if len(hist.Records) != 2 || hist.Records[0].SourceKind != SourceErasure || hist.Current[0].InForce || hist.Current[1].InForce {
		t.Fatalf("ledger after erasure %+v", hist)
	}
	// An old file imported again cannot give the consent back: the suppression is later.
	if err := f.storeDB.Update(ctx, func(tx *sql.Tx) error {
		return f.ledger.RecordTx(ctx, tx, []ConsentInput{{Email: "jo@example.com", Purpose: SponsorSharing("acme"), Given: true,
			SourceKind: SourceImport, At: f.clock.Now().AddDate(-1, 0, 0)}})
	}); err != nil {
		t.Fatal(err)
	}
	var inForce bool
	f.storeDB.View(ctx, func(tx *sql.Tx) (err error) {
		inForce, err = f.ledger.InForceTx(ctx, tx, "jo@example.com", SponsorSharing("acme"))
		return err
	})
	if inForce {
		t.Fatal("an old consent re-imported after the erasure is in force")
	}
	page, err := f.audit.Search(ctx, audit.Filter{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(page)
	if strings.Contains(strings.ToLower(string(raw)), "jo@example") {
		t.Fatalf("the audit log holds the address: %s", raw)
	}
	erased, _ := f.audit.Search(ctx, audit.Filter{Action: "privacy.erase"})
	if len(erased.Entries) != 1 || erased.Entries[0].ObjectID != rep.PersonRef || len(rep.PersonRef) != 64 {
		t.Fatalf("erase entry %+v", erased.Entries)
	}
	if plain := sha256.Sum256([]byte("jo@example.com")); hex.EncodeToString(plain[:]) == rep.PersonRef {
		t.Fatal("the person's ref is an unkeyed hash")
	}
	reqs, _ := f.svc.Requests(ctx, false)
	if len(reqs) != 1 || reqs[0].Person != ErasedPerson(rep.PersonRef) || !reqs[0].Done {
		t.Fatalf("requests after erasure %+v", reqs)
	}
	if v, _ := f.audit.Verify(ctx); !v.OK {
		t.Fatalf("audit chain %+v", v)
	}
}

func TestRetentionClock(t *testing.T) {
	f := newFixture(t)
	f.area.dueAt, f.area.due = f.clock.Now().Add(36*time.Hour), 5
	ctx := f.admin
	if _, err := f.svc.Retention(f.help, true, ""); !apperr.Is(err, apperr.Forbidden) {
		t.Fatalf("help desk ran retention: %v", err)
	}
	rep, ran, err := f.svc.RunIfDue(ctx)
	if err != nil || !ran || rep.Due != 0 || rep.Done != 0 || len(rep.Lines) != 6 {
		t.Fatalf("first run: %v %v %+v", err, ran, rep)
	}
	for _, l := range rep.Lines {
		if (l.Category == CategoryInactiveMembers) != (l.Source == "forum") {
			t.Fatalf("line %+v", l)
		}
	}
	f.clock.Advance(12 * time.Hour)
	if _, ran, _ := f.svc.RunIfDue(ctx); ran {
		t.Fatal("ran again within a day")
	}
	f.clock.Advance(24 * time.Hour)
	dry, err := f.svc.Retention(ctx, true, "")
	if err != nil || dry.Due != 5 || dry.Done != 0 || f.area.done != 0 {
		t.Fatalf("dry run when due: %v %+v", err, dry)
	}
	rep, ran, err = f.svc.RunIfDue(ctx)
	if err != nil || !ran || rep.Done != 5 || f.area.done != 5 || rep.Trigger != TriggerDaily {
		t.Fatalf("daily run when due: %v %v %+v", err, ran, rep)
	}
	last, found, _ := f.svc.LastRetention(ctx)
	if !found || !last.At.Equal(f.clock.Now()) || last.Done != 5 {
		t.Fatalf("last run %+v", last)
	}
	entries, _ := f.audit.Search(ctx, audit.Filter{Action: "privacy.retention"})
	if entries.Total != 2 {
		t.Fatalf("audited runs %d, want 2 (dry runs are not audited)", entries.Total)
	}
}

func TestAuditSearch(t *testing.T) {
	f := newFixture(t)
	for i := 0; i < 5; i++ {
		if _, err := f.svc.NewRequest(f.help, RequestInput{Kind: KindAccess, Person: "p@example.com"}); err != nil {
			t.Fatal(err)
		}
		f.clock.Advance(time.Hour)
	}
	if _, err := f.svc.NewRequest(f.admin, RequestInput{Kind: KindErasure, Person: "q@example.com"}); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name  string
		f     audit.Filter
		total int64
	}{
		{"all", audit.Filter{}, 6},
		{"area prefix", audit.Filter{Action: "privacy"}, 6},
		{"exact action", audit.Filter{Action: "privacy.request"}, 6},
		{"no such action", audit.Filter{Action: "privacy.req"}, 0},
		{"operator", audit.Filter{OperatorID: "a1"}, 1},
		{"from", audit.Filter{From: start}, 5},
		{"range", audit.Filter{From: start, To: start.Add(2 * time.Hour)}, 2},
		{"object", audit.Filter{ObjectType: PersonObjectType}, 6},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := f.audit.Search(f.admin, c.f)
			if err != nil || p.Total != c.total {
				t.Fatalf("total %d (%v), want %d", p.Total, err, c.total)
			}
		})
	}
	p, _ := f.audit.Search(f.admin, audit.Filter{Limit: 2})
	older, _ := f.audit.Search(f.admin, audit.Filter{Limit: 2, Before: p.Entries[1].ID})
	if len(p.Entries) != 2 || len(older.Entries) != 2 || older.Entries[0].ID != p.Entries[1].ID-1 {
		t.Fatalf("paging %+v %+v", p.Entries, older.Entries)
	}
	facets, _ := f.audit.Facets(f.admin)
	if len(facets.Operators) != 2 || len(facets.Actions) != 1 {
		t.Fatalf("facets %+v", facets)
	}
	if _, err := f.audit.Search(f.help, audit.Filter{}); !apperr.Is(err, apperr.Forbidden) {
		t.Fatalf("help desk searched the audit log: %v", err)
	}
}

func FuzzSafeCell(f *testing.F) {
	for _, s := range []string{"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "a\x00b", "plain", "", "'", "Zoë"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := SafeCell(s)
		if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
			t.Fatalf("SafeCell(%q) = %q starts a formula", s, v)
		}
		if strings.ContainsRune(v, 0) {
			t.Fatalf("SafeCell(%q) keeps NUL", s)
		}
		if len([]rune(v)) > 32767 {
			t.Fatalf("SafeCell(%q) is too long", s)
		}
	})
}
