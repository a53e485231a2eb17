package store

import (
	"context"
	"database/sql"
	"fmt"
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

func TestStmtsInsertRows(t *testing.T) {
	db := openTest(t, filepath.Join(t.TempDir(), "s.db"))
	ctx := context.Background()
	var c Stmts
	cases := []struct {
		name    string
		rows    int
		args    []any
		wantErr string
	}{
		{"none", 0, nil, ""},
		{"one", 1, []any{1, "a"}, ""},
		{"250 in three statements", 250, nil, ""},
		{"a value short of a row", 0, []any{1, "a", 2}, "do not make rows"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := tc.args
			if args == nil {
				for i := 0; i < tc.rows; i++ {
					args = append(args, i, fmt.Sprint("v", i))
				}
			}
			var n int
			err := db.Update(ctx, func(tx *sql.Tx) error {
				if _, err := tx.Exec(`CREATE TABLE IF NOT EXISTS r (k INTEGER, v TEXT); DELETE FROM r`); err != nil {
					return err
				}
				if err := c.InsertRows(ctx, tx, `INSERT INTO r (k, v) VALUES `, 2, args); err != nil {
					return err
				}
				return tx.QueryRow(`SELECT count(*) FROM r`).Scan(&n)
			})
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || n != tc.rows {
				t.Fatalf("%d rows (%v), want %d", n, err, tc.rows)
			}
		})
	}
}
