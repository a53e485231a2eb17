package surveys

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"staffdesk/backend/actor"
)

// Respondent is one stored response with who gave it and what they consented to. Answers maps question
// ids to the answer as text (several choices joined by "; ", an "Other" text after it).
type Respondent struct {
	RespondentID     string            `json:"respondentId"`
	Email            string            `json:"email"`
	FirstName        string            `json:"firstName"`
	LastName         string            `json:"lastName"`
	SubmittedAt      time.Time         `json:"submittedAt"`
	SharingConsent   bool              `json:"sharingConsent"`
	SensitiveConsent bool              `json:"sensitiveConsent"`
	Answers          map[string]string `json:"answers"`
}

// Respondents streams a survey's respondents, oldest first, with the answers to the questions named in
// fields (every question when fields is empty). It is for partner exports: the caller decides what the
// consent flags allow to leave; answers to sensitive questions exist only where SensitiveConsent is true.
func (s *Service) Respondents(ctx context.Context, surveyID string, fields []string, fn func(Respondent) error) error {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return err
	}
	return s.db.View(ctx, func(tx *sql.Tx) error {
		sv, err := load(ctx, tx, surveyID)
		if err != nil {
			return err
		}
		want := map[string]bool{}
		for _, f := range fields {
			if findQuestion(sv.Details.Questions, f) == nil {
				return invalid("survey %s has no question %s", surveyID, f)
			}
			want[f] = true
		}
		return eachRespondent(ctx, tx, surveyID, Filter{}, func(r Respondent) error {
			if len(want) > 0 {
				for q := range r.Answers {
					if !want[q] {
						delete(r.Answers, q)
					}
				}
			}
			return fn(r)
		})
	})
}

// eachRespondent reads a survey's respondents that f keeps, oldest first.
func eachRespondent(ctx context.Context, tx *sql.Tx, surveyID string, f Filter, fn func(Respondent) error) error {
	rows, err := tx.QueryContext(ctx, `SELECT respondent_id, email, first_name, last_name, submitted_at, sharing_consent,
		sensitive_consent, answers FROM surveys_respondents WHERE survey_id = ? ORDER BY submitted_at, respondent_id`, surveyID)
	if err != nil {
		return fmt.Errorf("read respondents: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r Respondent
		var submitted, enc string
		if err := rows.Scan(&r.RespondentID, &r.Email, &r.FirstName, &r.LastName, &submitted, &r.SharingConsent,
			&r.SensitiveConsent, &enc); err != nil {
			return fmt.Errorf("read respondents: %w", err)
		}
		if f.Question != "" && !matches(enc, f) {
			continue
		}
		r.SubmittedAt, r.Answers = parseTS(submitted), answerTexts(enc)
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read respondents: %w", err)
	}
	return nil
}

func answerTexts(enc string) map[string]string {
	out := map[string]string{}
	eachAnswer(enc, func(q, vals string) {
		if base, ok := strings.CutSuffix(q, otherSuffix); ok {
			out[base] += " (" + vals + ")"
			return
		}
		out[q] = strings.ReplaceAll(vals, unitSep, "; ")
	})
	return out
}

// writeResponses streams the raw responses sheet and returns its number of data rows.
func writeResponses(ctx context.Context, tx *sql.Tx, x *excelize.File, sv Survey, f Filter) (int, error) {
	if _, err := x.NewSheet(responsesSheet); err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	sw, err := x.NewStreamWriter(responsesSheet)
	if err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	identity := sv.Details.Sharing == SharingConsent
	header := []any{"Respondent ID", "Submitted (UTC)", "Sharing consent", "Sensitive consent"}
	if identity {
		header = append(header, "Email", "First name", "Last name")
	}
	for _, q := range sv.Details.Questions {
		header = append(header, safeText(q.ID+". "+q.Text))
	}
	if err := sw.SetRow("A1", header); err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	n := 0
	err = eachRespondent(ctx, tx, sv.ID, f, func(r Respondent) error {
		n++
		row := []any{safeText(r.RespondentID), r.SubmittedAt.Format("2006-01-02 15:04:05"), yesNo(r.SharingConsent), yesNo(r.SensitiveConsent)}
		if identity && r.SharingConsent {
			row = append(row, safeText(r.Email), safeText(r.FirstName), safeText(r.LastName))
		} else if identity {
			row = append(row, "", "", "")
		}
		for _, q := range sv.Details.Questions {
			row = append(row, safeText(r.Answers[q.ID]))
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+1)
		return sw.SetRow(cell, row)
	})
	if err != nil {
		return 0, fmt.Errorf("export responses: %w", err)
	}
	return n, sw.Flush()
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
