// Package mail syncs the help-desk mailboxes over IMAP into the encrypted store and sends what the help desk
// queues. Messages are keyed by (mailbox, folder, UIDVALIDITY, UID); CONDSTORE is used when offered; flags
// other than Staffdesk's own $SD_ keywords are never changed, and \Seen never means "imported". One
// goroutine owns each IMAP connection; the rest of the app sends it requests. Each batch of messages is
// stored together with its Sink deliveries in one transaction, and a folder's state advances only after
// the folder is complete, so a sync killed at any point and rerun equals a clean one.
package mail

import (
	"context"
	"database/sql"
	"embed"
	"time"

	"staffdesk/backend/mail/message"
	"staffdesk/backend/store"
)

//go:embed migrations/*.sql
var migrationsFS embed.FS

// Migrations are the mail area's schema (tables mail_*).
var Migrations = store.Migrations{Area: "mail", FS: migrationsFS}

// KeywordPrefix starts every keyword Staffdesk sets; no other flag is ever changed.
const KeywordPrefix = "$SD_"

// WholeLimit is the largest message kept whole at sync time; larger ones keep their first PartialSize
// bytes (headers and text) and are fetched whole on demand by Raw.
const (
	WholeLimit  = 10 << 20
	PartialSize = 1 << 20
)

// Sink receives what the sync finds; the help desk implements it. Each call runs inside the transaction
// that stores the change, so a crash never leaves one without the other.
type Sink interface {
	Deliver(ctx context.Context, tx *sql.Tx, d Delivery) error
	KeywordsChanged(ctx context.Context, tx *sql.Tx, ref int64, keywords []string) error
	Expunged(ctx context.Context, tx *sql.Tx, refs []int64) error
	Sent(ctx context.Context, tx *sql.Tx, outboxID int64, sentRef int64) error
	Conflict(ctx context.Context, tx *sql.Tx, c KeywordConflict) error
}

// BatchSink is a Sink that takes the new messages of a stored batch in one call, in order and in the
// batch's transaction, so that it can file them in bulk.
type BatchSink interface {
	Sink
	DeliverBatch(ctx context.Context, tx *sql.Tx, ds []Delivery) error
}

// Delivery is one newly synced message.
type Delivery struct {
	Ref        int64
	MailboxID  int64
	Mailbox    string
	Folder     string
	SentFolder bool
	Msg        *message.Message
	Keywords   []string
}

// KeywordConflict is a keyword change the server refused because another client changed the message's
// $SD_ keywords first: Wanted is what this laptop asked for, Server what the server holds.
type KeywordConflict struct {
	Ref    int64
	Wanted []string
	Server []string
}

// Events sends events to the open app.
type Events interface {
	Emit(name string, data any)
}

// Mailbox is a configured mailbox, without its password.
type Mailbox struct {
	ID                int64     `json:"id"`
	Name              string    `json:"name"`
	Host              string    `json:"host"`
	Port              int       `json:"port"`
	Security          string    `json:"security"`
	User              string    `json:"user"`
	Folders           []string  `json:"folders"`
	AllowInsecure     bool      `json:"allowInsecure"`
	SMTPHost          string    `json:"smtpHost"`
	SMTPPort          int       `json:"smtpPort"`
	SMTPSecurity      string    `json:"smtpSecurity"`
	From              string    `json:"from"`
	SentFolder        string    `json:"sentFolder"`
	KeywordsSupported *bool     `json:"keywordsSupported"`
	Messages          int       `json:"messages"`
	LastSync          time.Time `json:"lastSync"`
	CreatedAt         time.Time `json:"createdAt"`
}

// MailboxInput is what an admin fills in to add a mailbox. Zero SMTP fields take defaults from the IMAP ones.
type MailboxInput struct {
	Name          string   `json:"name"`
	Host          string   `json:"host"`
	Port          int      `json:"port"`
	Security      string   `json:"security"`
	User          string   `json:"user"`
	Password      string   `json:"password"`
	Folders       []string `json:"folders"`
	AllowInsecure bool     `json:"allowInsecure"`
	SMTPHost      string   `json:"smtpHost"`
	SMTPPort      int      `json:"smtpPort"`
	SMTPSecurity  string   `json:"smtpSecurity"`
	From          string   `json:"from"`
}

// TestResult is what a connection test found.
type TestResult struct {
	Mailbox           string         `json:"mailbox"`
	OK                bool           `json:"ok"`
	Error             string         `json:"error"`
	Capabilities      []string       `json:"capabilities"`
	CondStore         bool           `json:"condStore"`
	KeywordsSupported bool           `json:"keywordsSupported"`
	SentFolder        string         `json:"sentFolder"`
	Folders           []FolderStatus `json:"folders"`
}

// FolderStatus is a folder's message count on the server.
type FolderStatus struct {
	Name     string `json:"name"`
	Messages int    `json:"messages"`
}

// SyncOptions selects what a sync does: one mailbox ("" for all) and the operation named in progress events.
type SyncOptions struct {
	Mailbox   string `json:"mailbox"`
	Operation string `json:"operation"`
}

// Progress is one step of a sync, sent as the "mail:progress" event.
type Progress struct {
	Operation string `json:"operation"`
	Mailbox   string `json:"mailbox"`
	Folder    string `json:"folder"`
	Done      int    `json:"done"`
	Total     int    `json:"total"`
}

// SyncSummary counts what a sync did.
type SyncSummary struct {
	Mailboxes       int           `json:"mailboxes"`
	Folders         int           `json:"folders"`
	New             int           `json:"new"`
	Expunged        int           `json:"expunged"`
	KeywordsChanged int           `json:"keywordsChanged"`
	Resynced        int           `json:"resynced"`
	Outbox          OutboxSummary `json:"outbox"`
	Errors          []string      `json:"errors"`
	Seconds         float64       `json:"seconds"`
}

// OutboxSummary counts what a flush of the outbox did.
type OutboxSummary struct {
	Sent      int `json:"sent"`
	Keywords  int `json:"keywords"`
	Conflicts int `json:"conflicts"`
	Failed    int `json:"failed"`
	Left      int `json:"left"`
}

// Status is the sync's state for the UI: online, syncing, the outbox count and the last result.
type Status struct {
	Online    bool      `json:"online"`
	Syncing   bool      `json:"syncing"`
	Outbox    int       `json:"outbox"`
	LastSync  time.Time `json:"lastSync"`
	LastError string    `json:"lastError"`
}

// Outgoing is a message the help desk queues for sending.
type Outgoing struct {
	MailboxID int64
	From      string
	To        []string
	Raw       []byte
}
