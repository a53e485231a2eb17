package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCLIListings(t *testing.T) {
	tc := newTestCLI(t)
	const pass = "admin-passphrase"
	out := filepath.Join(t.TempDir(), "decisions.jsonl")
	out2 := filepath.Join(t.TempDir(), "again.jsonl")
	steps := []struct {
		name     string
		args     []string
		code     int
		contains string
	}{
		{"init", []string{"init"}, 0, "with admin admin"},
		{"no subcommand", []string{"listings"}, 2, "say import, queue"},
		{"import jsonl", []string{"listings", "import", "../backend/moderation/testdata/valid/feed.jsonl"}, 0, "4 read, 4 new"},
		{"import csv", []string{"listings", "import", "../backend/moderation/testdata/valid/feed.csv"}, 0, "2 read, 2 new"},
		{"malformed refused", []string{"listings", "import", "../backend/moderation/testdata/malformed/bad-kind.jsonl"}, 1, "bad-kind.jsonl line 2: field kind"},
		{"re-import unchanged", []string{"listings", "import", "../backend/moderation/testdata/valid/feed.jsonl"}, 0, "4 unchanged"},
		{"queue", []string{"listings", "queue"}, 0, "6 of 6 matching items"},
		{"queue by flag as json", []string{"--json", "listings", "queue", "--flag", "contact_in_text"}, 0, `"id": "biz-1"`},
		{"decide needs one action", []string{"listings", "decide", "biz-1"}, 2, "exactly one of"},
		{"reject needs a reason", []string{"listings", "decide", "biz-1", "--reject", "rude"}, 1, "needs a reason"},
		{"approve two", []string{"listings", "decide", "biz-1", "evt-1", "--approve"}, 0, "approve on 2 item"},
		{"reject", []string{"listings", "decide", "rev-1", "--reject", "other", "--note", "Off the subject"}, 0, "reject on 1 item"},
		{"request edit", []string{"listings", "decide", "com-1", "--request-edit", "Remove your email"}, 0, "request edit on 1 item"},
		{"undo", []string{"listings", "undo"}, 0, "Undid request_edit on com-1"},
		{"export", []string{"listings", "export-decisions", out}, 0, "Wrote 3 decision(s)"},
		{"export never overwrites", []string{"listings", "export-decisions", out}, 1, "already exists"},
		{"export again exports nothing", []string{"listings", "export-decisions", out2}, 0, "Wrote 0 decision(s)"},
		{"terms", []string{"listings", "terms", "--abuse", "idiot,scam", "--spam-domains", "cheapdeals.example"}, 0, "Abuse words: idiot, scam"},
		{"retention", []string{"listings", "retention"}, 0, "Removed 0 expired listings"},
		{"erase member", []string{"listings", "erase-member", "jo@example.com"}, 0, `1 reviews or comments now by "Former member"`},
		{"erase needs an email", []string{"listings", "erase-member"}, 2, "usage"},
		{"anonymised author shown", []string{"--json", "listings", "queue", "--state", "rejected"}, 0, `"submitted_by": "Former member"`},
		{"audit intact", []string{"audit", "verify"}, 0, "Audit log intact"},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			code, stdout, stderr := tc.run(pass, s.args...)
			if code != s.code || !strings.Contains(stdout+stderr, s.contains) {
				t.Fatalf("exit %d (want %d)\nstdout: %s\nstderr: %s\nwant %q", code, s.code, stdout, stderr, s.contains)
			}
		})
	}
	data, err := os.ReadFile(out)
	if err != nil || strings.Count(string(data), "\n") != 3 || !strings.Contains(string(data), `"reason":"other","note":"Off the subject","operator":"admin"`) {
		t.Fatalf("export file: %s %v", data, err)
	}
	if data, _ := os.ReadFile(out2); len(data) != 0 {
		t.Fatalf("second export wrote %s", data)
	}
}
