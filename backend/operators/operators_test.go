package operators

import (
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/keyslot"
	"staffdesk/backend/store"
)

var testParams = keyslot.Params{Time: 1, MemoryKiB: 8 * 1024, Threads: 1}

const adminPass = "admin-passphrase-1"

type fixture struct {
	layout store.Layout
	slots  *keyslot.Dir
	clock  clock.Clock
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	l := store.Layout{Dir: filepath.Join(t.TempDir(), "data")}
	c := clock.NewFixed(time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC))
	err := Init(context.Background(), l, testParams, c, NewOperator{Name: "admin", Email: "admin@staff.example", Passphrase: adminPass})
	if err != nil {
		t.Fatalf("init: %v", err)
	}
	return fixture{layout: l, slots: keyslot.NewDir(l.SlotsDir(), testParams), clock: c}
}

// unlock opens the store as name and returns the service and a context carrying the operator.
func (f fixture) unlock(t *testing.T, name, pass string) (*Service, context.Context, func()) {
	t.Helper()
	u, err := Unlock(context.Background(), f.layout, f.slots, f.clock, name, pass)
	if err != nil {
		t.Fatalf("unlock %s: %v", name, err)
	}
	svc := NewService(u.DB, f.slots, audit.NewService(u.DB, f.clock), f.clock, u.DataKey)
	return svc, actor.With(context.Background(), u.Actor), func() { u.DB.Close() }
}

func (f fixture) add(t *testing.T, name string, role actor.Role, pass string) {
	t.Helper()
	svc, ctx, done := f.unlock(t, "admin", adminPass)
	defer done()
	if _, err := svc.Add(ctx, NewOperator{Name: name, Email: name + "@staff.example", Role: role, Passphrase: pass}); err != nil {
		t.Fatalf("add %s: %v", name, err)
	}
}

func hashFolder(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			b, _ := os.ReadFile(p)
			out[p] = sha256.Sum256(b)
		}
		return nil
	})
	return out
}

func TestWrongPassphraseLeavesFilesIdentical(t *testing.T) {
	f := newFixture(t)
	before := hashFolder(t, f.layout.Dir)
	_, err := Unlock(context.Background(), f.layout, f.slots, f.clock, "admin", "not-the-passphrase")
	if !apperr.Is(err, apperr.Forbidden) || !strings.Contains(err.Error(), "passphrase for operator admin is wrong") {
		t.Fatalf("want a wrong-passphrase error, got %v", err)
	}
	after := hashFolder(t, f.layout.Dir)
	if fmt.Sprint(before) != fmt.Sprint(after) {
		t.Fatalf("files changed:\nbefore %v\nafter  %v", before, after)
	}
}

func TestTwoOperatorsOpenWithTheirOwnPassphrase(t *testing.T) {
	f := newFixture(t)
	f.add(t, "hana", actor.HelpDesk, "hana-passphrase")
	for _, tc := range []struct{ name, pass string }{{"admin", adminPass}, {"hana", "hana-passphrase"}} {
		t.Run(tc.name, func(t *testing.T) {
			_, ctx, done := f.unlock(t, tc.name, tc.pass)
			defer done()
			if a, _ := actor.From(ctx); a.Name != tc.name {
				t.Fatalf("unlocked as %q", a.Name)
			}
		})
	}
	if _, err := Unlock(context.Background(), f.layout, f.slots, f.clock, "hana", adminPass); !apperr.Is(err, apperr.Forbidden) {
		t.Fatalf("hana with admin's passphrase: want forbidden, got %v", err)
	}
}

func TestRemovedOperatorCannotOpen(t *testing.T) {
	f := newFixture(t)
	f.add(t, "mo", actor.Moderator, "mo-passphrase-1")
	slot, _ := f.slots.Find("mo")
	kept, _ := os.ReadFile(filepath.Join(f.layout.SlotsDir(), slot.OperatorID+".json"))
	svc, ctx, done := f.unlock(t, "admin", adminPass)
	if err := svc.Remove(ctx, "mo"); err != nil {
		t.Fatal(err)
	}
	done()
	if _, err := Unlock(context.Background(), f.layout, f.slots, f.clock, "mo", "mo-passphrase-1"); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("removed operator: want not found, got %v", err)
	}
	os.WriteFile(filepath.Join(f.layout.SlotsDir(), slot.OperatorID+".json"), kept, 0o600)
	if _, err := Unlock(context.Background(), f.layout, f.slots, f.clock, "mo", "mo-passphrase-1"); !apperr.Is(err, apperr.Forbidden) {
		t.Fatalf("removed operator with a restored slot: want forbidden, got %v", err)
	}
}

