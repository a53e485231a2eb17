package surveys

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

const (
	respondentColumns = `(collector, email, first_name, last_name, ip, started_at, submitted_at, sharing_consent,
		sensitive_consent, answers, row_hash, imported_at, survey_id, respondent_id)`
	respondentParams = 14
	// batchRows new respondents go in one INSERT.
	batchRows = 64
)

// writer stores respondents of one survey: new ones inserted in batches, changed ones updated, unchanged
// ones left alone.
type writer struct {
	surveyID, importedAt string
	existing             map[string]string
	batch, update        *sql.Stmt
	pending              []any
	rows                 int
}

func newWriter(ctx context.Context, tx *sql.Tx, surveyID, importedAt string) (*writer, error) {
	w := &writer{surveyID: surveyID, importedAt: importedAt, existing: map[string]string{},
		pending: make([]any, 0, batchRows*respondentParams)}
	rows, err := tx.QueryContext(ctx, `SELECT respondent_id, row_hash FROM surveys_respondents WHERE survey_id = ?`, surveyID)
	if err != nil {
		return nil, fmt.Errorf("read imported respondents: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, h string
		if err := rows.Scan(&id, &h); err != nil {
			return nil, fmt.Errorf("read imported respondents: %w", err)
		}
		w.existing[id] = h
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read imported respondents: %w", err)
	}
	w.batch, err = tx.PrepareContext(ctx, insertSQL(batchRows))
	if err == nil {
		w.update, err = tx.PrepareContext(ctx, `UPDATE surveys_respondents SET collector = ?, email = ?, first_name = ?,
			last_name = ?, ip = ?, started_at = ?, submitted_at = ?, sharing_consent = ?, sensitive_consent = ?, answers = ?,
			row_hash = ?, imported_at = ? WHERE survey_id = ? AND respondent_id = ?`)
	}
	if err != nil {
		w.close()
		return nil, fmt.Errorf("prepare respondent writes: %w", err)
	}
	return w, nil
}

func insertSQL(rows int) string {
	one := "(" + strings.Repeat("?, ", respondentParams-1) + "?)"
	return "INSERT INTO surveys_respondents " + respondentColumns + " VALUES " + strings.Repeat(one+", ", rows-1) + one
}

// write stores r and counts it in rep; it reports whether anything was (or will be) written.
func (w *writer) write(ctx context.Context, tx *sql.Tx, r *respondent, rep *ImportReport) (bool, error) {
	enc := encodeAnswers(r.answers)
	h := rowHash(r, enc)
	old, known := w.existing[r.id]
	if known && old == h {
		rep.Unchanged++
		return false, nil
	}
	w.existing[r.id] = h
	args := []any{r.collector, r.email, r.first, r.last, r.ip, r.started, r.submitted, r.sharing, r.sensitive, enc, h,
		w.importedAt, w.surveyID, r.id}
	if known {
		rep.Updated++
		if _, err := w.update.ExecContext(ctx, args...); err != nil {
			return false, fmt.Errorf("update respondent %s: %w", r.id, err)
		}
		return true, nil
	}
	rep.Added++
	w.pending, w.rows = append(w.pending, args...), w.rows+1
	if w.rows == batchRows {
		return true, w.flush(ctx, tx)
	}
	return true, nil
}

// flush inserts the pending new respondents.
func (w *writer) flush(ctx context.Context, tx *sql.Tx) error {
	if w.rows == 0 {
		return nil
	}
	var err error
	if w.rows == batchRows {
		_, err = w.batch.ExecContext(ctx, w.pending...)
	} else {
		_, err = tx.ExecContext(ctx, insertSQL(w.rows), w.pending...)
	}
	if err != nil {
		return fmt.Errorf("store respondents: %w", err)
	}
	w.pending, w.rows = w.pending[:0], 0
	return nil
}

func (w *writer) close() {
	for _, s := range []*sql.Stmt{w.batch, w.update} {
		if s != nil {
			s.Close()
		}
	}
}
