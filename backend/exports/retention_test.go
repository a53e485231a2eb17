package exports

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestRetentionDeletesOnlyOldUnchangedFiles(t *testing.T) {
	f := newFixture(t)
	p := f.partner(t)
	f.src.people["c1"] = []person{{"first_name": "Ann", "surname": "Lee", "email": "ann@example.com"}}
	f.consent(t, p.Purpose, true, "ann@example.com")
	dir := t.TempDir()
	run := func(name string) string {
		t.Helper()
		out := filepath.Join(dir, name)
		if _, err := f.svc.Run(f.ctx, f.approved(t, p, "first_name", "email").ID, RunOptions{Out: out}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	kept, changed, gone := run("kept.xlsx"), run("changed.xlsx"), run("gone.xlsx")
	if err := os.WriteFile(changed, []byte("someone else's file now"), 0o600); err != nil {
		t.Fatal(err)
	}
	os.Remove(gone)
	exists := func(path string) bool { _, err := os.Stat(path); return err == nil }
	tests := []struct {
		name      string
		after     time.Duration
		dryRun    bool
		due, done int
		keptThere bool
	}{
		{"within the period nothing is due", 29 * 24 * time.Hour, false, 0, 0, true},
		{"a dry run only counts", 2 * 24 * time.Hour, true, 3, 0, true},
		{"applied: only the unchanged file is deleted", 0, false, 3, 1, false},
		{"nothing is due twice", time.Hour, false, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.clock.Advance(tt.after)
			lines, err := f.svc.Retention(f.ctx, f.clock.Now(), tt.dryRun)
			if err != nil {
				t.Fatal(err)
			}
			if len(lines) != 1 || lines[0].Due != tt.due || lines[0].Done != tt.done {
				t.Fatalf("lines %+v, want due %d done %d", lines, tt.due, tt.done)
			}
			if exists(kept) != tt.keptThere || !exists(changed) {
				t.Fatalf("kept.xlsx there %v (want %v), changed.xlsx there %v (want true)", exists(kept), tt.keptThere, exists(changed))
			}
		})
	}
}
