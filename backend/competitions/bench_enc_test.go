//go:build libsqlite3

package competitions

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/store"
)

type benchDB = *store.DB

// openBenchService opens an encrypted store (this build links SQLite3 Multiple Ciphers).
func openBenchService(b *testing.B) (*Service, context.Context, *clock.Fixed, func()) {
	db, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), bytes.Repeat([]byte{3}, 32),
		audit.Migrations, Migrations)
	if err != nil {
		b.Fatal(err)
	}
	svc, ctx, clk := benchService(b, db)
	return svc, ctx, clk, func() { db.Close() }
}
