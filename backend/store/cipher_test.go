package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"staffdesk/backend/apperr"
)

// openLegacy makes a database as earlier versions did, in SQLCipher 4 format.
func openLegacy(t *testing.T, path string) *DB {
	t.Helper()
	db, err := openWith(path, "raw:"+hex.EncodeToString(testKey(7)), ciphers[len(ciphers)-1])
	if err != nil {
		t.Fatalf("open legacy: %v", err)
	}
	if err := db.migrate(context.Background(), []Migrations{testMigrations}); err != nil {
		t.Fatalf("migrate legacy: %v", err)
	}
	return db
}

func countPeople(t *testing.T, db *DB) int {
	t.Helper()
	var n int
	if err := db.View(context.Background(), func(tx *sql.Tx) error {
		return tx.QueryRow(`SELECT count(*) FROM people`).Scan(&n)
	}); err != nil {
		t.Fatalf("count: %v", err)
	}
	return n
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestCiphers checks that a new database gets AEGIS-256 and that one made in SQLCipher 4 format opens
// with its data and keeps its format: cleanly closed, or copied mid-write with a WAL still to replay
// (as a killed process leaves it), after a wrong key was tried on it.
func TestCiphers(t *testing.T) {
	dir := t.TempDir()
	fresh := openTest(t, filepath.Join(dir, "new.db"))
	if got := fresh.Cipher(); got != "AEGIS-256" {
		t.Errorf("new database cipher %q, want AEGIS-256", got)
	}
	fresh.Close()

	legacy := openLegacy(t, filepath.Join(dir, "old.db"))
	insertPeople(t, legacy, 500, "Legacy")
	copyFile(t, filepath.Join(dir, "old.db"), filepath.Join(dir, "crashed.db"))
	copyFile(t, filepath.Join(dir, "old.db-wal"), filepath.Join(dir, "crashed.db-wal"))
	legacy.Close()

	for _, name := range []string{"old.db", "crashed.db"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			_, err := Open(context.Background(), path, testKey(8), testMigrations)
			if !apperr.Is(err, apperr.Forbidden) {
				t.Fatalf("wrong key: %v, want forbidden", err)
			}
			db := openTest(t, path)
			defer db.Close()
			if got := db.Cipher(); got != ciphers[len(ciphers)-1].label {
				t.Errorf("cipher %q, want the SQLCipher 4 format kept", got)
			}
			if n := countPeople(t, db); n != 500 {
				t.Fatalf("%d people, want 500", n)
			}
			insertPeople(t, db, 1, "After")
		})
	}
	b, err := os.ReadFile(filepath.Join(dir, "crashed.db"))
	if err != nil || bytes.Contains(b, []byte("Legacy Person")) {
		t.Fatalf("legacy file read %v, or holds a name in clear", err)
	}
}
