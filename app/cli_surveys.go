package app

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"staffdesk/backend/apperr"
	"staffdesk/backend/surveys"
)

const surveysUsage = "surveys list | create --json-file F | import ID FILE [--format surveymonkey|limesurvey|csv] [--mapping-file F] | results ID [--filter Q=ANSWER] | export ID --out F.xlsx [--filter Q=ANSWER] | delete ID"

// withSurveys unlocks the store for one command and runs fn with the surveys service.
func (c *cli) withSurveys(ctx context.Context, fn func(ctx context.Context, s *surveys.Service) error) error {
	return c.unlocked(ctx, func(s *Session) error {
		return s.Do(ctx, func(ctx context.Context, svc *Services) error { return fn(ctx, svc.Surveys) })
	})
}

type surveyFlags struct{ jsonFile, format, mappingFile, filter, out string }

func (c *cli) cmdSurveys(ctx context.Context, args []string) error {
	var fl surveyFlags
	pos, err := c.flags("surveys", args, func(fs *flag.FlagSet) {
		fs.StringVar(&fl.jsonFile, "json-file", "", "the survey's details and questions as a JSON `file`")
		fs.StringVar(&fl.format, "format", "", "the file's `format`: surveymonkey, limesurvey or csv (default: detected)")
		fs.StringVar(&fl.mappingFile, "mapping-file", "", "a JSON `file` mapping file headings to q:ID, field:NAME, consent:sharing|sensitive or ignore")
		fs.StringVar(&fl.filter, "filter", "", "keep respondents who gave an answer: `QUESTION=ANSWER`")
		fs.StringVar(&fl.out, "out", "", "the .xlsx `file` to write")
	})
	if err != nil {
		return err
	}
	usage := usageError("usage: staffdesk " + surveysUsage)
	filter, ok := parseFilter(fl.filter)
	if len(pos) == 0 || !ok {
		return usage
	}
	return c.withSurveys(ctx, func(ctx context.Context, s *surveys.Service) error {
		switch {
		case pos[0] == "list" && len(pos) == 1:
			return c.listSurveys(ctx, s)
		case pos[0] == "create" && len(pos) == 1 && fl.jsonFile != "":
			return c.createSurvey(ctx, s, fl.jsonFile)
		case pos[0] == "import" && len(pos) == 3:
			return c.importResponses(ctx, s, pos[1], pos[2], fl)
		case pos[0] == "results" && len(pos) == 2:
			return c.surveyResults(ctx, s, pos[1], filter)
		case pos[0] == "export" && len(pos) == 2 && fl.out != "":
			return c.exportSurvey(ctx, s, pos[1], fl.out, filter)
		case pos[0] == "delete" && len(pos) == 2:
			if err := s.Delete(ctx, pos[1]); err != nil {
				return err
			}
			return c.print(map[string]string{"deleted": pos[1]}, fmt.Sprintf("Deleted survey %s and its responses.\n", pos[1]))
		}
		return usage
	})
}

func parseFilter(v string) (surveys.Filter, bool) {
	if v == "" {
		return surveys.Filter{}, true
	}
	q, a, ok := strings.Cut(v, "=")
	return surveys.Filter{Question: strings.TrimSpace(q), Answer: strings.TrimSpace(a)}, ok && strings.TrimSpace(q) != ""
}

func (c *cli) listSurveys(ctx context.Context, s *surveys.Service) error {
	list, err := s.List(ctx)
	if err != nil {
		return err
	}
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tRESPONSES\tQUESTIONS\tSHARING\tTITLE")
	for _, sv := range list {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", sv.ID, sv.Responses, len(sv.Details.Questions), sv.Details.Sharing, sv.Details.Title)
	}
	tw.Flush()
	return c.print(list, b.String())
}

func readJSONFile(file string, v any, what string) error {
	body, err := os.ReadFile(file)
	if err != nil {
		return apperr.Wrap(apperr.Invalid, err, "cannot read %s", file)
	}
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return apperr.New(apperr.Invalid, "%s is not %s: %v", file, what, err)
	}
	return nil
}

