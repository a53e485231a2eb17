package dovecottest

import (
	"fmt"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

func TestStartSeedAndSignIn(t *testing.T) {
	start := time.Now()
	s := Start(t)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("start took %v", d)
	}
	raws := make([][]byte, 5)
	for i := range raws {
		raws[i] = []byte(fmt.Sprintf("From: a@example.com\r\nSubject: m%d\r\nMessage-ID: <m%d@x>\r\n\r\nbody %d\r\n", i, i, i))
	}
	s.Seed("INBOX", raws)
	c, err := imapclient.DialTLS(fmt.Sprintf("%s:%d", s.Host, s.Port), &imapclient.Options{TLSConfig: s.TLS})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login(s.User, s.Password).Wait(); err != nil {
		t.Fatalf("login: %v", err)
	}
	sel, err := c.Select("INBOX", &imap.SelectOptions{CondStore: true}).Wait()
	if err != nil {
		t.Fatal(err)
	}
	if sel.NumMessages != 5 || sel.UIDValidity == 0 {
		t.Fatalf("select: %+v", sel)
	}
	s.AddFlags("INBOX", 2, "$SD_Open")
	if f := s.Flags("INBOX", 2); len(f) != 1 || f[0] != "$SD_Open" {
		t.Errorf("flags = %v", f)
	}
	s.SetUIDValidity("INBOX", 777)
	s.Expunge("INBOX", 1)
	if n := s.Count("INBOX"); n != 4 {
		t.Errorf("count = %d", n)
	}
	c.Logout()
	s.Stop()
	s.Restart()
	if n := s.Count("INBOX"); n != 4 {
		t.Errorf("count after restart = %d", n)
	}
}

// CPU grows as the server works, counting the processes that served a connection and have ended since,
// and is 0 once the server is stopped.
func TestCPU(t *testing.T) {
	s := Start(t)
	before := s.CPU()
	for i := 0; i < 20; i++ {
		c, err := imapclient.DialTLS(fmt.Sprintf("%s:%d", s.Host, s.Port), &imapclient.Options{TLSConfig: s.TLS})
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Login(s.User, s.Password).Wait(); err != nil {
			t.Fatalf("login: %v", err)
		}
		c.Logout()
		c.Close()
	}
	after := s.CPU()
	if after <= before {
		t.Errorf("CPU before %v, after 20 sign-ins %v: want it growing", before, after)
	}
	s.Stop()
	if got := s.CPU(); got != 0 {
		t.Errorf("CPU of a stopped server = %v, want 0", got)
	}
}
