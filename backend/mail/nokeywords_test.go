package mail

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"log"
	"net"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
)

// noKeywords is a session of a server that keeps no keywords: PERMANENTFLAGS without \*.
type noKeywords struct{ imapserver.Session }

func (s noKeywords) Select(name string, opts *imap.SelectOptions) (*imap.SelectData, error) {
	data, err := s.Session.Select(name, opts)
	if data != nil {
		data.PermanentFlags = []imap.Flag{imap.FlagSeen, imap.FlagAnswered, imap.FlagFlagged, imap.FlagDeleted, imap.FlagDraft}
	}
	return data, err
}

type literal struct{ *bytes.Reader }

func (l literal) Size() int64 { return l.Reader.Size() }

// startMemServer starts an in-process IMAP server without CONDSTORE, and without keywords unless asked:
// with them, it lowercases them, as some servers do.
func startMemServer(t *testing.T, raws [][]byte, keywords bool) (host string, port int, user *imapmemserver.User) {
	t.Helper()
	mem := imapmemserver.New()
	user = imapmemserver.NewUser("desk", "desk-password")
	user.Create("INBOX", nil)
	for _, raw := range raws {
		if _, err := user.Append("INBOX", literal{bytes.NewReader(raw)}, &imap.AppendOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	mem.AddUser(user)
	srv := imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			if keywords {
				return mem.NewSession(), nil, nil
			}
			return noKeywords{mem.NewSession()}, nil, nil
		},
		Caps:         imap.CapSet{imap.CapIMAP4rev1: {}},
		InsecureAuth: true,
		Logger:       log.New(io.Discard, "", 0),
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "127.0.0.1", ln.Addr().(*net.TCPAddr).Port, user
}

func TestServerWithoutKeywordsOrCondstore(t *testing.T) {
	host, port, _ := startMemServer(t, mails(1, 5), false)
	c := openClient(t, t.TempDir()+"/s.db", nil)
	mb, err := c.svc.AddMailbox(c.ctx, MailboxInput{Name: "mem", Host: host, Port: port, Security: "plain", User: "desk",
		Password: "desk-password", From: "help@example.org"})
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := c.msgs.KeywordsSupported(c.ctx, mb.ID); !ok {
		t.Fatal("keywords unsupported before the first sync")
	}
	if sum := c.sync(t); sum.New != 5 {
		t.Fatalf("first sync: %+v", sum)
	}
	if ok, err := c.msgs.KeywordsSupported(c.ctx, mb.ID); ok || err != nil {
		t.Fatalf("keywords supported = %v, %v; want false", ok, err)
	}
	ref := c.refOf(t, "INBOX", 1)
	c.queueKeywords(t, ref, []string{"$SD_Open"}, nil)
	sum := c.sync(t)
	if sum.Outbox.Left != 0 || sum.New != 0 {
		t.Fatalf("flush without keywords: %+v", sum)
	}
	var kw string
	c.db.View(context.Background(), func(tx *sql.Tx) error {
		return tx.QueryRow(`SELECT keywords FROM mail_messages WHERE id = ?`, ref).Scan(&kw)
	})
	if kw != "" {
		t.Fatalf("local keywords %q: state must stay in the help desk only", kw)
	}
}

func TestKeywordsIgnoreCase(t *testing.T) {
	cases := []struct {
		name         string
		kw, add, rem []string
		want         []string
	}{
		{"add", []string{"$sd_new"}, []string{"$SD_Open"}, nil, []string{"$SD_Open", "$sd_new"}},
		{"remove whatever the spelling", []string{"$sd_new", "$SD_Open"}, nil, []string{"$SD_New"}, []string{"$SD_Open"}},
		{"no duplicate", []string{"$sd_open"}, []string{"$SD_Open"}, nil, []string{"$sd_open"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := applyChange(c.kw, c.add, c.rem); !sameKeywords(got, c.want) || len(got) != len(c.want) {
				t.Fatalf("applyChange = %v, want %v", got, c.want)
			}
		})
	}
	if got := sdKeywords([]imap.Flag{`\Seen`, "$sd_open", "$SD_Open", "$Forwarded", "$SD_Assigned_7"}); len(got) != 2 {
		t.Fatalf("sdKeywords = %v", got)
	}
}

func TestLowercasingServerWithoutCondstore(t *testing.T) {
	host, port, _ := startMemServer(t, mails(1, 2), true)
	c := openClient(t, t.TempDir()+"/s.db", nil)
	if _, err := c.svc.AddMailbox(c.ctx, MailboxInput{Name: "mem", Host: host, Port: port, Security: "plain", User: "desk",
		Password: "desk-password", From: "help@example.org"}); err != nil {
		t.Fatal(err)
	}
	c.sync(t)
	ref := c.refOf(t, "INBOX", 1)
	c.queueKeywords(t, ref, []string{"$SD_New"}, nil)
	c.queueKeywords(t, ref, []string{"$SD_Open"}, []string{"$SD_New"})
	sum := c.sync(t)
	if sum.Outbox.Keywords != 2 || sum.Outbox.Conflicts != 0 || sum.Outbox.Left != 0 || sum.KeywordsChanged != 0 {
		t.Fatalf("flush: %+v", sum)
	}
	if sum := c.sync(t); sum.KeywordsChanged != 0 || sum.New != 0 {
		t.Fatalf("flags comparison: %+v", sum)
	}
}
