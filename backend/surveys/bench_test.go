package surveys

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
	"staffdesk/backend/benchproc"
	"staffdesk/backend/clock"
	"staffdesk/backend/privacy"
)

const benchResponses = 100_000

var benchWords = strings.Fields("the forum helped me so much with sleep feeding weaning nursery school local events app newsletter " +
	"support advice mums dads toddler baby friendly helpful slow adverts search")

// benchDetails is a survey of 20 questions: single and multiple choice, scales, numbers, free text, dates.
func benchDetails() Details {
	d := Details{Title: "Bench", Purpose: "Benchmark", Owner: "bench", RetentionDays: 365, Sharing: SharingConsent, Partner: "Acme"}
	opts := []string{"Never", "Rarely", "Sometimes", "Often", "Always"}
	for i := 1; i <= 20; i++ {
		q := Question{ID: fmt.Sprintf("q%d", i), Text: fmt.Sprintf("Question %d", i)}
		switch i % 6 {
		case 0:
			q.Kind, q.Options = SingleChoice, opts
		case 1:
			q.Kind, q.Options, q.AllowOther = MultipleChoice, []string{"Forum", "App", "Newsletter", "Events"}, true
		case 2:
			q.Kind, q.ScaleMin, q.ScaleMax = Rating, 1, 10
		case 3:
			q.Kind = FreeText
		case 4:
			q.Kind = Number
		case 5:
			q.Kind, q.Options, q.Sensitive = SingleChoice, []string{"Yes", "No"}, i == 5
		}
		d.Questions = append(d.Questions, q)
	}
	return d
}

// benchFile writes n responses to the bench survey in our own CSV.
func benchFile(n int) []byte {
	var b bytes.Buffer
	b.Grow(n * 260)
	b.WriteString("respondent_id,submitted_at,email,first_name,last_name,ip,consent_sharing,consent_sensitive")
	for i := 1; i <= 20; i++ {
		fmt.Fprintf(&b, ",q%d", i)
	}
	b.WriteString("\n")
	opts := []string{"Never", "Rarely", "Sometimes", "Often", "Always"}
	for r := 0; r < n; r++ {
		day := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r) * 77 * time.Second)
		fmt.Fprintf(&b, "R%07d,%s,person%d@example.com,Jo,Bloggs,10.0.%d.%d,%s,%s", r, day.Format(time.RFC3339), r, r%250, r%200,
			[]string{"yes", "no"}[r%2], []string{"yes", "no", "no"}[r%3])
		for i := 1; i <= 20; i++ {
			b.WriteByte(',')
			switch i % 6 {
			case 0:
				b.WriteString(opts[(r+i)%5])
			case 1:
				b.WriteString([]string{"Forum;App", "Newsletter", "Events;Forum", "", "App"}[(r*i)%5])
			case 2:
				b.WriteString(strconv.Itoa(1 + (r*7+i)%10))
			case 3:
				fmt.Fprintf(&b, "%s %s %s", benchWords[r%len(benchWords)], benchWords[(r/3+i)%len(benchWords)], benchWords[(r/7)%len(benchWords)])
			case 4:
				b.WriteString(strconv.Itoa((r + i) % 6))
			case 5:
				b.WriteString([]string{"Yes", "No"}[(r+i)%2])
			}
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// BenchmarkSurveys measures the workload: importing 100k responses to 20 questions (rows per
// second, peak memory), with consents going to the real ledger and without a ledger, and computing their
// results (goal under 1 s). cpu_s figures are the process's CPU time, which a busy machine does not inflate.
func BenchmarkSurveys(b *testing.B) {
	file := benchFile(benchResponses)
	for _, ledger := range []bool{true, false} {
		name := "import100k"
		if !ledger {
			name = "import100k-noledger"
		}
		b.Run(name, func(b *testing.B) { benchImport(b, file, ledger) })
	}
	b.Run("results100k", func(b *testing.B) {
		svc, ctx, done := openBenchService(b)
		defer done()
		sv, err := svc.Create(ctx, benchDetails())
		if err != nil {
			b.Fatal(err)
		}
		if _, err := svc.Import(ctx, sv.ID, "bench.csv", FormatCSV, file, nil); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		cpu := benchproc.CPUTime().Seconds()
		for i := 0; i < b.N; i++ {
			res, err := svc.Results(ctx, sv.ID, Filter{})
			if err != nil || res.Responses != benchResponses {
				b.Fatalf("%v %d", err, res.Responses)
			}
		}
		b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/results")
		b.ReportMetric((benchproc.CPUTime().Seconds()-cpu)/float64(b.N), "cpu_s/results")
	})
}

// benchImport imports the file into a fresh store; without the ledger, consents are not recorded.
func benchImport(b *testing.B, file []byte, ledger bool) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		svc, ctx, done := openBenchService(b)
		if !ledger {
			svc.consents = nil
		}
		sv, err := svc.Create(ctx, benchDetails())
		if err != nil {
			b.Fatal(err)
		}
		benchproc.ResetPeak()
		b.StartTimer()
		start, cpu := time.Now(), benchproc.CPUTime().Seconds()
		rep, err := svc.Import(ctx, sv.ID, "bench.csv", FormatCSV, file, nil)
		if err != nil || rep.Added != benchResponses {
			b.Fatalf("%v %+v", err, rep.Added)
		}
		secs := time.Since(start).Seconds()
		b.ReportMetric(secs, "s/import")
		b.ReportMetric(benchproc.CPUTime().Seconds()-cpu, "cpu_s/import")
		b.ReportMetric(benchResponses/secs, "rows/s")
		b.ReportMetric(benchproc.PeakMB(), "peakMB")
		b.StopTimer()
		done()
		b.StartTimer()
	}
}

func benchService(db benchDB) (*Service, context.Context) {
	clk := clock.NewFixed(time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC))
	au := audit.NewService(db, clk)
	ctx := actor.With(context.Background(), actor.Actor{ID: "bench", Name: "bench", Role: actor.Competitions})
	return NewService(db, au, clk, privacy.NewConsentService(db, au, clk)), ctx
}
