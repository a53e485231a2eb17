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
func ValidID(id string) bool { return validID(id) }

func validID[T string | []byte](id T) bool {
	if len(id) == 0 || len(id) > MaxIDLen {
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
	out := make([]Entry, 0, bytes.Count(data, []byte{'\n'}))
	err := scanList(data, func(id []byte, weight uint64) { out = append(out, Entry{ID: string(id), Weight: weight}) })
	if err != nil {
		return nil, err
	}
	return out, nil
}

// CheckList checks a frozen list as ParseList does and returns its number of entries and their total
// weight, without holding the entries.
func CheckList(data []byte) (entries int, total uint64, err error) {
	err = scanList(data, func(_ []byte, weight uint64) {
		entries++
		total += weight
	})
	return entries, total, err
}

// scanList checks data line by line and calls fn with each entry's id (a part of data) and weight.
func scanList(data []byte, fn func(id []byte, weight uint64)) error {
	rest, ok := bytes.CutPrefix(data, []byte(ListHeader+"\n"))
	if !ok {
		return fmt.Errorf("the list does not start with the line %q", ListHeader)
	}
	var prev []byte
	line := 1
	for len(rest) > 0 {
		line++
		nl := bytes.IndexByte(rest, '\n')
		if nl < 0 {
			return fmt.Errorf("list line %d does not end with a line feed", line)
		}
		id, weight, err := parseLine(rest[:nl])
		if err != nil {
			return fmt.Errorf("list line %d: %w", line, err)
		}
		if prev != nil && bytes.Compare(prev, id) >= 0 {
			return fmt.Errorf("list line %d: entry %s is not in ascending id order", line, id)
		}
		fn(id, weight)
		prev = id
		rest = rest[nl+1:]
	}
	return nil
}

func parseLine(l []byte) ([]byte, uint64, error) {
	id, w, ok := bytes.Cut(l, []byte{'\t'})
	if !ok {
		return nil, 0, fmt.Errorf("expected an id, a tab and a weight")
	}
	if !validID(id) {
		return nil, 0, fmt.Errorf("%q is not a valid entry id", id)
	}
	n, err := strconv.ParseUint(string(w), 10, 64)
	if err != nil || n < 1 || n > MaxWeight || strconv.FormatUint(n, 10) != string(w) {
		return nil, 0, fmt.Errorf("weight %q is not a whole number from 1 to %d", w, MaxWeight)
	}
	return id, n, nil
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
