// Package message parses, sanitises and builds e-mail for the help desk. It is pure Go and keeps no
// state: Parse never drops a mail (problems become Warnings), Sanitize makes HTML safe to show in a
// sandboxed frame, and BuildReply writes an RFC 5322 reply.
package message

import (
	"bytes"
	"errors"
	"strings"
	"time"
)

// Address is one mailbox: a display name (decoded, UTF-8) and an e-mail address.
type Address struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

// AutoKind says whether a mail was written by a program rather than a person.
type AutoKind string

// The kinds of automatic mail. Mail of any kind but AutoNone never opens or reopens a ticket.
const (
	AutoNone   AutoKind = ""
	AutoReply  AutoKind = "auto-reply"
	AutoBounce AutoKind = "bounce"
	AutoBulk   AutoKind = "bulk"
)

// Attachment is one attached or inline part. Data holds the decoded bytes and is never sent as JSON.
type Attachment struct {
	Index       int    `json:"index"`
	Filename    string `json:"filename"`
	ContentType string `json:"contentType"`
	ContentID   string `json:"contentId"`
	Size        int64  `json:"size"`
	Inline      bool   `json:"inline"`
	Data        []byte `json:"-"`
}

// Message is a parsed mail. Every text field is UTF-8.
type Message struct {
	MessageID   string   // without angle brackets; "" when missing
	InReplyTo   string   // first id, without angle brackets; for a bounce without one, the returned mail's id
	References  []string // without angle brackets, oldest first
	Subject     string
	From        Address
	ReplyTo     []Address
	To          []Address
	Cc          []Address
	Date        time.Time // zero when missing or unparseable (plus a warning)
	Text        string    // best plain text (derived from the HTML when only HTML exists)
	HTML        string    // the raw HTML part converted to UTF-8, NOT sanitised; "" when none
	Attachments []Attachment
	Auto        AutoKind
	Warnings    []string // malformed MIME and the like: the mail is kept, with these
	ContentHash string   // hex sha256 of normalised From+Date+Subject+Text, only when MessageID == "": dedupe
	// Words is Words(Text) when the sync computed it while fetching (see Words); "" otherwise.
	Words string
}

// ErrNoHeader is returned by Parse for input that has no header at all.
var ErrNoHeader = errors.New("not a mail: no header")

// Parse parses a raw RFC 5322 mail (CRLF or bare LF line ends). It fails only when there is no header
// at all; anything malformed below that is recorded in Warnings and parsed as well as it can be.
func Parse(raw []byte) (*Message, error) {
	hdrRaw, body, ok := splitHeader(raw)
	if !ok && len(hdrRaw) > 0 {
		hdrRaw, body = splitLoose(raw)
	}
	h := parseHeader(hdrRaw)
	if len(h.fields) == 0 {
		return nil, ErrNoHeader
	}
	p := &parser{msg: &Message{}}
	if !ok {
		p.warn("no blank line after the header")
	}
	p.readEnvelope(h)
	p.walk(h, body, 0)
	p.finish(h)
	return p.msg, nil
}

// splitLoose is splitHeader for input without an empty line: the header ends at the first line that is
// neither a field nor a continuation, and the rest is the body.
func splitLoose(raw []byte) (hdr, body []byte) {
	for i := 0; i < len(raw); {
		end := bytes.IndexByte(raw[i:], '\n')
		next := len(raw)
		if end >= 0 {
			next = i + end + 1
		}
		line := bytes.TrimRight(raw[i:next], "\r\n")
		first := i == 0 && bytes.HasPrefix(line, []byte("From "))
		cont := len(line) > 0 && (line[0] == ' ' || line[0] == '\t')
		if !first && !cont && !isFieldName(line, bytes.IndexByte(line, ':')) {
			return raw[:i], raw[i:]
		}
		i = next
	}
	return raw, nil
}

// splitHeader splits raw at the first empty line. ok is false when there is none; hdr is then the
// whole input, and splitLoose finds where the header really ends.
func splitHeader(raw []byte) (hdr, body []byte, ok bool) {
	if len(raw) > 0 && raw[0] == '\n' {
		return nil, raw[1:], true
	}
	if len(raw) > 1 && raw[0] == '\r' && raw[1] == '\n' {
		return nil, raw[2:], true
	}
	for i := 0; i < len(raw); {
		j := bytes.IndexByte(raw[i:], '\n')
		if j < 0 {
			return raw, nil, false
		}
		next := i + j + 1
		if next < len(raw) && raw[next] == '\n' {
			return raw[:next], raw[next+1:], true
		}
		if next+1 < len(raw) && raw[next] == '\r' && raw[next+1] == '\n' {
			return raw[:next], raw[next+2:], true
		}
		i = next
	}
	return raw, nil, false
}

// parser collects what the walk over the MIME tree finds.
type parser struct {
	msg      *Message
	text     []string
	html     []string
	parts    int
	warnSeen map[string]bool

	topType    string // the top-level content type, for detectAuto
	topParams  map[string]string
	enclosedID string // Message-ID of the first attached message or returned header block
}

func (p *parser) warn(w string) {
	if p.warnSeen == nil {
		p.warnSeen = map[string]bool{}
	}
	if p.warnSeen[w] || len(p.msg.Warnings) >= 50 {
		return
	}
	p.warnSeen[w] = true
	p.msg.Warnings = append(p.msg.Warnings, w)
}

// finish picks the best text and computes the derived fields.
func (p *parser) finish(h header) {
	m := p.msg
	m.HTML = strings.Join(p.html, "\n")
	m.Text = strings.Join(p.text, "\n\n")
	if strings.TrimSpace(m.Text) == "" && m.HTML != "" {
		m.Text = HTMLToText(m.HTML)
	}
	m.Auto = detectAuto(h, m, p.topType, p.topParams)
	if m.Auto == AutoBounce && m.InReplyTo == "" && p.enclosedID != "" {
		m.InReplyTo = p.enclosedID
	}
	if m.MessageID == "" {
		m.ContentHash = contentHash(m)
	}
}
