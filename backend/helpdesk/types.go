package helpdesk

import (
	"time"

	"staffdesk/backend/mail/message"
)

// Ticket statuses, in the order a ticket usually moves through them.
const (
	StatusNew     = "new"
	StatusOpen    = "open"
	StatusPending = "pending"
	StatusSolved  = "solved"
	StatusClosed  = "closed"
)

// StatusActive is a List filter, not a status: new, open and pending tickets (the work still to do).
const StatusActive = "active"

// Statuses lists every status.
var Statuses = []string{StatusNew, StatusOpen, StatusPending, StatusSolved, StatusClosed}

// Priorities lists every priority, lowest first; "normal" is the default.
var Priorities = []string{"low", "normal", "high", "urgent"}

// Thread item kinds.
const (
	KindIn   = "in"   // mail from a member
	KindOut  = "out"  // our reply
	KindNote = "note" // an internal note, never sent
	KindAuto = "auto" // an auto-reply or bounce that matched the ticket
)

// Filter selects tickets for List. Empty fields select everything.
type Filter struct {
	Status     string    `json:"status"`     // a status, or "active" for new, open and pending
	AssigneeID string    `json:"assigneeId"` // an operator id, "me" or "none"
	Tag        string    `json:"tag"`
	Mailbox    string    `json:"mailbox"`
	Query      string    `json:"query"` // words searched in subject, bodies and participants
	Since      time.Time `json:"since"` // last activity at or after
	Until      time.Time `json:"until"` // last activity before
	Sensitive  *bool     `json:"sensitive"`
	Limit      int       `json:"limit"`
	Offset     int       `json:"offset"`
}

// Page is one page of tickets, newest activity first, and how many the filter selects in all.
type Page struct {
	Tickets []TicketSummary `json:"tickets"`
	Total   int             `json:"total"`
}

// TicketSummary is a ticket as the list shows it.
type TicketSummary struct {
	ID           int64           `json:"id"`
	Subject      string          `json:"subject"`
	Requester    message.Address `json:"requester"`
	Status       string          `json:"status"`
	Priority     string          `json:"priority"`
	AssigneeID   string          `json:"assigneeId"`
	AssigneeName string          `json:"assigneeName"`
	Tags         []string        `json:"tags"`
	Mailbox      string          `json:"mailbox"`
	CreatedAt    time.Time       `json:"createdAt"`
	UpdatedAt    time.Time       `json:"updatedAt"`
	Messages     int             `json:"messages"`
	Sensitive    bool            `json:"sensitive"`
	Snippet      string          `json:"snippet"`
	Conflict     bool            `json:"conflict"`
}

// Ticket is one ticket with its whole thread.
type Ticket struct {
	TicketSummary
	Thread []ThreadItem `json:"thread"`
	// SharedState is false when the mail server allows no keywords: the ticket's state is kept on this
	// laptop only.
	SharedState bool       `json:"sharedState"`
	Conflicts   []Conflict `json:"conflicts"`
}

// ThreadItem is one message, reply or note of a ticket.
type ThreadItem struct {
	ID          int64                `json:"id"`
	Kind        string               `json:"kind"`
	From        message.Address      `json:"from"`
	To          []message.Address    `json:"to"`
	Cc          []message.Address    `json:"cc"`
	Date        time.Time            `json:"date"`
	Text        string               `json:"text"`
	HasHTML     bool                 `json:"hasHtml"`
	Attachments []message.Attachment `json:"attachments"`
	Warnings    []string             `json:"warnings"`
	Delivery    string               `json:"delivery"` // "", "queued", "sent" or "failed" (our replies)
	Author      string               `json:"author"`   // the operator who wrote a reply or note
}

// Conflict is a change of ticket state that another laptop made while ours was waiting to be stored.
type Conflict struct {
	ID     int64     `json:"id"`
	At     time.Time `json:"at"`
	Mine   State     `json:"mine"`
	Theirs State     `json:"theirs"`
}

// State is the part of a ticket shared through IMAP keywords.
type State struct {
	Status     string `json:"status"`
	AssigneeID string `json:"assigneeId"`
	Priority   string `json:"priority"`
}

// Change is an operator's edit of a ticket; nil and empty fields stay as they are.
type Change struct {
	Status     *string  `json:"status"`
	AssigneeID *string  `json:"assigneeId"` // "" unassigns
	Priority   *string  `json:"priority"`
	AddTags    []string `json:"addTags"`
	RemoveTags []string `json:"removeTags"`
	Sensitive  *bool    `json:"sensitive"`
}

// ReplyInput is an operator's reply to the requester.
type ReplyInput struct {
	Text   string `json:"text"`
	Status string `json:"status"` // the ticket's status after sending; pending when empty
}

// Canned is a saved reply operators insert into the composer.
type Canned struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
	Body  string `json:"body"`
}

// Counts are the numbers beside the help desk's views.
type Counts struct {
	New     int `json:"new"`
	Open    int `json:"open"`
	Pending int `json:"pending"`
	Solved  int `json:"solved"`
	Closed  int `json:"closed"`
	Mine    int `json:"mine"` // new, open or pending and assigned to the signed-in operator
	All     int `json:"all"`
}

// AttachmentData is one attachment's content, for download.
type AttachmentData struct {
	Filename    string `json:"filename"`
	ContentType string `json:"contentType"`
	Data        []byte `json:"data"`
}

// Unticketed is an auto-reply or bounce that matched no ticket, kept so staff can see what was set aside.
type Unticketed struct {
	ID      int64     `json:"id"`
	Mailbox string    `json:"mailbox"`
	Reason  string    `json:"reason"`
	Subject string    `json:"subject"`
	From    string    `json:"from"`
	Date    time.Time `json:"date"`
}
