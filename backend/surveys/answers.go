package surveys

import (
	"strings"
)

// A respondent's answers are kept in one text column: for each answered question its id and values,
// separated by the ASCII unit separator, one question after another separated by the record separator.
// Decoding needs no allocation per answer, which keeps results over 100k responses fast.
const (
	unitSep   = "\x1f"
	recordSep = "\x1e"
)

// otherLabel is the choice counted for an "Other (please specify)" answer; its text is kept under
// the question id with otherSuffix.
const (
	otherLabel  = "Other"
	otherSuffix = ":other"
)

// answer is one question's values for one respondent.
type answer struct {
	question string
	values   []string
}

// encodeAnswers writes answers in the column's form; values lose any separator characters.
func encodeAnswers(list []answer) string {
	var b strings.Builder
	for i, a := range list {
		if i > 0 {
			b.WriteString(recordSep)
		}
		b.WriteString(a.question)
		for _, v := range a.values {
			b.WriteString(unitSep)
			b.WriteString(cleanValue(v))
		}
	}
	return b.String()
}

// eachAnswer calls fn for every question in an encoded column with its values still joined by unitSep.
func eachAnswer(enc string, fn func(question, values string)) {
	for enc != "" {
		rec := enc
		if i := strings.Index(enc, recordSep); i >= 0 {
			rec, enc = enc[:i], enc[i+1:]
		} else {
			enc = ""
		}
		q, vals, _ := strings.Cut(rec, unitSep)
		fn(q, vals)
	}
}

// eachValue calls fn for every value joined by unitSep.
func eachValue(vals string, fn func(v string)) {
	for {
		v, rest, more := strings.Cut(vals, unitSep)
		fn(v)
		if !more {
			return
		}
		vals = rest
	}
}

// decodeAnswers returns an encoded column as a map from question id to values.
func decodeAnswers(enc string) map[string][]string {
	out := map[string][]string{}
	eachAnswer(enc, func(q, vals string) { out[q] = strings.Split(vals, unitSep) })
	return out
}

func cleanValue(v string) string {
	if !strings.ContainsAny(v, unitSep+recordSep) {
		return v
	}
	return strings.NewReplacer(unitSep, " ", recordSep, " ").Replace(v)
}
