package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const encOut = `goos: linux
goarch: amd64
pkg: staffdesk/backend/store
cpu: Some CPU @ 2.00GHz
BenchmarkStoreInsert-2   	     100	  1300000 ns/op	    2048 B/op	      10 allocs/op	   7692 rows/s
BenchmarkStoreQuery-2    	    1000	   110000 ns/op	     512 B/op	       5 allocs/op
BenchmarkStoreOnlyEnc-2  	    1000	      900 ns/op	       0 B/op	       0 allocs/op
PASS
ok  	staffdesk/backend/store	3.1s
goos: linux
pkg: staffdesk/backend/store
BenchmarkStoreInsert-2   	     100	  1400000 ns/op	    2048 B/op	      10 allocs/op	   7142 rows/s
BenchmarkStoreQuery-2    	    1000	   130000 ns/op	     512 B/op	       5 allocs/op
BenchmarkStoreQuery
    store_test.go:42: a log line
BenchmarkStoreInsert-2   	     100	  1200000 ns/op	    1024 B/op	      10 allocs/op	   8333 rows/s
BenchmarkStoreQuery-2    	    1000	   100000 ns/op	     512 B/op	       5 allocs/op
--- FAIL: BenchmarkBroken-2
`

const plainOut = `pkg: staffdesk/backend/store
BenchmarkStoreInsert-2   	     100	  1000000 ns/op	    1024 B/op	      10 allocs/op	  10000 rows/s
BenchmarkStoreQuery-2    	    1000	   100000 ns/op	     512 B/op	       5 allocs/op
BenchmarkStoreInsert-2   	     100	  1000000 ns/op	    1024 B/op	      10 allocs/op	  10000 rows/s
BenchmarkStoreQuery-2    	    1000	   100000 ns/op	     512 B/op	       5 allocs/op
BenchmarkStoreOnlyPlain-2	    1000	      800 ns/op	       0 B/op	       0 allocs/op
`

