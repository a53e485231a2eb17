package surveys

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestExportReadByLibreOffice exports the SurveyMonkey fixture and has LibreOffice, an independent
// reader, convert every sheet to CSV: the summary, the charts, and the raw responses minus what consent
// does not allow.
func TestExportReadByLibreOffice(t *testing.T) {
	f := newFixture(t)
	sv := f.create(t, nil)
	if _, err := f.svc.Import(f.ctx, sv.ID, "sm.csv", "", readFixture(t, "valid/surveymonkey.csv"), nil); err != nil {
		t.Fatal(err)
	}
	wb, err := f.svc.ExportXLSX(f.ctx, sv.ID, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if wb.Rows != 4 {
		t.Fatalf("rows %d", wb.Rows)
	}
	if n := countCharts(t, wb.Data); n != 8 {
		t.Errorf("%d native charts, want 8 (7 questions and the timeline)", n)
	}
	sheets := convertWithLibreOffice(t, wb.Data)
	resp := sheets["Responses"]
	if len(resp) != 5 {
		t.Fatalf("responses sheet has %d rows: %q", len(resp), resp)
	}
	head := strings.Join(resp[0], "|")
	if !strings.Contains(head, "Email|First name|Last name") || strings.Contains(strings.ToLower(head), "ip") {
		t.Errorf("header %q", head)
	}
	byID := map[string][]string{}
	for _, r := range resp[1:] {
		byID[r[0]] = r
	}
	if byID["114001"][4] != "jo.bloggs@example.com" || byID["114004"][4] != "" || byID["114004"][5] != "" {
		t.Errorf("identity columns ignore sharing consent: %q / %q", byID["114001"], byID["114004"])
	}
	for _, r := range resp {
		for _, c := range r {
			if strings.HasPrefix(c, "=") || strings.Contains(c, "81.2.69") || c == "click" {
				t.Errorf("unsafe or withheld cell %q", c)
			}
		}
	}
	if !strings.Contains(strings.Join(byID["114004"], "|"), "'=HYPERLINK(") {
		t.Errorf("formula text not kept as text: %q", byID["114004"])
	}
	summary := flatten(sheets["Summary"])
	for _, s := range []string{"Parents' views 2026", "q2. Which of these do you use?", "Forum,2,66.7", "Mean / median,8.67,9"} {
		if !strings.Contains(summary, s) {
			t.Errorf("summary lacks %q:\n%s", s, summary)
		}
	}
	if !strings.Contains(flatten(sheets["Timeline"]), "2026-11-20,1") {
		t.Errorf("timeline %q", sheets["Timeline"])
	}
}

func TestExportWithoutSharingHasNoIdentity(t *testing.T) {
	f := newFixture(t)
	sv := f.create(t, func(d *Details) { d.Sharing = SharingNone })
	if _, err := f.svc.Import(f.ctx, sv.ID, "sm.csv", "", readFixture(t, "valid/surveymonkey.csv"), nil); err != nil {
		t.Fatal(err)
	}
	wb, err := f.svc.ExportXLSX(f.ctx, sv.ID, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(unzipAll(t, wb.Data), []byte("example.com")) {
		t.Fatal("an email address is in the export of a survey that shares nothing")
	}
}

func flatten(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, ",") + "\n")
	}
	return b.String()
}

func countCharts(t *testing.T, data []byte) int {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/charts/chart") {
			n++
		}
	}
	return n
}

func unzipAll(t *testing.T, data []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		out.ReadFrom(rc)
		rc.Close()
	}
	return out.Bytes()
}

// convertWithLibreOffice converts every sheet of a workbook to CSV with soffice and returns them by name.
func convertWithLibreOffice(t *testing.T, data []byte) map[string][][]string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed: scripts/install-deps.sh test installs it")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "export.xlsx")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	sheets := map[string][][]string{}
	for _, name := range []string{"Summary", "Timeline", "Responses"} {
		body, err := os.ReadFile(filepath.Join(dir, "export-"+name+".csv"))
		if err != nil {
			t.Fatalf("LibreOffice wrote no %s sheet: %v", name, err)
		}
		r := csv.NewReader(bytes.NewReader(body))
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("read %s: %v", name, err)
		}
		sheets[name] = rows
	}
	return sheets
}
