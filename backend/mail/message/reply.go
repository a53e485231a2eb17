package message

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"time"
)

// Reply is what BuildReply needs to write a reply. Subject is used as given unless Ticket is set, in
// which case it becomes WithToken(Subject, Ticket). IDDomain is the right-hand side of the new
// Message-ID (default: the domain of From).
type Reply struct {
	From       Address
	To         []Address
	Cc         []Address
	Subject    string
	InReplyTo  string   // the id replied to, without angle brackets
	References []string // the thread so far, oldest first, without angle brackets
	Text       string
	Date       time.Time
	IDDomain   string
	Ticket     int64 // optional: adds the "[#N]" token to Subject
}

// maxReferences bounds the References header: the first id and the most recent ones are kept.
const maxReferences = 20

// BuildReply writes an RFC 5322 reply with CRLF line ends: a UTF-8 quoted-printable text/plain body,
// RFC 2047 encoded non-ASCII subject and names, In-Reply-To and References threading it, and a new
// Message-ID, returned without angle brackets.
func BuildReply(r Reply) (raw []byte, messageID string, err error) {
	if err := checkReply(r); err != nil {
		return nil, "", err
	}
	subject := r.Subject
	if r.Ticket > 0 {
		subject = WithToken(subject, r.Ticket)
	}
	messageID, err = newMessageID(r)
	if err != nil {
		return nil, "", err
	}
	var b bytes.Buffer
	writeField(&b, "From", formatAddress(r.From))
	writeField(&b, "To", formatList(r.To))
	if len(r.Cc) > 0 {
		writeField(&b, "Cc", formatList(r.Cc))
	}
	writeField(&b, "Subject", mime.QEncoding.Encode("utf-8", oneLine(subject)))
	writeField(&b, "Date", r.Date.Format(time.RFC1123Z))
	writeField(&b, "Message-ID", "<"+messageID+">")
	if id := cleanID(r.InReplyTo); id != "" {
		writeField(&b, "In-Reply-To", "<"+id+">")
	}
	if refs := references(r); len(refs) > 0 {
		writeField(&b, "References", "<"+strings.Join(refs, "> <")+">")
	}
	writeField(&b, "MIME-Version", "1.0")
	writeField(&b, "Content-Type", "text/plain; charset=utf-8")
	writeField(&b, "Content-Transfer-Encoding", "quoted-printable")
	b.WriteString("\r\n")
	if err := writeQP(&b, r.Text); err != nil {
		return nil, "", err
	}
	return b.Bytes(), messageID, nil
}

// checkReply refuses a reply that could not be sent or would inject header lines.
func checkReply(r Reply) error {
	if r.Date.IsZero() {
		return errors.New("reply: no date")
	}
	if len(r.To) == 0 {
		return errors.New("reply: no recipient")
	}
	for _, a := range append(append([]Address{r.From}, r.To...), r.Cc...) {
		if _, err := mail.ParseAddress("<" + a.Email + ">"); err != nil || strings.ContainsAny(a.Email, "\r\n<>, ") {
			return errors.New("reply: invalid address")
		}
	}
	return nil
}

// newMessageID makes "<24 random hex>.<unix time>@domain".
func newMessageID(r Reply) (string, error) {
	domain := strings.TrimSpace(r.IDDomain)
	if domain == "" {
		_, domain, _ = strings.Cut(r.From.Email, "@")
	}
	if domain == "" || strings.ContainsAny(domain, "<>@ \r\n") {
		domain = "staffdesk.invalid"
	}
	var buf [12]byte
	if _, err := rand.Read(buf[:]); err != nil {
		return "", err
	}
	return hex.EncodeToString(buf[:]) + "." + r.Date.UTC().Format("20060102150405") + "@" + domain, nil
}

// references is the thread's References plus the id replied to, deduplicated, bounded.
func references(r Reply) []string {
	seen := map[string]bool{}
	var refs []string
	for _, id := range append(append([]string(nil), r.References...), r.InReplyTo) {
		if id = cleanID(id); id != "" && !seen[id] {
			seen[id] = true
			refs = append(refs, id)
		}
	}
	if len(refs) > maxReferences {
		refs = append(refs[:1], refs[len(refs)-maxReferences+1:]...)
	}
	return refs
}

// cleanID strips brackets and refuses ids that would break the header.
func cleanID(id string) string {
	id = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(id), "<"), ">")
	if id == "" || strings.ContainsAny(id, "<> \t\r\n") {
		return ""
	}
	return id
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func formatAddress(a Address) string {
	return (&mail.Address{Name: oneLine(a.Name), Address: a.Email}).String()
}

func formatList(list []Address) string {
	parts := make([]string, len(list))
	for i, a := range list {
		parts[i] = formatAddress(a)
	}
	return strings.Join(parts, ", ")
}

// writeField writes "Name: value" folded at spaces so lines stay under 78 characters where possible.
func writeField(b *bytes.Buffer, name, value string) {
	line := name + ":"
	for _, word := range strings.Split(value, " ") {
		if len(line)+1+len(word) > 76 && strings.TrimSpace(line) != name+":" {
			b.WriteString(line + "\r\n")
			line = ""
		}
		line += " " + word
	}
	b.WriteString(line + "\r\n")
}

// writeQP writes the text as quoted-printable with CRLF line ends.
func writeQP(b *bytes.Buffer, text string) error {
	text = strings.ReplaceAll(normalizeText(text), "\n", "\r\n")
	if !strings.HasSuffix(text, "\r\n") {
		text += "\r\n"
	}
	w := quotedprintable.NewWriter(b)
	if _, err := w.Write([]byte(text)); err != nil {
		return err
	}
	return w.Close()
}
