package surveys

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// stopWords are common English words left out of word frequencies.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are aren't as at be because been
		before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
		during each few for from further get got had hadn't has hasn't have haven't having he he'd he'll he's her here
		here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's
		like me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own
		really same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them
		themselves then there there's these they they'd they'll they're they've this those through to too under until up
		us very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who
		who's whom why why's will with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves
		im ive dont cant thats much many one lot lots bit quite still even way well yes`) {
		m[w] = true
	}
	return m
}()

// countWords adds the words of text (lower case, letters and apostrophes, at least three letters, no stop
// words) to counts.
func countWords(text string, counts map[string]int) {
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.Trim(strings.ToLower(text[start:end]), "'’")
		start = -1
		if utf8.RuneCountInString(w) < 3 || stopWords[strings.ReplaceAll(w, "’", "'")] {
			return
		}
		counts[w]++
	}
	for i, r := range text {
		if unicode.IsLetter(r) || r == '\'' || r == '’' {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
}

// topWords returns the n most frequent words, ties alphabetically.
func topWords(counts map[string]int, n int) []WordCount {
	out := make([]WordCount, 0, len(counts))
	for w, c := range counts {
		out = append(out, WordCount{Word: w, Count: c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Word < out[j].Word
	})
	return out[:min(n, len(out))]
}
