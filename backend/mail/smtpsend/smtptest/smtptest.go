// Package smtptest runs a real go-smtp server on 127.0.0.1:0 for tests: plain, STARTTLS or implicit
// TLS with a self-signed certificate made in memory. It keeps what it receives and can be told to fail.
package smtptest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"log"
	"math/big"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// The TLS modes Start accepts.
const (
	Plain    = "plain"
	StartTLS = "starttls"
	TLS      = "tls"
)

// Received is one message the server accepted.
type Received struct {
	From string
	To   []string
	Raw  []byte
	User string // the authenticated user, "" when the client did not authenticate
}

// Server is a running test SMTP server. User and Password are the credentials it accepts for AUTH
// PLAIN; authenticating is optional unless RequireAuth is set.
type Server struct {
	User     string
	Password string

	host string
	port int
	ca   *x509.CertPool
	srv  *smtp.Server

	mu          sync.Mutex
	msgs        []Received
	fail        bool
	reject      bool
	requireAuth bool
}

// Start starts a server in the given mode (Plain, StartTLS or TLS) and stops it when the test ends.
func Start(t testing.TB, tlsMode string) *Server {
	t.Helper()
	cert, pool, err := selfSigned()
	if err != nil {
		t.Fatalf("smtptest: certificate: %v", err)
	}
	s := &Server{User: "helpdesk", Password: "s3cret-pass", ca: pool}
	s.srv = smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		return &session{srv: s}, nil
	}))
	s.srv.Domain = "smtptest.localhost"
	s.srv.ReadTimeout = 10 * time.Second
	s.srv.WriteTimeout = 10 * time.Second
	s.srv.AllowInsecureAuth = tlsMode == Plain
	s.srv.ErrorLog = log.New(io.Discard, "", 0)
	ln, err := s.listen(tlsMode, cert)
	if err != nil {
		t.Fatalf("smtptest: listen: %v", err)
	}
	addr := ln.Addr().(*net.TCPAddr)
	s.host, s.port = addr.IP.String(), addr.Port
	go func() { _ = s.srv.Serve(ln) }()
	t.Cleanup(func() { _ = s.srv.Close() })
	return s
}

func (s *Server) listen(mode string, cert tls.Certificate) (net.Listener, error) {
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	switch mode {
	case Plain:
		return net.Listen("tcp", "127.0.0.1:0")
	case StartTLS:
		s.srv.TLSConfig = cfg
		return net.Listen("tcp", "127.0.0.1:0")
	case TLS:
		return tls.Listen("tcp", "127.0.0.1:0", cfg)
	}
	return nil, errors.New("unknown mode " + mode)
}

// Addr returns the host and port the server listens on.
func (s *Server) Addr() (string, int) { return s.host, s.port }

// CA returns a client TLS configuration that trusts the server's self-signed certificate.
func (s *Server) CA() *tls.Config {
	return &tls.Config{RootCAs: s.ca, MinVersion: tls.VersionTLS12}
}

// Messages returns a copy of what the server has accepted so far, in order.
func (s *Server) Messages() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.msgs...)
}

// Fail makes the server refuse every message (a temporary 451 at MAIL FROM) while on.
func (s *Server) Fail(on bool) {
	s.mu.Lock()
	s.fail, s.reject = on, false
	s.mu.Unlock()
}

// Reject makes the server refuse every recipient permanently (550 at RCPT TO) while on.
func (s *Server) Reject(on bool) {
	s.mu.Lock()
	s.reject = on
	s.mu.Unlock()
}

// RequireAuth makes the server refuse MAIL FROM before a successful AUTH.
func (s *Server) RequireAuth(on bool) {
	s.mu.Lock()
	s.requireAuth = on
	s.mu.Unlock()
}

// session is one SMTP connection's transaction.
type session struct {
	srv  *Server
	user string
	from string
	to   []string
}

func (c *session) AuthMechanisms() []string { return []string{sasl.Plain} }

func (c *session) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != c.srv.User || pass != c.srv.Password {
			return errors.New("invalid credentials")
		}
		c.user = user
		return nil
	}), nil
}

func (c *session) Mail(from string, _ *smtp.MailOptions) error {
	c.srv.mu.Lock()
	fail, needAuth := c.srv.fail, c.srv.requireAuth
	c.srv.mu.Unlock()
	if fail {
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "test server told to fail"}
	}
	if needAuth && c.user == "" {
		return smtp.ErrAuthRequired
	}
	c.from = from
	return nil
}

func (c *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	c.srv.mu.Lock()
	reject := c.srv.reject
	c.srv.mu.Unlock()
	if reject {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "test server rejects this recipient"}
	}
	c.to = append(c.to, to)
	return nil
}

func (c *session) Data(r io.Reader) error {
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, r); err != nil {
		return err
	}
	c.srv.mu.Lock()
	c.srv.msgs = append(c.srv.msgs, Received{From: c.from, To: c.to, Raw: buf.Bytes(), User: c.user})
	c.srv.mu.Unlock()
	return nil
}

func (c *session) Reset() { c.from, c.to = "", nil }

func (c *session) Logout() error { return nil }

// selfSigned makes an in-memory ECDSA certificate for 127.0.0.1, ::1 and localhost, and a pool
// trusting it.
func selfSigned() (tls.Certificate, *x509.CertPool, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(time.Now().UnixNano()),
		Subject:               pkix.Name{CommonName: "smtptest"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1"), net.IPv6loopback},
		DNSNames:              []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool, nil
}
