package exports

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestLibreOfficeEvaluatesRealFormulas shows the read-back test can see an evaluated formula: a real
// formula cell comes back as its result, so the export's "=1+1" coming back as typed is meaningful.
func TestLibreOfficeEvaluatesRealFormulas(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetCellFormula("Sheet1", "A1", "=1+1"); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "formula.xlsx")
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
	if got := sofficeSheets(t, out)["Sheet1"][0][0]; got != "2" {
		t.Fatalf("LibreOffice read a formula =1+1 as %q, want 2", got)
	}
}

func TestExportContinuesOnFurtherSheets(t *testing.T) {
	f := newFixture(t)
	f.svc.perSheet = 3
	p := f.partner(t)
	var emails []string
	for i := 1; i <= 8; i++ {
		e := fmt.Sprintf("p%d@example.com", i)
		emails = append(emails, e)
		f.src.people["c1"] = append(f.src.people["c1"], person{"email": e, "postcode": fmt.Sprintf("AB%d 1CD", i)})
	}
	f.consent(t, p.Purpose, true, emails...)
	r := f.approved(t, p, "email", "postcode")
	out := filepath.Join(t.TempDir(), "many.xlsx")
	res, err := f.svc.Run(f.ctx, r.ID, RunOptions{Out: out})
	if err != nil {
		t.Fatal(err)
	}
	if res.Sheets != 3 || res.Rows != 8 {
		t.Fatalf("sheets %d rows %d, want 3 and 8", res.Sheets, res.Rows)
	}
	sheets := sofficeSheets(t, out)
	if names := sheetNames(sheets); !slices.Equal(names, []string{"People", "People 2", "People 3", "Summary"}) {
		t.Fatalf("sheets %v", names)
	}
	var got []string
	for _, name := range []string{"People", "People 2", "People 3"} {
		rows := sheets[name]
		if !slices.Equal(rows[0], []string{"Email", "Postcode"}) {
			t.Fatalf("%s header %q", name, rows[0])
		}
		for _, r := range rows[1:] {
			got = append(got, r[0])
		}
	}
	if !slices.Equal(got, emails) {
		t.Fatalf("rows across sheets %v, want %v", got, emails)
	}
	summary := map[string]string{}
	for _, r := range sheets["Summary"] {
		summary[r[0]] = r[1]
	}
	if summary["People included"] != "8" || summary["Approved by"] == "" || !strings.Contains(summary["Consent rule"], p.Purpose) {
		t.Fatalf("summary %v", summary)
	}
}

func TestPasswordProtectedExportOpensOnlyWithItsPassword(t *testing.T) {
	f := newFixture(t)
	p := f.partner(t)
	f.src.people["c1"] = []person{{"email": "a@example.com", "first_name": "Ann"}}
	f.consent(t, p.Purpose, true, "a@example.com")
	r := f.approved(t, p, "first_name", "email")
	out := filepath.Join(t.TempDir(), "secret.xlsx")
	res, err := f.svc.Run(f.ctx, r.ID, RunOptions{Out: out, GeneratePassword: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Password) != 20 || !res.Request.Encrypted {
		t.Fatalf("password %q encrypted %v", res.Password, res.Request.Encrypted)
	}
	if x, err := excelize.OpenFile(out); err == nil {
		x.Close()
		t.Fatal("excelize opened the encrypted export without its password")
	}
	x, err := excelize.OpenFile(out, excelize.Options{Password: res.Password})
	if err != nil {
		t.Fatalf("open with the password: %v", err)
	}
	defer x.Close()
	if v, _ := x.GetCellValue("People", "A2"); v != "Ann" {
		t.Fatalf("A2 %q", v)
	}
	id, err := x.GetCellStyle("People", "B2")
	if err != nil {
		t.Fatal(err)
	}
	if st, err := x.GetStyle(id); err != nil || st.NumFmt != textFormat {
		t.Fatalf("B2 style %+v %v: want the Text format", st, err)
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("LibreOffice is not installed")
	}
	dir := t.TempDir()
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+t.TempDir(), "--headless", "--norestore",
		"--convert-to", "csv", "--outdir", dir, out)
	done := make(chan struct{})
	go func() { cmd.Run(); close(done) }()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatal("soffice hung on the encrypted export")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("LibreOffice read the encrypted export without its password: %v", entries)
	}
}

// failingFiles writes up to limit bytes, then fails as a full disk does.
type failingFiles struct{ limit int }

type failingFile struct {
	*os.File
	left int
}

func (f failingFiles) CreateTemp(dir, pattern string) (file, error) {
	fh, err := os.CreateTemp(dir, pattern)
	return &failingFile{File: fh, left: f.limit}, err
}

func (f *failingFile) Write(b []byte) (int, error) {
	if len(b) > f.left {
		n, _ := f.File.Write(b[:f.left])
		f.left = 0
		return n, &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	f.left -= len(b)
	return f.File.Write(b)
}

func TestFailedExportLeavesNoFile(t *testing.T) {
	for _, limit := range []int{0, 100, 4000} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			f := newFixture(t)
			f.svc.files = failingFiles{limit: limit}
			p := f.partner(t)
			var emails []string
			for i := 0; i < 500; i++ {
				e := fmt.Sprintf("p%d@example.com", i)
				f.src.people["c1"] = append(f.src.people["c1"], person{"email": e, "first_name": strings.Repeat("x", 50)})
				emails = append(emails, e)
			}
			f.consentMany(t, p.Purpose, emails)
			r := f.approved(t, p, "first_name", "email")
			dir := t.TempDir()
			_, err := f.svc.Run(f.ctx, r.ID, RunOptions{Out: filepath.Join(dir, "full.xlsx")})
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("run on a full disk: %v, want ENOSPC", err)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Fatalf("a failed export left %v", entries)
			}
			if got, _ := f.svc.Request(f.ctx, r.ID); got.Status != Approved {
				t.Fatalf("status %s after a failed run, want approved (it may run again)", got.Status)
			}
		})
	}
}

// TestFullTmpfsLeavesNoFile fills a real 64 KiB tmpfs when this machine lets the test mount one (root).
func TestFullTmpfsLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=64k"); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v): TestFailedExportLeavesNoFile covers a full disk", err)
	}
	defer syscall.Unmount(dir, 0)
	f := newFixture(t)
	p := f.partner(t)
	for i := 0; i < 3000; i++ {
		e := fmt.Sprintf("person-%05d@example.com", i)
		f.src.people["c1"] = append(f.src.people["c1"], person{"email": e, "first_name": fmt.Sprintf("%x", sha256.Sum256([]byte(e)))})
	}
	emails := make([]string, 0, 3000)
	for _, p := range f.src.people["c1"] {
		emails = append(emails, p["email"])
	}
	f.consentMany(t, p.Purpose, emails)
	r := f.approved(t, p, "first_name", "email")
	_, err := f.svc.Run(f.ctx, r.ID, RunOptions{Out: filepath.Join(dir, "full.xlsx")})
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("run on a full tmpfs: %v, want ENOSPC", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("a failed export left %v", entries)
	}
}

func FuzzNeutralise(f *testing.F) {
	for _, v := range tricky {
		f.Add(v.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Neutralise(s)
		if strings.ContainsFunc(got, isControl) {
			t.Fatalf("Neutralise(%q) = %q keeps a control character", s, got)
		}
		if Neutralise(got) != got {
			t.Fatalf("Neutralise is not idempotent on %q", s)
		}
		if !strings.ContainsFunc(s, isControl) && got != s {
			t.Fatalf("Neutralise changed %q to %q", s, got)
		}
	})
}
