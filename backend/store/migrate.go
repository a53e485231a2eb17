package store

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Migrations are one area's numbered .sql files ("001_name.sql", ...), applied in order, each in its own
// transaction, and recorded so each runs once.
type Migrations struct {
	Area string
	FS   fs.FS
}

func (db *DB) migrate(ctx context.Context, sets []Migrations) error {
	if _, err := db.writer.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		area TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY (area, version))`); err != nil {
		return fmt.Errorf("create migrations table: %w", err)
	}
	for _, set := range sets {
		if err := db.migrateArea(ctx, set); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) migrateArea(ctx context.Context, set Migrations) error {
	names, err := fs.Glob(set.FS, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("list %s migrations: %w", set.Area, err)
	}
	sort.Strings(names)
	for _, name := range names {
		version, err := strconv.Atoi(strings.SplitN(path.Base(name), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s/%s: name must start with a number", set.Area, name)
		}
		err = db.Update(ctx, func(tx *sql.Tx) error { return applyMigration(ctx, tx, set, version, name) })
		if err != nil {
			return err
		}
	}
	return nil
}

func applyMigration(ctx context.Context, tx *sql.Tx, set Migrations, version int, name string) error {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE area = ? AND version = ?`,
		set.Area, version).Scan(&n)
	if err != nil || n > 0 {
		return err
	}
	body, err := fs.ReadFile(set.FS, name)
	if err != nil {
		return fmt.Errorf("read migration %s/%s: %w", set.Area, name, err)
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return fmt.Errorf("migration %s/%s: %w", set.Area, name, err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO schema_migrations (area, version, name) VALUES (?, ?, ?)`,
		set.Area, version, path.Base(name))
	return err
}
