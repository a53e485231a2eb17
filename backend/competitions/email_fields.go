package competitions

import (
	"strings"
)

// mailFieldNames are the "Name: value" lines an entry mail may hold, lower-cased, with their aliases.
var mailFieldNames = map[string]string{
	"answer": "answer", "date of birth": "date of birth", "dob": "date of birth", "birthday": "date of birth",
	"postcode": "postcode", "post code": "postcode", "county": "county", "country": "country",
	"first name": "first name", "surname": "surname", "last name": "surname",
	"sponsor opt-in": "sponsor opt-in", "partner opt-in": "sponsor opt-in",
}

// mailFields reads the known "Name: value" lines of an entry mail's text. Without an "Answer:" line the
// answer is the first non-empty line that is not one of those fields. Quoted lines ("> ") are skipped.
func mailFields(text string) map[string]string {
	f := map[string]string{}
	first := ""
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, ">") {
			continue
		}
		if line == "--" {
			break
		}
		if name, value, ok := mailField(line); ok {
			if _, seen := f[name]; !seen {
				f[name] = value
			}
			continue
		}
		if first == "" {
			first = line
		}
	}
	if _, ok := f["answer"]; !ok {
		f["answer"] = first
	}
	return f
}

// mailField splits a known "Name: value" line.
func mailField(line string) (string, string, bool) {
	name, value, ok := strings.Cut(line, ":")
	if !ok {
		return "", "", false
	}
	canon, known := mailFieldNames[strings.ToLower(strings.TrimSpace(name))]
	if !known {
		return "", "", false
	}
	return canon, strings.TrimSpace(value), true
}

// splitName picks the entrant's first name and surname: the mail's fields when given, else the sender's
// display name split at its last space.
func splitName(display, first, surname string) (string, string) {
	if first != "" && surname != "" {
		return first, surname
	}
	words := strings.Fields(strings.Trim(strings.TrimSpace(display), `"'`))
	switch {
	case len(words) == 0:
		return first, surname
	case len(words) == 1:
		return firstNonEmpty(first, words[0]), surname
	}
	return firstNonEmpty(first, strings.Join(words[:len(words)-1], " ")), firstNonEmpty(surname, words[len(words)-1])
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
