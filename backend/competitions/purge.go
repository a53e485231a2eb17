package competitions

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
)

// pastWinnerYears is how long the past-winners rule remembers a winner's email hash.
const pastWinnerYears = 3

// PurgeResult says what a purge removed.
type PurgeResult struct {
	CompetitionID string `json:"competitionId"`
	Entries       int    `json:"entries"`
}

// Purge deletes a competition's entries once its retention period after closing is over. It keeps what
// the certificate needs (the frozen list of entry ids and weights, the hashes, the seed, the counts and
// the results by entry id) and the import reports' counts, without their lists.
func (s *Service) Purge(ctx context.Context, id string) (PurgeResult, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return PurgeResult{}, err
	}
	res := PurgeResult{CompetitionID: id}
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		c, err := s.load(ctx, tx, id)
		if err != nil {
			return err
		}
		now := s.clock.Now()
		switch {
		case c.Status == Purged:
			return apperr.New(apperr.Conflict, "competition %s was already purged", id)
		case c.Status == Committed:
			return apperr.New(apperr.Conflict, "competition %s is committed but not drawn: run the draw before purging", id)
		case now.Before(c.PurgeDue):
			return apperr.New(apperr.Conflict, "competition %s keeps its entries until %s", id, c.PurgeDue.In(london).Format("2 Jan 2006"))
		}
		r, err := tx.ExecContext(ctx, `DELETE FROM competition_entry_rows WHERE competition_id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete entries: %w", err)
		}
		n, _ := r.RowsAffected()
		res.Entries = int(n)
		if err := stripReports(ctx, tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE competitions SET status = 'purged', purged_at = ?, updated_at = ? WHERE id = ?`,
			ts(now), ts(now), id); err != nil {
			return fmt.Errorf("mark purged: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM competition_past_winners WHERE won_at < ?`, ts(now.AddDate(-pastWinnerYears, 0, 0))); err != nil {
			return fmt.Errorf("forget old winners: %w", err)
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "competition.purge", ObjectType: "competition", ObjectID: id,
			Details: map[string]string{"entries": strconv.Itoa(res.Entries)}})
	})
	return res, err
}

// stripReports keeps each import report's counts and drops its lists of entries and lines.
func stripReports(ctx context.Context, tx *sql.Tx, id string) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, report FROM competition_imports WHERE competition_id = ?`, id)
	if err != nil {
		return fmt.Errorf("read imports: %w", err)
	}
	stripped := map[int64]string{}
	for rows.Next() {
		var n int64
		var body string
		if err := rows.Scan(&n, &body); err != nil {
			rows.Close()
			return fmt.Errorf("read import: %w", err)
		}
		var r ImportReport
		_ = json.Unmarshal([]byte(body), &r)
		r.Groups, r.Ineligibles, r.InvalidRows = []DuplicateGroup{}, []IneligibleEntry{}, []InvalidRow{}
		out, _ := json.Marshal(r)
		stripped[n] = string(out)
	}
	rows.Close()
	for n, body := range stripped {
		if _, err := tx.ExecContext(ctx, `UPDATE competition_imports SET report = ? WHERE id = ?`, body, n); err != nil {
			return fmt.Errorf("strip import report: %w", err)
		}
	}
	return rows.Err()
}

// PurgeDue purges every competition whose retention period is over and returns what it removed.
func (s *Service) PurgeDue(ctx context.Context) ([]PurgeResult, error) {
	list, err := s.List(ctx)
	if err != nil {
		return nil, err
	}
	out := []PurgeResult{}
	now := s.clock.Now()
	for _, c := range list {
		if c.Status == Purged || c.Status == Committed || now.Before(c.PurgeDue) {
			continue
		}
		r, err := s.Purge(ctx, c.ID)
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	return out, nil
}
