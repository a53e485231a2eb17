package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"strconv"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"

	"staffdesk/backend/helpdesk"
	"staffdesk/backend/mail"
)

// DemoIMAPUser and DemoIMAPPassword sign in to the demo's in-process IMAP server.
const (
	DemoIMAPUser     = "helpdesk@demo.example"
	DemoIMAPPassword = "demo-imap-password"
)

// demoIMAP is an in-memory IMAP server on a loopback port holding the demo help-desk mailbox (an INBOX
// and a \Sent folder with our earlier replies), and the demo's SMTP server for the replies.
type demoIMAP struct {
	ln   net.Listener
	srv  *imapserver.Server
	smtp *demoSMTP
}

func startDemoIMAP(ctx context.Context) (*demoIMAP, error) {
	mem := imapmemserver.New()
	user := imapmemserver.NewUser(DemoIMAPUser, DemoIMAPPassword)
	if err := user.Create("INBOX", nil); err != nil {
		return nil, fmt.Errorf("demo imap: %w", err)
	}
	if err := user.Create("Sent", &imap.CreateOptions{SpecialUse: []imap.MailboxAttr{imap.MailboxAttrSent}}); err != nil {
		return nil, fmt.Errorf("demo imap: %w", err)
	}
	for _, m := range demoMessages(time.Now()) {
		if _, err := user.Append(m.folder, literal{bytes.NewReader(m.raw)}, &imap.AppendOptions{}); err != nil {
			return nil, fmt.Errorf("demo imap: %w", err)
		}
	}
	mem.AddUser(user)
	srv := imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), nil, nil
		},
		Caps:         imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapIMAP4rev2: {}, imap.CapSpecialUse: {}},
		InsecureAuth: true,
		Logger:       log.New(discard{}, "", 0),
	})
	out, err := startDemoSMTP()
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		out.Close()
		return nil, fmt.Errorf("demo imap: %w", err)
	}
	go srv.Serve(ln)
	return &demoIMAP{ln: ln, srv: srv, smtp: out}, nil
}

// Addr is the server's host:port.
func (d *demoIMAP) Addr() string { return d.ln.Addr().String() }

// Close stops both servers.
func (d *demoIMAP) Close() error { return errors.Join(d.smtp.Close(), d.srv.Close()) }

// literal is a demo mail as go-imap's APPEND wants it.
type literal struct{ *bytes.Reader }

// Size is the mail's length in bytes.
func (l literal) Size() int64 { return l.Reader.Size() }

// discard is the demo server's log: it keeps nothing.
type discard struct{}

// Write drops p.
func (discard) Write(p []byte) (int, error) { return len(p), nil }

// seedHelpdeskDemo adds the demo servers as the help desk's mailbox (plain IMAP and SMTP, loopback only),
// syncs it so the help desk has tickets at unlock, and works a few of them the way staff would.
func seedHelpdeskDemo(ctx context.Context, svc *Services, servers *demoIMAP) error {
	host, portText, err := net.SplitHostPort(servers.Addr())
	if err != nil {
		return fmt.Errorf("demo mailbox: %w", err)
	}
	port, _ := strconv.Atoi(portText)
	_, err = svc.Mail.AddMailbox(ctx, mail.MailboxInput{Name: "help", Host: host, Port: port, Security: "plain",
		User: DemoIMAPUser, Password: DemoIMAPPassword, Folders: []string{"INBOX"}, SMTPHost: host, SMTPPort: servers.smtp.Port(),
		SMTPSecurity: "plain", From: DemoIMAPUser})
	if err != nil {
		return fmt.Errorf("demo mailbox: %w", err)
	}
	if _, err := svc.Mail.Sync(ctx, mail.SyncOptions{Operation: "demo"}, nil); err != nil {
		return fmt.Errorf("demo sync: %w", err)
	}
	return workDemoTickets(ctx, svc)
}

// demoWork is what staff did on a demo ticket, found by a word of it.
type demoWork struct {
	query  string
	change helpdesk.Change
	note   string
}

func workDemoTickets(ctx context.Context, svc *Services) error {
	hana, err := operatorID(ctx, svc, "hana")
	if err != nil {
		return err
	}
	work := []demoWork{
		{"logs me out", helpdesk.Change{Status: ptrTo(helpdesk.StatusOpen), AssigneeID: &hana, Priority: ptrTo("high"), AddTags: []string{"login"}},
			"Her old address is still on the app's session: asked the developers (ticket APP-311)."},
		{"Little Acorns", helpdesk.Change{Status: ptrTo(helpdesk.StatusSolved), AddTags: []string{"listings"}}, ""},
		{"won the pushchair competition in October", helpdesk.Change{Status: ptrTo(helpdesk.StatusPending), AddTags: []string{"prizes"}},
			"Our reply bounced: her old address is gone. Waiting for the sponsor's tracking number."},
		{"autism", helpdesk.Change{Sensitive: ptrTo(true), AssigneeID: &hana}, "Marked sensitive: special-category data about a child."},
		{"soft play", helpdesk.Change{Priority: ptrTo("urgent"), AddTags: []string{"moderation"}}, ""},
	}
	for _, w := range work {
		page, err := svc.Helpdesk.List(ctx, helpdesk.Filter{Query: w.query, Limit: 1})
		if err != nil || len(page.Tickets) == 0 {
			return fmt.Errorf("demo ticket %q: not found after the sync (%v)", w.query, err)
		}
		id := page.Tickets[0].ID
		if _, err := svc.Helpdesk.Update(ctx, id, w.change); err != nil {
			return fmt.Errorf("demo ticket %d: %w", id, err)
		}
		if w.note != "" {
			if _, err := svc.Helpdesk.AddNote(ctx, id, w.note); err != nil {
				return fmt.Errorf("demo ticket %d: %w", id, err)
			}
		}
	}
	return seedCannedReplies(ctx, svc)
}

var demoCanned = []helpdesk.Canned{
	{Title: "Password reset", Body: "Hi,\n\nPlease use 'Forgotten password' on the sign-in page; the link is valid for an hour. If it doesn't arrive, check your spam folder.\n\nBest wishes,\nParents Help Desk"},
	{Title: "Listing removed", Body: "Hi,\n\nWe've taken the listing down; it can take an hour to disappear from search.\n\nBest wishes,\nParents Help Desk"},
	{Title: "Newsletter unsubscribe", Body: "Hi,\n\nWe've removed your address from every newsletter. Mail already scheduled may still arrive in the next 48 hours.\n\nBest wishes,\nParents Help Desk"},
	{Title: "Data request received", Body: "Hi,\n\nWe've received your request for the data we hold about you and will reply within one month, as the law requires.\n\nBest wishes,\nParents Help Desk"},
}

func seedCannedReplies(ctx context.Context, svc *Services) error {
	for _, c := range demoCanned {
		if _, err := svc.Helpdesk.SaveCanned(ctx, c); err != nil {
			return fmt.Errorf("demo canned reply: %w", err)
		}
	}
	return nil
}

func ptrTo[T any](v T) *T { return &v }
