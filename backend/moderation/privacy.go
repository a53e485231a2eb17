package moderation

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
	"staffdesk/backend/privacy"
	"staffdesk/backend/store"
)

// InactiveAfter is how long a member may submit nothing before the retention schedule erases them from
// moderation as the notice says for accounts not used for three years.
const InactiveAfter = 3 * 365 * 24 * time.Hour

// AreaName names moderation in access files and erasure reports.
func (s *Service) AreaName() string { return "listings" }

// memberColumns are what an access file shows of each item a member submitted or is the contact of.
var memberColumns = []string{"id", "kind", "state", "title", "text", "submitted as", "submitted by email", "submitted at",
	"contact name", "contact email", "contact phone", "website", "address", "postcode", "event start", "event end", "expires"}

// MemberRecords lists the items the person submitted or is named as the contact of. Admins only.
func (s *Service) MemberRecords(ctx context.Context, email string) (privacy.AreaRecords, error) {
	recs := privacy.AreaRecords{Area: s.AreaName(), Columns: memberColumns, Rows: [][]string{}}
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return recs, err
	}
	email = strings.ToLower(strings.TrimSpace(email))
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		rows, err := store.Collect("member items", func(r store.Scanner) ([]string, error) {
			row := make([]string, len(memberColumns))
			ptrs := make([]any, len(row))
			for i := range row {
				ptrs[i] = &row[i]
			}
			return row, r.Scan(ptrs...)
		})(tx.QueryContext(ctx, `SELECT id, kind, state, title, body, submitted_by, submitted_by_email, submitted_at,
			contact_name, contact_email, contact_phone, website, address, postcode, event_start, event_end, expires_at
			FROM moderation_items WHERE submitted_by_email = ? OR lower(contact_email) = ? ORDER BY submitted_at, id`, email, email))
		recs.Rows = append(recs.Rows, rows...)
		return err
	})
	return recs, err
}

