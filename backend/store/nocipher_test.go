//go:build !libsqlite3

package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRefusesWithoutCipher runs only in a build without the libsqlite3 tag, that is on mattn's bundled
// SQLite, which has no cipher: Open must refuse, with a clear message, before creating any file.
func TestRefusesWithoutCipher(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(context.Background(), filepath.Join(dir, "staffdesk.db"), testKey(7), testMigrations)
	if err == nil || !strings.Contains(err.Error(), "without encryption") {
		t.Fatalf("want a refusal naming the missing encryption, got %v", err)
	}
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Fatalf("refusing left files behind: %v", files)
	}
}
