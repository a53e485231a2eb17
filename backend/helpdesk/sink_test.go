package helpdesk

import (
	"database/sql"
	"strings"
	"testing"
)

const priya = "Priya Shah <priya.shah@example.com>"

func TestThreading(t *testing.T) {
	f := newFixture(t)
	f.deliver(t, 1, 1, mailSpec{from: priya, subject: "Can't log in", id: "q1@example.com", body: "I changed my email"}.raw(), false)
	steps := []struct {
		name   string
		mail   mailSpec
		ticket int64 // the ticket the mail must join; 0 = a new ticket
	}{
		{"in-reply-to", mailSpec{from: priya, subject: "Re: Can't log in", id: "q2@example.com", inReplyTo: "q1@example.com", body: "still stuck"}, 1},
		{"references only", mailSpec{from: priya, subject: "log in", id: "q3@example.com", refs: "<zz@elsewhere> <q2@example.com>", body: "and again"}, 1},
		{"token from participant", mailSpec{from: "PRIYA.SHAH@example.com", subject: "Re: Can't log in [#1]", id: "q4@example.com", body: "token"}, 1},
		{"token from stranger", mailSpec{from: "eve@attacker.example", subject: "Re: anything [#1]", id: "e1@attacker.example", body: "let me in"}, 0},
		{"unrelated", mailSpec{from: "tom.evans@example.net", subject: "Please remove my listing", id: "t1@example.net", body: "closed"}, 0},
		{"reply to unknown id", mailSpec{from: "sam@example.com", subject: "Re: prize", id: "s1@example.com", inReplyTo: "nobody@x", body: "?"}, 0},
	}
	for i, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			before := f.list(t, Filter{}).Total
			f.deliver(t, int64(10+i), 1, st.mail.raw(), false)
			after := f.list(t, Filter{})
			if st.ticket == 0 {
				if after.Total != before+1 {
					t.Fatalf("want a new ticket, have %d -> %d", before, after.Total)
				}
				return
			}
			if after.Total != before {
				t.Fatalf("want the mail on ticket %d, got a new ticket", st.ticket)
			}
			if n := len(f.get(t, st.ticket).Thread); n < 2 {
				t.Fatalf("thread has %d items", n)
			}
		})
	}
	if tk := f.get(t, 1); len(tk.Thread) != 4 || tk.Requester.Email != "priya.shah@example.com" || tk.Status != StatusNew {
		t.Fatalf("ticket 1: %d items, %+v", len(tk.Thread), tk.TicketSummary)
	}
}

func TestDedupe(t *testing.T) {
	f := newFixture(t)
	m := mailSpec{from: priya, subject: "Prize", id: "p1@example.com", to: "help1@parents.example, help2@parents.example", body: "where is it"}
	noID := mailSpec{from: "jo@example.co.uk", subject: "No id", body: "a mail without Message-ID"}
	cases := []struct {
		name       string
		ref, box   int64
		raw        []byte
		wantTotal  int
		wantThread int
	}{
		{"first copy", 1, 1, m.raw(), 1, 1},
		{"same ref again (resumed sync)", 1, 1, m.raw(), 1, 1},
		{"copy in a second mailbox", 2, 2, m.raw(), 1, 1},
		{"copy after UIDVALIDITY change", 3, 1, m.raw(), 1, 1},
		{"no Message-ID", 4, 1, noID.raw(), 2, 1},
		{"no Message-ID, same content in mailbox 2", 5, 2, noID.raw(), 2, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f.deliver(t, c.ref, c.box, c.raw, false)
			p := f.list(t, Filter{})
			if p.Total != c.wantTotal {
				t.Fatalf("tickets: %d, want %d", p.Total, c.wantTotal)
			}
			if n := len(f.get(t, p.Tickets[0].ID).Thread); n != c.wantThread {
				t.Fatalf("thread: %d items", n)
			}
		})
	}
	var refs int
	f.db.View(f.ctx, func(tx *sql.Tx) error {
		return tx.QueryRow(`SELECT count(*) FROM helpdesk_refs WHERE item_id = 1`).Scan(&refs)
	})
	if refs != 3 {
		t.Fatalf("refs of the first mail: %d, want 3 (every copy keeps its keywords)", refs)
	}
}

