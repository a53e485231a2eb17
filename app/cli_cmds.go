package app

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
	"staffdesk/backend/audit"
	"staffdesk/backend/operators"
	"staffdesk/backend/store"
)

func (c *cli) cmdInit(ctx context.Context, args []string) error {
	email := ""
	if _, err := c.flags("init", args, func(fs *flag.FlagSet) { fs.StringVar(&email, "email", "", "the admin's `email`") }); err != nil {
		return err
	}
	name := c.operator
	if name == "" {
		name = "admin"
	}
	if email == "" {
		email = name + "@staffdesk.invalid"
	}
	pass, err := c.passphrases().read(fmt.Sprintf("New passphrase for %s: ", name), true)
	if err != nil {
		return err
	}
	cfg := c.config()
	first := operators.NewOperator{Name: name, Email: email, Passphrase: pass}
	if err := operators.Init(ctx, cfg.layout(), cfg.SlotParams, cfg.Clock, first, areaMigrations()...); err != nil {
		return err
	}
	return c.print(map[string]string{"dataDir": cfg.DataDir, "operator": name},
		fmt.Sprintf("Created an encrypted store in %s with admin %s.\n", cfg.DataDir, name))
}

func (c *cli) cmdOperators(ctx context.Context, args []string) error {
	var in operators.NewOperator
	var newPassFile string
	pos, err := c.flags("operators", args, func(fs *flag.FlagSet) {
		fs.StringVar(&in.Email, "email", "", "the new operator's `email`")
		fs.StringVar((*string)(&in.Role), "role", "", "helpdesk, moderator, competitions or admin")
		fs.StringVar(&newPassFile, "new-passphrase-file", "", "read the new operator's passphrase from `file` (default: $STAFFDESK_NEW_PASSPHRASE or a prompt)")
	})
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError("operators: say list, add or remove\nusage: staffdesk " + commands["operators"].usage)
	}
	return c.unlocked(ctx, func(s *Session) error {
		return s.Do(ctx, func(ctx context.Context, svc *Services) error {
			switch {
			case pos[0] == "list" && len(pos) == 1:
				return c.listOperators(ctx, svc)
			case pos[0] == "add" && len(pos) == 2:
				in.Name = pos[1]
				src := passphraseSource{file: newPassFile, envVar: "STAFFDESK_NEW_PASSPHRASE", stdin: c.stdin, stderr: c.stderr}
				if in.Passphrase, err = src.read(fmt.Sprintf("Passphrase for %s: ", in.Name), true); err != nil {
					return err
				}
				o, err := svc.Operators.Add(ctx, in)
				if err != nil {
					return err
				}
				return c.print(o, fmt.Sprintf("Added %s (%s).\n", o.Name, o.Role.Label()))
			case pos[0] == "remove" && len(pos) == 2:
				if err := svc.Operators.Remove(ctx, pos[1]); err != nil {
					return err
				}
				return c.print(map[string]string{"removed": pos[1]}, fmt.Sprintf("Removed %s and their key slot.\n", pos[1]))
			}
			return usageError("usage: staffdesk " + commands["operators"].usage)
		})
	})
}

func (c *cli) listOperators(ctx context.Context, svc *Services) error {
	list, err := svc.Operators.List(ctx)
	if err != nil {
		return err
	}
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tROLE\tEMAIL\tSINCE")
	for _, o := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", o.Name, o.Role.Label(), o.Email, o.CreatedAt.Format("2006-01-02"))
	}
	tw.Flush()
	return c.print(list, b.String())
}

func (c *cli) cmdPasswd(ctx context.Context, args []string) error {
	var newPassFile string
	if _, err := c.flags("passwd", args, func(fs *flag.FlagSet) {
		fs.StringVar(&newPassFile, "new-passphrase-file", "", "read the new passphrase from `file` (default: $STAFFDESK_NEW_PASSPHRASE or a prompt)")
	}); err != nil {
		return err
	}
	old, err := c.passphrases().read("Current passphrase: ", false)
	if err != nil {
		return err
	}
	src := passphraseSource{file: newPassFile, envVar: "STAFFDESK_NEW_PASSPHRASE", stdin: c.stdin, stderr: c.stderr}
	s := NewSession(c.config(), nil)
	a, err := s.Unlock(ctx, c.operator, old)
	if err != nil {
		return err
	}
	defer s.Lock()
	newPass, err := src.read("New passphrase: ", true)
	if err != nil {
		return err
	}
	err = s.Do(ctx, func(ctx context.Context, svc *Services) error {
		return svc.Operators.ChangePassphrase(ctx, old, newPass)
	})
	if err != nil {
		return err
	}
	return c.print(map[string]string{"operator": a.Name}, fmt.Sprintf("Changed the passphrase of %s.\n", a.Name))
}

