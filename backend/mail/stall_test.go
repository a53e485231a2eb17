package mail

import (
	"bufio"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// silentServer is an IMAP server on 127.0.0.1 that greets, answers up to quietAfter commands (CAPABILITY
// and LOGIN), then reads and never answers, as a server stuck on a lock would.
func silentServer(t *testing.T, quietAfter int) (port int) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go serveSilently(conn, quietAfter)
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port
}

func serveSilently(conn net.Conn, quietAfter int) {
	defer conn.Close()
	conn.Write([]byte("* OK [CAPABILITY IMAP4rev1] stuck server ready\r\n"))
	r := bufio.NewReader(conn)
	for n := 0; ; n++ {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		if n >= quietAfter {
			continue
		}
		tag := strings.Fields(line)[0]
		if strings.Contains(strings.ToUpper(line), "CAPABILITY") {
			conn.Write([]byte("* CAPABILITY IMAP4rev1\r\n"))
		}
		conn.Write([]byte(tag + " OK done\r\n"))
	}
}

// TestStalledServer checks that a server that stops answering, at sign-in or after it, gives a clear
// error within about the stall limit instead of holding the sync forever, and that the sync after it
// tries again.
func TestStalledServer(t *testing.T) {
	for _, tc := range []struct {
		name       string
		quietAfter int
	}{
		{"silent at sign-in", 0},
		{"silent after sign-in", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			port := silentServer(t, tc.quietAfter)
			c := openClient(t, filepath.Join(t.TempDir(), "staffdesk.db"), nil)
			c.svc.stall = 300 * time.Millisecond
			_, err := c.svc.AddMailbox(c.ctx, MailboxInput{Name: "stuck", Host: "127.0.0.1", Port: port, Security: "plain",
				User: "u", Password: "p", From: "help@example.org"})
			if err != nil {
				t.Fatal(err)
			}
			for round := 0; round < 2; round++ {
				start := time.Now()
				_, err := c.svc.Sync(c.ctx, SyncOptions{}, nil)
				if err == nil || !strings.Contains(err.Error(), "stopped answering (nothing for 300ms)") {
					t.Fatalf("round %d: sync error %v", round, err)
				}
				if d := time.Since(start); d > 5*time.Second {
					t.Fatalf("round %d: the sync took %v", round, d)
				}
			}
			st, _ := c.svc.Status(c.ctx)
			if st.Online || !strings.Contains(st.LastError, "stopped answering") {
				t.Fatalf("status: %+v", st)
			}
		})
	}
}

// TestWatchCountsOnlyWaitingForTheServer checks what counts as silence: a read waiting for the server,
// from the start of the watch at the earliest; not a reader that is busy elsewhere, nor a server that
// keeps sending.
func TestWatchCountsOnlyWaitingForTheServer(t *testing.T) {
	const limit = 400 * time.Millisecond
	for _, tc := range []struct {
		name  string
		run   func(client *watchedConn, server net.Conn)
		fires bool
	}{
		{"a read waits on a silent server", func(c *watchedConn, _ net.Conn) {
			c.Read(make([]byte, 1))
		}, true},
		{"the reader does not read", func(*watchedConn, net.Conn) {
			time.Sleep(2 * limit)
		}, false},
		{"the server keeps sending", func(c *watchedConn, s net.Conn) {
			go func() {
				for i := 0; i < 16; i++ {
					time.Sleep(limit / 8)
					s.Write([]byte("x"))
				}
			}()
			buf := make([]byte, 1)
			for i := 0; i < 16; i++ {
				c.Read(buf)
			}
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := net.Pipe()
			defer b.Close()
			wc := &watchedConn{Conn: a}
			stop := wc.watch(limit, func() { a.Close() })
			tc.run(wc, b)
			if fired := stop(); fired != tc.fires {
				t.Fatalf("fired %v, want %v", fired, tc.fires)
			}
			a.Close()
		})
	}
	t.Run("silence before the watch does not count", func(t *testing.T) {
		a, b := net.Pipe()
		defer b.Close()
		wc := &watchedConn{Conn: a}
		go wc.Read(make([]byte, 1))
		time.Sleep(2 * limit)
		stop := wc.watch(limit, func() { a.Close() })
		time.Sleep(limit / 2)
		if stop() {
			t.Fatal("the watch counted silence from before it started")
		}
		a.Close()
	})
}
