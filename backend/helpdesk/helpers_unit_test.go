package helpdesk

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTextHelpers(t *testing.T) {
	long := strings.Repeat("word ", 100)
	if s := snippet("  a\n\n b\tc "); s != "a b c" {
		t.Fatalf("snippet collapses spaces: %q", s)
	}
	if s := snippet(long); utf8.RuneCountInString(s) != snippetLen+1 || !strings.HasSuffix(s, "…") {
		t.Fatalf("long snippet: %q", s)
	}
	var ids []string
	for i := range 30 {
		ids = append(ids, fmt.Sprintf("m%d@x", i))
	}
	if r := trimRefs(ids); len(r) != maxReferences || r[0] != "m0@x" || r[len(r)-1] != "m29@x" || r[1] != "m11@x" {
		t.Fatalf("trimRefs: %v", r)
	}
	if d := domainOf("help@parents.example"); d != "parents.example" {
		t.Fatalf("domain %q", d)
	}
	if d := domainOf("nobody"); d != "staffdesk.invalid" {
		t.Fatalf("domain %q", d)
	}
	for in, want := range map[string]string{"Login Problem": "login-problem", "  prizes ": "prizes", "<b>": "", "café": ""} {
		if got := normTag(in); got != want {
			t.Errorf("normTag(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("filler ", 60) + "the pushchair wheel broke " + strings.Repeat("tail ", 60)
	for _, c := range []struct {
		name, text string
		terms      []string
		want       string
		ok         bool
	}{
		{"short text", "My Pushchair broke", []string{"pushchair"}, "My Pushchair broke", true},
		{"around the word", long, []string{"wheel"}, "wheel broke", true},
		{"earliest term", "a b wheel c pushchair", []string{"pushchair", "wheel"}, "a b wheel c pushchair", true},
		{"no term", "nothing here", []string{"wheel"}, "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := excerpt(c.text, c.terms)
			if ok != c.ok || !strings.Contains(got, c.want) || utf8.RuneCountInString(got) > excerptLen+2 {
				t.Fatalf("excerpt = %q, %v", got, ok)
			}
		})
	}
}
