// Command benchratio compares two `go test -bench` outputs, the encrypted store (SQLite3 Multiple
// Ciphers) against the plain one (mattn/go-sqlite3's bundled SQLite, the reference), and prints for
// every benchmark the median ns/op of each, their ratio and whether it meets the target (≤1.3x by
// default). Median B/op and any custom metrics (rows/s, MB/s, ...) are printed alongside.
//
// Usage:
//
//	benchratio [-target 1.3] encrypted.txt plain.txt
//
// Each file may hold several runs (-count N or appended outputs): the median of all samples is used.
// The -N GOMAXPROCS suffix is stripped from benchmark names. Benchmarks report, they do not gate: the
// exit status is 0 whether targets are met or missed; it is 1 only when a file cannot be read or the
// two files share no benchmark, and 2 on a usage error.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
)

// Units go test reports itself; every other unit is a custom metric (b.ReportMetric).
const (
	unitNs     = "ns/op"
	unitBytes  = "B/op"
	unitAllocs = "allocs/op"
)

// series holds all samples of one benchmark in one file, keyed by unit.
type series struct {
	pkg     string
	name    string
	samples map[string][]float64
	units   []string // in order of first appearance
}

// result is the parsed content of one `go test -bench` output file.
type result struct {
	byKey map[string]*series
	order []string // keys in order of first appearance
}

// key identifies a benchmark across files: its package and its name without the GOMAXPROCS suffix.
func key(pkg, name string) string { return pkg + "\x00" + name }

var procsSuffix = regexp.MustCompile(`-(\d+)$`)

// parse reads `go test -bench` output. Lines that are not benchmark results (headers, logs, PASS,
// sub-benchmark parents without numbers) are skipped; "pkg:" lines set the package of the results that
// follow. The trailing -N is stripped when every result line in the input carries the same one, which
// is how go test marks GOMAXPROCS (a name such as BenchmarkX/size-1000 run with GOMAXPROCS=1 keeps it).
func parse(r io.Reader) (*result, error) {
	type line struct {
		pkg, name string
		values    []float64
		units     []string
	}
	var lines []line
	pkg := ""
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for sc.Scan() {
		text := sc.Text()
		if p, ok := strings.CutPrefix(text, "pkg: "); ok {
			pkg = strings.TrimSpace(p)
			continue
		}
		f := strings.Fields(text)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || len(f)%2 != 0 {
			continue
		}
		if _, err := strconv.ParseInt(f[1], 10, 64); err != nil {
			continue
		}
		l := line{pkg: pkg, name: f[0]}
		ok := true
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				ok = false
				break
			}
			l.values = append(l.values, v)
			l.units = append(l.units, f[i+1])
		}
		if ok {
			lines = append(lines, l)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}

	strip := len(lines) > 0
	suffix := ""
	for i, l := range lines {
		m := procsSuffix.FindString(l.name)
		if m == "" || (i > 0 && m != suffix) {
			strip = false
			break
		}
		suffix = m
	}

	res := &result{byKey: map[string]*series{}}
	for _, l := range lines {
		name := l.name
		if strip {
			name = strings.TrimSuffix(name, suffix)
		}
		k := key(l.pkg, name)
		s := res.byKey[k]
		if s == nil {
			s = &series{pkg: l.pkg, name: name, samples: map[string][]float64{}}
			res.byKey[k] = s
			res.order = append(res.order, k)
		}
		for i, u := range l.units {
			if _, seen := s.samples[u]; !seen {
				s.units = append(s.units, u)
			}
			s.samples[u] = append(s.samples[u], l.values[i])
		}
	}
	return res, nil
}

// median returns the median of xs, NaN when xs is empty. It does not modify xs.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// medianOf returns the median of one unit of s, NaN when s is nil or lacks the unit.
func medianOf(s *series, unit string) float64 {
	if s == nil {
		return math.NaN()
	}
	return median(s.samples[unit])
}

// verdict says how one benchmark compares with its target.
type verdict string

const (
	verdictMet    verdict = "met"
	verdictMissed verdict = "MISSED"
	verdictNA     verdict = "n/a" // missing in one file, or no usable ns/op
)

