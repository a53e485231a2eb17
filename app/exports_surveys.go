package app

import (
	"context"
	"sort"
	"strings"

	"staffdesk/backend/surveys"
)

// surveySource streams a survey's respondents for an export. Answers to the survey's sensitive
// (special-category) questions never leave: consent to store them is not consent to share them.
type surveySource struct{ svc *surveys.Service }

// Title returns the survey's title.
func (s surveySource) Title(ctx context.Context, id string) (string, error) {
	sv, err := s.svc.Get(ctx, id)
	return sv.Details.Title, err
}

// Stream sends each respondent with the catalogue fields a survey holds; "answers" joins the answers to
// the non-sensitive questions as "Q1: answer; Q2: answer".
func (s surveySource) Stream(ctx context.Context, id string, fields []string, fn func(string, []string) error) error {
	sv, err := s.svc.Get(ctx, id)
	if err != nil {
		return err
	}
	var open []string
	for _, q := range sv.Details.Questions {
		if !q.Sensitive {
			open = append(open, q.ID)
		}
	}
	sort.Strings(open)
	values := make([]string, len(fields))
	var b strings.Builder
	return s.svc.Respondents(ctx, id, open, func(r surveys.Respondent) error {
		for i, f := range fields {
			switch f {
			case "first_name":
				values[i] = r.FirstName
			case "surname":
				values[i] = r.LastName
			case "email":
				values[i] = r.Email
			case "entered_at":
				values[i] = r.SubmittedAt.Format("2006-01-02 15:04:05")
			case "answers":
				b.Reset()
				for _, q := range open {
					if a, ok := r.Answers[q]; ok && a != "" {
						if b.Len() > 0 {
							b.WriteString("; ")
						}
						b.WriteString(q + ": " + a)
					}
				}
				values[i] = b.String()
			default:
				values[i] = ""
			}
		}
		return fn(r.Email, values)
	})
}
