package app

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"staffdesk/backend/privacy"
)

const consentUsage = "consent show EMAIL | withdraw EMAIL PURPOSE [--ticket N] | give EMAIL PURPOSE --wording W [--wording-version V]"

const unsubscribesUsage = "unsubscribes list [--all] | add EMAIL [--list L] [--ticket N] [--requested-at 2006-01-02T15:04] | done ID"

// withConsents unlocks the store for one command and runs fn with the consent ledger.
func (c *cli) withConsents(ctx context.Context, fn func(ctx context.Context, s *privacy.ConsentService) error) error {
	return c.unlocked(ctx, func(s *Session) error {
		return s.Do(ctx, func(ctx context.Context, svc *Services) error { return fn(ctx, svc.Consents) })
	})
}

// ticketSource is where a withdrawal or request came from: a ticket when --ticket is given, else the operator.
func ticketSource(ticket string) (string, string) {
	if ticket == "" {
		return "", ""
	}
	return privacy.SourceTicket, "ticket " + strings.TrimPrefix(ticket, "#")
}

func (c *cli) cmdConsent(ctx context.Context, args []string) error {
	var ticket, wording, version string
	pos, err := c.flags("consent", args, func(fs *flag.FlagSet) {
		fs.StringVar(&ticket, "ticket", "", "the help-desk ticket `number` the request came in")
		fs.StringVar(&wording, "wording", "", "the words the person was shown")
		fs.StringVar(&version, "wording-version", "", "the version of that wording")
	})
	if err != nil {
		return err
	}
	usage := usageError("usage: staffdesk " + consentUsage)
	ok := (len(pos) == 2 && pos[0] == "show") || (len(pos) == 3 && (pos[0] == "withdraw" || (pos[0] == "give" && wording != "")))
	if !ok {
		return usage
	}
	return c.withConsents(ctx, func(ctx context.Context, s *privacy.ConsentService) error {
		switch pos[0] {
		case "show":
			h, err := s.History(ctx, pos[1])
			if err != nil {
				return err
			}
			return c.print(h, describeConsents(h))
		case "withdraw":
			kind, ref := ticketSource(ticket)
			r, err := s.Withdraw(ctx, pos[1], pos[2], kind, ref)
			if err != nil {
				return err
			}
			return c.print(r, fmt.Sprintf("Recorded: %s withdrew consent for %s (record %d). Later exports honour it.\n", r.Email, r.Purpose, r.ID))
		}
		kind, ref := ticketSource(ticket)
		r, err := s.Record(ctx, privacy.ConsentInput{Email: pos[1], Purpose: pos[2], Given: true, SourceKind: kind, SourceRef: ref,
			Wording: wording, WordingVersion: version})
		if err != nil {
			return err
		}
		return c.print(r, fmt.Sprintf("Recorded: %s gave consent for %s (record %d).\n", r.Email, r.Purpose, r.ID))
	})
}

func describeConsents(h privacy.ConsentHistory) string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "Consents of %s now:\nPURPOSE\tIN FORCE\tSINCE\tSOURCE\n", h.Email)
	for _, s := range h.Current {
		fmt.Fprintf(tw, "%s\t%v\t%s\t%s\n", s.Purpose, s.InForce, s.Since.Format("2006-01-02 15:04"), s.Source)
	}
	fmt.Fprintln(tw, "\nLEDGER (newest first)\nID\tPURPOSE\tGIVEN\tAT\tSOURCE\tWORDING")
	for _, r := range h.Records {
		fmt.Fprintf(tw, "%d\t%s\t%v\t%s\t%s %s\t%s\n", r.ID, r.Purpose, r.Given, r.At.Format("2006-01-02 15:04"), r.SourceKind,
			r.SourceRef, r.Wording)
	}
	tw.Flush()
	return b.String()
}

func (c *cli) cmdUnsubscribes(ctx context.Context, args []string) error {
	var in privacy.UnsubscribeInput
	var ticket, requested string
	var all bool
	pos, err := c.flags("unsubscribes", args, func(fs *flag.FlagSet) {
		fs.BoolVar(&all, "all", false, "list done requests too")
		fs.StringVar(&in.List, "list", "", "the newsletter (default: all newsletters)")
		fs.StringVar(&ticket, "ticket", "", "the help-desk ticket `number` the request came in")
		fs.StringVar(&requested, "requested-at", "", "when the person asked (UTC, default now)")
	})
	if err != nil {
		return err
	}
	if requested != "" {
		if in.RequestedAt, err = time.Parse("2006-01-02T15:04", requested); err != nil {
			return usageError("unsubscribes: --requested-at must look like 2026-11-29T09:30")
		}
	}
	in.SourceKind, in.SourceRef = ticketSource(ticket)
	usage := usageError("usage: staffdesk " + unsubscribesUsage)
	ok := (len(pos) == 1 && pos[0] == "list") || (len(pos) == 2 && (pos[0] == "add" || pos[0] == "done"))
	if !ok {
		return usage
	}
	return c.withConsents(ctx, func(ctx context.Context, s *privacy.ConsentService) error {
		switch pos[0] {
		case "list":
			list, err := s.Unsubscribes(ctx, all)
			if err != nil {
				return err
			}
			return c.print(list, describeUnsubscribes(list))
		case "add":
			in.Email = pos[1]
			u, err := s.AddUnsubscribe(ctx, in)
			if err != nil {
				return err
			}
			return c.print(u, fmt.Sprintf("Unsubscribe request %d recorded; due by %s (48 hours).\n", u.ID, u.DueAt.Format("2006-01-02 15:04 UTC")))
		}
		id, err := strconv.ParseInt(pos[1], 10, 64)
		if err != nil {
			return usageError("unsubscribes done: the id must be a number")
		}
		u, err := s.MarkUnsubscribeDone(ctx, id)
		if err != nil {
			return err
		}
		return c.print(u, fmt.Sprintf("Unsubscribe request %d done after %.1f hours.\n", u.ID, u.AgeHours))
	})
}

func describeUnsubscribes(list []privacy.Unsubscribe) string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tEMAIL\tLIST\tREQUESTED\tAGE (h)\tSTATE")
	for _, u := range list {
		state := "open"
		switch {
		case !u.DoneAt.IsZero():
			state = "done by " + u.DoneBy
		case u.Overdue:
			state = "OVERDUE (48-hour promise broken)"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%.1f\t%s\n", u.ID, u.Email, u.List, u.RequestedAt.Format("2006-01-02 15:04"), u.AgeHours, state)
	}
	tw.Flush()
	return b.String()
}
