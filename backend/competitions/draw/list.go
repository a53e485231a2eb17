// Package draw is Staffdesk's verifiable winner draw, with no database and no clock: the canonical frozen
// list and its SHA-256, the commitment to a secret seed, the HMAC-SHA256 random stream keyed by the seed
// and a public value, and the weighted draw without replacement. DRAW.md beside this file specifies it
// precisely enough for anyone to write their own checker.
package draw

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// ListHeader is the first line of every frozen list file.
const ListHeader = "staffdesk-frozen-list/1"

// MaxWeight is the largest weight an entry may carry; the smallest is 1.
const MaxWeight = 1000

// MaxIDLen is the longest entry id, in bytes.
const MaxIDLen = 64

// Entry is one eligible entry of a frozen list: its id and its weight (1 when entries are not weighted).
type Entry struct {
	ID     string `json:"id"`
	Weight uint64 `json:"weight"`
}

// ValidID reports whether id may appear in a frozen list: 1 to 64 ASCII letters, digits, '.', '_', ':' or '-'.
func ValidID(id string) bool {
	if id == "" || len(id) > MaxIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == ':' || c == '-'
		if !ok {
			return false
		}
	}
	return true
}

// EncodeList returns the canonical frozen list: the header line, then one "id<TAB>weight" line per entry,
// sorted by id (bytewise), every line ending in a single LF. It refuses invalid ids, repeated ids and
// weights outside 1..MaxWeight.
func EncodeList(entries []Entry) ([]byte, error) {
	sorted := slices.Clone(entries)
	slices.SortFunc(sorted, func(a, b Entry) int { return strings.Compare(a.ID, b.ID) })
	var b bytes.Buffer
	b.Grow(len(ListHeader) + 1 + len(sorted)*16)
	b.WriteString(ListHeader)
	b.WriteByte('\n')
	for i, e := range sorted {
		if !ValidID(e.ID) {
			return nil, fmt.Errorf("entry id %q is not a valid list id", e.ID)
		}
		if i > 0 && sorted[i-1].ID == e.ID {
			return nil, fmt.Errorf("entry id %s appears twice", e.ID)
		}
		if e.Weight < 1 || e.Weight > MaxWeight {
			return nil, fmt.Errorf("entry %s: weight %d is outside 1..%d", e.ID, e.Weight, MaxWeight)
		}
		b.WriteString(e.ID)
		b.WriteByte('\t')
		b.WriteString(strconv.FormatUint(e.Weight, 10))
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

// ParseList reads a frozen list and checks that it is canonical: the header, valid ids in strictly
// ascending order, weights written in plain decimal within 1..MaxWeight, and every line ended by LF.
func ParseList(data []byte) ([]Entry, error) {
	rest, ok := bytes.CutPrefix(data, []byte(ListHeader+"\n"))
	if !ok {
		return nil, fmt.Errorf("the list does not start with the line %q", ListHeader)
	}
	out := make([]Entry, 0, bytes.Count(rest, []byte{'\n'}))
	line := 1
	for len(rest) > 0 {
		line++
		nl := bytes.IndexByte(rest, '\n')
		if nl < 0 {
			return nil, fmt.Errorf("list line %d does not end with a line feed", line)
		}
		e, err := parseLine(rest[:nl])
		if err != nil {
			return nil, fmt.Errorf("list line %d: %w", line, err)
		}
		if n := len(out); n > 0 && out[n-1].ID >= e.ID {
			return nil, fmt.Errorf("list line %d: entry %s is not in ascending id order", line, e.ID)
		}
		out = append(out, e)
		rest = rest[nl+1:]
	}
	return out, nil
}

func parseLine(l []byte) (Entry, error) {
	id, w, ok := bytes.Cut(l, []byte{'\t'})
	if !ok {
		return Entry{}, fmt.Errorf("expected an id, a tab and a weight")
	}
	e := Entry{ID: string(id)}
	if !ValidID(e.ID) {
		return Entry{}, fmt.Errorf("%q is not a valid entry id", id)
	}
	n, err := strconv.ParseUint(string(w), 10, 64)
	if err != nil || n < 1 || n > MaxWeight || strconv.FormatUint(n, 10) != string(w) {
		return Entry{}, fmt.Errorf("weight %q is not a whole number from 1 to %d", w, MaxWeight)
	}
	e.Weight = n
	return e, nil
}

// ListHash is the SHA-256 of a frozen list file's exact bytes, in lower-case hex.
func ListHash(list []byte) string {
	h := sha256.Sum256(list)
	return hex.EncodeToString(h[:])
}

// Commitment is the SHA-256 of the 32-byte seed, in lower-case hex: published before the draw.
func Commitment(seed []byte) string {
	h := sha256.Sum256(seed)
	return hex.EncodeToString(h[:])
}
