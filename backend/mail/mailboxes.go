package mail

import (
	"context"
	"crypto/tls"
	"database/sql"
	"errors"
	"fmt"
	"net/mail"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/mail/smtpsend"
	"staffdesk/backend/store"
)

// Recorder appends to the audit log inside a transaction.
type Recorder interface {
	Record(ctx context.Context, tx *sql.Tx, ev audit.Event) error
}

// Service manages mailboxes, syncs them, flushes the outbox and keeps the background IDLE loop.
type Service struct {
	db    *store.DB
	audit Recorder
	clk   clock.Clock
	msgs  *Messages
	sink  Sink
	ev    Events
	extra FolderSource

	syncMu  sync.Mutex
	mu      sync.Mutex
	workers map[int64]*worker
	status  Status
	bg      *background
	tls     *tls.Config
	// wholeLimit is WholeLimit; tests lower it.
	wholeLimit int64
	// stall is StallTimeout; tests lower it.
	stall time.Duration
	// stmts holds the statements of the write transaction under way (a sync's batch).
	stmts store.Stmts
}

// NewService returns the mail service; msgs is the store-side half the help desk queues into.
func NewService(db *store.DB, au *audit.Service, clk clock.Clock, msgs *Messages, sink Sink, ev Events) *Service {
	s := &Service{db: db, audit: au, clk: clk, msgs: msgs, sink: sink, ev: ev, workers: map[int64]*worker{}, wholeLimit: WholeLimit,
		stall: StallTimeout}
	msgs.setFetcher(s.fetchWhole)
	return s
}

var mailboxNameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$`)

// account is a mailbox with its password, for the sync engine only.
type account struct {
	Mailbox
	password string
}

// AddMailbox stores a mailbox and its credentials in the encrypted store. Admins only.
func (s *Service) AddMailbox(ctx context.Context, in MailboxInput) (Mailbox, error) {
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return Mailbox{}, err
	}
	in, err := normalise(in)
	if err != nil {
		return Mailbox{}, err
	}
	now := s.clk.Now().UTC()
	var id int64
	err = s.db.Update(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO mail_mailboxes (name, imap_host, imap_port, imap_security, username,
			password, folders, allow_insecure, smtp_host, smtp_port, smtp_security, from_address, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, in.Name, in.Host, in.Port, in.Security, in.User, in.Password,
			strings.Join(in.Folders, ","), in.AllowInsecure, in.SMTPHost, in.SMTPPort, in.SMTPSecurity, in.From,
			now.Format(time.RFC3339Nano))
		if err != nil {
			if strings.Contains(err.Error(), "UNIQUE") {
				return apperr.New(apperr.Conflict, "a mailbox named %s already exists", in.Name)
			}
			return fmt.Errorf("add mailbox: %w", err)
		}
		id, _ = res.LastInsertId()
		return s.audit.Record(ctx, tx, audit.Event{Action: "mailbox.add", ObjectType: "mailbox", ObjectID: strconv.FormatInt(id, 10),
			Details: map[string]string{"name": in.Name, "security": in.Security}})
	})
	if err != nil {
		return Mailbox{}, err
	}
	return s.mailbox(ctx, in.Name)
}

func normalise(in MailboxInput) (MailboxInput, error) {
	in.Name, in.Host, in.User = strings.TrimSpace(in.Name), strings.TrimSpace(in.Host), strings.TrimSpace(in.User)
	switch {
	case !mailboxNameRE.MatchString(in.Name):
		return in, apperr.New(apperr.Invalid, "a mailbox name is 1-40 letters, digits, dots, dashes or underscores")
	case in.Host == "" || in.User == "" || in.Password == "":
		return in, apperr.New(apperr.Invalid, "a mailbox needs a host, a user and a password")
	case in.Security != "imaps" && in.Security != "starttls" && in.Security != "plain":
		return in, apperr.New(apperr.Invalid, "security must be imaps, starttls or plain")
	}
	if in.Port == 0 {
		in.Port = map[string]int{"imaps": 993, "starttls": 143, "plain": 143}[in.Security]
	}
	if in.SMTPHost == "" {
		in.SMTPHost = in.Host
	}
	if in.SMTPSecurity == "" {
		in.SMTPSecurity = map[string]string{"imaps": "tls", "starttls": "starttls", "plain": "plain"}[in.Security]
	}
	if in.SMTPPort == 0 {
		in.SMTPPort = map[string]int{"tls": 465, "starttls": 587, "plain": 25}[in.SMTPSecurity]
	}
	if len(in.Folders) == 0 {
		in.Folders = []string{"INBOX"}
	}
	if in.From == "" && strings.Contains(in.User, "@") {
		in.From = in.User
	}
	return in, checkInput(in)
}

func checkInput(in MailboxInput) error {
	if in.SMTPSecurity != "tls" && in.SMTPSecurity != "starttls" && in.SMTPSecurity != "plain" {
		return apperr.New(apperr.Invalid, "smtp security must be tls, starttls or plain")
	}
	if in.Port < 1 || in.Port > 65535 || in.SMTPPort < 1 || in.SMTPPort > 65535 {
		return apperr.New(apperr.Invalid, "ports must be between 1 and 65535")
	}
	if a, err := mail.ParseAddress(in.From); err != nil || a.Address != in.From {
		return apperr.New(apperr.Invalid, "the from address %q is not an email address", in.From)
	}
	if !in.AllowInsecure && in.Security == "plain" && !smtpsend.IsLoopback(in.Host) {
		return apperr.New(apperr.Invalid, "plain imap sends the password in clear: only to a loopback host, unless allow insecure is set")
	}
	if !in.AllowInsecure && in.SMTPSecurity == "plain" && !smtpsend.IsLoopback(in.SMTPHost) {
		return apperr.New(apperr.Invalid, "plain smtp is only allowed to a loopback host, unless allow insecure is set")
	}
	for _, f := range in.Folders {
		if strings.TrimSpace(f) == "" || strings.Contains(f, ",") {
			return apperr.New(apperr.Invalid, "folder names must not be empty or hold commas")
		}
	}
	return nil
}

// ListMailboxes returns the configured mailboxes, by name, without passwords. Competition managers may
// read them too, to link a competition to one of their folders.
func (s *Service) ListMailboxes(ctx context.Context) ([]Mailbox, error) {
	if _, err := actor.Require(ctx, actor.HelpDesk, actor.Competitions); err != nil {
		return nil, err
	}
	accts, err := s.accounts(ctx, "")
	out := make([]Mailbox, 0, len(accts))
	for _, a := range accts {
		out = append(out, a.Mailbox)
	}
	return out, err
}

// RemoveMailbox forgets a mailbox, its synced messages and its outbox. Admins only.
func (s *Service) RemoveMailbox(ctx context.Context, name string) error {
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return err
	}
	mb, err := s.mailbox(ctx, name)
	if err != nil {
		return err
	}
	s.dropWorker(mb.ID)
	return s.db.Update(ctx, func(tx *sql.Tx) error {
		var refs []int64
		refs, err := store.Collect("messages", scanInt64)(tx.QueryContext(ctx, `SELECT id FROM mail_messages WHERE mailbox_id = ?`, mb.ID))
		if err != nil {
			return err
		}
		if len(refs) > 0 {
			if err := s.sink.Expunged(ctx, tx, refs); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM mail_mailboxes WHERE id = ?`, mb.ID); err != nil {
			return fmt.Errorf("remove mailbox: %w", err)
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "mailbox.remove", ObjectType: "mailbox",
			ObjectID: strconv.FormatInt(mb.ID, 10), Details: map[string]string{"name": mb.Name, "messages": strconv.Itoa(len(refs))}})
	})
}

