package moderation

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Count is how many items have one value of something (a state, kind, check or postcode area).
type Count struct {
	Value string `json:"value"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

// Summary holds the counts the queue's filter bar shows: items per state, and per kind, check and postcode
// area among the items of one state; how many of those waited over 48 hours; and how many decisions are
// waiting to be exported.
type Summary struct {
	States     []Count  `json:"states"`
	Kinds      []Count  `json:"kinds"`
	Flags      []Count  `json:"flags"`
	Areas      []Count  `json:"areas"`
	Overdue    int      `json:"overdue"`
	Unexported int      `json:"unexported"`
	Reasons    []Option `json:"reasons"`
}

var stateLabels = map[State]string{Pending: "Pending", Approved: "Approved", Rejected: "Rejected", EditRequested: "Edit requested", Expired: "Expired"}

// Summary counts the queue for the filter bar; state "" is pending. Moderators and admins.
func (s *Service) Summary(ctx context.Context, state State) (Summary, error) {
	sum := Summary{Reasons: Reasons}
	if _, err := requireModerator(ctx); err != nil {
		return sum, err
	}
	if state == "" {
		state = Pending
	}
	overdue := formatTime(s.clock.Now().Add(-OverdueAfter))
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		byState, err := countBy(ctx, tx, `SELECT state, count(*) FROM moderation_items GROUP BY state`)
		if err != nil {
			return err
		}
		for _, st := range States {
			sum.States = append(sum.States, Count{Value: string(st), Label: stateLabels[st], Count: byState[string(st)]})
		}
		byKind, err := countBy(ctx, tx, `SELECT kind, count(*) FROM moderation_items WHERE state = ? GROUP BY kind`, state)
		if err != nil {
			return err
		}
		for _, k := range Kinds {
			sum.Kinds = append(sum.Kinds, Count{Value: string(k), Label: kindLabel(k), Count: byKind[string(k)]})
		}
		if err := sum.countFlags(ctx, tx, state); err != nil {
			return err
		}
		areas, err := countRows(ctx, tx, `SELECT postcode_area, count(*) FROM moderation_items WHERE state = ? AND postcode_area != ''
			GROUP BY postcode_area ORDER BY postcode_area`, state)
		if err != nil {
			return err
		}
		sum.Areas = areas
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM moderation_items WHERE state = 'pending' AND submitted_at < ?`, overdue).Scan(&sum.Overdue); err != nil {
			return fmt.Errorf("count overdue: %w", err)
		}
		err = tx.QueryRowContext(ctx, `SELECT count(*) FROM moderation_decisions WHERE exported_at = '' AND undone = 0`).Scan(&sum.Unexported)
		if err != nil {
			return fmt.Errorf("count decisions to export: %w", err)
		}
		return nil
	})
	return sum, err
}

func (sum *Summary) countFlags(ctx context.Context, tx *sql.Tx, state State) error {
	cols := make([]string, len(FlagCodes))
	for i, f := range FlagCodes {
		cols[i] = fmt.Sprintf("coalesce(sum((flag_mask & %d) != 0), 0)", f.bit())
	}
	counts := make([]int, len(FlagCodes))
	dest := make([]any, len(counts))
	for i := range counts {
		dest[i] = &counts[i]
	}
	err := tx.QueryRowContext(ctx, `SELECT `+strings.Join(cols, ", ")+` FROM moderation_items WHERE state = ? AND flag_mask != 0`, state).Scan(dest...)
	if err != nil {
		return fmt.Errorf("count flags: %w", err)
	}
	for i, f := range FlagCodes {
		sum.Flags = append(sum.Flags, Count{Value: string(f), Label: f.Label(), Count: counts[i]})
	}
	return nil
}

func countBy(ctx context.Context, tx *sql.Tx, q string, args ...any) (map[string]int, error) {
	rows, err := countRows(ctx, tx, q, args...)
	out := map[string]int{}
	for _, r := range rows {
		out[r.Value] = r.Count
	}
	return out, err
}

func countRows(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]Count, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("count queue: %w", err)
	}
	defer rows.Close()
	out := []Count{}
	for rows.Next() {
		var c Count
		if err := rows.Scan(&c.Value, &c.Count); err != nil {
			return nil, fmt.Errorf("count queue: %w", err)
		}
		c.Label = c.Value
		out = append(out, c)
	}
	return out, rows.Err()
}

func kindLabel(k Kind) string {
	switch k {
	case Business:
		return "Business listing"
	case Event:
		return "Event"
	case Review:
		return "Review"
	case Comment:
		return "Comment"
	}
	return string(k)
}
