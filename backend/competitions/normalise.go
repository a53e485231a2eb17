package competitions

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// plusProviders accept "+tag" after the local part; dotProviders also ignore dots in it (Gmail).
var (
	plusProviders = map[string]bool{
		"gmail.com": true, "googlemail.com": true, "outlook.com": true, "hotmail.com": true, "hotmail.co.uk": true,
		"live.com": true, "live.co.uk": true, "msn.com": true, "icloud.com": true, "me.com": true, "mac.com": true,
		"protonmail.com": true, "proton.me": true, "pm.me": true, "fastmail.com": true, "fastmail.fm": true,
	}
	dotProviders = map[string]bool{"gmail.com": true, "googlemail.com": true}
)

// EmailKey is the email that identifies a person for "one entry per person": trimmed and lower-cased;
// for providers that deliver "name+tag@" to "name@" the tag is dropped, and for Gmail the dots in the
// local part too (googlemail.com counts as gmail.com). It returns "" for something that is not an email.
func EmailKey(email string) string {
	e := strings.ToLower(strings.TrimSpace(email))
	at := strings.LastIndexByte(e, '@')
	if at <= 0 || at == len(e)-1 || strings.ContainsAny(e, " \t\r\n,;<>") || !strings.Contains(e[at+1:], ".") {
		return ""
	}
	local, domain := e[:at], strings.TrimSuffix(e[at+1:], ".")
	if plusProviders[domain] {
		if i := strings.IndexByte(local, '+'); i >= 0 {
			local = local[:i]
		}
	}
	if dotProviders[domain] {
		local = strings.ReplaceAll(local, ".", "")
		domain = "gmail.com"
	}
	if local == "" {
		return ""
	}
	return local + "@" + domain
}

// emailDomain returns the lower-cased domain of an email key.
func emailDomain(key string) string {
	return key[strings.LastIndexByte(key, '@')+1:]
}

// PostcodeKey is a UK postcode upper-cased without spaces ("sw1a 1aa" → "SW1A1AA").
func PostcodeKey(p string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(p) {
		if r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// addressAbbreviations make "12 High St." and "12 high street" the same first address line.
var addressAbbreviations = map[string]string{
	"st": "street", "rd": "road", "ave": "avenue", "av": "avenue", "ln": "lane", "dr": "drive", "ct": "court",
	"cl": "close", "pl": "place", "sq": "square", "gdns": "gardens", "cres": "crescent", "terr": "terrace",
}

// AddressKey is a first address line case-folded, without punctuation, common abbreviations expanded.
func AddressKey(line string) string {
	words := strings.FieldsFunc(strings.ToLower(norm.NFC.String(line)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for i, w := range words {
		if full, ok := addressAbbreviations[w]; ok {
			words[i] = full
		}
	}
	return strings.Join(words, " ")
}

// householdKey joins the normalised postcode and first address line.
func householdKey(postcode, address string) string {
	p, a := PostcodeKey(postcode), AddressKey(address)
	if p == "" || a == "" {
		return ""
	}
	return p + "|" + a
}

// plainASCII reports whether s is printable ASCII with no leading, trailing or repeated spaces: such a
// string is already in NFC with its spaces collapsed, so the general paths below would return it as is.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' || c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' ') {
			return false
		}
	}
	return true
}

// cleanName returns a name in Unicode NFC with spaces collapsed, and false when it holds control or
// other invisible format characters or is empty.
func cleanName(s string) (string, bool) {
	if plainASCII(s) {
		return s, s != "" && len(s) <= 200
	}
	return cleanNameGeneral(s)
}

func cleanNameGeneral(s string) (string, bool) {
	s = strings.Join(strings.Fields(norm.NFC.String(s)), " ")
	if s == "" || len(s) > 200 {
		return "", false
	}
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == unicode.ReplacementChar {
			return "", false
		}
	}
	return s, true
}

// answerKey compares answers ignoring case, accents' composition, surrounding spaces and final punctuation.
func answerKey(s string) string {
	if !plainASCII(s) {
		s = strings.Join(strings.Fields(norm.NFC.String(s)), " ")
	}
	return strings.TrimRight(strings.ToLower(s), ".!? ")
}

// countryAliases map what entrants type to the country names the rules use.
var countryAliases = map[string]string{
	"united kingdom": "United Kingdom", "uk": "United Kingdom", "u.k.": "United Kingdom", "gb": "United Kingdom",
	"great britain": "United Kingdom", "britain": "United Kingdom", "england": "United Kingdom",
	"scotland": "United Kingdom", "wales": "United Kingdom", "northern ireland": "United Kingdom",
	"isle of man": "Isle of Man", "im": "Isle of Man", "jersey": "Jersey", "je": "Jersey",
	"guernsey": "Guernsey", "gg": "Guernsey", "ireland": "Ireland", "republic of ireland": "Ireland",
	"ie": "Ireland", "eire": "Ireland", "france": "France", "fr": "France", "spain": "Spain", "es": "Spain",
	"germany": "Germany", "de": "Germany", "united states": "United States", "usa": "United States",
	"us": "United States",
}

// canonicalCountry maps a typed country to its rule name, or returns it trimmed when unknown.
func canonicalCountry(s string) string {
	if !plainASCII(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	if c, ok := countryAliases[strings.ToLower(s)]; ok {
		return c
	}
	return s
}