func scanInt64(r store.Scanner) (int64, error) {
	var v int64
	return v, r.Scan(&v)
}

func (s *Service) mailbox(ctx context.Context, name string) (Mailbox, error) {
	accts, err := s.accounts(ctx, name)
	if err != nil {
		return Mailbox{}, err
	}
	return accts[0].Mailbox, nil
}

// accounts reads the mailboxes (only the one named, when name != ""), with their passwords.
func (s *Service) accounts(ctx context.Context, name string) ([]account, error) {
	var out []account
	err := s.db.View(ctx, func(tx *sql.Tx) (err error) {
		out, err = store.Collect("mailboxes", scanAccount)(tx.QueryContext(ctx, `SELECT m.id, m.name, m.imap_host, m.imap_port,
			m.imap_security, m.username, m.password, m.folders, m.allow_insecure, m.smtp_host, m.smtp_port, m.smtp_security,
			m.from_address, m.sent_folder, m.keywords_supported, m.created_at,
			(SELECT count(*) FROM mail_messages WHERE mailbox_id = m.id),
			coalesce((SELECT max(synced_at) FROM mail_folders WHERE mailbox_id = m.id), '')
			FROM mail_mailboxes m WHERE ? = '' OR m.name = ? ORDER BY m.name`, name, name))
		return err
	})
	if err == nil && name != "" && len(out) == 0 {
		return nil, apperr.New(apperr.NotFound, "there is no mailbox named %s", name)
	}
	return out, err
}

func scanAccount(r store.Scanner) (account, error) {
	var a account
	var folders, created, synced string
	var kw sql.NullBool
	err := r.Scan(&a.ID, &a.Name, &a.Host, &a.Port, &a.Security, &a.User, &a.password, &folders, &a.AllowInsecure,
		&a.SMTPHost, &a.SMTPPort, &a.SMTPSecurity, &a.From, &a.SentFolder, &kw, &created, &a.Messages, &synced)
	if err != nil {
		return a, fmt.Errorf("read mailbox: %w", err)
	}
	a.Folders = strings.Split(folders, ",")
	if kw.Valid {
		a.KeywordsSupported = &kw.Bool
	}
	a.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
	a.LastSync, _ = time.Parse(time.RFC3339Nano, synced)
	return a, nil
}

func (s *Service) account(ctx context.Context, id int64) (account, error) {
	accts, err := s.accounts(ctx, "")
	if err != nil {
		return account{}, err
	}
	for _, a := range accts {
		if a.ID == id {
			return a, nil
		}
	}
	return account{}, errors.New("mailbox is gone")
}
