package helpdesk

import (
	"database/sql"
	"strings"
	"testing"

	"staffdesk/backend/mail/message"
)

// A mail's item keeps no copy of its text: the thread, the member's records, search excerpts and the index
// rebuilt after a reply all read it from the mail area's stored message; our own reply keeps its text.
func TestMailTextReadFromStoredMail(t *testing.T) {
	f := newFixture(t)
	f.deliver(t, 1, 1, mailSpec{from: priya, subject: "Nursery place", id: "n1@x", body: "The nursery cancelled our place"}.raw(), false)
	f.deliver(t, 2, 1, mailSpec{from: priya, subject: "Re: Nursery place", id: "n2@x", inReplyTo: "n1@x",
		body: "Any news about the refund?"}.raw(), false)
	var stored int
	err := f.db.View(f.ctx, func(tx *sql.Tx) error {
		return tx.QueryRow(`SELECT count(*) FROM helpdesk_items WHERE text <> ''`).Scan(&stored)
	})
	if err != nil || stored != 0 {
		t.Fatalf("%d items keep a copy of their mail's text (%v), want none", stored, err)
	}
	tk := f.get(t, 1)
	if len(tk.Thread) != 2 || !strings.Contains(tk.Thread[0].Text, "cancelled our place") || !strings.Contains(tk.Thread[1].Text, "refund") {
		t.Fatalf("thread = %+v", tk.Thread)
	}
	tests := []struct {
		query, excerpt string
	}{{"cancelled", "cancelled our place"}, {"refund", "refund"}}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			p := f.list(t, Filter{Query: tt.query})
			if p.Total != 1 || !strings.Contains(p.Tickets[0].Snippet, tt.excerpt) {
				t.Fatalf("search %q: %+v", tt.query, p)
			}
		})
	}
	rec, err := f.svc.MemberRecords(f.ctx, "priya.shah@example.com")
	if err != nil || len(rec.Rows) != 2 || !strings.Contains(rec.Rows[0][6], "cancelled our place") {
		t.Fatalf("member's records = %+v (%v)", rec.Rows, err)
	}
}

// When the mail area cannot read a stored mail, the thread, search and the member's records fail and say
// which item, rather than showing an empty message.
func TestMailTextUnreadable(t *testing.T) {
	f := newFixture(t)
	f.deliver(t, 1, 1, mailSpec{from: priya, subject: "Nursery place", id: "n1@x", body: "The nursery cancelled our place"}.raw(), false)
	f.mail.textFail = true
	_, errGet := f.svc.Get(f.ctx, 1)
	_, errList := f.svc.List(f.ctx, Filter{Query: "nursery"})
	_, errRecords := f.svc.MemberRecords(f.ctx, "priya.shah@example.com")
	for name, err := range map[string]error{"thread": errGet, "search": errList, "member's records": errRecords} {
		t.Run(name, func(t *testing.T) {
			if err == nil || !strings.Contains(err.Error(), "read mail of item 1") || !strings.Contains(err.Error(), "damaged") {
				t.Fatalf("err = %v, want the item and the cause", err)
			}
		})
	}
}

// The benchmark's stored mail (renderMail) parses back to the text it was made from, so that the search
// benchmark's excerpts and reindexing read real text.
func TestRenderMailParsesBack(t *testing.T) {
	for _, i := range []int{0, 3, 4242} {
		m := benchMail(i)
		got, err := message.Parse(renderMail(m))
		if err != nil || strings.TrimSpace(got.Text) != m.Text || got.MessageID != m.MessageID || got.InReplyTo != m.InReplyTo {
			t.Fatalf("mail %d parsed back as %+v (%v), want text %q", i, got, err, m.Text)
		}
	}
}
