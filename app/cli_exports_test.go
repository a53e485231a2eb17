package app

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestExportsCLI walks issue 7's commands: a partner, a request, self-approval refused, approval by a
// second operator with their passphrase, a withdrawal, and the run honouring it.
func TestExportsCLI(t *testing.T) {
	tc := newTestCLI(t)
	const pass, cleoPass = "admin-passphrase", "cleo-passphrase"
	if code, _, errOut := tc.run(pass, "init"); code != 0 {
		t.Fatal(errOut)
	}
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o600)
		return p
	}
	if code, _, errOut := tc.run(pass, "operators", "add", "cleo", "--email", "cleo@staff.example", "--role", "competitions",
		"--new-passphrase-file", write("cleo", cleoPass)); code != 0 {
		t.Fatal(errOut)
	}
	now := time.Now().UTC()
	details := fmt.Sprintf(`{"title":"Win a pram","sponsor":"Acme Prams","prize":"A pram","opensAt":%q,"closesAt":%q,
		"winners":1,"reserves":1,"claimDays":14,"retentionDays":30,"rules":{"minAge":18}}`,
		now.AddDate(0, 0, -10).Format(time.RFC3339), now.AddDate(0, 0, 10).Format(time.RFC3339))
	code, out, errOut := tc.run(pass, "--json", "competitions", "create", "--json-file", write("c.json", details))
	if code != 0 {
		t.Fatalf("create: %s", errOut)
	}
	var created struct{ ID string }
	json.Unmarshal([]byte(out), &created)
	id := created.ID
	var csv strings.Builder
	csv.WriteString("entry_id,submitted_at,first_name,surname,email,date_of_birth,postcode,county,country,answer,partner_opt_in,source\n")
	for i := 1; i <= 6; i++ {
		fmt.Fprintf(&csv, "E%02d,%s,=Jo%d,Bloggs,jo%d@example.com,1990-01-01,SW1A 1AA,Kent,UK,,%s,web\n", i,
			now.AddDate(0, 0, -5).Format(time.RFC3339), i, i, map[bool]string{true: "yes", false: "no"}[i <= 4])
	}
	out1 := filepath.Join(dir, "acme.xlsx")
	steps := []struct {
		name     string
		pass     string
		args     []string
		code     int
		contains string
	}{
		{"open", pass, []string{"competitions", "open", id}, 0, "open for entries"},
		{"import", pass, []string{"competitions", "import", id, write("e.csv", csv.String())}, 0, "6 accepted"},
		{"partner", pass, []string{"partners", "add", "Acme Prams", "--fields", "first_name,email", "--sources", "competition:" + id}, 0, "sponsor_sharing:acme-prams"},
		{"partners", pass, []string{"partners", "list"}, 0, "acme-prams"},
		{"not entitled", pass, []string{"exports", "request", "--partner", "acme-prams", "--source", "competition:" + id, "--fields", "postcode"}, 1, "not entitled"},
		{"request", pass, []string{"exports", "request", "--partner", "acme-prams", "--source", "competition:" + id, "--fields", "first_name,email"}, 0, "request 1 recorded"},
		{"run unapproved", pass, []string{"exports", "run", "1", "--out", out1}, 1, "pending"},
		{"self-approval", pass, []string{"exports", "approve", "1"}, 1, "cannot approve it"},
		{"wrong passphrase", "not-cleos", []string{"--operator", "cleo", "exports", "approve", "1"}, 1, "wrong"},
		{"approve", cleoPass, []string{"--operator", "cleo", "exports", "approve", "1"}, 0, "approved by cleo"},
		{"withdraw", pass, []string{"consent", "withdraw", "jo2@example.com", "sponsor_sharing:acme-prams", "--ticket", "17"}, 0, "withdrew"},
		{"show", pass, []string{"consent", "show", "JO2@example.com"}, 0, "ticket 17"},
		{"run", pass, []string{"exports", "run", "1", "--out", out1, "--password-file", write("pw", "s3cret-pass\n")}, 0, "Wrote 3 people"},
		{"excluded", pass, []string{"exports", "show", "1"}, 0, "done"},
		{"run twice", pass, []string{"exports", "run", "1", "--out", filepath.Join(dir, "b.xlsx")}, 1, "done"},
		{"unsubscribe", pass, []string{"unsubscribes", "add", "jo1@example.com", "--ticket", "18"}, 0, "due by"},
		{"unsubscribes", pass, []string{"unsubscribes", "list"}, 0, "jo1@example.com"},
		{"unsubscribe done", pass, []string{"unsubscribes", "done", "1"}, 0, "done after"},
		{"audit", pass, []string{"audit", "list"}, 0, "export.run"},
	}
	for _, s := range steps {
		code, out, errOut := tc.run(s.pass, s.args...)
		if code != s.code || !strings.Contains(out+errOut, s.contains) {
			t.Fatalf("%s: exit %d, want %d with %q\nstdout: %s\nstderr: %s", s.name, code, s.code, s.contains, out, errOut)
		}
	}
	if _, err := os.Stat(out1); err != nil {
		t.Fatal(err)
	}
}
