package competitions

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// reevaluate re-applies the duplicate rules to every entry of a competition and saves the verdicts that
// changed. The entries of import freshImport are passed in (fresh, just stored with their own verdict);
// the others are read. It returns all entries and their verdicts.
func reevaluate(ctx context.Context, tx *sql.Tx, id string, household bool, freshImport int64, fresh []candidate) ([]candidate, []verdict, error) {
	cands := fresh
	old := make([]verdict, len(fresh), len(fresh))
	for i, c := range fresh {
		old[i] = verdict{status: "eligible", reason: c.own}
		if c.own != "" {
			old[i].status = "ineligible"
		}
	}
	var others int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM competition_imports WHERE competition_id = ? AND id != ?`,
		id, freshImport).Scan(&others); err != nil {
		return nil, nil, fmt.Errorf("count imports: %w", err)
	}
	if others > 0 {
		var err error
		if cands, old, err = appendStored(ctx, tx, id, freshImport, cands, old); err != nil {
			return nil, nil, err
		}
	}
	verdicts := evaluate(cands, household)
	stmt, err := tx.PrepareContext(ctx, `UPDATE competition_entries SET status = ?, reason = ?, kept_entry_id = ?
		WHERE competition_id = ? AND entry_id = ?`)
	if err != nil {
		return nil, nil, fmt.Errorf("prepare entry update: %w", err)
	}
	defer stmt.Close()
	for i, v := range verdicts {
		if v == old[i] {
			continue
		}
		if _, err := stmt.ExecContext(ctx, v.status, v.reason, v.kept, id, cands[i].id); err != nil {
			return nil, nil, fmt.Errorf("update entry %s: %w", cands[i].id, err)
		}
	}
	return cands, verdicts, nil
}

// appendStored adds the stored entries of every import but freshImport, with their saved verdicts.
func appendStored(ctx context.Context, tx *sql.Tx, id string, freshImport int64, cands []candidate, old []verdict) ([]candidate, []verdict, error) {
	rows, err := tx.QueryContext(ctx, `SELECT entry_id, submitted_at, import_id, line, email_key, household_key, own_reason,
		status, reason, kept_entry_id FROM competition_entries WHERE competition_id = ? AND import_id != ?`, id, freshImport)
	if err != nil {
		return nil, nil, fmt.Errorf("read entries: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c candidate
		var v verdict
		var importID, line int64
		if err := rows.Scan(&c.id, &c.submitted, &importID, &line, &c.emailKey, &c.household, &c.own, &v.status, &v.reason, &v.kept); err != nil {
			return nil, nil, fmt.Errorf("read entry: %w", err)
		}
		c.order = importID<<32 | line
		cands, old = append(cands, c), append(old, v)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("read entries: %w", err)
	}
	return cands, old, nil
}

// recheck re-applies a competition's per-entry rules after they changed, then the duplicate rules, and
// returns how many entries it looked at.
func (s *Service) recheck(ctx context.Context, tx *sql.Tx, id string, d Details) (int, error) {
	past, err := pastWinners(ctx, tx, Competition{ID: id, Details: d})
	if err != nil {
		return 0, err
	}
	chk := newChecker(d, past)
	rows, err := tx.QueryContext(ctx, `SELECT entry_id, submitted_at, email_key, date_of_birth, country, answer, own_reason
		FROM competition_entries WHERE competition_id = ?`, id)
	if err != nil {
		return 0, fmt.Errorf("read entries: %w", err)
	}
	changed := map[string]string{}
	n := 0
	for rows.Next() {
		var r row
		var ms int64
		var dob, own string
		if err := rows.Scan(&r.entryID, &ms, &r.emailKey, &dob, &r.country, &r.answer, &own); err != nil {
			rows.Close()
			return 0, fmt.Errorf("read entry: %w", err)
		}
		n++
		r.submitted = time.UnixMilli(ms).UTC()
		r.dob, _ = parseDay(dob)
		if reason := chk.reason(&r); reason != own {
			changed[r.entryID] = reason
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("read entries: %w", err)
	}
	for entry, reason := range changed {
		if _, err := tx.ExecContext(ctx, `UPDATE competition_entries SET own_reason = ? WHERE competition_id = ? AND entry_id = ?`,
			reason, id, entry); err != nil {
			return 0, fmt.Errorf("update entry %s: %w", entry, err)
		}
	}
	_, _, err = reevaluate(ctx, tx, id, d.Rules.OnePerHousehold, 0, nil)
	return n, err
}

// pastWinners returns the email hashes of people who won another competition within the rule's months
// before this one closes.
func pastWinners(ctx context.Context, tx *sql.Tx, c Competition) (map[string]bool, error) {
	out := map[string]bool{}
	months := c.Details.Rules.PastWinnerMonths
	if months == 0 {
		return out, nil
	}
	since := c.Details.ClosesAt.AddDate(0, -months, 0)
	rows, err := tx.QueryContext(ctx, `SELECT email_hash FROM competition_past_winners WHERE won_at >= ? AND competition_id != ?`,
		ts(since), c.ID)
	if err != nil {
		return nil, fmt.Errorf("read past winners: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return nil, fmt.Errorf("read past winner: %w", err)
		}
		out[h] = true
	}
	return out, rows.Err()
}
