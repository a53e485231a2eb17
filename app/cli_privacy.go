package app

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"staffdesk/backend/apperr"
	"staffdesk/backend/privacy"
)

const privacyUsage = "privacy access EMAIL --out F.xlsx [--format xlsx|json] [--request ID] | erase EMAIL [--dry-run] [--yes] [--request ID] | " +
	"requests [--all] | requests add access|erasure|rectification EMAIL [--received YYYY-MM-DD] [--note N] | " +
	"requests done ID [--outcome T] | retention [--dry-run]"

// privacyFlags are the flags of every privacy subcommand.
type privacyFlags struct {
	out, format, received, note, outcome string
	request                              int64
	dryRun, all, yes                     bool
}

func (c *cli) cmdPrivacy(ctx context.Context, args []string) error {
	var pf privacyFlags
	pos, err := c.flags("privacy", args, func(fs *flag.FlagSet) {
		fs.StringVar(&pf.out, "out", "", "write the access file to `file` (json without --out goes to standard output)")
		fs.StringVar(&pf.format, "format", "", "xlsx (a sheet per area) or json (portability); default from --out's extension")
		fs.Int64Var(&pf.request, "request", 0, "the request `id` this answers (default: the person's oldest open one, else a new one)")
		fs.BoolVar(&pf.dryRun, "dry-run", false, "only count what would change")
		fs.BoolVar(&pf.all, "all", false, "list done requests too")
		fs.BoolVar(&pf.yes, "yes", false, "erase without asking (in a terminal, erase shows the counts and asks first)")
		fs.StringVar(&pf.received, "received", "", "the `date` the request was received (default: now)")
		fs.StringVar(&pf.note, "note", "", "a note on the request (no personal data beyond the address)")
		fs.StringVar(&pf.outcome, "outcome", "done", "what was done")
	})
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError("privacy: say access, erase, requests or retention\nusage: staffdesk " + privacyUsage)
	}
	return c.unlocked(ctx, func(s *Session) error {
		return s.Do(ctx, func(ctx context.Context, svc *Services) error { return c.privacy(ctx, svc.Privacy, pos, pf) })
	})
}

func (c *cli) privacy(ctx context.Context, p *privacy.Service, pos []string, pf privacyFlags) error {
	sub, rest := pos[0], pos[1:]
	switch {
	case sub == "access" && len(rest) == 1:
		return c.privacyAccess(ctx, p, rest[0], pf)
	case sub == "erase" && len(rest) == 1:
		return c.privacyErase(ctx, p, rest[0], pf)
	case sub == "requests" && len(rest) == 0:
		return c.privacyRequests(ctx, p, !pf.all)
	case sub == "requests" && len(rest) == 3 && rest[0] == "add":
		return c.privacyAddRequest(ctx, p, rest[1], rest[2], pf)
	case sub == "requests" && len(rest) == 2 && rest[0] == "done":
		id, err := strconv.ParseInt(rest[1], 10, 64)
		if err != nil {
			return usageError("privacy requests done: give the request's number")
		}
		r, err := p.CompleteRequest(ctx, id, pf.outcome)
		if err != nil {
			return err
		}
		return c.print(r, fmt.Sprintf("Request %d is done.\n", r.ID))
	case sub == "retention" && len(rest) == 0:
		return c.privacyRetention(ctx, p, pf.dryRun)
	}
	return usageError("usage: staffdesk " + privacyUsage)
}

func (c *cli) privacyAccess(ctx context.Context, p *privacy.Service, email string, pf privacyFlags) error {
	format := pf.format
	if format == "" {
		format = privacy.FormatXLSX
		if strings.EqualFold(filepath.Ext(pf.out), ".json") || pf.out == "" {
			format = privacy.FormatJSON
		}
	}
	if pf.out == "" {
		if format != privacy.FormatJSON {
			return usageError("privacy access: give --out F.xlsx, or --format json to write to standard output")
		}
		_, err := p.Access(ctx, c.stdout, email, format, pf.request)
		return err
	}
	var res privacy.AccessResult
	err := privacy.WriteFileAtomic(pf.out, func(w io.Writer) (err error) {
		res, err = p.Access(ctx, w, email, format, pf.request)
		return err
	})
	if err != nil {
		return err
	}
	return c.print(res, fmt.Sprintf("Wrote %s: %d records from %d areas (%s, sha256 %s). Request %d is done.\n",
		pf.out, res.Rows, res.Areas, res.Format, res.SHA256[:16], res.RequestID))
}

