package message

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTMLToText renders HTML as readable plain text: block elements and <br> break lines, list items get
// a bullet, links keep their target in brackets, script/style/head content is dropped, whitespace is
// collapsed.
func HTMLToText(src string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var b strings.Builder
	skip := 0
	space := false
	link, linkAt := "", 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return tidyLines(b.String())
		case html.TextToken:
			if skip > 0 {
				continue
			}
			writeCollapsed(&b, string(z.Text()), &space)
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if hiddenContent(a) {
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			}
			if skip > 0 {
				continue
			}
			if a == atom.A {
				link, linkAt = linkText(&b, tt, hasAttr, z, link, linkAt)
				continue
			}
			tagText(&b, a, tt, hasAttr, z, &space)
		}
	}
}

// linkText remembers a link's http(s) target at <a> and writes it after the link text at </a>, unless
// the text already shows it.
func linkText(b *strings.Builder, tt html.TokenType, hasAttr bool, z *html.Tokenizer, link string, at int) (string, int) {
	switch {
	case tt == html.StartTagToken && hasAttr:
		href := strings.TrimSpace(attr(z, "href"))
		if strings.HasPrefix(href, "http://") || strings.HasPrefix(href, "https://") {
			return href, b.Len()
		}
		return "", 0
	case tt == html.EndTagToken && link != "":
		shown := strings.TrimSpace(b.String()[at:])
		if shown != link && shown != strings.TrimSuffix(link, "/") {
			b.WriteString(" (" + link + ")")
		}
	}
	return "", 0
}

func hiddenContent(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Head, atom.Title, atom.Template, atom.Noscript:
		return true
	}
	return false
}

// tagText writes the line breaks and markers a tag stands for.
func tagText(b *strings.Builder, a atom.Atom, tt html.TokenType, hasAttr bool, z *html.Tokenizer, space *bool) {
	switch a {
	case atom.Br:
		b.WriteByte('\n')
		*space = true
	case atom.P, atom.Div, atom.Tr, atom.Table, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Blockquote, atom.Ul, atom.Ol, atom.Pre, atom.Hr, atom.Section, atom.Article, atom.Header,
		atom.Footer:
		b.WriteString("\n")
		*space = true
	case atom.Li:
		if tt == html.StartTagToken {
			b.WriteString("\n- ")
			*space = true
		}
	case atom.Td, atom.Th:
		if tt == html.StartTagToken {
			b.WriteByte(' ')
			*space = true
		}
	case atom.Img:
		if alt := attr(z, "alt"); alt != "" && hasAttr {
			writeCollapsed(b, "["+alt+"]", space)
		}
	}
}

// attr returns the value of the named attribute of the current tag (consumes the attributes).
func attr(z *html.Tokenizer, name string) string {
	for {
		k, v, more := z.TagAttr()
		if string(k) == name {
			return string(v)
		}
		if !more {
			return ""
		}
	}
}

// writeCollapsed writes text with runs of whitespace turned into one space.
func writeCollapsed(b *strings.Builder, s string, space *bool) {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\u00a0':
			if !*space {
				b.WriteByte(' ')
				*space = true
			}
		default:
			b.WriteRune(r)
			*space = false
		}
	}
}

// tidyLines trims every line and keeps at most one blank line in a row.
func tidyLines(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := true
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		out = append(out, l)
		blank = false
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}