func (c *cli) createSurvey(ctx context.Context, s *surveys.Service, file string) error {
	var d surveys.Details
	if err := readJSONFile(file, &d, "a survey's details"); err != nil {
		return err
	}
	sv, err := s.Create(ctx, d)
	if err != nil {
		return err
	}
	return c.print(sv, fmt.Sprintf("Created survey %s (%s) with %d questions.\n", sv.ID, sv.Details.Title, len(sv.Details.Questions)))
}

func (c *cli) importResponses(ctx context.Context, s *surveys.Service, id, file string, fl surveyFlags) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return apperr.Wrap(apperr.Invalid, err, "cannot read %s", file)
	}
	var mapping map[string]string
	if fl.mappingFile != "" {
		if err := readJSONFile(fl.mappingFile, &mapping, "a column mapping"); err != nil {
			return err
		}
	}
	rep, err := s.Import(ctx, id, filepath.Base(file), fl.format, data, mapping)
	if err != nil {
		return err
	}
	return c.print(rep, surveyReportText(rep))
}

// surveyReportText prints an import report for people, its problems cut to the first 20.
func surveyReportText(r surveys.ImportReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Imported %s (%s): %d rows, %d added, %d updated, %d unchanged, %d incomplete skipped.\n",
		r.FileName, r.Format, r.Rows, r.Added, r.Updated, r.Unchanged, r.Incomplete)
	if r.SensitiveWithheld > 0 {
		fmt.Fprintf(&b, "Not stored: %d answers to sensitive questions from %d respondents without explicit consent.\n",
			r.SensitiveAnswers, r.SensitiveWithheld)
	}
	if r.IPDropped {
		b.WriteString("IP addresses were dropped: the survey does not keep them.\n")
	}
	fmt.Fprintf(&b, "Consents recorded in the ledger: %d.\n", r.ConsentsRecorded)
	if len(r.Unmapped) > 0 {
		fmt.Fprintf(&b, "Columns not imported (no matching question): %s\n", strings.Join(r.Unmapped, "; "))
	}
	for i, p := range r.Problems {
		if i == 20 {
			fmt.Fprintf(&b, "  ... %d more unreadable answers (--json lists up to 200)\n", r.InvalidAnswers-20)
			break
		}
		fmt.Fprintf(&b, "  line %d, column %d: %s\n", p.Line, p.Column, p.Problem)
	}
	fmt.Fprintf(&b, "The survey now has %d responses.\n", r.Total)
	return b.String()
}

func (c *cli) surveyResults(ctx context.Context, s *surveys.Service, id string, f surveys.Filter) error {
	res, err := s.Results(ctx, id, f)
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d responses", res.Title, res.Responses)
	if f.Question != "" {
		fmt.Fprintf(&b, " of %d (%s = %s)", res.Total, f.Question, f.Answer)
	}
	b.WriteString("\n")
	for _, q := range res.Questions {
		fmt.Fprintf(&b, "\n%s. %s (%d answered)\n", q.ID, q.Text, q.Answered)
		for _, o := range q.Options {
			fmt.Fprintf(&b, "  %-40s %6d  %5.1f%%\n", o.Label, o.Count, o.Percent)
		}
		if q.HasStats {
			fmt.Fprintf(&b, "  mean %.2f, median %g, from %g to %g\n", q.Mean, q.Median, q.Min, q.Max)
		}
		for i, w := range q.Words {
			if i == 10 {
				break
			}
			fmt.Fprintf(&b, "  %-40s %6d\n", w.Word, w.Count)
		}
	}
	return c.print(res, b.String())
}

func (c *cli) exportSurvey(ctx context.Context, s *surveys.Service, id, out string, f surveys.Filter) error {
	wb, err := s.ExportXLSX(ctx, id, f)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, wb.Data, 0o600); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	return c.print(map[string]any{"file": out, "rows": wb.Rows}, fmt.Sprintf("Wrote %s: the summary with charts and %d responses.\n", out, wb.Rows))
}
