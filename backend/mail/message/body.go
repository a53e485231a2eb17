package message

import (
	"bytes"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"
)

// addText adds a text/plain or text/html body part: line ends become "\n", NULs go, format=flowed
// text is unwrapped.
func (p *parser) addText(ct string, params map[string]string, text string) {
	text = normalizeText(text)
	if ct == "text/html" {
		p.html = append(p.html, text)
		return
	}
	if strings.EqualFold(params["format"], "flowed") {
		text = unflow(text, strings.EqualFold(params["delsp"], "yes"))
	}
	if strings.TrimSpace(text) != "" {
		p.text = append(p.text, strings.TrimRight(text, "\n "))
	}
}

// bodyText decodes a text part to UTF-8 with "\n" line ends, in one copy when it is already UTF-8.
func bodyText(cs string, data []byte) (string, string) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	switch normCharset(cs) {
	case "", "utf-8", "utf8", "us-ascii", "ascii":
		if utf8.Valid(data) {
			return normalizeBytes(data), ""
		}
	}
	t, w := decodeCharset(cs, data)
	return normalizeText(t), w
}

// normalizeBytes is normalizeText for bytes, copying once, a line at a time.
func normalizeBytes(b []byte) string {
	if bytes.IndexByte(b, 0) >= 0 {
		return normalizeText(string(b))
	}
	if bytes.IndexByte(b, '\r') < 0 {
		return string(b)
	}
	var out strings.Builder
	out.Grow(len(b))
	for {
		i := bytes.IndexByte(b, '\r')
		if i < 0 {
			out.Write(b)
			return out.String()
		}
		out.Write(b[:i])
		out.WriteByte('\n')
		b = b[i+1:]
		if len(b) > 0 && b[0] == '\n' {
			b = b[1:]
		}
	}
}

// normalizeText turns CRLF and lone CR into LF and drops NUL bytes.
func normalizeText(s string) string {
	if strings.IndexByte(s, '\r') < 0 && strings.IndexByte(s, 0) < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.ReplaceAll(s, "\x00", "")
}

// unflow joins RFC 3676 soft line breaks (a line ending in a space) with the next line of the same
// quote depth; the signature separator "-- " is kept as is.
func unflow(text string, delsp bool) string {
	lines := strings.Split(text, "\n")
	var b strings.Builder
	b.Grow(len(text))
	prevSoft, prevDepth := false, -1
	for _, line := range lines {
		depth := 0
		for depth < len(line) && line[depth] == '>' {
			depth++
		}
		content := strings.TrimPrefix(line[depth:], " ")
		soft := strings.HasSuffix(content, " ") && content != "-- "
		if soft && delsp {
			content = content[:len(content)-1]
		}
		if prevSoft && depth == prevDepth {
			b.WriteString(content)
		} else {
			if prevDepth >= 0 {
				b.WriteByte('\n')
			}
			b.WriteString(line[:depth])
			if depth > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(content)
		}
		prevSoft, prevDepth = soft, depth
	}
	return b.String()
}

// addAttachment records a non-body part.
func (p *parser) addAttachment(h header, ct, disp, filename string, data []byte) {
	cid := strings.TrimSpace(h.get("content-id"))
	cid = strings.TrimSuffix(strings.TrimPrefix(cid, "<"), ">")
	a := Attachment{
		Index:       len(p.msg.Attachments),
		ContentType: ct,
		ContentID:   cid,
		Size:        int64(len(data)),
		Inline:      disp == "inline" || (disp == "" && cid != "" && strings.HasPrefix(ct, "image/")),
		Data:        data,
	}
	switch ct {
	case "message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers":
		sub, id := enclosedHeader(data)
		if filename == "" && sub != "" && !strings.HasSuffix(ct, "headers") {
			filename = sub + ".eml"
		}
		if p.enclosedID == "" {
			p.enclosedID = id
		}
	}
	a.Filename = safeFilename(p.words(p.text8(filename)), a.Index, ct)
	p.msg.Attachments = append(p.msg.Attachments, a)
}

// safeFilename keeps the base name only, without control characters, at most 200 bytes; an empty
// name becomes "attachment-N" with an extension for the type.
func safeFilename(name string, index int, ct string) string {
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '\\' {
			return '/'
		}
		return r
	}, name)
	name = strings.Trim(path.Base("/"+name), " .")
	if name == "/" || name == "" {
		return "attachment-" + strconv.Itoa(index+1) + extFor(ct)
	}
	for len(name) > 200 {
		name = name[:len(name)-lastRuneSize(name)]
	}
	return name
}

// lastRuneSize is the byte length of the last (possibly invalid) UTF-8 sequence in s.
func lastRuneSize(s string) int {
	for i := len(s) - 1; i >= 0 && i >= len(s)-4; i-- {
		if s[i]&0xC0 != 0x80 {
			return len(s) - i
		}
	}
	return 1
}

// extFor gives a file extension for common attachment types.
func extFor(ct string) string {
	switch ct {
	case "image/png":
		return ".png"
	case "image/jpeg", "image/jpg":
		return ".jpg"
	case "image/gif":
		return ".gif"
	case "application/pdf":
		return ".pdf"
	case "text/plain":
		return ".txt"
	case "text/html":
		return ".html"
	case "text/calendar":
		return ".ics"
	case "message/rfc822", "message/global":
		return ".eml"
	}
	if strings.HasPrefix(ct, "text/") || strings.HasPrefix(ct, "message/") {
		return ".txt"
	}
	return ".bin"
}

// enclosedHeader reads the Subject and Message-ID of an attached message or returned header block: the
// subject names its file, the id ties a bounce to the mail it returns.
func enclosedHeader(data []byte) (subject, id string) {
	hdr, _, ok := splitHeader(data)
	if !ok {
		hdr, _ = splitLoose(data)
	}
	h := parseHeader(hdr)
	s, _ := decodeWords(h.get("subject"))
	if ids := parseIDs(h.get("message-id")); len(ids) > 0 {
		id = ids[0]
	}
	return strings.Join(strings.Fields(s), " "), id
}
