package privacy

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"hash/maphash"
	"slices"

	"staffdesk/backend/actor"
)

// ConsentStatus is where one person's consent for a purpose stands in a snapshot.
type ConsentStatus int

// A person has no record for the purpose, or their latest record gives consent (in force), or refuses it
// after an earlier record gave it (withdrawn), or refuses it with none ever given (declined: an unticked
// opt-in box).
const (
	NoRecord ConsentStatus = iota
	InForce
	Withdrawn
	Declined
)

// personKey is 128 bits of two seeded hashes of an email key: compact enough to hold a million people in
// 16 MB, fast to compute per exported row, and (the seeds are random per snapshot) no two addresses meet.
type personKey struct{ hi, lo uint64 }

func (c *ConsentSnapshot) keyOf(emailKey string) personKey {
	return personKey{maphash.String(c.seeds[0], emailKey), maphash.String(c.seeds[1], emailKey)}
}

func cmpKey(a, b personKey) int {
	switch {
	case a.hi != b.hi:
		if a.hi < b.hi {
			return -1
		}
		return 1
	case a.lo < b.lo:
		return -1
	case a.lo > b.lo:
		return 1
	}
	return 0
}

// ConsentSnapshot is where one purpose stands for everyone, read once: an export checks each row against
// it instead of querying the ledger per row.
type ConsentSnapshot struct {
	Purpose   string
	seeds     [2]maphash.Seed
	given     []personKey
	withdrawn []personKey
	declined  []personKey
}

// Status returns where email's consent stands in the snapshot.
func (c *ConsentSnapshot) Status(email string) ConsentStatus {
	st, _ := c.Lookup(email)
	return st
}

// Lookup returns where email's consent stands and, when it is in force, the person's number among those
// in force (0 to InForceCount()-1; the same for every spelling of one address), or -1.
func (c *ConsentSnapshot) Lookup(email string) (ConsentStatus, int) {
	k := c.keyOf(EmailKey(email))
	if i, ok := slices.BinarySearchFunc(c.given, k, cmpKey); ok {
		return InForce, i
	}
	if _, ok := slices.BinarySearchFunc(c.withdrawn, k, cmpKey); ok {
		return Withdrawn, -1
	}
	if _, ok := slices.BinarySearchFunc(c.declined, k, cmpKey); ok {
		return Declined, -1
	}
	return NoRecord, -1
}

// InForceCount is how many people's consent for the purpose is in force.
func (c *ConsentSnapshot) InForceCount() int { return len(c.given) }

// Snapshot reads where purpose stands for everyone now: the latest record per person, given at or before
// now, decides. Competition managers and admins (who run exports) only.
func (s *ConsentService) Snapshot(ctx context.Context, purpose string) (*ConsentSnapshot, error) {
	if _, err := actor.Require(ctx, actor.Competitions); err != nil {
		return nil, err
	}
	snap := &ConsentSnapshot{Purpose: purpose, seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT email_key, given FROM privacy_consents WHERE purpose = ? AND at <= ?
			ORDER BY email_key, at, id`, purpose, s.clock.Now().UTC().Format(tsFormat))
		if err != nil {
			return fmt.Errorf("read consents: %w", err)
		}
		defer rows.Close()
		var c collector
		var key sql.RawBytes
		var given bool
		for rows.Next() {
			if err := rows.Scan(&key, &given); err != nil {
				return fmt.Errorf("read consent: %w", err)
			}
			c.add(snap, key, given)
		}
		c.flush(snap)
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(snap.given, cmpKey)
	slices.SortFunc(snap.withdrawn, cmpKey)
	slices.SortFunc(snap.declined, cmpKey)
	return snap, nil
}

// collector reads one purpose's records ordered by person, then time, and keeps each person's outcome.
type collector struct {
	last                  []byte
	lastGiven, ever, seen bool
}

// add takes the next record; a new person settles the previous one.
func (c *collector) add(snap *ConsentSnapshot, key []byte, given bool) {
	if c.seen && !bytes.Equal(key, c.last) {
		c.flush(snap)
		c.ever = false
	}
	c.last = append(c.last[:0], key...)
	c.lastGiven, c.seen, c.ever = given, true, c.ever || given
}

// flush files the current person as in force, withdrawn (refused after giving) or declined.
func (c *collector) flush(snap *ConsentSnapshot) {
	if !c.seen {
		return
	}
	k := personKey{maphash.Bytes(snap.seeds[0], c.last), maphash.Bytes(snap.seeds[1], c.last)}
	switch {
	case c.lastGiven:
		snap.given = append(snap.given, k)
	case c.ever:
		snap.withdrawn = append(snap.withdrawn, k)
	default:
		snap.declined = append(snap.declined, k)
	}
}
