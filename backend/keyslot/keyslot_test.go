package keyslot

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var fast = Params{Time: 1, MemoryKiB: 8 * 1024, Threads: 1}

func TestUnwrap(t *testing.T) {
	d := NewDir(t.TempDir(), fast)
	key, _ := NewDataKey()
	if err := d.Create("id1", "admin", "admin", "right passphrase", key); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, who, pass string
		want            error
	}{
		{"right", "admin", "right passphrase", nil},
		{"wrong", "admin", "wrong passphrase", ErrWrongPassphrase},
		{"empty", "admin", "", ErrWrongPassphrase},
		{"nobody", "eve", "right passphrase", ErrNoSlot},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id, got, err := d.Unwrap(tc.who, tc.pass)
			if !errors.Is(err, tc.want) {
				t.Fatalf("want %v, got %v", tc.want, err)
			}
			if tc.want == nil && (id != "id1" || !bytes.Equal(got, key)) {
				t.Fatalf("unwrapped %q %x", id, got)
			}
		})
	}
}

func TestRenamedSlotDoesNotOpen(t *testing.T) {
	dir := t.TempDir()
	d := NewDir(dir, fast)
	key, _ := NewDataKey()
	d.Create("id1", "mo", "moderator", "mo passphrase", key)
	path := filepath.Join(dir, "id1.json")
	b, _ := os.ReadFile(path)
	os.WriteFile(path, []byte(strings.Replace(string(b), `"name": "mo"`, `"name": "boss"`, 1)), 0o600)
	if _, _, err := d.Unwrap("boss", "mo passphrase"); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("a renamed slot opened: %v", err)
	}
}

func TestRewrapAndLeftovers(t *testing.T) {
	dir := t.TempDir()
	d := NewDir(dir, fast)
	key, _ := NewDataKey()
	d.Create("id1", "admin", "admin", "old passphrase", key)
	os.WriteFile(filepath.Join(dir, ".id1.json.tmp-123"), []byte("half"), 0o600)
	if err := d.Rewrap("id1", "admin", "admin", "new passphrase", key); err != nil {
		t.Fatal(err)
	}
	if _, _, err := d.Unwrap("admin", "old passphrase"); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("old passphrase still opens: %v", err)
	}
	if _, got, err := d.Unwrap("admin", "new passphrase"); err != nil || !bytes.Equal(got, key) {
		t.Fatalf("new passphrase: %v", err)
	}
	if err := d.Create("id1", "admin", "admin", "x passphrase", key); err == nil {
		t.Fatal("create overwrote a slot")
	}
}

func TestDamagedSlotIsNamed(t *testing.T) {
	dir := t.TempDir()
	d := NewDir(dir, fast)
	os.WriteFile(filepath.Join(dir, "id9.json"), []byte(`{"name": "admin", "salt": `), 0o600)
	_, _, err := d.Unwrap("admin", "any passphrase")
	if err == nil || !strings.Contains(err.Error(), "id9.json is damaged") {
		t.Fatalf("want an error naming the damaged slot, got %v", err)
	}
}
