package helpdesk

import (
	"context"
	"database/sql"

	"staffdesk/backend/store"
)

// exec runs a statement in tx through the service's statement cache.
func (s *Service) exec(ctx context.Context, tx *sql.Tx, q string, args ...any) (sql.Result, error) {
	return s.stmts.Exec(ctx, tx, q, args...)
}

// queryRow runs a one-row query in tx through the cache.
func (s *Service) queryRow(ctx context.Context, tx *sql.Tx, q string, args ...any) store.RowScanner {
	return s.stmts.QueryRow(ctx, tx, q, args...)
}

// query runs a query in tx through the cache.
func (s *Service) query(ctx context.Context, tx *sql.Tx, q string, args ...any) (*sql.Rows, error) {
	return s.stmts.Query(ctx, tx, q, args...)
}
