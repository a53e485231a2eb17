package app

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"staffdesk/backend/competitions"
)

var (
	demoFirstNames = []string{"Amelia", "Olivia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Sophia", "Grace", "Freya", "Siân",
		"Zoë", "Aoife", "Niamh", "Łucja", "Chloé", "Priya", "Aisha", "Fatima", "Hannah", "Emma", "Ruby", "Oliver", "George",
		"Noah", "Arthur", "Leo", "Muhammad", "Harry", "Oscar", "Dafydd", "Rhys", "Eilidh", "Callum", "Tomás", "Mei"}
	demoSurnames = []string{"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson",
		"Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "O'Brien",
		"Ó Súilleabháin", "MacLeod", "Nowak", "Khan", "Begum", "Ahmed", "Lewis", "Hughes", "Edwards", "Murphy", "Kelly"}
	demoCounties = []string{"Kent", "Essex", "Greater London", "West Yorkshire", "Greater Manchester", "Surrey", "Hampshire",
		"Lancashire", "Devon", "Cardiff", "Glasgow City", "County Antrim", "Norfolk", "Merseyside", "Tyne and Wear", "Fife"}
	demoDomains = []string{"gmail.com", "outlook.com", "yahoo.co.uk", "hotmail.co.uk", "icloud.com", "btinternet.com"}
)

// seedCompetitionsDemo adds a closed competition of a few thousand made-up entries (with duplicates,
// ineligible and unreadable rows) ready to draw, and an open one still taking entries.
func seedCompetitionsDemo(ctx context.Context, svc *Services, now time.Time) error {
	closed := competitions.Details{Title: "Win a family weekend at Center Parcs", Sponsor: "Center Parcs",
		Prize: "A three-night family break for up to six", OpensAt: now.AddDate(0, 0, -30), ClosesAt: now.AddDate(0, 0, -1),
		Question: "How many nights is the break?", Answer: "Three", Winners: 3, Reserves: 3, ClaimDays: 14, RetentionDays: 180,
		Rules: competitions.Rules{MinAge: 18, Countries: []string{"United Kingdom"},
			ExcludedDomains: []string{"staff.example", "centerparcs.example"}, PastWinnerMonths: 6}}
	if err := seedDemoCompetition(ctx, svc, closed, 3000, 1); err != nil {
		return err
	}
	open := competitions.Details{Title: "Win a Bugaboo Fox 5 pushchair", Sponsor: "Bugaboo", Prize: "A Bugaboo Fox 5 in black",
		OpensAt: now.AddDate(0, 0, -7), ClosesAt: now.AddDate(0, 0, 14), Winners: 1, Reserves: 2, ClaimDays: 14,
		RetentionDays: 90, Rules: competitions.Rules{MinAge: 18, ExcludedDomains: []string{"staff.example"}}}
	return seedDemoCompetition(ctx, svc, open, 240, 2)
}

func seedDemoCompetition(ctx context.Context, svc *Services, d competitions.Details, n int, seed uint64) error {
	c, err := svc.Competitions.Create(ctx, d)
	if err != nil {
		return fmt.Errorf("create demo competition: %w", err)
	}
	if _, err := svc.Competitions.OpenForEntries(ctx, c.ID); err != nil {
		return fmt.Errorf("open demo competition: %w", err)
	}
	file := demoEntries(d, n, rand.New(rand.NewPCG(seed, 2026)))
	if _, err := svc.Competitions.Import(ctx, c.ID, "website-entries.csv", []byte(file)); err != nil {
		return fmt.Errorf("import demo entries: %w", err)
	}
	return nil
}

// demoEntries writes n made-up entries as the website's CSV export: mostly fine, with a few people
// entering twice (Gmail dots, +tags, capitals), wrong answers, children, staff, late entries and
// unreadable rows.
func demoEntries(d competitions.Details, n int, r *rand.Rand) string {
	var b strings.Builder
	b.WriteString("entry_id,submitted_at,first_name,surname,email,date_of_birth,postcode,county,country,answer,partner_opt_in,source\n")
	window := d.ClosesAt.Sub(d.OpensAt)
	var gmail []int
	for i := 1; i <= n; i++ {
		first, last := demoFirstNames[r.IntN(len(demoFirstNames))], demoSurnames[r.IntN(len(demoSurnames))]
		local := strings.ToLower(strings.NewReplacer(" ", "", "'", "").Replace(asciiFold(first) + "." + asciiFold(last)))
		email := fmt.Sprintf("%s%d@%s", local, i, demoDomains[r.IntN(len(demoDomains))])
		when := d.OpensAt.Add(time.Duration(r.Int64N(int64(window))))
		dob := time.Date(1965+r.IntN(40), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
		ans, country := d.Answer, "United Kingdom"
		if r.IntN(3) == 0 {
			ans = strings.ToLower(ans)
		}
		switch k := r.IntN(100); {
		case k < 5 && len(gmail) > 0: // someone entering again as name+tag@gmail.com without the dots
			email = fmt.Sprintf("person%d+comps@gmail.com", gmail[r.IntN(len(gmail))])
		case k < 8 && d.Answer != "":
			ans = "Two"
		case k < 10:
			dob = time.Date(2010, 6, 1, 0, 0, 0, 0, time.UTC)
		case k < 11:
			email = local + "@staff.example"
		case k < 12:
			when = d.ClosesAt.Add(time.Duration(1+r.IntN(48)) * time.Hour)
		case k < 13:
			country = "Ireland"
		case k < 14:
			email = "not an email"
		case k < 20:
			email = fmt.Sprintf("Person.%d@Gmail.com", i)
			gmail = append(gmail, i)
		}
		b.WriteString(demoRow(fmt.Sprintf("W%06d", i), when, first, last, email, dob, ans, country))
	}
	return b.String()
}

func demoRow(id string, when time.Time, first, last, email string, dob time.Time, answer, country string) string {
	county := demoCounties[(int(id[len(id)-1])*7+int(id[len(id)-2]))%len(demoCounties)]
	return fmt.Sprintf("%s,%s,%s,%s,%s,%s,SW1A %dAA,%s,%s,%s,%s,website\n", id, when.UTC().Format(time.RFC3339), first,
		csvQuote(last), email, dob.Format("2006-01-02"), len(email)%10, county, country, answer, []string{"yes", "no"}[len(email)%2])
}

func csvQuote(s string) string {
	if strings.ContainsAny(s, ",\"'") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

// asciiFold drops accents for made-up email addresses ("Siân" → "Sian").
func asciiFold(s string) string {
	return strings.NewReplacer("â", "a", "ë", "e", "é", "e", "Ł", "L", "ó", "o", "Ó", "O", "ú", "u", "á", "a").Replace(s)
}
