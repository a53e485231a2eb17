//go:build !libsqlite3

package surveys

import (
	"context"
	"path/filepath"
	"testing"

	"staffdesk/backend/audit"
	"staffdesk/backend/privacy"
	"staffdesk/backend/store"
)

type benchDB = *store.DB

// openBenchService opens a plain SQLite store: the reference `make bench` compares against.
func openBenchService(b *testing.B) (*Service, context.Context, func()) {
	db, err := store.OpenPlain(context.Background(), filepath.Join(b.TempDir(), "bench.db"), audit.Migrations, privacy.Migrations, Migrations)
	if err != nil {
		b.Fatal(err)
	}
	svc, ctx := benchService(db)
	return svc, ctx, func() { db.Close() }
}
