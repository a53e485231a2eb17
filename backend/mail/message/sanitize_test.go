package message

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// safeAttrs is every attribute Sanitize may leave; safeTags every element.
var (
	safeAttrs = map[string]bool{"title": true, "dir": true, "lang": true, "align": true, "valign": true,
		"width": true, "height": true, "bgcolor": true, "border": true, "cellpadding": true, "cellspacing": true,
		"colspan": true, "rowspan": true, "nowrap": true, "color": true, "face": true, "size": true,
		"start": true, "type": true, "href": true, "src": true, "alt": true, "style": true, "target": true,
		"rel": true, "data-blocked": true}
	unsafeTags = map[string]bool{"script": true, "style": true, "iframe": true, "frame": true, "frameset": true,
		"object": true, "embed": true, "applet": true, "form": true, "input": true, "button": true, "base": true,
		"meta": true, "link": true, "svg": true, "math": true, "portal": true, "video": true, "audio": true,
		"source": true, "picture": true, "details": true, "marquee": true, "template": true, "noscript": true}
)

// assertSafe checks sanitised HTML against an allow-list: element names, attribute names, URL schemes
// and style values. It returns the text content.
func assertSafe(t *testing.T, out string, remoteAllowed bool) string {
	t.Helper()
	var text strings.Builder
	z := html.NewTokenizer(strings.NewReader(out))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return text.String()
		}
		tok := z.Token()
		switch tt {
		case html.TextToken:
			text.WriteString(tok.Data)
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			if unsafeTags[tok.Data] {
				t.Errorf("unsafe element <%s> left", tok.Data)
			}
			for _, a := range tok.Attr {
				checkAttr(t, tok.Data, a, remoteAllowed)
			}
		case html.CommentToken, html.DoctypeToken:
			t.Errorf("comment or doctype left: %q", tok.Data)
		}
	}
}

func checkAttr(t *testing.T, tag string, a html.Attribute, remoteAllowed bool) {
	t.Helper()
	val := strings.ToLower(a.Val)
	if !safeAttrs[a.Key] || strings.HasPrefix(a.Key, "on") {
		t.Errorf("<%s %s> attribute left", tag, a.Key)
	}
	switch a.Key {
	case "href":
		if !strings.HasPrefix(val, "https://") && !strings.HasPrefix(val, "http://") && !strings.HasPrefix(val, "mailto:") {
			t.Errorf("link to %q left", a.Val)
		}
	case "src":
		ok := strings.HasPrefix(val, "data:image/") || (remoteAllowed && strings.HasPrefix(val, "https://"))
		if !ok || strings.HasPrefix(val, "data:image/svg+xml") && a.Val != blockedImage {
			t.Errorf("image source %q left", a.Val)
		}
	case "style":
		if strings.Contains(val, "url(") || strings.Contains(val, "expression") || strings.Contains(val, "position") ||
			strings.Contains(val, "behavior") || strings.Contains(val, "binding") || strings.Contains(val, "\\") {
			t.Errorf("style %q left", a.Val)
		}
	}
	if a.Key != "src" && a.Key != "style" && a.Key != "href" {
		return
	}
	remoteHost := a.Key != "href" && (strings.Contains(val, "evil.example") || !remoteAllowed && strings.Contains(val, "tracker.example"))
	if strings.Contains(val, "__xss") || strings.Contains(val, "javascript") || remoteHost {
		t.Errorf("<%s %s=%q> left", tag, a.Key, a.Val)
	}
}

func TestSanitizeXSSFixtures(t *testing.T) {
	remote := map[string]int{"remote-images.eml": 4}
	files, err := filepath.Glob("testdata/xss/*.eml")
	if err != nil || len(files) < 8 {
		t.Fatalf("xss fixtures: %v %d", err, len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			m, err := Parse(raw)
			if err != nil || m.HTML == "" {
				t.Fatalf("parse: %v, html %d bytes", err, len(m.HTML))
			}
			for _, allow := range []bool{false, true} {
				s := Sanitize(m.HTML, SanitizeOptions{AllowRemoteImages: allow, CIDURL: func(string) string { return "" }})
				text := assertSafe(t, s.HTML, allow)
				if !strings.Contains(text, "Visible text before.") {
					t.Errorf("legitimate text lost: %q", text)
				}
				if want := remote[filepath.Base(f)]; !allow && s.RemoteImages != want {
					t.Errorf("remote images = %d, want %d", s.RemoteImages, want)
				}
				if allow && (s.RemoteImages != 0 || !s.RemoteShown) {
					t.Errorf("allowed: remote %d shown %v", s.RemoteImages, s.RemoteShown)
				}
			}
		})
	}
}

