package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

var testMigrations = Migrations{Area: "test", FS: fstest.MapFS{
	"migrations/001_people.sql": {Data: []byte(`CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL);
		CREATE INDEX people_email ON people (email);
		CREATE VIRTUAL TABLE people_fts USING fts5 (name, email, content='people', content_rowid='id');`)},
	"migrations/002_notes.sql": {Data: []byte(`CREATE TABLE notes (id INTEGER PRIMARY KEY, person INTEGER NOT NULL REFERENCES people (id), body TEXT);`)},
}}

func testKey(b byte) []byte { return bytes.Repeat([]byte{b}, 32) }

func openTest(t *testing.T, path string) *DB {
	t.Helper()
	db, err := Open(context.Background(), path, testKey(7), testMigrations)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	return db
}

func insertPeople(t testing.TB, db *DB, n int, marker string) {
	t.Helper()
	err := db.Update(context.Background(), func(tx *sql.Tx) error {
		for i := 0; i < n; i++ {
			name := fmt.Sprintf("%s Person%d", marker, i)
			email := fmt.Sprintf("%s.%d@example.com", strings.ToLower(marker), i)
			res, err := tx.Exec(`INSERT INTO people (name, email) VALUES (?, ?)`, name, email)
			if err != nil {
				return err
			}
			id, _ := res.LastInsertId()
			if _, err := tx.Exec(`INSERT INTO people_fts (rowid, name, email) VALUES (?, ?, ?)`, id, name, email); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("insert: %v", err)
	}
}

func TestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "staffdesk.db")
	db := openTest(t, path)
	insertPeople(t, db, 3, "Zelda")
	db.Close()
	db = openTest(t, path)
	defer db.Close()
	var n int
	err := db.View(context.Background(), func(tx *sql.Tx) error {
		return tx.QueryRow(`SELECT count(*) FROM people_fts WHERE people_fts MATCH 'zelda'`).Scan(&n)
	})
	if err != nil || n != 3 {
		t.Fatalf("fts after reopen: n=%d err=%v", n, err)
	}
	v, err := db.Versions(context.Background())
	if err != nil || !strings.Contains(v.MultiCipher, "Multiple Ciphers") {
		t.Fatalf("versions: %+v %v", v, err)
	}
}

