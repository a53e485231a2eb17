package message

import (
	"bytes"
	"encoding/base64"
	"strings"
	"unicode/utf8"

	htmlcharset "golang.org/x/net/html/charset"
)

const (
	maxDepth = 20
	maxParts = 500
)

// walk visits one MIME entity: multiparts are split and visited, text parts become the body, anything
// else an attachment.
func (p *parser) walk(h header, body []byte, depth int) {
	p.parts++
	if p.parts > maxParts {
		p.warn("too many mime parts, the rest ignored")
		return
	}
	ct, params := parseParams(h.get("content-type"))
	if depth == 0 {
		p.topType, p.topParams = ct, params
	}
	switch {
	case ct == "":
		ct = "text/plain"
	case !validMediaType(ct):
		p.warn("malformed content type, read as text/plain")
		ct = "text/plain"
	}
	if strings.HasPrefix(ct, "multipart/") {
		p.walkMultipart(params, body, depth)
		return
	}
	disp, dparams := parseParams(h.get("content-disposition"))
	filename := dparams["filename"]
	if filename == "" {
		filename = params["name"]
	}
	data := p.transferDecode(h.get("content-transfer-encoding"), body)
	isText := ct == "text/plain" || ct == "text/html"
	if isText && disp != "attachment" && filename == "" {
		cs := params["charset"]
		if cs == "" && ct == "text/html" && !utf8.Valid(data) {
			_, cs, _ = htmlcharset.DetermineEncoding(data, "text/html")
		}
		text, w := bodyText(cs, data)
		if w != "" {
			p.warn(w)
		}
		p.addText(ct, params, text)
		return
	}
	p.addAttachment(h, ct, disp, filename, data)
}

// validMediaType reports whether ct is "type/subtype" made of RFC 2045 token characters.
func validMediaType(ct string) bool {
	slash := strings.IndexByte(ct, '/')
	if slash <= 0 || slash == len(ct)-1 {
		return false
	}
	for i := 0; i < len(ct); i++ {
		c := ct[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '/' && i == slash:
		case strings.IndexByte("!#$&^_.+-", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// walkMultipart splits a multipart body on its boundary and visits each part.
func (p *parser) walkMultipart(params map[string]string, body []byte, depth int) {
	boundary := params["boundary"]
	if boundary == "" {
		p.warn("multipart without boundary, read as text")
		t, _ := decodeCharset("", body)
		p.addText("text/plain", nil, t)
		return
	}
	if depth >= maxDepth {
		p.warn("mime nesting too deep, inner parts ignored")
		return
	}
	parts, closed := splitMultipart(body, boundary)
	if len(parts) == 0 {
		p.warn("multipart with no parts, read as text")
		t, _ := decodeCharset("", body)
		p.addText("text/plain", nil, t)
		return
	}
	if !closed {
		p.warn("multipart not closed, last part read to the end")
	}
	for _, part := range parts {
		if p.parts >= maxParts {
			p.warn("too many mime parts, the rest ignored")
			return
		}
		hdr, b, ok := splitHeader(part)
		if !ok && len(hdr) > 0 {
			hdr, b = splitLoose(part)
		}
		p.walk(parseHeader(hdr), b, depth+1)
	}
}

// splitMultipart returns the parts between boundary lines and whether the closing boundary was found.
// Lines are recognised with CRLF or bare LF ends; a boundary must start a line.
func splitMultipart(body []byte, boundary string) (parts [][]byte, closed bool) {
	delim := []byte("--" + boundary)
	start := -1
	for pos := 0; pos <= len(body); {
		i := bytes.Index(body[pos:], delim)
		if i < 0 {
			break
		}
		i += pos
		after := i + len(delim)
		pos = after
		if i > 0 && body[i-1] != '\n' {
			continue
		}
		isClose := bytes.HasPrefix(body[after:], []byte("--"))
		eol := bytes.IndexByte(body[after:], '\n')
		lineEnd := len(body)
		if eol >= 0 {
			lineEnd = after + eol + 1
		}
		if !isClose && len(bytes.TrimSpace(body[after:lineEnd])) > 0 {
			continue
		}
		if start >= 0 {
			parts = append(parts, trimLineEnd(body[start:i]))
		}
		if isClose {
			return parts, true
		}
		start, pos = lineEnd, lineEnd
	}
	if start >= 0 && start <= len(body) {
		parts = append(parts, body[start:])
	}
	return parts, false
}

// trimLineEnd drops the line break that belongs to the following boundary line.
func trimLineEnd(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}

// transferDecode undoes the Content-Transfer-Encoding, keeping what is readable of broken input.
func (p *parser) transferDecode(cte string, body []byte) []byte {
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "", "7bit", "8bit", "binary":
		return body
	case "base64":
		out, ok := decodeBase64(body)
		if !ok {
			p.warn("broken base64, kept what was readable")
		}
		return out
	case "quoted-printable":
		return decodeQP(body)
	default:
		p.warn("unknown transfer encoding, read as is")
		return body
	}
}

// decodeBase64 ignores whitespace and anything outside the alphabet, and stops at the first "=".
func decodeBase64(body []byte) ([]byte, bool) {
	clean := make([]byte, 0, len(body))
	ok := true
	for _, c := range body {
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '/':
			clean = append(clean, c)
		case c == ' ', c == '\t', c == '\r', c == '\n', c == '=':
		default:
			ok = false
		}
	}
	if len(clean)%4 == 1 {
		clean, ok = clean[:len(clean)-1], false
	}
	out := make([]byte, base64.RawStdEncoding.DecodedLen(len(clean)))
	n, err := base64.RawStdEncoding.Decode(out, clean)
	return out[:n], ok && err == nil
}

// decodeQP decodes quoted-printable: soft line breaks with CRLF or LF, "=XX" in either case; a "="
// that starts nothing valid is kept as is.
func decodeQP(body []byte) []byte {
	out := make([]byte, 0, len(body))
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '=' {
			out = append(out, c)
			continue
		}
		rest := body[i+1:]
		switch {
		case len(rest) >= 2 && isHex(rest[0]) && isHex(rest[1]):
			out = append(out, unhex(rest[0])<<4|unhex(rest[1]))
			i += 2
		case len(rest) >= 1 && rest[0] == '\n':
			i++
		case len(rest) >= 2 && rest[0] == '\r' && rest[1] == '\n':
			i += 2
		default:
			j := 0
			for j < len(rest) && (rest[j] == ' ' || rest[j] == '\t') {
				j++
			}
			if j < len(rest) && rest[j] == '\n' {
				i += j + 1
				continue
			}
			if j+1 < len(rest) && rest[j] == '\r' && rest[j+1] == '\n' {
				i += j + 2
				continue
			}
			out = append(out, c)
		}
	}
	return out
}
