package store

import (
	"database/sql"
	"fmt"
)

// Scanner is a row or rows: what an area's scan function reads from.
type Scanner interface{ Scan(dest ...any) error }

// Collect returns a reader of every row of a query: store.Collect("operators", scanOperator)(tx.QueryContext(...)).
// It scans each row with scan, closes the rows, and names what it read ("read operators: ...") in errors.
func Collect[T any](what string, scan func(Scanner) (T, error)) func(*sql.Rows, error) ([]T, error) {
	return func(rows *sql.Rows, err error) ([]T, error) {
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", what, err)
		}
		defer rows.Close()
		var out []T
		for rows.Next() {
			v, err := scan(rows)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("read %s: %w", what, err)
		}
		return out, nil
	}
}
