// Package smtpsend sends one raw message over SMTP with go-smtp: STARTTLS or implicit TLS, plain text
// only to a loopback host, AUTH PLAIN when a user is set. The context bounds the whole exchange.
package smtpsend

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"staffdesk/backend/apperr"
)

// The Security values Config accepts.
const (
	StartTLS = "starttls"
	TLS      = "tls"
	Plain    = "plain"
)

// Config says where and how to send. Security is StartTLS (also when empty), TLS (implicit, port 465) or
// Plain (loopback only). Port 0 means the usual port for the security. TLS nil means the system roots
// and the host as server name.
type Config struct {
	Host     string
	Port     int
	Security string
	User     string
	Password string
	TLS      *tls.Config
	// AllowInsecure permits Plain to a host that is not loopback (the mailbox's --allow-insecure).
	AllowInsecure bool
}

// Send delivers raw (an RFC 5322 message) from the envelope sender to the envelope recipients. Errors
// say which host and which step failed (connect, starttls, tls, hello, auth, mail from, rcpt to, data);
// a cancelled or expired context stops the exchange and is wrapped in the error.
func Send(ctx context.Context, cfg Config, from string, to []string, raw []byte) error {
	cfg.Security = normSecurity(cfg.Security)
	if err := check(cfg, to); err != nil {
		return err
	}
	port := cfg.Port
	if port == 0 {
		port = defaultPort(cfg.Security)
	}
	s := &sender{host: cfg.Host}
	conn, err := s.dial(ctx, cfg, port)
	if err != nil {
		return err
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	stop := context.AfterFunc(ctx, func() { _ = conn.Close() })
	defer stop()
	err = s.exchange(cfg, conn, from, to, raw)
	if err != nil && ctx.Err() != nil {
		return fmt.Errorf("smtp %s: %s: %w", cfg.Host, s.step, ctx.Err())
	}
	return err
}

// check refuses configurations that must never be used.
func check(cfg Config, to []string) error {
	if strings.TrimSpace(cfg.Host) == "" {
		return apperr.New(apperr.Invalid, "smtp: no host set")
	}
	if len(to) == 0 {
		return apperr.New(apperr.Invalid, "smtp %s: no recipients", cfg.Host)
	}
	switch cfg.Security {
	case StartTLS, TLS:
	case Plain:
		if !IsLoopback(cfg.Host) && !cfg.AllowInsecure {
			return apperr.New(apperr.Invalid, "smtp %s: plain text is allowed only to a loopback host", cfg.Host)
		}
	default:
		return apperr.New(apperr.Invalid, "smtp %s: unknown security %q (use starttls, tls or plain)", cfg.Host, cfg.Security)
	}
	return nil
}

// normSecurity maps the empty value to STARTTLS (the safe default) and the usual aliases of implicit TLS
// ("ssl", "smtps", "imaps"-style) to TLS.
func normSecurity(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", StartTLS:
		return StartTLS
	case TLS, "ssl", "smtps", "implicit":
		return TLS
	case Plain, "none":
		return Plain
	}
	return s
}

// IsPermanent reports whether a Send error is a permanent refusal (an SMTP 5xx reply, or a refused
// configuration) that retrying will not cure; network failures and 4xx replies are temporary.
func IsPermanent(err error) bool {
	var se *smtp.SMTPError
	if errors.As(err, &se) {
		return se.Code >= 500
	}
	return apperr.Is(err, apperr.Invalid)
}

// IsLoopback reports whether host is "localhost" or a loopback IP address (names are not resolved).
func IsLoopback(host string) bool {
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func defaultPort(security string) int {
	switch security {
	case TLS:
		return 465
	case StartTLS:
		return 587
	}
	return 25
}

// sender remembers the host and the step in progress, for error messages.
type sender struct {
	host string
	step string
}

func (s *sender) fail(step string, err error) error {
	s.step = step
	return fmt.Errorf("smtp %s: %s: %w", s.host, step, err)
}

// dial connects, and for implicit TLS completes the handshake, within the context.
func (s *sender) dial(ctx context.Context, cfg Config, port int) (net.Conn, error) {
	s.step = "connect"
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", net.JoinHostPort(cfg.Host, strconv.Itoa(port)))
	if err != nil {
		return nil, s.fail("connect", err)
	}
	if cfg.Security != TLS {
		return conn, nil
	}
	tc := tls.Client(conn, tlsConfig(cfg))
	if err := tc.HandshakeContext(ctx); err != nil {
		conn.Close()
		return nil, s.fail("tls", err)
	}
	return tc, nil
}

// tlsConfig copies the configured TLS settings, naming the host when no server name is set.
func tlsConfig(cfg Config) *tls.Config {
	c := &tls.Config{MinVersion: tls.VersionTLS12}
	if cfg.TLS != nil {
		c = cfg.TLS.Clone()
	}
	if c.ServerName == "" {
		c.ServerName = strings.Trim(cfg.Host, "[]")
	}
	return c
}

// exchange runs the SMTP dialogue on an open connection.
func (s *sender) exchange(cfg Config, conn net.Conn, from string, to []string, raw []byte) error {
	var c *smtp.Client
	if cfg.Security == StartTLS {
		s.step = "starttls"
		var err error
		if c, err = smtp.NewClientStartTLS(conn, tlsConfig(cfg)); err != nil {
			return s.fail("starttls", err)
		}
		if err := c.Hello("localhost"); err != nil {
			return s.fail("starttls", err)
		}
	} else {
		c = smtp.NewClient(conn)
		s.step = "hello"
		if err := c.Hello("localhost"); err != nil {
			return s.fail("hello", err)
		}
	}
	defer c.Close()
	if cfg.User != "" {
		s.step = "auth"
		if !c.SupportsAuth(sasl.Plain) {
			return s.fail("auth", errors.New("server offers no AUTH PLAIN"))
		}
		if err := c.Auth(sasl.NewPlainClient("", cfg.User, cfg.Password)); err != nil {
			return s.fail("auth", err)
		}
	}
	if err := s.transaction(c, from, to, raw); err != nil {
		return err
	}
	s.step = "quit"
	_ = c.Quit()
	return nil
}

// transaction sends MAIL FROM, RCPT TO for each recipient, then DATA.
func (s *sender) transaction(c *smtp.Client, from string, to []string, raw []byte) error {
	s.step = "mail from"
	var opts *smtp.MailOptions
	if !isASCII(from + strings.Join(to, "")) {
		opts = &smtp.MailOptions{UTF8: true}
	}
	if err := c.Mail(from, opts); err != nil {
		return s.fail("mail from", err)
	}
	for _, rcpt := range to {
		s.step = "rcpt to"
		if err := c.Rcpt(rcpt, nil); err != nil {
			return s.fail("rcpt to", err)
		}
	}
	s.step = "data"
	w, err := c.Data()
	if err != nil {
		return s.fail("data", err)
	}
	if _, err := w.Write(raw); err != nil {
		_ = w.Close()
		return s.fail("data", err)
	}
	if err := w.Close(); err != nil {
		return s.fail("data", err)
	}
	return nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
