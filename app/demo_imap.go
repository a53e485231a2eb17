package app

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"net"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
)

// DemoIMAPUser and DemoIMAPPassword sign in to the demo's in-process IMAP server.
const (
	DemoIMAPUser     = "helpdesk@demo.example"
	DemoIMAPPassword = "demo-imap-password"
)

// demoIMAP is an in-memory IMAP server on a loopback port holding the demo help-desk mailbox.
type demoIMAP struct {
	ln  net.Listener
	srv *imapserver.Server
}

func startDemoIMAP(ctx context.Context) (*demoIMAP, error) {
	mem := imapmemserver.New()
	user := imapmemserver.NewUser(DemoIMAPUser, DemoIMAPPassword)
	if err := user.Create("INBOX", nil); err != nil {
		return nil, fmt.Errorf("demo imap: %w", err)
	}
	now := time.Now()
	for i, m := range demoMail {
		raw := fmt.Sprintf("From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMessage-ID: <demo-%d@demo.example>\r\n"+
			"Content-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n", m.from, DemoIMAPUser, m.subject,
			now.Add(-time.Duration(len(demoMail)-i)*time.Hour).Format(time.RFC1123Z), i+1, m.body)
		lit := bytes.NewReader([]byte(raw))
		if _, err := user.Append("INBOX", literal{lit}, &imap.AppendOptions{}); err != nil {
			return nil, fmt.Errorf("demo imap: %w", err)
		}
	}
	mem.AddUser(user)
	srv := imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), nil, nil
		},
		Caps:         imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapIMAP4rev2: {}},
		InsecureAuth: true,
		Logger:       log.New(discard{}, "", 0),
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("demo imap: %w", err)
	}
	go srv.Serve(ln)
	return &demoIMAP{ln: ln, srv: srv}, nil
}

// Addr is the server's host:port.
func (d *demoIMAP) Addr() string { return d.ln.Addr().String() }

// Close stops the server.
func (d *demoIMAP) Close() error { return d.srv.Close() }

type literal struct{ *bytes.Reader }

func (l literal) Size() int64 { return l.Reader.Size() }

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// demoMail is the sample help-desk mail; every person in it is made up.
var demoMail = []struct{ from, subject, body string }{
	{"Priya Shah <priya.shah@example.com>", "Can't log in after changing my email", "Hi, I changed my email address last week and now the site says my account doesn't exist. Can you help?"},
	{"Tom Evans <tom.evans@example.net>", "Please remove my listing", "Our toddler group has closed, please take down the listing for Little Acorns in Leeds."},
	{"Grace O'Neill <grace.oneill@example.org>", "Unsubscribe me from the newsletter", "I keep getting the weekly newsletter even though I unsubscribed on Monday."},
	{"Sam Patel <sam.patel@example.com>", "Competition prize not arrived", "I was told I won the pushchair competition in October but nothing has arrived yet."},
	{"Jo Williams <jo.williams@example.co.uk>", "Offensive comment on my review", "Someone replied to my review of the soft play centre with a really nasty comment."},
	{"Alex Murray <alex.murray@example.com>", "What do you do with my data?", "Could you send me a copy of all the data you hold about me please?"},
}
