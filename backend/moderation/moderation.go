// Package moderation keeps the queue of what members submit to the site (local business listings, what's-on
// events, reviews and comments): it imports the site's moderation feed, runs automatic checks that flag but
// never decide, records moderators' decisions (with undo), exports them for the site to apply, and removes
// or anonymises members' data on the retention schedule. It works with no network.
package moderation

import (
	"context"
	"database/sql"
	"embed"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/store"
)

//go:embed migrations/*.sql
var migrationsFS embed.FS

// Migrations are the moderation area's schema.
var Migrations = store.Migrations{Area: "moderation", FS: migrationsFS}

// Kind is what a member submitted.
type Kind string

// The kinds of submission in the feed.
const (
	Business Kind = "business"
	Event    Kind = "event"
	Review   Kind = "review"
	Comment  Kind = "comment"
)

// Kinds lists every kind, in the order the UI offers them.
var Kinds = []Kind{Business, Event, Review, Comment}

func (k Kind) valid() bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// State is where an item stands in the queue.
type State string

// The states of an item. Pending items are the queue.
const (
	Pending       State = "pending"
	Approved      State = "approved"
	Rejected      State = "rejected"
	EditRequested State = "edit_requested"
	Expired       State = "expired"
)

// States lists every state, queue first.
var States = []State{Pending, Approved, Rejected, EditRequested, Expired}

// Recorder appends to the audit log inside a transaction.
type Recorder interface {
	Record(ctx context.Context, tx *sql.Tx, ev audit.Event) error
}

// Service is the moderation queue of one store.
type Service struct {
	db    *store.DB
	audit Recorder
	clock clock.Clock
}

// NewService returns the moderation service.
func NewService(db *store.DB, rec Recorder, c clock.Clock) *Service {
	return &Service{db: db, audit: rec, clock: c}
}

// moderators may read the queue and decide; admins hold every role.
func requireModerator(ctx context.Context) (actor.Actor, error) {
	return actor.Require(ctx, actor.Moderator)
}
