package moderation

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
)

// RetentionGrace is how long an expired listing or an ended event stays in the store (for complaints
// about it) before the retention schedule removes it.
const RetentionGrace = 30 * 24 * time.Hour

// RetentionResult counts what the retention schedule removed.
type RetentionResult struct {
	Listings int `json:"listings"`
	Events   int `json:"events"`
	Reviews  int `json:"reviews"`
}

// ApplyRetention removes business listings that expired and events that ended more than RetentionGrace
// ago, with the reviews and comments on them (the site keeps those only while the page is live). An item
// with a decision not yet exported stays until the export. Every import runs it; it writes to the audit log
// only when it removed something. Moderators and admins.
func (s *Service) ApplyRetention(ctx context.Context) (RetentionResult, error) {
	var res RetentionResult
	if _, err := requireModerator(ctx); err != nil {
		return res, err
	}
	cutoff := formatTime(s.clock.Now().Add(-RetentionGrace))
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		keep := `NOT EXISTS (SELECT 1 FROM moderation_decisions d WHERE d.item_id = moderation_items.id AND d.exported_at = '' AND d.undone = 0)`
		gone := `(kind = 'business' AND expires_at != '' AND expires_at < ?) OR
			(kind = 'event' AND ((event_end != '' AND event_end < ?) OR (event_end = '' AND event_start != '' AND event_start < ?)))`
		if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS moderation_gone (id TEXT PRIMARY KEY, kind TEXT)`); err != nil {
			return fmt.Errorf("retention: %w", err)
		}
		defer tx.ExecContext(ctx, `DROP TABLE IF EXISTS temp.moderation_gone`)
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO temp.moderation_gone SELECT id, kind FROM moderation_items WHERE (`+gone+`) AND `+keep,
			cutoff, cutoff, cutoff); err != nil {
			return fmt.Errorf("retention: find expired items: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO temp.moderation_gone SELECT id, kind FROM moderation_items
			WHERE kind IN ('review', 'comment') AND parent_id IN (SELECT id FROM temp.moderation_gone) AND `+keep); err != nil {
			return fmt.Errorf("retention: find reviews of expired items: %w", err)
		}
		for _, c := range []struct {
			kind string
			n    *int
		}{{"business", &res.Listings}, {"event", &res.Events}} {
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM temp.moderation_gone WHERE kind = ?`, c.kind).Scan(c.n); err != nil {
				return fmt.Errorf("retention: %w", err)
			}
		}
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM temp.moderation_gone WHERE kind IN ('review', 'comment')`).Scan(&res.Reviews); err != nil {
			return fmt.Errorf("retention: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM moderation_items WHERE id IN (SELECT id FROM temp.moderation_gone)`); err != nil {
			return fmt.Errorf("retention: remove items: %w", err)
		}
		if res == (RetentionResult{}) {
			return nil
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "listings.retention", ObjectType: "listing_items", Details: map[string]string{
			"listings": strconv.Itoa(res.Listings), "events": strconv.Itoa(res.Events), "reviews": strconv.Itoa(res.Reviews)}})
	})
	if err != nil {
		return RetentionResult{}, err
	}
	return res, nil
}

// AnonymiseResult counts what erasing a member changed here.
type AnonymiseResult struct {
	Anonymised int `json:"anonymised"`
	Removed    int `json:"removed"`
}

// FormerMember is the author shown on a review or comment whose member was erased.
const FormerMember = "Former member"

// AnonymiseMember carries out the notice's rule for an erased member, found by their email: their reviews
// and comments stay, with the author anonymised (name, email and contact fields emptied), and their own
// listings and events are removed. It is the entry point for the privacy area. Admins only.
func (s *Service) AnonymiseMember(ctx context.Context, email string) (AnonymiseResult, error) {
	var res AnonymiseResult
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return res, err
	}
	email = strings.ToLower(strings.TrimSpace(email))
	if !strings.Contains(email, "@") {
		return res, apperr.New(apperr.Invalid, "give the member's email address")
	}
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		r, err := tx.ExecContext(ctx, `UPDATE moderation_items SET submitted_by = ?, submitted_by_email = '',
			contact_name = '', contact_email = '', contact_phone = ''
			WHERE submitted_by_email = ? AND kind IN ('review', 'comment')`, FormerMember, email)
		if err != nil {
			return fmt.Errorf("anonymise reviews: %w", err)
		}
		n, _ := r.RowsAffected()
		res.Anonymised = int(n)
		r, err = tx.ExecContext(ctx, `DELETE FROM moderation_items WHERE submitted_by_email = ? AND kind IN ('business', 'event')`, email)
		if err != nil {
			return fmt.Errorf("remove listings: %w", err)
		}
		n, _ = r.RowsAffected()
		res.Removed = int(n)
		return s.audit.Record(ctx, tx, audit.Event{Action: "listings.anonymise", ObjectType: "member", Details: map[string]string{
			"anonymised": strconv.Itoa(res.Anonymised), "removed": strconv.Itoa(res.Removed)}})
	})
	if err != nil {
		return AnonymiseResult{}, err
	}
	return res, nil
}
