package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"staffdesk/backend/apperr"
	"staffdesk/backend/moderation"
)

const listingsUsage = "listings import FILE | queue [--flag F] [--kind K] [--state S] [--area A] [--submitter S] [--older-than H] [--limit N] | " +
	"decide ID... (--approve | --reject REASON [--note N] | --request-edit MSG | --expire) | undo | export-decisions FILE | " +
	"terms [--abuse W,W] [--spam-domains D,D] | retention | erase-member EMAIL"

// listingsFlags are the flags of every listings subcommand.
type listingsFlags struct {
	filter              moderation.Filter
	flag, kind, state   string
	approve, expire     bool
	reject, note, edit  string
	abuse, spamDomains  string
	setAbuse, setDomain bool
}

func (c *cli) cmdListings(ctx context.Context, args []string) error {
	var lf listingsFlags
	pos, err := c.flags("listings", args, func(fs *flag.FlagSet) {
		fs.StringVar(&lf.flag, "flag", "", "only items a check flagged: a check's code, any or none")
		fs.StringVar(&lf.kind, "kind", "", "only business, event, review or comment")
		fs.StringVar(&lf.state, "state", "", "pending (default), approved, rejected, edit_requested or expired")
		fs.StringVar(&lf.filter.PostcodeArea, "area", "", "only this postcode area (SW, M, ...)")
		fs.StringVar(&lf.filter.Submitter, "submitter", "", "only this submitter's email or name")
		fs.IntVar(&lf.filter.MinAgeHours, "older-than", 0, "only items submitted at least `hours` ago")
		fs.IntVar(&lf.filter.Limit, "limit", 50, "items to show")
		fs.BoolVar(&lf.approve, "approve", false, "approve the items")
		fs.BoolVar(&lf.expire, "expire", false, "mark the items expired")
		fs.StringVar(&lf.reject, "reject", "", "reject the items for `reason`: spam, abusive, personal_data, duplicate, off_topic, other")
		fs.StringVar(&lf.note, "note", "", "the rejection's note")
		fs.StringVar(&lf.edit, "request-edit", "", "ask the submitter to edit, with this `message`")
		fs.Func("abuse", "the abuse `words`, comma separated (replaces the list)", func(s string) error { lf.abuse, lf.setAbuse = s, true; return nil })
		fs.Func("spam-domains", "the spam `domains`, comma separated (replaces the list)", func(s string) error {
			lf.spamDomains, lf.setDomain = s, true
			return nil
		})
	})
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError("listings: say import, queue, decide, undo, export-decisions, terms or retention\nusage: staffdesk " + listingsUsage)
	}
	return c.unlocked(ctx, func(s *Session) error {
		return s.Do(ctx, func(ctx context.Context, svc *Services) error { return c.listings(ctx, svc, pos, lf) })
	})
}

func (c *cli) listings(ctx context.Context, svc *Services, pos []string, lf listingsFlags) error {
	sub, rest := pos[0], pos[1:]
	switch {
	case sub == "import" && len(rest) == 1:
		return c.listingsImport(ctx, svc, rest[0])
	case sub == "queue" && len(rest) == 0:
		lf.filter.Flag, lf.filter.Kind, lf.filter.State = moderation.FlagCode(lf.flag), moderation.Kind(lf.kind), moderation.State(lf.state)
		return c.listingsQueue(ctx, svc, lf.filter)
	case sub == "decide" && len(rest) > 0:
		return c.listingsDecide(ctx, svc, rest, lf)
	case sub == "undo" && len(rest) == 0:
		res, err := svc.Listings.Undo(ctx)
		if err != nil {
			return err
		}
		return c.print(res, fmt.Sprintf("Undid %s on %s.\n", res.Decision, strings.Join(res.IDs, ", ")))
	case sub == "export-decisions" && len(rest) == 1:
		return c.listingsExport(ctx, svc, rest[0])
	case sub == "terms" && len(rest) == 0:
		return c.listingsTerms(ctx, svc, lf)
	case sub == "retention" && len(rest) == 0:
		res, err := svc.Listings.ApplyRetention(ctx)
		if err != nil {
			return err
		}
		return c.print(res, fmt.Sprintf("Removed %d expired listings, %d ended events and %d reviews or comments on them.\n", res.Listings, res.Events, res.Reviews))
	case sub == "erase-member" && len(rest) == 1:
		res, err := svc.Listings.AnonymiseMember(ctx, rest[0])
		if err != nil {
			return err
		}
		return c.print(res, fmt.Sprintf("Erased the member from moderation: %d reviews or comments now by %q, %d listings or events removed.\n",
			res.Anonymised, moderation.FormerMember, res.Removed))
	}
	return usageError("usage: staffdesk " + listingsUsage)
}

