package message

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestBuildReply(t *testing.T) {
	date := time.Date(2026, 11, 29, 10, 30, 0, 0, time.UTC)
	base := Reply{
		From:       Address{Name: "Parents Net Help", Email: "help@parentsnet.example"},
		To:         []Address{{Name: "Zoë Müller", Email: "zoe@example.de"}},
		Cc:         []Address{{Name: "O'Brien, Mary", Email: "mary@example.co.uk"}},
		Subject:    "Café question",
		InReplyTo:  "ew-1@example.de",
		References: []string{"first@example.de"},
		Text:       "Hello Zoë,\n\nThe café is open — £2 per child.\nA line that is long enough to need a soft line break in quoted printable encoding because it goes on and on.\n.\nBye",
		Date:       date,
		IDDomain:   "parentsnet.example",
		Ticket:     42,
	}
	raw, id, err := BuildReply(base)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(id, "@parentsnet.example") || strings.ContainsAny(id, "<> ") {
		t.Errorf("message id %q", id)
	}
	for _, line := range bytes.Split(raw, []byte("\r\n")) {
		if len(line) > 998 || bytes.ContainsRune(line, '\n') || bytes.ContainsRune(line, '\r') {
			t.Errorf("bad line %q", line)
		}
		if len(line) > 78 && !bytes.HasPrefix(line, []byte("Message-ID")) {
			t.Errorf("line longer than 78: %q", line)
		}
	}
	for _, b := range raw {
		if b >= 0x80 {
			t.Fatal("raw reply is not 7-bit")
		}
	}
	m, err := Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ what, got, want string }{
		{"subject", m.Subject, "Re: Café question [#42]"},
		{"from", m.From.Name + " <" + m.From.Email + ">", "Parents Net Help <help@parentsnet.example>"},
		{"to", m.To[0].Name + " <" + m.To[0].Email + ">", "Zoë Müller <zoe@example.de>"},
		{"cc", m.Cc[0].Name, "O'Brien, Mary"},
		{"message id", m.MessageID, id},
		{"in-reply-to", m.InReplyTo, "ew-1@example.de"},
		{"references", strings.Join(m.References, " "), "first@example.de ew-1@example.de"},
		{"date", m.Date.UTC().Format(time.RFC3339), "2026-11-29T10:30:00Z"},
		{"text", m.Text, base.Text},
		{"warnings", fmt.Sprint(m.Warnings), "[]"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	if m.Auto != AutoNone {
		t.Errorf("reply classified as %q", m.Auto)
	}
	_, id2, _ := BuildReply(base)
	if id2 == id {
		t.Error("message ids repeat")
	}
}

func TestBuildReplyRefusesAndBounds(t *testing.T) {
	date := time.Date(2026, 11, 29, 10, 30, 0, 0, time.UTC)
	ok := Reply{From: Address{Email: "help@parentsnet.example"}, To: []Address{{Email: "a@example.com"}}, Subject: "x", Date: date}
	for _, tc := range []struct {
		name   string
		change func(r *Reply)
	}{
		{"no date", func(r *Reply) { r.Date = time.Time{} }},
		{"no recipient", func(r *Reply) { r.To = nil }},
		{"header injection in address", func(r *Reply) { r.To[0].Email = "a@example.com>\r\nBcc: x@evil.example" }},
		{"invalid from", func(r *Reply) { r.From.Email = "not an address" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ok
			r.To = append([]Address(nil), ok.To...)
			tc.change(&r)
			if _, _, err := BuildReply(r); err == nil {
				t.Error("accepted")
			}
		})
	}
	t.Run("injection in subject and name is flattened", func(t *testing.T) {
		r := ok
		r.Subject = "hi\r\nBcc: x@evil.example"
		r.To = []Address{{Name: "A\r\nBcc: y@evil.example", Email: "a@example.com"}}
		raw, _, err := BuildReply(r)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(raw, []byte("\r\nBcc:")) {
			t.Errorf("header injected:\n%s", raw)
		}
	})
	t.Run("references bounded, first kept", func(t *testing.T) {
		r := ok
		for i := 0; i < 50; i++ {
			r.References = append(r.References, fmt.Sprintf("<m%d@example.com>", i))
		}
		r.InReplyTo = "m49@example.com"
		raw, _, err := BuildReply(r)
		if err != nil {
			t.Fatal(err)
		}
		m, _ := Parse(raw)
		if len(m.References) != maxReferences || m.References[0] != "m0@example.com" || m.References[maxReferences-1] != "m49@example.com" {
			t.Errorf("references %v", m.References)
		}
	})
}

// TestBuildReplyLongHeaders: long non-ASCII subjects and names fold into lines of one encoded word (at
// most 75 characters, so a line stays well under the 998 limit) and round-trip.
func TestBuildReplyLongHeaders(t *testing.T) {
	subject := strings.Repeat("Café crème brûlée ", 12)
	name := strings.Repeat("Zoë ", 20)
	raw, _, err := BuildReply(Reply{From: Address{Name: name, Email: "help@parentsnet.example"},
		To: []Address{{Email: "zoe@example.de"}}, Subject: subject, Date: time.Now(), Text: strings.Repeat("x", 300)})
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(raw), "\r\n") {
		if len(line) > 90 {
			t.Errorf("line of %d characters: %q", len(line), line)
		}
	}
	m, err := Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	if m.Subject != strings.TrimSpace(subject) || m.From.Name != strings.TrimSpace(name) || m.Text != strings.Repeat("x", 300) {
		t.Errorf("round trip: %q / %q / %d", m.Subject, m.From.Name, len(m.Text))
	}
}
