package app

import (
	"errors"
	"fmt"
	"io"
	"net"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// demoSMTP is the demo's outgoing mail server on a loopback port: it accepts the help desk's replies
// (signed in with the demo mailbox's credentials) and delivers them nowhere, since the demo's members are
// made up. The sync then files each reply in the demo mailbox's Sent folder, as with a real server.
type demoSMTP struct {
	ln  net.Listener
	srv *smtp.Server
}

func startDemoSMTP() (*demoSMTP, error) {
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &demoSMTPSession{}, nil }))
	srv.Domain = "smtp.demo.example"
	srv.AllowInsecureAuth = true
	srv.ReadTimeout, srv.WriteTimeout = 30*time.Second, 30*time.Second
	srv.MaxMessageBytes = 25 << 20
	srv.ErrorLog = discardLogger{}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("demo smtp: %w", err)
	}
	go srv.Serve(ln)
	return &demoSMTP{ln: ln, srv: srv}, nil
}

// Port is the server's port on 127.0.0.1.
func (d *demoSMTP) Port() int { return d.ln.Addr().(*net.TCPAddr).Port }

// Close stops the server.
func (d *demoSMTP) Close() error { return d.srv.Close() }

// demoSMTPSession is one connection: AUTH PLAIN with the demo credentials, then any number of mails.
type demoSMTPSession struct{ signedIn bool }

// AuthMechanisms offers PLAIN only.
func (s *demoSMTPSession) AuthMechanisms() []string { return []string{sasl.Plain} }

// Auth checks the demo mailbox's credentials.
func (s *demoSMTPSession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != DemoIMAPUser || pass != DemoIMAPPassword {
			return errors.New("invalid credentials")
		}
		s.signedIn = true
		return nil
	}), nil
}

// Mail starts a mail once signed in.
func (s *demoSMTPSession) Mail(string, *smtp.MailOptions) error {
	if !s.signedIn {
		return smtp.ErrAuthRequired
	}
	return nil
}

// Rcpt accepts every recipient.
func (s *demoSMTPSession) Rcpt(string, *smtp.RcptOptions) error { return nil }

// Data reads the mail and drops it.
func (s *demoSMTPSession) Data(r io.Reader) error {
	_, err := io.Copy(io.Discard, r)
	return err
}

// Reset ends the current mail.
func (s *demoSMTPSession) Reset() {}

// Logout ends the connection.
func (s *demoSMTPSession) Logout() error { return nil }

// discardLogger is the demo server's error log: it keeps nothing.
type discardLogger struct{}

// Printf drops the line.
func (discardLogger) Printf(string, ...any) {}

// Println drops the line.
func (discardLogger) Println(...any) {}
