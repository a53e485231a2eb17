//go:build libsqlite3

package helpdesk

import (
	"bytes"
	"context"
	"testing"

	"staffdesk/backend/audit"
	"staffdesk/backend/store"
)

// openBenchDB opens the encrypted store for `make bench`.
func openBenchDB(b *testing.B, path string) *store.DB {
	db, err := store.Open(context.Background(), path, bytes.Repeat([]byte{9}, 32), audit.Migrations, Migrations)
	if err != nil {
		b.Fatal(err)
	}
	return db
}
