package moderation

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"staffdesk/backend/audit"
)

// ExportLine is one decision as the site applies it. Note holds the rejection's note, or the message to
// the submitter for a request to edit.
type ExportLine struct {
	ID        string `json:"id"`
	Version   int64  `json:"version"`
	Decision  string `json:"decision"`
	Reason    string `json:"reason"`
	Note      string `json:"note"`
	Operator  string `json:"operator"`
	DecidedAt string `json:"decided_at"`
}

// ExportResult says how many decisions an export wrote.
type ExportResult struct {
	Exported int `json:"exported"`
}

// ExportDecisions hands every decision not yet exported (and not undone), oldest first, to write, and
// marks them exported in the same transaction: when write fails nothing is marked, and a decision is
// never handed over twice once its export was committed. Moderators and admins.
func (s *Service) ExportDecisions(ctx context.Context, write func(lines []ExportLine) error) (ExportResult, error) {
	var res ExportResult
	if _, err := requireModerator(ctx); err != nil {
		return res, err
	}
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		lines, seqs, err := unexported(ctx, tx)
		if err != nil {
			return err
		}
		if err := write(lines); err != nil {
			return err
		}
		now := formatTime(s.clock.Now())
		for _, chunk := range chunks(seqs, 500) {
			q := `UPDATE moderation_decisions SET exported_at = ? WHERE seq IN (?` + strings.Repeat(",?", len(chunk)-1) + `)`
			args := append([]any{now}, chunk...)
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				return fmt.Errorf("mark decisions exported: %w", err)
			}
		}
		res.Exported = len(lines)
		return s.audit.Record(ctx, tx, audit.Event{Action: "listings.export", ObjectType: "decisions",
			Details: map[string]string{"exported": strconv.Itoa(len(lines))}})
	})
	if err != nil {
		return ExportResult{}, err
	}
	return res, nil
}

func unexported(ctx context.Context, tx *sql.Tx) ([]ExportLine, []any, error) {
	rows, err := tx.QueryContext(ctx, `SELECT seq, item_id, version, decision, reason, note, operator, decided_at
		FROM moderation_decisions WHERE exported_at = '' AND undone = 0 ORDER BY seq`)
	if err != nil {
		return nil, nil, fmt.Errorf("read decisions to export: %w", err)
	}
	defer rows.Close()
	lines := []ExportLine{}
	var seqs []any
	for rows.Next() {
		var l ExportLine
		var seq int64
		if err := rows.Scan(&seq, &l.ID, &l.Version, &l.Decision, &l.Reason, &l.Note, &l.Operator, &l.DecidedAt); err != nil {
			return nil, nil, fmt.Errorf("read decision to export: %w", err)
		}
		lines, seqs = append(lines, l), append(seqs, seq)
	}
	return lines, seqs, rows.Err()
}

func chunks(all []any, n int) [][]any {
	var out [][]any
	for len(all) > 0 {
		k := min(n, len(all))
		out, all = append(out, all[:k]), all[k:]
	}
	return out
}

// WriteJSONL writes export lines as JSON Lines.
func WriteJSONL(w io.Writer, lines []ExportLine) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, l := range lines {
		if err := enc.Encode(l); err != nil {
			return fmt.Errorf("write decision: %w", err)
		}
	}
	return nil
}
