package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/privacy"
)

func TestPrivacyRetentionClock(t *testing.T) {
	tc := newTestCLI(t)
	if code, _, errOut := tc.run(privacyPass, "init"); code != 0 {
		t.Fatal(errOut)
	}
	t0 := time.Now().UTC().Truncate(time.Second)
	clk := clock.NewFixed(t0)
	s := privacySession(t, tc, clk, false)
	defer s.Lock()
	run := func(dry bool) privacy.RetentionReport {
		var rep privacy.RetentionReport
		err := s.Do(context.Background(), func(ctx context.Context, svc *Services) (err error) {
			rep, err = svc.Privacy.Retention(ctx, dry, "")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	s.Do(context.Background(), func(ctx context.Context, svc *Services) error {
		seedCompetition(ctx, t, svc, t0, t0.Add(-time.Hour), member, true)
		feed := feedLine("id", "biz-9", "kind", "business", "title", "Pop-up shop", "submitted_by_email", "sam@example.com",
			"submitted_by", "Sam", "submitted_at", t0.Add(-time.Hour).Format(time.RFC3339), "expires_at", t0.AddDate(0, 0, 1).Format(time.RFC3339)) +
			feedLine("id", "rev-old", "kind", "review", "title", "Old review", "parent_id", "biz-live", "submitted_by", "Old Timer",
				"submitted_by_email", "old@example.com", "submitted_at", t0.AddDate(-3, 0, -2).Format(time.RFC3339)) +
			feedLine("id", "rev-new", "kind", "review", "title", "New review", "parent_id", "biz-9", "submitted_by", "Newbie",
				"submitted_by_email", "new@example.com", "submitted_at", t0.AddDate(-2, 0, 0).Format(time.RFC3339))
		_, err := svc.Listings.Import(ctx, "feed.jsonl", strings.NewReader(feed))
		return err
	})
	due := func(rep privacy.RetentionReport, cat string) int {
		for _, l := range rep.Lines {
			if l.Category == cat {
				return l.Due
			}
		}
		return -1
	}
	for _, step := range []struct {
		advance                     time.Duration
		entries, listings, inactive int
	}{
		{0, 0, 0, 1},
		{29 * 24 * time.Hour, 0, 0, 1},
		{2 * 24 * time.Hour, 9, 0, 1},
		{2 * 24 * time.Hour, 9, 2, 1},
	} {
		clk.Advance(step.advance)
		rep := run(true)
		if due(rep, privacy.CategoryCompetitionEntries) != step.entries || due(rep, privacy.CategoryExpiredListings) != step.listings ||
			due(rep, privacy.CategoryInactiveMembers) != step.inactive {
			t.Fatalf("at %s: due %+v, want %d entries, %d listings, %d inactive", clk.Now().Sub(t0), rep.Lines, step.entries,
				step.listings, step.inactive)
		}
	}
	if rep := run(false); rep.Done != 12 {
		t.Fatalf("applied: %+v", rep)
	}
	if rep := run(true); rep.Due != 0 {
		t.Fatalf("due after applying: %+v", rep)
	}
}

func TestDailyRetentionAtUnlock(t *testing.T) {
	tc := newTestCLI(t)
	if code, _, errOut := tc.run(privacyPass, "init"); code != 0 {
		t.Fatal(errOut)
	}
	clk := clock.NewFixed(time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC))
	last := func(s *Session) (rep privacy.RetentionReport, found bool) {
		s.Do(context.Background(), func(ctx context.Context, svc *Services) (err error) {
			rep, found, err = svc.Privacy.LastRetention(ctx)
			return err
		})
		return rep, found
	}
	s := privacySession(t, tc, clk, true)
	for i := 0; i < 100; i++ {
		if _, found := last(s); found {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	rep, found := last(s)
	if !found || rep.Trigger != privacy.TriggerDaily || !rep.At.Equal(clk.Now()) {
		t.Fatalf("no daily run at unlock: %+v", rep)
	}
	s.Lock()
	clk.Advance(time.Hour)
	s = privacySession(t, tc, clk, true)
	defer s.Lock()
	time.Sleep(200 * time.Millisecond)
	if again, _ := last(s); !again.At.Equal(rep.At) {
		t.Fatalf("ran again within a day: %+v", again)
	}
}

func TestPrivacyCLI(t *testing.T) {
	tc := newTestCLI(t)
	if code, _, errOut := tc.run(privacyPass, "init"); code != 0 {
		t.Fatal(errOut)
	}
	out := filepath.Join(t.TempDir(), "a.xlsx")
	for _, s := range []struct {
		name     string
		args     []string
		code     int
		contains string
	}{
		{"no subcommand", []string{"privacy"}, 2, "say access, erase, requests or retention"},
		{"log", []string{"privacy", "requests", "add", "access", "sam@example.com", "--received", "2026-10-01"}, 0, "due 1 Nov 2026"},
		{"log bad kind", []string{"privacy", "requests", "add", "delete", "sam@example.com"}, 1, "choose access, erasure or rectification"},
		{"log bad date", []string{"privacy", "requests", "add", "access", "sam@example.com", "--received", "1/10/26"}, 1, "YYYY-MM-DD"},
		{"list open", []string{"privacy", "requests"}, 0, "OVERDUE by"},
		{"xlsx needs --out", []string{"privacy", "access", "sam@example.com", "--format", "xlsx"}, 2, "give --out"},
		{"bad format", []string{"privacy", "access", "sam@example.com", "--out", out, "--format", "csv"}, 1, "xlsx or json"},
		{"json to stdout", []string{"privacy", "access", "sam@example.com", "--request", "1"}, 0, `"person": "sam@example.com"`},
		{"request done", []string{"privacy", "requests", "--all"}, 0, "done "},
		{"done twice", []string{"privacy", "requests", "done", "1"}, 1, "is not open"},
		{"erase dry run", []string{"privacy", "erase", "sam@example.com", "--dry-run"}, 0, "Dry run: nothing was changed"},
		{"retention dry run", []string{"privacy", "retention", "--dry-run"}, 0, "Competition entries"},
		{"retention", []string{"privacy", "retention"}, 0, "Applied the schedule"},
	} {
		t.Run(s.name, func(t *testing.T) {
			code, stdout, stderr := tc.run(privacyPass, s.args...)
			if code != s.code || !strings.Contains(stdout+stderr, s.contains) {
				t.Fatalf("exit %d, want %d with %q\nstdout: %s\nstderr: %s", code, s.code, s.contains, stdout, stderr)
			}
		})
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatalf("a refused access left a file: %v", err)
	}
}

func TestDailyRetentionWhileUnlocked(t *testing.T) {
	tc := newTestCLI(t)
	if code, _, errOut := tc.run(privacyPass, "init"); code != 0 {
		t.Fatal(errOut)
	}
	clk := clock.NewFixed(time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC))
	s := privacySession(t, tc, clk, false)
	defer s.Lock()
	runs := func() (n int64) {
		s.Do(context.Background(), func(ctx context.Context, svc *Services) error {
			p, err := svc.Audit.Search(ctx, audit.Filter{Action: "privacy.retention"})
			n = p.Total
			return err
		})
		return n
	}
	waitFor := func(want int64) {
		for i := 0; i < 100 && runs() != want; i++ {
			time.Sleep(20 * time.Millisecond)
		}
		if got := runs(); got != want {
			t.Fatalf("%d daily runs, want %d", got, want)
		}
	}
	tick := make(chan time.Time)
	var d *dailyRetention
	s.Do(context.Background(), func(ctx context.Context, svc *Services) error {
		d = startDailyRetention(svc.Privacy, actor.Actor{ID: "a", Name: "admin", Role: actor.Admin}, tick, nil)
		return nil
	})
	defer d.stop()
	waitFor(1)
	clk.Advance(23 * time.Hour)
	tick <- clk.Now()
	tick <- clk.Now()
	waitFor(1)
	clk.Advance(2 * time.Hour)
	tick <- clk.Now()
	waitFor(2)
}
