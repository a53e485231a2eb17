package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// openBench opens the encrypted store, or with STAFFDESK_BENCH_PLAIN=1 the same code on a plain
// database (the reference: built without the libsqlite3 tag, it runs mattn's bundled SQLite).
func openBench(b *testing.B) *DB {
	b.Helper()
	path := filepath.Join(b.TempDir(), "bench.db")
	if os.Getenv("STAFFDESK_BENCH_PLAIN") == "1" {
		db, err := open(path, "", false)
		if err == nil {
			err = db.migrate(context.Background(), []Migrations{testMigrations})
		}
		if err != nil {
			b.Fatal(err)
		}
		return db
	}
	db, err := Open(context.Background(), path, testKey(7), testMigrations)
	if err != nil {
		b.Fatal(err)
	}
	return db
}

const benchRows = 100_000

// BenchmarkStore measures the workload: 100k inserts with FTS5 in batches of 1,000, then 5k
// indexed lookups and 1k full-text queries.
func BenchmarkStore(b *testing.B) {
	b.Run("insert100k", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			db := openBench(b)
			b.StartTimer()
			for batch := 0; batch < benchRows/1000; batch++ {
				insertPeople(b, db, 1000, fmt.Sprintf("Bench%d", batch))
			}
			b.StopTimer()
			db.Close()
			b.StartTimer()
		}
		b.ReportMetric(float64(benchRows*b.N)/b.Elapsed().Seconds(), "rows/s")
	})
	db := openBench(b)
	defer db.Close()
	for batch := 0; batch < benchRows/1000; batch++ {
		insertPeople(b, db, 1000, fmt.Sprintf("Bench%d", batch))
	}
	ctx := context.Background()
	b.Run("lookup5k", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			err := db.View(ctx, func(tx *sql.Tx) error {
				stmt, err := tx.Prepare(`SELECT id, name FROM people WHERE email = ?`)
				if err != nil {
					return err
				}
				defer stmt.Close()
				for j := 0; j < 5000; j++ {
					var id int
					var name string
					email := fmt.Sprintf("bench%d.%d@example.com", (j*7)%100, (j*13)%1000)
					if err := stmt.QueryRow(email).Scan(&id, &name); err != nil {
						return fmt.Errorf("lookup %s: %w", email, err)
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("fts1k", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			err := db.View(ctx, func(tx *sql.Tx) error {
				for j := 0; j < 1000; j++ {
					var n int
					q := fmt.Sprintf(`"person%d"`, (j*37)%1000)
					if err := tx.QueryRow(`SELECT count(*) FROM people_fts WHERE people_fts MATCH ?`, q).Scan(&n); err != nil || n == 0 {
						return fmt.Errorf("fts %s: n=%d %v", q, n, err)
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}
