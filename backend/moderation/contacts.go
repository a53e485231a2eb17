package moderation

import (
	"regexp"
	"strings"
)

// The contact-detail finders look for UK phone numbers, email addresses (also spelled out to dodge
// filters, "jo at example dot com") and web addresses (also without a scheme, "example.co.uk/page") in
// free text. Each returns the text it matched, as written, so the preview can highlight it.

// phoneCandidate is a run that starts like a phone number and holds only digits and separators.
var phoneCandidate = regexp.MustCompile(`[+(]?[0-9][0-9 ()\-.]{7,18}[0-9]`)

// findPhones returns UK phone numbers: 0 then 9 or 10 digits, or +44 / 0044 then 9 or 10 digits (an
// optional "(0)" after the country code), spaced, dotted, dashed or bracketed in the usual ways. A run of
// digits that goes on ("07700 900123 10am") is shortened to the longest number it starts with.
func findPhones(s string) []string {
	if !hasDigits(s, 9) {
		return nil
	}
	var out []string
	for pos := 0; pos < len(s); {
		loc := phoneCandidate.FindStringIndex(s[pos:])
		if loc == nil {
			break
		}
		start, end := pos+loc[0], pos+loc[1]
		pos = end
		if start > 0 && isDigitOrLetter(s[start-1]) {
			continue
		}
		for e := end; e >= start+9; e-- {
			if !isDigit(s[e-1]) || (e < len(s) && isDigitOrLetter(s[e])) {
				continue
			}
			if ukPhone(s[start:e]) {
				out = append(out, s[start:e])
				pos = e
				break
			}
		}
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// hasDigits reports whether s holds at least n digits: the cheap test before the phone finder.
func hasDigits(s string, n int) bool {
	for i := 0; i < len(s) && n > 0; i++ {
		if isDigit(s[i]) {
			n--
		}
	}
	return n == 0
}

func isDigitOrLetter(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// ukPhone reports whether text, with its separators removed, is a UK number. Separators may not repeat
// ("12 -- 34" is not a number) and brackets must pair, which keeps dates and sums out.
func ukPhone(text string) bool {
	if strings.Count(text, "(") != strings.Count(text, ")") || strings.Count(text, "(") > 1 {
		return false
	}
	if strings.Contains(text, "..") || strings.Contains(text, "--") || strings.Contains(text, "  ") {
		return false
	}
	digits := make([]byte, 0, len(text))
	for i := 0; i < len(text); i++ {
		if text[i] >= '0' && text[i] <= '9' {
			digits = append(digits, text[i])
		}
	}
	d := string(digits)
	international := strings.HasPrefix(text, "+44") || strings.HasPrefix(d, "0044")
	switch {
	case strings.HasPrefix(text, "+") && !strings.HasPrefix(text, "+44"):
		return false
	case international:
		d = strings.TrimPrefix(strings.TrimPrefix(d, "00"), "44")
		if strings.Contains(text, "(0)") {
			d = strings.TrimPrefix(d, "0")
		}
		return (len(d) == 9 || len(d) == 10) && d[0] >= '1' && d[0] <= '9'
	case strings.HasPrefix(d, "0"):
		return (len(d) == 10 || len(d) == 11) && d[1] >= '1' && d[1] <= '9'
	}
	return false
}

// emailPlain is a written email address.
var emailPlain = regexp.MustCompile(`(?i)\b[a-z0-9][a-z0-9._%+\-]*@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,24}\b`)

// emailSpelled is an address with "at" and "dot" in brackets or as words: "jo[at]example.com",
// "jo (at) example (dot) co (dot) uk", "jo at example dot com".
var emailSpelled = regexp.MustCompile(`(?i)\b[a-z0-9][a-z0-9._%+\-]*` +
	`(?:\s*[\[({<]\s*at\s*[\])}>]\s*|\s+at\s+)` +
	`[a-z0-9\-]+(?:(?:\s*[\[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+|\.)[a-z0-9\-]+)+\b`)

// findEmails returns written and spelled-out email addresses. One spelled with plain words needs both "at"
// and "dot" ("find us at example.co.uk" is a web address) and a common top-level domain at the end, so
// "meet at the park dot" is not taken for one.
func findEmails(s string) []string {
	var out []string
	if strings.Contains(s, "@") {
		out = emailPlain.FindAllString(s, -1)
	}
	if !spelledHint(s) {
		return out
	}
	for _, m := range emailSpelled.FindAllString(s, -1) {
		lower := strings.ToLower(m)
		if !strings.ContainsAny(m, "[({<") && !strings.Contains(lower, " dot ") {
			continue
		}
		if !commonTLD(lastLabel(lower)) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// spelledHint is the cheap test before the spelled-out email finder: "dot" or a bracketed "at".
func spelledHint(s string) bool {
	lower := strings.ToLower(s)
	if strings.Contains(lower, "dot") {
		return true
	}
	for _, open := range []string{"[", "(", "{", "<"} {
		if i := strings.Index(lower, open); i >= 0 && strings.Contains(lower[i:], "at") {
			return true
		}
	}
	return false
}

func lastLabel(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') })
	return s[i+1:]
}

// tlds are the top-level domains that make a scheme-less "word.word" a web address.
var tlds = map[string]bool{}

func init() {
	for _, t := range strings.Fields(`com uk org net info biz io co me ly ie eu gov nhs sch ac tv fm app dev
		shop store online site xyz website blog page club life today world uk.com london scot wales cymru
		de fr es it nl be au ca us nz in`) {
		tlds[t] = true
	}
}

func commonTLD(label string) bool { return tlds[label] }

// urlLike is anything that could be a web address: with a scheme, starting www., or host.tld[/path].
var urlLike = regexp.MustCompile(`(?i)\b(?:https?://[^\s<>"']+|www\.[a-z0-9\-]+(?:\.[a-z0-9\-]+)+(?:[/?#][^\s<>"']*)?|[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)+(?:[/?#][^\s<>"']*)?)`)

// findURLs returns web addresses. One with a scheme or "www." counts whatever it ends with; a bare
// "name.tld" only when its last label is a common top-level domain (so "e.g" and "3.5" are not), and never
// the domain of an email address.
func findURLs(s string) []string {
	if !strings.Contains(s, ".") {
		return nil
	}
	var out []string
	for _, loc := range urlLike.FindAllStringIndex(s, -1) {
		m := strings.TrimRight(s[loc[0]:loc[1]], ".,;:!?)]}'\"")
		if loc[0] > 0 && (s[loc[0]-1] == '@' || s[loc[0]-1] == '.' || s[loc[0]-1] == '/') {
			continue
		}
		if loc[1] < len(s) && s[loc[1]] == '@' {
			continue
		}
		lower := strings.ToLower(m)
		if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "www.") {
			if !commonTLD(lastLabel(hostOf(lower))) {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// hostOf returns the host of a web address written with or without a scheme, lower-cased, without "www.".
func hostOf(u string) string {
	u = strings.ToLower(u)
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexAny(u, "/?#:"); i >= 0 {
		u = u[:i]
	}
	if i := strings.LastIndex(u, "@"); i >= 0 {
		u = u[i+1:]
	}
	return strings.TrimPrefix(u, "www.")
}
