package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"staffdesk/backend/actor"
	"staffdesk/backend/clock"
	"staffdesk/backend/keyslot"
	"staffdesk/backend/operators"
)

// DemoPassphrase unlocks every operator of the demo store; the unlock screen shows it.
const DemoPassphrase = "demo-passphrase"

// demoSlotParams make the throwaway demo store quick to open; real stores use keyslot.DefaultParams.
var demoSlotParams = keyslot.Params{Time: 1, MemoryKiB: 16 * 1024, Threads: 2}

// demoOperators are the demo's staff, one per role.
var demoOperators = []operators.NewOperator{
	{Name: "hana", Email: "hana@staff.example", Role: actor.HelpDesk},
	{Name: "mo", Email: "mo@staff.example", Role: actor.Moderator},
	{Name: "cleo", Email: "cleo@staff.example", Role: actor.Competitions},
	{Name: "ade", Email: "ade@staff.example", Role: actor.Admin},
}

// withDemo builds a throwaway store full of sample data and an in-process IMAP server, runs fn on it, and
// removes it all afterwards.
func (c *cli) withDemo(ctx context.Context, fn func(cfg Config) error) error {
	dir, err := os.MkdirTemp("", "staffdesk-demo-")
	if err != nil {
		return fmt.Errorf("create demo folder: %w", err)
	}
	defer os.RemoveAll(dir)
	cfg := Config{DataDir: filepath.Join(dir, "data"), Clock: clock.System{}, SlotParams: demoSlotParams, DemoPassphrase: DemoPassphrase}
	imap, err := startDemoIMAP(ctx)
	if err != nil {
		return err
	}
	defer imap.Close()
	if err := seedDemo(ctx, cfg, imap); err != nil {
		return err
	}
	fmt.Fprintf(c.stderr, "Demo store in %s (passphrase %q); demo IMAP server on %s.\n", cfg.DataDir, DemoPassphrase, imap.Addr())
	return fn(cfg)
}

// seedDemo creates the demo store, its operators and each area's sample data.
func seedDemo(ctx context.Context, cfg Config, servers *demoIMAP) error {
	first := operators.NewOperator{Name: "admin", Email: "admin@staff.example", Passphrase: DemoPassphrase}
	if err := operators.Init(ctx, cfg.layout(), cfg.SlotParams, cfg.Clock, first, areaMigrations()...); err != nil {
		return fmt.Errorf("create demo store: %w", err)
	}
	s := NewSession(cfg, nil)
	if _, err := s.Unlock(ctx, "admin", DemoPassphrase); err != nil {
		return fmt.Errorf("open demo store: %w", err)
	}
	defer s.Lock()
	return s.Do(ctx, func(ctx context.Context, svc *Services) error {
		for _, o := range demoOperators {
			o.Passphrase = DemoPassphrase
			if _, err := svc.Operators.Add(ctx, o); err != nil {
				return fmt.Errorf("add demo operator %s: %w", o.Name, err)
			}
		}
		if err := seedCompetitionsDemo(ctx, svc, cfg.Clock.Now()); err != nil {
			return err
		}
		if err := seedListingsDemo(ctx, svc, cfg.Clock.Now()); err != nil {
			return err
		}
		if err := seedSurveysDemo(ctx, svc, cfg.Clock.Now()); err != nil {
			return err
		}
		if err := seedPrivacyDemo(ctx, svc, cfg.Clock.Now()); err != nil {
			return err
		}
		if err := seedExportsDemo(ctx, svc, cfg.Clock.Now()); err != nil {
			return err
		}
		if err := seedHelpdeskDemo(ctx, svc, servers); err != nil {
			return err
		}
		return svc.Settings.SetAutoLockMinutes(ctx, 30)
	})
}
