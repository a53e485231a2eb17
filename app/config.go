// Package app is the only code that knows Wails or the command line. It builds every service once per
// unlock and exposes them through thin bound structs (desktop window and browser mode) and CLI commands.
package app

import (
	"os"
	"path/filepath"
	"time"

	"staffdesk/backend/clock"
	"staffdesk/backend/competitions"
	"staffdesk/backend/exports"
	"staffdesk/backend/helpdesk"
	"staffdesk/backend/keyslot"
	"staffdesk/backend/mail"
	"staffdesk/backend/moderation"
	"staffdesk/backend/privacy"
	"staffdesk/backend/settings"
	"staffdesk/backend/store"
	"staffdesk/backend/surveys"
)

// Version is the application version, set at build time with -ldflags "-X staffdesk/app.Version=...".
var Version = "0.1.0-dev"

// Config is what every door needs to reach a store.
type Config struct {
	DataDir        string
	Clock          clock.Clock
	SlotParams     keyslot.Params
	DemoPassphrase string
	// AutoLock overrides the stored auto-lock delay when non-zero (tests).
	AutoLock time.Duration
	// DailyRetention makes an unlocked session apply the retention schedule at unlock when the last run is
	// older than a day, and daily while it stays unlocked (the window and serve on a real store; not CLI
	// commands, which run one thing, nor the demo).
	DailyRetention bool
	// MailBackground makes an unlocked session sync the mailboxes in the background (IDLE, periodic sync,
	// reconnection with backoff) until it locks: the window and serve, not CLI commands.
	MailBackground bool
}

// DefaultDataDir is the user's config folder's staffdesk/.
func DefaultDataDir() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "staffdesk")
}

// areaMigrations lists the schema of every area after operators and audit (which the unlock adds itself).
func areaMigrations() []store.Migrations {
	return []store.Migrations{settings.Migrations, competitions.Migrations, moderation.Migrations,
		privacy.Migrations, exports.Migrations, surveys.Migrations, mail.Migrations, helpdesk.Migrations}
}

func (c Config) layout() store.Layout { return store.Layout{Dir: c.DataDir} }

func (c Config) slots() *keyslot.Dir { return keyslot.NewDir(c.layout().SlotsDir(), c.SlotParams) }
