package competitions

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
	"staffdesk/backend/benchproc"
	"staffdesk/backend/clock"
	"staffdesk/backend/competitions/draw"
)

const benchEntries = 1_000_000

// benchFile writes n entries: about 3% repeat an earlier person (Gmail dots and +tags), 2% answer wrongly,
// 1% are under age and 1% use a staff address.
func benchFile(n int) []byte {
	var b bytes.Buffer
	b.Grow(n * 130)
	b.WriteString(csvHeader)
	for i := 1; i <= n; i++ {
		email, answer, dob := "person"+strconv.Itoa(i)+"@example.com", "blue", "1988-07-14"
		switch i % 100 {
		case 1, 2, 3:
			email = fmt.Sprintf("p.e.r.s.o.n%d+again@gmail.com", i/2)
		case 4, 5:
			answer = "green"
		case 6:
			dob = "2012-01-01"
		case 7:
			email = "someone" + strconv.Itoa(i) + "@staff.example"
		case 8, 9, 10:
			email = fmt.Sprintf("person%d@gmail.com", i/2)
		}
		fmt.Fprintf(&b, "E%07d,2026-03-%02dT%02d:%02d:00Z,Jo,Bloggs,%s,%s,SW1A %dAA,Kent,UK,%s,no,web\n",
			i, 2+i%28, i%24, i%60, email, dob, i%10, answer)
	}
	return b.Bytes()
}

// BenchmarkCompetitions measures the workload on 1M entries: the whole pipeline (CSV import,
// dedupe, eligibility, commit, a draw of 10 winners and 10 reserves; goal under 10 s and 500 MB peak
// memory), and the draw alone on a frozen 1M list (goal under 1 s).
func BenchmarkCompetitions(b *testing.B) {
	file := benchFile(benchEntries)
	b.Run("pipeline1M", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			svc, ctx, clk, done := openBenchService(b)
			benchproc.ResetPeak()
			b.StartTimer()
			start := time.Now()
			runPipeline(b, svc, ctx, clk, file)
			b.ReportMetric(time.Since(start).Seconds(), "s/pipeline")
			b.ReportMetric(benchproc.PeakMB(), "peakMB")
			b.StopTimer()
			done()
			b.StartTimer()
		}
	})
	b.Run("draw1M", func(b *testing.B) {
		entries := make([]draw.Entry, benchEntries)
		for i := range entries {
			entries[i] = draw.Entry{ID: fmt.Sprintf("E%07d", i), Weight: 1}
		}
		list, _ := draw.EncodeList(entries)
		seed := bytes.Repeat([]byte{9}, draw.SeedSize)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := draw.RunList(context.Background(), list, seed, "lotto", 10, 10); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/draw")
	})
}

func runPipeline(b *testing.B, svc *Service, ctx context.Context, clk *clock.Fixed, file []byte) {
	c, err := svc.Create(ctx, Details{Title: "Bench", Sponsor: "Acme", Prize: "Cot",
		OpensAt: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), ClosesAt: time.Date(2026, 3, 31, 23, 0, 0, 0, time.UTC),
		Question: "Sky?", Answer: "Blue", Winners: 10, Reserves: 10, ClaimDays: 14, RetentionDays: 30,
		Rules: Rules{MinAge: 18, ExcludedDomains: []string{"staff.example"}}})
	if err == nil {
		_, err = svc.OpenForEntries(ctx, c.ID)
	}
	if err != nil {
		b.Fatal(err)
	}
	rep, err := svc.Import(ctx, c.ID, "bench.csv", file)
	if err != nil {
		b.Fatal(err)
	}
	clk.Advance(30 * 24 * time.Hour)
	st, err := svc.Commit(ctx, c.ID)
	if err != nil {
		b.Fatal(err)
	}
	if st, err = svc.Run(ctx, c.ID, "lotto"); err != nil || len(st.Winners) != 10 || len(st.Reserves) != 10 {
		b.Fatalf("draw: %v %+v", err, st.Winners)
	}
	clk.Advance(-30 * 24 * time.Hour)
	b.ReportMetric(float64(rep.Totals.Eligible), "eligible")
}

func benchService(b *testing.B, db benchDB) (*Service, context.Context, *clock.Fixed) {
	clk := clock.NewFixed(time.Date(2026, 3, 15, 9, 0, 0, 0, time.UTC))
	svc := NewService(db, audit.NewService(db, clk), clk)
	ctx := actor.With(context.Background(), actor.Actor{ID: "bench", Name: "bench", Role: actor.Competitions})
	return svc, ctx, clk
}
