package competitions

import (
	"testing"
	"time"
)

func TestEmailKey(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"case and spaces", "  Jo.Bloggs@Example.COM ", "jo.bloggs@example.com"},
		{"gmail dots", "jo.blog.gs@gmail.com", "jobloggs@gmail.com"},
		{"gmail plus tag", "joblOggs+comps@gmail.com", "jobloggs@gmail.com"},
		{"googlemail is gmail", "Jo.Bloggs+x@googlemail.com", "jobloggs@gmail.com"},
		{"outlook plus tag, dots kept", "jo.bloggs+win@outlook.com", "jo.bloggs@outlook.com"},
		{"other provider keeps dots and plus", "jo.bloggs+x@example.co.uk", "jo.bloggs+x@example.co.uk"},
		{"not an email", "jo bloggs", ""},
		{"no domain dot", "jo@localhost", ""},
		{"only a tag", "+x@gmail.com", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := EmailKey(tc.in); got != tc.want {
				t.Fatalf("EmailKey(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestAgeOnTheClosingDate(t *testing.T) {
	cases := []struct {
		name      string
		born, day date
		want      int
	}{
		{"the day before the 18th birthday", date{2008, 3, 10}, date{2026, 3, 9}, 17},
		{"on the 18th birthday", date{2008, 3, 10}, date{2026, 3, 10}, 18},
		{"leap-day birth, 28 Feb of a common year", date{2008, 2, 29}, date{2026, 2, 28}, 17},
		{"leap-day birth, 1 Mar of a common year", date{2008, 2, 29}, date{2026, 3, 1}, 18},
		{"leap-day birth, 29 Feb of a leap year", date{2010, 2, 29}, date{2028, 2, 29}, 18},
		{"leap-day birth, 28 Feb of a leap year", date{2010, 2, 29}, date{2028, 2, 28}, 17},
		{"born on 31 Dec", date{2000, 12, 31}, date{2018, 12, 30}, 17},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := ageOn(tc.born, tc.day); got != tc.want {
				t.Fatalf("ageOn(%v, %v) = %d, want %d", tc.born, tc.day, got, tc.want)
			}
		})
	}
}