func (c *cli) privacyErase(ctx context.Context, p *privacy.Service, email string, pf privacyFlags) error {
	if !pf.dryRun && !pf.yes && !c.asJSON && term.IsTerminal(int(c.stdin.Fd())) {
		if err := c.confirmErase(ctx, p, email, pf.request); err != nil {
			return err
		}
	}
	rep, err := p.Erase(ctx, email, pf.dryRun, pf.request)
	if err != nil {
		return err
	}
	text := erasureText(rep)
	if rep.DryRun {
		text += "Dry run: nothing was changed. Run again without --dry-run to erase.\n"
	}
	return c.print(rep, text)
}

// confirmErase shows the dry run's counts and asks for the address to be typed again.
func (c *cli) confirmErase(ctx context.Context, p *privacy.Service, email string, request int64) error {
	dry, err := p.Erase(ctx, email, true, request)
	if err != nil {
		return err
	}
	fmt.Fprint(c.stderr, erasureText(dry), "Nothing has changed yet. Type the address again to erase it: ")
	line, _ := bufio.NewReader(c.stdin).ReadString('\n')
	if !strings.EqualFold(strings.TrimSpace(line), strings.TrimSpace(email)) {
		return apperr.New(apperr.Invalid, "nothing was erased: the address typed does not match")
	}
	return nil
}

// erasureText is an erasure report as a table, with what happened or would happen.
func erasureText(rep privacy.ErasureReport) string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "AREA\tDELETED\tANONYMISED\tREDACTED\tKEPT\tFOUND")
	for _, a := range rep.Areas {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\n", a.Area, a.Deleted, a.Anonymised, a.Redacted, a.Kept, a.Found)
	}
	tw.Flush()
	if !rep.DryRun {
		fmt.Fprintf(&b, "Erased. Request %d is done; the audit log names the person %s.\n", rep.RequestID, privacy.ErasedPerson(rep.PersonRef))
	}
	return b.String()
}

func (c *cli) privacyRequests(ctx context.Context, p *privacy.Service, open bool) error {
	list, err := p.Requests(ctx, open)
	if err != nil {
		return err
	}
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tPERSON\tRECEIVED\tDUE\tSTATUS")
	for _, r := range list {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Kind, r.Person, r.ReceivedAt.Format("2006-01-02"),
			r.DueAt.Format("2006-01-02"), requestStatus(r))
	}
	tw.Flush()
	return c.print(list, b.String())
}

// requestStatus says where a request stands: done, overdue by N days, or N days left.
func requestStatus(r privacy.Request) string {
	switch {
	case r.Done:
		return "done " + r.DoneAt.Format("2006-01-02") + " by " + r.DoneBy
	case r.Overdue:
		return fmt.Sprintf("OVERDUE by %d days", max(1, -r.DaysLeft))
	case r.DaysLeft == 0:
		return "due today"
	}
	return fmt.Sprintf("%d days left", r.DaysLeft)
}

func (c *cli) privacyAddRequest(ctx context.Context, p *privacy.Service, kind, email string, pf privacyFlags) error {
	in := privacy.RequestInput{Kind: kind, Person: email, Note: pf.note}
	if pf.received != "" {
		t, err := time.ParseInLocation("2006-01-02", pf.received, time.UTC)
		if err != nil {
			return apperr.New(apperr.Invalid, "--received: give the date as YYYY-MM-DD")
		}
		in.ReceivedAt = t.Add(12 * time.Hour)
	}
	r, err := p.NewRequest(ctx, in)
	if err != nil {
		return err
	}
	return c.print(r, fmt.Sprintf("Logged %s request %d, due %s (%s).\n", r.Kind, r.ID, r.DueAt.Format("2 Jan 2006"), requestStatus(r)))
}

func (c *cli) privacyRetention(ctx context.Context, p *privacy.Service, dryRun bool) error {
	rep, err := p.Retention(ctx, dryRun, privacy.TriggerManual)
	if err != nil {
		return err
	}
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CATEGORY\tPERIOD\tACTION\tDUE\tDONE\tBY")
	for _, l := range rep.Lines {
		by := l.Source
		if by == "" {
			by = "(no area keeps these yet)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\n", l.Category, l.Period, l.Action, l.Due, l.Done, by)
	}
	tw.Flush()
	if dryRun {
		fmt.Fprintf(&b, "Dry run: %d records are due; nothing was changed.\n", rep.Due)
	} else {
		fmt.Fprintf(&b, "Applied the schedule: %d records removed or anonymised.\n", rep.Done)
	}
	return c.print(rep, b.String())
}