func (c *cli) listingsImport(ctx context.Context, svc *Services, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return apperr.Wrap(apperr.NotFound, err, "cannot read %s", path)
	}
	defer f.Close()
	res, err := svc.Listings.Import(ctx, filepath.Base(path), f)
	if err != nil {
		return err
	}
	return c.print(res, fmt.Sprintf("Imported %s: %d read, %d new, %d updated, %d unchanged; %d flagged by the checks.\n",
		res.File, res.Read, res.Added, res.Updated, res.Unchanged, res.Flagged))
}

func (c *cli) listingsQueue(ctx context.Context, svc *Services, f moderation.Filter) error {
	page, err := svc.Listings.Queue(ctx, f)
	if err != nil {
		return err
	}
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tAGE\tPOSTCODE\tTITLE\tFLAGS")
	for _, it := range page.Items {
		age := fmt.Sprintf("%dh", it.AgeHours)
		if it.Overdue {
			age += " (over 48h)"
		}
		var flags []string
		for _, fl := range it.Flags {
			flags = append(flags, string(fl.Code))
		}
		title := it.Feed.Title
		if title == "" {
			title = it.Feed.Body
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", it.Feed.ID, it.Feed.Kind, age, it.Feed.Postcode, cut(title, 40), strings.Join(flags, ","))
	}
	tw.Flush()
	fmt.Fprintf(&b, "%d of %d matching items, oldest first.\n", len(page.Items), page.Total)
	return c.print(page, b.String())
}

func cut(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

func (c *cli) listingsDecide(ctx context.Context, svc *Services, ids []string, lf listingsFlags) error {
	in := moderation.DecisionInput{IDs: ids}
	chosen := 0
	if lf.approve {
		in.Decision, chosen = moderation.Approve, chosen+1
	}
	if lf.expire {
		in.Decision, chosen = moderation.Expire, chosen+1
	}
	if lf.reject != "" {
		in.Decision, in.Reason, in.Note, chosen = moderation.Reject, lf.reject, lf.note, chosen+1
	}
	if lf.edit != "" {
		in.Decision, in.Note, chosen = moderation.RequestEdit, lf.edit, chosen+1
	}
	if chosen != 1 {
		return usageError("listings decide: give exactly one of --approve, --reject REASON, --request-edit MSG or --expire")
	}
	res, err := svc.Listings.Decide(ctx, in)
	if err != nil {
		return err
	}
	return c.print(res, fmt.Sprintf("Recorded %s on %d item(s). `staffdesk listings undo` takes it back.\n", strings.ReplaceAll(res.Decision, "_", " "), res.Decided))
}

// listingsExport writes the decisions not yet exported to a new file (never over an existing one, which
// might hold decisions the site has not applied yet), flushed to disk before they are marked exported.
func (c *cli) listingsExport(ctx context.Context, svc *Services, path string) error {
	res, err := svc.Listings.ExportDecisions(ctx, func(lines []moderation.ExportLine) error {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			return apperr.New(apperr.Conflict, "%s already exists: choose a new file name so no earlier export is overwritten", path)
		}
		if err != nil {
			return apperr.Wrap(apperr.Invalid, err, "cannot create %s", path)
		}
		err = moderation.WriteJSONL(f, lines)
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path)
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return c.print(map[string]any{"file": path, "exported": res.Exported},
		fmt.Sprintf("Wrote %d decision(s) to %s and marked them exported.\n", res.Exported, path))
}

func (c *cli) listingsTerms(ctx context.Context, svc *Services, lf listingsFlags) error {
	terms, err := svc.Listings.Terms(ctx)
	if err != nil {
		return err
	}
	if lf.setAbuse || lf.setDomain {
		if lf.setAbuse {
			terms.AbuseWords = strings.Split(lf.abuse, ",")
		}
		if lf.setDomain {
			terms.SpamDomains = strings.Split(lf.spamDomains, ",")
		}
		if terms, err = svc.Listings.SetTerms(ctx, terms); err != nil {
			return err
		}
	}
	return c.print(terms, fmt.Sprintf("Abuse words: %s\nSpam domains: %s\n", strings.Join(terms.AbuseWords, ", "), strings.Join(terms.SpamDomains, ", ")))
}
