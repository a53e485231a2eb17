package message

import (
	"bytes"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// field is one header field: its lower-case name and its unfolded raw value.
type field struct {
	name  string
	value string
}

// header is a parsed header block, in order, holding the fields Parse reads (others keep an empty
// placeholder, so the count of fields tells a header from no header). Malformed lines are counted in bad.
type header struct {
	fields []field
	bad    int
}

// get returns the first value of the field with the given lower-case name.
func (h header) get(name string) string {
	for _, f := range h.fields {
		if f.name == name {
			return f.value
		}
	}
	return ""
}

// has reports whether a field with the given lower-case name exists.
func (h header) has(name string) bool {
	for _, f := range h.fields {
		if f.name == name {
			return true
		}
	}
	return false
}

// parseHeader parses a header block leniently: continuation lines are unfolded, lines without a colon
// are counted in bad and skipped, an mbox "From " line at the top is ignored.
func parseHeader(b []byte) header {
	var h header
	var cont []string // continuation lines of the last field, joined when the next field starts
	endField := func() {
		if n := len(h.fields); n > 0 && len(cont) > 0 {
			h.fields[n-1].value += " " + strings.Join(cont, " ")
		}
		cont = cont[:0]
	}
	for len(b) > 0 {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		line = bytes.TrimRight(line, "\r")
		if len(line) == 0 {
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			if n := len(h.fields); n == 0 {
				h.bad++
			} else if h.fields[n-1].name != "" {
				cont = append(cont, string(bytes.TrimSpace(line)))
			}
			continue
		}
		endField()
		colon := bytes.IndexByte(line, ':')
		if !isFieldName(line, colon) {
			if !(len(h.fields) == 0 && bytes.HasPrefix(line, []byte("From "))) {
				h.bad++
			}
			continue
		}
		name := knownField(bytes.TrimRight(line[:colon], " \t"))
		if name == "" {
			h.fields = append(h.fields, field{})
			continue
		}
		h.fields = append(h.fields, field{name: name, value: string(bytes.TrimSpace(line[colon+1:]))})
	}
	endField()
	return h
}

// isFieldName reports whether line[:colon] is a field name: not empty, no space inside (spaces before
// the colon, allowed by the obsolete syntax, are accepted).
func isFieldName(line []byte, colon int) bool {
	if colon <= 0 {
		return false
	}
	name := bytes.TrimRight(line[:colon], " \t")
	return len(name) > 0 && bytes.IndexByte(name, ' ') < 0 && bytes.IndexByte(name, '\t') < 0
}

// knownFields are the header fields Parse reads; others are skipped without allocating.
var knownFields = []string{"from", "to", "cc", "date", "subject", "reply-to", "message-id", "in-reply-to",
	"references", "content-type", "content-transfer-encoding", "content-disposition", "content-id",
	"auto-submitted", "precedence", "x-autoreply", "x-autorespond", "x-auto-response-suppress", "return-path"}

// knownField returns the lower-case name of a field Parse reads, or "".
func knownField(name []byte) string {
	for _, k := range knownFields {
		if len(k) == len(name) && bytes.EqualFold(name, []byte(k)) {
			return k
		}
	}
	return ""
}

// readEnvelope fills the envelope fields of the message from the top-level header.
func (p *parser) readEnvelope(h header) {
	m := p.msg
	if h.bad > 0 {
		p.warn("malformed header lines ignored")
	}
	m.Subject = p.words(p.text8(h.get("subject")))
	m.Subject = strings.Join(strings.Fields(m.Subject), " ")
	from := p.addresses(h.get("from"))
	if len(from) > 0 {
		m.From = from[0]
	} else if v := strings.TrimSpace(h.get("from")); v != "" {
		m.From = Address{Name: p.words(p.text8(v))}
		p.warn("sender has no address")
	} else {
		p.warn("no sender")
	}
	m.ReplyTo = p.addresses(h.get("reply-to"))
	m.To = p.addresses(h.get("to"))
	m.Cc = p.addresses(h.get("cc"))
	if ids := parseIDs(h.get("message-id")); len(ids) > 0 {
		m.MessageID = ids[0]
	}
	if ids := parseIDs(h.get("in-reply-to")); len(ids) > 0 {
		m.InReplyTo = ids[0]
	}
	m.References = parseIDs(h.get("references"))
	if len(m.References) > 100 {
		m.References = m.References[len(m.References)-100:]
	}
	if v := h.get("date"); v == "" {
		p.warn("no date")
	} else if d, ok := parseDate(v); ok {
		m.Date = d
	} else {
		p.warn("unreadable date")
	}
}

// text8 makes a header value valid UTF-8: raw 8-bit bytes that are not UTF-8 are read as windows-1252.
func (p *parser) text8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	p.warn("8-bit header not in utf-8, read as windows-1252")
	out, _ := decodeCharset("windows-1252", []byte(s))
	return out
}

// words decodes RFC 2047 encoded words, recording a warning when some were malformed.
func (p *parser) words(s string) string {
	out, bad := decodeWords(s)
	if bad != "" {
		p.warn(bad)
	}
	return out
}

// parseIDs returns the message ids in a Message-ID, In-Reply-To or References value, without angle
// brackets. Ids written without brackets are accepted when they contain an "@".
func parseIDs(s string) []string {
	var ids []string
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			s = s[i+1:]
			break
		}
		if id := strings.TrimSpace(s[i+1 : i+j]); id != "" && !strings.ContainsAny(id, " \t<") {
			ids = append(ids, id)
		}
		s = s[i+j+1:]
	}
	if len(ids) > 0 {
		return ids
	}
	for _, tok := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == ',' }) {
		if strings.Contains(tok, "@") {
			ids = append(ids, strings.Trim(tok, "<>"))
		}
	}
	return ids
}

var dateLayouts = []string{
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 06 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05",
	"Mon Jan 2 15:04:05 2006",
	"Mon Jan 2 15:04:05 MST 2006",
	"2006-01-02 15:04:05 -0700",
	time.RFC3339,
}

// parseDate reads a Date value: RFC 5322 first, then a few formats seen in the wild.
func parseDate(v string) (time.Time, bool) {
	if d, ok := fastDate(v); ok {
		return d, true
	}
	if d, err := mail.ParseDate(v); err == nil {
		return d, true
	}
	if i := strings.IndexByte(v, '('); i > 0 {
		v = v[:i]
	}
	v = strings.Join(strings.Fields(strings.ReplaceAll(v, ",", ", ")), " ")
	v = strings.ReplaceAll(v, " ,", ",")
	for _, l := range dateLayouts {
		if d, err := time.Parse(l, v); err == nil {
			return d, true
		}
	}
	return time.Time{}, false
}

// fastDate reads the common "Mon, 2 Jan 2006 15:04:05 -0700" form without allocating errors.
func fastDate(v string) (time.Time, bool) {
	if len(v) < 26 || len(v) > 31 || v[3] != ',' || v[len(v)-6] != ' ' || (v[len(v)-5] != '+' && v[len(v)-5] != '-') {
		return time.Time{}, false
	}
	d, err := time.Parse("Mon, 2 Jan 2006 15:04:05 -0700", v)
	return d, err == nil
}
