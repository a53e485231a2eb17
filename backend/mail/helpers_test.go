package mail

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/mail/dovecottest"
	"staffdesk/backend/store"
)

// recordingSink is the tests' Sink: it writes every call into a table of the same store, inside the
// sync's transaction, so a rolled-back batch leaves no trace there either.
type recordingSink struct{}

const sinkSchema = `CREATE TABLE IF NOT EXISTS test_sink (n INTEGER PRIMARY KEY, kind TEXT, ref INTEGER, data TEXT)`

func (recordingSink) add(ctx context.Context, tx *sql.Tx, kind string, ref int64, data string) error {
	if _, err := tx.ExecContext(ctx, sinkSchema); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO test_sink (kind, ref, data) VALUES (?, ?, ?)`, kind, ref, data)
	return err
}

func (r recordingSink) Deliver(ctx context.Context, tx *sql.Tx, d Delivery) error {
	return r.add(ctx, tx, "deliver", d.Ref, fmt.Sprintf("%s|%s|%s|%v|%s", d.Folder, d.Msg.MessageID, d.Msg.Subject,
		d.SentFolder, strings.Join(d.Keywords, " ")))
}

func (r recordingSink) KeywordsChanged(ctx context.Context, tx *sql.Tx, ref int64, kw []string) error {
	return r.add(ctx, tx, "keywords", ref, strings.Join(kw, " "))
}

func (r recordingSink) Expunged(ctx context.Context, tx *sql.Tx, refs []int64) error {
	for _, ref := range refs {
		if err := r.add(ctx, tx, "expunged", ref, ""); err != nil {
			return err
		}
	}
	return nil
}

func (r recordingSink) Sent(ctx context.Context, tx *sql.Tx, outboxID, sentRef int64) error {
	return r.add(ctx, tx, "sent", sentRef, fmt.Sprint(outboxID))
}

func (r recordingSink) Conflict(ctx context.Context, tx *sql.Tx, c KeywordConflict) error {
	return r.add(ctx, tx, "conflict", c.Ref, strings.Join(c.Wanted, " ")+"|"+strings.Join(c.Server, " "))
}

type nopEvents struct{}

func (nopEvents) Emit(string, any) {}

// client is one laptop: its own encrypted store and mail service.
type client struct {
	db   *store.DB
	svc  *Service
	msgs *Messages
	ctx  context.Context
	path string
}

var testKey = []byte("0123456789abcdef0123456789abcdef")

func adminCtx() context.Context {
	return actor.With(context.Background(), actor.Actor{ID: "op-admin", Name: "admin", Role: actor.Admin})
}

// openClient opens (or reopens) the store at path.
func openClient(t testing.TB, path string, srv *dovecottest.Server) *client {
	t.Helper()
	db, err := store.Open(context.Background(), path, testKey, audit.Migrations, Migrations)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	clk := clock.NewFixed(time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC))
	msgs := NewMessages(db, clk)
	svc := NewService(db, audit.NewService(db, clk), clk, msgs, recordingSink{}, nopEvents{})
	if srv != nil {
		svc.TrustTLS(srv.TLS)
	}
	c := &client{db: db, svc: svc, msgs: msgs, ctx: adminCtx(), path: path}
	t.Cleanup(func() { svc.Stop(); db.Close() })
	return c
}

// newClient opens a fresh store with the server's mailbox added as "help".
func newClient(t testing.TB, srv *dovecottest.Server) *client {
	t.Helper()
	c := openClient(t, filepath.Join(t.TempDir(), "staffdesk.db"), srv)
	c.add(t, srv, "help")
	return c
}

func (c *client) add(t testing.TB, srv *dovecottest.Server, name string) Mailbox {
	t.Helper()
	mb, err := c.svc.AddMailbox(c.ctx, MailboxInput{Name: name, Host: srv.Host, Port: srv.Port, Security: "imaps",
		User: srv.User, Password: srv.Password, SMTPHost: "127.0.0.1", SMTPPort: 1, SMTPSecurity: "plain",
		From: "help@example.org"})
	if err != nil {
		t.Fatalf("add mailbox: %v", err)
	}
	return mb
}

func (c *client) sync(t testing.TB) SyncSummary {
	t.Helper()
	sum, err := c.svc.Sync(c.ctx, SyncOptions{}, nil)
	if err != nil {
		t.Fatalf("sync: %v", err)
	}
	return sum
}

// dump is the store's mail state and the sink's record, in a form two stores can be compared by.
func (c *client) dump(t testing.TB) (messages []string, deliveries []string) {
	t.Helper()
	err := c.db.View(context.Background(), func(tx *sql.Tx) error {
		rows, err := tx.Query(`SELECT folder, uid, keywords, dedupe_key, partial, raw FROM mail_messages ORDER BY folder, uid`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var folder, kw, key string
			var uid int64
			var partial bool
			var raw []byte
			rows.Scan(&folder, &uid, &kw, &key, &partial, &raw)
			messages = append(messages, fmt.Sprintf("%s/%d %s %s %v %x", folder, uid, kw, key, partial, sha256.Sum256(raw)))
		}
		tx.Exec(sinkSchema)
		drows, err := tx.Query(`SELECT kind, data FROM test_sink WHERE kind = 'deliver' ORDER BY data`)
		if err != nil {
			return err
		}
		defer drows.Close()
		for drows.Next() {
			var kind, data string
			drows.Scan(&kind, &data)
			deliveries = append(deliveries, kind+" "+data)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("dump: %v", err)
	}
	return messages, deliveries
}

// sinkCalls returns the sink's calls of one kind, in order, as "ref data".
func (c *client) sinkCalls(t testing.TB, kind string) []string {
	t.Helper()
	var out []string
	c.db.Update(context.Background(), func(tx *sql.Tx) error {
		tx.Exec(sinkSchema)
		rows, err := tx.Query(`SELECT ref, data FROM test_sink WHERE kind = ? ORDER BY n`, kind)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var ref int64
			var data string
			rows.Scan(&ref, &data)
			out = append(out, fmt.Sprintf("%d %s", ref, data))
		}
		return nil
	})
	return out
}

// mails returns n small distinct messages numbered from first.
func mails(first, n int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		k := first + i
		out[i] = []byte(fmt.Sprintf("From: Member %d <member%d@example.com>\r\nTo: help@example.org\r\n"+
			"Subject: Question %d\r\nDate: Sun, 29 Nov 2026 09:%02d:00 +0000\r\nMessage-ID: <q%d@example.com>\r\n"+
			"Content-Type: text/plain; charset=utf-8\r\n\r\nHello, this is question %d.\r\n", k, k, k, k%60, k, k))
	}
	return out
}

func asRole(role string) context.Context {
	return actor.With(context.Background(), actor.Actor{ID: "op-" + role, Name: role, Role: actor.Role(role)})
}
