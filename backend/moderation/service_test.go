package moderation

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
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

type fixture struct {
	svc   *Service
	audit *audit.Service
	clock *clock.Fixed
	mod   context.Context
	admin context.Context
	help  context.Context
}

func newFixture(t testing.TB) fixture {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "m.db"), bytes.Repeat([]byte{5}, 32), audit.Migrations, Migrations)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := clock.NewFixed(time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC))
	au := audit.NewService(db, c)
	bg := context.Background()
	return fixture{svc: NewService(db, au, c), audit: au, clock: c,
		mod:   actor.With(bg, actor.Actor{ID: "m1", Name: "mo", Role: actor.Moderator}),
		admin: actor.With(bg, actor.Actor{ID: "a1", Name: "ade", Role: actor.Admin}),
		help:  actor.With(bg, actor.Actor{ID: "h1", Name: "hana", Role: actor.HelpDesk})}
}

// line is one JSONL feed record; fields override the defaults.
func line(id string, version int, kind Kind, fields ...string) string {
	m := map[string]any{"id": id, "version": version, "kind": string(kind), "title": "Title " + id,
		"body": "Body of " + id + " which is long enough to compare", "postcode": "SW1A 1AA", "submitted_at": "2026-11-28T09:00:00Z"}
	for i := 0; i+1 < len(fields); i += 2 {
		m[fields[i]] = fields[i+1]
	}
	var b strings.Builder
	b.WriteString("{")
	first := true
	for k, v := range m {
		if !first {
			b.WriteString(",")
		}
		first = false
		if s, ok := v.(string); ok {
			fmt.Fprintf(&b, "%q:%q", k, s)
		} else {
			fmt.Fprintf(&b, "%q:%v", k, v)
		}
	}
	b.WriteString("}\n")
	return b.String()
}

func (f fixture) importLines(t *testing.T, lines ...string) ImportResult {
	t.Helper()
	res, err := f.svc.Import(f.mod, "feed.jsonl", strings.NewReader(strings.Join(lines, "")))
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return res
}

func (f fixture) item(t *testing.T, id string) ItemDetail {
	t.Helper()
	d, err := f.svc.Get(f.mod, id)
	if err != nil {
		t.Fatalf("get %s: %v", id, err)
	}
	return d
}

func (f fixture) decide(t *testing.T, in DecisionInput) DecideResult {
	t.Helper()
	res, err := f.svc.Decide(f.mod, in)
	if err != nil {
		t.Fatalf("decide %+v: %v", in, err)
	}
	return res
}

func TestImportFixtures(t *testing.T) {
	f := newFixture(t)
	for _, name := range []string{"testdata/valid/feed.jsonl", "testdata/valid/feed.csv"} {
		data, _ := os.ReadFile(name)
		res, err := f.svc.Import(f.mod, filepath.Base(name), bytes.NewReader(data))
		if err != nil || res.Read == 0 || res.Added != res.Read {
			t.Fatalf("%s: %+v %v", name, res, err)
		}
	}
	if it := f.item(t, "biz-2").Item; !hasFlag(it, FlagContact) || it.PostcodeArea != "LS" {
		t.Fatalf("spelled-out email in the CSV body not flagged: %+v", it)
	}
	if it := f.item(t, "rev-1").Item; hasFlag(it, FlagOrphan) {
		t.Fatalf("review of a known listing flagged: %+v", it.Flags)
	}
	paths, _ := filepath.Glob("testdata/malformed/*")
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			data, _ := os.ReadFile(p)
			_, err := f.svc.Import(f.mod, filepath.Base(p), bytes.NewReader(data))
			if !apperr.Is(err, apperr.Invalid) || !strings.Contains(err.Error(), filepath.Base(p)+" line ") {
				t.Fatalf("want an invalid-file error naming file and line, got %v", err)
			}
			if _, err := f.svc.Get(f.mod, "a"); !apperr.Is(err, apperr.NotFound) {
				t.Fatalf("a record before the malformed one was kept: %v", err)
			}
		})
	}
}

func hasFlag(it Item, code FlagCode) bool {
	for _, fl := range it.Flags {
		if fl.Code == code {
			return true
		}
	}
	return false
}

