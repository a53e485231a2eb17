package message

import (
	"strings"
)

// addresses parses an address-list value leniently. The structure is read on the raw value, before
// encoded words are decoded, so a decoded comma in a name cannot split an address. Entries with no "@"
// and group names are skipped.
func (p *parser) addresses(v string) []Address {
	if strings.TrimSpace(v) == "" {
		return nil
	}
	var out []Address
	for _, piece := range splitAddressList(v) {
		a, ok := p.address(piece)
		if ok {
			out = append(out, a)
		}
	}
	return out
}

// splitAddressList splits on commas and semicolons outside quotes and comments (also inside an angle
// bracket, so one unclosed "<" cannot swallow the rest), and drops group names ("team: a@x, b@y;").
func splitAddressList(v string) []string {
	var pieces []string
	start, depth, inQuote, inAngle := 0, 0, false, false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '\\' && (inQuote || depth > 0):
			i++
		case inQuote:
			inQuote = c != '"'
		case c == '"' && depth == 0:
			inQuote = true
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case depth > 0:
		case c == '<':
			inAngle = true
		case c == '>':
			inAngle = false
		case c == ',' || c == ';':
			pieces = append(pieces, v[start:i])
			start, inAngle = i+1, false
		case inAngle:
		case c == ':':
			start = i + 1
		}
	}
	return append(pieces, v[start:])
}

// address reads one "Name <email>", "email (Name)" or "email" entry.
func (p *parser) address(s string) (Address, bool) {
	s = strings.TrimSpace(s)
	var name, email string
	if lt := strings.LastIndexByte(s, '<'); lt >= 0 {
		gt := strings.IndexByte(s[lt:], '>')
		if gt < 0 {
			p.warn("address without closing bracket")
			gt = len(s) - lt
			email = s[lt+1:]
		} else {
			email = s[lt+1 : lt+gt]
		}
		name = s[:lt]
	} else {
		email, name = stripComment(s)
	}
	email = p.text8(cleanEmail(email))
	if !strings.Contains(email, "@") {
		return Address{}, false
	}
	name = unquote(strings.TrimSpace(name))
	name = strings.Join(strings.Fields(p.words(p.text8(name))), " ")
	if strings.EqualFold(name, email) {
		name = ""
	}
	return Address{Name: name, Email: email}, true
}

// stripComment separates "addr (comment)" into the address and the comment text.
func stripComment(s string) (addr, comment string) {
	i := strings.IndexByte(s, '(')
	if i < 0 {
		return s, ""
	}
	j := strings.LastIndexByte(s, ')')
	if j < i {
		return s[:i], s[i+1:]
	}
	return s[:i] + s[j+1:], s[i+1 : j]
}

// cleanEmail trims an address, drops a "mailto:" prefix and stray quotes, and lower-cases the domain.
func cleanEmail(e string) string {
	e = strings.TrimSpace(e)
	e = strings.TrimPrefix(strings.TrimPrefix(e, "mailto:"), "MAILTO:")
	e = strings.Trim(e, `"' `)
	if strings.ContainsAny(e, " \t\r\n<>") {
		return ""
	}
	at := strings.LastIndexByte(e, '@')
	if at <= 0 || at == len(e)-1 {
		return ""
	}
	return e[:at] + "@" + strings.ToLower(e[at+1:])
}

// unquote removes surrounding double quotes and backslash escapes from a display name.
func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	} else {
		s = strings.Trim(s, `"`)
	}
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
