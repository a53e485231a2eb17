package app

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"staffdesk/backend/mail/dovecottest"
	"staffdesk/backend/mail/smtpsend/smtptest"
)

// entryMail is a mail entering a competition, dated d.
func entryMail(name, email, id string, d time.Time, body string) []byte {
	hdr := fmt.Sprintf("From: %s <%s>\r\nTo: comps@example.org\r\nSubject: My entry\r\nDate: %s\r\n", name, email, d.Format(time.RFC1123Z))
	if id != "" {
		hdr += "Message-ID: <" + id + ">\r\n"
	}
	return []byte(hdr + "\r\n" + strings.ReplaceAll(body, "\n", "\r\n"))
}

// TestCompetitionEntriesByMail runs the mail side of competitions against Dovecot and an SMTP server
// through the CLI: mails in a linked folder become entries (not tickets) through the import rules, a
// rerun and a second copy of a mail add nothing, and winner notifications go out once through the outbox.
func TestCompetitionEntriesByMail(t *testing.T) {
	srv := dovecottest.Start(t)
	smtp := smtptest.Start(t, smtptest.Plain)
	smtp.User, smtp.Password = srv.User, srv.Password
	smtpHost, smtpPort := smtp.Addr()
	now := time.Now().UTC()
	day := now.AddDate(0, 0, -5)
	const folder = "Competitions/Summer"
	first := entryMail("Jo Bloggs", "jo.bloggs@gmail.com", "e1@example.com", day, "Blue\nDate of birth: 1990-04-23\nPostcode: SW1A 1AA\nCounty: Kent\n")
	srv.Seed(folder, [][]byte{
		first,
		entryMail("Ann Other", "ann@example.com", "e2@example.com", day, "Hello!\nAnswer: blue\nDate of birth: 23/04/1985\n"),
		entryMail("Sam Smith", "sam@example.com", "", day, "blue\nDOB: 1979-01-02\n"),
		entryMail("Jo Bloggs", "JoBloggs+comps@Gmail.com", "e4@example.com", day.Add(time.Hour), "blue\nDate of birth: 1990-04-23\n"),
		entryMail("Kid Young", "kid@example.com", "e5@example.com", day, "blue\nDate of birth: 2015-01-01\n"),
		entryMail("Red Answer", "red@example.com", "e6@example.com", day, "Red\nDate of birth: 1980-01-01\n"),
		entryMail("No Birth", "nob@example.com", "e7@example.com", day, "blue\n"),
	})
	srv.Seed("INBOX", [][]byte{entryMail("Member", "m@example.com", "help1@example.com", day, "I cannot log in")})

	tc := newTestCLI(t)
	const pass = "admin-passphrase"
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o600)
		return p
	}
	run := func(code int, want string, args ...string) string {
		t.Helper()
		got, out, errOut := tc.run(pass, args...)
		if got != code || !strings.Contains(out+errOut, want) {
			t.Fatalf("%v: exit %d (want %d)\nstdout: %s\nstderr: %s\nwant %q", args, got, code, out, errOut, want)
		}
		return out
	}
	run(0, "with admin admin", "init")
	details := fmt.Sprintf(`{"title":"Summer hamper","sponsor":"Acme","prize":"A hamper","opensAt":%q,"closesAt":%q,
		"question":"What colour is the sky?","answer":"Blue","winners":2,"reserves":1,"claimDays":14,"retentionDays":30,
		"rules":{"minAge":18}}`, now.AddDate(0, 0, -10).Format(time.RFC3339), now.Add(-time.Hour).Format(time.RFC3339))
	var created struct{ ID string }
	json.Unmarshal([]byte(run(0, "", "--json", "competitions", "create", "--json-file", write("c.json", details))), &created)
	id := created.ID
	run(0, "open for entries", "competitions", "open", id)
	pw := write("pw", srv.Password+"\n")
	run(0, "Added mailbox help", "mailbox", "add", "--name", "help", "--host", "127.0.0.1", "--port", fmt.Sprint(srv.PlainPort),
		"--user", srv.User, "--password-file", pw, "--security", "plain", "--from", "comps@example.org",
		"--smtp-host", smtpHost, "--smtp-port", fmt.Sprint(smtpPort), "--smtp-security", "plain")
	run(0, "now enters competition "+id, "competitions", "link-folder", id, "--mailbox", "help", "--folder", folder)
	var other struct{ ID string }
	json.Unmarshal([]byte(run(0, "", "--json", "competitions", "create", "--json-file", write("c.json", details))), &other)
	run(1, "already feeds competition "+id, "competitions", "link-folder", other.ID, "--mailbox", "help", "--folder", folder)

	counts := func() string {
		t.Helper()
		var list []struct {
			ID     string
			Counts struct{ Entries, Eligible, Ineligible, Duplicates int }
		}
		json.Unmarshal([]byte(run(0, "", "--json", "competitions", "list")), &list)
		for _, c := range list {
			if c.ID == id {
				return fmt.Sprintf("%+v", c.Counts)
			}
		}
		t.Fatalf("competition %s not listed: %+v", id, list)
		return ""
	}
	const want = "{Entries:6 Eligible:3 Ineligible:2 Duplicates:1}"
	run(0, "8 new", "sync")
	if got := counts(); got != want {
		t.Fatalf("after the sync: %s, want %s (the mail without a date of birth is invalid)", got, want)
	}
	run(0, `"total": 1`, "--json", "tickets", "list")
	mailRows := func(email string) string {
		t.Helper()
		out := filepath.Join(dir, "access.json")
		os.Remove(out)
		run(0, "", "privacy", "access", email, "--format", "json", "--out", out)
		body, _ := os.ReadFile(out)
		var doc struct {
			Areas []struct {
				Area string
				Rows [][]string
			}
		}
		json.Unmarshal(body, &doc)
		for _, a := range doc.Areas {
			if a.Area == "mail" {
				return fmt.Sprint(len(a.Rows))
			}
		}
		return "no mail area in " + string(body)
	}
	if got := mailRows("ann@example.com"); got != "0" {
		t.Fatalf("the mail area still holds an entry mail's copy: %s rows", got)
	}
	if got := mailRows("m@example.com"); got != "1" {
		t.Fatalf("the help-desk mail's copy: %s rows, want 1", got)
	}
	srv.Seed(folder, [][]byte{first})
	run(0, "1 new", "sync")
	run(0, "0 new", "sync")
	if got := counts(); got != want {
		t.Fatalf("after a rerun and a second copy: %s, want %s", got, want)
	}
	run(0, `"total": 1`, "--json", "tickets", "list")

	run(0, "Commitment", "draw", "commit", id)
	run(0, "Winner 2:", "draw", "run", id)
	run(0, "Added cleo", "operators", "add", "cleo", "--email", "cleo@staff.example", "--role", "competitions",
		"--new-passphrase-file", tc.passFile("cleo-passphrase"))
	asCleo := func(want string, args ...string) {
		t.Helper()
		code, out, errOut := tc.run("cleo-passphrase", append([]string{"--operator", "cleo"}, args...)...)
		if code != 0 || !strings.Contains(out, want) {
			t.Fatalf("%v as cleo: exit %d\nstdout: %s\nstderr: %s\nwant %q", args, code, out, errOut, want)
		}
	}
	asCleo("2 notification(s) queued", "competitions", "notify", id)
	asCleo("0 notification(s) queued, sent by the next sync (2 queued before)", "competitions", "notify", id)
	run(0, "", "sync")
	run(0, "", "sync")
	sent := smtp.Messages()
	if len(sent) != 2 {
		t.Fatalf("sent %d notifications, want 2", len(sent))
	}
	for _, m := range sent {
		if !strings.Contains(string(m.Raw), "From: <comps@example.org>") || !strings.Contains(string(m.Raw), "Subject: You have won: Summer hamper") {
			t.Fatalf("notification: %s", m.Raw)
		}
	}
	out := run(0, `"sent"`, "--json", "competitions", "winners", id)
	if strings.Contains(out, `"queued"`) {
		t.Fatalf("a notification is still queued after the sync: %s", out)
	}
	run(0, "Audit log intact", "audit", "verify")
}
