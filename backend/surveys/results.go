package surveys

import (
	"context"
	"database/sql"
	"strings"

	"staffdesk/backend/actor"
	"staffdesk/backend/apperr"
)

// SmallGroup is the number of answers under which results carry a warning: too few to read much into.
const SmallGroup = 30

// Filter keeps only respondents who gave Answer to Question (a cross-tab); empty keeps everyone.
type Filter struct {
	Question string `json:"question"`
	Answer   string `json:"answer"`
}

// OptionCount is how many respondents chose one answer, and their share of those who answered.
type OptionCount struct {
	Label   string  `json:"label"`
	Count   int     `json:"count"`
	Percent float64 `json:"percent"`
}

// Bin is one bar of a histogram: answers from From up to (not including) To, or equal to From for a scale.
type Bin struct {
	Label string  `json:"label"`
	From  float64 `json:"from"`
	To    float64 `json:"to"`
	Count int     `json:"count"`
}

// WordCount is how often a word appears in a free-text question's answers.
type WordCount struct {
	Word  string `json:"word"`
	Count int    `json:"count"`
}

// QuestionResult sums up one question's answers.
type QuestionResult struct {
	ID         string        `json:"id"`
	Text       string        `json:"text"`
	Kind       Kind          `json:"kind"`
	Sensitive  bool          `json:"sensitive"`
	Shown      int           `json:"shown"`
	Answered   int           `json:"answered"`
	Options    []OptionCount `json:"options"`
	HasStats   bool          `json:"hasStats"`
	Mean       float64       `json:"mean"`
	Median     float64       `json:"median"`
	Min        float64       `json:"min"`
	Max        float64       `json:"max"`
	Histogram  []Bin         `json:"histogram"`
	Words      []WordCount   `json:"words"`
	Samples    []string      `json:"samples"`
	OtherTexts []string      `json:"otherTexts"`
	SmallGroup bool          `json:"smallGroup"`
}

// DayCount is how many responses were submitted on one day (YYYY-MM-DD, UTC).
type DayCount struct {
	Date  string `json:"date"`
	Count int    `json:"count"`
}

// Results are a survey's results, for everyone or for the respondents the filter keeps.
type Results struct {
	SurveyID   string           `json:"surveyId"`
	Title      string           `json:"title"`
	Responses  int              `json:"responses"`
	Total      int              `json:"total"`
	Filter     Filter           `json:"filter"`
	Questions  []QuestionResult `json:"questions"`
	Timeline   []DayCount       `json:"timeline"`
	SmallGroup bool             `json:"smallGroup"`
}

// Results computes a survey's results: counts and percentages per answer, mean and median for scales
// and numbers, word frequencies for free text, and responses per day, for the respondents f keeps.
func (s *Service) Results(ctx context.Context, id string, f Filter) (Results, error) {
	if _, err := actor.Require(ctx, managers...); err != nil {
		return Results{}, err
	}
	var res Results
	err := s.db.View(ctx, func(tx *sql.Tx) error {
		sv, err := load(ctx, tx, id)
		if err != nil {
			return err
		}
		if f.Question != "" && findQuestion(sv.Details.Questions, f.Question) == nil {
			return apperr.New(apperr.Invalid, "survey %s has no question %s to filter by", id, f.Question)
		}
		res, err = compute(ctx, tx, sv, f)
		return err
	})
	return res, err
}

// matches reports whether an encoded row gave answer to question.
func matches(enc string, f Filter) bool {
	found := false
	eachAnswer(enc, func(q, vals string) {
		if q == f.Question && !found {
			eachValue(vals, func(v string) { found = found || strings.EqualFold(v, f.Answer) })
		}
	})
	return found
}
