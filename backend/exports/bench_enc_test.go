//go:build libsqlite3

package exports

import (
	"bytes"
	"context"
	"testing"

	"staffdesk/backend/audit"
	"staffdesk/backend/privacy"
	"staffdesk/backend/store"
)

// openBenchStore opens (or creates) an encrypted store at path (this build links SQLite3 Multiple Ciphers).
func openBenchStore(tb testing.TB, path string) *store.DB {
	db, err := store.Open(context.Background(), path, bytes.Repeat([]byte{5}, 32), audit.Migrations, privacy.Migrations, Migrations)
	if err != nil {
		tb.Fatal(err)
	}
	return db
}
