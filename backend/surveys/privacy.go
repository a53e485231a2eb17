package surveys

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"staffdesk/backend/actor"
	"staffdesk/backend/audit"
	"staffdesk/backend/privacy"
	"staffdesk/backend/store"
)

// AreaName names surveys in access files and erasure reports.
func (s *Service) AreaName() string { return "surveys" }

var memberColumns = []string{"survey", "title", "respondent id", "submitted at", "email", "first name", "last name",
	"ip address", "sharing consent", "sensitive consent", "answers"}

// MemberRecords lists the person's responses (matched on the email, ignoring case) with their answers,
// question by question. Admins only.
func (s *Service) MemberRecords(ctx context.Context, email string) (privacy.AreaRecords, error) {
	recs := privacy.AreaRecords{Area: s.AreaName(), Columns: memberColumns, Rows: [][]string{}}
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return recs, err
	}
	key := emailKey(email)
	if key == "" {
		return recs, nil
	}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		questions := map[string]map[string]string{}
		rows, err := store.Collect("member responses", func(r store.Scanner) ([]string, error) {
			row := make([]string, len(memberColumns))
			var sharing, sensitive bool
			var details string
			err := r.Scan(&row[0], &row[1], &details, &row[2], &row[3], &row[4], &row[5], &row[6], &row[7], &sharing, &sensitive, &row[10])
			row[8], row[9] = yesNo(sharing), yesNo(sensitive)
			if _, ok := questions[row[0]]; !ok {
				questions[row[0]] = questionTexts(details)
			}
			row[10] = answersForPeople(row[10], questions[row[0]])
			return row, err
		})(tx.QueryContext(ctx, `SELECT r.survey_id, s.title, s.details, r.respondent_id, r.submitted_at, r.email, r.first_name,
			r.last_name, r.ip, r.sharing_consent, r.sensitive_consent, r.answers
			FROM surveys_respondents r JOIN surveys s ON s.id = r.survey_id WHERE r.email = ? ORDER BY r.submitted_at`, key))
		recs.Rows = append(recs.Rows, rows...)
		return err
	})
	return recs, err
}

// PreviewErasure counts the responses EraseMember would delete. Admins only.
func (s *Service) PreviewErasure(ctx context.Context, email string) (privacy.ErasureCount, error) {
	c := privacy.ErasureCount{Area: s.AreaName()}
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return c, err
	}
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT count(*) FROM surveys_respondents WHERE email = ?`, emailKey(email)).Scan(&c.Deleted)
	})
	return c, err
}

// EraseMember deletes the person's responses, answers and all, in every survey. Results are computed from
// what is stored, so they no longer count them. Admins only.
func (s *Service) EraseMember(ctx context.Context, email string) (privacy.ErasureCount, error) {
	c := privacy.ErasureCount{Area: s.AreaName()}
	if _, err := actor.Require(ctx, actor.Admin); err != nil {
		return c, err
	}
	key := emailKey(email)
	if key == "" {
		return c, nil
	}
	err := s.db.Update(ctx, func(tx *sql.Tx) error {
		r, err := tx.ExecContext(ctx, `DELETE FROM surveys_respondents WHERE email = ?`, key)
		if err != nil {
			return fmt.Errorf("delete responses: %w", err)
		}
		n, _ := r.RowsAffected()
		if c.Deleted = int(n); n == 0 {
			return nil
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "survey.erase_member", ObjectType: "member",
			Details: map[string]string{"responses": strconv.FormatInt(n, 10)}})
	})
	return c, err
}

// Retention reports the responses kept longer than their survey's retention period (counted from each
// response's submission) and, unless dryRun, deletes them. Competition managers and admins.
func (s *Service) Retention(ctx context.Context, now time.Time, dryRun bool) ([]privacy.RetentionLine, error) {
	line := privacy.RetentionLine{Category: privacy.CategorySurveyResponses, Source: s.AreaName(),
		Period: "each survey's retention period", Reason: "the notice: kept for the period of the survey",
		Action: "delete the response and its answers"}
	list, err := s.List(ctx)
	if err != nil {
		return nil, err
	}
	err = s.db.Update(ctx, func(tx *sql.Tx) error {
		for _, sv := range list {
			cutoff := ts(now.AddDate(0, 0, -sv.Details.RetentionDays))
			var due int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM surveys_respondents WHERE survey_id = ? AND submitted_at < ?`,
				sv.ID, cutoff).Scan(&due); err != nil {
				return fmt.Errorf("count responses due: %w", err)
			}
			line.Due += due
			if dryRun || due == 0 {
				continue
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM surveys_respondents WHERE survey_id = ? AND submitted_at < ?`, sv.ID, cutoff); err != nil {
				return fmt.Errorf("delete responses due: %w", err)
			}
			line.Done += due
			if err := s.audit.Record(ctx, tx, audit.Event{Action: "survey.retention", ObjectType: "survey", ObjectID: sv.ID,
				Details: map[string]string{"deleted": strconv.Itoa(due)}}); err != nil {
				return err
			}
		}
		return nil
	})
	return []privacy.RetentionLine{line}, err
}

func emailKey(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

func questionTexts(details string) map[string]string {
	var d Details
	out := map[string]string{}
	if json.Unmarshal([]byte(details), &d) == nil {
		for _, q := range d.Questions {
			out[q.ID] = q.Text
		}
	}
	return out
}

// answersForPeople writes an encoded answers column as "Question: answer" lines.
func answersForPeople(enc string, texts map[string]string) string {
	var b strings.Builder
	eachAnswer(enc, func(q, vals string) {
		base, other := strings.CutSuffix(q, otherSuffix)
		label := texts[base]
		if label == "" {
			label = base
		}
		if other {
			label += " (other)"
		}
		fmt.Fprintf(&b, "%s: %s\n", label, strings.ReplaceAll(vals, unitSep, "; "))
	})
	return strings.TrimSuffix(b.String(), "\n")
}
