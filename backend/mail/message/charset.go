package message

import (
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
)

// lookupCharset finds a decoder for a MIME charset name. It follows the WHATWG table first (which reads
// ISO-8859-1 and US-ASCII as windows-1252, as every mail client does), then the IANA names.
func lookupCharset(name string) encoding.Encoding {
	if e, err := htmlindex.Get(name); err == nil && e != nil {
		return e
	}
	if e, err := ianaindex.MIME.Encoding(name); err == nil && e != nil {
		return e
	}
	if e, err := ianaindex.MIME.Encoding("cs" + name); err == nil && e != nil {
		return e
	}
	return nil
}

// normCharset cleans a declared charset name: quotes, spaces, RFC 2231 language suffix, case.
func normCharset(cs string) string {
	cs = strings.ToLower(strings.Trim(strings.TrimSpace(cs), `"'`))
	if i := strings.IndexByte(cs, '*'); i >= 0 {
		cs = cs[:i]
	}
	return cs
}

// decodeCharset converts b from charset cs to UTF-8. Text that does not decode is read as windows-1252,
// so nothing is ever lost; warn is non-empty when that or another repair happened.
func decodeCharset(cs string, b []byte) (string, string) {
	cs = normCharset(cs)
	switch cs {
	case "", "utf-8", "utf8", "us-ascii", "ascii", "7bit", "8bit":
		if utf8.Valid(b) {
			return string(b), ""
		}
		out := cp1252(b)
		if cs == "utf-8" || cs == "utf8" {
			return out, "invalid utf-8, read as windows-1252"
		}
		return out, ""
	}
	enc := lookupCharset(cs)
	if enc == nil {
		if utf8.Valid(b) {
			return string(b), fmt.Sprintf("unknown charset %q, read as utf-8", clip(cs, 40))
		}
		return cp1252(b), fmt.Sprintf("unknown charset %q, read as windows-1252", clip(cs, 40))
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return cp1252(b), fmt.Sprintf("text not valid %s, read as windows-1252", clip(cs, 40))
	}
	return string(out), ""
}

// cp1252 decodes windows-1252, which maps every byte (undefined ones become U+FFFD).
func cp1252(b []byte) string {
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(out)
}

// clip shortens s to at most n bytes of printable ASCII, for warnings.
func clip(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e {
			return '?'
		}
		return r
	}, s)
	if len(s) > n {
		s = s[:n]
	}
	return s
}

// decodeWords decodes RFC 2047 encoded words leniently: adjacent words in one charset are joined before
// decoding (a character split across two words survives), lower-case q/b, missing base64 padding, spaces
// inside Q words and words glued to text are accepted. bad is non-empty when something had to be repaired
// or was left as is.
func decodeWords(s string) (out string, bad string) {
	if !strings.Contains(s, "=?") {
		return s, ""
	}
	var b strings.Builder
	var pend []byte
	pendCS := ""
	flush := func() {
		if pend == nil {
			return
		}
		t, w := decodeCharset(pendCS, pend)
		if w != "" && bad == "" {
			bad = "encoded word: " + w
		}
		b.WriteString(t)
		pend, pendCS = nil, ""
	}
	for len(s) > 0 {
		i := strings.Index(s, "=?")
		if i < 0 {
			flush()
			b.WriteString(s)
			break
		}
		cs, data, rest, ok := parseWord(s[i:])
		if !ok {
			flush()
			b.WriteString(s[:i+2])
			s = s[i+2:]
			bad = "malformed encoded word left as is"
			continue
		}
		between := s[:i]
		adjacent := pend != nil && strings.TrimSpace(between) == ""
		if !adjacent || cs != pendCS {
			flush()
		}
		if !adjacent {
			b.WriteString(between)
		}
		if pend == nil {
			pend, pendCS = []byte{}, cs
		}
		pend = append(pend, data...)
		s = rest
	}
	flush()
	return b.String(), bad
}

// maxWord bounds how far an encoded word's end is looked for (RFC 2047 allows 75 characters; broken
// mailers write longer ones), which keeps decoding linear on hostile input.
const maxWord = 1000

// parseWord reads one encoded word at the start of s ("=?cs?e?text?="), returning its charset, its
// decoded bytes and what follows it.
func parseWord(s string) (cs string, data []byte, rest string, ok bool) {
	q1 := strings.IndexByte(s[2:], '?')
	if q1 <= 0 || q1 > 60 || len(s) < 2+q1+3 || s[2+q1+2] != '?' {
		return "", nil, "", false
	}
	cs = normCharset(s[2 : 2+q1])
	enc := s[2+q1+1]
	body := s[2+q1+3:]
	if len(body) > maxWord {
		body = body[:maxWord]
	}
	end := strings.Index(body, "?=")
	if end < 0 {
		return "", nil, "", false
	}
	text := body[:end]
	if strings.Contains(text, "=?") {
		return "", nil, "", false
	}
	rest = body[end+2:]
	switch enc {
	case 'b', 'B':
		data, ok = decodeB(text)
	case 'q', 'Q':
		data, ok = decodeQ(text), true
	}
	return cs, data, rest, ok
}

func decodeB(text string) ([]byte, bool) {
	text = strings.TrimRight(strings.Join(strings.Fields(text), ""), "=")
	out, err := base64.RawStdEncoding.DecodeString(text)
	if err != nil {
		return nil, false
	}
	return out, true
}

func decodeQ(text string) []byte {
	out := make([]byte, 0, len(text))
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '_':
			out = append(out, ' ')
		case c == '=' && i+2 < len(text) && isHex(text[i+1]) && isHex(text[i+2]):
			out = append(out, unhex(text[i+1])<<4|unhex(text[i+2]))
			i += 2
		default:
			out = append(out, c)
		}
	}
	return out
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}
