// Package dovecottest runs a private Dovecot for tests: its own configuration under a temporary folder,
// listening on 127.0.0.1 on free high ports (IMAPS with a self-signed certificate, and plain IMAP), one
// user whose mail is a Maildir owned by nobody. Tests skip with a clear message when Dovecot is absent.
package dovecottest

import (
	"crypto/tls"
	"fmt"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// Server is one running private Dovecot.
type Server struct {
	// Host is the address to dial (127.0.0.1).
	Host string
	// Port is the IMAPS (implicit TLS) port.
	Port int
	// PlainPort is the plain IMAP port (STARTTLS offered).
	PlainPort int
	// User and Password sign in.
	User, Password string
	// TLS trusts the server's self-signed certificate.
	TLS *tls.Config

	t       testing.TB
	dir     string
	conf    string
	maildir string
	uid     int
	gid     int
	mu      sync.Mutex
	running bool
	seq     atomic.Int64
}

// Start starts a private Dovecot for t and stops it when t ends. It skips t when Dovecot is not installed.
func Start(t testing.TB) *Server {
	t.Helper()
	bin, err := exec.LookPath("dovecot")
	if err != nil {
		if _, err = os.Stat("/usr/sbin/dovecot"); err != nil {
			t.Skip("dovecot is not installed (apt-get install dovecot-imapd, or scripts/install-deps.sh test): skipping IMAP tests")
		}
		bin = "/usr/sbin/dovecot"
	}
	s := &Server{Host: "127.0.0.1", User: "helpdesk", Password: "dovecot-test-password", t: t}
	if err := s.setup(); err != nil {
		t.Fatalf("dovecottest: %v", err)
	}
	t.Cleanup(func() {
		s.Stop()
		os.RemoveAll(s.dir)
	})
	if err := s.start(bin); err != nil {
		t.Fatalf("dovecottest: %v", err)
	}
	return s
}

func (s *Server) setup() error {
	dir, err := os.MkdirTemp("", "dovecottest-")
	if err != nil {
		return err
	}
	s.dir = dir
	if err := os.Chmod(dir, 0o755); err != nil {
		return err
	}
	nobody, err := user.Lookup("nobody")
	if err != nil {
		return fmt.Errorf("look up user nobody: %w", err)
	}
	s.uid, _ = strconv.Atoi(nobody.Uid)
	s.gid, _ = strconv.Atoi(nobody.Gid)
	home := filepath.Join(dir, "home")
	s.maildir = filepath.Join(home, "Maildir")
	for _, d := range []string{"run", "state", home} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return err
		}
	}
	if err := s.makeFolder("INBOX"); err != nil {
		return err
	}
	if s.Port, err = freePort(); err != nil {
		return err
	}
	if s.PlainPort, err = freePort(); err != nil {
		return err
	}
	certPEM, keyPEM, pool, err := selfSigned()
	if err != nil {
		return err
	}
	s.TLS = &tls.Config{RootCAs: pool, ServerName: "127.0.0.1", MinVersion: tls.VersionTLS12}
	files := map[string]string{
		"cert.pem": certPEM, "key.pem": keyPEM,
		"passwd":       fmt.Sprintf("%s:{PLAIN}%s\n", s.User, s.Password),
		"dovecot.conf": s.config(home),
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			return err
		}
	}
	s.conf = filepath.Join(dir, "dovecot.conf")
	return chownTree(home, s.uid, s.gid)
}

