package surveys

import (
	"sort"
	"strings"
)

// respondent is one row of a file, converted.
type respondent struct {
	line                                  int
	id, collector, email, first, last, ip string
	started, submitted                    string
	sharing, sensitive                    bool
	answers                               []answer
	sensitiveDropped                      int
}

// AnswerProblem is an answer that could not be read; the row is still imported without it.
type AnswerProblem struct {
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Problem string `json:"problem"`
}

// qgroup is a group of columns mapped to one question, in the survey's question order.
type qgroup struct {
	g     group
	q     *Question
	order int
}

// converter turns rows into respondents under one mapping.
type converter struct {
	lay        layout
	details    Details
	fieldCol   map[string]int
	sharing    []group
	sensitive  []group
	questions  []qgroup
	unknown    int
	problems   []AnswerProblem
	nProblems  int
	dayFirst   bool
	hasConsent [2]bool
}

const problemCap = 200

func newConverter(lay layout, d Details, targets []string) (*converter, error) {
	c := &converter{lay: lay, details: d, fieldCol: map[string]int{}, dayFirst: lay.format != FormatSurveyMonkey}
	order := map[string]int{}
	for i, q := range d.Questions {
		order[q.ID] = i
	}
	for i, g := range lay.groups {
		t := targets[i]
		switch {
		case strings.HasPrefix(t, fieldPrefix):
			if _, dup := c.fieldCol[t[len(fieldPrefix):]]; !dup {
				c.fieldCol[t[len(fieldPrefix):]] = g.cols[0]
			}
		case t == TargetConsentSharing:
			c.sharing, c.hasConsent[0] = append(c.sharing, g), true
		case t == TargetConsentSensitive:
			c.sensitive, c.hasConsent[1] = append(c.sensitive, g), true
		case strings.HasPrefix(t, questionPrefix):
			id := t[len(questionPrefix):]
			c.questions = append(c.questions, qgroup{g: g, q: findQuestion(d.Questions, id), order: order[id]})
		}
	}
	if _, ok := c.fieldCol[fieldRespondent]; !ok {
		return nil, invalid("map a column to the respondent id: re-import by respondent id needs it")
	}
	sort.SliceStable(c.questions, func(i, j int) bool { return c.questions[i].order < c.questions[j].order })
	return c, nil
}

// convert reads one data row. A row without a submission date is incomplete (nil, nil); a row whose
// respondent id or submission date cannot be read refuses the whole file.
func (c *converter) convert(fields []string, line int) (*respondent, error) {
	for i := c.lay.width; i < len(fields); i++ {
		if strings.TrimSpace(fields[i]) != "" {
			return nil, malformed("line %d, column %d: the row has more fields than the header (%d)", line, i+1, c.lay.width)
		}
	}
	r := &respondent{line: line}
	col := c.fieldCol[fieldRespondent]
	if r.id = strings.TrimSpace(cell(fields, col)); r.id == "" {
		return nil, malformed("line %d, column %d: the respondent id is empty", line, col+1)
	}
	if col, ok := c.fieldCol[fieldSubmitted]; ok {
		v := strings.TrimSpace(cell(fields, col))
		if v == "" {
			return nil, nil
		}
		t, ok := parseDateTime(v, c.dayFirst)
		if !ok {
			return nil, malformed("line %d, column %d: %q is not a date and time", line, col+1, v)
		}
		r.submitted = ts(t)
	}
	r.started = c.timeField(fields, fieldStarted)
	if r.submitted == "" {
		if r.submitted = r.started; r.submitted == "" {
			return nil, nil
		}
	}
	r.collector, r.first, r.last = c.field(fields, fieldCollector), c.field(fields, fieldFirst), c.field(fields, fieldLast)
	r.email = strings.ToLower(c.field(fields, fieldEmail))
	if c.details.KeepIP {
		r.ip = c.field(fields, fieldIP)
	}
	r.sharing, r.sensitive = c.ticked(c.sharing, fields), c.ticked(c.sensitive, fields)
	for _, qg := range c.questions {
		c.addAnswer(r, qg, fields)
	}
	return r, nil
}

func (c *converter) field(fields []string, name string) string {
	if col, ok := c.fieldCol[name]; ok {
		return strings.TrimSpace(cell(fields, col))
	}
	return ""
}

func (c *converter) timeField(fields []string, name string) string {
	if t, ok := parseDateTime(c.field(fields, name), c.dayFirst); ok {
		return ts(t)
	}
	return ""
}

// ticked reports whether any consent column of the groups holds a tick.
func (c *converter) ticked(gs []group, fields []string) bool {
	for _, g := range gs {
		for _, col := range g.cols {
			if v := strings.TrimSpace(cell(fields, col)); v != "" && !isNo(v) {
				return true
			}
		}
	}
	return false
}

func isNo(v string) bool {
	switch strings.ToLower(v) {
	case "n", "no", "0", "false", "not ticked", "unticked", "not selected", "-":
		return true
	}
	return false
}

func isYes(v string) bool {
	switch strings.ToLower(v) {
	case "y", "yes", "1", "true", "ticked", "selected", "x":
		return true
	}
	return false
}

func (c *converter) addProblem(line, col int, text string) {
	c.nProblems++
	if len(c.problems) < problemCap {
		c.problems = append(c.problems, AnswerProblem{Line: line, Column: col + 1, Problem: text})
	}
}

// addAnswer reads one question's columns; a sensitive answer without explicit consent is dropped.
func (c *converter) addAnswer(r *respondent, qg qgroup, fields []string) {
	raw, other, firstCol := c.rawValues(qg, fields)
	if qg.q.Kind != SingleChoice && qg.q.Kind != MultipleChoice && other != "" {
		raw, other = append(raw, other), ""
	}
	if len(raw) == 0 && other == "" {
		return
	}
	if qg.q.Sensitive && !r.sensitive {
		r.sensitiveDropped++
		return
	}
	values, ok := c.typed(qg.q, raw, &other, r.line, firstCol)
	if !ok || (len(values) == 0 && other == "") {
		return
	}
	if n := len(r.answers); n > 0 && r.answers[n-1].question == qg.q.ID {
		r.answers[n-1].values = append(r.answers[n-1].values, values...)
	} else {
		r.answers = append(r.answers, answer{question: qg.q.ID, values: values})
	}
	if other != "" {
		r.answers = append(r.answers, answer{question: qg.q.ID + otherSuffix, values: []string{other}})
	}
}

// rawValues collects a group's non-empty cells: option columns give their label when ticked, answer
// columns their text, and an "Other (please specify)" column the other text.
func (c *converter) rawValues(qg qgroup, fields []string) (vals []string, other string, firstCol int) {
	firstCol = qg.g.cols[0]
	for k, col := range qg.g.cols {
		v := strings.TrimSpace(cell(fields, col))
		if v == "" {
			continue
		}
		sub := norm(qg.g.subs[k])
		switch {
		case strings.HasPrefix(sub, "other") || sub == "comment":
			other = v
		case sub == "" || sub == "response" || sub == "open-ended response":
			if qg.q.Kind == MultipleChoice && c.lay.format != FormatSurveyMonkey {
				vals = append(vals, splitMulti(v)...)
			} else {
				vals = append(vals, v)
			}
		case isNo(v):
		case isYes(v):
			vals = append(vals, strings.TrimSpace(qg.g.subs[k]))
		default:
			vals = append(vals, v)
		}
	}
	return vals, other, firstCol
}

func splitMulti(v string) []string {
	parts := strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == '|' })
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
