package app

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"staffdesk/backend/apperr"
	"staffdesk/backend/competitions"
)

const competitionsUsage = "competitions list | create --json-file F | open ID | import ID FILE | winners ID | claim ID SEQ claimed|declined|disqualified [--reason R] | expire ID | purge ID|--due | link-folder ID --mailbox M --folder F | notify ID"

const drawUsage = "draw commit ID | run ID [--public-value V] | certificate ID --out F [--entries F] | verify --certificate F --entries F"

// withCompetitions unlocks the store for one command and runs fn with the competitions service.
func (c *cli) withCompetitions(ctx context.Context, fn func(ctx context.Context, s *competitions.Service) error) error {
	return c.unlocked(ctx, func(s *Session) error {
		return s.Do(ctx, func(ctx context.Context, svc *Services) error { return fn(ctx, svc.Competitions) })
	})
}

func (c *cli) cmdCompetitions(ctx context.Context, args []string) error {
	var jsonFile, reason, mailbox, folder string
	var due bool
	pos, err := c.flags("competitions", args, func(fs *flag.FlagSet) {
		fs.StringVar(&jsonFile, "json-file", "", "the competition's details as a JSON `file`")
		fs.StringVar(&reason, "reason", "", "why a winner is disqualified")
		fs.BoolVar(&due, "due", false, "purge every competition past its retention period")
		fs.StringVar(&mailbox, "mailbox", "", "the `mailbox` whose folder takes entries by email")
		fs.StringVar(&folder, "folder", "", "the `folder` that takes entries by email")
	})
	if err != nil {
		return err
	}
	usage := usageError("usage: staffdesk " + competitionsUsage)
	if len(pos) == 0 {
		return usage
	}
	return c.withCompetitions(ctx, func(ctx context.Context, s *competitions.Service) error {
		switch {
		case pos[0] == "list" && len(pos) == 1:
			return c.listCompetitions(ctx, s)
		case pos[0] == "create" && len(pos) == 1 && jsonFile != "":
			return c.createCompetition(ctx, s, jsonFile)
		case pos[0] == "open" && len(pos) == 2:
			comp, err := s.OpenForEntries(ctx, pos[1])
			if err != nil {
				return err
			}
			return c.print(comp, fmt.Sprintf("Competition %s is open for entries.\n", comp.ID))
		case pos[0] == "import" && len(pos) == 3:
			return c.importEntries(ctx, s, pos[1], pos[2])
		case pos[0] == "winners" && len(pos) == 2:
			return c.printWinners(ctx, s, pos[1])
		case pos[0] == "claim" && len(pos) == 4:
			return c.setClaim(ctx, s, pos[1], pos[2], pos[3], reason)
		case pos[0] == "expire" && len(pos) == 2:
			n, err := s.ExpireClaims(ctx, pos[1])
			if err != nil {
				return err
			}
			return c.print(map[string]int{"expired": n}, fmt.Sprintf("%d claim(s) expired and passed to reserves.\n", n))
		case pos[0] == "purge" && (len(pos) == 2 || (len(pos) == 1 && due)):
			return c.purge(ctx, s, pos[1:])
		case pos[0] == "link-folder" && len(pos) == 2 && mailbox != "" && folder != "":
			l, err := s.LinkFolder(ctx, pos[1], mailbox, folder)
			if err != nil {
				return err
			}
			return c.print(l, fmt.Sprintf("Mail in %s/%s now enters competition %s at each sync.\n", l.Mailbox, l.Folder, l.CompetitionID))
		case pos[0] == "notify" && len(pos) == 2:
			return c.notify(ctx, s, pos[1])
		}
		return usage
	})
}

func (c *cli) listCompetitions(ctx context.Context, s *competitions.Service) error {
	list, err := s.List(ctx)
	if err != nil {
		return err
	}
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATUS\tCLOSES\tELIGIBLE\tENTRIES\tTITLE")
	for _, comp := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\n", comp.ID, comp.Status, comp.Details.ClosesAt.Format("2006-01-02 15:04"),
			comp.Counts.Eligible, comp.Counts.Entries, comp.Details.Title)
	}
	tw.Flush()
	return c.print(list, b.String())
}

func (c *cli) createCompetition(ctx context.Context, s *competitions.Service, file string) error {
	body, err := os.ReadFile(file)
	if err != nil {
		return apperr.Wrap(apperr.Invalid, err, "cannot read %s", file)
	}
	var d competitions.Details
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return apperr.New(apperr.Invalid, "%s is not a competition's details: %v", file, err)
	}
	comp, err := s.Create(ctx, d)
	if err != nil {
		return err
	}
	return c.print(comp, fmt.Sprintf("Created competition %s (%s), a draft: open it with `staffdesk competitions open %s`.\n",
		comp.ID, comp.Details.Title, comp.ID))
}

