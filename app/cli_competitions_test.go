package app

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestCompetitionsCLI walks the commands: create, import, commit, run, certificate, verify and
// winners, with tampered files refused by verify.
func TestCompetitionsCLI(t *testing.T) {
	tc := newTestCLI(t)
	const pass = "admin-passphrase"
	if code, _, errOut := tc.run(pass, "init"); code != 0 {
		t.Fatal(errOut)
	}
	dir := t.TempDir()
	now := time.Now().UTC()
	details := fmt.Sprintf(`{"title":"Win a cot","sponsor":"Acme","prize":"A cot","opensAt":%q,"closesAt":%q,
		"winners":2,"reserves":1,"claimDays":14,"retentionDays":30,"rules":{"minAge":18}}`,
		now.AddDate(0, 0, -10).Format(time.RFC3339), now.Add(-time.Hour).Format(time.RFC3339))
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o600)
		return p
	}
	code, out, errOut := tc.run(pass, "--json", "competitions", "create", "--json-file", write("c.json", details))
	if code != 0 {
		t.Fatalf("create: %s", errOut)
	}
	var created struct{ ID string }
	json.Unmarshal([]byte(out), &created)
	id := created.ID
	var csv strings.Builder
	csv.WriteString("entry_id,submitted_at,first_name,surname,email,date_of_birth,postcode,county,country,answer,partner_opt_in,source\n")
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&csv, "E%02d,%s,Jo,Bloggs,jo%d@example.com,1990-01-01,SW1A 1AA,Kent,UK,,no,web\n", i,
			now.AddDate(0, 0, -5).Format(time.RFC3339), i)
	}
	cert, list := filepath.Join(dir, "cert.html"), filepath.Join(dir, "draw-entries-"+id+".txt")
	steps := []struct {
		name     string
		args     []string
		code     int
		contains string
	}{
		{"import", []string{"competitions", "import", id, write("e.csv", csv.String())}, 0, "30 accepted"},
		{"commit a draft", []string{"draw", "commit", id}, 1, "still a draft"},
		{"open", []string{"competitions", "open", id}, 0, "open for entries"},
		{"commit", []string{"draw", "commit", id}, 0, "Commitment (SHA-256 of the secret seed)"},
		{"run", []string{"draw", "run", id, "--public-value", "Lotto: 1 2 3 4 5 6"}, 0, "Winner 2:"},
		{"run twice", []string{"draw", "run", id}, 1, "drawn once"},
		{"certificate", []string{"draw", "certificate", id, "--out", cert}, 0, "Wrote the certificate"},
		{"winners", []string{"--json", "competitions", "winners", id}, 0, `"status": "pending"`},
		{"unknown", []string{"competitions", "frobnicate"}, 2, "usage"},
	}
	for _, s := range steps {
		code, out, errOut := tc.run(pass, s.args...)
		if code != s.code || !strings.Contains(out+errOut, s.contains) {
			t.Fatalf("%s: exit %d, want %d with %q\nstdout: %s\nstderr: %s", s.name, code, s.code, s.contains, out, errOut)
		}
	}
	verify := func(certFile, listFile string) (int, string) {
		code, out, errOut := tc.run("", "draw", "verify", "--certificate", certFile, "--entries", listFile)
		return code, out + errOut
	}
	if code, out := verify(cert, list); code != 0 || !strings.Contains(out, "Verified") {
		t.Fatalf("verify: %d %s", code, out)
	}
	body, _ := os.ReadFile(list)
	certBody, _ := os.ReadFile(cert)
	seed := regexp.MustCompile(`"seed":"([0-9a-f]{64})"`).FindSubmatch(certBody)
	tampered := []struct{ name, cert, list, want string }{
		{"entry changed", cert, write("l1.txt", strings.Replace(string(body), "E05\t1", "E55\t1", 1)), "does not match the list hash"},
		{"entry removed", cert, write("l2.txt", strings.Replace(string(body), "E05\t1\n", "", 1)), "does not match the list hash"},
		{"seed changed", write("c2.html", strings.ReplaceAll(string(certBody), string(seed[1]), strings.Repeat("a", 64))), list, "does not match the commitment"},
	}
	for _, tt := range tampered {
		if code, out := verify(tt.cert, tt.list); code != 1 || !strings.Contains(out, tt.want) {
			t.Fatalf("%s: exit %d, %s", tt.name, code, out)
		}
	}
}
