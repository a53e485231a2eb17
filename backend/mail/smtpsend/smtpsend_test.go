package smtpsend_test

import (
	"bytes"
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"staffdesk/backend/apperr"
	"staffdesk/backend/mail/message"
	"staffdesk/backend/mail/smtpsend"
	"staffdesk/backend/mail/smtpsend/smtptest"
)

const raw = "From: Help <help@example.org>\r\nTo: Mum <mum@example.com>\r\nSubject: Re: hello [#7]\r\n\r\nHello.\r\n.dot line\r\n"

func config(s *smtptest.Server, mode string, auth bool) smtpsend.Config {
	host, port := s.Addr()
	cfg := smtpsend.Config{Host: host, Port: port, Security: mode, TLS: s.CA()}
	if auth {
		cfg.User, cfg.Password = s.User, s.Password
	}
	return cfg
}

func TestSendModes(t *testing.T) {
	for _, tc := range []struct {
		name     string
		server   string
		security string
		auth     bool
	}{
		{"plain to loopback", smtptest.Plain, smtpsend.Plain, false},
		{"plain with auth", smtptest.Plain, smtpsend.Plain, true},
		{"starttls", smtptest.StartTLS, smtpsend.StartTLS, false},
		{"starttls with auth", smtptest.StartTLS, smtpsend.StartTLS, true},
		{"implicit tls with auth", smtptest.TLS, smtpsend.TLS, true},
		{"empty security means starttls", smtptest.StartTLS, "", true},
		{"ssl alias of implicit tls", smtptest.TLS, "SSL", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := smtptest.Start(t, tc.server)
			s.RequireAuth(tc.auth)
			err := smtpsend.Send(context.Background(), config(s, tc.security, tc.auth),
				"help@example.org", []string{"mum@example.com", "dad@example.com"}, []byte(raw))
			if err != nil {
				t.Fatalf("send: %v", err)
			}
			got := s.Messages()
			if len(got) != 1 {
				t.Fatalf("server got %d messages, want 1", len(got))
			}
			m := got[0]
			if m.From != "help@example.org" || strings.Join(m.To, ",") != "mum@example.com,dad@example.com" {
				t.Errorf("envelope %q -> %v", m.From, m.To)
			}
			if !bytes.Contains(m.Raw, []byte("\r\n.dot line\r\n")) || !bytes.Contains(m.Raw, []byte("Subject: Re: hello [#7]")) {
				t.Errorf("raw not delivered intact:\n%s", m.Raw)
			}
			if tc.auth && m.User != s.User {
				t.Errorf("authenticated user %q", m.User)
			}
		})
	}
}

func TestSendFailures(t *testing.T) {
	plain := smtptest.Start(t, smtptest.Plain)
	tlsSrv := smtptest.Start(t, smtptest.TLS)
	starttls := smtptest.Start(t, smtptest.StartTLS)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tc := range []struct {
		name      string
		ctx       context.Context
		cfg       func() smtpsend.Config
		before    func()
		wantIn    []string
		wantIs    error
		invalid   bool
		permanent bool
	}{
		{name: "plain refused to a remote host", cfg: func() smtpsend.Config {
			return smtpsend.Config{Host: "mail.example.com", Port: 25, Security: smtpsend.Plain}
		}, wantIn: []string{"mail.example.com", "loopback"}, invalid: true},
		{name: "plain refused to a private address", cfg: func() smtpsend.Config {
			return smtpsend.Config{Host: "192.168.1.10", Port: 25, Security: smtpsend.Plain}
		}, wantIn: []string{"192.168.1.10"}, invalid: true},
		{name: "unknown security", cfg: func() smtpsend.Config {
			return smtpsend.Config{Host: "127.0.0.1", Port: 25, Security: "ssl3"}
		}, wantIn: []string{"unknown security"}, invalid: true},
		{name: "server refuses for now", cfg: func() smtpsend.Config { return config(plain, smtpsend.Plain, false) },
			before: func() { plain.Fail(true) }, wantIn: []string{"127.0.0.1", "mail from", "451"}},
		{name: "server rejects the recipient", cfg: func() smtpsend.Config { return config(plain, smtpsend.Plain, false) },
			before: func() { plain.Fail(false); plain.Reject(true) }, wantIn: []string{"127.0.0.1", "rcpt to", "550"}, permanent: true},
		{name: "wrong password", cfg: func() smtpsend.Config {
			c := config(tlsSrv, smtpsend.TLS, true)
			c.Password = "wrong"
			return c
		}, wantIn: []string{"127.0.0.1", "auth"}},
		{name: "untrusted certificate", cfg: func() smtpsend.Config {
			c := config(tlsSrv, smtpsend.TLS, false)
			c.TLS = nil
			return c
		}, wantIn: []string{"127.0.0.1", "tls"}},
		{name: "starttls untrusted certificate", cfg: func() smtpsend.Config {
			c := config(starttls, smtpsend.StartTLS, false)
			c.TLS = nil
			return c
		}, wantIn: []string{"starttls"}},
		{name: "starttls against a plain server", cfg: func() smtpsend.Config { return config(plain, smtpsend.StartTLS, false) },
			wantIn: []string{"starttls", "STARTTLS"}},
		{name: "nothing listening", cfg: func() smtpsend.Config {
			return smtpsend.Config{Host: "127.0.0.1", Port: closedPort(t), Security: smtpsend.TLS}
		}, wantIn: []string{"connect"}},
		{name: "cancelled context", ctx: cancelled, cfg: func() smtpsend.Config { return config(tlsSrv, smtpsend.TLS, true) },
			wantIs: context.Canceled},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.before != nil {
				tc.before()
			}
			ctx := tc.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			err := smtpsend.Send(ctx, tc.cfg(), "help@example.org", []string{"mum@example.com"}, []byte(raw))
			if err == nil {
				t.Fatal("send succeeded, want an error")
			}
			for _, w := range tc.wantIn {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			if tc.wantIs != nil && !errors.Is(err, tc.wantIs) {
				t.Errorf("error %v is not %v", err, tc.wantIs)
			}
			if tc.invalid != apperr.Is(err, apperr.Invalid) {
				t.Errorf("invalid=%v for %v", !tc.invalid, err)
			}
			if want := tc.permanent || tc.invalid; smtpsend.IsPermanent(err) != want {
				t.Errorf("IsPermanent = %v for %v", !want, err)
			}
			if strings.Contains(err.Error(), "s3cret-pass") {
				t.Error("error shows the password")
			}
		})
	}
	if n := len(plain.Messages()); n != 0 {
		t.Errorf("failing server stored %d messages", n)
	}
	plain.Reject(false)
	if err := smtpsend.Send(context.Background(), config(plain, smtpsend.Plain, false), "a@b.c", []string{"d@e.f"}, []byte(raw)); err != nil {
		t.Errorf("send after recovery: %v", err)
	}
}

