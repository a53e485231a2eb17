package message

import (
	"hash/maphash"
	"strings"
)

// WordsLimit is how much of a text Words reads, in bytes.
const WordsLimit = 256 << 10

// Words returns the distinct words of the first WordsLimit bytes of text, each once, space separated, in
// the order they first appear; for a search index that records which words a text holds but not where
// (FTS5 detail=column), it is the same index as the text's, for a fraction of the index's work.
//
// A word is a run of ASCII letters and digits and of bytes of non-ASCII characters: it splits only at
// ASCII spaces and punctuation, where FTS5's unicode61 tokenizer always splits, so that the tokenizer given
// Words finds the same words as given the text.
// Duplicates are exact byte matches; the tokenizer folds case and accents itself.
func Words(text string) string {
	text = cutAt(text, WordsLimit)
	set := newWordSet(len(text) / 64)
	var b strings.Builder
	b.Grow(len(text) / 4)
	for i := 0; i < len(text); {
		for i < len(text) && !wordBytes[text[i]] {
			i++
		}
		start := i
		var head uint64
		for i < len(text) && wordBytes[text[i]] {
			if i-start < 8 {
				head |= uint64(text[i]) << (8 * (i - start))
			}
			i++
		}
		if i > start && set.add(text, start, i, head) {
			b.WriteString(text[start:i])
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// cutAt cuts s to at most n bytes, at a character boundary.
func cutAt(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

// wordBytes marks the bytes that words are made of.
var wordBytes = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 0x80 || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	return t
}()

// wordSet is an open-addressing hash set of the words of one text, each held as its first 8 bytes, its
// place and its length: most words are told apart, and hashed, by their first 8 bytes alone, which made
// Words cost a third of what a map of strings did.
type wordSet struct {
	slots []wordSlot
	shift uint
	n     int
	seed  maphash.Seed
}

// wordSlot is one word of a wordSet; size == 0 marks an empty slot.
type wordSlot struct {
	head        uint64
	start, size int32
}

func newWordSet(hint int) *wordSet {
	s := &wordSet{shift: 58, seed: maphash.MakeSeed()}
	for 1<<(64-s.shift) < 2*hint {
		s.shift--
	}
	s.slots = make([]wordSlot, 1<<(64-s.shift))
	return s
}

// add adds text[start:end], whose first 8 bytes are head, and reports whether it was new.
func (s *wordSet) add(text string, start, end int, head uint64) bool {
	if 2*(s.n+1) > len(s.slots) {
		s.grow(text)
	}
	size := int32(end - start)
	h := (head ^ uint64(size)<<56) * 0x9E3779B97F4A7C15
	if size > 8 {
		h ^= maphash.String(s.seed, text[start+8:end])
	}
	mask := len(s.slots) - 1
	for i := int(h >> s.shift); ; i = (i + 1) & mask {
		sl := &s.slots[i]
		if sl.size == 0 {
			*sl = wordSlot{head: head, start: int32(start), size: size}
			s.n++
			return true
		}
		if sl.head == head && sl.size == size && (size <= 8 || text[sl.start+8:sl.start+size] == text[start+8:end]) {
			return false
		}
	}
}

func (s *wordSet) grow(text string) {
	old := s.slots
	s.shift--
	s.slots, s.n = make([]wordSlot, 1<<(64-s.shift)), 0
	for _, sl := range old {
		if sl.size != 0 {
			s.add(text, int(sl.start), int(sl.start+sl.size), sl.head)
		}
	}
}
