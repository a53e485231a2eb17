package helpdesk

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/mail"
	"staffdesk/backend/mail/dovecottest"
	"staffdesk/backend/mail/message"
	"staffdesk/backend/mail/smtpsend/smtptest"
	"staffdesk/backend/store"
)

// laptop is one operator's laptop: its own encrypted store, mail service and help desk.
type laptop struct {
	desk *Service
	mail *mail.Service
	ctx  context.Context
}

// realMail is the mail area as app/ wires it: the store-side Messages and the mailbox's From address.
type realMail struct{ *mail.Messages }

func (realMail) MailboxAddress(context.Context, int64) (message.Address, error) {
	return message.Address{Name: "Parents Help Desk", Email: "help@parents.example"}, nil
}

type nopEvents struct{}

func (nopEvents) Emit(string, any) {}

func newLaptop(t *testing.T, srv *dovecottest.Server, smtpHost string, smtpPort int, who actor.Actor) *laptop {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "s.db"), bytes.Repeat([]byte{5}, 32),
		audit.Migrations, mail.Migrations, Migrations)
	if err != nil {
		t.Fatal(err)
	}
	clk := clock.NewFixed(time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC))
	au := audit.NewService(db, clk)
	msgs := mail.NewMessages(db, clk)
	desk := NewService(db, au, clk, realMail{msgs}, testOps)
	ms := mail.NewService(db, au, clk, msgs, desk, nopEvents{})
	ms.TrustTLS(srv.TLS)
	t.Cleanup(func() { ms.Stop(); db.Close() })
	admin := actor.With(context.Background(), actor.Actor{ID: "op2", Name: "ade", Role: actor.Admin})
	_, err = ms.AddMailbox(admin, mail.MailboxInput{Name: "help", Host: srv.Host, Port: srv.Port, Security: "imaps",
		User: srv.User, Password: srv.Password, SMTPHost: smtpHost, SMTPPort: smtpPort, SMTPSecurity: "plain", From: "help@parents.example"})
	if err != nil {
		t.Fatalf("add mailbox: %v", err)
	}
	return &laptop{desk: desk, mail: ms, ctx: actor.With(context.Background(), who)}
}

func (l *laptop) sync(t *testing.T) mail.SyncSummary {
	t.Helper()
	sum, err := l.mail.Sync(l.ctx, mail.SyncOptions{}, nil)
	if err != nil || len(sum.Errors) > 0 {
		t.Fatalf("sync: %v %v", err, sum.Errors)
	}
	return sum
}

// TestAgainstDovecot runs the help desk over a real Dovecot and SMTP server with two laptops: a question
// opens one ticket on both, a reply is sent once, appended to Sent and shown once in the thread, the
// member's answer to it threads and reopens, state travels between laptops as keywords, and a
// concurrent change on both shows as a conflict.
func TestAgainstDovecot(t *testing.T) {
	srv := dovecottest.Start(t)
	smtp := smtptest.Start(t, smtptest.Plain)
	smtp.User, smtp.Password = srv.User, srv.Password
	host, port := smtp.Addr()
	a := newLaptop(t, srv, host, port, actor.Actor{ID: "op1", Name: "hana", Role: actor.HelpDesk})
	b := newLaptop(t, srv, host, port, actor.Actor{ID: "op2", Name: "ade", Role: actor.Admin})
	q := mailSpec{from: priya, to: "help@parents.example", subject: "Can't log in", id: "q1@example.com", body: "I changed my email"}
	srv.Seed("INBOX", [][]byte{q.raw(), q.raw()})
	a.sync(t)
	if p, _ := a.desk.List(a.ctx, Filter{}); p.Total != 1 {
		t.Fatalf("tickets on A: %d (the same mail twice must make one)", p.Total)
	}

	tk, err := a.desk.Reply(a.ctx, 1, ReplyInput{Text: "Please sign in with your new address."})
	if err != nil || tk.Thread[1].Delivery != "queued" {
		t.Fatalf("reply: %v %+v", err, tk.Thread)
	}
	a.sync(t)
	sent := smtp.Messages()
	if len(sent) != 1 || !strings.Contains(string(sent[0].Raw), "In-Reply-To: <q1@example.com>") ||
		!strings.Contains(string(sent[0].Raw), "[#1]") {
		t.Fatalf("sent: %d %q", len(sent), sent)
	}
	a.sync(t)
	if tk, _ = a.desk.Get(a.ctx, 1); len(tk.Thread) != 2 || tk.Thread[1].Delivery != "sent" || tk.Status != StatusPending {
		t.Fatalf("after sending: %s %+v", tk.Status, tk.Thread)
	}
	if n := srv.Count("Sent"); n != 1 {
		t.Fatalf("Sent folder: %d", n)
	}

	m, _ := message.Parse(sent[0].Raw)
	follow := mailSpec{from: priya, to: "help@parents.example", subject: "Re: Can't log in [#1]", id: "q2@example.com",
		inReplyTo: m.MessageID, refs: "<q1@example.com> <" + m.MessageID + ">", body: "Thanks, that worked",
		date: time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)}
	srv.Seed("INBOX", [][]byte{follow.raw()})
	b.sync(t)
	tb, err := b.desk.Get(b.ctx, 1)
	if err != nil || len(tb.Thread) != 3 || tb.Thread[1].Kind != KindOut || tb.Thread[2].Kind != KindIn || tb.Status != StatusOpen {
		t.Fatalf("laptop B: %v %s %+v", err, tb.Status, tb.Thread)
	}

	if _, err := b.desk.Update(b.ctx, 1, Change{Status: ptr(StatusSolved), AssigneeID: ptr("op2")}); err != nil {
		t.Fatal(err)
	}
	b.sync(t)
	a.sync(t)
	if tk, _ = a.desk.Get(a.ctx, 1); tk.Status != StatusSolved || tk.AssigneeID != "op2" || !tk.SharedState {
		t.Fatalf("B's change on A: %+v", tk.TicketSummary)
	}

	if _, err := a.desk.Update(a.ctx, 1, Change{Status: ptr(StatusClosed)}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.desk.Update(b.ctx, 1, Change{Priority: ptr("urgent"), Status: ptr(StatusPending)}); err != nil {
		t.Fatal(err)
	}
	b.sync(t)
	a.sync(t)
	tk, _ = a.desk.Get(a.ctx, 1)
	if !tk.Conflict || len(tk.Conflicts) != 1 || tk.Conflicts[0].Theirs.Status != StatusPending {
		t.Fatalf("conflict on A: %+v %+v", tk.TicketSummary, tk.Conflicts)
	}
	if tk, err = a.desk.ResolveConflict(a.ctx, 1, "mine"); err != nil || tk.Status != StatusClosed {
		t.Fatalf("keep mine: %v %+v", err, tk.TicketSummary)
	}
	a.sync(t)
	b.sync(t)
	if tb, _ = b.desk.Get(b.ctx, 1); tb.Status != StatusClosed {
		t.Fatalf("A's resolution on B: %+v", tb.TicketSummary)
	}
	if len(smtp.Messages()) != 1 {
		t.Fatalf("the reply was sent %d times", len(smtp.Messages()))
	}
}