// row is one benchmark compared across the two files.
type row struct {
	label       string
	enc, plain  *series
	encNs       float64
	plainNs     float64
	ratio       float64 // encrypted / plain; NaN when not comparable
	verdict     verdict
	encRuns     int
	plainRuns   int
	encBytes    float64
	plainBytes  float64
	customUnits []string
}

// hasPkgs reports whether any benchmark in r has a known package.
func (r *result) hasPkgs() bool {
	for _, s := range r.byKey {
		if s.pkg != "" {
			return true
		}
	}
	return false
}

// withoutPkgs returns r keyed by benchmark name alone (samples of equal names are merged).
func (r *result) withoutPkgs() *result {
	out := &result{byKey: map[string]*series{}}
	for _, k := range r.order {
		s := r.byKey[k]
		nk := key("", s.name)
		m := out.byKey[nk]
		if m == nil {
			m = &series{name: s.name, samples: map[string][]float64{}}
			out.byKey[nk] = m
			out.order = append(out.order, nk)
		}
		for _, u := range s.units {
			if _, seen := m.samples[u]; !seen {
				m.units = append(m.units, u)
			}
			m.samples[u] = append(m.samples[u], s.samples[u]...)
		}
	}
	return out
}

// compare pairs the benchmarks of enc and plain (encrypted file order first, then benchmarks only in
// plain) and judges each ratio against target. When one file lacks "pkg:" lines (output trimmed by
// hand), benchmarks are paired by name alone.
func compare(enc, plain *result, target float64) []row {
	if enc.hasPkgs() != plain.hasPkgs() {
		enc, plain = enc.withoutPkgs(), plain.withoutPkgs()
	}
	keys := slices.Clone(enc.order)
	for _, k := range plain.order {
		if _, ok := enc.byKey[k]; !ok {
			keys = append(keys, k)
		}
	}
	pkgs := map[string]bool{}
	for _, k := range keys {
		s := enc.byKey[k]
		if s == nil {
			s = plain.byKey[k]
		}
		pkgs[s.pkg] = true
	}

	rows := make([]row, 0, len(keys))
	for _, k := range keys {
		r := row{enc: enc.byKey[k], plain: plain.byKey[k]}
		first := r.enc
		if first == nil {
			first = r.plain
		}
		r.label = first.name
		if len(pkgs) > 1 && first.pkg != "" {
			r.label = path.Base(first.pkg) + "." + first.name
		}
		r.encNs, r.plainNs = medianOf(r.enc, unitNs), medianOf(r.plain, unitNs)
		r.encBytes, r.plainBytes = medianOf(r.enc, unitBytes), medianOf(r.plain, unitBytes)
		if r.enc != nil {
			r.encRuns = len(r.enc.samples[unitNs])
		}
		if r.plain != nil {
			r.plainRuns = len(r.plain.samples[unitNs])
		}
		r.ratio = math.NaN()
		r.verdict = verdictNA
		if !math.IsNaN(r.encNs) && !math.IsNaN(r.plainNs) && r.plainNs > 0 {
			r.ratio = r.encNs / r.plainNs
			r.verdict = verdictMissed
			// A small epsilon so that a ratio printed as exactly the target counts as met.
			if r.ratio <= target+1e-9 {
				r.verdict = verdictMet
			}
		}
		seen := map[string]bool{}
		for _, s := range []*series{r.enc, r.plain} {
			if s == nil {
				continue
			}
			for _, u := range s.units {
				if u != unitNs && u != unitBytes && u != unitAllocs && !seen[u] {
					seen[u] = true
					r.customUnits = append(r.customUnits, u)
				}
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// sig3 formats v with about three significant digits and no exponent.
func sig3(v float64) string {
	if math.IsNaN(v) {
		return "-"
	}
	if v == 0 {
		return "0"
	}
	decimals := 2 - int(math.Floor(math.Log10(math.Abs(v))))
	if decimals < 0 {
		decimals = 0
	}
	return strconv.FormatFloat(v, 'f', decimals, 64)
}

// formatNs prints a duration in ns with a readable unit.
func formatNs(ns float64) string {
	switch {
	case math.IsNaN(ns):
		return "-"
	case ns < 1e3:
		return sig3(ns) + "ns"
	case ns < 1e6:
		return sig3(ns/1e3) + "µs"
	case ns < 1e9:
		return sig3(ns/1e6) + "ms"
	default:
		return sig3(ns/1e9) + "s"
	}
}

// formatBytes prints a byte count with a binary unit.
func formatBytes(b float64) string {
	switch {
	case math.IsNaN(b):
		return "-"
	case b < 1024:
		return strconv.FormatFloat(b, 'f', 0, 64) + "B"
	case b < 1024*1024:
		return sig3(b/1024) + "KiB"
	default:
		return sig3(b/(1024*1024)) + "MiB"
	}
}

// formatTarget prints the target as in "≤1.3x".
func formatTarget(target float64) string {
	return "≤" + strconv.FormatFloat(target, 'f', -1, 64) + "x"
}

// report writes the table and the summary line for rows to w.
func report(w io.Writer, rows []row, target float64) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "benchmark\tencrypted\tplain (ref)\tratio\ttarget\tresult\tB/op enc\tB/op plain\truns\tother (encrypted / plain)")
	met, missed, na := 0, 0, 0
	var missedNames []string
	for _, r := range rows {
		ratio := "-"
		if !math.IsNaN(r.ratio) {
			ratio = fmt.Sprintf("%.2fx", r.ratio)
		}
		switch r.verdict {
		case verdictMet:
			met++
		case verdictMissed:
			missed++
			missedNames = append(missedNames, fmt.Sprintf("%s %.2fx", r.label, r.ratio))
		default:
			na++
		}
		var other []string
		for _, u := range r.customUnits {
			other = append(other, fmt.Sprintf("%s %s / %s", u, sig3(medianOf(r.enc, u)), sig3(medianOf(r.plain, u))))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d/%d\t%s\n", r.label, formatNs(r.encNs), formatNs(r.plainNs),
			ratio, formatTarget(target), r.verdict, formatBytes(r.encBytes), formatBytes(r.plainBytes),
			r.encRuns, r.plainRuns, strings.Join(other, ", "))
	}
	tw.Flush()

	summary := fmt.Sprintf("benchratio: %d of %d benchmarks met the %s target (encrypted/plain, median ns/op)",
		met, met+missed, formatTarget(target))
	if missed > 0 {
		summary += "; MISSED: " + strings.Join(missedNames, ", ")
	}
	if na > 0 {
		summary += fmt.Sprintf("; %d not comparable (missing in one file)", na)
	}
	fmt.Fprintln(w, summary)
}

// readFile parses one benchmark output file.
func readFile(name string) (*result, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	res, err := parse(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return res, nil
}

// errNothingToCompare means the two files share no benchmark with an ns/op figure.
var errNothingToCompare = errors.New("no benchmark appears in both files")

// run is main without the exit: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("benchratio", flag.ContinueOnError)
	fs.SetOutput(stderr)
	target := fs.Float64("target", 1.3, "maximum acceptable ratio encrypted/plain")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: benchratio [-target 1.3] encrypted.txt plain.txt")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 2 || *target <= 0 {
		fs.Usage()
		return 2
	}
	enc, err := readFile(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "benchratio:", err)
		return 1
	}
	plain, err := readFile(fs.Arg(1))
	if err != nil {
		fmt.Fprintln(stderr, "benchratio:", err)
		return 1
	}
	rows := compare(enc, plain, *target)
	comparable := 0
	for _, r := range rows {
		if r.verdict != verdictNA {
			comparable++
		}
	}
	if len(rows) > 0 {
		report(stdout, rows, *target)
	}
	if comparable == 0 {
		fmt.Fprintf(stderr, "benchratio: %v (%s: %d benchmarks, %s: %d)\n", errNothingToCompare,
			fs.Arg(0), len(enc.order), fs.Arg(1), len(plain.order))
		return 1
	}
	return 0
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
