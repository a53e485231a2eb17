package message

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// want is what a fixture must parse to; empty fields are not checked.
type want struct {
	subject, fromName, fromEmail string
	messageID, inReplyTo         string
	text, html                   string   // substrings
	atts                         []string // "filename|content type|inline|content id"
	auto                         AutoKind
	warn                         string // substring of one warning; "" means no warnings at all
	noDate                       bool
	to                           []string
}

func TestParseFixtures(t *testing.T) {
	cases := map[string]want{
		"valid/plain-utf8.eml": {subject: "Question about my listing", fromName: "Sarah Jones",
			fromEmail: "sarah.jones@example.com", messageID: "CAF1x9@mail.example.com",
			text: "It costs £2 per child — café on site.\n\nThanks,\nSarah"},
		"valid/cp1252.eml": {fromName: "O'Brien, Mary", fromEmail: "mary.obrien@example.co.uk",
			text: "“Little Acorns Nursery” isn’t fair – it cost me £45 and the reviewer wasn’t even there…"},
		"valid/iso-2022-jp.eml":       {subject: "お問い合わせ", fromName: "山田花子", text: "こんにちは。イベントの登録について質問があります。"},
		"valid/koi8-r.eml":            {subject: "Вопрос", text: "Здравствуйте! Где мой приз?"},
		"valid/iso-8859-15.eml":       {text: "Le billet coûte 12 € par enfant."},
		"valid/gb18030.eml":           {subject: "请帮我删", text: "请帮我删除我的帐户。"},
		"valid/shift-jis.eml":         {subject: "アカウン", text: "アカウントを削除してください。"},
		"valid/html-meta-charset.eml": {text: "アカウントを削除してください。", html: "<p>アカウントを削除してください。</p>"},
		"valid/big5.eml":              {subject: "請刪除我", text: "請刪除我的帳戶。"},
		"valid/euc-kr.eml":            {subject: "계정을", text: "계정을 삭제해 주세요."},
		"valid/encoded-words.eml":     {subject: "Café — 😀 smile", fromName: "Zoë Müller", fromEmail: "zoe@example.de"},
		"valid/multipart-alternative.eml": {text: "my entry doesn’t show.",
			html: "<p>I entered the <b>half-term</b> competition but my entry doesn’t show.</p>"},
		"valid/html-only.eml": {html: "<script>alert(1)</script>",
			text: "This week\n\nThree new events (https://parentsnet.example/events) near you.\n\n- Toddler swim\n- Story time\n\nCheers,\nThe team"},
		"valid/inline-cid.eml": {text: "See the photo below.", html: `src="cid:photo1@example.com"`,
			atts: []string{"pram.png|image/png|true|photo1@example.com"}},
		"valid/attachment-rfc2231.eml": {text: "Two receipts attached.", atts: []string{
			"Reçu n°1 — juin.pdf|application/pdf|false|", "Facture été.pdf|application/pdf|false|",
			"Übersicht.docx|application/vnd.openxmlformats-officedocument.wordprocessingml.document|false|",
			"passwd|text/plain|false|"}},
		"valid/apple-mixed-inline.eml": {messageID: "A1B2C3D4-0000-4000-8000-ABCDEF012345@example.com",
			text: "Here is the photo of the buggy I listed:\n\nIt only shows a grey box on the site.\n\nHannah",
			atts: []string{"IMG_0042.jpeg|image/jpeg|true|"}},
		"valid/us-ascii-8bit.eml": {subject: "Naïve charset label", text: "My café listing says “closed” but we’re open."},
		"valid/bare-lf.eml":       {text: "Line one\nLine two", atts: []string{"list.csv|text/csv|false|"}},
		"valid/reply-thread.eml": {subject: "RE: Re: Question about my listing [#42]",
			inReplyTo: "sd.42.1@parentsnet.example", text: "> Hello Sarah"},
		"valid/auto-reply.eml":               {auto: AutoReply},
		"valid/x-autoreply.eml":              {auto: AutoReply},
		"valid/x-auto-response-suppress.eml": {auto: AutoReply},
		"valid/precedence-bulk.eml":          {auto: AutoBulk},
		"valid/bounce.eml": {auto: AutoBounce, fromEmail: "MAILER-DAEMON@mx.parentsnet.example", inReplyTo: "sd.42.3@parentsnet.example",
			text: "550 5.1.1 User unknown", atts: []string{"attachment-1.txt|message/delivery-status|false|",
				"attachment-2.txt|text/rfc822-headers|false|"}},
		"valid/no-message-id.eml": {messageID: "", fromEmail: "gran@example.com", text: "Typed on an old phone."},
		"valid/format-flowed.eml": {text: "mail client and should be joined again.\n> quoted text that was wrapped too\n-- \nAnn"},
		"valid/forwarded-rfc822.eml": {text: "Forwarding the message I received.",
			atts: []string{"you.eml|message/rfc822|false|"}},

		"malformed/no-closing-boundary.eml": {text: "The text survives.", atts: []string{"half.pdf|application/pdf|false|"},
			warn: "multipart not closed"},
		"malformed/missing-boundary.eml": {text: "Text with no boundary at all.", warn: "multipart without boundary"},
		"malformed/wrong-boundary.eml":   {text: "Body under another boundary.", warn: "multipart with no parts"},
		"malformed/bad-base64.eml":       {text: "Hello world", warn: "broken base64"},
		"malformed/unknown-charset.eml":  {text: "Café ok", warn: `unknown charset "x-mac-klingon"`},
		"malformed/invalid-utf8.eml":     {text: "Price: £25 “quoted”", warn: "invalid utf-8"},
		"malformed/bad-date.eml":         {noDate: true, warn: "unreadable date", text: "Body."},
		"malformed/header-garbage.eml":   {subject: "Garbage header lines", fromEmail: "i@example.com", text: "Body after garbage.", warn: "malformed header lines"},
		"malformed/header-only.eml":      {subject: "Header only, no blank line", warn: "no blank line"},
		"malformed/no-blank-line.eml": {subject: "Typed by a script", fromEmail: "olu@example.com", warn: "no blank line",
			text: "Hello, this body follows the header without a blank line.\nSecond line: with a colon after a space."},
		"malformed/8bit-header.eml":    {subject: "Café £5 voucher", warn: "8-bit header"},
		"malformed/deep-nesting.eml":   {warn: "nesting too deep"},
		"malformed/qp-soft-breaks.eml": {text: "Soft break with trailing spacescontinues; a stray = sign and =ZZ stay; £ is a pound."},
		"malformed/malformed-encoded-words.eml": {subject: "=?utf-8?q?unterminated and xA and =?utf-8?x?abc?= end",
			warn: "malformed encoded word"},
		"malformed/bad-addresses.eml": {fromName: "Unclosed quote", fromEmail: "m@example.com", messageID: "m13@example.com",
			to: []string{"a@example.com", "b@example.com", "Cee Person <c@example.com>"}, warn: "address without closing bracket"},
	}
	files, err := filepath.Glob("testdata/*/*.eml")
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, f := range files {
		name := strings.TrimPrefix(filepath.ToSlash(f), "testdata/")
		if strings.HasPrefix(name, "xss/") {
			continue
		}
		w, ok := cases[name]
		if !ok {
			t.Errorf("fixture %s has no expectation", name)
			continue
		}
		seen++
		t.Run(name, func(t *testing.T) { checkFixture(t, f, w) })
	}
	if seen != len(cases) {
		t.Errorf("%d expectations, %d fixtures", len(cases), seen)
	}
}