func TestPragmas(t *testing.T) {
	db := openTest(t, filepath.Join(t.TempDir(), "staffdesk.db"))
	defer db.Close()
	for _, tc := range []struct{ pragma, want string }{
		{"journal_mode", "wal"}, {"foreign_keys", "1"}, {"temp_store", "2"},
		{"wal_autocheckpoint", "0"}, {"journal_size_limit", fmt.Sprint(walSizeLimit)},
	} {
		t.Run(tc.pragma, func(t *testing.T) {
			var got string
			if err := db.writer.QueryRow("PRAGMA " + tc.pragma).Scan(&got); err != nil || got != tc.want {
				t.Fatalf("PRAGMA %s = %q (%v), want %q", tc.pragma, got, err, tc.want)
			}
		})
	}
	err := db.Update(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO notes (person, body) VALUES (999, 'x')`)
		return err
	})
	if err == nil {
		t.Fatal("foreign key not enforced")
	}
}

func TestMigrationsRunOnceEach(t *testing.T) {
	path := filepath.Join(t.TempDir(), "staffdesk.db")
	openTest(t, path).Close()
	db := openTest(t, path)
	defer db.Close()
	var n int
	db.View(context.Background(), func(tx *sql.Tx) error {
		return tx.QueryRow(`SELECT count(*) FROM schema_migrations WHERE area = 'test'`).Scan(&n)
	})
	if n != 2 {
		t.Fatalf("want 2 recorded migrations, got %d", n)
	}
	bad := Migrations{Area: "bad", FS: fstest.MapFS{"migrations/001_bad.sql": {Data: []byte(`CREATE TABLE ok (x); CREATE TABLE broken (`)}}}
	if _, err := Open(context.Background(), path, testKey(7), testMigrations, bad); err == nil || !strings.Contains(err.Error(), "bad/migrations/001_bad.sql") {
		t.Fatalf("broken migration: want an error naming it, got %v", err)
	}
	db2 := openTest(t, path)
	defer db2.Close()
	err := db2.View(context.Background(), func(tx *sql.Tx) error { return tx.QueryRow(`SELECT count(*) FROM ok`).Scan(&n) })
	if err == nil {
		t.Fatal("a failed migration left part of its work behind")
	}
}

// TestNoPlaintextOnDisk inserts 10k people with an FTS5 index and checks that no file in the folder,
// database, WAL or any other, holds a known name or email in clear, while open and after closing.
func TestNoPlaintextOnDisk(t *testing.T) {
	dir := t.TempDir()
	db := openTest(t, filepath.Join(dir, "staffdesk.db"))
	insertPeople(t, db, 10000, "Quixotica")
	needles := [][]byte{[]byte("Quixotica"), []byte("quixotica.9999@example.com"), []byte("example.com"), []byte("SQLite format 3")}
	check := func(stage string) {
		files, _ := os.ReadDir(dir)
		if len(files) == 0 {
			t.Fatalf("%s: no files", stage)
		}
		for _, f := range files {
			b, err := os.ReadFile(filepath.Join(dir, f.Name()))
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range needles {
				if bytes.Contains(b, n) {
					t.Errorf("%s: %s holds %q in clear", stage, f.Name(), n)
				}
			}
		}
	}
	check("open")
	db.Close()
	check("closed")
}

func TestWrongKeyRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "staffdesk.db")
	db := openTest(t, path)
	insertPeople(t, db, 10, "Kept")
	db.Close()
	before, _ := os.ReadFile(path)
	if _, err := Open(context.Background(), path, testKey(8), testMigrations); err == nil {
		t.Fatal("opened with the wrong key")
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("a wrong key changed the database file")
	}
}

// TestKilledMidTransaction kills a child process while it commits batches and while it is inside a large
// transaction, tries a wrong key first, then checks that every committed batch is there whole, nothing
// uncommitted is, and the database is sound.
func TestKilledMidTransaction(t *testing.T) {
	path := filepath.Join(t.TempDir(), "staffdesk.db")
	db := openTest(t, path)
	insertPeople(t, db, 100, "Committed")
	db.Close()
	for round := 0; round < 4; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestChildWriter$")
		cmd.Env = append(os.Environ(), "STAFFDESK_CHILD_DB="+path)
		stdout := &syncBuffer{}
		cmd.Stdout = stdout
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(20 * time.Second)
		for strings.Count(stdout.String(), "committed") < 3 && time.Now().Before(deadline) {
			time.Sleep(2 * time.Millisecond)
		}
		time.Sleep(time.Duration(round*37) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		lines := strings.Fields(stdout.String())
		if _, err := Open(context.Background(), path, testKey(9), testMigrations); err == nil {
			t.Fatal("opened with the wrong key")
		}
		db := openTest(t, path)
		var committed, batch, uncommitted int
		db.View(context.Background(), func(tx *sql.Tx) error {
			tx.QueryRow(`SELECT count(*) FROM people WHERE name LIKE 'Committed%'`).Scan(&committed)
			tx.QueryRow(`SELECT count(*) FROM people WHERE name = 'Batch'`).Scan(&batch)
			return tx.QueryRow(`SELECT count(*) FROM people WHERE name = 'Uncommitted'`).Scan(&uncommitted)
		})
		res, err := db.IntegrityCheck(context.Background())
		db.Close()
		printed := strings.Count(strings.Join(lines, " "), "committed") * 500
		if committed != 100 || uncommitted != 0 || batch%500 != 0 || batch < printed || res != "ok" || err != nil {
			t.Fatalf("round %d: committed %d (want 100), batch rows %d (whole batches, at least %d), uncommitted %d, integrity %q %v",
				round, committed, batch, printed, uncommitted, res, err)
		}
	}
}

// TestChildWriter is the child of TestKilledMidTransaction: it commits batches of 500 rows, and every
// third transaction is a large one that never commits, until it is killed.
func TestChildWriter(t *testing.T) {
	path := os.Getenv("STAFFDESK_CHILD_DB")
	if path == "" {
		t.Skip("child process only")
	}
	db, err := Open(context.Background(), path, testKey(7), testMigrations)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		name, rows := "Batch", 500
		if i%3 == 2 {
			name, rows = "Uncommitted", 200000
		}
		err := db.Update(context.Background(), func(tx *sql.Tx) error {
			for j := 0; j < rows; j++ {
				if _, err := tx.Exec(`INSERT INTO people (name, email) VALUES (?, 'u@example.com')`, name); err != nil {
					return err
				}
			}
			if name == "Uncommitted" {
				return fmt.Errorf("never commit")
			}
			return nil
		})
		if err == nil {
			fmt.Println("committed")
		}
	}
}
