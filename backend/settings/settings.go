// Package settings keeps the store-wide settings staff can change, such as the auto-lock delay.
package settings

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"strconv"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/store"
)

//go:embed migrations/*.sql
var migrationsFS embed.FS

// Migrations are the settings area's schema.
var Migrations = store.Migrations{Area: "settings", FS: migrationsFS}

// DefaultAutoLockMinutes is the idle time after which the app locks when no one changed it.
const DefaultAutoLockMinutes = 10

// Recorder appends to the audit log inside a transaction.
type Recorder interface {
	Record(ctx context.Context, tx *sql.Tx, ev audit.Event) error
}

// Service reads and changes settings.
type Service struct {
	db    *store.DB
	audit Recorder
}

// NewService returns the settings service.
func NewService(db *store.DB, rec Recorder) *Service { return &Service{db: db, audit: rec} }

// AutoLockMinutes returns the idle minutes after which the app locks.
func (s *Service) AutoLockMinutes(ctx context.Context) (int, error) {
	var v string
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'autolock_minutes'`).Scan(&v)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return DefaultAutoLockMinutes, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read auto-lock setting: %w", err)
	}
	return strconv.Atoi(v)
}

// SetAutoLockMinutes changes the idle minutes (1 to 240). Admins only.
func (s *Service) SetAutoLockMinutes(ctx context.Context, minutes int) error {
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return err
	}
	if minutes < 1 || minutes > 240 {
		return apperr.New(apperr.Invalid, "auto-lock must be between 1 and 240 minutes, not %d", minutes)
	}
	return s.db.Update(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('autolock_minutes', ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, strconv.Itoa(minutes)); err != nil {
			return fmt.Errorf("save auto-lock setting: %w", err)
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "settings.autolock", ObjectType: "setting", ObjectID: "autolock_minutes",
			Details: map[string]string{"minutes": strconv.Itoa(minutes)}})
	})
}