func TestReimportVersions(t *testing.T) {
	f := newFixture(t)
	f.importLines(t, line("b1", 2, Business), line("b2", 1, Business, "postcode", "M1 1AE"))
	f.decide(t, DecisionInput{IDs: []string{"b1"}, Decision: Approve})
	for _, tc := range []struct {
		name  string
		line  string
		want  ImportResult
		state State
		title string
	}{
		{"older version changes nothing", line("b1", 1, Business, "title", "Old"), ImportResult{Read: 1, Unchanged: 1}, Approved, "Title b1"},
		{"equal version changes nothing", line("b1", 2, Business, "title", "Same"), ImportResult{Read: 1, Unchanged: 1}, Approved, "Title b1"},
		{"newer version goes back in the queue", line("b1", 3, Business, "title", "New"), ImportResult{Read: 1, Updated: 1}, Pending, "New"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := f.importLines(t, tc.line)
			res.File, res.Format, res.Flagged = "", "", 0
			if res != tc.want {
				t.Fatalf("result %+v, want %+v", res, tc.want)
			}
			d := f.item(t, "b1")
			if d.Item.State != tc.state || d.Item.Feed.Title != tc.title {
				t.Fatalf("item %s %q, want %s %q", d.Item.State, d.Item.Feed.Title, tc.state, tc.title)
			}
			if len(d.Decisions) != 1 || d.Decisions[0].Version != 2 || d.Decisions[0].Decision != Approve {
				t.Fatalf("the earlier decision was lost: %+v", d.Decisions)
			}
		})
	}
}

func TestDuplicatesAndOrphans(t *testing.T) {
	f := newFixture(t)
	f.importLines(t,
		line("r1", 1, Review, "parent_id", "later", "body", "Fantastic place, the staff are lovely and kind."),
		line("a", 1, Business, "body", "We run baby massage classes every week in town."),
		line("b", 1, Business, "body", "We run baby-massage classes, every week in town!", "title", "Other"),
		line("c", 1, Business, "title", "Title a", "body", "Something else entirely different here."))
	for id, want := range map[string]string{"b": "a", "c": "a"} {
		it := f.item(t, id).Item
		if !hasFlag(it, FlagDuplicate) || it.Flags[len(it.Flags)-1].Related != want {
			t.Fatalf("%s: want a duplicate of %s, got %+v", id, want, it.Flags)
		}
	}
	if it := f.item(t, "r1").Item; !hasFlag(it, FlagOrphan) {
		t.Fatalf("review of a missing listing not flagged: %+v", it.Flags)
	}
	f.importLines(t, line("later", 1, Business, "body", "The listing the review is about, arriving late."))
	if it := f.item(t, "r1").Item; hasFlag(it, FlagOrphan) {
		t.Fatalf("the flag stayed after the listing arrived: %+v", it.Flags)
	}
}

func TestRoles(t *testing.T) {
	f := newFixture(t)
	f.importLines(t, line("x", 1, Business))
	for _, tc := range []struct {
		name string
		call func(ctx context.Context) error
		mod  bool
	}{
		{"queue", func(ctx context.Context) error { _, err := f.svc.Queue(ctx, Filter{}); return err }, true},
		{"import", func(ctx context.Context) error {
			_, err := f.svc.Import(ctx, "f.jsonl", strings.NewReader(line("y", 1, Event)))
			return err
		}, true},
		{"terms", func(ctx context.Context) error { _, err := f.svc.Terms(ctx); return err }, true},
		{"anonymise", func(ctx context.Context) error { _, err := f.svc.AnonymiseMember(ctx, "a@b.example"); return err }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.call(f.help); !apperr.Is(err, apperr.Forbidden) {
				t.Fatalf("help desk: want forbidden, got %v", err)
			}
			if err := tc.call(f.mod); (err == nil) != tc.mod {
				t.Fatalf("moderator: %v", err)
			}
			if err := tc.call(f.admin); err != nil {
				t.Fatalf("admin: %v", err)
			}
			if err := tc.call(context.Background()); !apperr.Is(err, apperr.Locked) {
				t.Fatalf("no operator: want locked, got %v", err)
			}
		})
	}
}