func (c *cli) importEntries(ctx context.Context, s *competitions.Service, id, file string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return apperr.Wrap(apperr.Invalid, err, "cannot read %s", file)
	}
	rep, err := s.Import(ctx, id, filepath.Base(file), data)
	if err != nil {
		return err
	}
	return c.print(rep, reportText(rep))
}

// reportText prints an import report for people, each list cut to its first 20 lines.
func reportText(r competitions.ImportReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Imported %s (%s): %d rows, %d accepted, %d duplicates set aside, %d ineligible, %d invalid.\n",
		r.FileName, r.Format, r.Rows, r.Accepted, r.Duplicates, r.Ineligible, r.Invalid)
	for _, rc := range r.ByReason {
		fmt.Fprintf(&b, "  ineligible, %s: %d\n", rc.Reason, rc.Count)
	}
	for i, g := range r.Groups {
		if i == 20 {
			fmt.Fprintf(&b, "  ... %d more groups of duplicates (--json lists them)\n", len(r.Groups)-20)
			break
		}
		fmt.Fprintf(&b, "  duplicate: kept %s, set aside %s (%s)\n", g.Kept, strings.Join(g.SetAside, ", "), g.Reason)
	}
	for i, e := range r.Ineligibles {
		if i == 20 {
			fmt.Fprintf(&b, "  ... %d more ineligible entries (--json lists them)\n", len(r.Ineligibles)-20)
			break
		}
		fmt.Fprintf(&b, "  line %d: %s is ineligible: %s\n", e.Line, e.EntryID, e.Reason)
	}
	for i, p := range r.InvalidRows {
		if i == 20 {
			fmt.Fprintf(&b, "  ... %d more invalid rows (--json lists them)\n", len(r.InvalidRows)-20)
			break
		}
		fmt.Fprintf(&b, "  line %d: invalid: %s\n", p.Line, p.Problem)
	}
	fmt.Fprintf(&b, "The competition now has %d eligible entries of %d.\n", r.Totals.Eligible, r.Totals.Entries)
	return b.String()
}

func (c *cli) printWinners(ctx context.Context, s *competitions.Service, id string) error {
	w, err := s.Winners(ctx, id)
	if err != nil {
		return err
	}
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SEQ\tPLACE\tENTRY\tRESERVE\tSTATUS\tDEADLINE\tNAME\tCOUNTY")
	for _, p := range w.Places {
		fmt.Fprintf(tw, "%d\t%d\t%s\t%d\t%s\t%s\t%s %s\t%s\n", p.Seq, p.Place, p.EntryID, p.ReserveRank, p.Status,
			p.Deadline.Format("2006-01-02"), p.FirstName, p.Surname, p.County)
	}
	tw.Flush()
	for _, pw := range w.Public {
		fmt.Fprintf(&b, "Public list: %d. %s %s, %s\n", pw.Place, pw.Initial, pw.Surname, pw.County)
	}
	return c.print(w, b.String())
}

func (c *cli) setClaim(ctx context.Context, s *competitions.Service, id, seqArg, status, reason string) error {
	seq, err := strconv.Atoi(seqArg)
	if err != nil {
		return usageError("claim: SEQ is the number in the first column of `staffdesk competitions winners ID`")
	}
	places, err := s.SetClaim(ctx, id, seq, status, reason)
	if err != nil {
		return err
	}
	return c.print(places, fmt.Sprintf("Recorded place assignment %d as %s.\n", seq, status))
}

func (c *cli) purge(ctx context.Context, s *competitions.Service, ids []string) error {
	if len(ids) == 0 {
		res, err := s.PurgeDue(ctx)
		if err != nil {
			return err
		}
		return c.print(res, fmt.Sprintf("Purged %d competition(s) past their retention period.\n", len(res)))
	}
	res, err := s.Purge(ctx, ids[0])
	if err != nil {
		return err
	}
	return c.print(res, fmt.Sprintf("Purged %d entries of competition %s; its certificate still verifies.\n", res.Entries, res.CompetitionID))
}

func (c *cli) notify(ctx context.Context, s *competitions.Service, id string) error {
	res, err := s.SendNotifications(ctx, id)
	if err != nil {
		return err
	}
	if len(res.Drafts) > 0 {
		var b strings.Builder
		fmt.Fprintf(&b, "No mailbox can send mail: %d notification(s) stay drafts.\n", len(res.Drafts))
		for _, d := range res.Drafts {
			fmt.Fprintf(&b, "\nTo: %s\nSubject: %s\n\n%s", d.To, d.Subject, d.Body)
		}
		return c.print(res, b.String())
	}
	return c.print(res, fmt.Sprintf("%d notification(s) queued, sent by the next sync (%d queued before).\n", res.Queued, res.AlreadyQueued))
}
