package competitions

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// batchRows entries go in one INSERT.
const batchRows = 256

// rowShape is one form of an entry row's values in the INSERT. The competition id is bound once per
// statement, as ?1. Most entries are eligible as far as the entries before them decide: their status,
// reason and kept entry are constants in the statement, which saves three bound values a row.
type rowShape struct {
	params int    // values bound per row
	values string // one row's tuple, in the column order of insertSQL
}

var (
	plainRows = rowShape{params: 4, values: "(?1, ?, 0, '', ?, ?, '', ?)"}
	fullRows  = rowShape{params: 7, values: "(?1, ?, ?, ?, ?, ?, ?, ?)"}
)

func (sh rowShape) insertSQL(rows int) string {
	return "INSERT INTO competition_entry_rows (competition_id, entry_id, status, reason, weight, email_key, kept_entry_id, details) VALUES " +
		strings.Repeat(sh.values+", ", rows-1) + sh.values
}

// batch is the values of up to batchRows entry rows of one shape.
type batch struct {
	shape rowShape
	args  []any
	rows  int
}

func newBatch(sh rowShape) batch {
	return batch{shape: sh, args: make([]any, 0, batchRows*sh.params)}
}

// writeBatches inserts the entry rows: full batches in one statement, the others row by row.
func writeBatches(ctx context.Context, tx *sql.Tx, compID string, batches <-chan batch) error {
	w := entryWriter{ctx: ctx, tx: tx, stmts: map[stmtKey]*sql.Stmt{}, args: []any{compID}}
	defer w.close()
	for b := range batches {
		if err := w.write(b); err != nil {
			return err
		}
	}
	return nil
}

// entryWriter holds the insert statements of one import, prepared when first needed.
type entryWriter struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts map[stmtKey]*sql.Stmt
	args  []any // the competition id, then one statement's values
}

// stmtKey names an insert statement: the row shape's tuple and the number of rows.
type stmtKey struct {
	values string
	rows   int
}

func (w *entryWriter) write(b batch) error {
	if b.rows == batchRows {
		return w.exec(b.shape, batchRows, b.args)
	}
	for i := 0; i < b.rows; i++ {
		if err := w.exec(b.shape, 1, b.args[i*b.shape.params:(i+1)*b.shape.params]); err != nil {
			return err
		}
	}
	return nil
}

func (w *entryWriter) exec(sh rowShape, rows int, values []any) error {
	key := stmtKey{sh.values, rows}
	stmt := w.stmts[key]
	if stmt == nil {
		var err error
		if stmt, err = w.tx.PrepareContext(w.ctx, sh.insertSQL(rows)); err != nil {
			return fmt.Errorf("prepare entry insert: %w", err)
		}
		w.stmts[key] = stmt
	}
	w.args = append(w.args[:1], values...)
	if _, err := stmt.ExecContext(w.ctx, w.args...); err != nil {
		return fmt.Errorf("insert entries from %v: %w", values[0], err)
	}
	return nil
}

func (w *entryWriter) close() {
	for _, stmt := range w.stmts {
		stmt.Close()
	}
}
