package surveys

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// typed checks and normalises a question's raw values for its type. A value that cannot be read is
// reported by line and column, without the value (import reports are kept and hold no answers), and left
// out (false: nothing to store).
func (c *converter) typed(q *Question, raw []string, other *string, line, col int) ([]string, bool) {
	switch q.Kind {
	case SingleChoice, MultipleChoice:
		vals := c.choices(q, raw, other)
		if q.Kind == SingleChoice && len(vals) > 1 {
			c.addProblem(line, col, fmt.Sprintf("%s takes one answer; kept the first of %d", q.ID, len(vals)))
			vals = vals[:1]
		}
		return vals, true
	case Rating:
		n, ok := leadingInt(raw[0])
		if !ok || n < q.ScaleMin || n > q.ScaleMax {
			c.addProblem(line, col, fmt.Sprintf("%s: the answer is not on the scale %d to %d", q.ID, q.ScaleMin, q.ScaleMax))
			return nil, false
		}
		return []string{strconv.Itoa(n)}, true
	case Number:
		f, err := strconv.ParseFloat(strings.ReplaceAll(raw[0], ",", ""), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			c.addProblem(line, col, fmt.Sprintf("%s: the answer is not a number", q.ID))
			return nil, false
		}
		return []string{strconv.FormatFloat(f, 'f', -1, 64)}, true
	case Date:
		t, ok := parseDateTime(raw[0], c.dayFirst)
		if !ok {
			c.addProblem(line, col, fmt.Sprintf("%s: the answer is not a date", q.ID))
			return nil, false
		}
		return []string{t.Format("2006-01-02")}, true
	}
	return []string{strings.Join(raw, "\n")}, true
}

// choices matches values to the question's options (ignoring case). An unknown value becomes "Other"
// with its text when the question allows it, and is kept as given (and counted) otherwise.
func (c *converter) choices(q *Question, raw []string, other *string) []string {
	out := make([]string, 0, len(raw)+1)
	hasOther := false
	for _, v := range raw {
		if opt, ok := matchOption(q, v); ok {
			out = append(out, opt)
			continue
		}
		if l := strings.ToLower(v); l == "-oth-" || l == "other" || strings.HasPrefix(l, "other (") {
			hasOther = true
			continue
		}
		if q.AllowOther {
			hasOther = true
			if *other == "" {
				*other = v
			}
			continue
		}
		c.unknown++
		out = append(out, v)
	}
	if hasOther || *other != "" {
		out = append(out, otherLabel)
	}
	return out
}

func matchOption(q *Question, v string) (string, bool) {
	for _, o := range q.Options {
		if strings.EqualFold(o, v) {
			return o, true
		}
	}
	return "", false
}

// leadingInt reads "4", "4 - Good" or "4.0".
func leadingInt(v string) (int, bool) {
	v = strings.TrimSpace(v)
	end := 0
	for end < len(v) && (v[end] >= '0' && v[end] <= '9' || (end == 0 && v[end] == '-')) {
		end++
	}
	n, err := strconv.Atoi(v[:end])
	if err != nil {
		return 0, false
	}
	if rest := v[end:]; rest != "" && rest != ".0" && !strings.HasPrefix(rest, " ") {
		return 0, false
	}
	return n, true
}

var isoLayouts = []string{time.RFC3339Nano, "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"}

var slashLayouts = []string{"1/2/2006 3:04:05 PM", "1/2/2006 3:04 PM", "1/2/2006 15:04:05", "1/2/2006 15:04", "1/2/2006",
	"1-2-06 15:04", "1/2/06 15:04", "1/2/06"}

// parseDateTime reads ISO dates and times, and slashed dates month first (SurveyMonkey's export) or day
// first (UK, everything else). Times without a zone are UTC. An XLSX serial number is read as a date.
func parseDateTime(v string, dayFirst bool) (time.Time, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, false
	}
	for _, l := range isoLayouts {
		if t, err := time.Parse(l, v); err == nil {
			return t.UTC(), true
		}
	}
	for _, l := range slashLayouts {
		if dayFirst {
			l = strings.Replace(strings.Replace(l, "1", "X", 1), "2", "1", 1)
			l = strings.Replace(l, "X", "2", 1)
		}
		if t, err := time.Parse(l, v); err == nil {
			return t.UTC(), true
		}
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil && f > 20000 && f < 80000 {
		base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
		return base.Add(time.Duration(f * float64(24*time.Hour))).Round(time.Second), true
	}
	return time.Time{}, false
}