func TestCleanName(t *testing.T) {
	cases := []struct {
		name, in, want string
		ok             bool
	}{
		{"decomposed accent becomes NFC", "Zoe\u0308", "Zo\u00eb", true},
		{"Welsh circumflex", " Siân ", "Siân", true},
		{"apostrophe and hyphen", "O'Brien-Smith", "O'Brien-Smith", true},
		{"Polish", "Łukasz", "Łukasz", true},
		{"Chinese", "王芳", "王芳", true},
		{"spaces collapse", "Mary  Jane", "Mary Jane", true},
		{"zero-width space refused", "Jo\u200bhn", "", false},
		{"control character refused", "Jo\x07hn", "", false},
		{"empty refused", "   ", "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := cleanName(tc.in)
			if got != tc.want || ok != tc.ok {
				t.Fatalf("cleanName(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
	if got := initial("émile"); got != "É." {
		t.Fatalf("initial(émile) = %q", got)
	}
}

func testDetails() Details {
	return normaliseDetails(Details{Title: "Pushchair", Sponsor: "Acme", Prize: "A pushchair",
		OpensAt: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), ClosesAt: time.Date(2026, 3, 31, 23, 0, 0, 0, time.UTC),
		Question: "What colour is the sky?", Answer: "Blue", Winners: 1, Reserves: 1, ClaimDays: 14, RetentionDays: 90,
		Rules: Rules{MinAge: 18, ExcludedDomains: []string{"staff.example", "acme.example"}, PastWinnerMonths: 6}})
}

func TestCheckerReasons(t *testing.T) {
	ok := row{submitted: time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC), emailKey: "jo@example.com",
		dob: date{1990, 1, 1}, country: "United Kingdom", answer: " blue. "}
	chk := newChecker(testDetails(), map[string]bool{EmailHash("winner@example.com"): true})
	cases := []struct {
		name   string
		change func(r *row)
		want   string
	}{
		{"eligible", func(r *row) {}, ""},
		{"before opening", func(r *row) { r.submitted = time.Date(2026, 2, 28, 23, 59, 0, 0, time.UTC) }, ReasonWindow},
		{"at closing time", func(r *row) { r.submitted = time.Date(2026, 3, 31, 23, 0, 0, 0, time.UTC) }, ReasonWindow},
		{"wrong answer", func(r *row) { r.answer = "green" }, ReasonAnswer},
		{"country alias", func(r *row) { r.country = canonicalCountry("scotland") }, ""},
		{"country not allowed", func(r *row) { r.country = canonicalCountry("France") }, ReasonCountry},
		// 23:00 UTC on 31 March 2026 is midnight BST: the closing day in London is 1 April
		{"18 on the closing day in London", func(r *row) { r.dob = date{2008, 4, 1} }, ""},
		{"18 the day after closing", func(r *row) { r.dob = date{2008, 4, 2} }, ReasonAge},
		{"staff domain", func(r *row) { r.emailKey = "me@staff.example" }, ReasonDomain},
		{"sponsor subdomain", func(r *row) { r.emailKey = "me@mail.acme.example" }, ReasonDomain},
		{"lookalike domain allowed", func(r *row) { r.emailKey = "me@notstaff.example" }, ""},
		{"past winner", func(r *row) { r.emailKey = "winner@example.com" }, ReasonPastWinner},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := ok
			tc.change(&r)
			if got := chk.reason(&r); got != tc.want {
				t.Fatalf("reason = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestEvaluateDuplicatesAndHouseholds(t *testing.T) {
	cands := []candidate{
		{id: "A", submitted: 30, order: 1, emailKey: "jo@gmail.com", household: "SW1A1AA|1 high street"},
		{id: "B", submitted: 10, order: 2, emailKey: "jo@gmail.com", household: "SW1A1AA|1 high street"},
		{id: "C", submitted: 5, order: 3, emailKey: "jo@gmail.com", own: ReasonWindow},
		{id: "D", submitted: 20, order: 4, emailKey: "sam@example.com", household: "SW1A1AA|1 high street"},
		{id: "E", submitted: 1, order: 5, emailKey: "kim@example.com", own: ReasonAnswer, household: "SW1A1AA|1 high street"},
		{id: "F", submitted: 20, order: 6, emailKey: "max@example.com", household: "E11AA|2 low road"},
	}
	cases := []struct {
		name      string
		household bool
		want      map[string]verdict
	}{
		{"person only", false, map[string]verdict{
			"A": {"duplicate", ReasonPerson, "B"}, "B": {"eligible", "", ""}, "C": {"ineligible", ReasonWindow, ""},
			"D": {"eligible", "", ""}, "E": {"ineligible", ReasonAnswer, ""}, "F": {"eligible", "", ""}}},
		{"households too", true, map[string]verdict{
			"A": {"duplicate", ReasonPerson, "B"}, "B": {"eligible", "", ""}, "C": {"ineligible", ReasonWindow, ""},
			"D": {"duplicate", ReasonHousehold, "B"}, "E": {"ineligible", ReasonAnswer, ""}, "F": {"eligible", "", ""}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := evaluate(cands, tc.household)
			for i, c := range cands {
				if got[i] != tc.want[c.id] {
					t.Errorf("%s: got %+v, want %+v", c.id, got[i], tc.want[c.id])
				}
			}
		})
	}
}

func TestHouseholdKey(t *testing.T) {
	a := householdKey("sw1a 1aa", "12, High St.")
	b := householdKey("SW1A1AA", "12 high street")
	if a != b || a == "" {
		t.Fatalf("%q != %q", a, b)
	}
	if householdKey("SW1A1AA", "14 High Street") == a {
		t.Fatal("different houses share a key")
	}
}
