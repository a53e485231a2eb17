package mail

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	"staffdesk/backend/mail/dovecottest"
	"staffdesk/backend/mail/message"
	"staffdesk/backend/mail/smtpsend/smtptest"
)

// refOf returns the ref of the message with uid in folder.
func (c *client) refOf(t testing.TB, folder string, uid int) int64 {
	t.Helper()
	var ref int64
	err := c.db.View(context.Background(), func(tx *sql.Tx) error {
		return tx.QueryRow(`SELECT id FROM mail_messages WHERE folder = ? AND uid = ?`, folder, uid).Scan(&ref)
	})
	if err != nil {
		t.Fatalf("ref of %s/%d: %v", folder, uid, err)
	}
	return ref
}

func (c *client) queueKeywords(t testing.TB, ref int64, add, remove []string) {
	t.Helper()
	err := c.db.Update(c.ctx, func(tx *sql.Tx) error { return c.msgs.QueueKeywords(c.ctx, tx, []int64{ref}, add, remove) })
	if err != nil {
		t.Fatalf("queue keywords: %v", err)
	}
}

func TestTwoClientsShareStateThroughKeywords(t *testing.T) {
	srv := dovecottest.Start(t)
	srv.Seed("INBOX", mails(1, 3))
	a, b := newClient(t, srv), newClient(t, srv)
	a.sync(t)
	b.sync(t)

	a.queueKeywords(t, a.refOf(t, "INBOX", 1), []string{"$SD_Open", "$SD_Assigned_7"}, []string{"$SD_New"})
	if n, _ := a.msgs.OutboxCount(a.ctx); n != 1 {
		t.Fatalf("outbox count %d", n)
	}
	sum := a.sync(t)
	if sum.Outbox.Keywords != 1 || sum.Outbox.Conflicts != 0 || sum.Outbox.Left != 0 {
		t.Fatalf("a's flush: %+v", sum.Outbox)
	}
	if f := strings.Join(srv.Flags("INBOX", 1), " "); f != "$SD_Open $SD_Assigned_7" && f != "$SD_Assigned_7 $SD_Open" {
		t.Fatalf("server flags: %q", f)
	}
	if sum := b.sync(t); sum.KeywordsChanged != 1 {
		t.Fatalf("b did not see a's keywords: %+v", sum)
	}
	if kw := b.sinkCalls(t, "keywords"); len(kw) != 1 || !strings.HasSuffix(kw[0], "$SD_Assigned_7 $SD_Open") {
		t.Fatalf("b's keyword calls: %v", kw)
	}

	t.Run("conflict", func(t *testing.T) {
		ref := a.refOf(t, "INBOX", 2)
		a.queueKeywords(t, ref, []string{"$SD_Solved"}, nil)
		b.queueKeywords(t, b.refOf(t, "INBOX", 2), []string{"$SD_Pending"}, nil)
		if sum := b.sync(t); sum.Outbox.Keywords != 1 || sum.Outbox.Conflicts != 0 {
			t.Fatalf("b's flush: %+v", sum.Outbox)
		}
		sum := a.sync(t)
		if sum.Outbox.Conflicts != 1 {
			t.Fatalf("a's flush: %+v", sum.Outbox)
		}
		want := fmt.Sprintf("%d $SD_Solved|$SD_Pending", ref)
		if c := a.sinkCalls(t, "conflict"); len(c) != 1 || c[0] != want {
			t.Fatalf("conflicts: %v, want %q", c, want)
		}
		if kw := a.sinkCalls(t, "keywords"); kw[len(kw)-1] != fmt.Sprintf("%d $SD_Pending", ref) {
			t.Fatalf("keywords after conflict: %v", kw)
		}
		if f := srv.Flags("INBOX", 2); strings.Join(f, " ") != "$SD_Pending" {
			t.Fatalf("server flags after conflict: %v", f)
		}
		a.queueKeywords(t, ref, []string{"$SD_Solved"}, []string{"$SD_Pending"})
		if sum := a.sync(t); sum.Outbox.Keywords != 1 || sum.Outbox.Conflicts != 0 {
			t.Fatalf("resolving: %+v", sum.Outbox)
		}
		if f := srv.Flags("INBOX", 2); strings.Join(f, " ") != "$SD_Solved" {
			t.Fatalf("server flags after resolving: %v", f)
		}
	})
	t.Run("other flags are left alone", func(t *testing.T) {
		srv.AddFlags("INBOX", 3, `\Flagged`)
		a.queueKeywords(t, a.refOf(t, "INBOX", 3), []string{"$SD_Open"}, nil)
		if sum := a.sync(t); sum.Outbox.Conflicts != 0 || sum.Outbox.Keywords != 1 {
			t.Fatalf("flush: %+v", sum.Outbox)
		}
		if f := strings.Join(srv.Flags("INBOX", 3), " "); f != `\Flagged $SD_Open` {
			t.Fatalf("flags: %q", f)
		}
	})
}

