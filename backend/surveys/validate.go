package surveys

import (
	"fmt"
	"regexp"
	"strings"

	"staffdesk/backend/apperr"
)

const (
	maxQuestions = 200
	maxOptions   = 100
)

var questionID = regexp.MustCompile(`^[a-z][a-z0-9_]{0,31}$`)

// normaliseDetails trims the text fields, fills defaults (no sharing, scale 1 to 5) and gives every
// question without an id the next free "qN".
func normaliseDetails(d Details) Details {
	d.Title, d.Purpose, d.Owner = strings.TrimSpace(d.Title), strings.TrimSpace(d.Purpose), strings.TrimSpace(d.Owner)
	d.Partner = strings.TrimSpace(d.Partner)
	if d.Sharing == "" {
		d.Sharing = SharingNone
	}
	if d.Sharing == SharingNone {
		d.Partner = ""
	}
	used := map[string]bool{}
	for _, q := range d.Questions {
		used[strings.TrimSpace(q.ID)] = true
	}
	next := 1
	qs := make([]Question, len(d.Questions))
	for i, q := range d.Questions {
		q.ID, q.Text = strings.ToLower(strings.TrimSpace(q.ID)), strings.TrimSpace(q.Text)
		for q.ID == "" {
			if id := fmt.Sprintf("q%d", next); !used[id] {
				q.ID, used[id] = id, true
			}
			next++
		}
		q.Options = trimOptions(q.Options)
		if q.Kind == Rating && q.ScaleMin == 0 && q.ScaleMax == 0 {
			q.ScaleMin, q.ScaleMax = 1, 5
		}
		if q.Kind != SingleChoice && q.Kind != MultipleChoice {
			q.Options, q.AllowOther = []string{}, false
		}
		q.ShowIf.Question, q.ShowIf.Answer = strings.ToLower(strings.TrimSpace(q.ShowIf.Question)), strings.TrimSpace(q.ShowIf.Answer)
		qs[i] = q
	}
	d.Questions = qs
	return d
}

func trimOptions(in []string) []string {
	out := []string{}
	for _, o := range in {
		if o = strings.TrimSpace(o); o != "" {
			out = append(out, o)
		}
	}
	return out
}

// validateDetails checks a survey's details and questions; the message names the first problem.
func validateDetails(d Details) error {
	switch {
	case d.Title == "":
		return invalid("a survey needs a title")
	case d.Purpose == "":
		return invalid("say what the survey is for (its purpose)")
	case d.Owner == "":
		return invalid("a survey needs an owner")
	case d.RetentionDays < 1 || d.RetentionDays > 3650:
		return invalid("the retention period must be between 1 and 3650 days")
	case d.Sharing != SharingNone && d.Sharing != SharingConsent:
		return invalid("sharing must be none or consent")
	case d.Sharing == SharingConsent && d.Partner == "":
		return invalid("name the third party answers may be shared with")
	case len(d.Questions) > maxQuestions:
		return invalid("a survey has at most %d questions", maxQuestions)
	}
	seen := map[string]int{}
	for i, q := range d.Questions {
		if err := validateQuestion(q, i+1, seen, d.Questions); err != nil {
			return err
		}
		seen[q.ID] = i
	}
	return nil
}

func validateQuestion(q Question, n int, seen map[string]int, all []Question) error {
	switch {
	case !questionID.MatchString(q.ID):
		return invalid("question %d: its id must be lower-case letters, digits or _, starting with a letter", n)
	case q.Text == "":
		return invalid("question %d has no text", n)
	case !validKind(q.Kind):
		return invalid("question %d: the type must be single, multiple, rating, text, number or date", n)
	case (q.Kind == SingleChoice || q.Kind == MultipleChoice) && len(q.Options) == 0:
		return invalid("question %d is a choice question: give it options", n)
	case len(q.Options) > maxOptions:
		return invalid("question %d has more than %d options", n, maxOptions)
	case q.Kind == Rating && (q.ScaleMin >= q.ScaleMax || q.ScaleMax-q.ScaleMin > 100):
		return invalid("question %d: the scale must go up, by at most 100 steps", n)
	}
	if _, dup := seen[q.ID]; dup {
		return invalid("question %d: the id %s is used twice", n, q.ID)
	}
	if q.ShowIf.Question == "" {
		return nil
	}
	at, ok := seen[q.ShowIf.Question]
	if !ok {
		return invalid("question %d can only depend on an earlier question", n)
	}
	if dep := all[at]; (dep.Kind == SingleChoice || dep.Kind == MultipleChoice) && !hasOption(dep, q.ShowIf.Answer) {
		return invalid("question %d depends on the answer %q, which %s does not offer", n, q.ShowIf.Answer, dep.ID)
	}
	if q.ShowIf.Answer == "" {
		return invalid("question %d: say which answer shows it", n)
	}
	return nil
}

func validKind(k Kind) bool {
	switch k {
	case SingleChoice, MultipleChoice, Rating, FreeText, Number, Date:
		return true
	}
	return false
}

func hasOption(q Question, answer string) bool {
	for _, o := range q.Options {
		if strings.EqualFold(o, answer) {
			return true
		}
	}
	return q.AllowOther && strings.EqualFold(answer, otherLabel)
}

func invalid(format string, args ...any) error { return apperr.New(apperr.Invalid, format, args...) }