// TestSendDeadline: a server that accepts the connection and never greets is abandoned at the deadline.
func TestSendDeadline(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	err = smtpsend.Send(ctx, smtpsend.Config{Host: "127.0.0.1", Port: ln.Addr().(*net.TCPAddr).Port, Security: smtpsend.Plain},
		"a@b.c", []string{"d@e.f"}, []byte(raw))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
	if !strings.Contains(err.Error(), "hello") {
		t.Errorf("error %q does not name the step", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v", d)
	}
}

// TestAllowInsecure: with AllowInsecure, plain to a remote host is attempted (here it cannot connect).
func TestAllowInsecure(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	err := smtpsend.Send(ctx, smtpsend.Config{Host: "192.0.2.1", Port: 25, Security: smtpsend.Plain, AllowInsecure: true},
		"a@b.c", []string{"d@e.f"}, []byte(raw))
	if err == nil || apperr.Is(err, apperr.Invalid) || !strings.Contains(err.Error(), "connect") {
		t.Fatalf("err = %v, want a connect failure", err)
	}
	if smtpsend.IsPermanent(err) {
		t.Error("a connect failure is not permanent")
	}
}

func TestIsLoopback(t *testing.T) {
	for host, want := range map[string]bool{
		"localhost": true, "LOCALHOST.": true, "127.0.0.1": true, "127.1.2.3": true, "::1": true, "[::1]": true,
		"10.0.0.1": false, "example.com": false, "localhost.example.com": false, "": false,
	} {
		if got := smtpsend.IsLoopback(host); got != want {
			t.Errorf("IsLoopback(%q) = %v", host, got)
		}
	}
}

func closedPort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	return port
}

// TestReplyThroughServer builds a reply, sends it, and parses what the server received.
func TestReplyThroughServer(t *testing.T) {
	s := smtptest.Start(t, smtptest.StartTLS)
	raw, id, err := message.BuildReply(message.Reply{
		From:      message.Address{Name: "Parents Net Help", Email: "help@parentsnet.example"},
		To:        []message.Address{{Name: "Zoë", Email: "zoe@example.de"}},
		Subject:   "Café question",
		Ticket:    42,
		InReplyTo: "ew-1@example.de",
		Text:      "Hello Zoë,\n.\nA line starting with a dot, and £2.",
		Date:      time.Date(2026, 11, 29, 10, 30, 0, 0, time.UTC),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := smtpsend.Send(context.Background(), config(s, smtpsend.StartTLS, true), "help@parentsnet.example",
		[]string{"zoe@example.de"}, raw); err != nil {
		t.Fatal(err)
	}
	got := s.Messages()
	if len(got) != 1 {
		t.Fatalf("%d messages", len(got))
	}
	m, err := message.Parse(got[0].Raw)
	if err != nil {
		t.Fatal(err)
	}
	if m.MessageID != id || m.InReplyTo != "ew-1@example.de" || m.Subject != "Re: Café question [#42]" ||
		m.Text != "Hello Zoë,\n.\nA line starting with a dot, and £2." {
		t.Errorf("received %+v", m)
	}
}
