package helpdesk

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/mail"
	"staffdesk/backend/mail/message"
	"staffdesk/backend/operators"
	"staffdesk/backend/store"
)

// fakeMail records what the help desk queues, like the mail area's outbox would.
type fakeMail struct {
	mu        sync.Mutex
	keywords  []kwCall
	sends     []mail.Outgoing
	nextOut   int64
	raw       map[int64][]byte
	texts     map[int64]string
	inDB      bool // keep delivered mail in the store (keep) rather than in texts
	textFail  bool // StoredText fails, as a damaged store would
	noKW      bool
	queueFail bool
}

type kwCall struct {
	refs        []int64
	add, remove []string
}

func (f *fakeMail) QueueKeywords(ctx context.Context, tx *sql.Tx, refs []int64, add, remove []string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.keywords = append(f.keywords, kwCall{append([]int64(nil), refs...), add, remove})
	return nil
}

func (f *fakeMail) QueueSend(ctx context.Context, tx *sql.Tx, out mail.Outgoing) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.queueFail {
		return 0, fmt.Errorf("outbox full")
	}
	f.nextOut++
	f.sends = append(f.sends, out)
	return f.nextOut, nil
}

// StoredText returns the text of a mail the test delivered (see hold and keep), as the mail area's store would.
func (f *fakeMail) StoredText(ctx context.Context, tx *sql.Tx, ref int64) (string, error) {
	if f.textFail {
		return "", fmt.Errorf("stored message %d is damaged", ref)
	}
	if f.inDB {
		var raw []byte
		err := tx.QueryRowContext(ctx, `SELECT raw FROM test_stored_mail WHERE ref = ?`, ref).Scan(&raw)
		if errors.Is(err, sql.ErrNoRows) {
			return "", nil
		}
		if err != nil {
			return "", err
		}
		m, err := message.Parse(raw)
		if err != nil {
			return string(raw), nil
		}
		return m.Text, nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.texts[ref], nil
}

// keep stores delivered mail as the mail area does before delivering it: its text in memory (hold) or,
// with inDB, the whole message (renderMail) in a table of the same encrypted store, so that StoredText
// costs what the mail area's does, a row read and a parse.
func (f *fakeMail) keep(ctx context.Context, tx *sql.Tx, ds []mail.Delivery) error {
	if !f.inDB {
		f.hold(ds...)
		return nil
	}
	for _, d := range ds {
		if _, err := tx.ExecContext(ctx, `INSERT INTO test_stored_mail (ref, raw) VALUES (?, ?)`, d.Ref, renderMail(d.Msg)); err != nil {
			return err
		}
	}
	return nil
}

// hold keeps the text of each delivered mail, as the mail area stores it before delivering.
func (f *fakeMail) hold(ds ...mail.Delivery) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.texts == nil {
		f.texts = map[int64]string{}
	}
	for _, d := range ds {
		if d.Msg != nil {
			f.texts[d.Ref] = d.Msg.Text
		}
	}
}

func (f *fakeMail) Raw(ctx context.Context, ref int64) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	b, ok := f.raw[ref]
	if !ok {
		return nil, fmt.Errorf("no mail %d", ref)
	}
	return b, nil
}

func (f *fakeMail) KeywordsSupported(ctx context.Context, mailboxID int64) (bool, error) {
	return !f.noKW, nil
}

func (f *fakeMail) MailboxAddress(ctx context.Context, mailboxID int64) (message.Address, error) {
	return message.Address{Name: "Parents Help Desk", Email: fmt.Sprintf("help%d@parents.example", mailboxID)}, nil
}

func (f *fakeMail) lastKeywords() kwCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.keywords) == 0 {
		return kwCall{}
	}
	return f.keywords[len(f.keywords)-1]
}

type fakeOps []operators.Operator

func (f fakeOps) List(ctx context.Context) ([]operators.Operator, error) { return f, nil }

type fixture struct {
	svc   *Service
	db    *store.DB
	mail  *fakeMail
	clock *clock.Fixed
	ctx   context.Context // hana, help desk
	au    *audit.Service
}

var testOps = fakeOps{{ID: "op1", Name: "hana", Role: actor.HelpDesk}, {ID: "op2", Name: "ade", Role: actor.Admin}}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "s.db"), bytes.Repeat([]byte{7}, 32),
		audit.Migrations, Migrations)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	clk := clock.NewFixed(time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC))
	au := audit.NewService(db, clk)
	fm := &fakeMail{raw: map[int64][]byte{}}
	return &fixture{svc: NewService(db, au, clk, fm, testOps), db: db, mail: fm, clock: clk, au: au,
		ctx: actor.With(context.Background(), actor.Actor{ID: "op1", Name: "hana", Role: actor.HelpDesk})}
}

// mailSpec is a test mail, written as headers and a body.
type mailSpec struct {
	from, to, subject, id, inReplyTo, refs, body string
	extra                                        string // more header lines, CRLF-separated, ending in CRLF
	date                                         time.Time
}

func (m mailSpec) raw() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: %s\r\n", m.from, or(m.to, "help1@parents.example"), m.subject)
	if m.id != "" {
		fmt.Fprintf(&b, "Message-ID: <%s>\r\n", m.id)
	}
	if m.inReplyTo != "" {
		fmt.Fprintf(&b, "In-Reply-To: <%s>\r\n", m.inReplyTo)
	}
	if m.refs != "" {
		fmt.Fprintf(&b, "References: %s\r\n", m.refs)
	}
	d := m.date
	if d.IsZero() {
		d = time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	}
	fmt.Fprintf(&b, "Date: %s\r\n%sContent-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n", d.Format(time.RFC1123Z), m.extra, m.body)
	return []byte(b.String())
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// deliver hands one mail to the help desk as the mail area would, in its own transaction.
func (f *fixture) deliver(t testing.TB, ref, mailboxID int64, raw []byte, sent bool, keywords ...string) {
	t.Helper()
	m, err := message.Parse(raw)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	f.mail.mu.Lock()
	f.mail.raw[ref] = raw
	f.mail.mu.Unlock()
	d := mail.Delivery{Ref: ref, MailboxID: mailboxID, Mailbox: fmt.Sprintf("box%d", mailboxID), Folder: "INBOX",
		SentFolder: sent, Msg: m, Keywords: keywords}
	f.mail.hold(d)
	if err := f.db.Update(f.ctx, func(tx *sql.Tx) error { return f.svc.Deliver(f.ctx, tx, d) }); err != nil {
		t.Fatalf("deliver ref %d: %v", ref, err)
	}
}

func (f *fixture) list(t testing.TB, flt Filter) Page {
	t.Helper()
	p, err := f.svc.List(f.ctx, flt)
	if err != nil {
		t.Fatalf("list: %v", err)
	}
	return p
}

func (f *fixture) get(t testing.TB, id int64) Ticket {
	t.Helper()
	tk, err := f.svc.Get(f.ctx, id)
	if err != nil {
		t.Fatalf("get %d: %v", id, err)
	}
	return tk
}

func ptr[T any](v T) *T { return &v }
