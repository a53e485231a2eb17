// Package helpdesk turns help-desk mail into tickets: threading, dedupe, status, assignee, priority, tags,
// notes, canned replies, replies queued for sending, search, and the ticket state shared with other
// laptops through IMAP keywords. It owns the helpdesk_* tables and implements the mail area's Sink; it
// reaches the mail area only through the Mail interface below.
package helpdesk

import (
	"context"
	"database/sql"
	"embed"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/mail"
	"staffdesk/backend/mail/message"
	"staffdesk/backend/operators"
	"staffdesk/backend/store"
)

//go:embed migrations/*.sql
var migrationsFS embed.FS

// Migrations are the helpdesk area's schema.
var Migrations = store.Migrations{Area: "helpdesk", FS: migrationsFS}

// Mail is what the help desk needs from the mail area: queue keyword changes and replies inside the
// help desk's own transaction, read a stored message, and know whether a mailbox keeps keywords.
type Mail interface {
	QueueKeywords(ctx context.Context, tx *sql.Tx, refs []int64, add, remove []string) error
	QueueSend(ctx context.Context, tx *sql.Tx, out mail.Outgoing) (int64, error)
	Raw(ctx context.Context, ref int64) ([]byte, error)
	// StoredText is the text of a stored message, read in the help desk's transaction (see mailTexts).
	StoredText(ctx context.Context, tx *sql.Tx, ref int64) (string, error)
	KeywordsSupported(ctx context.Context, mailboxID int64) (bool, error)
	// MailboxAddress is the address replies from a mailbox are sent from.
	MailboxAddress(ctx context.Context, mailboxID int64) (message.Address, error)
}

// OperatorNames lists the operators, to show assignees by name and to assign by name.
type OperatorNames interface {
	List(ctx context.Context) ([]operators.Operator, error)
}

// Recorder appends to the audit log inside a transaction.
type Recorder interface {
	Record(ctx context.Context, tx *sql.Tx, ev audit.Event) error
	RecordAll(ctx context.Context, tx *sql.Tx, evs []audit.Event) error
}

// Service is the help desk.
type Service struct {
	db    *store.DB
	audit Recorder
	clock clock.Clock
	mail  Mail
	ops   OperatorNames
	stmts store.Stmts
}

// NewService returns the help desk over db; mail queues keywords and replies, ops names assignees.
func NewService(db *store.DB, au *audit.Service, clk clock.Clock, m Mail, ops OperatorNames) *Service {
	return &Service{db: db, audit: au, clock: clk, mail: m, ops: ops}
}

// requireDesk returns the operator when they may work tickets (help desk or admin).
func requireDesk(ctx context.Context) (actor.Actor, error) {
	return actor.Require(ctx, actor.HelpDesk)
}

// record writes an audit event when an operator is signed in; mail delivered by a background sync with
// no operator is recorded by the sync itself.
func (s *Service) record(ctx context.Context, tx *sql.Tx, ev audit.Event) error {
	if _, ok := actor.From(ctx); !ok {
		return nil
	}
	return s.audit.Record(ctx, tx, ev)
}

// recordAll appends evs, in order, like record.
func (s *Service) recordAll(ctx context.Context, tx *sql.Tx, evs []audit.Event) error {
	if _, ok := actor.From(ctx); !ok {
		return nil
	}
	return s.audit.RecordAll(ctx, tx, evs)
}

func auditEvent(action string, ticketID int64, details map[string]string) audit.Event {
	return audit.Event{Action: action, ObjectType: "ticket", ObjectID: idStr(ticketID), Details: details}
}
