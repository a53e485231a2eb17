package settings

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/clock"
	"staffdesk/backend/store"
)

func TestAutoLock(t *testing.T) {
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "s.db"), bytes.Repeat([]byte{3}, 32), audit.Migrations, Migrations)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	au := audit.NewService(db, clock.NewFixed(time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)))
	s := NewService(db, au)
	admin := actor.With(context.Background(), actor.Actor{ID: "a", Name: "admin", Role: actor.Admin})
	mod := actor.With(context.Background(), actor.Actor{ID: "m", Name: "mo", Role: actor.Moderator})
	if m, err := s.AutoLockMinutes(admin); err != nil || m != DefaultAutoLockMinutes {
		t.Fatalf("default: %d %v", m, err)
	}
	for _, tc := range []struct {
		name    string
		ctx     context.Context
		minutes int
		code    apperr.Code
	}{
		{"moderator", mod, 5, apperr.Forbidden},
		{"zero", admin, 0, apperr.Invalid},
		{"too long", admin, 241, apperr.Invalid},
		{"ok", admin, 15, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := s.SetAutoLockMinutes(tc.ctx, tc.minutes)
			if (tc.code == "" && err != nil) || (tc.code != "" && !apperr.Is(err, tc.code)) {
				t.Fatalf("want %q, got %v", tc.code, err)
			}
		})
	}
	if m, _ := s.AutoLockMinutes(mod); m != 15 {
		t.Fatalf("after change: %d", m)
	}
	if res, _ := au.Verify(admin); !res.OK || res.Entries != 1 {
		t.Fatalf("audit: %+v", res)
	}
}
