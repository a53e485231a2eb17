package surveys

import (
	"fmt"
	"strings"
	"testing"
)

// resultsFile is five respondents in our own CSV, chosen so every figure can be worked out by hand.
const resultsFile = `respondent_id,submitted_at,email,consent_sharing,consent_sensitive,q1,q2,q3,q4,q5,q6,q7
r1,2026-11-01T10:00:00Z,a@example.com,yes,yes,Under 1,Forum;App,10,The forum is great and the forum app,2,2027-01-05,No
r2,2026-11-01T12:00:00Z,b@example.com,yes,no,Under 1,Forum,8,More events,1,2027-02-01,Yes
r3,2026-11-02T09:00:00Z,c@example.com,no,yes,3-4 years,App;Newsletter,5,,3,,Yes
r4,2026-11-03T09:00:00Z,d@example.com,no,no,5 or older,,7,events events EVENTS,,,
r5,2026-11-03T19:00:00Z,e@example.com,yes,yes,3-4 years,Forum,,,4,,No
`

func TestResultsArithmetic(t *testing.T) {
	f := newFixture(t)
	sv := f.create(t, nil)
	if _, err := f.svc.Import(f.ctx, sv.ID, "r.csv", "", []byte(resultsFile), nil); err != nil {
		t.Fatal(err)
	}
	res, err := f.svc.Results(f.ctx, sv.ID, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Responses != 5 || !res.SmallGroup {
		t.Fatalf("responses %d small %v", res.Responses, res.SmallGroup)
	}
	q := byID(res)
	t.Run("single choice", func(t *testing.T) {
		wantOptions(t, q["q1"], "Under 1=2/40", "1-2 years=0/0", "3-4 years=2/40", "5 or older=1/20")
	})
	t.Run("multiple choice", func(t *testing.T) {
		if q["q2"].Answered != 4 {
			t.Fatalf("answered %d", q["q2"].Answered)
		}
		wantOptions(t, q["q2"], "Forum=3/75", "Newsletter=1/25", "App=2/50", "Local listings=0/0", "Other=0/0")
	})
	t.Run("scale", func(t *testing.T) {
		r := q["q3"]
		if !r.HasStats || r.Mean != 7.5 || r.Median != 7.5 || r.Min != 5 || r.Max != 10 || len(r.Histogram) != 11 {
			t.Fatalf("%+v", r)
		}
		if r.Histogram[10].Count != 1 || r.Histogram[8].Count != 1 || r.Histogram[0].Count != 0 {
			t.Fatalf("histogram %+v", r.Histogram)
		}
	})
	t.Run("number", func(t *testing.T) {
		r := q["q5"]
		if r.Mean != 2.5 || r.Median != 2.5 || r.Answered != 4 {
			t.Fatalf("%+v", r)
		}
		total := 0
		for _, b := range r.Histogram {
			total += b.Count
		}
		if total != 4 || r.Histogram[len(r.Histogram)-1].Count != 1 {
			t.Fatalf("histogram %+v", r.Histogram)
		}
	})
	t.Run("free text", func(t *testing.T) {
		r := q["q4"]
		if len(r.Words) < 2 || r.Words[0] != (WordCount{"events", 4}) || r.Words[1] != (WordCount{"forum", 2}) {
			t.Fatalf("words %+v", r.Words)
		}
		for _, w := range r.Words {
			if stopWords[w.Word] {
				t.Errorf("stop word %q counted", w.Word)
			}
		}
	})
	t.Run("branching and sensitive", func(t *testing.T) {
		if q["q6"].Shown != 2 || q["q6"].Answered != 2 {
			t.Fatalf("q6 shown %d answered %d", q["q6"].Shown, q["q6"].Answered)
		}
		// r2 and r4 gave no sensitive consent: only r1, r3, r5 answers are stored
		wantOptions(t, q["q7"], "Yes=1/33.3", "No=2/66.7", "Prefer not to say=0/0")
	})
	t.Run("timeline", func(t *testing.T) {
		got := fmt.Sprint(res.Timeline)
		if got != "[{2026-11-01 2} {2026-11-02 1} {2026-11-03 2}]" {
			t.Fatalf("timeline %s", got)
		}
	})
	t.Run("cross-tab filter", func(t *testing.T) {
		res, err := f.svc.Results(f.ctx, sv.ID, Filter{Question: "q1", Answer: "under 1"})
		if err != nil {
			t.Fatal(err)
		}
		q := byID(res)
		if res.Responses != 2 || res.Total != 5 || q["q3"].Mean != 9 {
			t.Fatalf("filtered: %d of %d, mean %v", res.Responses, res.Total, q["q3"].Mean)
		}
		wantOptions(t, q["q2"], "Forum=2/100", "Newsletter=0/0", "App=1/50", "Local listings=0/0", "Other=0/0")
		if _, err := f.svc.Results(f.ctx, sv.ID, Filter{Question: "q99", Answer: "x"}); err == nil {
			t.Fatal("a filter on a missing question was accepted")
		}
	})
}

func byID(res Results) map[string]QuestionResult {
	out := map[string]QuestionResult{}
	for _, q := range res.Questions {
		out[q.ID] = q
	}
	return out
}

func wantOptions(t *testing.T, q QuestionResult, want ...string) {
	t.Helper()
	var got []string
	for _, o := range q.Options {
		got = append(got, fmt.Sprintf("%s=%d/%v", o.Label, o.Count, o.Percent))
	}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("options %v, want %v", got, want)
	}
}