func reply(t testing.TB, n int) ([]byte, string) {
	t.Helper()
	raw, id, err := message.BuildReply(message.Reply{From: message.Address{Email: "help@example.org"},
		To: []message.Address{{Email: fmt.Sprintf("member%d@example.com", n)}}, Subject: fmt.Sprintf("Re: Question %d [#%d]", n, n),
		Text: fmt.Sprintf("Answer %d", n), IDDomain: "example.org",
		Date: time.Date(2026, 11, 29, 10, n, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return raw, id
}

func TestOfflineOutboxFlushedOnceInOrder(t *testing.T) {
	srv := dovecottest.Start(t)
	smtp := smtptest.Start(t, smtptest.Plain)
	smtp.User, smtp.Password = srv.User, srv.Password
	host, port := smtp.Addr()
	srv.Seed("INBOX", mails(1, 2))
	c := openClient(t, t.TempDir()+"/s.db", srv)
	mb, err := c.svc.AddMailbox(c.ctx, MailboxInput{Name: "help", Host: srv.Host, Port: srv.Port, Security: "imaps",
		User: srv.User, Password: srv.Password, SMTPHost: host, SMTPPort: port, SMTPSecurity: "plain", From: "help@example.org"})
	if err != nil {
		t.Fatal(err)
	}
	c.sync(t)

	srv.Stop()
	smtp.Fail(true)
	var ids []string
	for i := 1; i <= 3; i++ {
		raw, id := reply(t, i)
		ids = append(ids, id)
		err := c.db.Update(c.ctx, func(tx *sql.Tx) error {
			_, err := c.msgs.QueueSend(c.ctx, tx, Outgoing{MailboxID: mb.ID, From: "help@example.org",
				To: []string{fmt.Sprintf("member%d@example.com", i)}, Raw: raw})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	c.queueKeywords(t, c.refOf(t, "INBOX", 1), []string{"$SD_Pending"}, nil)
	if _, err := c.svc.Sync(c.ctx, SyncOptions{}, nil); err == nil {
		t.Fatal("sync offline succeeded")
	}
	if st, _ := c.svc.Status(c.ctx); st.Online || st.Outbox != 4 {
		t.Fatalf("offline status: %+v", st)
	}
	srv.Restart()
	if _, err := c.svc.Sync(c.ctx, SyncOptions{}, nil); err == nil || len(smtp.Messages()) != 0 {
		t.Fatalf("smtp failing: %v, %d sent", err, len(smtp.Messages()))
	}
	smtp.Fail(false)
	sum := c.sync(t)
	if sum.Outbox.Sent != 3 || sum.Outbox.Keywords != 1 || sum.Outbox.Left != 0 {
		t.Fatalf("flush: %+v", sum.Outbox)
	}
	got := smtp.Messages()
	if len(got) != 3 {
		t.Fatalf("smtp got %d messages, want 3", len(got))
	}
	for i, m := range got {
		if !strings.Contains(string(m.Raw), ids[i]) {
			t.Errorf("message %d out of order", i)
		}
	}
	if n := srv.Count("Sent"); n != 3 {
		t.Fatalf("Sent holds %d", n)
	}
	if s := c.sinkCalls(t, "sent"); len(s) != 3 {
		t.Fatalf("sent calls: %v", s)
	}
	if sum := c.sync(t); sum.New != 0 || sum.Outbox.Sent != 0 || len(smtp.Messages()) != 3 {
		t.Fatalf("second sync: %+v, smtp %d", sum, len(smtp.Messages()))
	}
}

func TestRefusedSendDoesNotBlockTheOutbox(t *testing.T) {
	srv := dovecottest.Start(t)
	smtp := smtptest.Start(t, smtptest.Plain)
	smtp.User, smtp.Password = srv.User, srv.Password
	host, port := smtp.Addr()
	c := openClient(t, t.TempDir()+"/s.db", srv)
	mb, err := c.svc.AddMailbox(c.ctx, MailboxInput{Name: "help", Host: srv.Host, Port: srv.Port, Security: "imaps",
		User: srv.User, Password: srv.Password, SMTPHost: host, SMTPPort: port, SMTPSecurity: "plain", From: "help@example.org"})
	if err != nil {
		t.Fatal(err)
	}
	queue := func(n int) {
		raw, _ := reply(t, n)
		err := c.db.Update(c.ctx, func(tx *sql.Tx) error {
			_, err := c.msgs.QueueSend(c.ctx, tx, Outgoing{MailboxID: mb.ID, From: "help@example.org", To: []string{"x@example.com"}, Raw: raw})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	queue(1)
	smtp.Reject(true)
	c.sync(t)
	smtp.Reject(false)
	queue(2)
	sum := c.sync(t)
	if len(smtp.Messages()) != 1 || sum.Outbox.Left != 0 {
		t.Fatalf("smtp got %d, outbox %+v", len(smtp.Messages()), sum.Outbox)
	}
}
