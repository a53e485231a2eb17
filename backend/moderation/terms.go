package moderation

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/store"
)

// Terms returns the abuse words and spam domains the checks use. Moderators and admins.
func (s *Service) Terms(ctx context.Context) (Terms, error) {
	if _, err := requireModerator(ctx); err != nil {
		return Terms{}, err
	}
	var t Terms
	err := s.db.View(ctx, func(tx *sql.Tx) (err error) {
		t, err = readTerms(ctx, tx)
		return err
	})
	return t, err
}

func readTerms(ctx context.Context, tx *sql.Tx) (Terms, error) {
	t := Terms{AbuseWords: []string{}, SpamDomains: []string{}}
	rows, err := tx.QueryContext(ctx, `SELECT list, term FROM moderation_terms ORDER BY list, term`)
	if err != nil {
		return t, fmt.Errorf("read moderation terms: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var list, term string
		if err := rows.Scan(&list, &term); err != nil {
			return t, fmt.Errorf("read moderation term: %w", err)
		}
		if list == "abuse" {
			t.AbuseWords = append(t.AbuseWords, term)
		} else {
			t.SpamDomains = append(t.SpamDomains, term)
		}
	}
	return t, rows.Err()
}

// SetTerms replaces the abuse words and spam domains and runs the checks again on every pending item.
// Moderators and admins.
func (s *Service) SetTerms(ctx context.Context, t Terms) (Terms, error) {
	if _, err := requireModerator(ctx); err != nil {
		return Terms{}, err
	}
	t.AbuseWords, t.SpamDomains = cleanList(t.AbuseWords), cleanList(t.SpamDomains)
	for i, d := range t.SpamDomains {
		d = hostOf(d)
		if d == "" || !strings.Contains(d, ".") || strings.ContainsAny(d, " /") {
			return Terms{}, apperr.New(apperr.Invalid, "spam domain %q is not a domain such as example.com", short(t.SpamDomains[i]))
		}
		t.SpamDomains[i] = d
	}
	for _, w := range t.AbuseWords {
		if len(w) > 100 {
			return Terms{}, apperr.New(apperr.Invalid, "an abuse word is longer than 100 characters")
		}
	}
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM moderation_terms`); err != nil {
			return fmt.Errorf("clear moderation terms: %w", err)
		}
		for list, terms := range map[string][]string{"abuse": t.AbuseWords, "spam_domain": t.SpamDomains} {
			for _, term := range terms {
				if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO moderation_terms (list, term) VALUES (?, ?)`, list, term); err != nil {
					return fmt.Errorf("save moderation term: %w", err)
				}
			}
		}
		n, err := recheckPending(ctx, tx, newChecker(s.clock.Now(), t))
		if err != nil {
			return err
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "listings.terms", ObjectType: "terms", Details: map[string]string{
			"abuseWords": strconv.Itoa(len(t.AbuseWords)), "spamDomains": strconv.Itoa(len(t.SpamDomains)), "rechecked": strconv.Itoa(n)}})
	})
	if err != nil {
		return Terms{}, err
	}
	return s.Terms(ctx)
}

// recheckPending runs the item checks again on every pending item, keeping the duplicate and orphan flags
// (which depend on other items, not on the terms).
func recheckPending(ctx context.Context, tx *sql.Tx, c *checker) (int, error) {
	items, err := store.Collect("pending items", scanItem)(tx.QueryContext(ctx, `SELECT `+itemColumns+` FROM moderation_items WHERE state = 'pending'`))
	if err != nil {
		return 0, err
	}
	for _, it := range items {
		flags := c.itemFlags(it.Feed)
		for _, f := range it.Flags {
			if f.Code == FlagDuplicate || f.Code == FlagOrphan {
				flags = append(flags, f)
			}
		}
		js, mask := encodeFlags(flags)
		if _, err := tx.ExecContext(ctx, `UPDATE moderation_items SET flags = ?, flag_mask = ? WHERE id = ?`, js, mask, it.Feed.ID); err != nil {
			return 0, fmt.Errorf("update flags of %s: %w", it.Feed.ID, err)
		}
	}
	return len(items), nil
}
