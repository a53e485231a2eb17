package competitions

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// loadEntries adds the stored entries of a competition to set, with what the duplicate rules need, and
// returns their saved verdicts.
func loadEntries(ctx context.Context, tx *sql.Tx, id string, set *entrySet) ([]verdict, error) {
	rows, err := tx.QueryContext(ctx, `SELECT entry_id, submitted_at, import_id, line, email_key, postcode, address_line1,
		own_reason, status, reason, kept_entry_id FROM competition_entries WHERE competition_id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("read entries: %w", err)
	}
	defer rows.Close()
	var saved []verdict
	var kept []string
	for rows.Next() {
		var entry, emailKey, postcode, address, own, status, reason, keptID string
		var submitted, importID, line int64
		if err := rows.Scan(&entry, &submitted, &importID, &line, &emailKey, &postcode, &address, &own, &status, &reason, &keptID); err != nil {
			return nil, fmt.Errorf("read entry: %w", err)
		}
		hh := ""
		if set.households != nil {
			hh = householdKey(postcode, address)
		}
		if _, ok := set.add(entry, submitted, importID<<32|line, emailKey, hh, own); !ok {
			return nil, fmt.Errorf("read entries: entry %s appears twice", entry)
		}
		saved = append(saved, verdict{status: statusCode(status), reason: set.code(reason)})
		kept = append(kept, keptID)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read entries: %w", err)
	}
	for i, k := range kept {
		saved[i].kept = -1
		if k != "" {
			saved[i].kept = set.find(k)
		}
	}
	return saved, nil
}

func statusCode(name string) uint8 {
	for i, n := range statusNames {
		if n == name {
			return uint8(i)
		}
	}
	return statusIneligible
}

// saveVerdicts applies the duplicate rules to every entry of set and saves the verdicts that differ from
// those already written, in entry id order. It returns the verdicts.
func saveVerdicts(ctx context.Context, tx *sql.Tx, id string, set *entrySet, written []verdict) ([]verdict, error) {
	now := set.evaluate()
	changed := set.changed(written, now)
	if len(changed) == 0 {
		return now, nil
	}
	stmt, err := tx.PrepareContext(ctx, `UPDATE competition_entry_rows SET status = ?, reason = ?, kept_entry_id = ?
		WHERE competition_id = ? AND entry_id = ?`)
	if err != nil {
		return nil, fmt.Errorf("prepare entry update: %w", err)
	}
	defer stmt.Close()
	for _, i := range changed {
		v := now[i]
		if _, err := stmt.ExecContext(ctx, int64(v.status), set.reasons[v.reason], set.keptID(v), id, set.id(i)); err != nil {
			return nil, fmt.Errorf("update entry %s: %w", set.id(i), err)
		}
	}
	return now, nil
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
		if _, err := tx.ExecContext(ctx, `UPDATE competition_entry_rows SET details = json_set(details, '$[14]', ?)
			WHERE competition_id = ? AND entry_id = ?`,
			reason, id, entry); err != nil {
			return 0, fmt.Errorf("update entry %s: %w", entry, err)
		}
	}
	set := newEntrySet(n, d.Rules.OnePerHousehold)
	saved, err := loadEntries(ctx, tx, id, set)
	if err == nil {
		_, err = saveVerdicts(ctx, tx, id, set, saved)
	}
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