func checkFixture(t *testing.T, path string, w want) {
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(raw)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	eq := func(what, got, want string) {
		if want != "" && got != want {
			t.Errorf("%s = %q, want %q", what, got, want)
		}
	}
	eq("subject", m.Subject, w.subject)
	eq("from name", m.From.Name, w.fromName)
	eq("from email", m.From.Email, w.fromEmail)
	eq("message id", m.MessageID, w.messageID)
	eq("in-reply-to", m.InReplyTo, w.inReplyTo)
	if !strings.Contains(m.Text, w.text) {
		t.Errorf("text %q does not contain %q", m.Text, w.text)
	}
	if !strings.Contains(m.HTML, w.html) {
		t.Errorf("html %q does not contain %q", m.HTML, w.html)
	}
	if m.Auto != w.auto {
		t.Errorf("auto = %q, want %q", m.Auto, w.auto)
	}
	if w.noDate != m.Date.IsZero() {
		t.Errorf("date = %v", m.Date)
	}
	checkWarnings(t, m.Warnings, w.warn)
	checkAttachments(t, m.Attachments, w.atts)
	if w.to != nil {
		var got []string
		for _, a := range m.To {
			if a.Name != "" {
				got = append(got, a.Name+" <"+a.Email+">")
			} else {
				got = append(got, a.Email)
			}
		}
		eq("to", strings.Join(got, ", "), strings.Join(w.to, ", "))
	}
	if (len(m.ContentHash) == 64) != (m.MessageID == "") {
		t.Errorf("content hash %q with Message-ID %q: want one only without", m.ContentHash, m.MessageID)
	}
}

