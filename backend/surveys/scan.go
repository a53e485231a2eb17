package surveys

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"runtime"
	"sort"
	"sync"
)

// chunkRows is how many rows the reader hands to a tallying goroutine at once.
const chunkRows = 2048

// chunk is consecutive rows of a scan: each row's day and encoded answers, the first at position first.
type chunk struct {
	first int
	days  []string
	encs  []string
}

// compute scans every respondent's answers once: this goroutine reads rows while up to four others tally
// them, and their tallies are merged.
func compute(ctx context.Context, tx *sql.Tx, sv Survey, f Filter) (Results, error) {
	workers := max(1, min(runtime.GOMAXPROCS(0), 4))
	chunks := make(chan chunk, workers*2)
	tallies := make([]*tally, workers)
	var wg sync.WaitGroup
	for i := range tallies {
		t := newTally(sv.Details.Questions)
		tallies[i] = t
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range chunks {
				for j := range c.encs {
					t.seq = c.first + j
					t.row(c.days[j], c.encs[j], f)
				}
			}
		}()
	}
	total, err := readChunks(ctx, tx, sv.ID, chunks)
	wg.Wait()
	if err != nil {
		return Results{}, err
	}
	t := mergeTallies(tallies)
	return Results{SurveyID: sv.ID, Title: sv.Details.Title, Responses: t.responses, Total: total, Filter: f,
		Questions: t.results(), Timeline: t.timeline(), SmallGroup: t.responses < SmallGroup}, nil
}

// readChunks sends a survey's rows in chunks and closes out; it returns the number of rows read.
func readChunks(ctx context.Context, tx *sql.Tx, surveyID string, out chan<- chunk) (int, error) {
	defer close(out)
	rows, err := tx.QueryContext(ctx, `SELECT submitted_at, answers FROM surveys_respondents WHERE survey_id = ?`, surveyID)
	if err != nil {
		return 0, fmt.Errorf("read responses: %w", err)
	}
	defer rows.Close()
	var submitted, enc sql.RawBytes
	c, total := chunk{}, 0
	for rows.Next() {
		if err := rows.Scan(&submitted, &enc); err != nil {
			return 0, fmt.Errorf("read responses: %w", err)
		}
		c.days, c.encs = append(c.days, string(submitted[:min(10, len(submitted))])), append(c.encs, string(enc))
		if total++; len(c.encs) == chunkRows {
			if ctx.Err() != nil {
				return 0, ctx.Err()
			}
			out <- c
			c = chunk{first: total}
		}
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("read responses: %w", err)
	}
	if len(c.encs) > 0 {
		out <- c
	}
	return total, nil
}

// mergeTallies adds every tally into the first.
func mergeTallies(ts []*tally) *tally {
	t := ts[0]
	for _, o := range ts[1:] {
		t.responses += o.responses
		for d, n := range o.days {
			t.days[d] += n
		}
		for i, a := range t.accs {
			b := o.accs[i]
			a.shown, a.answered = a.shown+b.shown, a.answered+b.answered
			addCounts(a.counts, b.counts)
			addCounts(a.words, b.words)
			a.nums = append(a.nums, b.nums...)
			a.samples, a.others = append(a.samples, b.samples...), append(a.others, b.others...)
		}
	}
	return t
}

func addCounts(into, from map[string]int) {
	if len(into) == 0 {
		maps.Copy(into, from)
		return
	}
	for k, n := range from {
		into[k] += n
	}
}

// firstTexts returns the texts of the n earliest rows.
func firstTexts(list []seqText, n int) []string {
	sort.Slice(list, func(i, j int) bool { return list[i].seq < list[j].seq })
	out := make([]string, 0, min(n, len(list)))
	for _, s := range list[:min(n, len(list))] {
		out = append(out, s.text)
	}
	return out
}
