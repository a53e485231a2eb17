package mail

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"staffdesk/backend/mail/dovecottest"
	"staffdesk/backend/mail/smtpsend/smtptest"
)

// killingSink records like recordingSink and kills its own process at the chosen call, as a crash would.
type killingSink struct {
	recordingSink
	at       string
	n, count int
}

func (k *killingSink) maybeDie(kind string) {
	if kind == k.at {
		k.count++
		if k.count == k.n {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
		}
	}
}

func (k *killingSink) Deliver(ctx context.Context, tx *sql.Tx, d Delivery) error {
	if err := k.recordingSink.Deliver(ctx, tx, d); err != nil {
		return err
	}
	k.maybeDie("deliver")
	return nil
}

func (k *killingSink) Expunged(ctx context.Context, tx *sql.Tx, refs []int64) error {
	k.maybeDie("expunged")
	return k.recordingSink.Expunged(ctx, tx, refs)
}

func (k *killingSink) Sent(ctx context.Context, tx *sql.Tx, outboxID, sentRef int64) error {
	k.maybeDie("sent")
	return k.recordingSink.Sent(ctx, tx, outboxID, sentRef)
}

// TestChildSync is the child of TestKillAndResume: it syncs the store named in its environment and kills
// itself at the call named there.
func TestChildSync(t *testing.T) {
	path := os.Getenv("STAFFDESK_MAIL_CHILD")
	if path == "" {
		t.Skip("child process only")
	}
	c := openClient(t, path, nil)
	n, _ := strconv.Atoi(os.Getenv("STAFFDESK_MAIL_KILL_N"))
	at := os.Getenv("STAFFDESK_MAIL_KILL_AT")
	c.svc.sink = &killingSink{at: at, n: n}
	progress := func(p Progress) {
		if at == "batch" && p.Done == n {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
		}
	}
	c.svc.Sync(c.ctx, SyncOptions{}, progress)
	t.Fatal("the child was not killed")
}

func addPlain(t testing.TB, c *client, srv *dovecottest.Server, smtpHost string, smtpPort int) Mailbox {
	t.Helper()
	mb, err := c.svc.AddMailbox(c.ctx, MailboxInput{Name: "help", Host: srv.Host, Port: srv.PlainPort, Security: "plain",
		User: srv.User, Password: srv.Password, SMTPHost: smtpHost, SMTPPort: smtpPort, SMTPSecurity: "plain",
		From: "help@example.org"})
	if err != nil {
		t.Fatal(err)
	}
	return mb
}

func runChild(t *testing.T, path, at string, n int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestChildSync$", "-test.count=1")
	cmd.Env = append(os.Environ(), "STAFFDESK_MAIL_CHILD="+path, "STAFFDESK_MAIL_KILL_AT="+at,
		"STAFFDESK_MAIL_KILL_N="+strconv.Itoa(n))
	out, err := cmd.CombinedOutput()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("child was not killed at %s %d: %v\n%s", at, n, err, out)
	}
}

func TestKillAndResume(t *testing.T) {
	srv := dovecottest.Start(t)
	srv.Seed("INBOX", mails(1, 1200))
	srv.AddFlags("INBOX", 7, "$SD_Open")
	smtp := smtptest.Start(t, smtptest.Plain)
	smtp.User, smtp.Password = srv.User, srv.Password
	host, port := smtp.Addr()

	ref := openClient(t, filepath.Join(t.TempDir(), "ref.db"), srv)
	addPlain(t, ref, srv, host, port)
	ref.sync(t)
	wantMsgs, wantDeliveries := ref.dump(t)

	for _, point := range []struct {
		at string
		n  int
	}{{"deliver", 1}, {"deliver", 777}, {"batch", 875}, {"deliver", 1100}} { // batches of 125, 250, 500, then 1000
		t.Run(fmt.Sprintf("killed at %s %d", point.at, point.n), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "s.db")
			c := openClient(t, path, srv)
			addPlain(t, c, srv, host, port)
			c.db.Close()
			runChild(t, path, point.at, point.n)
			c = openClient(t, path, srv)
			c.sync(t)
			msgs, deliveries := c.dump(t)
			if !reflect.DeepEqual(msgs, wantMsgs) || !reflect.DeepEqual(deliveries, wantDeliveries) {
				t.Fatalf("after resume: %d messages, %d deliveries; clean sync: %d, %d",
					len(msgs), len(deliveries), len(wantMsgs), len(wantDeliveries))
			}
		})
	}

	t.Run("killed after sending, before recording it", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "s.db")
		c := openClient(t, path, srv)
		mb := addPlain(t, c, srv, host, port)
		c.sync(t)
		raw, id := reply(t, 1)
		c.db.Update(c.ctx, func(tx *sql.Tx) error {
			_, err := c.msgs.QueueSend(c.ctx, tx, Outgoing{MailboxID: mb.ID, From: "help@example.org", To: []string{"m@example.com"}, Raw: raw})
			return err
		})
		c.svc.Stop()
		c.db.Close()
		runChild(t, path, "sent", 1)
		c = openClient(t, path, srv)
		sum := c.sync(t)
		if len(smtp.Messages()) != 1 || srv.Count("Sent") != 1 || sum.Outbox.Left != 0 {
			t.Fatalf("smtp got %d, Sent holds %d, outbox %+v", len(smtp.Messages()), srv.Count("Sent"), sum.Outbox)
		}
		if s := c.sinkCalls(t, "sent"); len(s) != 1 {
			t.Fatalf("sent calls: %v", s)
		}
		if d := c.sinkCalls(t, "deliver"); strings.Contains(strings.Join(d, "\n"), id) {
			t.Fatal("the sent copy was delivered as new mail")
		}
	})
}
