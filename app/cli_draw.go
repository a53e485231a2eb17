package app

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"staffdesk/backend/apperr"
	"staffdesk/backend/competitions"
)

func (c *cli) cmdDraw(ctx context.Context, args []string) error {
	var publicValue, out, entries, cert string
	pos, err := c.flags("draw", args, func(fs *flag.FlagSet) {
		fs.StringVar(&publicValue, "public-value", "", "the public `value` announced after the commit")
		fs.StringVar(&out, "out", "", "write the certificate to `file`")
		fs.StringVar(&entries, "entries", "", "the frozen list `file` (certificate: where to write it; verify: what to check)")
		fs.StringVar(&cert, "certificate", "", "the certificate `file` to verify")
	})
	if err != nil {
		return err
	}
	usage := usageError("usage: staffdesk " + drawUsage)
	switch {
	case len(pos) == 1 && pos[0] == "verify" && cert != "" && entries != "":
		return c.verifyDraw(ctx, cert, entries)
	case len(pos) == 2 && pos[0] == "commit":
		return c.withCompetitions(ctx, func(ctx context.Context, s *competitions.Service) error {
			st, err := s.Commit(ctx, pos[1])
			if err != nil {
				return err
			}
			return c.print(st, st.Notice)
		})
	case len(pos) == 2 && pos[0] == "run":
		return c.withCompetitions(ctx, func(ctx context.Context, s *competitions.Service) error {
			st, err := s.Run(ctx, pos[1], publicValue)
			if err != nil {
				return err
			}
			return c.print(st, drawText(st))
		})
	case len(pos) == 2 && pos[0] == "certificate" && out != "":
		return c.withCompetitions(ctx, func(ctx context.Context, s *competitions.Service) error {
			return c.writeCertificate(ctx, s, pos[1], out, entries)
		})
	}
	return usage
}

func drawText(st competitions.DrawState) string {
	s := fmt.Sprintf("Drawn %s by %s.\nSeed (now revealed): %s\nPublic value: %q\n", st.DrawnAt.Format("2006-01-02 15:04:05 MST"),
		st.DrawnBy, st.Seed, st.PublicValue)
	for i, w := range st.Winners {
		s += fmt.Sprintf("Winner %d: %s\n", i+1, w)
	}
	for i, r := range st.Reserves {
		s += fmt.Sprintf("Reserve %d: %s\n", i+1, r)
	}
	return s
}

// writeCertificate writes the certificate and, beside it unless --entries says where, the frozen list.
// Neither holds personal data: entries appear by id only.
func (c *cli) writeCertificate(ctx context.Context, s *competitions.Service, id, out, entries string) error {
	cert, err := s.Certificate(ctx, id)
	if err != nil {
		return err
	}
	list, err := s.FrozenList(ctx, id)
	if err != nil {
		return err
	}
	if entries == "" {
		entries = filepath.Join(filepath.Dir(out), cert.ListFileName)
	}
	if err := os.WriteFile(out, []byte(cert.HTML), 0o644); err != nil {
		return fmt.Errorf("write certificate: %w", err)
	}
	if err := os.WriteFile(entries, list, 0o644); err != nil {
		return fmt.Errorf("write frozen list: %w", err)
	}
	return c.print(map[string]string{"certificate": out, "entries": entries, "listHash": cert.ListHash},
		fmt.Sprintf("Wrote the certificate to %s and the frozen list to %s.\nCheck them with: staffdesk draw verify --certificate %s --entries %s\n",
			out, entries, out, entries))
}

// verifyDraw recomputes a draw offline: no store, no passphrase.
func (c *cli) verifyDraw(ctx context.Context, certFile, listFile string) error {
	cert, err := os.ReadFile(certFile)
	if err != nil {
		return apperr.Wrap(apperr.Invalid, err, "cannot read %s", certFile)
	}
	list, err := os.ReadFile(listFile)
	if err != nil {
		return apperr.Wrap(apperr.Invalid, err, "cannot read %s", listFile)
	}
	res := competitions.VerifyCertificate(ctx, cert, list)
	if !res.OK {
		if c.asJSON {
			c.print(res, "")
		}
		return apperr.New(apperr.Conflict, "verification FAILED: %s", res.Problem)
	}
	return c.print(res, fmt.Sprintf("Verified: %s. The frozen list (%d entries) matches hash %s, the seed matches its commitment, "+
		"and recomputing the draw gives the same %d winner(s) and %d reserve(s).\n", res.Title, res.Entries, res.ListHash,
		len(res.Winners), len(res.Reserves)))
}
