package exports

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
	"staffdesk/backend/benchproc"
	"staffdesk/backend/clock"
	"staffdesk/backend/privacy"
	"staffdesk/backend/store"
)

// benchRows is the export size: 100,000 by default so a `make bench` round stays short;
// STAFFDESK_BENCH_EXPORT_ROWS=1000000 measures the million rows (about 3 minutes here).
func benchRows() int {
	if n, err := strconv.Atoi(os.Getenv("STAFFDESK_BENCH_EXPORT_ROWS")); err == nil && n > 0 {
		return n
	}
	return 100000
}

var benchFields = []string{"first_name", "surname", "email", "address_line1", "postcode", "county", "country", "phone",
	"date_of_birth", "child_age_band", "answers", "entered_at"}

var (
	benchFirst = []string{"Amelia", "Olivia", "Siân", "Zoë", "Aoife", "Łucja", "Priya", "Oliver", "Dafydd", "Tomás"}
	benchLast  = []string{"Smith", "Jones", "O'Brien", "Ó Súilleabháin", "MacLeod", "Nowak", "Khan", "Patel", "Evans"}
	benchCty   = []string{"Kent", "Essex", "Greater London", "West Yorkshire", "Cardiff", "Glasgow City", "County Antrim"}
	benchBands = []string{"pregnant", "0-1", "1-3", "3-5", "5-11", "11+"}
)

// benchPerson fills the 12 catalogue fields of person i.
func benchPerson(i int, v []string) {
	v[0], v[1] = benchFirst[i%len(benchFirst)], benchLast[i%len(benchLast)]
	v[2] = "person" + strconv.Itoa(i) + "@example.com"
	v[3] = strconv.Itoa(1+i%300) + " High Street"
	v[4] = fmt.Sprintf("SW%d %dAA", 1+i%20, i%10)
	v[5], v[6] = benchCty[i%len(benchCty)], "United Kingdom"
	v[7] = fmt.Sprintf("07700 9%05d", i%100000)
	v[8] = fmt.Sprintf("19%02d-%02d-%02d", 60+i%40, 1+i%12, 1+i%28)
	v[9], v[10] = benchBands[i%len(benchBands)], "Blue, because the sky is"
	v[11] = fmt.Sprintf("2026-03-%02d 10:%02d:00", 1+i%28, i%60)
}

// genSource streams n made-up people of competition "c1" with every catalogue field.
type genSource struct{ n int }

func (genSource) Title(context.Context, string) (string, error) { return "Win a pushchair", nil }

func (g genSource) Stream(ctx context.Context, _ string, fields []string, fn func(string, []string) error) error {
	v := make([]string, len(benchFields))
	for i := 0; i < g.n; i++ {
		benchPerson(i, v)
		if err := fn(v[2], v); err != nil {
			return err
		}
	}
	return nil
}

// benchService is the real export service over db with n people in the source, as cleo.
func benchService(db *store.DB, n int) (*Service, context.Context) {
	c := clock.NewFixed(start)
	au := audit.NewService(db, c)
	v := fakeVerifier{"ade": {ade, "ade-pass"}}
	return NewService(db, au, c, privacy.NewConsentService(db, au, c), v, map[string]Source{"competition": genSource{n}}),
		actor.With(context.Background(), cleo)
}

// seedBench adds the partner and n people's consents for it.
func seedBench(tb testing.TB, db *store.DB, n int) {
	svc, ctx := benchService(db, n)
	_, err := svc.AddPartner(ctx, PartnerInput{Name: "Acme Prams", Fields: benchFields, Sources: []SourceRef{{Kind: "competition", ID: "c1"}}})
	if err != nil {
		tb.Fatal(err)
	}
	cs := privacy.NewConsentService(db, nil, clock.NewFixed(start))
	v := make([]string, len(benchFields))
	for lo := 0; lo < n; lo += 50000 {
		recs := make([]privacy.ConsentInput, 0, 50000)
		for i := lo; i < min(lo+50000, n); i++ {
			benchPerson(i, v)
			recs = append(recs, privacy.ConsentInput{Email: v[2], Purpose: "sponsor_sharing:acme-prams", Given: true,
				SourceKind: privacy.SourceImport, SourceRef: "bench", At: start.Add(-time.Hour)})
		}
		if err := db.Update(ctx, func(tx *sql.Tx) error { return cs.RecordTx(ctx, tx, recs) }); err != nil {
			tb.Fatal(err)
		}
	}
}

