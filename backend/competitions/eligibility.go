package competitions

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// The reasons an entry is ineligible or set aside, as the report and the certificate show them.
const (
	ReasonWindow     = "outside the open window"
	ReasonAnswer     = "wrong answer"
	ReasonCountry    = "country not allowed"
	ReasonAge        = "under the minimum age on the closing date"
	ReasonDomain     = "excluded email domain"
	ReasonPastWinner = "won a competition in the excluded period"
	ReasonPerson     = "another entry from the same person"
	ReasonHousehold  = "another entry from the same household"
)

// checker applies a competition's per-entry rules; duplicates are found by evaluate.
type checker struct {
	opens, closes time.Time
	closeDay      date
	answer        string
	minAge        int
	countries     map[string]bool
	domains       []string
	pastWinners   map[string]bool
}

// newChecker compiles d's rules; pastWinners holds the email hashes of recent winners.
func newChecker(d Details, pastWinners map[string]bool) *checker {
	cl := d.ClosesAt.In(london)
	c := &checker{opens: d.OpensAt, closes: d.ClosesAt, closeDay: date{cl.Year(), int(cl.Month()), cl.Day()},
		minAge: d.Rules.MinAge, domains: d.Rules.ExcludedDomains, pastWinners: pastWinners, countries: map[string]bool{}}
	if d.Question != "" {
		c.answer = answerKey(d.Answer)
	}
	for _, k := range d.Rules.Countries {
		c.countries[k] = true
	}
	return c
}

// reason returns why an entry is ineligible on its own, or "" when it is eligible so far.
func (c *checker) reason(r *row) string {
	switch {
	case r.submitted.Before(c.opens) || !r.submitted.Before(c.closes):
		return ReasonWindow
	case c.answer != "" && answerKey(r.answer) != c.answer:
		return ReasonAnswer
	case !c.countries[r.country]:
		return ReasonCountry
	case c.minAge > 0 && ageOn(r.dob, c.closeDay) < c.minAge:
		return ReasonAge
	case c.excludedDomain(emailDomain(r.emailKey)):
		return ReasonDomain
	case c.pastWinners[EmailHash(r.emailKey)]:
		return ReasonPastWinner
	}
	return ""
}

// excludedDomain matches a domain or any of its subdomains.
func (c *checker) excludedDomain(domain string) bool {
	for _, d := range c.domains {
		if domain == d || strings.HasSuffix(domain, "."+d) {
			return true
		}
	}
	return false
}

// ageOn is the age in whole years on day. Someone born on 29 February turns a year older on 1 March in
// years without a 29 February, as UK law has it.
func ageOn(born, day date) int {
	age := day.y - born.y
	if day.m < born.m || (day.m == born.m && day.d < born.d) {
		age--
	}
	return age
}

// EmailHash is the SHA-256 of an email key, kept for the past-winners rule after entries are purged.
func EmailHash(key string) string {
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:])
}

// candidate is what evaluate needs to know of an entry.
type candidate struct {
	id        string
	submitted int64
	order     int64 // import id and line: ties on submission time go to the one read first
	emailKey  string
	household string
	own       string
}

// verdict is an entry's outcome.
type verdict struct {
	status string // eligible, ineligible or duplicate
	reason string
	kept   string // the entry kept in its place, for a duplicate
}

// evaluate applies the rules in order: outside the window is ineligible; of the rest one entry per person
// is kept, the earliest; kept entries with an own reason are ineligible; finally, when household is set,
// one eligible entry per household, the earliest.
func evaluate(cands []candidate, household bool) []verdict {
	out := make([]verdict, len(cands))
	earlier := func(a, b int) bool {
		ca, cb := &cands[a], &cands[b]
		if ca.submitted != cb.submitted {
			return ca.submitted < cb.submitted
		}
		return ca.order < cb.order
	}
	best := make(map[string]int, len(cands))
	for i := range cands {
		if cands[i].own == ReasonWindow {
			continue
		}
		if j, ok := best[cands[i].emailKey]; !ok || earlier(i, j) {
			best[cands[i].emailKey] = i
		}
	}
	for i := range cands {
		c := &cands[i]
		switch {
		case c.own == ReasonWindow:
			out[i] = verdict{status: "ineligible", reason: ReasonWindow}
		case best[c.emailKey] != i:
			out[i] = verdict{status: "duplicate", reason: ReasonPerson, kept: cands[best[c.emailKey]].id}
		case c.own != "":
			out[i] = verdict{status: "ineligible", reason: c.own}
		default:
			out[i] = verdict{status: "eligible"}
		}
	}
	if household {
		dedupeHouseholds(cands, out, earlier)
	}
	return out
}

func dedupeHouseholds(cands []candidate, out []verdict, earlier func(a, b int) bool) {
	best := map[string]int{}
	for i := range cands {
		if out[i].status == "eligible" && cands[i].household != "" {
			if j, ok := best[cands[i].household]; !ok || earlier(i, j) {
				best[cands[i].household] = i
			}
		}
	}
	for i := range cands {
		if out[i].status != "eligible" || cands[i].household == "" {
			continue
		}
		if j := best[cands[i].household]; j != i {
			out[i] = verdict{status: "duplicate", reason: ReasonHousehold, kept: cands[j].id}
		}
	}
}

// describeRules lists a competition's rules in words, for the certificate.
func describeRules(d Details) []string {
	r := d.Rules
	out := []string{"One entry per person (email normalised: case, spaces, Gmail dots, +tags); the earliest counts."}
	if d.Question != "" {
		out = append(out, fmt.Sprintf("Question: %s (correct answer: %s).", d.Question, d.Answer))
	}
	if r.MinAge > 0 {
		out = append(out, fmt.Sprintf("Entrants aged %d or over on the closing date.", r.MinAge))
	}
	out = append(out, "Countries: "+strings.Join(r.Countries, ", ")+".")
	if len(r.ExcludedDomains) > 0 {
		out = append(out, "Excluded email domains: "+strings.Join(r.ExcludedDomains, ", ")+".")
	}
	if r.PastWinnerMonths > 0 {
		out = append(out, fmt.Sprintf("People who won in the %d months before closing are excluded.", r.PastWinnerMonths))
	}
	if r.OnePerHousehold {
		out = append(out, "One entry per household (postcode and first address line).")
	}
	if r.Weighted {
		out = append(out, "Entries are weighted: a weight of 2 counts as two tickets.")
	}
	return out
}