func TestRolesCheckedInTheService(t *testing.T) {
	f := newFixture(t)
	f.add(t, "hana", actor.HelpDesk, "hana-passphrase")
	svc, ctx, done := f.unlock(t, "hana", "hana-passphrase")
	defer done()
	tests := []struct {
		name string
		do   func() error
	}{
		{"add", func() error {
			_, err := svc.Add(ctx, NewOperator{Name: "eve", Email: "eve@x.example", Role: actor.Admin, Passphrase: "eve-passphrase"})
			return err
		}},
		{"remove", func() error { return svc.Remove(ctx, "admin") }},
		{"no operator", func() error { _, err := svc.List(context.Background()); return err }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.do(); !apperr.Is(err, apperr.Forbidden) && !apperr.Is(err, apperr.Locked) {
				t.Fatalf("want refusal, got %v", err)
			}
		})
	}
}

func TestLastAdminStays(t *testing.T) {
	f := newFixture(t)
	svc, ctx, done := f.unlock(t, "admin", adminPass)
	defer done()
	if err := svc.Remove(ctx, "admin"); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("want conflict, got %v", err)
	}
}

func TestAddValidates(t *testing.T) {
	f := newFixture(t)
	svc, ctx, done := f.unlock(t, "admin", adminPass)
	defer done()
	for _, tc := range []struct {
		name string
		in   NewOperator
	}{
		{"bad name", NewOperator{Name: "a b", Email: "a@b.example", Role: actor.Moderator, Passphrase: "long-enough-1"}},
		{"bad email", NewOperator{Name: "ab", Email: "nope", Role: actor.Moderator, Passphrase: "long-enough-1"}},
		{"bad role", NewOperator{Name: "ab", Email: "a@b.example", Role: "boss", Passphrase: "long-enough-1"}},
		{"short passphrase", NewOperator{Name: "ab", Email: "a@b.example", Role: actor.Moderator, Passphrase: "short"}},
		{"duplicate", NewOperator{Name: "admin", Email: "a@b.example", Role: actor.Moderator, Passphrase: "long-enough-1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := svc.Add(ctx, tc.in); err == nil {
				t.Fatal("accepted")
			}
		})
	}
}

// TestPasswdKilledMidway times one whole passphrase change in a child process, then kills children at
// twelve moments spread over that time; after each, the old or the new passphrase opens, never neither.
func TestPasswdKilledMidway(t *testing.T) {
	f := newFixture(t)
	current, other := adminPass, "admin-passphrase-2"
	child := func(old, new string) *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestChildPasswd$")
		cmd.Env = append(os.Environ(), "STAFFDESK_CHILD_DIR="+f.layout.Dir, "STAFFDESK_CHILD_OLD="+old, "STAFFDESK_CHILD_NEW="+new)
		return cmd
	}
	start := time.Now()
	if out, err := child(current, other).CombinedOutput(); err != nil {
		t.Fatalf("passwd child: %v\n%s", err, out)
	}
	whole := time.Since(start)
	current, other = other, current
	for round := 1; round <= 12; round++ {
		cmd := child(current, other)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(whole * time.Duration(round) / 12)
		cmd.Process.Kill()
		cmd.Wait()
		oldOK := tryUnlock(f, current)
		newOK := tryUnlock(f, other)
		if !oldOK && !newOK {
			t.Fatalf("round %d: neither passphrase opens the store", round)
		}
		t.Logf("round %d: old opens %v, new opens %v", round, oldOK, newOK)
		if newOK {
			current, other = other, current
		}
	}
}

func tryUnlock(f fixture, pass string) bool {
	u, err := Unlock(context.Background(), f.layout, f.slots, f.clock, "admin", pass)
	if err != nil {
		return false
	}
	u.DB.Close()
	return true
}

// TestChildPasswd is the child of TestPasswdKilledMidway.
func TestChildPasswd(t *testing.T) {
	dir := os.Getenv("STAFFDESK_CHILD_DIR")
	if dir == "" {
		t.Skip("child process only")
	}
	f := fixture{layout: store.Layout{Dir: dir}, slots: keyslot.NewDir(filepath.Join(dir, "keyslots"), testParams), clock: clock.System{}}
	svc, ctx, done := f.unlock(t, "admin", os.Getenv("STAFFDESK_CHILD_OLD"))
	defer done()
	if err := svc.ChangePassphrase(ctx, os.Getenv("STAFFDESK_CHILD_OLD"), os.Getenv("STAFFDESK_CHILD_NEW")); err != nil {
		t.Fatal(err)
	}
}
