package moderation

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
)

// FlagCode names an automatic check.
type FlagCode string

// The automatic checks. They flag an item with an explanation; they never decide.
const (
	FlagContact   FlagCode = "contact_in_text"
	FlagAbuse     FlagCode = "abuse"
	FlagDuplicate FlagCode = "duplicate"
	FlagSpamLink  FlagCode = "spam_link"
	FlagEnded     FlagCode = "event_ended"
	FlagMissing   FlagCode = "missing_fields"
	FlagOrphan    FlagCode = "orphan_review"
)

// FlagCodes lists every check, in the order the UI shows them, with its label.
var FlagCodes = []FlagCode{FlagContact, FlagAbuse, FlagDuplicate, FlagSpamLink, FlagEnded, FlagMissing, FlagOrphan}

// Label returns the check's name for people.
func (f FlagCode) Label() string {
	switch f {
	case FlagContact:
		return "Contact details in text"
	case FlagAbuse:
		return "Abusive words"
	case FlagDuplicate:
		return "Duplicate"
	case FlagSpamLink:
		return "Spam link"
	case FlagEnded:
		return "Event ended"
	case FlagMissing:
		return "Missing fields"
	case FlagOrphan:
		return "Review of unknown listing"
	}
	return string(f)
}

// bit is the flag's bit in an item's flag_mask, which the queue filters on.
func (f FlagCode) bit() int64 {
	for i, c := range FlagCodes {
		if c == f {
			return 1 << i
		}
	}
	return 0
}

// Match is what a check found: the text as written in one field ("" Text: the field as a whole).
type Match struct {
	Field string `json:"field"`
	Text  string `json:"text"`
}

// Flag is one check's finding on an item, with the explanation shown to the moderator.
type Flag struct {
	Code    FlagCode `json:"code"`
	Label   string   `json:"label"`
	Message string   `json:"message"`
	Matches []Match  `json:"matches"`
	// Related is the id of the other item a duplicate repeats, or the missing listing of a review.
	Related string `json:"related,omitempty"`
}

func newFlag(code FlagCode, msg string, matches ...Match) Flag {
	if matches == nil {
		matches = []Match{}
	}
	return Flag{Code: code, Label: code.Label(), Message: msg, Matches: matches}
}

// Terms are the configurable lists the checks use.
type Terms struct {
	AbuseWords  []string `json:"abuseWords"`
	SpamDomains []string `json:"spamDomains"`
}

// checker runs the checks that need only the item, the time and the terms.
type checker struct {
	now   time.Time
	abuse *regexp.Regexp
	spam  *regexp.Regexp
}

func newChecker(now time.Time, t Terms) *checker {
	c := &checker{now: now}
	if len(t.AbuseWords) > 0 {
		c.abuse = regexp.MustCompile(`(?i)\b(?:` + alternatives(t.AbuseWords, `\s+`) + `)(?:s|es|ed|ing)?\b`)
	}
	if len(t.SpamDomains) > 0 {
		c.spam = regexp.MustCompile(`(?i)\b(?:https?://)?(?:[a-z0-9\-]+\.)*(?:` + alternatives(t.SpamDomains, "") +
			`)\b(?:[/?#][^\s<>"']*)?`)
	}
	return c
}

// alternatives quotes each term for a regexp alternation; spaces inside a term match any run of space.
func alternatives(terms []string, space string) string {
	alts := make([]string, len(terms))
	for i, w := range terms {
		alts[i] = regexp.QuoteMeta(w)
		if space != "" {
			alts[i] = strings.Join(strings.Fields(alts[i]), space)
		}
	}
	return strings.Join(alts, "|")
}

// itemFlags runs the checks that need no other item.
func (c *checker) itemFlags(it FeedItem) []Flag {
	var flags []Flag
	for _, f := range []*Flag{c.contactFlag(it), c.abuseFlag(it), c.spamFlag(it), c.endedFlag(it), missingFlag(it)} {
		if f != nil {
			flags = append(flags, *f)
		}
	}
	return flags
}

// textFields are the free-text fields the text checks read.
func textFields(it FeedItem) [][2]string {
	return [][2]string{{"title", it.Title}, {"body", it.Body}}
}

