package message

import "strings"

// WordsLimit is how much of a text Words reads, in bytes.
const WordsLimit = 256 << 10

// Words returns the distinct words of the first WordsLimit bytes of text, each once, space separated, in
// the order they first appear; for a search index that records which words a text holds but not where
// (FTS5 detail=column), it is the same index as the text's, for a fraction of the index's work.
//
// A word is a run of ASCII letters and digits and of bytes of non-ASCII characters: it splits only where
// every tokenizer splits, so that a tokenizer given Words finds the same words as given the text.
// Duplicates are exact byte matches; the tokenizer folds case and accents itself.
func Words(text string) string {
	text = cutAt(text, WordsLimit)
	var set wordSet
	set.init(len(text) / 64)
	var b strings.Builder
	b.Grow(len(text) / 4)
	start, h := -1, uint32(0)
	for i := 0; i <= len(text); i++ {
		if i < len(text) && wordBytes[text[i]] {
			if start < 0 {
				start, h = i, 0
			}
			h = (h<<5 | h>>27) ^ uint32(text[i])
			continue
		}
		if start >= 0 && set.add(text, start, i, h) {
			b.WriteString(text[start:i])
			b.WriteByte(' ')
		}
		start = -1
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

// wordSet is an open-addressing hash set of words, held as offsets into one text: cheaper than a map,
// which made Words cost more than the index work it saves.
type wordSet struct {
	slots []wordSlot
	n     int
}

// wordSlot is one word of a wordSet; end == 0 marks an empty slot.
type wordSlot struct {
	hash       uint32
	start, end int32
}

func (s *wordSet) init(hint int) {
	size := 64
	for size < 2*hint {
		size *= 2
	}
	s.slots = make([]wordSlot, size)
}

// add adds text[start:end], whose hash is h, and reports whether it was new.
func (s *wordSet) add(text string, start, end int, h uint32) bool {
	if 2*(s.n+1) > len(s.slots) {
		s.grow(text)
	}
	mask := uint32(len(s.slots) - 1)
	m := (h ^ h>>15) * 0x2c1b3c6d
	for i := (m ^ m>>12) & mask; ; i = (i + 1) & mask {
		sl := &s.slots[i]
		if sl.end == 0 {
			*sl = wordSlot{hash: h, start: int32(start), end: int32(end)}
			s.n++
			return true
		}
		if sl.hash == h && text[sl.start:sl.end] == text[start:end] {
			return false
		}
	}
}

func (s *wordSet) grow(text string) {
	old := s.slots
	s.slots, s.n = make([]wordSlot, 2*len(old)), 0
	for _, sl := range old {
		if sl.end != 0 {
			s.add(text, int(sl.start), int(sl.end), sl.hash)
		}
	}
}
