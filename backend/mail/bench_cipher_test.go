//go:build libsqlite3

package mail_test

import (
	"context"
	"os"
	"testing"

	"staffdesk/backend/audit"
	"staffdesk/backend/helpdesk"
	"staffdesk/backend/mail"
	"staffdesk/backend/store"
)

// openBenchDB opens the encrypted store for BenchmarkMailSync.
func openBenchDB(b *testing.B, path string) *store.DB {
	if os.Getenv("STAFFDESK_BENCH_PLAIN") == "1" {
		b.Skip("STAFFDESK_BENCH_PLAIN=1 needs a build without libsqlite3")
	}
	db, err := store.Open(context.Background(), path, []byte("0123456789abcdef0123456789abcdef"),
		audit.Migrations, mail.Migrations, helpdesk.Migrations)
	if err != nil {
		b.Fatal(err)
	}
	return db
}
