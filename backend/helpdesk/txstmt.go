package helpdesk

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// stmtCache keeps the statements prepared in the latest transaction. The store has a single writer
// connection, so a sync delivering a batch of mail in one transaction prepares each statement once rather
// than once per mail; database/sql closes them when that transaction ends.
type stmtCache struct {
	mu sync.Mutex
	tx *sql.Tx
	m  map[string]*sql.Stmt
}

func (c *stmtCache) stmt(ctx context.Context, tx *sql.Tx, q string) (*sql.Stmt, error) {
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

// exec runs a statement in tx through the cache.
func (s *Service) exec(ctx context.Context, tx *sql.Tx, q string, args ...any) (sql.Result, error) {
	st, err := s.stmts.stmt(ctx, tx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// queryRow runs a one-row query in tx through the cache; a failed prepare shows as the row's error.
func (s *Service) queryRow(ctx context.Context, tx *sql.Tx, q string, args ...any) rowScanner {
	st, err := s.stmts.stmt(ctx, tx, q)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(ctx, args...)
}

// query runs a query in tx through the cache.
func (s *Service) query(ctx context.Context, tx *sql.Tx, q string, args ...any) (*sql.Rows, error) {
	st, err := s.stmts.stmt(ctx, tx, q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// rowScanner is a *sql.Row, or an errRow when the statement could not be prepared.
type rowScanner interface{ Scan(dest ...any) error }

type errRow struct{ err error }

// Scan returns the error that kept the query from running.
func (r errRow) Scan(...any) error { return r.err }
