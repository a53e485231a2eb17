package moderation

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"staffdesk/backend/apperr"
)

// Format is how a feed file is written.
type Format string

// The feed formats the importer reads.
const (
	JSONL Format = "jsonl"
	CSV   Format = "csv"
)

// FormatOf picks the format from a file name (.csv is CSV; .jsonl, .ndjson and .json are JSON Lines), or
// from the first byte of the content when the name does not say.
func FormatOf(name string, head []byte) Format {
	switch strings.ToLower(path.Ext(name)) {
	case ".csv":
		return CSV
	case ".jsonl", ".ndjson", ".json":
		return JSONL
	}
	if t := bytes.TrimLeft(head, " \t\r\n\ufeff"); len(t) > 0 && t[0] == '{' {
		return JSONL
	}
	return CSV
}

// maxLine is the longest feed line (or CSV record) accepted.
const maxLine = 1 << 20

// ParseError names the file, line and field of a malformed feed record.
type ParseError struct {
	File    string
	Line    int
	Field   string
	Problem string
}

func (e *ParseError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("%s line %d: %s", e.File, e.Line, e.Problem)
	}
	return fmt.Sprintf("%s line %d: field %s: %s", e.File, e.Line, e.Field, e.Problem)
}

// asAppErr makes a parse error the invalid-input error staff see.
func (e *ParseError) asAppErr() error {
	return apperr.Wrap(apperr.Invalid, e, "the file was not imported: %s", e.Error())
}

func lineErr(file string, line int, err error) *ParseError {
	var fe *FieldError
	if errors.As(err, &fe) {
		return &ParseError{File: file, Line: line, Field: fe.Field, Problem: fe.Problem}
	}
	return &ParseError{File: file, Line: line, Problem: err.Error()}
}

// ParseJSONL reads JSON Lines (one object per line; blank lines are skipped) and calls fn with each
// normalised record and its line number. It stops at the first malformed line with a *ParseError, and at
// the first error fn returns, which it passes on as is.
func ParseJSONL(r io.Reader, file string, fn func(line int, it FeedItem) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	line := 0
	for sc.Scan() {
		line++
		raw := sc.Bytes()
		if line == 1 {
			raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
		}
		if len(bytes.TrimSpace(raw)) == 0 {
			continue
		}
		it, err := decodeJSONLine(raw)
		if err == nil {
			err = it.normalise()
		}
		if err != nil {
			return lineErr(file, line, err)
		}
		if err := fn(line, it); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return &ParseError{File: file, Line: line + 1, Problem: fmt.Sprintf("the line is longer than %d bytes", maxLine)}
		}
		return fmt.Errorf("read %s: %w", file, err)
	}
	return nil
}

// decodeJSONLine turns one JSON object into a record: strings (or null) for text, a number or a string of
// digits for version. Unknown keys are ignored, so the site may add fields.
func decodeJSONLine(raw []byte) (FeedItem, error) {
	var it FeedItem
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return it, errors.New("not a JSON object: " + jsonProblem(err))
	}
	for _, f := range feedFields {
		v, ok := obj[f]
		if !ok || string(v) == "null" {
			continue
		}
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			var n json.Number
			if f != "version" || json.Unmarshal(v, &n) != nil {
				return it, fieldErr(f, "must be a string")
			}
			s = n.String()
		}
		if err := it.set(f, s); err != nil {
			return it, err
		}
	}
	return it, nil
}

func jsonProblem(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%s at byte %d", se.Error(), se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return "the line holds a JSON " + te.Value + ", not an object"
	}
	return err.Error()
}

// ParseCSV reads CSV with a header row; columns are matched by header name (any case, any order; unknown
// columns are ignored). Every record must have as many cells as the header. It calls fn as ParseJSONL does.
func ParseCSV(r io.Reader, file string, fn func(line int, it FeedItem) error) error {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return &ParseError{File: file, Line: 1, Problem: "the file is empty: it needs a header row"}
	}
	if err != nil {
		return csvErr(file, err)
	}
	cols, err := csvColumns(header)
	if err != nil {
		return &ParseError{File: file, Line: 1, Problem: err.Error()}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return csvErr(file, err)
		}
		line, _ := cr.FieldPos(0)
		var it FeedItem
		for i, name := range cols {
			if name == "" {
				continue
			}
			if len(rec[i]) > maxLine {
				return &ParseError{File: file, Line: line, Field: name, Problem: "the cell is too long"}
			}
			if err := it.set(name, rec[i]); err != nil {
				return lineErr(file, line, err)
			}
		}
		if err := it.normalise(); err != nil {
			return lineErr(file, line, err)
		}
		if err := fn(line, it); err != nil {
			return err
		}
	}
}

// csvColumns maps each header cell to a feed field name ("" for a column the feed does not define).
func csvColumns(header []string) ([]string, error) {
	known := map[string]bool{}
	for _, f := range feedFields {
		known[f] = true
	}
	cols := make([]string, len(header))
	seen := map[string]bool{}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		name = strings.ReplaceAll(name, " ", "_")
		if !known[name] {
			continue
		}
		if seen[name] {
			return nil, fmt.Errorf("the header names column %s twice", name)
		}
		seen[name], cols[i] = true, name
	}
	var missing []string
	for _, f := range []string{"id", "version", "kind", "submitted_at"} {
		if !seen[f] {
			missing = append(missing, f)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("the header has no %s column", strings.Join(missing, ", "))
	}
	return cols, nil
}

func csvErr(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		problem := pe.Err.Error()
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			problem = "the row does not have as many cells as the header"
		}
		return &ParseError{File: file, Line: pe.StartLine, Problem: problem}
	}
	return fmt.Errorf("read %s: %w", file, err)
}
