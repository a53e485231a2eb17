package message

import (
	"net/url"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// SanitizeOptions controls Sanitize.
type SanitizeOptions struct {
	// AllowRemoteImages keeps http(s) images (rewritten to https); otherwise each is replaced by a
	// placeholder and counted in Sanitized.RemoteImages.
	AllowRemoteImages bool
	// CIDURL maps a Content-ID (without angle brackets) to a data:image/... URL (not SVG: FrameDocument
	// allows images only from data: URLs); nil, "" or any other URL leaves a placeholder.
	CIDURL func(cid string) string
}

// Sanitized is HTML that is safe to show in FrameDocument's frame.
type Sanitized struct {
	HTML         string `json:"html"`
	RemoteImages int    `json:"remoteImages"` // remote images blocked and replaced by a placeholder
	RemoteShown  bool   `json:"remoteShown"`  // remote images were allowed (FrameDocument then allows https:)
}

// blockedImage is the placeholder shown instead of a remote or missing image: a small grey frame.
const blockedImage = "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIxNiIgaGVpZ2h0PSIxNiI+PHJlY3Qgd2lkdGg9IjE2IiBoZWlnaHQ9IjE2IiBmaWxsPSIjZGRkIi8+PC9zdmc+"

// Sanitize makes mail HTML safe: a policy of our own keeps text formatting, tables, lists, links and
// images, and the harmless inline styles mail relies on; it removes scripts, event handlers, forms,
// frames, objects, <base>, <meta>, <style>, SVG/MathML and every URL scheme but http, https, mailto, cid
// and data images. Then links get target=_blank, rel="noopener noreferrer" and their real target as a
// title; remote images are blocked and counted unless allowed; cid: images go through opts.CIDURL.
func Sanitize(src string, opts SanitizeOptions) Sanitized {
	out := rewrite(newPolicy().Sanitize(src), opts)
	out.RemoteShown = opts.AllowRemoteImages
	return out
}

// newPolicy builds the sanitising policy. It is cheap to build and not shared between calls.
func newPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("a", "abbr", "address", "article", "b", "bdi", "bdo", "big", "blockquote", "br", "caption",
		"center", "cite", "code", "col", "colgroup", "dd", "del", "dfn", "div", "dl", "dt", "em", "figcaption",
		"figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd",
		"li", "mark", "ol", "p", "pre", "q", "s", "samp", "section", "small", "span", "strike", "strong", "sub",
		"sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var", "wbr")
	p.AllowAttrs("title", "dir", "lang").Globally()
	p.AllowAttrs("align", "valign", "width", "height", "bgcolor", "border", "cellpadding", "cellspacing",
		"colspan", "rowspan", "nowrap").OnElements("table", "tbody", "thead", "tfoot", "tr", "td", "th",
		"col", "colgroup", "div", "p", "img", "hr", "center", "caption")
	p.AllowAttrs("color", "face", "size").OnElements("font")
	p.AllowAttrs("start", "type").OnElements("ol", "ul", "li")
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("src", "alt").OnElements("img")
	p.AllowStyles("color", "background-color", "font", "font-family", "font-size", "font-style", "font-weight",
		"text-align", "text-decoration", "text-transform", "text-indent", "line-height", "letter-spacing",
		"vertical-align", "white-space", "word-break", "word-wrap", "direction", "list-style-type",
		"margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
		"padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
		"border", "border-top", "border-right", "border-bottom", "border-left", "border-color",
		"border-style", "border-width", "border-collapse", "border-spacing", "border-radius",
		"width", "height", "max-width", "min-width", "max-height", "min-height", "float", "clear",
	).Globally()
	p.AllowURLSchemes("http", "https", "mailto", "cid")
	p.AllowDataURIImages()
	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(false)
	p.SkipElementsContent("head", "svg", "math", "template", "select", "textarea")
	p.AddSpaceWhenStrippingTag(true)
	return p
}

// rewrite walks the sanitised HTML once more to fix up links and images.
func rewrite(clean string, opts SanitizeOptions) Sanitized {
	var out Sanitized
	var b strings.Builder
	b.Grow(len(clean) + 256)
	z := html.NewTokenizer(strings.NewReader(clean))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			b.Write(z.Raw())
			continue
		}
		tok := z.Token()
		switch tok.DataAtom {
		case atom.A:
			tok.Attr = linkAttrs(tok.Attr)
		case atom.Img:
			var remote bool
			tok.Attr, remote = imageAttrs(tok.Attr, opts)
			if remote {
				out.RemoteImages++
			}
		}
		b.WriteString(tok.String())
	}
	out.HTML = b.String()
	return out
}

