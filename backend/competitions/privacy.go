package competitions

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

// AreaName names competitions in access files and erasure reports.
func (s *Service) AreaName() string { return "competitions" }

var memberEntryColumns = []string{"competition", "title", "status", "entry id", "submitted at", "first name", "surname", "email",
	"date of birth", "postcode", "address", "county", "country", "answer", "partner opt-in", "source", "entry status",
	"reason", "place"}

// MemberRecords lists the person's entries (matched on the normalised email, so "J.o+x@gmail.com" finds
// "jo@gmail.com"), with the competition, the entry's status and any winning place, and notes a
// past-winner record kept for the eligibility rule. Admins only.
func (s *Service) MemberRecords(ctx context.Context, email string) (privacy.AreaRecords, error) {
	recs := privacy.AreaRecords{Area: s.AreaName(), Columns: memberEntryColumns, Rows: [][]string{}}
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return recs, err
	}
	key := EmailKey(email)
	if key == "" {
		return recs, nil
	}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		rows, err := store.Collect("member entries", scanMemberEntry)(tx.QueryContext(ctx, `SELECT e.competition_id, c.title, c.status,
			e.entry_id, e.submitted_at, e.first_name, e.surname, e.email, e.date_of_birth, e.postcode, e.address_line1, e.county,
			e.country, e.answer, e.partner_opt_in, e.source, e.status, e.reason,
			coalesce((SELECT group_concat(p.place || ' (' || p.status || ')', '; ') FROM competition_places p
				WHERE p.competition_id = e.competition_id AND p.entry_id = e.entry_id), '')
			FROM competition_entries e JOIN competitions c ON c.id = e.competition_id
			WHERE e.email_key = ? ORDER BY e.submitted_at, e.competition_id, e.entry_id`, key))
		recs.Rows = append(recs.Rows, rows...)
		if err != nil {
			return err
		}
		wins, err := store.Collect("past wins", func(r store.Scanner) ([]string, error) {
			var id, at string
			err := r.Scan(&id, &at)
			row := make([]string, len(memberEntryColumns))
			row[0], row[2], row[4] = id, "past winner (email hash kept for the eligibility rule)", at
			return row, err
		})(tx.QueryContext(ctx, `SELECT competition_id, won_at FROM competition_past_winners WHERE email_hash = ? ORDER BY won_at`, EmailHash(key)))
		recs.Rows = append(recs.Rows, wins...)
		return err
	})
	return recs, err
}

func scanMemberEntry(r store.Scanner) ([]string, error) {
	row := make([]string, len(memberEntryColumns))
	var submitted int64
	var optIn bool
	ptrs := []any{&row[0], &row[1], &row[2], &row[3], &submitted, &row[5], &row[6], &row[7], &row[8], &row[9], &row[10],
		&row[11], &row[12], &row[13], &optIn, &row[15], &row[16], &row[17], &row[18]}
	if err := r.Scan(ptrs...); err != nil {
		return nil, fmt.Errorf("read entry: %w", err)
	}
	row[4] = time.UnixMilli(submitted).UTC().Format(time.RFC3339)
	row[14] = strconv.FormatBool(optIn)
	return row, nil
}

// PreviewErasure counts what EraseMember would delete. Admins only.
func (s *Service) PreviewErasure(ctx context.Context, email string) (privacy.ErasureCount, error) {
	c := privacy.ErasureCount{Area: s.AreaName()}
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return c, err
	}
	key := EmailKey(email)
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM competition_entries WHERE email_key = ?) +
			(SELECT count(*) FROM competition_past_winners WHERE email_hash = ?)`, key, EmailHash(key)).Scan(&c.Deleted)
	})
	return c, err
}

// EraseMember deletes the person's entries in every competition and their past-winner record. A
// committed or drawn competition keeps its frozen list (entry ids and weights), its hashes, seed and
// results by entry id: what its certificate needs, none of it personal. Admins only.
func (s *Service) EraseMember(ctx context.Context, email string) (privacy.ErasureCount, error) {
	c := privacy.ErasureCount{Area: s.AreaName()}
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return c, err
	}
	key := EmailKey(email)
	if key == "" || strings.TrimSpace(email) == "" {
		return c, nil
	}
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		var n, w int
		err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM competition_entries WHERE email_key = ?),
			(SELECT count(*) FROM competition_past_winners WHERE email_hash = ?)`, key, EmailHash(key)).Scan(&n, &w)
		if err != nil {
			return fmt.Errorf("count entries: %w", err)
		}
		if c.Deleted = n + w; c.Deleted == 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM competition_entries WHERE email_key = ?`, key); err != nil {
			return fmt.Errorf("delete entries: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM competition_past_winners WHERE email_hash = ?`, EmailHash(key)); err != nil {
			return fmt.Errorf("forget past win: %w", err)
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "competition.erase_member", ObjectType: "member",
			Details: map[string]string{"entries": strconv.Itoa(n), "pastWins": strconv.Itoa(w)}})
	})
	return c, err
}

// Retention reports the entries of competitions whose retention period is over and, unless dryRun, purges
// them (Purge keeps what each certificate needs). A committed competition waits for its draw. Competition
// managers and admins.
func (s *Service) Retention(ctx context.Context, now time.Time, dryRun bool) ([]privacy.RetentionLine, error) {
	line := privacy.RetentionLine{Category: privacy.CategoryCompetitionEntries, Source: s.AreaName()}
	list, err := s.List(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range list {
		if c.Status == Purged || c.Status == Committed || now.Before(c.PurgeDue) {
			continue
		}
		line.Due += c.Counts.Entries
		if dryRun {
			continue
		}
		r, err := s.Purge(ctx, c.ID)
		if err != nil {
			return nil, err
		}
		line.Done += r.Entries
	}
	return []privacy.RetentionLine{line}, nil
}

// MemberAliases lists the addresses the person's entries were written with (entries match on the
// normalised key), so the other areas can be asked about each. Admins only.
func (s *Service) MemberAliases(ctx context.Context, email string) ([]string, error) {
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return nil, err
	}
	key := EmailKey(email)
	if key == "" {
		return nil, nil
	}
	var out []string
	err := s.db.View(ctx, func(tx *sql.Tx) (err error) {
		out, err = store.Collect("entry addresses", func(r store.Scanner) (e string, err error) { return e, r.Scan(&e) })(
			tx.QueryContext(ctx, `SELECT DISTINCT lower(trim(email)) FROM competition_entries WHERE email_key = ? ORDER BY 1`, key))
		return err
	})
	return out, err
}
