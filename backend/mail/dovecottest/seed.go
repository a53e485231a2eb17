package dovecottest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Seed writes raws into folder (created when missing) as new Maildir files, which Dovecot gives the next
// UIDs in order when a client next looks. Writing files is ~10k messages/s, far faster than APPEND.
func (s *Server) Seed(folder string, raws [][]byte) {
	s.t.Helper()
	if err := s.SeedErr(folder, raws); err != nil {
		s.t.Fatalf("dovecottest: seed %s: %v", folder, err)
	}
}

// SeedErr is Seed returning its error (for benchmarks' helpers and goroutines).
func (s *Server) SeedErr(folder string, raws [][]byte) error {
	if err := s.makeFolder(folder); err != nil {
		return err
	}
	dir := s.folderDir(folder)
	now := time.Now().Unix()
	for _, raw := range raws {
		n := s.seq.Add(1)
		name := fmt.Sprintf("%d.M%09dP%d.dovecottest:2,", now, n, os.Getpid())
		tmp := filepath.Join(dir, "tmp", name)
		if err := os.WriteFile(tmp, bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n")), 0o600); err != nil {
			return err
		}
		if err := os.Lchown(tmp, s.uid, s.gid); err != nil {
			return err
		}
		if err := os.Rename(tmp, filepath.Join(dir, "cur", name)); err != nil {
			return err
		}
	}
	return nil
}

func (s *Server) folderDir(folder string) string {
	if strings.EqualFold(folder, "INBOX") {
		return s.maildir
	}
	return filepath.Join(s.maildir, "."+strings.ReplaceAll(folder, "/", "."))
}

func (s *Server) makeFolder(folder string) error {
	dir := s.folderDir(folder)
	for _, sub := range []string{"", "cur", "new", "tmp"} {
		p := filepath.Join(dir, sub)
		if err := os.MkdirAll(p, 0o700); err != nil {
			return err
		}
		if err := os.Lchown(p, s.uid, s.gid); err != nil {
			return err
		}
	}
	if folder != "INBOX" {
		return os.Lchown(s.maildir, s.uid, s.gid)
	}
	return nil
}

// Doveadm runs doveadm against this server for its user ("-u USER" is added after the subcommand
// words given in sub), e.g. Doveadm([]string{"expunge"}, "mailbox", "INBOX", "uid", "3").
func (s *Server) Doveadm(sub []string, args ...string) string {
	s.t.Helper()
	full := append([]string{"-c", s.conf}, sub...)
	full = append(append(full, "-u", s.User), args...)
	out, err := exec.Command("doveadm", full...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("dovecottest: doveadm %s: %v: %s", strings.Join(full[2:], " "), err, out)
	}
	return string(out)
}

// SetUIDValidity gives folder a new UIDVALIDITY (as after a server restore): clients must resync it.
// Dovecot keeps the UIDs; a client must still treat every message as new.
func (s *Server) SetUIDValidity(folder string, v uint32) {
	s.t.Helper()
	s.Doveadm([]string{"mailbox", "update"}, "--uid-validity", fmt.Sprint(v), folder)
}

// Expunge removes the messages with these UIDs from folder, as another client would.
func (s *Server) Expunge(folder string, uids ...uint32) {
	s.t.Helper()
	for _, u := range uids {
		s.Doveadm([]string{"expunge"}, "mailbox", folder, "uid", fmt.Sprint(u))
	}
}

// AddFlags sets flags or keywords on the message with uid in folder, as another client would.
func (s *Server) AddFlags(folder string, uid uint32, flags ...string) {
	s.t.Helper()
	s.Doveadm([]string{"flags", "add"}, strings.Join(flags, " "), "mailbox", folder, "uid", fmt.Sprint(uid))
}

// Flags returns the flags of the message with uid in folder, as doveadm prints them.
func (s *Server) Flags(folder string, uid uint32) []string {
	s.t.Helper()
	out := s.Doveadm([]string{"fetch"}, "flags", "mailbox", folder, "uid", fmt.Sprint(uid))
	return strings.Fields(strings.TrimPrefix(strings.TrimSpace(out), "flags:"))
}

// Count returns the number of messages in folder.
func (s *Server) Count(folder string) int {
	s.t.Helper()
	out := s.Doveadm([]string{"mailbox", "status"}, "messages", folder)
	var n int
	if i := strings.Index(out, "messages="); i >= 0 {
		fmt.Sscanf(out[i+len("messages="):], "%d", &n)
	}
	return n
}

func selfSigned() (certPEM, keyPEM string, pool *x509.CertPool, err error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return "", "", nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()),
		Subject:      pkix.Name{CommonName: "127.0.0.1"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
		DNSNames:     []string{"localhost", "127.0.0.1"},
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA:         true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return "", "", nil, err
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return "", "", nil, err
	}
	cert, _ := x509.ParseCertificate(der)
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	certPEM = string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
	keyPEM = string(pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}))
	return certPEM, keyPEM, pool, nil
}