func checkWarnings(t *testing.T, got []string, want string) {
	t.Helper()
	if want == "" {
		if len(got) > 0 {
			t.Errorf("unexpected warnings %q", got)
		}
		return
	}
	for _, g := range got {
		if strings.Contains(g, want) {
			return
		}
	}
	t.Errorf("warnings %q lack %q", got, want)
}

func checkAttachments(t *testing.T, got []Attachment, want []string) {
	t.Helper()
	if want == nil {
		return
	}
	if len(got) != len(want) {
		t.Fatalf("%d attachments, want %d: %+v", len(got), len(want), got)
	}
	for i, a := range got {
		desc := strings.Join([]string{a.Filename, a.ContentType, boolStr(a.Inline), a.ContentID}, "|")
		if desc != want[i] {
			t.Errorf("attachment %d = %q, want %q", i, desc, want[i])
		}
		if a.Index != i || a.Size != int64(len(a.Data)) || a.Size == 0 {
			t.Errorf("attachment %d: index %d size %d data %d", i, a.Index, a.Size, len(a.Data))
		}
	}
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func TestParseNoHeader(t *testing.T) {
	for _, raw := range []string{"", "\r\n\r\nbody only", "no header line at all", "\n"} {
		if _, err := Parse([]byte(raw)); err != ErrNoHeader {
			t.Errorf("Parse(%q) err = %v, want ErrNoHeader", raw, err)
		}
	}
}

// TestParseHostileSizes: inputs built to make a parser slow still parse in linear time.
func TestParseHostileSizes(t *testing.T) {
	const n = 200000
	head := "From: a@example.com\r\nSubject: x\r\n"
	for name, raw := range map[string]string{
		"many parts":         head + "Content-Type: multipart/mixed; boundary=b\r\n\r\n" + strings.Repeat("--b\r\n\r\nx\r\n", n),
		"many continuations": head + "To: a@example.com" + strings.Repeat("\r\n ,b@example.com", n) + "\r\n\r\nbody",
		"unclosed words":     "Subject: " + strings.Repeat("=?utf-8?q?", n) + "\r\n\r\nbody",
		"unclosed tokens":    "Subject: " + strings.Repeat("[#1", n) + "\r\n\r\nbody",
		"boundary lookalike": head + "Content-Type: multipart/mixed; boundary=b\r\n\r\n" + strings.Repeat("x--b", n),
		"deep nesting":       head + strings.Repeat("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n", n/10),
		"flowed text":        head + "Content-Type: text/plain; format=flowed; delsp=yes\r\n\r\n" + strings.Repeat("word \r\n", n),
	} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			m, err := Parse([]byte(raw))
			if err != nil {
				t.Fatal(err)
			}
			SubjectToken(m.Subject)
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("took %v for %d bytes", d, len(raw))
			}
		})
	}
}

