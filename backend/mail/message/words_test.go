package message

import (
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	long := strings.Repeat("é", WordsLimit/2+1)
	tests := []struct {
		name, text, want string
	}{
		{"empty", "", ""},
		{"once each, first order", "the cat and the hat and THE cat", "the cat and hat THE "},
		{"ASCII punctuation splits", "o'brien@example.com 3.5 a_b-c", "o brien example com 3 5 a b c "},
		{"non-ASCII stays in the word", "naïve café’s ①", "naïve café’s ① "},
		{"CRLF and tabs", "a\r\nb\tc a", "a b c "},
		{"same first 8 bytes", "nurseries1 nurseries2 nurseries1 nurseriesx nurseries", "nurseries1 nurseries2 nurseriesx nurseries "},
		{"one word the start of another", "abc abcd abc abcdefgh abcdefghi abcdefgh", "abc abcd abcdefgh abcdefghi "},
		{"many distinct words grow the set", manyWords(300), manyWords(300) + " "},
		{"cut at WordsLimit on a character boundary", "xy " + long, "xy " + long[:WordsLimit-4] + " "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Words(tt.text)
			if got != tt.want {
				t.Fatalf("Words(%.40q) = %.80q, want %.80q", tt.text, got, tt.want)
			}
		})
	}
}

// manyWords is n distinct words, space separated.
func manyWords(n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = "w" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26))
	}
	return strings.Join(w, " ")
}

// FuzzWords checks that Words keeps every word of a text, once, and nothing else.
func FuzzWords(f *testing.F) {
	f.Add("the cat and the hat")
	f.Add("o'brien@example.com naïve ①")
	f.Fuzz(func(t *testing.T, text string) {
		got := Words(text)
		want := map[string]bool{}
		for _, w := range strings.FieldsFunc(cutAt(text, WordsLimit), func(r rune) bool { return r < 0x80 && !wordBytes[r] }) {
			want[w] = true
		}
		seen := map[string]bool{}
		for _, w := range strings.Split(got, " ") {
			if w == "" {
				continue
			}
			if seen[w] || !want[w] {
				t.Fatalf("Words(%q) = %q: %q repeated or not a word of the text", text, got, w)
			}
			seen[w] = true
		}
		if len(seen) != len(want) {
			t.Fatalf("Words(%q) = %q: %d words, want %d", text, got, len(seen), len(want))
		}
	})
}
