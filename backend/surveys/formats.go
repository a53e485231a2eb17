package surveys

import (
	"fmt"
	"io"
	"regexp"
	"strings"
)

// The import formats.
const (
	FormatSurveyMonkey = "surveymonkey"
	FormatLimeSurvey   = "limesurvey"
	FormatCSV          = "csv"
)

// group is one heading of the file with the columns under it: a SurveyMonkey question spans one column
// per option (its second header row names them); LimeSurvey writes "Question [Option]" headings.
type group struct {
	heading string
	cols    []int
	subs    []string
}

// layout is what a file's header says: its format, its groups in order, and how many columns a row has.
type layout struct {
	format string
	groups []group
	width  int
}

// readLayout reads the header row(s) of src. format may be "" to detect it.
func readLayout(src *pushback, format string, xlsx bool) (layout, error) {
	first, line, err := nextNonBlank(src)
	if err != nil {
		return layout{}, err
	}
	first = append([]string(nil), first...)
	second, line2, err := src.next()
	if err != nil && err != io.EOF {
		return layout{}, err
	}
	second = append([]string(nil), second...)
	if format == "" {
		format = detectFormat(first, second, xlsx)
	}
	switch format {
	case FormatSurveyMonkey:
		if err == io.EOF {
			return layout{}, malformed("a SurveyMonkey export has two header rows; line %d is the last", line)
		}
		return surveyMonkeyLayout(first, second)
	case FormatLimeSurvey, FormatCSV:
		if err == nil {
			src.unread(second, line2)
		}
		return bracketLayout(first, format)
	}
	return layout{}, invalid("the format must be surveymonkey, limesurvey or csv")
}

func nextNonBlank(src source) ([]string, int, error) {
	for {
		fields, line, err := src.next()
		if err == io.EOF {
			return nil, 0, malformed("it has no header row")
		}
		if err != nil || !blank(fields) {
			return fields, line, err
		}
	}
}

// detectFormat tells SurveyMonkey (its second header row says "Response" or "Open-Ended Response" under
// the questions) from LimeSurvey (its "Response ID" / "id" and submit date columns) from our own CSV.
func detectFormat(first, second []string, xlsx bool) string {
	hasRespondent := false
	for _, h := range first {
		switch norm(h) {
		case "respondent id":
			hasRespondent = true
		case "response id", "submitdate", "date submitted":
			return FormatLimeSurvey
		}
	}
	for _, s := range second {
		if n := norm(s); n == "response" || n == "open-ended response" {
			return FormatSurveyMonkey
		}
	}
	if xlsx || (hasRespondent && blank(second[:min(len(second), 1)])) {
		return FormatSurveyMonkey
	}
	return FormatCSV
}

// surveyMonkeyLayout groups columns under the question text of the first row; a blank first-row cell
// continues the question to its left.
func surveyMonkeyLayout(first, second []string) (layout, error) {
	width := max(len(first), len(second))
	var groups []group
	for i := 0; i < width; i++ {
		h, sub := strings.TrimSpace(cell(first, i)), strings.TrimSpace(cell(second, i))
		if h == "" && len(groups) == 0 {
			return layout{}, malformed("line 1, column 1: the first header cell is empty")
		}
		if h == "" {
			g := &groups[len(groups)-1]
			g.cols, g.subs = append(g.cols, i), append(g.subs, sub)
			continue
		}
		groups = append(groups, group{heading: h, cols: []int{i}, subs: []string{sub}})
	}
	return layout{format: FormatSurveyMonkey, groups: uniqueHeadings(groups), width: width}, nil
}

var bracketed = regexp.MustCompile(`^(.*?)\s*\[([^\[\]]*)\]$`)

// bracketLayout reads one header row where "Question [Option]" columns belong to "Question".
func bracketLayout(first []string, format string) (layout, error) {
	var groups []group
	index := map[string]int{}
	for i, raw := range first {
		h, sub := strings.TrimSpace(raw), ""
		if m := bracketed.FindStringSubmatch(h); m != nil && m[1] != "" {
			h, sub = m[1], strings.TrimSpace(m[2])
		}
		if h == "" {
			return layout{}, malformed("line 1, column %d: the header cell is empty", i+1)
		}
		if at, ok := index[h]; ok && sub != "" {
			groups[at].cols, groups[at].subs = append(groups[at].cols, i), append(groups[at].subs, sub)
			continue
		}
		index[h] = len(groups)
		groups = append(groups, group{heading: h, cols: []int{i}, subs: []string{sub}})
	}
	return layout{format: format, groups: uniqueHeadings(groups), width: len(first)}, nil
}

// uniqueHeadings numbers repeated headings ("Comments", "Comments (2)") so each maps on its own.
func uniqueHeadings(gs []group) []group {
	seen := map[string]int{}
	for i := range gs {
		seen[gs[i].heading]++
		if n := seen[gs[i].heading]; n > 1 {
			gs[i].heading = fmt.Sprintf("%s (%d)", gs[i].heading, n)
		}
	}
	return gs
}

func cell(fields []string, i int) string {
	if i < len(fields) {
		return fields[i]
	}
	return ""
}

// norm is a heading or label compared loosely: lower case, "_" as space, spaces collapsed.
func norm(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "_", " "))), " ")
}