func TestAutoKinds(t *testing.T) {
	for _, tc := range []struct {
		header string
		want   AutoKind
	}{
		{"From: MAILER-DAEMON\r\n", AutoBounce},
		{"From: postmaster@example.com\r\n", AutoBounce},
		{"From: a@example.com\r\nReturn-Path: <>\r\n", AutoBounce},
		{"From: a@example.com\r\nReturn-Path: <>\r\nAuto-Submitted: auto-replied\r\n", AutoReply},
		{"From: a@example.com\r\nAuto-Submitted: no\r\n", AutoNone},
		{"From: a@example.com\r\nAuto-Submitted: auto-generated; owner-email=x@example.com\r\n", AutoReply},
		{"From: a@example.com\r\nX-Autorespond: on holiday\r\n", AutoReply},
		{"From: a@example.com\r\nX-Auto-Response-Suppress: None\r\n", AutoNone},
		{"From: a@example.com\r\nContent-Type: multipart/report; report-type=disposition-notification; boundary=x\r\n", AutoReply},
		{"From: a@example.com\r\nPrecedence: junk\r\n", AutoBulk},
		{"From: a@example.com\r\nPrecedence: List\r\n", AutoBulk},
		{"From: a@example.com\r\nPrecedence: first-class\r\n", AutoNone},
		{"From: a@example.com\r\nReturn-Path: <a@example.com>\r\n", AutoNone},
	} {
		m, err := Parse([]byte(tc.header + "Subject: x\r\n\r\nbody\r\n"))
		if err != nil {
			t.Fatal(err)
		}
		if m.Auto != tc.want {
			t.Errorf("%q: auto = %q, want %q", tc.header, m.Auto, tc.want)
		}
	}
}

func TestMalformedContentType(t *testing.T) {
	raw := "From: a@example.com\r\nContent-Type: text/plain\"><script>; charset=utf-8\r\n\r\nHello\r\n"
	m, err := Parse([]byte(raw))
	if err != nil || m.Text != "Hello" {
		t.Fatalf("parse: %v %q", err, m.Text)
	}
	checkWarnings(t, m.Warnings, "malformed content type")
}

func TestContentHash(t *testing.T) {
	base := "From: A <a@Example.com>\r\nSubject: Hi  there\r\nDate: Sun, 29 Nov 2026 10:00:00 +0000\r\n\r\nHello\r\n"
	h := func(raw string) string {
		m, err := Parse([]byte(raw))
		if err != nil {
			t.Fatal(err)
		}
		return m.ContentHash
	}
	same := []string{
		strings.ReplaceAll(base, "\r\n", "\n"),
		strings.Replace(base, "Date: Sun, 29 Nov 2026 10:00:00 +0000", "Date: Sun, 29 Nov 2026 11:00:00 +0100", 1),
		strings.Replace(base, "Hello\r\n", "Hello  \r\n\r\n", 1),
		"Received: by relay\r\n" + base,
		strings.Replace(base, "a@Example.com", "a@example.com", 1),
	}
	for i, s := range same {
		if h(s) != h(base) {
			t.Errorf("variant %d hashes differently", i)
		}
	}
	differ := []string{
		strings.Replace(base, "Hello", "Hello!", 1),
		strings.Replace(base, "Hi  there", "Hi", 1),
		strings.Replace(base, "10:00:00", "10:00:01", 1),
		strings.Replace(base, "a@Example.com", "b@example.com", 1),
	}
	for i, s := range differ {
		if h(s) == h(base) {
			t.Errorf("different mail %d hashes alike", i)
		}
	}
}

