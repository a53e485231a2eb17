package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
)

func TestStmtsPrepareOncePerTransaction(t *testing.T) {
	db := openTest(t, filepath.Join(t.TempDir(), "s.db"))
	ctx := context.Background()
	var c Stmts
	if err := db.Update(ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec(`CREATE TABLE t (v INTEGER)`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	for round := 1; round <= 2; round++ {
		err := db.Update(ctx, func(tx *sql.Tx) error {
			for i := 0; i < 3; i++ {
				if _, err := c.Exec(ctx, tx, `INSERT INTO t (v) VALUES (?)`, i); err != nil {
					return err
				}
			}
			if len(c.m) != 1 {
				t.Errorf("round %d: %d statements cached, want 1", round, len(c.m))
			}
			var n int
			if err := c.QueryRow(ctx, tx, `SELECT count(*) FROM t`).Scan(&n); err != nil || n != 3*round {
				t.Errorf("round %d: count %d (%v)", round, n, err)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
	}
	cases := []struct {
		name string
		run  func(tx *sql.Tx) error
	}{
		{"exec", func(tx *sql.Tx) error { _, err := c.Exec(ctx, tx, `INSERT INTO nowhere VALUES (1)`); return err }},
		{"query row", func(tx *sql.Tx) error { return c.QueryRow(ctx, tx, `SELECT x FROM nowhere`).Scan(new(int)) }},
		{"query", func(tx *sql.Tx) error { _, err := c.Query(ctx, tx, `SELECT x FROM nowhere`); return err }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := db.Update(ctx, tc.run)
			if err == nil || !strings.Contains(err.Error(), "prepare: no such table") {
				t.Fatalf("err = %v, want the prepare error", err)
			}
		})
	}
}
