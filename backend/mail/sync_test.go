package mail

import (
	"bytes"
	"database/sql"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"staffdesk/backend/mail/dovecottest"
)

func TestFirstIncrementalExpungeAndFlags(t *testing.T) {
	srv := dovecottest.Start(t)
	srv.Seed("INBOX", mails(1, 30))
	c := newClient(t, srv)

	sum := c.sync(t)
	if sum.New != 30 || sum.Expunged != 0 {
		t.Fatalf("first sync: %+v", sum)
	}
	if d := c.sinkCalls(t, "deliver"); len(d) != 30 || !strings.Contains(d[0], "INBOX|q1@example.com|Question 1|false|") {
		t.Fatalf("deliveries: %d %v", len(d), d[:1])
	}
	t.Run("nothing changed", func(t *testing.T) {
		if sum := c.sync(t); sum.New != 0 || sum.Expunged != 0 || sum.KeywordsChanged != 0 {
			t.Fatalf("resync: %+v", sum)
		}
	})
	t.Run("incremental", func(t *testing.T) {
		srv.Seed("INBOX", mails(31, 5))
		if sum := c.sync(t); sum.New != 5 {
			t.Fatalf("incremental: %+v", sum)
		}
	})
	t.Run("read elsewhere is not imported again, seen is never set", func(t *testing.T) {
		srv.AddFlags("INBOX", 3, `\Seen`)
		srv.Seed("INBOX", mails(36, 1))
		if sum := c.sync(t); sum.New != 1 || sum.KeywordsChanged != 0 {
			t.Fatalf("after seen elsewhere: %+v", sum)
		}
		if f := srv.Flags("INBOX", 36); len(f) != 0 {
			t.Fatalf("sync changed flags of uid 36: %v", f)
		}
	})
	t.Run("keywords from another client", func(t *testing.T) {
		srv.AddFlags("INBOX", 2, "$SD_Open", "$SD_Assigned_7")
		if sum := c.sync(t); sum.KeywordsChanged != 1 {
			t.Fatalf("keywords: %+v", sum)
		}
		kw := c.sinkCalls(t, "keywords")
		if len(kw) != 1 || !strings.HasSuffix(kw[0], " $SD_Assigned_7 $SD_Open") {
			t.Fatalf("keyword calls: %v", kw)
		}
	})
	t.Run("expunge", func(t *testing.T) {
		srv.Expunge("INBOX", 4, 5)
		if sum := c.sync(t); sum.Expunged != 2 {
			t.Fatalf("expunge: %+v", sum)
		}
		if n := len(c.sinkCalls(t, "expunged")); n != 2 {
			t.Fatalf("expunged calls: %d", n)
		}
	})
	msgs, _ := c.dump(t)
	if len(msgs) != 34 {
		t.Fatalf("stored %d messages, want 34", len(msgs))
	}
}

func TestUIDValidityChangeResyncsWithoutDuplicates(t *testing.T) {
	srv := dovecottest.Start(t)
	seed := mails(1, 10)
	seed = append(seed, []byte("From: x@example.com\r\nSubject: no id\r\nDate: Sun, 29 Nov 2026 09:00:00 +0000\r\n\r\nno message id here\r\n"))
	srv.Seed("INBOX", seed)
	c := newClient(t, srv)
	c.sync(t)
	before, _ := c.dump(t)
	srv.SetUIDValidity("INBOX", 424242)
	srv.Expunge("INBOX", 1)
	sum := c.sync(t)
	if sum.Resynced != 1 || sum.New != 0 || sum.Expunged != 1 {
		t.Fatalf("resync: %+v", sum)
	}
	if d := c.sinkCalls(t, "deliver"); len(d) != 11 {
		t.Fatalf("deliveries after resync: %d, want 11 (no duplicates)", len(d))
	}
	after, _ := c.dump(t)
	if len(after) != len(before)-1 {
		t.Fatalf("rows: %d before, %d after", len(before), len(after))
	}
	if sum := c.sync(t); sum.New != 0 || sum.Resynced != 0 || sum.Expunged != 0 {
		t.Fatalf("sync after resync: %+v", sum)
	}
}

