package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSurveysCLI walks the commands: create from JSON, import a SurveyMonkey file twice
// (idempotent), results as JSON with and without a filter, and the Excel export.
func TestSurveysCLI(t *testing.T) {
	tc := newTestCLI(t)
	const pass = "admin-passphrase"
	if code, _, errOut := tc.run(pass, "init"); code != 0 {
		t.Fatal(errOut)
	}
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o600)
		return p
	}
	details := `{"title":"Poll","purpose":"Research","owner":"cleo","retentionDays":90,"sharing":"none","questions":[
		{"text":"How old is your youngest child?","kind":"single","options":["Under 1","1-2 years"]},
		{"text":"How likely are you to recommend us?","kind":"rating","scaleMin":0,"scaleMax":10}]}`
	code, out, errOut := tc.run(pass, "--json", "surveys", "create", "--json-file", write("s.json", details))
	if code != 0 {
		t.Fatalf("create: %s", errOut)
	}
	var created struct{ ID string }
	json.Unmarshal([]byte(out), &created)
	id := created.ID
	file := write("sm.csv", "Respondent ID,End Date,Email Address,How old is your youngest child?,How likely are you to recommend us?\n"+
		",,,Response,Response\n1,11/20/2026 10:00:00 AM,a@example.com,Under 1,9\n2,11/21/2026 10:00:00 AM,b@example.com,1-2 years,6\n")
	out2 := filepath.Join(dir, "out.xlsx")
	steps := []struct {
		name     string
		args     []string
		code     int
		contains string
	}{
		{"import", []string{"surveys", "import", id, file, "--format", "surveymonkey"}, 0, "2 rows, 2 added"},
		{"import again", []string{"surveys", "import", id, file}, 0, "0 added, 0 updated, 2 unchanged"},
		{"results", []string{"--json", "surveys", "results", id}, 0, `"mean": 7.5`},
		{"filtered", []string{"surveys", "results", id, "--filter", "q1=Under 1"}, 0, "1 responses of 2"},
		{"export", []string{"surveys", "export", id, "--out", out2}, 0, "2 responses"},
		{"list", []string{"surveys", "list"}, 0, "Poll"},
		{"bad format", []string{"surveys", "import", id, file, "--format", "qualtrics"}, 1, "the format must be"},
		{"unknown", []string{"surveys", "frobnicate"}, 2, "usage"},
	}
	for _, s := range steps {
		code, out, errOut := tc.run(pass, s.args...)
		if code != s.code || !strings.Contains(out+errOut, s.contains) {
			t.Fatalf("%s: exit %d, want %d with %q\nstdout: %s\nstderr: %s", s.name, code, s.code, s.contains, out, errOut)
		}
	}
	if body, err := os.ReadFile(out2); err != nil || !strings.HasPrefix(string(body), "PK") {
		t.Fatalf("export file: %v", err)
	}
}