func mustParse(t *testing.T, s string) *result {
	t.Helper()
	r, err := parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestParse(t *testing.T) {
	r := mustParse(t, encOut)
	tests := []struct {
		name    string
		unit    string
		samples int
		median  float64
	}{
		{"BenchmarkStoreInsert", unitNs, 3, 1300000},
		{"BenchmarkStoreInsert", unitBytes, 3, 2048},
		{"BenchmarkStoreInsert", "rows/s", 3, 7692},
		{"BenchmarkStoreQuery", unitNs, 3, 110000},
		{"BenchmarkStoreOnlyEnc", unitNs, 1, 900},
	}
	for _, tt := range tests {
		s := r.byKey[key("staffdesk/backend/store", tt.name)]
		if s == nil {
			t.Fatalf("%s not parsed; have %q", tt.name, r.order)
		}
		if got := len(s.samples[tt.unit]); got != tt.samples {
			t.Errorf("%s %s: %d samples, want %d", tt.name, tt.unit, got, tt.samples)
		}
		if got := medianOf(s, tt.unit); got != tt.median {
			t.Errorf("%s %s: median %v, want %v", tt.name, tt.unit, got, tt.median)
		}
	}
	if len(r.order) != 3 {
		t.Errorf("order = %q, want 3 benchmarks (log lines and failures skipped)", r.order)
	}
}

func TestSuffixStripping(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"BenchmarkA-8 10 5 ns/op\nBenchmarkB/size-1000-8 10 5 ns/op\n", "BenchmarkB/size-1000"},
		// GOMAXPROCS=1: go test adds no suffix, so a name ending in -N keeps it.
		{"BenchmarkA 10 5 ns/op\nBenchmarkB/size-1000 10 5 ns/op\n", "BenchmarkB/size-1000"},
		{"BenchmarkB/size-1000 10 5 ns/op\n", "BenchmarkB/size"}, // indistinguishable from a suffix
	}
	for _, tt := range tests {
		r := mustParse(t, tt.in)
		if _, ok := r.byKey[key("", tt.want)]; !ok {
			t.Errorf("parse(%q): keys %q, want one for %q", tt.in, r.order, tt.want)
		}
	}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		in   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{3, 1, 2}, 2},
		{[]float64{4, 1, 3, 2}, 2.5},
	}
	for _, tt := range tests {
		if got := median(tt.in); got != tt.want {
			t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if !math.IsNaN(median(nil)) {
		t.Error("median(nil) is not NaN")
	}
}

func TestCompare(t *testing.T) {
	rows := compare(mustParse(t, encOut), mustParse(t, plainOut), 1.3)
	tests := []struct {
		label   string
		ratio   float64
		verdict verdict
	}{
		{"BenchmarkStoreInsert", 1.3, verdictMet}, // exactly at the target
		{"BenchmarkStoreQuery", 1.1, verdictMet},
		{"BenchmarkStoreOnlyEnc", math.NaN(), verdictNA},
		{"BenchmarkStoreOnlyPlain", math.NaN(), verdictNA},
	}
	if len(rows) != len(tests) {
		t.Fatalf("%d rows, want %d", len(rows), len(tests))
	}
	for i, tt := range tests {
		r := rows[i]
		if r.label != tt.label || r.verdict != tt.verdict {
			t.Errorf("row %d = %s %s, want %s %s", i, r.label, r.verdict, tt.label, tt.verdict)
		}
		if math.IsNaN(tt.ratio) != math.IsNaN(r.ratio) || (!math.IsNaN(tt.ratio) && math.Abs(r.ratio-tt.ratio) > 1e-9) {
			t.Errorf("%s ratio = %v, want %v", r.label, r.ratio, tt.ratio)
		}
	}
	if got := compare(mustParse(t, encOut), mustParse(t, plainOut), 1.2)[0].verdict; got != verdictMissed {
		t.Errorf("Insert at target 1.2: %s, want MISSED", got)
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{formatNs(850), "850ns"},
		{formatNs(12345), "12.3µs"},
		{formatNs(1234567), "1.23ms"},
		{formatNs(2.5e9), "2.50s"},
		{formatBytes(512), "512B"},
		{formatBytes(2048), "2.00KiB"},
		{sig3(123456), "123456"},
		{formatTarget(1.3), "≤1.3x"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	enc, plain := filepath.Join(dir, "enc.txt"), filepath.Join(dir, "plain.txt")
	if err := os.WriteFile(enc, []byte(encOut), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(plain, []byte(plainOut), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args     []string
		code     int
		contains []string
	}{
		{[]string{enc, plain}, 0, []string{"BenchmarkStoreInsert", "1.30x", "met", "rows/s 7692 / 10000",
			"benchratio: 2 of 2 benchmarks met the ≤1.3x target", "2 not comparable"}},
		{[]string{"-target", "1.2", enc, plain}, 0, []string{"MISSED", "1 of 2", "MISSED: BenchmarkStoreInsert 1.30x"}},
		{[]string{enc, filepath.Join(dir, "empty.txt")}, 1, nil},
		{[]string{enc}, 2, nil},
	}
	if err := os.WriteFile(filepath.Join(dir, "empty.txt"), []byte("PASS\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		if code := run(tt.args, &out, &errOut); code != tt.code {
			t.Errorf("run(%q) = %d, want %d; stderr %s", tt.args, code, tt.code, errOut.String())
		}
		for _, s := range tt.contains {
			if !strings.Contains(out.String(), s) {
				t.Errorf("run(%q) output lacks %q:\n%s", tt.args, s, out.String())
			}
		}
	}
}

func TestCompareWithoutPkgLines(t *testing.T) {
	plain := strings.TrimPrefix(plainOut, "pkg: staffdesk/backend/store\n")
	rows := compare(mustParse(t, encOut), mustParse(t, plain), 1.3)
	if len(rows) != 4 || rows[0].label != "BenchmarkStoreInsert" || rows[0].verdict != verdictMet {
		t.Fatalf("rows not paired by name: %+v", rows)
	}
}