func TestBadInput(t *testing.T) {
	srv := dovecottest.Start(t)
	c := newClient(t, srv)
	t.Run("wrong password", func(t *testing.T) {
		_, err := c.svc.AddMailbox(c.ctx, MailboxInput{Name: "wrong", Host: srv.Host, Port: srv.Port, Security: "imaps",
			User: srv.User, Password: "not-it", From: "help@example.org"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.svc.Sync(c.ctx, SyncOptions{Mailbox: "wrong"}, nil)
		if err == nil || !strings.Contains(err.Error(), "refused the sign-in") {
			t.Fatalf("sync with a wrong password: %v", err)
		}
		res, err := c.svc.TestMailbox(c.ctx, "wrong")
		if err != nil || res.OK || res.Error == "" {
			t.Fatalf("test mailbox: %+v %v", res, err)
		}
	})
	t.Run("mailbox test", func(t *testing.T) {
		res, err := c.svc.TestMailbox(c.ctx, "help")
		if err != nil || !res.OK || !res.CondStore || !res.KeywordsSupported || res.SentFolder != "Sent" {
			t.Fatalf("test mailbox: %+v %v", res, err)
		}
	})
	t.Run("plain only to loopback", func(t *testing.T) {
		for _, in := range []MailboxInput{
			{Name: "p", Host: "mail.example.com", Security: "plain", User: "u", Password: "p", From: "a@b.org"},
			{Name: "bad name!", Host: "h", Security: "imaps", User: "u", Password: "p", From: "a@b.org"},
			{Name: "s", Host: "h", Security: "ssl3", User: "u", Password: "p", From: "a@b.org"},
			{Name: "f", Host: "h", Security: "imaps", User: "u", Password: "p", From: "not an address"},
		} {
			if _, err := c.svc.AddMailbox(c.ctx, in); err == nil {
				t.Errorf("%+v accepted", in)
			}
		}
		in := MailboxInput{Name: "p", Host: "mail.example.com", Security: "plain", User: "u", Password: "p",
			From: "a@b.org", AllowInsecure: true}
		if _, err := c.svc.AddMailbox(c.ctx, in); err != nil {
			t.Errorf("allow insecure refused: %v", err)
		}
	})
	t.Run("dropped connection", func(t *testing.T) {
		srv.Seed("INBOX", mails(1, 3))
		if _, err := c.svc.Sync(c.ctx, SyncOptions{Mailbox: "help"}, nil); err != nil {
			t.Fatal(err)
		}
		srv.Stop()
		if _, err := c.svc.Sync(c.ctx, SyncOptions{Mailbox: "help"}, nil); err == nil {
			t.Fatal("sync with the server down succeeded")
		}
		srv.Restart()
		srv.Seed("INBOX", mails(4, 2))
		if sum, err := c.svc.Sync(c.ctx, SyncOptions{Mailbox: "help"}, nil); err != nil || sum.New != 2 {
			t.Fatalf("after reconnect: %+v %v", sum, err)
		}
	})
	t.Run("broken mail is kept with warnings", func(t *testing.T) {
		srv.Seed("INBOX", [][]byte{
			[]byte("From: a@example.com\r\nSubject: broken\r\nContent-Type: multipart/mixed; boundary=\"zz\"\r\n\r\n--zz\r\nContent-Type: text/plain\r\n\r\nunterminated"),
			[]byte("no header at all, just text"),
		})
		sum, err := c.svc.Sync(c.ctx, SyncOptions{Mailbox: "help"}, nil)
		if err != nil || sum.New != 2 {
			t.Fatalf("broken mail: %+v %v", sum, err)
		}
	})
	t.Run("roles", func(t *testing.T) {
		mod := asRole("moderator")
		if _, err := c.svc.Sync(mod, SyncOptions{}, nil); err == nil {
			t.Error("a moderator synced")
		}
		if _, err := c.svc.AddMailbox(asRole("helpdesk"), MailboxInput{}); err == nil {
			t.Error("help desk added a mailbox")
		}
	})
}

func TestRemoveMailbox(t *testing.T) {
	srv := dovecottest.Start(t)
	srv.Seed("INBOX", mails(1, 3))
	c := newClient(t, srv)
	c.sync(t)
	if err := c.svc.RemoveMailbox(c.ctx, "help"); err != nil {
		t.Fatal(err)
	}
	if n := len(c.sinkCalls(t, "expunged")); n != 3 {
		t.Fatalf("expunged calls: %d", n)
	}
	list, _ := c.svc.ListMailboxes(c.ctx)
	if len(list) != 0 {
		t.Fatalf("list: %v", list)
	}
	if !reflect.DeepEqual(fmt.Sprint(srv.Count("INBOX")), "3") {
		t.Fatal("removing a mailbox touched the server")
	}
}

func TestLargeMessageFetchedOnDemand(t *testing.T) {
	srv := dovecottest.Start(t)
	body := strings.Repeat("attachment data line\r\n", 3000)
	big := []byte("From: a@example.com\r\nSubject: big\r\nMessage-ID: <big@example.com>\r\n\r\n" + body)
	srv.Seed("INBOX", [][]byte{big})
	c := newClient(t, srv)
	c.svc.wholeLimit = 10000
	if sum := c.sync(t); sum.New != 1 {
		t.Fatalf("sync: %+v", sum)
	}
	msgs, _ := c.dump(t)
	if len(msgs) != 1 || !strings.Contains(msgs[0], " true ") {
		t.Fatalf("stored: %v (want partial)", msgs)
	}
	raw, err := c.msgs.Raw(c.ctx, c.refOf(t, "INBOX", 1))
	if err != nil || len(raw) < len(body) || !strings.HasSuffix(string(raw), "attachment data line\r\n") {
		t.Fatalf("raw on demand: %d bytes, %v", len(raw), err)
	}
	if msgs, _ := c.dump(t); strings.Contains(msgs[0], " true ") {
		t.Fatal("still partial after fetching it whole")
	}
	if f := srv.Flags("INBOX", 1); len(f) != 0 {
		t.Fatalf("fetching set flags %v", f)
	}
}

func TestEraseMemberKeepsRowsAndNeverRefetches(t *testing.T) {
	srv := dovecottest.Start(t)
	srv.Seed("INBOX", mails(1, 4))
	c := newClient(t, srv)
	c.sync(t)
	rec, err := c.msgs.MemberRecords(c.ctx, "Member2@example.com")
	if err != nil || len(rec.Rows) != 1 || rec.Rows[0][4] != "Question 2" {
		t.Fatalf("records: %+v %v", rec, err)
	}
	cnt, err := c.msgs.EraseMember(c.ctx, "member2@example.com")
	if err != nil || cnt.Redacted != 1 {
		t.Fatalf("erase: %+v %v", cnt, err)
	}
	if _, err := c.msgs.Raw(c.ctx, c.refOf(t, "INBOX", 2)); err == nil {
		t.Fatal("raw of an erased message")
	}
	if sum := c.sync(t); sum.New != 0 {
		t.Fatalf("erased mail fetched again: %+v", sum)
	}
	if rec, _ := c.msgs.MemberRecords(c.ctx, "member2@example.com"); len(rec.Rows) != 0 {
		t.Fatalf("records after erasure: %v", rec.Rows)
	}
}

// TestBodiesBySize syncs a small mail, one over PartialSize and one over the whole-message limit: the
// first two are stored whole, the third keeps its first PartialSize bytes, marked partial; each keeps its
// keywords.
func TestBodiesBySize(t *testing.T) {
	srv := dovecottest.Start(t)
	mk := func(name string, size int) []byte {
		head := "From: a@example.com\r\nSubject: " + name + "\r\nMessage-ID: <" + name + "@example.com>\r\n\r\n"
		line := "attachment data line " + name + "\r\n"
		return []byte(head + strings.Repeat(line, (size-len(head))/len(line)+1))
	}
	raws := [][]byte{mk("small", 3000), mk("middle", PartialSize+PartialSize/5), mk("big", 2*PartialSize+PartialSize/2)}
	srv.Seed("INBOX", raws)
	srv.AddFlags("INBOX", 2, "$SD_Open")
	c := newClient(t, srv)
	c.svc.wholeLimit = 2 * PartialSize
	if sum := c.sync(t); sum.New != 3 {
		t.Fatalf("sync: %+v", sum)
	}
	cases := []struct {
		name    string
		uid     int
		want    []byte
		partial bool
		kw      string
	}{
		{"small, whole", 1, raws[0], false, ""},
		{"over PartialSize, whole", 2, raws[1], false, "$SD_Open"},
		{"over the limit, first part", 3, raws[2][:PartialSize], true, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var raw []byte
			var partial bool
			var kw string
			err := c.db.View(c.ctx, func(tx *sql.Tx) error {
				return tx.QueryRow(`SELECT raw, partial, keywords FROM mail_messages WHERE folder = 'INBOX' AND uid = ?`, tc.uid).
					Scan(&raw, &partial, &kw)
			})
			if err != nil || !bytes.Equal(raw, tc.want) || partial != tc.partial || kw != tc.kw {
				t.Fatalf("stored %d bytes, partial %v, keywords %q (%v); want %d bytes, partial %v, keywords %q",
					len(raw), partial, kw, err, len(tc.want), tc.partial, tc.kw)
			}
		})
	}
}