func TestAutoRepliesAndBounces(t *testing.T) {
	f := newFixture(t)
	f.deliver(t, 1, 1, mailSpec{from: priya, subject: "Help", id: "h1@example.com", body: "help"}.raw(), false)
	if _, err := f.svc.Reply(f.ctx, 1, ReplyInput{Text: "Here is how", Status: StatusSolved}); err != nil {
		t.Fatal(err)
	}
	out := f.mail.sends[0]
	var replyID string
	f.db.View(f.ctx, func(tx *sql.Tx) error {
		return tx.QueryRow(`SELECT message_id FROM helpdesk_items WHERE kind = 'out'`).Scan(&replyID)
	})
	cases := []struct {
		name     string
		mail     mailSpec
		wantAuto int // auto items on ticket 1 after
		aside    int // set-aside mails after
	}{
		{"out-of-office to our reply", mailSpec{from: priya, subject: "Auto: Re: Help [#1]", id: "a1@example.com", inReplyTo: replyID,
			extra: "Auto-Submitted: auto-replied\r\n", body: "I am away"}, 1, 0},
		{"x-autoreply matching nothing", mailSpec{from: "away@example.org", subject: "Out of office", id: "a2@example.org",
			extra: "X-Autoreply: yes\r\n", body: "away"}, 1, 1},
		{"precedence bulk", mailSpec{from: "news@shop.example", subject: "Sale", id: "b1@shop.example",
			extra: "Precedence: bulk\r\n", body: "50% off"}, 1, 2},
		{"bounce with null return-path", mailSpec{from: "MAILER-DAEMON@mx.example", subject: "Undelivered Mail", id: "d1@mx.example",
			extra: "Return-Path: <>\r\n", body: "could not deliver"}, 1, 3},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f.deliver(t, int64(20+i), 1, c.mail.raw(), false)
			tk := f.get(t, 1)
			if tk.Status != StatusSolved {
				t.Fatalf("status %s: an automatic mail reopened the ticket", tk.Status)
			}
			auto := 0
			for _, it := range tk.Thread {
				if it.Kind == KindAuto {
					auto++
				}
			}
			if auto != c.wantAuto {
				t.Fatalf("auto items %d, want %d", auto, c.wantAuto)
			}
			if p := f.list(t, Filter{}); p.Total != 1 {
				t.Fatalf("an automatic mail opened a ticket: %d", p.Total)
			}
			list, err := f.svc.Unticketed(f.ctx)
			if err != nil || len(list) != c.aside {
				t.Fatalf("set aside: %d %v", len(list), err)
			}
		})
	}
	if out.To[0] != "priya.shah@example.com" {
		t.Fatalf("reply to %v", out.To)
	}
}

func TestStatusRules(t *testing.T) {
	for _, c := range []struct{ from, want string }{
		{StatusNew, StatusNew}, {StatusOpen, StatusOpen}, {StatusPending, StatusOpen},
		{StatusSolved, StatusOpen}, {StatusClosed, StatusOpen},
	} {
		t.Run(c.from, func(t *testing.T) {
			f := newFixture(t)
			f.deliver(t, 1, 1, mailSpec{from: priya, subject: "Q", id: "m1@x", body: "q"}.raw(), false)
			if _, err := f.svc.Update(f.ctx, 1, Change{Status: ptr(c.from)}); err != nil {
				t.Fatal(err)
			}
			f.deliver(t, 2, 1, mailSpec{from: priya, subject: "Re: Q", id: "m2@x", inReplyTo: "m1@x", body: "more"}.raw(), false)
			if tk := f.get(t, 1); tk.Status != c.want {
				t.Fatalf("member reply on %s: %s, want %s", c.from, tk.Status, c.want)
			}
		})
	}
}