// linkAttrs keeps http, https and mailto targets only, opens them outside the app, and shows the real
// target as the title (replacing any title the sender chose).
func linkAttrs(attrs []html.Attribute) []html.Attribute {
	href := ""
	kept := attrs[:0]
	for _, a := range attrs {
		switch a.Key {
		case "href":
			href = a.Val
		case "title", "target", "rel":
		default:
			kept = append(kept, a)
		}
	}
	if !safeLink(href) {
		return kept
	}
	return append(kept,
		html.Attribute{Key: "href", Val: href},
		html.Attribute{Key: "title", Val: href},
		html.Attribute{Key: "target", Val: "_blank"},
		html.Attribute{Key: "rel", Val: "noopener noreferrer"})
}

// safeLink accepts absolute http(s) URLs with a host, and mailto: URLs.
func safeLink(href string) bool {
	u, err := url.Parse(href)
	if err != nil {
		return false
	}
	lower := strings.ToLower(href)
	switch {
	case strings.HasPrefix(lower, "http://"), strings.HasPrefix(lower, "https://"):
		return u.Host != ""
	case strings.HasPrefix(lower, "mailto:"):
		return u.Opaque != ""
	}
	return false
}

// imageAttrs resolves cid: images, blocks or upgrades remote ones, and reports whether the image was
// a blocked remote one.
func imageAttrs(attrs []html.Attribute, opts SanitizeOptions) ([]html.Attribute, bool) {
	remote := false
	for i, a := range attrs {
		if a.Key != "src" {
			continue
		}
		src := strings.TrimSpace(a.Val)
		lower := strings.ToLower(src)
		switch {
		case strings.HasPrefix(lower, "cid:"):
			attrs[i].Val = cidSource(src[4:], opts)
		case strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://"):
			if opts.AllowRemoteImages {
				attrs[i].Val = "https://" + src[strings.Index(src, "//")+2:]
			} else {
				attrs[i].Val = blockedImage
				attrs = append(attrs, html.Attribute{Key: "data-blocked", Val: "remote"})
				remote = true
			}
		case strings.HasPrefix(lower, "data:image/"):
		default:
			attrs[i].Val = blockedImage
		}
		return attrs, remote
	}
	return attrs, false
}

// cidSource maps a cid: reference to its URL, or to the placeholder.
func cidSource(cid string, opts SanitizeOptions) string {
	if c, err := url.PathUnescape(cid); err == nil {
		cid = c
	}
	cid = strings.TrimSuffix(strings.TrimPrefix(cid, "<"), ">")
	if opts.CIDURL == nil {
		return blockedImage
	}
	u := opts.CIDURL(cid)
	lower := strings.ToLower(u)
	if !strings.HasPrefix(lower, "data:image/") || strings.HasPrefix(lower, "data:image/svg") {
		return blockedImage
	}
	return u
}

// FrameDocument wraps sanitised HTML in a complete document for an iframe's srcdoc. Its
// Content-Security-Policy allows no script, no connection, no form, no frame and no plugin; images
// only from data: URLs (plus https: when s.RemoteShown, that is the operator allowed remote images);
// inline styles only; no referrer. Show it in an <iframe sandbox srcdoc=...> with neither allow-scripts
// nor allow-same-origin, so even a sanitiser bug can neither run script nor reach the app; links carry
// target=_blank and their real target as a title (the help-desk UI uses sandbox="" and lists the
// links under the message instead).
func FrameDocument(s Sanitized) string {
	img := "data:"
	if s.RemoteShown {
		img = "data: https:"
	}
	csp := "default-src 'none'; img-src " + img + "; style-src 'unsafe-inline'; font-src data:; " +
		"base-uri 'none'; form-action 'none'; frame-src 'none'; object-src 'none'; script-src 'none'"
	return `<!DOCTYPE html><html><head><meta charset="utf-8">` +
		`<meta http-equiv="Content-Security-Policy" content="` + csp + `">` +
		`<meta name="referrer" content="no-referrer">` +
		`<style>html,body{margin:0;padding:8px;font:14px/1.45 system-ui,sans-serif;color:#222;background:#fff;` +
		`overflow-wrap:anywhere}img{max-width:100%;height:auto}img[data-blocked]{outline:1px dashed #999}` +
		`table{max-width:100%}pre{white-space:pre-wrap}</style></head><body>` + s.HTML + `</body></html>`
}
