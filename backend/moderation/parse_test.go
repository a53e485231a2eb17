package moderation

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func parseFile(t *testing.T, path string) ([]FeedItem, error) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var items []FeedItem
	parse := ParseCSV
	if FormatOf(path, data) == JSONL {
		parse = ParseJSONL
	}
	err = parse(bytes.NewReader(data), filepath.Base(path), func(line int, it FeedItem) error {
		items = append(items, it)
		return nil
	})
	return items, err
}

func TestParseValid(t *testing.T) {
	items, err := parseFile(t, "testdata/valid/feed.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 4 {
		t.Fatalf("jsonl: %d items", len(items))
	}
	if it := items[0]; it.Postcode != "SW1A 1AA" || it.SubmittedByEmail != "sam@example.com" || it.ExpiresAt != "2027-11-20T00:00:00Z" {
		t.Errorf("jsonl normalising: %+v", it)
	}
	if it := items[1]; it.SubmittedAt != "2026-11-21T09:30:00Z" || it.Version != 2 {
		t.Errorf("jsonl time to UTC: %+v", it)
	}
	if it := items[2]; it.Kind != Review || it.Version != 1 || it.ParentID != "biz-1" {
		t.Errorf("jsonl string version and kind case: %+v", it)
	}
	items, err = parseFile(t, "testdata/valid/feed.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 {
		t.Fatalf("csv: %d items", len(items))
	}
	if it := items[0]; it.ID != "biz-2" || it.Title != "Baby Sensory, Leeds" || !strings.Contains(it.Body, "\n") {
		t.Errorf("csv by header name: %+v", it)
	}
	if it := items[1]; it.Body != `Great "sensory" class` || it.Version != 3 || it.ParentID != "biz-2" {
		t.Errorf("csv quoting: %+v", it)
	}
}

func TestParseMalformed(t *testing.T) {
	for _, tc := range []struct {
		file  string
		line  int
		field string
		text  string
	}{
		{"bad-kind.jsonl", 2, "kind", "must be business, event, review or comment"},
		{"bad-time.jsonl", 1, "event_start", "RFC 3339"},
		{"truncated.jsonl", 2, "", "not a JSON object"},
		{"bad-version.jsonl", 1, "version", "whole number"},
		{"body-not-string.jsonl", 1, "body", "must be a string"},
		{"missing-id.jsonl", 1, "id", "missing"},
		{"short-row.csv", 3, "", "as many cells as the header"},
		{"no-kind-column.csv", 1, "", "no kind, submitted_at column"},
		{"zero-version.csv", 3, "version", "1 or more"},
		{"bad-quote.csv", 2, "", "quote"},
		{"bad-date-after-multiline.csv", 4, "submitted_at", "RFC 3339"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			_, err := parseFile(t, filepath.Join("testdata/malformed", tc.file))
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("want a ParseError, got %v", err)
			}
			if pe.File != tc.file || pe.Line != tc.line || pe.Field != tc.field || !strings.Contains(pe.Problem, tc.text) {
				t.Fatalf("got %q (line %d field %q), want line %d field %q containing %q", pe, pe.Line, pe.Field, tc.line, tc.field, tc.text)
			}
		})
	}
}

func TestFormatOf(t *testing.T) {
	for _, tc := range []struct {
		name, head string
		want       Format
	}{
		{"a.csv", "{", CSV}, {"a.JSONL", "id", JSONL}, {"feed", " {\"id\"", JSONL}, {"feed", "id,kind", CSV},
	} {
		if got := FormatOf(tc.name, []byte(tc.head)); got != tc.want {
			t.Errorf("FormatOf(%q, %q) = %s", tc.name, tc.head, got)
		}
	}
}

// fuzzParser checks that a parser never panics, and that what it accepts is normalised: valid kind,
// version 1 or more, times in the store's layout.
func fuzzParser(t *testing.T, parse func([]byte) ([]FeedItem, error)) func(*testing.T, []byte) {
	return func(t *testing.T, data []byte) {
		items, err := parse(data)
		var pe *ParseError
		if err != nil && !errors.As(err, &pe) {
			t.Fatalf("error is not a ParseError: %v", err)
		}
		for _, it := range items {
			if !it.Kind.valid() || it.Version < 1 || it.ID == "" || len(it.SubmittedAt) != len(timeLayout) {
				t.Fatalf("accepted a record that is not normalised: %+v", it)
			}
			if err := it.normalise(); err != nil {
				t.Fatalf("normalising twice failed: %v", err)
			}
		}
	}
}

func collect(parse func(r *bytes.Reader, fn func(int, FeedItem) error) error) func([]byte) ([]FeedItem, error) {
	return func(data []byte) ([]FeedItem, error) {
		var items []FeedItem
		err := parse(bytes.NewReader(data), func(_ int, it FeedItem) error { items = append(items, it); return nil })
		return items, err
	}
}

func addSeeds(f *testing.F, glob string) {
	paths, _ := filepath.Glob(glob)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

func FuzzParseJSONL(f *testing.F) {
	addSeeds(f, "testdata/*/*.jsonl")
	f.Fuzz(fuzzParser(nil, collect(func(r *bytes.Reader, fn func(int, FeedItem) error) error { return ParseJSONL(r, "f", fn) })))
}

func FuzzParseCSV(f *testing.F) {
	addSeeds(f, "testdata/*/*.csv")
	f.Fuzz(fuzzParser(nil, collect(func(r *bytes.Reader, fn func(int, FeedItem) error) error { return ParseCSV(r, "f", fn) })))
}
