package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWALCheckpointed commits many small batches back to back and checks that the writer's WAL stays
// bounded while the background checkpointer copies it into the database, that a copy of the database
// file alone, once the checkpointer has caught up, holds every batch, and that Close leaves no WAL.
func TestWALCheckpointed(t *testing.T) {
	for _, tc := range []struct {
		name    string
		batches int
		rows    int
	}{
		{"small commits", 400, 50},
		{"larger commits", 60, 2000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "staffdesk.db")
			db := openTest(t, path)
			maxWAL := int64(0)
			for i := 0; i < tc.batches; i++ {
				insertPeople(t, db, tc.rows, "Walker")
				if st, err := os.Stat(path + "-wal"); err == nil && st.Size() > maxWAL {
					maxWAL = st.Size()
				}
			}
			if maxWAL > 2*walSizeLimit {
				t.Fatalf("the WAL grew to %d bytes", maxWAL)
			}
			waitCheckpointed(t, db)
			runs, err := db.ckpt.stats()
			if runs == 0 || err != nil {
				t.Fatalf("checkpoints: %d runs, error %v", runs, err)
			}
			copyPath := filepath.Join(t.TempDir(), "staffdesk.db")
			body, err := os.ReadFile(path)
			if err != nil || os.WriteFile(copyPath, body, 0o600) != nil {
				t.Fatalf("copy database file: %v", err)
			}
			if err := db.Close(); err != nil {
				t.Fatalf("close: %v", err)
			}
			if _, err := os.Stat(path + "-wal"); !os.IsNotExist(err) {
				t.Fatalf("close left a WAL behind: %v", err)
			}
			assertPeople(t, copyPath, tc.batches*tc.rows)
			assertPeople(t, path, tc.batches*tc.rows)
		})
	}
}

// waitCheckpointed waits until the checkpointer reports that the whole WAL is in the database.
func waitCheckpointed(t *testing.T, db *DB) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !caughtUp(db.ckpt); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the checkpointer never caught up")
		}
	}
}

// caughtUp reports whether the last checkpoint copied the whole WAL and no commit has asked for another.
func caughtUp(c *checkpointer) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.idle && c.covered == c.asked
}

func assertPeople(t *testing.T, path string, want int) {
	t.Helper()
	db := openTest(t, path)
	defer db.Close()
	var n int
	err := db.View(context.Background(), func(tx *sql.Tx) error {
		return tx.QueryRow(`SELECT count(*) FROM people`).Scan(&n)
	})
	if res, ierr := db.IntegrityCheck(context.Background()); err != nil || n != want || res != "ok" || ierr != nil {
		t.Fatalf("%s: %d people (want %d), %v, integrity %q %v", path, n, want, err, res, ierr)
	}
}

// TestCheckpointErrorReported breaks the checkpointer's connection and checks that the failure of the
// background checkpoint after the next commit comes back from Close instead of being lost.
func TestCheckpointErrorReported(t *testing.T) {
	db := openTest(t, filepath.Join(t.TempDir(), "staffdesk.db"))
	db.ckpt.conn.Close()
	insertPeople(t, db, 10, "Failing")
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		if _, err := db.ckpt.stats(); err != nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the failed checkpoint was never recorded")
		}
	}
	if err := db.Close(); err == nil || !strings.Contains(err.Error(), "background checkpoint") {
		t.Fatalf("close: want the background checkpoint's error, got %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatalf("closing again: %v", err)
	}
}

// TestBulkDefersCheckpoints checks that commits inside a bulk write leave the WAL alone, that ending it
// copies everything into the database, and that ending it twice changes nothing.
func TestBulkDefersCheckpoints(t *testing.T) {
	path := filepath.Join(t.TempDir(), "staffdesk.db")
	db := openTest(t, path)
	insertPeople(t, db, 10, "Before")
	waitCheckpointed(t, db)
	before, _ := db.ckpt.stats()
	done := db.Bulk()
	nested := db.Bulk()
	for i := 0; i < 20; i++ {
		insertPeople(t, db, 200, "Bulk")
	}
	nested()
	nested()
	insertPeople(t, db, 200, "Bulk")
	time.Sleep(50 * time.Millisecond)
	if runs, _ := db.ckpt.stats(); runs != before {
		t.Fatalf("%d checkpoints ran during the bulk write", runs-before)
	}
	done()
	waitCheckpointed(t, db)
	if runs, err := db.ckpt.stats(); runs == before || err != nil {
		t.Fatalf("after the bulk write: %d checkpoints, error %v", runs-before, err)
	}
	done()
	insertPeople(t, db, 10, "After")
	waitCheckpointed(t, db)
	if err := db.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	assertPeople(t, path, 10+21*200+10)
}