// runOnce requests, approves and runs one export of everyone to out.
func runOnce(tb testing.TB, svc *Service, ctx context.Context, out, password string) RunResult {
	r, err := svc.RequestExport(ctx, RequestInput{PartnerID: "acme-prams", Source: SourceRef{Kind: "competition", ID: "c1"}, Fields: benchFields})
	if err == nil {
		r, err = svc.Approve(ctx, r.ID, "ade", "ade-pass")
	}
	if err != nil {
		tb.Fatal(err)
	}
	res, err := svc.Run(ctx, r.ID, RunOptions{Out: out, Password: password})
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// bareExport is the reference: a bare excelize StreamWriter loop writing the same cells.
func bareExport(tb testing.TB, n int, out string) {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	v := make([]string, len(benchFields))
	row := make([]any, len(benchFields))
	for i, h := range headers(benchFields) {
		row[i] = h
	}
	sw.SetRow("A1", row)
	for i := 0; i < n; i++ {
		benchPerson(i, v)
		for j := range v {
			row[j] = v[j]
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.SaveAs(out); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkExport exports benchRows() consented people of 12 fields through Run and, in the same run, the
// same cells through a bare StreamWriter loop; it reports both wall and CPU times, their ratios (goal
// <= 1.2; on a shared machine the CPU ratio is the steadier one) and the peak memory of a child process running the export without and with a password (goal < 250 MB without).
func BenchmarkExport(b *testing.B) {
	n := benchRows()
	dir := b.TempDir()
	path := filepath.Join(dir, "bench.db")
	db := openBenchStore(b, path)
	defer db.Close()
	seedBench(b, db, n)
	svc, ctx := benchService(db, n)
	var ours, bare, oursCPU, bareCPU time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0, c0 := time.Now(), benchproc.CPUTime()
		res := runOnce(b, svc, ctx, filepath.Join(dir, fmt.Sprintf("ours-%d.xlsx", i)), "")
		ours, oursCPU = ours+time.Since(t0), oursCPU+benchproc.CPUTime()-c0
		if res.Rows != n {
			b.Fatalf("exported %d rows, want %d", res.Rows, n)
		}
		t0, c0 = time.Now(), benchproc.CPUTime()
		bareExport(b, n, filepath.Join(dir, fmt.Sprintf("bare-%d.xlsx", i)))
		bare, bareCPU = bare+time.Since(t0), bareCPU+benchproc.CPUTime()-c0
	}
	b.StopTimer()
	b.ReportMetric(ours.Seconds()/float64(b.N), "ours_s")
	b.ReportMetric(bare.Seconds()/float64(b.N), "bare_s")
	b.ReportMetric(float64(ours)/float64(bare), "ratio_vs_bare")
	if bareCPU > 0 {
		b.ReportMetric(oursCPU.Seconds()/float64(b.N), "ours_cpu_s")
		b.ReportMetric(bareCPU.Seconds()/float64(b.N), "bare_cpu_s")
		b.ReportMetric(float64(oursCPU)/float64(bareCPU), "ratio_cpu")
	}
	b.ReportMetric(float64(n), "rows")
	b.ReportMetric(childPeakMB(b, path, n, ""), "peakMB")
	b.ReportMetric(childPeakMB(b, path, n, "bench-password"), "peakMB_password")
}

// childPeakMB runs one export in a child process (this test binary) and returns its peak resident memory.
func childPeakMB(b *testing.B, path string, n int, password string) float64 {
	cmd := exec.Command(os.Args[0], "-test.run=^TestExportMemoryChild$", "-test.v")
	cmd.Env = append(os.Environ(), "STAFFDESK_EXPORT_CHILD="+path, "STAFFDESK_EXPORT_CHILD_ROWS="+strconv.Itoa(n),
		"STAFFDESK_EXPORT_CHILD_PASSWORD="+password)
	out, err := cmd.CombinedOutput()
	if err != nil {
		b.Fatalf("child export: %v\n%s", err, out)
	}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		if kb, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "VmHWM_kB="); ok {
			v, _ := strconv.ParseFloat(kb, 64)
			return v / 1024
		}
	}
	b.Fatalf("child export printed no peak memory:\n%s", out)
	return 0
}

// TestExportMemoryChild is BenchmarkExport's child: it runs one export on the benchmark's store and prints
// the process's peak resident memory (VmHWM). It does nothing unless the benchmark started it.
func TestExportMemoryChild(t *testing.T) {
	path := os.Getenv("STAFFDESK_EXPORT_CHILD")
	if path == "" {
		t.Skip("run by BenchmarkExport only")
	}
	n, _ := strconv.Atoi(os.Getenv("STAFFDESK_EXPORT_CHILD_ROWS"))
	db := openBenchStore(t, path)
	defer db.Close()
	svc, ctx := benchService(db, n)
	res := runOnce(t, svc, ctx, filepath.Join(t.TempDir(), "child.xlsx"), os.Getenv("STAFFDESK_EXPORT_CHILD_PASSWORD"))
	if res.Rows != n {
		t.Fatalf("exported %d rows, want %d", res.Rows, n)
	}
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status here")
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			fmt.Printf("VmHWM_kB=%s\n", strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
		}
	}
}
