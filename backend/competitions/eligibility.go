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
	case len(c.pastWinners) > 0 && c.pastWinners[EmailHash(r.emailKey)]:
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
