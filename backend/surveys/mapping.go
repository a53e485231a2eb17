package surveys

import (
	"strings"
)

// Mapping targets: "field:<name>" for a respondent field, "consent:sharing" or "consent:sensitive" for a
// consent box, "q:<question id>" for a question, and "ignore".
const (
	TargetIgnore           = "ignore"
	TargetConsentSharing   = "consent:sharing"
	TargetConsentSensitive = "consent:sensitive"
	fieldPrefix            = "field:"
	questionPrefix         = "q:"
)

// The respondent fields a column can fill.
const (
	fieldRespondent = "respondent_id"
	fieldCollector  = "collector"
	fieldStarted    = "started_at"
	fieldSubmitted  = "submitted_at"
	fieldIP         = "ip"
	fieldEmail      = "email"
	fieldFirst      = "first_name"
	fieldLast       = "last_name"
)

var respondentFields = []string{fieldRespondent, fieldCollector, fieldStarted, fieldSubmitted, fieldIP, fieldEmail, fieldFirst, fieldLast}

var fieldLabels = map[string]string{fieldRespondent: "Respondent ID", fieldCollector: "Collector", fieldStarted: "Started",
	fieldSubmitted: "Submitted", fieldIP: "IP address", fieldEmail: "Email address", fieldFirst: "First name", fieldLast: "Last name"}

// fieldAliases are the headings SurveyMonkey, LimeSurvey and our own CSV give the respondent's fields,
// normalised; "" marks columns that are known and never imported.
var fieldAliases = map[string]string{
	"respondent id": fieldRespondent, "response id": fieldRespondent, "id": fieldRespondent,
	"collector id": fieldCollector, "collector": fieldCollector,
	"start date": fieldStarted, "date started": fieldStarted, "startdate": fieldStarted, "started at": fieldStarted,
	"end date": fieldSubmitted, "date submitted": fieldSubmitted, "submitdate": fieldSubmitted, "submitted at": fieldSubmitted,
	"ip address": fieldIP, "ipaddr": fieldIP, "ip": fieldIP,
	"email address": fieldEmail, "email": fieldEmail,
	"first name": fieldFirst, "firstname": fieldFirst,
	"last name": fieldLast, "lastname": fieldLast, "surname": fieldLast,
	"custom data 1": "", "last page": "", "lastpage": "", "start language": "", "startlanguage": "", "seed": "",
	"date last action": "", "datestamp": "", "token": "", "referrer url": "", "refurl": "",
	"consent sharing": TargetConsentSharing, "consent sensitive": TargetConsentSensitive,
}

var sensitiveWords = []string{"sensitive", "special", "explicit", "health", "ethnic", "religio", "politic", "sex"}

// autoTarget guesses where a heading goes: a known field, a consent box, or the question whose text
// (or id) it matches, first exactly and then by containment.
func autoTarget(heading string, qs []Question) string {
	h := norm(heading)
	if f, ok := fieldAliases[h]; ok {
		switch {
		case f == "":
			return TargetIgnore
		case strings.Contains(f, ":"):
			return f
		}
		return fieldPrefix + f
	}
	for _, q := range qs {
		if h == norm(q.Text) || h == q.ID {
			return questionPrefix + q.ID
		}
	}
	if strings.Contains(h, "consent") {
		for _, w := range sensitiveWords {
			if strings.Contains(h, w) {
				return TargetConsentSensitive
			}
		}
		return TargetConsentSharing
	}
	for _, q := range qs {
		t := norm(q.Text)
		if len(h) >= 8 && len(t) >= 8 && (strings.Contains(h, t) || strings.Contains(t, h)) {
			return questionPrefix + q.ID
		}
	}
	return ""
}

// validTarget reports whether t names something this survey has.
func validTarget(t string, qs []Question) bool {
	switch {
	case t == "" || t == TargetIgnore || t == TargetConsentSharing || t == TargetConsentSensitive:
		return true
	case strings.HasPrefix(t, fieldPrefix):
		_, ok := fieldLabels[strings.TrimPrefix(t, fieldPrefix)]
		return ok
	case strings.HasPrefix(t, questionPrefix):
		return findQuestion(qs, strings.TrimPrefix(t, questionPrefix)) != nil
	}
	return false
}

func findQuestion(qs []Question, id string) *Question {
	for i := range qs {
		if qs[i].ID == id {
			return &qs[i]
		}
	}
	return nil
}

// resolveMapping gives every group of the file its target: the one asked for, else the saved one, else
// the automatic guess. It also returns whether each came from the guess.
func resolveMapping(lay layout, qs []Question, saved, asked map[string]string) ([]string, []bool) {
	targets, auto := make([]string, len(lay.groups)), make([]bool, len(lay.groups))
	for i, g := range lay.groups {
		if t, ok := asked[g.heading]; ok && validTarget(t, qs) {
			targets[i] = t
		} else if t, ok := saved[g.heading]; ok && validTarget(t, qs) {
			targets[i] = t
		} else {
			targets[i], auto[i] = autoTarget(g.heading, qs), true
		}
	}
	return targets, auto
}

// TargetOption is one choice of the mapping editor.
type TargetOption struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// targetOptions lists every target of a survey, fields first.
func targetOptions(qs []Question) []TargetOption {
	out := []TargetOption{{Value: TargetIgnore, Label: "Do not import"}}
	for _, f := range respondentFields {
		out = append(out, TargetOption{Value: fieldPrefix + f, Label: "Respondent: " + fieldLabels[f]})
	}
	out = append(out, TargetOption{Value: TargetConsentSharing, Label: "Consent: share with the third party"},
		TargetOption{Value: TargetConsentSensitive, Label: "Consent: sensitive answers (explicit)"})
	for _, q := range qs {
		out = append(out, TargetOption{Value: questionPrefix + q.ID, Label: q.ID + ": " + q.Text})
	}
	return out
}
