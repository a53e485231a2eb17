package app

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"staffdesk/backend/apperr"
	"staffdesk/backend/exports"
)

const partnersUsage = "partners list | add NAME --fields a,b [--contact-name N] [--contact-email E] [--sources competition:ID,survey:ID]"

const exportsUsage = "exports list | show ID | request --partner P --source competition:ID|survey:ID --fields a,b [--note N] | approve ID | refuse ID --reason R | run ID --out F.xlsx [--password-file F | --generate-password]"

// withExports unlocks the store for one command and runs fn with the exports service.
func (c *cli) withExports(ctx context.Context, fn func(ctx context.Context, s *exports.Service) error) error {
	return c.unlocked(ctx, func(s *Session) error {
		return s.Do(ctx, func(ctx context.Context, svc *Services) error { return fn(ctx, svc.Exports) })
	})
}

// commaList splits a comma-separated flag value, dropping blanks.
func commaList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func (c *cli) cmdPartners(ctx context.Context, args []string) error {
	var in exports.PartnerInput
	var fields, sources string
	pos, err := c.flags("partners", args, func(fs *flag.FlagSet) {
		fs.StringVar(&fields, "fields", "", "comma-separated catalogue `keys` the partner may receive")
		fs.StringVar(&sources, "sources", "", "comma-separated `competition:ID or survey:ID` the partner sponsors")
		fs.StringVar(&in.ContactName, "contact-name", "", "the partner's contact")
		fs.StringVar(&in.ContactEmail, "contact-email", "", "the contact's email")
	})
	if err != nil {
		return err
	}
	in.Fields = commaList(fields)
	for _, s := range commaList(sources) {
		ref, ok := exports.ParseSourceRef(s)
		if !ok {
			return usageError(fmt.Sprintf("partners: %q is not competition:ID or survey:ID", s))
		}
		in.Sources = append(in.Sources, ref)
	}
	usage := usageError("usage: staffdesk " + partnersUsage + "\nfields: " + catalogueKeys())
	if len(pos) == 0 {
		return usage
	}
	return c.withExports(ctx, func(ctx context.Context, s *exports.Service) error {
		switch {
		case pos[0] == "list" && len(pos) == 1:
			return c.listPartners(ctx, s)
		case pos[0] == "add" && len(pos) == 2:
			in.Name = pos[1]
			p, err := s.AddPartner(ctx, in)
			if err != nil {
				return err
			}
			return c.print(p, fmt.Sprintf("Partner %s (id %s) may receive %s; consent purpose %s.\n", p.Name, p.ID,
				strings.Join(p.Fields, ", "), p.Purpose))
		}
		return usage
	})
}

func catalogueKeys() string {
	keys := make([]string, len(exports.Catalogue))
	for i, f := range exports.Catalogue {
		keys[i] = f.Key
	}
	return strings.Join(keys, ", ")
}

