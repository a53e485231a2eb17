package moderation

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// FeedItem is one submission as the site's moderation feed gives it. Times are normalised to UTC RFC 3339
// (whole seconds) so that they sort as text.
type FeedItem struct {
	ID               string `json:"id"`
	Version          int64  `json:"version"`
	Kind             Kind   `json:"kind"`
	Title            string `json:"title"`
	Body             string `json:"body"`
	ContactName      string `json:"contact_name"`
	ContactEmail     string `json:"contact_email"`
	ContactPhone     string `json:"contact_phone"`
	Website          string `json:"website"`
	Address          string `json:"address"`
	Postcode         string `json:"postcode"`
	SubmittedBy      string `json:"submitted_by"`
	SubmittedByEmail string `json:"submitted_by_email"`
	SubmittedAt      string `json:"submitted_at"`
	EventStart       string `json:"event_start"`
	EventEnd         string `json:"event_end"`
	ExpiresAt        string `json:"expires_at"`
	ParentID         string `json:"parent_id"`
}

// feedFields are the feed's field names, in the order the issue lists them.
var feedFields = []string{"id", "version", "kind", "title", "body", "contact_name", "contact_email",
	"contact_phone", "website", "address", "postcode", "submitted_by", "submitted_by_email", "submitted_at",
	"event_start", "event_end", "expires_at", "parent_id"}

// Field limits: a feed line longer than these is refused as malformed, not truncated.
const (
	maxIDLen    = 200
	maxTextLen  = 20_000
	maxShortLen = 500
)

// FieldError says which field of a feed record is wrong and why.
type FieldError struct {
	Field   string
	Problem string
}

func (e *FieldError) Error() string { return fmt.Sprintf("field %s: %s", e.Field, e.Problem) }

func fieldErr(field, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Problem: fmt.Sprintf(format, args...)}
}

// set assigns one field from its text form (CSV cells, or JSON values already turned into text).
func (it *FeedItem) set(field, v string) error {
	switch field {
	case "version":
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil {
			return fieldErr(field, "must be a whole number, not %q", short(v))
		}
		it.Version = n
	case "kind":
		it.Kind = Kind(strings.ToLower(strings.TrimSpace(v)))
	default:
		p := it.textField(field)
		if p == nil {
			return nil
		}
		*p = v
	}
	return nil
}

// textField points at the text field named, or nil for an unknown name.
func (it *FeedItem) textField(field string) *string {
	switch field {
	case "id":
		return &it.ID
	case "title":
		return &it.Title
	case "body":
		return &it.Body
	case "contact_name":
		return &it.ContactName
	case "contact_email":
		return &it.ContactEmail
	case "contact_phone":
		return &it.ContactPhone
	case "website":
		return &it.Website
	case "address":
		return &it.Address
	case "postcode":
		return &it.Postcode
	case "submitted_by":
		return &it.SubmittedBy
	case "submitted_by_email":
		return &it.SubmittedByEmail
	case "submitted_at":
		return &it.SubmittedAt
	case "event_start":
		return &it.EventStart
	case "event_end":
		return &it.EventEnd
	case "expires_at":
		return &it.ExpiresAt
	case "parent_id":
		return &it.ParentID
	}
	return nil
}

// normalise checks the structure of a record (what makes a feed malformed) and tidies its fields. Missing
// content (an empty title or body) is not malformed: the checks flag it for a moderator.
func (it *FeedItem) normalise() error {
	for _, f := range feedFields {
		if p := it.textField(f); p != nil {
			if !utf8.ValidString(*p) {
				return fieldErr(f, "is not valid UTF-8")
			}
			*p = strings.TrimSpace(strings.ReplaceAll(*p, "\x00", ""))
			limit := maxShortLen
			if f == "body" {
				limit = maxTextLen
			}
			if len(*p) > limit {
				return fieldErr(f, "is longer than %d bytes", limit)
			}
		}
	}
	switch {
	case it.ID == "":
		return fieldErr("id", "is missing")
	case len(it.ID) > maxIDLen || strings.ContainsFunc(it.ID, unicode.IsSpace):
		return fieldErr("id", "must be at most %d characters with no spaces", maxIDLen)
	case it.Version < 1:
		return fieldErr("version", "must be 1 or more")
	case !it.Kind.valid():
		return fieldErr("kind", "must be business, event, review or comment, not %q", short(string(it.Kind)))
	case it.SubmittedAt == "":
		return fieldErr("submitted_at", "is missing")
	}
	for _, f := range []string{"submitted_at", "event_start", "event_end", "expires_at"} {
		p := it.textField(f)
		t, err := parseFeedTime(*p)
		if err != nil {
			return fieldErr(f, "must be an RFC 3339 time such as 2026-03-01T09:30:00Z, not %q", short(*p))
		}
		*p = t
	}
	it.SubmittedByEmail = strings.ToLower(it.SubmittedByEmail)
	it.Postcode = strings.ToUpper(strings.Join(strings.Fields(it.Postcode), " "))
	return nil
}

// timeLayout is how the store keeps times: UTC, whole seconds, fixed width, so text order is time order.
const timeLayout = "2006-01-02T15:04:05Z"

func parseFeedTime(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return "", err
	}
	if t.Year() < 1900 || t.Year() > 9999 {
		return "", fmt.Errorf("year out of range")
	}
	return t.UTC().Format(timeLayout), nil
}

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(timeLayout, s)
	return t
}

// postcodeArea is the letters that start a UK postcode ("SW1A 1AA" → "SW", "M1 1AE" → "M"), or "".
func postcodeArea(postcode string) string {
	end := 0
	for end < len(postcode) && end < 2 && postcode[end] >= 'A' && postcode[end] <= 'Z' {
		end++
	}
	if end == 0 || end >= len(postcode) || postcode[end] < '0' || postcode[end] > '9' {
		return ""
	}
	return postcode[:end]
}

// short cuts a value quoted in an error message, so a huge malformed cell does not flood the screen.
func short(s string) string {
	if len(s) <= 40 {
		return s
	}
	cut := 40
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
