package competitions

import (
	"strconv"
	"unicode/utf8"
)

// appendDetails writes what an entrant sent, beyond the columns the rules query, as the JSON array that
// competition_entry_rows.details holds (its order is in migrations/002_entry_rows.sql). The email is
// left empty when it is the same as its key, and the country null when it is the United Kingdom: the
// view competition_entries gives the key and the country then.
func appendDetails(b []byte, importID int64, r *row, own string) []byte {
	b = append(b, '[')
	b = strconv.AppendInt(b, importID, 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(r.line), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, r.submitted.UnixMilli(), 10)
	email := r.email
	if email == r.emailKey {
		email = ""
	}
	for _, s := range [...]string{r.firstName, r.surname, email} {
		b = appendJSONString(append(b, ','), s)
	}
	b = append(b, ',', '"')
	b = r.dob.appendTo(b)
	b = append(b, '"')
	for _, s := range [...]string{r.postcode, r.address, r.county} {
		b = appendJSONString(append(b, ','), s)
	}
	if r.country == ukCountry {
		b = append(b, ",null"...)
	} else {
		b = appendJSONString(append(b, ','), r.country)
	}
	b = appendJSONString(append(b, ','), r.answer)
	if r.optIn {
		b = append(b, ",1"...)
	} else {
		b = append(b, ",0"...)
	}
	b = appendJSONString(append(b, ','), r.source)
	b = appendJSONString(append(b, ','), own)
	return append(b, ']')
}

const hexDigits = "0123456789abcdef"

// appendJSONString writes s as a JSON string; bytes that are not UTF-8 become U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError || size != 1 {
				i += size
				continue
			}
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