func (c *checker) contactFlag(it FeedItem) *Flag {
	var matches []Match
	var found []string
	kinds := []struct {
		what, field, filled string
		find                func(string) []string
	}{
		{"a phone number", "phone", it.ContactPhone, findPhones},
		{"an email address", "email", it.ContactEmail, findEmails},
		{"a web address", "website", it.Website, nil},
	}
	for _, k := range kinds {
		n := 0
		for _, f := range textFields(it) {
			var ms []string
			if k.find != nil {
				ms = k.find(f[1])
			} else {
				ms = findURLs(maskAll(f[1], findEmails(f[1])))
			}
			for _, m := range ms {
				matches = append(matches, Match{Field: f[0], Text: m})
			}
			n += len(ms)
		}
		switch {
		case n > 0 && k.filled == "":
			found = append(found, fmt.Sprintf("%s while the %s field was left empty (the member may have chosen not to publish one)", k.what, k.field))
		case n > 0:
			found = append(found, fmt.Sprintf("%s as well as the %s field", k.what, k.field))
		}
	}
	if len(found) == 0 {
		return nil
	}
	f := newFlag(FlagContact, "The text holds "+strings.Join(found, "; and ")+".", matches...)
	return &f
}

// maskAll blanks every occurrence of each match, so one finder does not report another's find again.
func maskAll(s string, matches []string) string {
	for _, m := range matches {
		s = strings.ReplaceAll(s, m, strings.Repeat(" ", len(m)))
	}
	return s
}

func (c *checker) abuseFlag(it FeedItem) *Flag {
	if c.abuse == nil {
		return nil
	}
	var matches []Match
	for _, f := range textFields(it) {
		for _, m := range c.abuse.FindAllString(f[1], -1) {
			matches = append(matches, Match{Field: f[0], Text: m})
		}
	}
	if len(matches) == 0 {
		return nil
	}
	f := newFlag(FlagAbuse, fmt.Sprintf("The text uses %s from the abuse list.", plural(len(matches), "word", "words")), matches...)
	return &f
}

func (c *checker) spamFlag(it FeedItem) *Flag {
	if c.spam == nil {
		return nil
	}
	var matches []Match
	var hosts []string
	for _, f := range append(textFields(it), [2]string{"website", it.Website}) {
		for _, loc := range c.spam.FindAllStringIndex(f[1], -1) {
			if loc[0] > 0 && f[1][loc[0]-1] == '@' {
				continue
			}
			u := strings.TrimRight(f[1][loc[0]:loc[1]], ".,;:!?)]}'\"")
			matches = append(matches, Match{Field: f[0], Text: u})
			hosts = appendOnce(hosts, hostOf(u))
		}
	}
	if len(matches) == 0 {
		return nil
	}
	f := newFlag(FlagSpamLink, "Links to "+strings.Join(hosts, ", ")+", on the spam domain list.", matches...)
	return &f
}

func (c *checker) endedFlag(it FeedItem) *Flag {
	if it.Kind != Event {
		return nil
	}
	end := it.EventEnd
	if end == "" {
		end = it.EventStart
	}
	if end == "" || end >= formatTime(c.now) {
		return nil
	}
	field := "event_end"
	if it.EventEnd == "" {
		field = "event_start"
	}
	f := newFlag(FlagEnded, "The event already ended, on "+parseTime(end).Format("2 Jan 2006 at 15:04 UTC")+".", Match{Field: field})
	return &f
}

// requiredFields are the fields each kind needs to be published.
var requiredFields = map[Kind][]string{
	Business: {"title", "body", "postcode"},
	Event:    {"title", "body", "postcode", "event_start"},
	Review:   {"body", "parent_id"},
	Comment:  {"body"},
}

func missingFlag(it FeedItem) *Flag {
	var missing []string
	var matches []Match
	for _, name := range requiredFields[it.Kind] {
		if *it.textField(name) == "" {
			missing = append(missing, name)
			matches = append(matches, Match{Field: name})
		}
	}
	if len(missing) == 0 {
		return nil
	}
	f := newFlag(FlagMissing, fmt.Sprintf("A %s needs %s, left empty.", it.Kind, strings.Join(missing, ", ")), matches...)
	return &f
}

// dupKeys are the normalised hashes duplicates are found by: the body (when it has some length) and the
// title together with the postcode.
func dupKeys(it FeedItem) (body, title string) {
	if b := normalise(it.Body); len(b) >= 20 {
		body = hashKey(b)
	}
	if t := normalise(it.Title); t != "" && it.Postcode != "" {
		title = hashKey(t + "|" + strings.ReplaceAll(it.Postcode, " ", ""))
	}
	return body, title
}

// normalise lower-cases letters and digits and collapses everything else, so spacing, case and
// punctuation do not hide a repeat.
func normalise(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		} else {
			space = true
		}
	}
	return b.String()
}

func hashKey(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:16])
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
