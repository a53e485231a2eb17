package message

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func seedFixtures(f *testing.F, html bool) {
	files, err := filepath.Glob("testdata/*/*.eml")
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range files {
		raw, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		if !html {
			f.Add(raw)
			continue
		}
		if m, err := Parse(raw); err == nil && m.HTML != "" {
			f.Add([]byte(m.HTML))
		}
	}
}

// FuzzParse: any input parses without panicking, and what comes out is well-formed.
func FuzzParse(f *testing.F) {
	seedFixtures(f, false)
	f.Add([]byte("Content-Type: multipart/mixed; boundary=a\n\n--a\n--a\n\n--a--"))
	f.Add([]byte("Subject: =?utf-8?b?=?= =?x?q?=?=\n\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := Parse(raw)
		if err != nil {
			return
		}
		for what, s := range map[string]string{"subject": m.Subject, "text": m.Text, "html": m.HTML,
			"from": m.From.Name + m.From.Email} {
			if !utf8.ValidString(s) {
				t.Errorf("%s is not utf-8", what)
			}
		}
		if strings.Contains(m.Text, "\r") {
			t.Error("text keeps CR")
		}
		if (len(m.ContentHash) == 64) != (m.MessageID == "") || len(m.Warnings) > 50 {
			t.Errorf("hash %q with Message-ID %q, %d warnings", m.ContentHash, m.MessageID, len(m.Warnings))
		}
		for i, a := range m.Attachments {
			if a.Index != i || a.Size != int64(len(a.Data)) || a.Filename == "" || strings.ContainsAny(a.Filename, "/\\\x00") {
				t.Errorf("attachment %d: %+v", i, a)
			}
		}
	})
}

// FuzzSanitize: whatever the HTML, the output passes the allow-list check.
func FuzzSanitize(f *testing.F) {
	seedFixtures(f, true)
	f.Add([]byte(`<a href="javascript:x">y</a><img src=x onerror=alert(1)>`))
	f.Add([]byte(`<svg><style><img src=x onerror=1></style></svg><math><mi xlink:href="javascript:1">`))
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, allow := range []bool{false, true} {
			s := Sanitize(string(src), SanitizeOptions{AllowRemoteImages: allow,
				CIDURL: func(string) string { return "data:image/png;base64,AAAA" }})
			assertSafe(t, s.HTML, allow)
		}
	})
}

// FuzzNormalize checks that the line-at-a-time normalizeBytes agrees with normalizeText.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "a\r\nb", "a\rb\r", "\r\r\n\n", "x\x00\r\ny", "no breaks", "\r"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := normalizeBytes(b), normalizeText(string(b)); got != want {
			t.Fatalf("normalizeBytes(%q) = %q, want %q", b, got, want)
		}
	})
}
