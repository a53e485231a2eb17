package app

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"staffdesk/backend/clock"
	"staffdesk/backend/helpdesk"
	"staffdesk/backend/keyslot"
)

// TestDemoHelpdeskAndCLI seeds the demo (its IMAP server synced into tickets) and works tickets from the
// command line.
func TestDemoHelpdeskAndCLI(t *testing.T) {
	tc := newTestCLI(t)
	ctx := context.Background()
	imap, err := startDemoIMAP(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer imap.Close()
	cfg := Config{DataDir: tc.dir, Clock: clock.System{}, SlotParams: keyslot.Params{Time: 1, MemoryKiB: 8 * 1024, Threads: 1}}
	if err := seedDemo(ctx, cfg, imap); err != nil {
		t.Fatalf("seed demo: %v", err)
	}
	run := func(args ...string) (int, string) {
		code, out, errOut := tc.run(DemoPassphrase, append([]string{"--operator", "hana"}, args...)...)
		return code, out + errOut
	}
	var page helpdesk.Page
	code, out := run("--json", "tickets", "list", "--limit", "100")
	if code != 0 || json.Unmarshal([]byte(out), &page) != nil {
		t.Fatalf("list: %d %s", code, out)
	}
	ids := map[string]int64{}
	for _, tk := range page.Tickets {
		ids[tk.Subject] = tk.ID
	}
	for _, want := range []string{"Can't log in after changing my email", "Please remove my listing", "Photo of the damaged pushchair",
		"Weird formatting in my post", "Still getting the newsletter – and no £5 voucher", "ベビーカーの返品について",
		"Event listing shows the wrong date", "Please keep this private - my son's autism assessment"} {
		if ids[want] == 0 {
			t.Errorf("no ticket %q in %v", want, ids)
		}
	}
	if page.Total != 11 {
		t.Errorf("demo tickets: %d, want 11 (auto-replies and bounces open none)", page.Total)
	}
	login, photo := ids["Can't log in after changing my email"], ids["Photo of the damaged pushchair"]
	body := filepath.Join(t.TempDir(), "reply.txt")
	os.WriteFile(body, []byte("Hi Priya,\n\nThe app fix is out today: please update it.\n\nHana"), 0o600)
	steps := []struct {
		name     string
		args     []string
		code     int
		contains string
	}{
		{"thread of three", []string{"--json", "tickets", "show", fmt.Sprint(login)}, 0, `"kind": "out"`},
		{"bounce joins the ticket it returns", []string{"--json", "tickets", "show", fmt.Sprint(ids["Competition prize not arrived"])}, 0, `"kind": "auto"`},
		{"out-of-office joins without reopening", []string{"tickets", "show", fmt.Sprint(ids["Please remove my listing"])}, 0, "Status solved"},
		{"search a body word", []string{"tickets", "list", "--search", "wheel"}, 0, "1 of 1 matching"},
		{"search a participant", []string{"tickets", "list", "--search", "tom.evans@example.net"}, 0, "Please remove my listing"},
		{"status filter", []string{"tickets", "list", "--status", "pending"}, 0, "Competition prize"},
		{"attachments and warnings as json", []string{"--json", "tickets", "show", fmt.Sprint(photo)}, 0, `"filename": "receipt £189.pdf"`},
		{"parse warning shown", []string{"tickets", "show", fmt.Sprint(ids["Event listing shows the wrong date"])}, 0, "[parse warning:"},
		{"set", []string{"tickets", "set", fmt.Sprint(photo), "--status", "open", "--assign", "hana", "--tag", "prizes", "--priority", "high"}, 0, "open, priority high, assignee hana, tags prizes"},
		{"unknown operator", []string{"tickets", "set", fmt.Sprint(photo), "--assign", "nobody"}, 1, "no operator is named nobody"},
		{"sensitive", []string{"tickets", "set", fmt.Sprint(photo), "--sensitive", "true"}, 0, "Ticket #"},
		{"bad sensitive", []string{"tickets", "set", fmt.Sprint(photo), "--sensitive", "maybe"}, 2, "true or false"},
		{"note", []string{"tickets", "note", fmt.Sprint(login), "--body-file", body}, 0, "Added a note"},
		{"reply", []string{"tickets", "reply", fmt.Sprint(login), "--body-file", body}, 0, "Queued the reply"},
		{"reply shown queued", []string{"tickets", "show", fmt.Sprint(login)}, 0, "(queued)"},
		{"reply needs a body", []string{"tickets", "reply", fmt.Sprint(login)}, 2, "--body-file"},
		{"sync sends it", []string{"sync"}, 0, ""},
		{"reply sent", []string{"tickets", "show", fmt.Sprint(login)}, 0, "(sent)"},
		{"bad id", []string{"tickets", "show", "abc"}, 2, "not a ticket number"},
		{"missing ticket", []string{"tickets", "show", "999"}, 1, "ticket 999 does not exist"},
		{"set aside", []string{"tickets", "unticketed"}, 0, "Out of Office: Term dates"},
		{"no subcommand", []string{"tickets"}, 2, "say list, show"},
		{"audit intact", []string{"audit", "verify"}, 0, "Audit log intact"},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			code, out := run(s.args...)
			if code != s.code || !strings.Contains(out, s.contains) {
				t.Fatalf("exit %d (want %d)\n%s\nwant %q", code, s.code, out, s.contains)
			}
		})
	}
	if _, out := run("tickets", "show", fmt.Sprint(login)); strings.Count(out, "The app fix is out today") != 2 {
		t.Fatalf("the note and the reply should each show once after the sync:\n%s", out)
	}
	if code, _, errOut := tc.run(DemoPassphrase, "--operator", "mo", "tickets", "list"); code != 1 || !strings.Contains(errOut, "needs the Help desk role") {
		t.Fatalf("moderator listed tickets: %d %s", code, errOut)
	}
}
