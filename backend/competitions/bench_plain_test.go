//go:build !libsqlite3

package competitions

import (
	"context"
	"path/filepath"
	"testing"

	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/store"
)

type benchDB = *store.DB

// openBenchService opens a plain SQLite store: the reference `make bench` compares against.
func openBenchService(b *testing.B) (*Service, context.Context, *clock.Fixed, func()) {
	db, err := store.OpenPlain(context.Background(), filepath.Join(b.TempDir(), "bench.db"), audit.Migrations, Migrations)
	if err != nil {
		b.Fatal(err)
	}
	svc, ctx, clk := benchService(b, db)
	return svc, ctx, clk, func() { db.Close() }
}