func TestQueueFilters(t *testing.T) {
	f := newFixture(t)
	f.importLines(t,
		line("old", 1, Business, "submitted_at", "2026-11-20T09:00:00Z", "body", "Call 07700 900123 for a place at our nursery."),
		line("ev", 1, Event, "submitted_at", "2026-11-28T08:00:00Z", "postcode", "M1 1AE", "event_start", "2026-11-01T10:00:00Z"),
		line("rv", 1, Review, "submitted_at", "2026-11-27T09:00:00Z", "parent_id", "old", "submitted_by", "Jo Bloggs", "submitted_by_email", "JO@example.com"),
		line("mid", 1, Business, "submitted_at", "2026-11-26T09:00:00Z"))
	ids := func(p Page) string {
		var out []string
		for _, it := range p.Items {
			out = append(out, it.Feed.ID)
		}
		return strings.Join(out, ",")
	}
	for _, tc := range []struct {
		name   string
		filter Filter
		want   string
	}{
		{"all pending, oldest first", Filter{}, "old,mid,rv,ev"},
		{"kind", Filter{Kind: Business}, "old,mid"},
		{"flag", Filter{Flag: FlagContact}, "old"},
		{"flag ended", Filter{Flag: FlagEnded}, "ev"},
		{"any flag", Filter{Flag: "any"}, "old,ev"},
		{"no flag", Filter{Flag: "none"}, "mid,rv"},
		{"over 48 hours", Filter{MinAgeHours: 48}, "old,mid,rv"},
		{"under 26 hours", Filter{MaxAgeHours: 26}, "ev"},
		{"postcode area", Filter{PostcodeArea: "m"}, "ev"},
		{"submitter email any case", Filter{Submitter: "jo@EXAMPLE.com"}, "rv"},
		{"submitter name", Filter{Submitter: "jo bloggs"}, "rv"},
		{"page", Filter{Offset: 1, Limit: 2}, "mid,rv"},
		{"approved", Filter{State: Approved}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := f.svc.Queue(f.mod, tc.filter)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(p); got != tc.want {
				t.Fatalf("got %s, want %s", got, tc.want)
			}
		})
	}
	p, _ := f.svc.Queue(f.mod, Filter{})
	if !p.Items[0].Overdue || p.Items[0].AgeHours != 9*24 || p.Items[3].Overdue || p.Total != 4 {
		t.Fatalf("ages: %+v", p.Items)
	}
	if _, err := f.svc.Queue(f.mod, Filter{Flag: "nope"}); !apperr.Is(err, apperr.Invalid) {
		t.Fatalf("unknown flag: %v", err)
	}
	sum, err := f.svc.Summary(f.mod, "")
	if err != nil || sum.States[0].Count != 4 || sum.Overdue != 2 || sum.Kinds[0].Count != 2 || sum.Flags[0].Count != 1 || len(sum.Areas) != 2 {
		t.Fatalf("summary %+v %v", sum, err)
	}
}