func TestDecodeWords(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{"=?utf-8?q?caf=C3=A9?=", "café"},
		{"=?UTF-8?Q?a_b?= =?UTF-8?Q?_c?=", "a b c"},
		{"=?utf-8?b?4oKs?=", "€"},
		{"=?utf-8?b?4g==?= =?utf-8?b?gqw=?=", "€"},
		{"=?utf-8?b?4oKs?=x", "€x"},
		{"x=?utf-8?q?=C3=A9?=", "xé"},
		{"=?iso-8859-1?q?=A3?= and =?koi8-r?q?=F7?=", "£ and В"},
		{"=?utf-8*en?q?hello?=", "hello"},
		{"=?utf-8?b?YWJj?=  =?iso-8859-1?q?=E9?=", "abcé"},
		{"=?utf-8?q?unclosed", "=?utf-8?q?unclosed"},
		{"=?utf-8?z?abc?=", "=?utf-8?z?abc?="},
		{"=?utf-8?b?!!!?=", "=?utf-8?b?!!!?="},
		{"=?utf-8?q?with spaces?=", "with spaces"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got, _ := decodeWords(tc.in); got != tc.want {
				t.Errorf("decodeWords(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestParamsRFC2231(t *testing.T) {
	for _, tc := range []struct{ in, key, want string }{
		{`attachment; filename="a b.pdf"`, "filename", "a b.pdf"},
		{`attachment; filename=plain.txt`, "filename", "plain.txt"},
		{`attachment; filename*=UTF-8''%e2%82%ac%20rates.pdf`, "filename", "€ rates.pdf"},
		{`attachment; filename*0="long "; filename*1="name.txt"`, "filename", "long name.txt"},
		{`attachment; filename*0*=iso-8859-1''%E9t; filename*1*=%E9.txt`, "filename", "été.txt"},
		{`attachment; filename="old.txt"; filename*=utf-8''new.txt`, "filename", "new.txt"},
		{`text/plain; charset="utf-8"; format=flowed`, "format", "flowed"},
		{`text/plain; CHARSET=ISO-8859-1`, "charset", "ISO-8859-1"},
		{`attachment; filename="unclosed.txt`, "filename", "unclosed.txt"},
		{`attachment; filename="a \"q\" b"`, "filename", `a "q" b`},
		{`multipart/mixed; boundary="--=_x;y"`, "boundary", "--=_x;y"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			_, p := parseParams(tc.in)
			if p[tc.key] != tc.want {
				t.Errorf("%s = %q, want %q", tc.key, p[tc.key], tc.want)
			}
		})
	}
}

func TestSubjectToken(t *testing.T) {
	for _, tc := range []struct {
		subject string
		n       int64
		ok      bool
	}{
		{"Re: help [#123]", 123, true},
		{"[#7] first", 7, true},
		{"Re: [#12] and [#34]", 34, true},
		{"[#12] and [#x]", 12, true},
		{"no token", 0, false},
		{"[#] [#-1] [#+5] [#0]", 0, false},
		{"[#99999999999999999999]", 0, false},
		{"[#12", 0, false},
	} {
		n, ok := SubjectToken(tc.subject)
		if n != tc.n || ok != tc.ok {
			t.Errorf("SubjectToken(%q) = %d, %v", tc.subject, n, ok)
		}
	}
}

func TestWithToken(t *testing.T) {
	for _, tc := range []struct {
		subject string
		want    string
	}{
		{"Question about my listing", "Re: Question about my listing [#42]"},
		{"Re: Question [#42]", "Re: Question [#42]"},
		{"RE: Re: AW: Question [#42]", "Re: Question [#42]"},
		{"Re: [#42] Question", "Re: Question [#42]"},
		{"Re: Question [#7]", "Re: Question [#42]"},
		{"Fwd: Question", "Re: Fwd: Question [#42]"},
		{"", "Re: [#42]"},
		{"Re:   spaced   out  ", "Re: spaced out [#42]"},
		{"Ratio: 3:1", "Re: Ratio: 3:1 [#42]"},
	} {
		got := WithToken(tc.subject, 42)
		if got != tc.want {
			t.Errorf("WithToken(%q) = %q, want %q", tc.subject, got, tc.want)
		}
		if n, ok := SubjectToken(got); !ok || n != 42 {
			t.Errorf("token lost in %q", got)
		}
		if WithToken(got, 42) != got {
			t.Errorf("WithToken not idempotent on %q", got)
		}
	}
}
