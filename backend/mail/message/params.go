package message

import (
	"sort"
	"strconv"
	"strings"
)

// parseParams reads a Content-Type or Content-Disposition value leniently: the lower-case value before
// the first ";" and its parameters, with RFC 2231 continuations and charsets (any charset, not only
// UTF-8) and Outlook-style encoded words inside quoted values. Keys are lower-case.
func parseParams(v string) (string, map[string]string) {
	kind, rest, _ := strings.Cut(v, ";")
	kind = strings.ToLower(strings.TrimSpace(kind))
	if strings.TrimSpace(rest) == "" {
		return kind, nil
	}
	raw := make(map[string]string, 2)
	for rest != "" {
		rest = strings.TrimLeft(rest, " \t;")
		eq := strings.IndexAny(rest, "=;")
		if eq < 0 {
			break
		}
		key := strings.ToLower(strings.TrimSpace(rest[:eq]))
		if rest[eq] == ';' {
			rest = rest[eq:]
			continue
		}
		var val string
		val, rest = readParamValue(strings.TrimLeft(rest[eq+1:], " \t"))
		if key != "" {
			if _, dup := raw[key]; !dup {
				raw[key] = val
			}
		}
	}
	return kind, assembleParams(raw)
}

// readParamValue reads a quoted string (with backslash escapes; an unclosed quote runs to the end) or a
// token up to the next ";".
func readParamValue(s string) (val, rest string) {
	if !strings.HasPrefix(s, `"`) {
		tok, rest, _ := strings.Cut(s, ";")
		return strings.TrimSpace(tok), rest
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s):
			i++
			b.WriteByte(s[i])
		case c == '"':
			return b.String(), s[i+1:]
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), ""
}

// segment is one piece of an RFC 2231 parameter.
type segment struct {
	n        int
	ext      bool
	val      string
	wasFirst bool
}

// assembleParams joins RFC 2231 pieces (name*, name*0, name*1*...) into plain values; a 2231 value wins
// over a plain one of the same name.
func assembleParams(raw map[string]string) map[string]string {
	extended := false
	for k := range raw {
		extended = extended || strings.IndexByte(k, '*') >= 0
	}
	if !extended {
		return raw
	}
	out := make(map[string]string, len(raw))
	split := map[string][]segment{}
	for k, v := range raw {
		star := strings.IndexByte(k, '*')
		if star < 0 {
			if _, set := out[k]; !set {
				out[k] = v
			}
			continue
		}
		name, suffix := k[:star], k[star+1:]
		seg := segment{ext: strings.HasSuffix(suffix, "*") || suffix == "", val: v}
		num := strings.TrimSuffix(suffix, "*")
		if num != "" {
			n, err := strconv.Atoi(num)
			if err != nil || n > 100 {
				continue
			}
			seg.n = n
		}
		split[name] = append(split[name], seg)
	}
	for name, segs := range split {
		out[name] = join2231(segs)
	}
	return out
}

// join2231 orders the pieces, percent-decodes the extended ones and converts the charset named in the
// first extended piece.
func join2231(segs []segment) string {
	sort.Slice(segs, func(i, j int) bool { return segs[i].n < segs[j].n })
	cs := ""
	var buf []byte
	for i, s := range segs {
		if !s.ext {
			buf = append(buf, s.val...)
			continue
		}
		v := s.val
		if i == 0 {
			if parts := strings.SplitN(v, "'", 3); len(parts) == 3 {
				cs, v = parts[0], parts[2]
			}
		}
		buf = append(buf, percentDecode(v)...)
	}
	out, _ := decodeCharset(cs, buf)
	return out
}

func percentDecode(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			out = append(out, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		out = append(out, s[i])
	}
	return out
}