func TestDecideAndUndo(t *testing.T) {
	f := newFixture(t)
	f.importLines(t, line("a", 1, Business), line("b", 1, Business), line("c", 1, Event))
	for _, tc := range []struct {
		name string
		in   DecisionInput
		code apperr.Code
	}{
		{"no items", DecisionInput{Decision: Approve}, apperr.Invalid},
		{"unknown decision", DecisionInput{IDs: []string{"a"}, Decision: "delete"}, apperr.Invalid},
		{"reject without reason", DecisionInput{IDs: []string{"a"}, Decision: Reject}, apperr.Invalid},
		{"other without note", DecisionInput{IDs: []string{"a"}, Decision: Reject, Reason: "other"}, apperr.Invalid},
		{"edit without message", DecisionInput{IDs: []string{"a"}, Decision: RequestEdit}, apperr.Invalid},
		{"unknown item refuses the whole batch", DecisionInput{IDs: []string{"a", "zzz"}, Decision: Approve}, apperr.NotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := f.svc.Decide(f.mod, tc.in); !apperr.Is(err, tc.code) {
				t.Fatalf("want %s, got %v", tc.code, err)
			}
		})
	}
	if f.item(t, "a").Item.State != Pending {
		t.Fatal("a refused batch changed an item")
	}
	f.decide(t, DecisionInput{IDs: []string{"c"}, Decision: Reject, Reason: "spam"})
	res := f.decide(t, DecisionInput{IDs: []string{"a", "b"}, Decision: Approve})
	if res.Decided != 2 {
		t.Fatalf("bulk: %+v", res)
	}
	if _, err := f.svc.Decide(f.mod, DecisionInput{IDs: []string{"a"}, Decision: Reject, Reason: "spam"}); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("deciding an approved item: %v", err)
	}
	if _, err := f.svc.Undo(f.admin); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("admin has nothing to undo: %v", err)
	}
	u, err := f.svc.Undo(f.mod)
	if err != nil || u.Undone != 2 || u.Decision != Approve {
		t.Fatalf("undo bulk: %+v %v", u, err)
	}
	if f.item(t, "a").Item.State != Pending || f.item(t, "b").Item.State != Pending {
		t.Fatal("undo did not put the items back")
	}
	u, err = f.svc.Undo(f.mod)
	if err != nil || u.Undone != 1 || f.item(t, "c").Item.State != Pending {
		t.Fatalf("second undo: %+v %v", u, err)
	}
	f.decide(t, DecisionInput{IDs: []string{"a"}, Decision: RequestEdit, Note: "Add opening hours"})
	f.decide(t, DecisionInput{IDs: []string{"a"}, Decision: Expire})
	if _, err := f.svc.ExportDecisions(f.mod, func([]ExportLine) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Undo(f.mod); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("undo after export: %v", err)
	}
	if v, err := f.audit.Verify(f.admin); err != nil || !v.OK || v.Entries != 10 {
		t.Fatalf("audit: %+v %v", v, err)
	}
}