// PreviewErasure counts what EraseMember would anonymise and remove. Admins only.
func (s *Service) PreviewErasure(ctx context.Context, email string) (privacy.ErasureCount, error) {
	c := privacy.ErasureCount{Area: s.AreaName()}
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return c, err
	}
	email = strings.ToLower(strings.TrimSpace(email))
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT coalesce(sum(kind IN ('review', 'comment')), 0), coalesce(sum(kind IN ('business', 'event')), 0)
			FROM moderation_items WHERE submitted_by_email = ?`, email).Scan(&c.Anonymised, &c.Deleted)
		if err != nil {
			return fmt.Errorf("count member items: %w", err)
		}
		return nil
	})
	return c, err
}

// EraseMember applies the notice's rule through AnonymiseMember: reviews and comments stay with the author
// anonymised, the member's own listings and events are removed. Admins only.
func (s *Service) EraseMember(ctx context.Context, email string) (privacy.ErasureCount, error) {
	res, err := s.AnonymiseMember(ctx, email)
	return privacy.ErasureCount{Area: s.AreaName(), Anonymised: res.Anonymised, Deleted: res.Removed}, err
}

// keepUnexported keeps an item whose decision the site has not received yet.
const keepUnexported = `NOT EXISTS (SELECT 1 FROM moderation_decisions d WHERE d.item_id = moderation_items.id AND d.exported_at = '' AND d.undone = 0)`

// inactiveMembers selects the addresses of members whose latest submission is older than the cutoff.
const inactiveMembers = `SELECT submitted_by_email FROM moderation_items WHERE submitted_by_email != ''
	GROUP BY submitted_by_email HAVING max(submitted_at) < ?`

// Retention reports, and unless dryRun applies, moderation's two lines of the schedule: expired listings
// and ended events (ApplyRetention) and members inactive three years (anonymised like an erasure).
// Moderators and admins.
func (s *Service) Retention(ctx context.Context, now time.Time, dryRun bool) ([]privacy.RetentionLine, error) {
	if _, err := requireModerator(ctx); err != nil {
		return nil, err
	}
	expired := privacy.RetentionLine{Category: privacy.CategoryExpiredListings, Source: s.AreaName(),
		Period: fmt.Sprintf("%d days after a listing expired or an event ended", int(RetentionGrace.Hours()/24))}
	inactive := privacy.RetentionLine{Category: privacy.CategoryInactiveMembers, Source: s.AreaName()}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		if err := countExpired(ctx, tx, formatTime(now.Add(-RetentionGrace)), &expired.Due); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `SELECT count(*) FROM moderation_items WHERE submitted_by_email IN (`+inactiveMembers+`) AND `+keepUnexported,
			formatTime(now.Add(-InactiveAfter))).Scan(&inactive.Due)
	})
	if err != nil || dryRun {
		return []privacy.RetentionLine{expired, inactive}, err
	}
	res, err := s.ApplyRetention(ctx)
	if err != nil {
		return nil, err
	}
	expired.Done = res.Listings + res.Events + res.Reviews
	if inactive.Done, err = s.eraseInactive(ctx, now); err != nil {
		return nil, err
	}
	return []privacy.RetentionLine{expired, inactive}, nil
}

// countExpired counts what ApplyRetention would remove at cutoff: expired listings, ended events and the
// reviews and comments on them.
func countExpired(ctx context.Context, tx *sql.Tx, cutoff string, n *int) error {
	err := tx.QueryRowContext(ctx, `WITH gone AS (SELECT id FROM moderation_items WHERE
			((kind = 'business' AND expires_at != '' AND expires_at < ?1) OR
			(kind = 'event' AND ((event_end != '' AND event_end < ?1) OR (event_end = '' AND event_start != '' AND event_start < ?1))))
			AND `+keepUnexported+`)
		SELECT (SELECT count(*) FROM gone) + (SELECT count(*) FROM moderation_items WHERE kind IN ('review', 'comment')
			AND parent_id IN (SELECT id FROM gone) AND `+keepUnexported+`)`, cutoff).Scan(n)
	if err != nil {
		return fmt.Errorf("retention: count expired items: %w", err)
	}
	return nil
}

// eraseInactive anonymises the reviews and comments of members inactive since InactiveAfter and removes
// their listings and events, keeping items with a decision not yet exported.
func (s *Service) eraseInactive(ctx context.Context, now time.Time) (int, error) {
	cutoff := formatTime(now.Add(-InactiveAfter))
	var n int
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS moderation_inactive (email TEXT PRIMARY KEY)`); err != nil {
			return fmt.Errorf("retention: %w", err)
		}
		defer tx.ExecContext(ctx, `DROP TABLE IF EXISTS temp.moderation_inactive`)
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO temp.moderation_inactive `+inactiveMembers, cutoff); err != nil {
			return fmt.Errorf("retention: find inactive members: %w", err)
		}
		r, err := tx.ExecContext(ctx, `UPDATE moderation_items SET submitted_by = ?, submitted_by_email = '', contact_name = '',
			contact_email = '', contact_phone = '' WHERE kind IN ('review', 'comment')
			AND submitted_by_email IN (SELECT email FROM temp.moderation_inactive) AND `+keepUnexported, FormerMember)
		if err != nil {
			return fmt.Errorf("retention: anonymise inactive members: %w", err)
		}
		a, _ := r.RowsAffected()
		r, err = tx.ExecContext(ctx, `DELETE FROM moderation_items WHERE kind IN ('business', 'event')
			AND submitted_by_email IN (SELECT email FROM temp.moderation_inactive) AND `+keepUnexported)
		if err != nil {
			return fmt.Errorf("retention: remove inactive members' listings: %w", err)
		}
		d, _ := r.RowsAffected()
		if n = int(a + d); n == 0 {
			return nil
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "listings.retention.inactive", ObjectType: "listing_items",
			Details: map[string]string{"anonymised": strconv.FormatInt(a, 10), "removed": strconv.FormatInt(d, 10)}})
	})
	return n, err
}