func (c *cli) cmdAudit(ctx context.Context, args []string) error {
	limit := 50
	pos, err := c.flags("audit", args, func(fs *flag.FlagSet) { fs.IntVar(&limit, "limit", 50, "entries to show") })
	if err != nil {
		return err
	}
	if len(pos) != 1 || (pos[0] != "verify" && pos[0] != "list") {
		return usageError("usage: staffdesk " + commands["audit"].usage)
	}
	return c.unlocked(ctx, func(s *Session) error {
		return s.Do(ctx, func(ctx context.Context, svc *Services) error {
			if pos[0] == "list" {
				return c.listAudit(ctx, svc, limit)
			}
			res, err := svc.Audit.Verify(ctx)
			if err != nil {
				return err
			}
			if !res.OK {
				c.print(res, "")
				return apperr.New(apperr.Conflict, "audit log broken at entry %d: %s", res.BadEntry, res.Problem)
			}
			return c.print(res, fmt.Sprintf("Audit log intact: %d entries, each chained to the one before.\n", res.Entries))
		})
	})
}

func (c *cli) listAudit(ctx context.Context, svc *Services, limit int) error {
	page, err := svc.Audit.List(ctx, 0, limit)
	if err != nil {
		return err
	}
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTIME\tOPERATOR\tACTION\tOBJECT")
	for _, e := range page.Entries {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s %s\n", e.ID, e.At.Format("2006-01-02 15:04:05"), e.OperatorName, e.Action, e.ObjectType, e.ObjectID)
	}
	tw.Flush()
	return c.print(page, b.String())
}

func (c *cli) cmdServe(ctx context.Context, args []string) error {
	addr, demo := "127.0.0.1:0", false
	if _, err := c.flags("serve", args, func(fs *flag.FlagSet) {
		fs.StringVar(&addr, "addr", addr, "loopback `address` to listen on")
		fs.BoolVar(&demo, "demo", false, "serve a throwaway demo store")
	}); err != nil {
		return err
	}
	if err := CheckLoopback(addr); err != nil {
		return err
	}
	if demo {
		return c.withDemo(ctx, func(cfg Config) error { return Serve(ctx, c.assets, cfg, addr, c.stdout) })
	}
	return Serve(ctx, c.assets, c.config(), addr, c.stdout)
}

func (c *cli) cmdDemo(ctx context.Context, args []string) error {
	addr, serve := "127.0.0.1:0", false
	if _, err := c.flags("demo", args, func(fs *flag.FlagSet) {
		fs.BoolVar(&serve, "serve", false, "serve the demo to a browser instead of opening a window")
		fs.StringVar(&addr, "addr", addr, "loopback `address` for --serve")
	}); err != nil {
		return err
	}
	return c.withDemo(ctx, func(cfg Config) error {
		if serve {
			return Serve(ctx, c.assets, cfg, addr, c.stdout)
		}
		return RunDesktop(c.assets, c.icon, cfg)
	})
}

func (c *cli) cmdVersion(ctx context.Context, args []string) error {
	if _, err := c.flags("version", args, nil); err != nil {
		return err
	}
	v, err := store.LibraryVersions(ctx)
	if err != nil {
		return err
	}
	about := About{App: Version, Wails: WailsVersion, SQLite: v.SQLite, MultiCipher: v.MultiCipher}
	return c.print(about, fmt.Sprintf("Staffdesk %s\nSQLite %s\n%s\nWails %s\n", about.App, about.SQLite, about.MultiCipher, about.Wails))
}

var _ = actor.Admin
var _ = audit.Entry{}
var _ = os.Stdout
