package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func TestCollect(t *testing.T) {
	db := openTest(t, filepath.Join(t.TempDir(), "staffdesk.db"))
	defer db.Close()
	insertPeople(t, db, 3, "Row")
	scanName := func(r Scanner) (string, error) {
		var s string
		return s, r.Scan(&s)
	}
	tests := []struct {
		name  string
		query string
		scan  func(Scanner) (string, error)
		want  int
		err   string
	}{
		{"all rows", `SELECT name FROM people ORDER BY id`, scanName, 3, ""},
		{"no rows", `SELECT name FROM people WHERE id < 0`, scanName, 0, ""},
		{"bad query", `SELECT nope FROM people`, scanName, 0, "read people"},
		{"scan fails", `SELECT name FROM people`, func(Scanner) (string, error) { return "", errors.New("boom") }, 0, "boom"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := db.View(context.Background(), func(tx *sql.Tx) error {
				got, err := Collect("people", tc.scan)(tx.QueryContext(context.Background(), tc.query))
				if err == nil && len(got) != tc.want {
					t.Fatalf("got %d rows, want %d", len(got), tc.want)
				}
				return err
			})
			if (tc.err == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.err)) {
				t.Fatalf("error %v, want %q", err, tc.err)
			}
		})
	}
}
