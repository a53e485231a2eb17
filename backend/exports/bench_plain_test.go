//go:build !libsqlite3

package exports

import (
	"context"
	"testing"

	"staffdesk/backend/audit"
	"staffdesk/backend/privacy"
	"staffdesk/backend/store"
)

// openBenchStore opens a plain SQLite store: the reference `make bench` compares against.
func openBenchStore(tb testing.TB, path string) *store.DB {
	db, err := store.OpenPlain(context.Background(), path, audit.Migrations, privacy.Migrations, Migrations)
	if err != nil {
		tb.Fatal(err)
	}
	return db
}