func TestValidateDetails(t *testing.T) {
	cases := map[string]struct {
		change func(d *Details)
		msg    string
	}{
		"no title":           {func(d *Details) { d.Title = " " }, "needs a title"},
		"bad retention":      {func(d *Details) { d.RetentionDays = 0 }, "retention period"},
		"sharing no partner": {func(d *Details) { d.Partner = "" }, "name the third party"},
		"choice no options":  {func(d *Details) { d.Questions[0].Options = nil }, "give it options"},
		"forward branch":     {func(d *Details) { d.Questions[0].ShowIf = Condition{Question: "q2", Answer: "Forum"} }, "earlier question"},
		"unknown answer":     {func(d *Details) { d.Questions[5].ShowIf.Answer = "Twins" }, "does not offer"},
		"duplicate id":       {func(d *Details) { d.Questions[1].ID = "q1" }, "used twice"},
		"bad scale":          {func(d *Details) { d.Questions[2].ScaleMin, d.Questions[2].ScaleMax = 5, 3 }, "scale must go up"},
		"bad kind":           {func(d *Details) { d.Questions[2].Kind = "slider" }, "the type must be"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			d := testDetails()
			c.change(&d)
			err := validateDetails(normaliseDetails(d))
			if err == nil || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("got %v, want %q", err, c.msg)
			}
		})
	}
	t.Run("ids given", func(t *testing.T) {
		d := testDetails()
		d.Questions[1].ID, d.Questions[3].ID = "", ""
		d = normaliseDetails(d)
		if d.Questions[1].ID != "q2" || d.Questions[3].ID != "q4" {
			t.Fatalf("ids %s %s", d.Questions[1].ID, d.Questions[3].ID)
		}
	})
}

// TestResultsAcrossChunks checks that tallying in parallel chunks adds up and stays repeatable.
func TestResultsAcrossChunks(t *testing.T) {
	f := newFixture(t)
	sv, err := f.svc.Create(f.ctx, benchDetails())
	if err != nil {
		t.Fatal(err)
	}
	const n = 3*chunkRows + 17
	if _, err := f.svc.Import(f.ctx, sv.ID, "b.csv", FormatCSV, benchFile(n), nil); err != nil {
		t.Fatal(err)
	}
	a, err := f.svc.Results(f.ctx, sv.ID, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := f.svc.Results(f.ctx, sv.ID, Filter{})
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatal("two runs over the same rows differ")
	}
	q := byID(a)
	days := 0
	for _, d := range a.Timeline {
		days += d.Count
	}
	if a.Responses != n || days != n || q["q3"].Answered != n || len(q["q2"].Histogram) != 10 {
		t.Fatalf("responses %d, days %d, q3 answered %d", a.Responses, days, q["q3"].Answered)
	}
	var first string
	f.svc.Respondents(f.ctx, sv.ID, []string{"q3"}, func(r Respondent) error {
		if first == "" {
			first = r.Answers["q3"]
		}
		return nil
	})
	if q["q3"].Samples[0] != first {
		t.Fatalf("first sample %q, want the first respondent's %q", q["q3"].Samples[0], first)
	}
}
