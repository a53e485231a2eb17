package app

import (
	"context"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"staffdesk/backend/surveys"
)

// demoSurveyQuestions is the demo survey: every question type, an "Other" option, a branch and a
// sensitive (health) question.
var demoSurveyQuestions = []surveys.Question{
	{ID: "q1", Text: "How old is your youngest child?", Kind: surveys.SingleChoice,
		Options: []string{"Expecting", "Under 1", "1-2 years", "3-4 years", "5-11 years", "12 or older"}},
	{ID: "q2", Text: "Which parts of the site do you use?", Kind: surveys.MultipleChoice,
		Options: []string{"Forum", "Newsletter", "App", "Local listings", "Competitions"}, AllowOther: true},
	{ID: "q3", Text: "How likely are you to recommend us to a friend?", Kind: surveys.Rating, ScaleMin: 0, ScaleMax: 10},
	{ID: "q4", Text: "What could we do better?", Kind: surveys.FreeText},
	{ID: "q5", Text: "How many children do you have?", Kind: surveys.Number},
	{ID: "q6", Text: "When is your baby due?", Kind: surveys.Date, ShowIf: surveys.Condition{Question: "q1", Answer: "Expecting"}},
	{ID: "q7", Text: "Does anyone in your family have a long-term health condition?", Kind: surveys.SingleChoice,
		Options: []string{"Yes", "No", "Prefer not to say"}, Sensitive: true},
}

var demoComments = []string{"More local events for toddlers please", "The app is slow to load the forum",
	"Fewer adverts on the forum pages", "Better search for local nurseries", "Weaning advice was brilliant",
	"Sleep advice for older babies", "Newsletter is too frequent", "More dads in the forum would be nice",
	"Search never finds the thread I want", "Love the local listings, more reviews please", "", "", ""}

var demoOthers = []string{"Podcasts", "Baby groups", "Instagram", "Facebook group"}

// seedSurveysDemo adds a survey of a few thousand responses in SurveyMonkey's export shape, with mixed
// consent to sharing and to the sensitive question, imported through the SurveyMonkey importer.
func seedSurveysDemo(ctx context.Context, svc *Services, now time.Time) error {
	sv, err := svc.Surveys.Create(ctx, surveys.Details{Title: "Family life survey 2026", Purpose: "Research with Acme Research on what parents need from the site",
		Owner: "cleo", RetentionDays: 365, Sharing: surveys.SharingConsent, Partner: "Acme Research", Questions: demoSurveyQuestions})
	if err != nil {
		return fmt.Errorf("create demo survey: %w", err)
	}
	data := demoSurveyFile(2500, now, rand.New(rand.NewPCG(6, 2026)))
	if _, err := svc.Surveys.Import(ctx, sv.ID, "family-life-2026.csv", surveys.FormatSurveyMonkey, data, nil); err != nil {
		return fmt.Errorf("import demo responses: %w", err)
	}
	_, err = svc.Surveys.Create(ctx, surveys.Details{Title: "Newsletter poll", Purpose: "Which newsletter topics to keep",
		Owner: "cleo", RetentionDays: 90, Sharing: surveys.SharingNone, Questions: []surveys.Question{
			{ID: "q1", Text: "Which topics do you read?", Kind: surveys.MultipleChoice, Options: []string{"Pregnancy", "Baby", "Toddler", "School", "Recipes"}}}})
	return err
}

// demoSurveyFile writes n made-up responses as SurveyMonkey's "all responses" CSV: two header rows.
func demoSurveyFile(n int, now time.Time, r *rand.Rand) []byte {
	var b strings.Builder
	w := csv.NewWriter(&b)
	q := demoSurveyQuestions
	w.Write([]string{"Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name", "Last Name",
		"Custom Data 1", q[0].Text, q[1].Text, "", "", "", "", "", q[2].Text, q[3].Text, q[4].Text, q[5].Text, q[6].Text,
		"I consent to my answers being shared with Acme Research", "I give my explicit consent to Netmums storing my answer about health"})
	w.Write([]string{"", "", "", "", "", "", "", "", "", "Response", "Forum", "Newsletter", "App", "Local listings", "Competitions",
		"Other (please specify)", "Response", "Open-Ended Response", "Response", "Response", "Response", "Yes", "Yes"})
	for i := 0; i < n; i++ {
		w.Write(demoSurveyRow(i, now, r))
	}
	w.Flush()
	return []byte(b.String())
}

func demoSurveyRow(i int, now time.Time, r *rand.Rand) []string {
	end := now.Add(-time.Duration(r.Int64N(int64(28 * 24 * time.Hour))))
	first, last := demoFirstNames[r.IntN(len(demoFirstNames))], demoSurnames[r.IntN(len(demoSurnames))]
	email := strings.ToLower(asciiFold(first)) + "." + strconv.Itoa(i) + "@" + demoDomains[r.IntN(len(demoDomains))]
	age := demoSurveyQuestions[0].Options[r.IntN(6)]
	row := []string{strconv.Itoa(11800000 + i), "4411", end.Add(-6 * time.Minute).Format("01/02/2006 03:04:05 PM"),
		end.Format("01/02/2006 03:04:05 PM"), fmt.Sprintf("81.2.%d.%d", r.IntN(255), r.IntN(255)), email, first, last, "", age}
	for _, o := range demoSurveyQuestions[1].Options {
		row = append(row, pick(r.IntN(3) == 0, o))
	}
	row = append(row, pick(r.IntN(12) == 0, demoOthers[r.IntN(len(demoOthers))]))
	score := min(10, max(0, 7+r.IntN(5)-r.IntN(5)))
	due := ""
	if age == "Expecting" {
		due = now.AddDate(0, 0, 14+r.IntN(200)).Format("01/02/2006")
	}
	row = append(row, strconv.Itoa(score), demoComments[r.IntN(len(demoComments))], strconv.Itoa(1+r.IntN(4)), due,
		[]string{"Yes", "No", "No", "Prefer not to say"}[r.IntN(4)], pick(r.IntN(3) != 0, "Yes"), pick(r.IntN(2) == 0, "Yes"))
	return row
}

func pick(ok bool, v string) string {
	if ok {
		return v
	}
	return ""
}