func (s *Server) config(home string) string {
	d := s.dir
	return strings.Join([]string{
		"protocols = imap",
		"listen = 127.0.0.1",
		"base_dir = " + filepath.Join(d, "run"),
		"state_dir = " + filepath.Join(d, "state"),
		"log_path = " + filepath.Join(d, "dovecot.log"),
		"info_log_path = " + filepath.Join(d, "dovecot.log"),
		"ssl = yes",
		"ssl_cert = <" + filepath.Join(d, "cert.pem"),
		"ssl_key = <" + filepath.Join(d, "key.pem"),
		"disable_plaintext_auth = no",
		"auth_mechanisms = plain login",
		"default_internal_user = root",
		"default_internal_group = root",
		"default_login_user = dovenull",
		"mail_location = maildir:~/Maildir",
		"mail_fsync = never",
		"mail_max_userip_connections = 100",
		"imap_idle_notify_interval = 1 mins",
		"shutdown_clients = yes",
		"passdb {\n  driver = passwd-file\n  args = " + filepath.Join(d, "passwd") + "\n}",
		fmt.Sprintf("userdb {\n  driver = static\n  args = uid=%d gid=%d home=%s\n}", s.uid, s.gid, home),
		"namespace inbox {\n  inbox = yes\n  separator = /\n" +
			"  mailbox Sent {\n    special_use = \\Sent\n    auto = create\n  }\n" +
			"  mailbox Trash {\n    special_use = \\Trash\n    auto = create\n  }\n}",
		fmt.Sprintf("service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = %d\n  }\n"+
			"  inet_listener imaps {\n    address = 127.0.0.1\n    port = %d\n    ssl = yes\n  }\n  chroot =\n}", s.PlainPort, s.Port),
		"service anvil {\n  chroot =\n}",
		"service imap {\n  process_limit = 200\n}",
		"",
	}, "\n")
}

func (s *Server) start(bin string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running {
		return nil
	}
	// Dovecot forks: its children would hold a captured stdout open, so its output goes to the log only.
	if err := exec.Command(bin, "-c", s.conf).Run(); err != nil {
		return fmt.Errorf("start dovecot: %v: %s", err, s.Log())
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		c, err := net.DialTimeout("tcp", net.JoinHostPort(s.Host, strconv.Itoa(s.Port)), 200*time.Millisecond)
		if err == nil {
			c.Close()
			s.running = true
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("dovecot did not listen on port %d: %s", s.Port, s.Log())
}

// Stop stops Dovecot and waits for its master process to end (every connection drops). Stopping a stopped server does nothing.
func (s *Server) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.running {
		return
	}
	s.running = false
	n, ok := s.masterPID()
	if !ok {
		return
	}
	// The master runs in its own session: killing its process group also ends the imap processes that
	// serve open connections, as a crash or a network cut would.
	syscall.Kill(-n, syscall.SIGKILL)
	deadline := time.Now().Add(5 * time.Second)
	for (alive(n) || groupAlive(n)) && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	os.Remove(filepath.Join(s.dir, "run", "master.pid"))
	removeDotlocks(s.maildir)
}

// removeDotlocks removes the lock files a killed imap process left in the Maildir. A restarted Dovecot
// takes over a lock whose owner is gone, but only once it sees that process dead, and in a container
// whose first process does not reap orphans the killed one lingers as a zombie that looks alive: SELECT
// then waits minutes for the lock to go stale. A real crash on a real server has no such zombie.
func removeDotlocks(dir string) {
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(d.Name(), ".lock") {
			os.Remove(path)
		}
		return nil
	})
}

// Restart starts a stopped server again on the same ports with the same mail.
func (s *Server) Restart() {
	s.t.Helper()
	if err := s.start("dovecot"); err != nil {
		s.t.Fatalf("dovecottest: %v", err)
	}
}

// Log returns Dovecot's log so far.
func (s *Server) Log() string {
	b, _ := os.ReadFile(filepath.Join(s.dir, "dovecot.log"))
	return string(b)
}

// Maildir returns the folder holding the user's Maildir (for benchmarks that compare with mbsync).
func (s *Server) Maildir() string { return s.maildir }

// Dir returns the server's private temporary folder.
func (s *Server) Dir() string { return s.dir }

// alive reports whether process pid exists and is not a zombie waiting for a parent to reap it.
func alive(pid int) bool {
	st, ok := statOf(pid)
	if !ok {
		return syscall.Kill(pid, 0) == nil
	}
	return st.state != "Z"
}

// groupAlive reports whether any live process is still in process group pgid.
func groupAlive(pgid int) bool {
	for _, st := range processes() {
		if st.state != "Z" && st.pgrp == pgid {
			return true
		}
	}
	return false
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func chownTree(root string, uid, gid int) error {
	return filepath.Walk(root, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, uid, gid)
	})
}
