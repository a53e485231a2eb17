package moderation

import (
	"slices"
	"testing"
	"time"
)

func TestFindPhones(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"international mobile", "Call +44 7700 900123 today", []string{"+44 7700 900123"}},
		{"national mobile", "Call 07700 900123 today", []string{"07700 900123"}},
		{"london bracketed", "Ring (020) 7946 0018.", []string{"(020) 7946 0018"}},
		{"london 4-3-4", "Ring 0207 946 0018", []string{"0207 946 0018"}},
		{"no spaces", "text 07700900123!", []string{"07700900123"}},
		{"international with (0)", "+44 (0)20 7946 0018", []string{"+44 (0)20 7946 0018"}},
		{"0044", "0044 7700 900123", []string{"0044 7700 900123"}},
		{"dashes", "0161-496-0000", []string{"0161-496-0000"}},
		{"dots", "07700.900.123", []string{"07700.900.123"}},
		{"followed by more digits words", "07700 900123 10am-4pm", []string{"07700 900123"}},
		{"two numbers", "07700 900123 or 020 7946 0018", []string{"07700 900123", "020 7946 0018"}},
		{"date is not a phone", "Open 2026-12-05 to 2026-12-06", nil},
		{"times are not a phone", "10.30-12.30 daily", nil},
		{"price is not a phone", "£1,250.00 per term", nil},
		{"too short", "call 0770 090", nil},
		{"other country", "+33 1 23 45 67 89", nil},
		{"inside a word", "ref ABC07700900123", nil},
		{"year range", "since 1998 2005 2010", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := findPhones(tc.text); !slices.Equal(got, tc.want) {
				t.Fatalf("findPhones(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestFindEmails(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"plain", "mail jo@example.com now", []string{"jo@example.com"}},
		{"plain co.uk", "Jo.Bloggs+kids@mail.example.co.uk.", []string{"Jo.Bloggs+kids@mail.example.co.uk"}},
		{"words", "write to jo at example dot com", []string{"jo at example dot com"}},
		{"square brackets", "jo[at]example.com", []string{"jo[at]example.com"}},
		{"round brackets and dots", "jo (at) example (dot) co (dot) uk", []string{"jo (at) example (dot) co (dot) uk"}},
		{"words with real dot is a web address", "find us at example.co.uk please", nil},
		{"not an email: at the", "meet at the park at ten", nil},
		{"not an email: at place dot", "see you at school dot then", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := findEmails(tc.text); !slices.Equal(got, tc.want) {
				t.Fatalf("findEmails(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestFindURLs(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"scheme", "see https://example.com/a?b=1.", []string{"https://example.com/a?b=1"}},
		{"www", "visit www.example.com", []string{"www.example.com"}},
		{"www odd tld", "visit www.example.pizza", []string{"www.example.pizza"}},
		{"bare with path", "go to example.co.uk/page now", []string{"example.co.uk/page"}},
		{"bare com", "Find us at littleacorns.com!", []string{"littleacorns.com"}},
		{"short link", "bit.ly/abc123", []string{"bit.ly/abc123"}},
		{"not e.g.", "bring snacks, e.g. fruit", nil},
		{"not a version", "version 3.5 is out", nil},
		{"not an email domain", "jo@example.com", nil},
		{"sentence ends", "It was fun.Next week too", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := findURLs(tc.text); !slices.Equal(got, tc.want) {
				t.Fatalf("findURLs(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

var checkNow = time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC)

func TestItemChecks(t *testing.T) {
	c := newChecker(checkNow, Terms{AbuseWords: []string{"idiot", "rip off"}, SpamDomains: []string{"spam.example"}})
	base := FeedItem{ID: "x", Version: 1, Kind: Business, Title: "Nursery", Body: "A nice place for children.", Postcode: "SW1A 1AA", SubmittedAt: "2026-11-20T09:00:00Z"}
	for _, tc := range []struct {
		name    string
		edit    func(it *FeedItem)
		want    []FlagCode
		matches []Match
	}{
		{"clean", func(it *FeedItem) {}, nil, nil},
		{"phone with empty field", func(it *FeedItem) { it.Body = "Call 07700 900123" },
			[]FlagCode{FlagContact}, []Match{{"body", "07700 900123"}}},
		{"phone with the field filled", func(it *FeedItem) { it.Body = "Call 07700 900123"; it.ContactPhone = "07700 900123" },
			[]FlagCode{FlagContact}, []Match{{"body", "07700 900123"}}},
		{"email spelled out in the title", func(it *FeedItem) { it.Title = "Nursery jo at example dot com" },
			[]FlagCode{FlagContact}, []Match{{"title", "jo at example dot com"}}},
		{"bracketed email is not also a url", func(it *FeedItem) { it.Body = "jo[at]example.com" },
			[]FlagCode{FlagContact}, []Match{{"body", "jo[at]example.com"}}},
		{"url without scheme", func(it *FeedItem) { it.Body = "More at example.co.uk/page" },
			[]FlagCode{FlagContact}, []Match{{"body", "example.co.uk/page"}}},
		{"abuse word, any case, plural", func(it *FeedItem) { it.Body = "The owner is an IDIOT. Idiots all." },
			[]FlagCode{FlagAbuse}, []Match{{"body", "IDIOT"}, {"body", "Idiots"}}},
		{"abuse phrase", func(it *FeedItem) { it.Body = "total rip  off" },
			[]FlagCode{FlagAbuse}, []Match{{"body", "rip  off"}}},
		{"abuse word inside another word is fine", func(it *FeedItem) { it.Body = "idiotic? no: idiotproof" }, nil, nil},
		{"spam domain in website field", func(it *FeedItem) { it.Website = "https://deals.spam.example/x" },
			[]FlagCode{FlagSpamLink}, []Match{{"website", "https://deals.spam.example/x"}}},
		{"spam domain in text, any tld", func(it *FeedItem) { it.Body = "cheap at WWW.Spam.Example/deal, jo@spam.example" },
			[]FlagCode{FlagContact, FlagSpamLink}, []Match{{"body", "jo@spam.example"}, {"body", "WWW.Spam.Example/deal"}, {"body", "WWW.Spam.Example/deal"}}},
		{"missing fields", func(it *FeedItem) { it.Title, it.Postcode = "", "" },
			[]FlagCode{FlagMissing}, []Match{{"title", ""}, {"postcode", ""}}},
		{"event ended", func(it *FeedItem) {
			it.Kind, it.EventStart, it.EventEnd = Event, "2026-11-01T10:00:00Z", "2026-11-01T12:00:00Z"
		}, []FlagCode{FlagEnded}, []Match{{"event_end", ""}}},
		{"event ended, start only", func(it *FeedItem) { it.Kind, it.EventStart = Event, "2026-11-01T10:00:00Z" },
			[]FlagCode{FlagEnded}, []Match{{"event_start", ""}}},
		{"event to come", func(it *FeedItem) {
			it.Kind, it.EventStart, it.EventEnd = Event, "2026-12-01T10:00:00Z", "2026-12-01T12:00:00Z"
		}, nil, nil},
		{"review needs a listing", func(it *FeedItem) { it.Kind, it.Title, it.Postcode = Review, "", "" },
			[]FlagCode{FlagMissing}, []Match{{"parent_id", ""}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			it := base
			tc.edit(&it)
			flags := c.itemFlags(it)
			var codes []FlagCode
			var matches []Match
			for _, f := range flags {
				codes = append(codes, f.Code)
				matches = append(matches, f.Matches...)
				if f.Message == "" || f.Label == "" {
					t.Errorf("flag %s has no explanation", f.Code)
				}
			}
			if !slices.Equal(codes, tc.want) || !slices.Equal(matches, tc.matches) {
				t.Fatalf("flags %v %q, want %v %q", codes, matches, tc.want, tc.matches)
			}
		})
	}
}

func TestDupKeysAndPostcodes(t *testing.T) {
	a := FeedItem{Title: "Little Acorns!", Body: "A friendly   nursery, for under-fives.", Postcode: "SW1A 1AA"}
	b := FeedItem{Title: "little acorns", Body: "a friendly nursery for under fives", Postcode: "SW1A1AA"}
	ab, at := dupKeys(a)
	bb, bt := dupKeys(b)
	if ab == "" || ab != bb || at == "" || at != bt {
		t.Fatalf("near-duplicates differ: %s %s / %s %s", ab, at, bb, bt)
	}
	if k, _ := dupKeys(FeedItem{Body: "Thanks!"}); k != "" {
		t.Fatalf("a short body should not be compared: %q", k)
	}
	for in, want := range map[string]string{"SW1A 1AA": "SW", "M1 1AE": "M", "LS1 4AP": "LS", "": "", "12345": "", "ABC1": ""} {
		if got := postcodeArea(in); got != want {
			t.Errorf("postcodeArea(%q) = %q, want %q", in, got, want)
		}
	}
}
