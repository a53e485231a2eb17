package message

import (
	"strconv"
	"strings"
)

// SubjectToken finds the last "[#123]" ticket token in a subject.
func SubjectToken(subject string) (int64, bool) {
	for end := len(subject); end > 0; {
		i := strings.LastIndex(subject[:end], "[#")
		if i < 0 {
			return 0, false
		}
		end = i
		rest := subject[i+2:]
		j := strings.IndexByte(rest[:min(len(rest), 20)], ']')
		if j <= 0 || j > 18 {
			continue
		}
		n, err := strconv.ParseInt(rest[:j], 10, 64)
		if err == nil && n > 0 && rest[0] != '+' {
			return n, true
		}
	}
	return 0, false
}

// WithToken returns the reply subject for a ticket: "Re: " once at the front (any existing chain of
// Re:/RE:/AW:/SV: reply prefixes collapsed), the "[#N]" token exactly once at the end, and any other
// ticket token removed.
func WithToken(subject string, ticket int64) string {
	s := stripTokens(subject)
	s = stripReplyPrefixes(s)
	tok := "[#" + strconv.FormatInt(ticket, 10) + "]"
	if s == "" {
		return "Re: " + tok
	}
	return "Re: " + s + " " + tok
}

// stripTokens removes every "[#digits]" token and tidies the spaces.
func stripTokens(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "[#")
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i:min(len(s), i+22)], ']')
		if j > 2 && isDigits(s[i+2:i+j]) {
			b.WriteString(s[:i])
			s = s[i+j+1:]
			continue
		}
		b.WriteString(s[:i+2])
		s = s[i+2:]
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// stripReplyPrefixes drops leading reply markers in the usual languages (forward markers stay).
func stripReplyPrefixes(s string) string {
	for {
		t := strings.TrimSpace(s)
		colon := strings.IndexByte(t, ':')
		if colon <= 0 || colon > 8 {
			return t
		}
		word := strings.ToLower(strings.TrimSpace(t[:colon]))
		if i := strings.IndexByte(word, '['); i > 0 {
			word = word[:i]
		}
		switch word {
		case "re", "aw", "sv", "vs", "antw", "rif", "ref", "odp":
			s = t[colon+1:]
		default:
			return t
		}
	}
}
