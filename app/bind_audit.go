package app

import (
	"context"
	"time"

	"staffdesk/backend/audit"
)

// AuditAPI shows and verifies the audit log.
type AuditAPI struct {
	ctx     context.Context
	session *Session
}

// List returns up to limit entries older than entry id before (0: the newest).
func (a *AuditAPI) List(before int64, limit int) (audit.Page, error) {
	var out audit.Page
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Audit.List(ctx, before, limit)
		return err
	})
	return out, uiError(err)
}

// Verify checks the whole hash chain.
func (a *AuditAPI) Verify() (audit.VerifyResult, error) {
	var out audit.VerifyResult
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out, err = svc.Audit.Verify(ctx)
		return err
	})
	return out, uiError(err)
}

// SettingsView holds the settings staff can change.
type SettingsView struct {
	AutoLockMinutes int `json:"autoLockMinutes"`
}

// SettingsAPI reads and changes settings.
type SettingsAPI struct {
	ctx     context.Context
	session *Session
}

// Get returns the current settings.
func (a *SettingsAPI) Get() (SettingsView, error) {
	var out SettingsView
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) (err error) {
		out.AutoLockMinutes, err = svc.Settings.AutoLockMinutes(ctx)
		return err
	})
	return out, uiError(err)
}

// SetAutoLock changes the idle minutes before the app locks itself. Admins only.
func (a *SettingsAPI) SetAutoLock(minutes int) (SettingsView, error) {
	err := a.session.Do(a.ctx, func(ctx context.Context, svc *Services) error {
		return svc.Settings.SetAutoLockMinutes(ctx, minutes)
	})
	if err != nil {
		return SettingsView{}, uiError(err)
	}
	a.session.SetIdle(time.Duration(minutes) * time.Minute)
	return SettingsView{AutoLockMinutes: minutes}, nil
}