func TestSanitizeLinksAndImages(t *testing.T) {
	cid := func(c string) string {
		switch c {
		case "logo@x":
			return "data:image/png;base64,iVBORw0KGgo="
		case "js@x":
			return "javascript:alert(1)"
		case "svg@x":
			return "data:image/svg+xml;base64,PHN2Zz4="
		}
		return ""
	}
	for _, tc := range []struct {
		name, in string
		allow    bool
		want     []string
		not      []string
		remote   int
	}{
		{name: "link shows its real target", in: `<a href="https://evil.example/login" title="Your bank">Your bank</a>`,
			want: []string{`href="https://evil.example/login"`, `title="https://evil.example/login"`, `target="_blank"`, `rel="noopener noreferrer"`},
			not:  []string{"Your bank\""}},
		{name: "mailto kept", in: `<a href="mailto:help@parentsnet.example">mail us</a>`,
			want: []string{`href="mailto:help@parentsnet.example"`, `target="_blank"`}},
		{name: "cid image resolved", in: `<img src="cid:logo@x" alt="logo">`,
			want: []string{`src="data:image/png;base64,iVBORw0KGgo="`, `alt="logo"`}},
		{name: "cid with brackets and escapes", in: `<img src="cid:%3Clogo@x%3E">`,
			want: []string{`src="data:image/png;base64,iVBORw0KGgo="`}},
		{name: "unknown cid gets placeholder", in: `<img src="cid:missing@x">`, want: []string{blockedImage}},
		{name: "cid url other than a data image refused", in: `<img src="cid:js@x"><img src="cid:svg@x">`,
			want: []string{blockedImage}, not: []string{"javascript", "PHN2Zz4="}},
		{name: "remote image blocked", in: `<img src="https://cdn.example/a.png">`, remote: 1,
			want: []string{blockedImage, `data-blocked="remote"`}, not: []string{"cdn.example"}},
		{name: "remote image allowed over https", in: `<img src="http://cdn.example/a.png">`, allow: true,
			want: []string{`src="https://cdn.example/a.png"`}},
		{name: "inline data image kept", in: `<img src="data:image/png;base64,iVBORw0KGgo=">`,
			want: []string{`src="data:image/png;base64,iVBORw0KGgo="`}},
		{name: "table formatting kept", in: `<table border="1" cellpadding="4"><tr><td align="right" style="color: #333">x</td></tr></table>`,
			want: []string{`border="1"`, `cellpadding="4"`, `align="right"`, `style="color: #333"`}},
		{name: "font kept", in: `<font color="red" face="Arial">hi</font>`, want: []string{`<font color="red" face="Arial">`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Sanitize(tc.in, SanitizeOptions{AllowRemoteImages: tc.allow, CIDURL: cid})
			assertSafe(t, s.HTML, tc.allow)
			for _, w := range tc.want {
				if !strings.Contains(s.HTML, w) {
					t.Errorf("output %q lacks %q", s.HTML, w)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(s.HTML, n) {
					t.Errorf("output %q has %q", s.HTML, n)
				}
			}
			if s.RemoteImages != tc.remote {
				t.Errorf("remote = %d, want %d", s.RemoteImages, tc.remote)
			}
		})
	}
}

func TestFrameDocument(t *testing.T) {
	blocked := FrameDocument(Sanitize(`<p>x</p><img src="https://cdn.example/a.png">`, SanitizeOptions{}))
	allowed := FrameDocument(Sanitize(`<p>x</p><img src="https://cdn.example/a.png">`, SanitizeOptions{AllowRemoteImages: true}))
	for _, doc := range []string{blocked, allowed} {
		for _, w := range []string{"<!DOCTYPE html>", `<meta charset="utf-8">`, `http-equiv="Content-Security-Policy"`,
			"default-src 'none'", "script-src 'none'", "style-src 'unsafe-inline'", "base-uri 'none'",
			"form-action 'none'", `<meta name="referrer" content="no-referrer">`, "<p>x</p>"} {
			if !strings.Contains(doc, w) {
				t.Errorf("frame lacks %q", w)
			}
		}
		if strings.Contains(doc, "unsafe-eval") || strings.Contains(doc, "<script") {
			t.Error("frame allows script")
		}
	}
	if !strings.Contains(blocked, "img-src data:;") || strings.Contains(blocked, "https:;") {
		t.Error("blocked frame allows remote images")
	}
	if !strings.Contains(allowed, "img-src data: https:;") {
		t.Error("allowed frame blocks https images")
	}
}

func TestHTMLToText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"<p>One</p><p>Two</p>", "One\n\nTwo"},
		{"a<br>b<br/>c", "a\nb\nc"},
		{"<ul><li>x</li><li>y</li></ul>", "- x\n- y"},
		{`<a href="https://e.example/x">see</a>`, "see (https://e.example/x)"},
		{`<a href="https://e.example/x">https://e.example/x</a>`, "https://e.example/x"},
		{"<style>p{}</style><script>x()</script><title>T</title>Body", "Body"},
		{"a&nbsp;&amp;&lt;b", "a &<b"},
		{"  lots   of\n\n   space ", "lots of space"},
	} {
		if got := HTMLToText(tc.in); got != tc.want {
			t.Errorf("HTMLToText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
