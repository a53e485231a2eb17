package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
)

// Stmts keeps the statements prepared in the latest write transaction, so that a service called many
// times in one transaction (a sync delivering a batch of mail) prepares each statement once rather than
// once per call. The store has a single writer connection; database/sql closes the statements when that
// transaction ends, and the cache starts afresh with the next one. The zero value is ready to use.
//
// Statements run without the caller's cancellation: go-sqlite3 starts a goroutine per statement to watch
// a cancellable context, which costs more than the short statements these are. Long loops check ctx
// between statements instead.
type Stmts struct {
	mu sync.Mutex
	tx *sql.Tx
	m  map[string]*sql.Stmt
}

func (c *Stmts) stmt(ctx context.Context, tx *sql.Tx, q string) (*sql.Stmt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.tx != tx {
		c.tx, c.m = tx, map[string]*sql.Stmt{}
	}
	if st, ok := c.m[q]; ok {
		return st, nil
	}
	st, err := tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	c.m[q] = st
	return st, nil
}

// Exec runs a statement in tx through the cache.
func (c *Stmts) Exec(ctx context.Context, tx *sql.Tx, q string, args ...any) (sql.Result, error) {
	st, err := c.stmt(ctx, tx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(context.WithoutCancel(ctx), args...)
}

// QueryRow runs a one-row query in tx through the cache; a failed prepare shows as the row's error.
func (c *Stmts) QueryRow(ctx context.Context, tx *sql.Tx, q string, args ...any) RowScanner {
	st, err := c.stmt(ctx, tx, q)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(context.WithoutCancel(ctx), args...)
}

// Query runs a query in tx through the cache.
func (c *Stmts) Query(ctx context.Context, tx *sql.Tx, q string, args ...any) (*sql.Rows, error) {
	st, err := c.stmt(ctx, tx, q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(context.WithoutCancel(ctx), args...)
}

// RowScanner is a *sql.Row, or a row holding the error that kept the statement from being prepared.
type RowScanner interface{ Scan(dest ...any) error }

type errRow struct{ err error }

// Scan returns the error that kept the query from running.
func (r errRow) Scan(...any) error { return r.err }

// maxRowsPerInsert bounds the rows one statement of InsertRows writes.
const maxRowsPerInsert = 100

// InsertRows runs head, an INSERT ending in VALUES, over args (cols values a row) through the cache, a
// hundred rows to a statement, so that a batch of a thousand rows prepares at most two statements.
func (c *Stmts) InsertRows(ctx context.Context, tx *sql.Tx, head string, cols int, args []any) error {
	if cols <= 0 || len(args)%cols != 0 {
		return fmt.Errorf("insert rows: %d values do not make rows of %d", len(args), cols)
	}
	for len(args) > 0 {
		n := min(len(args), cols*maxRowsPerInsert)
		if _, err := c.Exec(ctx, tx, head+placeholders(n/cols, cols), args[:n]...); err != nil {
			return err
		}
		args = args[n:]
	}
	return nil
}

// placeholders is the VALUES list of a multi-row INSERT: rows groups of cols question marks.
func placeholders(rows, cols int) string {
	one := "(" + strings.Repeat("?, ", cols-1) + "?)"
	return strings.Repeat(one+", ", rows-1) + one
}