func TestSentFolderAndOutbox(t *testing.T) {
	f := newFixture(t)
	f.deliver(t, 1, 1, mailSpec{from: priya, subject: "Q", id: "m1@x", body: "question"}.raw(), false)
	for _, text := range []string{"first answer", "second answer"} {
		if _, err := f.svc.Reply(f.ctx, 1, ReplyInput{Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	if len(f.mail.sends) != 2 || f.mail.sends[0].From != "help1@parents.example" {
		t.Fatalf("sends: %+v", f.mail.sends)
	}
	tk := f.get(t, 1)
	if tk.Status != StatusPending || tk.Thread[1].Delivery != "queued" || tk.Thread[1].Text != "first answer" || tk.Thread[2].Text != "second answer" {
		t.Fatalf("after replies: %s %+v", tk.Status, tk.Thread)
	}
	raw0 := f.mail.sends[0].Raw
	if err := f.db.Update(f.ctx, func(tx *sql.Tx) error { return f.svc.Sent(f.ctx, tx, 1, 0) }); err != nil {
		t.Fatal(err)
	}
	f.deliver(t, 50, 1, raw0, true)
	tk = f.get(t, 1)
	if len(tk.Thread) != 3 || tk.Thread[1].Delivery != "sent" || tk.Thread[2].Delivery != "queued" {
		t.Fatalf("after sent: %+v", tk.Thread)
	}
	f.deliver(t, 51, 1, mailSpec{from: "help1@parents.example", to: "priya.shah@example.com", subject: "Re: Q [#1]", id: "tb@parents.example",
		inReplyTo: "m1@x", body: "sent from Thunderbird"}.raw(), true)
	f.deliver(t, 52, 1, mailSpec{from: "help1@parents.example", to: "x@example.com", subject: "private", id: "pv@parents.example",
		body: "not a ticket"}.raw(), true)
	raw1 := f.mail.sends[1].Raw
	f.deliver(t, 53, 1, raw1, true)
	if tk = f.get(t, 1); tk.Thread[2].Delivery != "sent" {
		t.Fatalf("a reply found in Sent is sent: %+v", tk.Thread[2])
	}
	if tk = f.get(t, 1); len(tk.Thread) != 4 || tk.Thread[3].Kind != KindOut {
		t.Fatalf("our reply from another client: %+v", tk.Thread)
	}
	if p := f.list(t, Filter{}); p.Total != 1 {
		t.Fatalf("sent mail opened a ticket: %d", p.Total)
	}
	if err := f.db.Update(f.ctx, func(tx *sql.Tx) error { return f.svc.Expunged(f.ctx, tx, []int64{1, 50}) }); err != nil {
		t.Fatal(err)
	}
	if tk = f.get(t, 1); len(tk.Thread) != 4 {
		t.Fatalf("expunge lost history: %d", len(tk.Thread))
	}
}

func TestBounceOfOurReply(t *testing.T) {
	f := newFixture(t)
	f.deliver(t, 1, 1, mailSpec{from: "Sam <sam@old-isp.example>", subject: "Prize", id: "s1@x", body: "where is it"}.raw(), false)
	bounce := "From: MAILER-DAEMON@mx.parents.example\r\nTo: help1@parents.example\r\nSubject: Undelivered Mail Returned to Sender\r\n" +
		"Message-ID: <b1@mx>\r\nDate: Sat, 28 Nov 2026 11:00:00 +0000\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n\r\n" +
		"--r\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n" +
		"--r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.parents.example\r\n\r\nFinal-Recipient: rfc822; sam@old-isp.example\r\nAction: failed\r\nStatus: 5.1.1\r\n" +
		"--r\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: help1@parents.example\r\nTo: sam@old-isp.example\r\nSubject: Re: Prize [#1]\r\n" +
		"Message-ID: <unknown-reply@parents.example>\r\nIn-Reply-To: <s1@x>\r\n--r--\r\n"
	if _, err := f.svc.Update(f.ctx, 1, Change{Status: ptr(StatusPending)}); err != nil {
		t.Fatal(err)
	}
	f.deliver(t, 2, 1, []byte(bounce), false)
	tk := f.get(t, 1)
	if len(tk.Thread) != 2 || tk.Thread[1].Kind != KindAuto || tk.Status != StatusPending {
		t.Fatalf("bounce: %s %+v", tk.Status, tk.Thread)
	}
}

func TestContactFormReplyTo(t *testing.T) {
	f := newFixture(t)
	f.deliver(t, 1, 1, mailSpec{from: "Website <noreply@parents.example>", subject: "Contact form: account", id: "cf1@x",
		extra: "Reply-To: Fatima Begum <fatima@example.com>\r\n", body: "Please close my account."}.raw(), false)
	tk := f.get(t, 1)
	if tk.Requester.Email != "fatima@example.com" || tk.Requester.Name != "Fatima Begum" {
		t.Fatalf("requester: %+v", tk.Requester)
	}
	if _, err := f.svc.Reply(f.ctx, 1, ReplyInput{Text: "Done."}); err != nil || f.mail.sends[0].To[0] != "fatima@example.com" {
		t.Fatalf("reply to %v: %v", f.mail.sends, err)
	}
	f.deliver(t, 2, 1, mailSpec{from: "fatima@example.com", subject: "Re: Contact form: account [#1]", id: "cf2@x", body: "Thanks"}.raw(), false)
	if tk = f.get(t, 1); len(tk.Thread) != 3 {
		t.Fatalf("token from the Reply-To address did not thread: %d", len(tk.Thread))
	}
}

func TestRefusedReply(t *testing.T) {
	f := newFixture(t)
	f.deliver(t, 1, 1, mailSpec{from: priya, subject: "Q", id: "m1@x", body: "question"}.raw(), false)
	if _, err := f.svc.Reply(f.ctx, 1, ReplyInput{Text: "to a closed address"}); err != nil {
		t.Fatal(err)
	}
	if err := f.db.Update(f.ctx, func(tx *sql.Tx) error { return f.svc.SendFailed(f.ctx, tx, 1, "550 5.1.1 mailbox unavailable") }); err != nil {
		t.Fatal(err)
	}
	if it := f.get(t, 1).Thread[1]; it.Delivery != "failed" || len(it.Warnings) != 1 || !strings.Contains(it.Warnings[0], "550") {
		t.Fatalf("refused reply: %+v", it)
	}
	if err := f.db.Update(f.ctx, func(tx *sql.Tx) error { return f.svc.SendFailed(f.ctx, tx, 99, "x") }); err != nil {
		t.Fatalf("unknown outbox item: %v", err)
	}
}
