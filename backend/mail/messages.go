package mail

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/clock"
	"staffdesk/backend/mail/message"
	"staffdesk/backend/store"
)

// Messages is the store-side half of mail, with no connections: the help desk queues keyword changes and
// sends in its own transactions and reads raw messages. The sync engine drains what it queues.
type Messages struct {
	db  *store.DB
	clk clock.Clock

	mu    sync.RWMutex
	fetch func(ctx context.Context, ref int64) ([]byte, error)
}

// NewMessages returns the store-side half of mail.
func NewMessages(db *store.DB, clk clock.Clock) *Messages { return &Messages{db: db, clk: clk} }

var keywordRE = regexp.MustCompile(`^\$SD_[A-Za-z0-9_.-]{1,60}$`)

// ValidKeyword reports whether kw is one of Staffdesk's own keywords ($SD_ and atom characters).
func ValidKeyword(kw string) bool { return keywordRE.MatchString(kw) }

// QueueKeywords queues, inside the caller's transaction, adding and removing $SD_ keywords on the messages refs.
func (m *Messages) QueueKeywords(ctx context.Context, tx *sql.Tx, refs []int64, add, remove []string) error {
	if _, err := actor.Require(ctx, actor.HelpDesk); err != nil {
		return err
	}
	for _, kw := range append(append([]string{}, add...), remove...) {
		if !ValidKeyword(kw) {
			return apperr.New(apperr.Invalid, "keyword %q is not a staffdesk keyword", kw)
		}
	}
	now := m.clk.Now().UTC().Format(time.RFC3339Nano)
	for _, ref := range refs {
		_, err := tx.ExecContext(ctx, `INSERT INTO mail_outbox (kind, mailbox_id, ref, add_kw, remove_kw, created_at)
			SELECT 'keywords', mailbox_id, id, ?, ?, ? FROM mail_messages WHERE id = ?`,
			strings.Join(add, " "), strings.Join(remove, " "), now, ref)
		if err != nil {
			return fmt.Errorf("queue keywords: %w", err)
		}
	}
	return nil
}

// QueueSend queues a message for sending through the mailbox's SMTP server, inside the caller's transaction.
// The help desk and competition managers may queue mail.
func (m *Messages) QueueSend(ctx context.Context, tx *sql.Tx, o Outgoing) (int64, error) {
	if _, err := actor.Require(ctx, senderRoles...); err != nil {
		return 0, err
	}
	if len(o.To) == 0 || o.From == "" || len(o.Raw) == 0 {
		return 0, apperr.New(apperr.Invalid, "a message to send needs a sender, a recipient and a body")
	}
	msg, err := message.Parse(o.Raw)
	if err != nil {
		return 0, apperr.Wrap(apperr.Invalid, err, "the message to send has no header")
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO mail_outbox (kind, mailbox_id, from_addr, rcpt, raw, message_id, created_at)
		VALUES ('send', ?, ?, ?, ?, ?, ?)`, o.MailboxID, o.From, strings.Join(o.To, "\n"), o.Raw, msg.MessageID,
		m.clk.Now().UTC().Format(time.RFC3339Nano))
	if err != nil {
		return 0, fmt.Errorf("queue send: %w", err)
	}
	return res.LastInsertId()
}

// OutboxCount returns how many queued changes and sends wait for the server.
func (m *Messages) OutboxCount(ctx context.Context) (int, error) {
	if _, err := actor.Require(ctx, actor.HelpDesk); err != nil {
		return 0, err
	}
	var n int
	err := m.db.View(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT count(*) FROM mail_outbox WHERE state IN ('queued', 'sending')`).Scan(&n)
	})
	if err != nil {
		return 0, fmt.Errorf("count outbox: %w", err)
	}
	return n, nil
}

// StoredText is the text of stored message ref as a sync parses it, read in the caller's transaction and
// never fetched: the help desk keeps no copy of a mail's text (see helpdesk's mailTexts). An erased or
// missing message has none.
func (m *Messages) StoredText(ctx context.Context, tx *sql.Tx, ref int64) (string, error) {
	var raw []byte
	var erased bool
	err := tx.QueryRowContext(ctx, `SELECT raw, erased FROM mail_messages WHERE id = ?`, ref).Scan(&raw, &erased)
	if errors.Is(err, sql.ErrNoRows) || erased {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read stored message %d: %w", ref, err)
	}
	msg, _ := parse(raw)
	return msg.Text, nil
}

// Raw returns the whole message ref, fetching it from the server when only its first part was kept.
func (m *Messages) Raw(ctx context.Context, ref int64) ([]byte, error) {
	if _, err := actor.Require(ctx, actor.HelpDesk); err != nil {
		return nil, err
	}
	var raw []byte
	var partial, erased bool
	err := m.db.View(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT raw, partial, erased FROM mail_messages WHERE id = ?`, ref).Scan(&raw, &partial, &erased)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, apperr.New(apperr.NotFound, "message %d is not in the store", ref)
	}
	if erased {
		return nil, apperr.New(apperr.NotFound, "message %d was erased at the member's request", ref)
	}
	if err != nil || !partial {
		return raw, err
	}
	m.mu.RLock()
	fetch := m.fetch
	m.mu.RUnlock()
	if fetch == nil {
		return nil, apperr.New(apperr.Conflict, "message %d is large and only its first part is stored: sync to fetch it", ref)
	}
	return fetch(ctx, ref)
}

// KeywordsSupported reports whether the mailbox's server keeps keywords (PERMANENTFLAGS has \*). Until the
// first sync has looked, it answers true.
func (m *Messages) KeywordsSupported(ctx context.Context, mailboxID int64) (bool, error) {
	if _, err := actor.Require(ctx, actor.HelpDesk); err != nil {
		return false, err
	}
	var v sql.NullBool
	err := m.db.View(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT keywords_supported FROM mail_mailboxes WHERE id = ?`, mailboxID).Scan(&v)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return false, apperr.New(apperr.NotFound, "mailbox %d does not exist", mailboxID)
	}
	if err != nil {
		return false, fmt.Errorf("read mailbox: %w", err)
	}
	return !v.Valid || v.Bool, nil
}

func (m *Messages) setFetcher(f func(ctx context.Context, ref int64) ([]byte, error)) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.fetch = f
}
