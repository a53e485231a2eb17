package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"staffdesk/backend/mail/dovecottest"
)

func TestCLIMailboxAndSync(t *testing.T) {
	srv := dovecottest.Start(t)
	raws := make([][]byte, 12)
	for i := range raws {
		raws[i] = []byte(fmt.Sprintf("From: Member %d <m%d@example.com>\r\nTo: help@example.org\r\nSubject: Help %d\r\n"+
			"Date: Sun, 29 Nov 2026 09:00:00 +0000\r\nMessage-ID: <cli%d@example.com>\r\n\r\nPlease help %d\r\n", i, i, i, i, i))
	}
	srv.Seed("INBOX", raws)
	pw := filepath.Join(t.TempDir(), "pw")
	os.WriteFile(pw, []byte(srv.Password+"\n"), 0o600)
	port := fmt.Sprint(srv.PlainPort)
	tc := newTestCLI(t)
	const pass = "admin-passphrase"
	add := []string{"mailbox", "add", "--name", "help", "--host", "127.0.0.1", "--port", port, "--user", srv.User,
		"--password-file", pw, "--security", "plain", "--from", "help@example.org"}
	steps := []struct {
		name     string
		args     []string
		code     int
		contains string
	}{
		{"init", []string{"init"}, 0, "with admin admin"},
		{"no subcommand", []string{"mailbox"}, 2, "say add, list, test or remove"},
		{"password file needed", []string{"mailbox", "add", "--name", "x", "--host", "h", "--user", "u"}, 2, "--password-file is required"},
		{"plain to a remote host refused", []string{"mailbox", "add", "--name", "far", "--host", "mail.example.com", "--user", "u",
			"--password-file", pw, "--security", "plain", "--from", "a@example.org"}, 1, "only to a loopback host"},
		{"add", add, 0, "Added mailbox help"},
		{"add twice", add, 1, "already exists"},
		{"list", []string{"mailbox", "list"}, 0, "help  "},
		{"list hides the password", []string{"--json", "mailbox", "list"}, 0, `"user": "helpdesk"`},
		{"test", []string{"mailbox", "test", "help"}, 0, "INBOX: 12 messages"},
		{"sync", []string{"sync"}, 0, "12 new"},
		{"sync json", []string{"--json", "sync", "--mailbox", "help"}, 0, `"new": 0`},
		{"sync unknown mailbox", []string{"sync", "--mailbox", "nope"}, 1, "no mailbox named nope"},
		{"remove", []string{"mailbox", "remove", "help"}, 0, "Removed mailbox help"},
		{"audit intact", []string{"audit", "verify"}, 0, "Audit log intact"},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			code, stdout, stderr := tc.run(pass, s.args...)
			if code != s.code || !strings.Contains(stdout+stderr, s.contains) {
				t.Fatalf("exit %d (want %d)\nstdout: %s\nstderr: %s\nwant %q", code, s.code, stdout, stderr, s.contains)
			}
			if strings.Contains(stdout+stderr, srv.Password) {
				t.Fatal("the mailbox password was printed")
			}
		})
	}
}
