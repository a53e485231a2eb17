package competitions

import (
	"strings"
	"time"

	"staffdesk/backend/apperr"
	"staffdesk/backend/competitions/draw"
)

// ukCountry is the default country.
const ukCountry = "United Kingdom"

// defaultCountries is the allowed-countries rule when none is given.
var defaultCountries = []string{ukCountry}

// maxPlaces bounds winners plus reserves.
const maxPlaces = 1000

func normaliseDetails(d Details) Details {
	d.Title, d.Sponsor, d.Prize = strings.TrimSpace(d.Title), strings.TrimSpace(d.Sponsor), strings.TrimSpace(d.Prize)
	d.Question, d.Answer = strings.TrimSpace(d.Question), strings.TrimSpace(d.Answer)
	d.OpensAt, d.ClosesAt = d.OpensAt.UTC().Truncate(time.Second), d.ClosesAt.UTC().Truncate(time.Second)
	var countries []string
	for _, c := range d.Rules.Countries {
		if c = canonicalCountry(c); c != "" && !contains(countries, c) {
			countries = append(countries, c)
		}
	}
	if len(countries) == 0 {
		countries = append(countries, defaultCountries...)
	}
	d.Rules.Countries = countries
	var domains []string
	for _, dom := range d.Rules.ExcludedDomains {
		if dom = strings.Trim(strings.ToLower(strings.TrimSpace(dom)), "@."); dom != "" && !contains(domains, dom) {
			domains = append(domains, dom)
		}
	}
	d.Rules.ExcludedDomains = domains
	if d.Rules.ExcludedDomains == nil {
		d.Rules.ExcludedDomains = []string{}
	}
	return d
}

func validateDetails(d Details) error {
	switch {
	case d.Title == "" || len(d.Title) > 200:
		return apperr.New(apperr.Invalid, "enter a title of up to 200 characters")
	case d.Sponsor == "":
		return apperr.New(apperr.Invalid, "enter the sponsor (the partner giving the prize)")
	case d.Prize == "":
		return apperr.New(apperr.Invalid, "enter the prize")
	case d.OpensAt.IsZero() || d.ClosesAt.IsZero():
		return apperr.New(apperr.Invalid, "enter the opening and closing times")
	case !d.ClosesAt.After(d.OpensAt):
		return apperr.New(apperr.Invalid, "the closing time must be after the opening time")
	case (d.Question == "") != (d.Answer == ""):
		return apperr.New(apperr.Invalid, "a question needs its correct answer, and an answer its question")
	case d.Winners < 1:
		return apperr.New(apperr.Invalid, "a competition needs at least one winner")
	case d.Reserves < 0:
		return apperr.New(apperr.Invalid, "reserves cannot be negative")
	case d.Winners+d.Reserves > maxPlaces:
		return apperr.New(apperr.Invalid, "winners and reserves together cannot exceed %d", maxPlaces)
	case d.ClaimDays < 1 || d.ClaimDays > 365:
		return apperr.New(apperr.Invalid, "the claim period must be between 1 and 365 days")
	case d.RetentionDays < 1 || d.RetentionDays > 3*365:
		return apperr.New(apperr.Invalid, "keep entries between 1 and 1,095 days after closing")
	}
	return validateRules(d.Rules)
}

func validateRules(r Rules) error {
	switch {
	case r.MinAge < 0 || r.MinAge > 120:
		return apperr.New(apperr.Invalid, "the minimum age must be between 0 and 120")
	case r.PastWinnerMonths < 0 || r.PastWinnerMonths > 36:
		return apperr.New(apperr.Invalid, "past winners can be excluded for 0 to 36 months")
	}
	for _, c := range r.Countries {
		if _, ok := countryAliases[strings.ToLower(c)]; !ok && !isKnownCountry(c) {
			return apperr.New(apperr.Invalid, "country %q is not one Staffdesk knows", c)
		}
	}
	for _, dom := range r.ExcludedDomains {
		if !strings.Contains(dom, ".") || strings.ContainsAny(dom, " @,;") {
			return apperr.New(apperr.Invalid, "excluded domain %q is not a domain such as staff.example", dom)
		}
	}
	return nil
}

func isKnownCountry(c string) bool {
	for _, k := range countryAliases {
		if k == c {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// validEntryID is draw.ValidID: entry ids go into the frozen list as they are.
func validEntryID(id string) bool { return draw.ValidID(id) }