func TestExportIdempotent(t *testing.T) {
	f := newFixture(t)
	f.importLines(t, line("a", 1, Business), line("b", 2, Business), line("c", 1, Review, "parent_id", "a"))
	f.decide(t, DecisionInput{IDs: []string{"a"}, Decision: Approve})
	f.decide(t, DecisionInput{IDs: []string{"b"}, Decision: Reject, Reason: "other", Note: "Not a local business"})
	f.decide(t, DecisionInput{IDs: []string{"c"}, Decision: RequestEdit, Note: "Remove the phone number"})
	f.decide(t, DecisionInput{IDs: []string{"c"}, Decision: Approve})
	if _, err := f.svc.Undo(f.mod); err != nil {
		t.Fatal(err)
	}
	export := func() (string, error) {
		var b bytes.Buffer
		_, err := f.svc.ExportDecisions(f.mod, func(lines []ExportLine) error { return WriteJSONL(&b, lines) })
		return b.String(), err
	}
	if _, err := f.svc.ExportDecisions(f.mod, func([]ExportLine) error { return errors.New("disk full") }); err == nil {
		t.Fatal("a failed write should fail the export")
	}
	first, err := export()
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"a","version":1,"decision":"approve","reason":"","note":"","operator":"mo","decided_at":"2026-11-29T09:00:00Z"}
{"id":"b","version":2,"decision":"reject","reason":"other","note":"Not a local business","operator":"mo","decided_at":"2026-11-29T09:00:00Z"}
{"id":"c","version":1,"decision":"request_edit","reason":"","note":"Remove the phone number","operator":"mo","decided_at":"2026-11-29T09:00:00Z"}
`
	if first != want {
		t.Fatalf("first export:\n%s\nwant:\n%s", first, want)
	}
	if second, err := export(); err != nil || second != "" {
		t.Fatalf("second export wrote %q %v", second, err)
	}
	f.decide(t, DecisionInput{IDs: []string{"c"}, Decision: Approve})
	if third, _ := export(); strings.Count(third, "\n") != 1 || !strings.Contains(third, `"id":"c"`) {
		t.Fatalf("third export: %q", third)
	}
}

func TestRetentionAndAnonymise(t *testing.T) {
	f := newFixture(t)
	imported := f.importLines(t,
		line("ev-old", 1, Event, "event_start", "2026-10-01T10:00:00Z", "event_end", "2026-10-01T12:00:00Z"),
		line("ev-recent", 1, Event, "event_start", "2026-11-20T10:00:00Z"),
		line("biz-old", 1, Business, "expires_at", "2026-09-01T00:00:00Z"),
		line("biz-kept", 1, Business, "expires_at", "2026-09-01T00:00:00Z"),
		line("rv-old", 1, Review, "parent_id", "ev-old"),
		line("rv-jo", 1, Review, "parent_id", "ev-recent", "submitted_by", "Jo", "submitted_by_email", "jo@example.com", "contact_phone", "07700 900123"),
		line("biz-jo", 1, Business, "submitted_by", "Jo", "submitted_by_email", "jo@example.com"))
	if res := imported.Retention; res != (RetentionResult{Listings: 2, Events: 1, Reviews: 1}) {
		t.Fatalf("retention after the import: %+v", res)
	}
	f.clock.Advance(-60 * 24 * time.Hour)
	f.importLines(t, line("biz-kept", 1, Business, "expires_at", "2026-09-01T00:00:00Z"))
	f.clock.Advance(60 * 24 * time.Hour)
	f.decide(t, DecisionInput{IDs: []string{"biz-kept"}, Decision: Approve})
	res, err := f.svc.ApplyRetention(f.mod)
	if err != nil || res != (RetentionResult{}) {
		t.Fatalf("retention kept the listing with a decision to export: %+v %v", res, err)
	}
	for id, want := range map[string]bool{"ev-old": false, "rv-old": false, "biz-old": false, "ev-recent": true, "biz-kept": true, "rv-jo": true} {
		if _, err := f.svc.Get(f.mod, id); (err == nil) != want {
			t.Errorf("%s kept=%v: %v", id, want, err)
		}
	}
	f.svc.ExportDecisions(f.mod, func([]ExportLine) error { return nil })
	if res, _ := f.svc.ApplyRetention(f.mod); res.Listings != 1 {
		t.Fatalf("after export the expired listing should go: %+v", res)
	}
	a, err := f.svc.AnonymiseMember(f.admin, " JO@example.com ")
	if err != nil || a != (AnonymiseResult{Anonymised: 1, Removed: 1}) {
		t.Fatalf("anonymise: %+v %v", a, err)
	}
	rv := f.item(t, "rv-jo").Item.Feed
	if rv.SubmittedBy != FormerMember || rv.SubmittedByEmail != "" || rv.ContactPhone != "" || rv.Body == "" {
		t.Fatalf("review not anonymised: %+v", rv)
	}
	if _, err := f.svc.Get(f.mod, "biz-jo"); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("the member's listing stayed: %v", err)
	}
}

func TestSetTermsRechecks(t *testing.T) {
	f := newFixture(t)
	f.importLines(t, line("a", 1, Business, "body", "Utter scam, avoid! Go to cheapdeals.example instead."))
	if it := f.item(t, "a").Item; hasFlag(it, FlagAbuse) || hasFlag(it, FlagSpamLink) {
		t.Fatalf("flagged before any terms: %+v", it.Flags)
	}
	if _, err := f.svc.SetTerms(f.mod, Terms{SpamDomains: []string{"not a domain"}}); !apperr.Is(err, apperr.Invalid) {
		t.Fatalf("bad domain: %v", err)
	}
	terms, err := f.svc.SetTerms(f.mod, Terms{AbuseWords: []string{" Scam ", "scam"}, SpamDomains: []string{"https://www.CheapDeals.example/"}})
	if err != nil || len(terms.AbuseWords) != 1 || terms.SpamDomains[0] != "cheapdeals.example" {
		t.Fatalf("terms: %+v %v", terms, err)
	}
	if it := f.item(t, "a").Item; !hasFlag(it, FlagAbuse) || !hasFlag(it, FlagSpamLink) {
		t.Fatalf("not rechecked: %+v", it.Flags)
	}
}
