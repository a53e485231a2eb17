package competitions

import (
	"fmt"
	"strings"
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

// want is a verdict as the store writes it.
type want struct{ status, reason, kept string }

func TestEvaluateDuplicatesAndHouseholds(t *testing.T) {
	for _, tc := range []struct {
		name      string
		household bool
		want      map[string]want
	}{
		{"person only", false, map[string]want{
			"A": {"duplicate", ReasonPerson, "B"}, "B": {"eligible", "", ""}, "C": {"ineligible", ReasonWindow, ""},
			"D": {"eligible", "", ""}, "E": {"ineligible", ReasonAnswer, ""}, "F": {"eligible", "", ""}}},
		{"households too", true, map[string]want{
			"A": {"duplicate", ReasonPerson, "B"}, "B": {"eligible", "", ""}, "C": {"ineligible", ReasonWindow, ""},
			"D": {"duplicate", ReasonHousehold, "B"}, "E": {"ineligible", ReasonAnswer, ""}, "F": {"eligible", "", ""}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			set := evaluationSet(t, tc.household)
			for i, v := range set.evaluate() {
				got := want{statusNames[v.status], set.reasons[v.reason], set.keptID(v)}
				if id := set.id(i); got != tc.want[id] {
					t.Errorf("%s: got %+v, want %+v", id, got, tc.want[id])
				}
			}
		})
	}
}

// evaluationSet holds six entries: three of one person (one outside the window), three of one household
// and one of another household.
func evaluationSet(t *testing.T, household bool) *entrySet {
	set := newEntrySet(0, household)
	for _, c := range []struct {
		id                       string
		submitted, order         int64
		emailKey, household, own string
	}{
		{"A", 30, 1, "jo@gmail.com", "SW1A1AA|1 high street", ""},
		{"B", 10, 2, "jo@gmail.com", "SW1A1AA|1 high street", ""},
		{"C", 5, 3, "jo@gmail.com", "", ReasonWindow},
		{"D", 20, 4, "sam@example.com", "SW1A1AA|1 high street", ""},
		{"E", 1, 5, "kim@example.com", "SW1A1AA|1 high street", ReasonAnswer},
		{"F", 20, 6, "max@example.com", "E11AA|2 low road", ""},
	} {
		if _, ok := set.add(c.id, c.submitted, c.order, c.emailKey, c.household, c.own); !ok {
			t.Fatalf("%s refused", c.id)
		}
	}
	return set
}

// TestProvisionalThenFinal feeds entries one at a time as an import does: a provisional verdict is right
// whenever the entries so far decide it, and evaluate then changes only the entries that a later entry,
// submitted earlier, displaced.
func TestProvisionalThenFinal(t *testing.T) {
	set := newEntrySet(0, false)
	var written []verdict
	for _, c := range []struct {
		id        string
		submitted int64
		email     string
		own       string
	}{
		{"A", 20, "jo@example.com", ""}, {"B", 30, "jo@example.com", ""}, {"C", 10, "jo@example.com", ReasonAnswer},
		{"D", 5, "sam@example.com", ReasonWindow}, {"E", 40, "sam@example.com", ""},
	} {
		if _, ok := set.add(c.id, c.submitted, int64(len(written)), c.email, "", c.own); !ok {
			t.Fatalf("%s refused", c.id)
		}
		written = append(written, set.provisional())
	}
	if _, ok := set.add("B", 1, 9, "x@example.com", "", ""); ok {
		t.Fatal("a repeated entry id was accepted")
	}
	final := set.evaluate()
	var changed []string
	for _, i := range set.changed(written, final) {
		changed = append(changed, set.id(i))
	}
	if fmt.Sprint(changed) != "[A B]" {
		t.Fatalf("changed %v, want [A B] (both now set aside for C)", changed)
	}
	if got := set.keptID(final[1]); got != "C" || final[2].status != statusIneligible {
		t.Fatalf("B kept for %q, C %+v", got, final[2])
	}
	if final[4].status != statusEligible {
		t.Fatalf("E, whose only earlier entry was outside the window: %+v", final[4])
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

// TestPlainASCIIShortcutsMatch: for plain ASCII the name, answer and country shortcuts give what the
// general Unicode paths give.
func TestPlainASCIIShortcutsMatch(t *testing.T) {
	inputs := []string{"", " ", "a", "Jo", "Mary Jane", "Mary  Jane", " Jo", "Jo ", "BLUE!", "blue.", "U.K.", "uk",
		"Great Britain", "x\x7fy", "tab\there", "~`!@", strings.Repeat("a", 201)}
	for _, in := range inputs {
		got, ok := cleanName(in)
		want, wantOK := cleanNameGeneral(in)
		if ok != wantOK || (ok && got != want) {
			t.Errorf("cleanName(%q) = %q, %v; the general path gives %q, %v", in, got, ok, want, wantOK)
		}
		if got, want := answerKey(in), strings.TrimRight(strings.ToLower(strings.Join(strings.Fields(in), " ")), ".!? "); got != want {
			t.Errorf("answerKey(%q) = %q, want %q", in, got, want)
		}
		general := strings.Join(strings.Fields(in), " ")
		if c, ok := countryAliases[strings.ToLower(general)]; ok {
			general = c
		}
		if got := canonicalCountry(in); got != general {
			t.Errorf("canonicalCountry(%q) = %q, want %q", in, got, general)
		}
	}
}
