//go:build !libsqlite3

package helpdesk

import (
	"context"
	"os"
	"testing"

	"staffdesk/backend/audit"
	"staffdesk/backend/store"
)

// openBenchDB opens the plain reference store (mattn's bundled SQLite) for `make bench`.
func openBenchDB(b *testing.B, path string) *store.DB {
	if os.Getenv("STAFFDESK_BENCH_PLAIN") != "1" {
		b.Skip("built without libsqlite3: only the plain reference (STAFFDESK_BENCH_PLAIN=1) runs")
	}
	db, err := store.OpenPlain(context.Background(), path, audit.Migrations, Migrations)
	if err != nil {
		b.Fatal(err)
	}
	return db
}
