package app

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"staffdesk/backend/apperr"
	"staffdesk/backend/clock"
	"staffdesk/backend/keyslot"
)

// cli holds what every command shares: the global flags and the standard streams.
type cli struct {
	assets   fs.FS
	icon     []byte
	stdin    *os.File
	stdout   io.Writer
	stderr   io.Writer
	dataDir  string
	operator string
	passFile string
	asJSON   bool
	params   keyslot.Params
}

type command struct {
	usage string
	help  string
	run   func(c *cli, ctx context.Context, args []string) error
}

var commands map[string]command

func init() {
	commands = map[string]command{
		"init":         {"init [--operator NAME] [--email EMAIL]", "create a new encrypted store and its first admin", (*cli).cmdInit},
		"operators":    {"operators list | add NAME --email E --role R [--new-passphrase-file F] | remove NAME", "manage operators (admins)", (*cli).cmdOperators},
		"passwd":       {"passwd [--new-passphrase-file F]", "change the signed-in operator's passphrase", (*cli).cmdPasswd},
		"audit":        {"audit verify | list [--limit N]", "check or show the audit log", (*cli).cmdAudit},
		"serve":        {"serve [--addr 127.0.0.1:0] [--demo]", "serve the UI to a browser on loopback", (*cli).cmdServe},
		"demo":         {"demo [--serve] [--addr A]", "open the app on a throwaway store full of sample data", (*cli).cmdDemo},
		"version":      {"version", "print the versions of the app and its SQLite", (*cli).cmdVersion},
		"competitions": {competitionsUsage, "run competitions, import entries, track winners' claims", (*cli).cmdCompetitions},
		"listings":     {listingsUsage, "moderate listings, events, reviews and comments; export decisions", (*cli).cmdListings},
		"draw":         {drawUsage, "commit, run, certify and verify a competition's draw", (*cli).cmdDraw},
		"privacy":      {privacyUsage, "members' access, portability and erasure requests; the retention schedule", (*cli).cmdPrivacy},
		"partners":     {partnersUsage, "partners (sponsors), the fields each may receive and what they sponsor", (*cli).cmdPartners},
		"exports":      {exportsUsage, "partner exports: request, approve (a second operator), run to .xlsx", (*cli).cmdExports},
		"consent":      {consentUsage, "the consent ledger: look up, record or withdraw a person's consent", (*cli).cmdConsent},
		"unsubscribes": {unsubscribesUsage, "newsletter unsubscribe requests against the 48-hour promise", (*cli).cmdUnsubscribes},
		"surveys":      {surveysUsage, "surveys: questions, response imports, results and Excel exports", (*cli).cmdSurveys},
		"mailbox":      {mailboxUsage, "add, list, test and remove the help-desk mailboxes (admins add and remove)", (*cli).cmdMailbox},
		"sync":         {syncUsage, "sync the help-desk mailboxes now and send the outbox", (*cli).cmdSync},
		"tickets":      {ticketsUsage, "help-desk tickets: list, search, show, change, reply, add notes", (*cli).cmdTickets},
	}
}

// Main runs the command line and returns the process exit code. With no command it opens the window.
func Main(args []string, assets fs.FS, icon []byte) int {
	c := &cli{assets: assets, icon: icon, stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return c.run(ctx, args)
}

// run runs one command line and returns its exit code: 0 done, 1 failed, 2 misused.
func (c *cli) run(ctx context.Context, args []string) int {
	return c.runWith(ctx, args, keyslot.DefaultParams)
}

// runWith runs a command line creating key slots with the given Argon2 costs (tests use light ones).
func (c *cli) runWith(ctx context.Context, args []string, params keyslot.Params) int {
	c.params = params
	err := c.dispatch(ctx, args)
	var usage usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &usage):
		fmt.Fprintf(c.stderr, "staffdesk: %s\n", usage)
		return 2
	default:
		fmt.Fprintf(c.stderr, "staffdesk: %s\n", exitErr(err))
		return 1
	}
}

type usageError string

func (u usageError) Error() string { return string(u) }

func (c *cli) globalFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.dataDir, "data", c.dataDir, "data `folder` (default: the user's config folder's staffdesk/)")
	fs.StringVar(&c.operator, "operator", c.operator, "operator `name` (default: $STAFFDESK_OPERATOR, the only one, or the first admin)")
	fs.StringVar(&c.passFile, "passphrase-file", c.passFile, "read the passphrase from `file` (default: $STAFFDESK_PASSPHRASE or a prompt)")
	fs.BoolVar(&c.asJSON, "json", c.asJSON, "print JSON for scripts")
}

func (c *cli) dispatch(ctx context.Context, args []string) error {
	c.dataDir, c.operator = DefaultDataDir(), os.Getenv("STAFFDESK_OPERATOR")
	top := flag.NewFlagSet("staffdesk", flag.ContinueOnError)
	top.SetOutput(io.Discard)
	c.globalFlags(top)
	if err := top.Parse(args); err != nil {
		return usageError(err.Error() + "\n" + c.usage())
	}
	rest := top.Args()
	if len(rest) == 0 {
		return RunDesktop(c.assets, c.icon, c.config())
	}
	cmd, ok := commands[rest[0]]
	if !ok {
		if rest[0] == "help" || rest[0] == "-h" || rest[0] == "--help" {
			fmt.Fprint(c.stdout, c.usage())
			return nil
		}
		return usageError(fmt.Sprintf("unknown command %q\n%s", rest[0], c.usage()))
	}
	return cmd.run(c, ctx, rest[1:])
}

func (c *cli) usage() string {
	var b strings.Builder
	b.WriteString("usage: staffdesk [--data DIR] [--operator NAME] [--passphrase-file F] [--json] [command]\n\nWith no command, opens the Staffdesk window. Commands:\n")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(&b, "  %-70s %s\n", commands[n].usage, commands[n].help)
	}
	return b.String()
}

// flags parses a command's own flags together with the global ones, in any order.
func (c *cli) flags(name string, args []string, define func(fs *flag.FlagSet)) ([]string, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.globalFlags(fs)
	if define != nil {
		define(fs)
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageError(fmt.Sprintf("%s: %s\nusage: staffdesk %s", name, err, commands[strings.Fields(name)[0]].usage))
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos, args = append(pos, args[0]), args[1:]
	}
}

func (c *cli) config() Config {
	return Config{DataDir: c.dataDir, Clock: clock.System{}, SlotParams: c.params}
}

func (c *cli) passphrases() passphraseSource {
	return passphraseSource{file: c.passFile, envVar: "STAFFDESK_PASSPHRASE", stdin: c.stdin, stderr: c.stderr}
}

// unlocked unlocks a session for one command and locks it when the command ends.
func (c *cli) unlocked(ctx context.Context, fn func(s *Session) error) error {
	s := NewSession(c.config(), nil)
	pass, err := c.passphrases().read("Passphrase: ", false)
	if err != nil {
		return err
	}
	if _, err := s.Unlock(ctx, c.operator, pass); err != nil {
		return err
	}
	defer s.Lock()
	return fn(s)
}

// print writes v as JSON with --json, and text otherwise.
func (c *cli) print(v any, text string) error {
	if c.asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	}
	_, err := io.WriteString(c.stdout, text)
	return err
}

func exitErr(err error) error {
	if err == nil {
		return nil
	}
	var e *apperr.Error
	if errors.As(err, &e) && e.Code != apperr.Internal {
		return errors.New(e.Message)
	}
	return err
}