func (c *cli) listPartners(ctx context.Context, s *exports.Service) error {
	list, err := s.Partners(ctx)
	if err != nil {
		return err
	}
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tCONTACT\tFIELDS\tSPONSORS")
	for _, p := range list {
		var src []string
		for _, r := range p.Sources {
			src = append(src, r.String())
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", p.ID, p.Name, p.ContactEmail, strings.Join(p.Fields, ","), strings.Join(src, ","))
	}
	tw.Flush()
	return c.print(list, b.String())
}

func (c *cli) cmdExports(ctx context.Context, args []string) error {
	var in exports.RequestInput
	var source, fields, reason, out, passwordFile string
	var generate bool
	pos, err := c.flags("exports", args, func(fs *flag.FlagSet) {
		fs.StringVar(&in.PartnerID, "partner", "", "partner `id`")
		fs.StringVar(&source, "source", "", "`competition:ID or survey:ID`")
		fs.StringVar(&fields, "fields", "", "comma-separated catalogue `keys`")
		fs.StringVar(&in.Note, "note", "", "why the export is needed")
		fs.StringVar(&reason, "reason", "", "why the export is refused")
		fs.StringVar(&out, "out", "", "the .xlsx `file` to write")
		fs.StringVar(&passwordFile, "password-file", "", "encrypt the file with the password in `file`")
		fs.BoolVar(&generate, "generate-password", false, "encrypt the file with a new password, printed once")
	})
	if err != nil {
		return err
	}
	usage := usageError("usage: staffdesk " + exportsUsage)
	if len(pos) == 0 {
		return usage
	}
	var id int64
	if len(pos) == 2 {
		if id, err = strconv.ParseInt(pos[1], 10, 64); err != nil {
			return usageError("exports: the request id must be a number")
		}
	}
	switch {
	case pos[0] == "approve" && len(pos) == 2:
		return c.approveExport(ctx, id)
	case pos[0] == "request" && len(pos) == 1:
		ref, ok := exports.ParseSourceRef(source)
		if !ok {
			return usageError("exports request: --source must be competition:ID or survey:ID")
		}
		in.Source, in.Fields = ref, commaList(fields)
	case pos[0] == "run" && len(pos) == 2:
		if passwordFile != "" && generate {
			return usageError("exports run: give --password-file or --generate-password, not both")
		}
	case (pos[0] == "show" && len(pos) == 2) || (pos[0] == "list" && len(pos) == 1) || (pos[0] == "refuse" && len(pos) == 2):
	default:
		return usage
	}
	opts := exports.RunOptions{Out: out, GeneratePassword: generate}
	if passwordFile != "" {
		b, err := os.ReadFile(passwordFile)
		if err != nil {
			return apperr.Wrap(apperr.Invalid, err, "cannot read password file %s", passwordFile)
		}
		if opts.Password = strings.TrimRight(string(b), "\r\n"); opts.Password == "" {
			return apperr.New(apperr.Invalid, "the password file %s is empty", passwordFile)
		}
	}
	return c.withExports(ctx, func(ctx context.Context, s *exports.Service) error {
		switch pos[0] {
		case "list":
			return c.listExports(ctx, s)
		case "show":
			r, err := s.Request(ctx, id)
			if err != nil {
				return err
			}
			return c.print(r, describeRequest(r))
		case "request":
			r, err := s.RequestExport(ctx, in)
			if err != nil {
				return err
			}
			return c.print(r, fmt.Sprintf("Export request %d recorded: another operator must approve it (staffdesk --operator NAME exports approve %d).\n", r.ID, r.ID))
		case "refuse":
			r, err := s.Refuse(ctx, id, reason)
			if err != nil {
				return err
			}
			return c.print(r, fmt.Sprintf("Export request %d refused.\n", r.ID))
		}
		res, err := s.Run(ctx, id, opts)
		if err != nil {
			return err
		}
		text := fmt.Sprintf("Wrote %d people to %s (%d data sheet(s)); SHA-256 %s.\n", res.Rows, res.File, res.Sheets, res.SHA256)
		for _, e := range res.Excluded {
			text += fmt.Sprintf("Excluded, %s: %d.\n", e.Reason, e.Count)
		}
		if res.Password != "" {
			text += "Password (shown once, send it to the partner separately): " + res.Password + "\n"
		}
		return c.print(res, text)
	})
}

// approveExport unlocks as the approver (--operator) and proves it again with the same passphrase.
func (c *cli) approveExport(ctx context.Context, id int64) error {
	pass, err := c.passphrases().read("Passphrase of the approver: ", false)
	if err != nil {
		return err
	}
	s := NewSession(c.config(), nil)
	a, err := s.Unlock(ctx, c.operator, pass)
	if err != nil {
		return err
	}
	defer s.Lock()
	return s.Do(ctx, func(ctx context.Context, svc *Services) error {
		r, err := svc.Exports.Approve(ctx, id, a.Name, pass)
		if err != nil {
			return err
		}
		return c.print(r, fmt.Sprintf("Export request %d approved by %s: it may now run once.\n", r.ID, a.Name))
	})
}

func (c *cli) listExports(ctx context.Context, s *exports.Service) error {
	list, err := s.Requests(ctx)
	if err != nil {
		return err
	}
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATUS\tPARTNER\tSOURCE\tFIELDS\tREQUESTED BY\tDECIDED BY\tROWS")
	for _, r := range list {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", r.ID, r.Status, r.PartnerID, r.Source.String(),
			strings.Join(r.Fields, ","), r.RequestedBy, r.DecidedBy, r.Rows)
	}
	tw.Flush()
	return c.print(list, b.String())
}

func describeRequest(r exports.Request) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Export request %d: %s\n", r.ID, r.Status)
	fmt.Fprintf(&b, "Partner:   %s (%s)\nSource:    %s %s\nFields:    %s\nConsent:   %s\n", r.PartnerName, r.PartnerID,
		r.Source.String(), r.Source.Title, strings.Join(r.Fields, ", "), r.Purpose)
	fmt.Fprintf(&b, "Requested: %s at %s\n", r.RequestedBy, r.RequestedAt.Format("2006-01-02 15:04"))
	if r.DecidedBy != "" {
		fmt.Fprintf(&b, "Decided:   %s at %s %s\n", r.DecidedBy, r.DecidedAt.Format("2006-01-02 15:04"), r.Refusal)
	}
	if r.Status == exports.Done {
		fmt.Fprintf(&b, "Ran:       %s at %s: %d rows to %s, SHA-256 %s\n", r.RanBy, r.RanAt.Format("2006-01-02 15:04"), r.Rows,
			r.FileName, r.SHA256)
	}
	return b.String()
}
