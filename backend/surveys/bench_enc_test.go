//go:build libsqlite3

package surveys

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"staffdesk/backend/audit"
	"staffdesk/backend/privacy"
	"staffdesk/backend/store"
)

type benchDB = *store.DB

// openBenchService opens an encrypted store (this build links SQLite3 Multiple Ciphers).
func openBenchService(b *testing.B) (*Service, context.Context, func()) {
	db, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), bytes.Repeat([]byte{3}, 32),
		audit.Migrations, privacy.Migrations, Migrations)
	if err != nil {
		b.Fatal(err)
	}
	svc, ctx := benchService(db)
	return svc, ctx, func() { db.Close() }
}
