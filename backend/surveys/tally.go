package surveys

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

const (
	maxSamples = 5
	maxOthers  = 20
	maxWords   = 30
	numberBins = 10
)

// acc accumulates one question's answers.
type acc struct {
	q        Question
	shown    int
	answered int
	counts   map[string]int
	nums     []float64
	words    map[string]int
	samples  []seqText
	others   []seqText
}

// seqText is a text answer with its row's position in the scan, so merged samples stay the first ones.
type seqText struct {
	seq  int
	text string
}

// tally accumulates a whole survey's answers, row by row.
type tally struct {
	accs      []*acc
	byID      map[string]*acc
	days      map[string]int
	responses int
	row0      []pair
	seq       int
}

type pair struct{ q, vals string }

func newTally(qs []Question) *tally {
	t := &tally{byID: map[string]*acc{}, days: map[string]int{}}
	for _, q := range qs {
		a := &acc{q: q, counts: map[string]int{}, words: map[string]int{}}
		t.accs = append(t.accs, a)
		t.byID[q.ID] = a
	}
	return t
}

// row adds one respondent's answers when the filter keeps them.
func (t *tally) row(day, enc string, f Filter) {
	if f.Question != "" && !matches(enc, f) {
		return
	}
	t.responses++
	t.days[day]++
	t.row0 = t.row0[:0]
	eachAnswer(enc, func(q, vals string) { t.row0 = append(t.row0, pair{q, vals}) })
	for _, a := range t.accs {
		if a.q.ShowIf.Question == "" || t.has(a.q.ShowIf) {
			a.shown++
		}
	}
	for _, p := range t.row0 {
		if a, ok := t.byID[p.q]; ok {
			a.add(p.vals, t.seq)
		} else if base, ok := strings.CutSuffix(p.q, otherSuffix); ok {
			if a, ok := t.byID[base]; ok && len(a.others) < maxOthers {
				a.others = append(a.others, seqText{t.seq, p.vals})
			}
		}
	}
}

func (t *tally) has(c Condition) bool {
	for _, p := range t.row0 {
		if p.q == c.Question {
			found := false
			eachValue(p.vals, func(v string) { found = found || strings.EqualFold(v, c.Answer) })
			return found
		}
	}
	return false
}

func (a *acc) add(vals string, seq int) {
	a.answered++
	switch a.q.Kind {
	case SingleChoice, MultipleChoice:
		eachValue(vals, func(v string) { a.counts[v]++ })
	case Rating, Number:
		if f, err := strconv.ParseFloat(vals, 64); err == nil {
			a.nums = append(a.nums, f)
		}
	case Date:
		a.counts[vals[:min(7, len(vals))]]++
	case FreeText:
		countWords(vals, a.words)
		if len(a.samples) < maxSamples {
			a.samples = append(a.samples, seqText{seq, vals})
		}
	}
}

func (t *tally) results() []QuestionResult {
	out := make([]QuestionResult, 0, len(t.accs))
	for _, a := range t.accs {
		r := QuestionResult{ID: a.q.ID, Text: a.q.Text, Kind: a.q.Kind, Sensitive: a.q.Sensitive, Shown: a.shown,
			Answered: a.answered, Options: []OptionCount{}, Histogram: []Bin{}, Words: []WordCount{},
			Samples: firstTexts(a.samples, maxSamples), OtherTexts: firstTexts(a.others, maxOthers), SmallGroup: a.answered < SmallGroup}
		switch a.q.Kind {
		case SingleChoice, MultipleChoice, Date:
			r.Options = a.options()
		case Rating, Number:
			a.stats(&r)
		case FreeText:
			r.Words = topWords(a.words, maxWords)
		}
		out = append(out, r)
	}
	return out
}

// options lists the question's own options first (even unchosen ones), "Other" when allowed, then any
// other answers by count.
func (a *acc) options() []OptionCount {
	var labels []string
	seen := map[string]bool{}
	for _, o := range a.q.Options {
		labels, seen[o] = append(labels, o), true
	}
	if a.q.AllowOther && !seen[otherLabel] {
		labels, seen[otherLabel] = append(labels, otherLabel), true
	}
	var extra []string
	for l := range a.counts {
		if !seen[l] {
			extra = append(extra, l)
		}
	}
	sort.Slice(extra, func(i, j int) bool {
		if a.q.Kind == Date || a.counts[extra[i]] == a.counts[extra[j]] {
			return extra[i] < extra[j]
		}
		return a.counts[extra[i]] > a.counts[extra[j]]
	})
	out := make([]OptionCount, 0, len(labels)+len(extra))
	for _, l := range append(labels, extra...) {
		out = append(out, OptionCount{Label: l, Count: a.counts[l], Percent: percent(a.counts[l], a.answered)})
	}
	return out
}

func percent(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return math.Round(float64(n)*1000/float64(of)) / 10
}

// stats fills mean, median, range and the histogram: one bar per scale point, or ten equal bins.
func (a *acc) stats(r *QuestionResult) {
	if len(a.nums) == 0 {
		if a.q.Kind == Rating {
			r.Histogram = scaleBins(a.q, nil)
		}
		return
	}
	sort.Float64s(a.nums)
	sum := 0.0
	for _, v := range a.nums {
		sum += v
	}
	n := len(a.nums)
	r.HasStats, r.Mean, r.Min, r.Max = true, round2(sum/float64(n)), a.nums[0], a.nums[n-1]
	if n%2 == 1 {
		r.Median = a.nums[n/2]
	} else {
		r.Median = round2((a.nums[n/2-1] + a.nums[n/2]) / 2)
	}
	if a.q.Kind == Rating {
		r.Histogram = scaleBins(a.q, a.nums)
		return
	}
	r.Histogram = numberHistogram(a.nums)
}

func scaleBins(q Question, sorted []float64) []Bin {
	bins := make([]Bin, 0, q.ScaleMax-q.ScaleMin+1)
	for v := q.ScaleMin; v <= q.ScaleMax; v++ {
		bins = append(bins, Bin{Label: strconv.Itoa(v), From: float64(v), To: float64(v)})
	}
	for _, v := range sorted {
		if i := int(v) - q.ScaleMin; i >= 0 && i < len(bins) {
			bins[i].Count++
		}
	}
	return bins
}

// numberHistogram splits [min, max] into ten equal bins (the last includes max).
func numberHistogram(sorted []float64) []Bin {
	lo, hi := sorted[0], sorted[len(sorted)-1]
	if lo == hi {
		return []Bin{{Label: fmtNum(lo), From: lo, To: hi, Count: len(sorted)}}
	}
	width := (hi - lo) / numberBins
	bins := make([]Bin, numberBins)
	for i := range bins {
		from, to := lo+float64(i)*width, lo+float64(i+1)*width
		bins[i] = Bin{Label: fmt.Sprintf("%s–%s", fmtNum(from), fmtNum(to)), From: from, To: to}
	}
	for _, v := range sorted {
		bins[min(int((v-lo)/width), numberBins-1)].Count++
	}
	return bins
}

func fmtNum(f float64) string { return strconv.FormatFloat(round2(f), 'f', -1, 64) }

func round2(f float64) float64 { return math.Round(f*100) / 100 }

func (t *tally) timeline() []DayCount {
	out := make([]DayCount, 0, len(t.days))
	for d, n := range t.days {
		out = append(out, DayCount{Date: d, Count: n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}
