package draw

import (
	"context"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

func goldenSeed() []byte {
	seed := make([]byte, SeedSize)
	for i := range seed {
		seed[i] = byte(i)
	}
	return seed
}

func goldenList() []Entry {
	var list []Entry
	for i := 1; i <= 12; i++ {
		list = append(list, Entry{ID: fmt.Sprintf("E%03d", i), Weight: uint64(1 + i%3)})
	}
	return list
}

// TestGoldenVector pins the whole algorithm: the same list, seed and public value must give these
// results on any machine, in any later version that still calls itself staffdesk-draw/1. DRAW.md
// repeats this vector for third-party checkers.
func TestGoldenVector(t *testing.T) {
	data, err := EncodeList(goldenList())
	if err != nil {
		t.Fatal(err)
	}
	const pv = "Lotto 2026-03-14: 04 12 19 33 41 50"
	seed := goldenSeed()
	checks := []struct{ what, got, want string }{
		{"list hash", ListHash(data), "2292b50116f25a29dc18f552418075280c083bf02791514571b4e1048c039945"},
		{"commitment", Commitment(seed), "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd"},
	}
	lh, _ := hex.DecodeString(ListHash(data))
	st := NewStream(seed, lh, pv)
	checks = append(checks, struct{ what, got, want string }{"first stream value", fmt.Sprintf("%016x", st.Uint64()), "8264fcc57fde779e"})
	res, err := RunList(context.Background(), data, seed, pv, 3, 3)
	if err != nil {
		t.Fatal(err)
	}
	checks = append(checks,
		struct{ what, got, want string }{"winners", strings.Join(res.Winners, " "), "E004 E008 E010"},
		struct{ what, got, want string }{"reserves", strings.Join(res.Reserves, " "), "E005 E003 E001"})
	for _, c := range checks {
		t.Run(c.what, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("%s = %s, want %s", c.what, c.got, c.want)
			}
		})
	}
}

// naive is the specification's walk, without the Fenwick tree.
func naive(list []Entry, data, seed []byte, pv string, k int) []string {
	lh, _ := hex.DecodeString(ListHash(data))
	st := NewStream(seed, lh, pv)
	rest := slices.Clone(list)
	var out []string
	for i := 0; i < k && len(rest) > 0; i++ {
		var total uint64
		for _, e := range rest {
			total += e.Weight
		}
		r := st.Below(total)
		var run uint64
		for j, e := range rest {
			run += e.Weight
			if run > r {
				out = append(out, e.ID)
				rest = slices.Delete(rest, j, j+1)
				break
			}
		}
	}
	return out
}

func TestFenwickMatchesTheSpecificationWalk(t *testing.T) {
	for _, n := range []int{1, 2, 3, 7, 64, 65, 300} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var list []Entry
			for i := 0; i < n; i++ {
				list = append(list, Entry{ID: fmt.Sprintf("id-%04d", i), Weight: uint64(1 + (i*7919)%13)})
			}
			data, _ := EncodeList(list)
			for s := 0; s < 20; s++ {
				seed := goldenSeed()
				seed[0] = byte(s)
				res, err := RunList(context.Background(), data, seed, "pv", 5, 5)
				if err != nil {
					t.Fatal(err)
				}
				got := append(slices.Clone(res.Winners), res.Reserves...)
				if want := naive(list, data, seed, "pv", 10); !slices.Equal(got, want) {
					t.Fatalf("seed %d: fenwick %v, walk %v", s, got, want)
				}
			}
		})
	}
}

// chiSquare returns the statistic for observed counts against expected ones.
func chiSquare(observed map[string]int, expected map[string]float64) float64 {
	var x float64
	for id, e := range expected {
		d := float64(observed[id]) - e
		x += d * d / e
	}
	return x
}

// TestUniformity draws the first winner over many seeds from a small list: equal weights must give a
// uniform spread, and weights 1, 2 and 3 a spread in proportion. The thresholds are the chi-square
// 0.999 quantiles, so a correct draw fails about once in a thousand runs, and never here (seeds are fixed).
func TestUniformity(t *testing.T) {
	const seeds = 30000
	cases := []struct {
		name    string
		weights []uint64
		limit   float64 // chi-square 0.999 quantile for len(weights)-1 degrees of freedom
	}{
		{"equal weights", []uint64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 27.88},
		{"weights 1, 2, 3", []uint64{1, 2, 3, 1, 2, 3}, 20.52},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var list []Entry
			var total uint64
			for i, w := range tc.weights {
				list = append(list, Entry{ID: fmt.Sprintf("E%02d", i), Weight: w})
				total += w
			}
			data, _ := EncodeList(list)
			first, second := map[string]int{}, map[string]int{}
			for s := 0; s < seeds; s++ {
				seed := goldenSeed()
				seed[0], seed[1], seed[2] = byte(s), byte(s>>8), byte(s>>16)
				res, err := RunList(context.Background(), data, seed, "", 2, 0)
				if err != nil {
					t.Fatal(err)
				}
				first[res.Winners[0]]++
				second[res.Winners[1]]++
				if res.Winners[0] == res.Winners[1] {
					t.Fatalf("seed %d drew %s twice", s, res.Winners[0])
				}
			}
			expected := map[string]float64{}
			for _, e := range list {
				expected[e.ID] = float64(seeds) * float64(e.Weight) / float64(total)
			}
			if x := chiSquare(first, expected); x > tc.limit || math.IsNaN(x) {
				t.Fatalf("first winner: chi-square %.2f over %d seeds exceeds %.2f: %v", x, seeds, tc.limit, first)
			}
			if len(second) != len(list) {
				t.Fatalf("second winner never fell on some entries: %v", second)
			}
		})
	}
}

func TestBelowRejectsTheBiasedTail(t *testing.T) {
	st := NewStream(goldenSeed(), make([]byte, 32), "")
	const n = 3
	counts := make([]int, n)
	for i := 0; i < 30000; i++ {
		counts[st.Below(n)]++
	}
	for v, c := range counts {
		if c < 9500 || c > 10500 {
			t.Fatalf("value %d came %d times of 30000", v, c)
		}
	}
	if got := st.Below(1); got != 0 {
		t.Fatalf("Below(1) = %d", got)
	}
}

func TestListFormat(t *testing.T) {
	good, _ := EncodeList([]Entry{{"b", 2}, {"a", 1}})
	if string(good) != ListHeader+"\na\t1\nb\t2\n" {
		t.Fatalf("canonical list:\n%s", good)
	}
	bad := []struct{ name, list string }{
		{"no header", "a\t1\n"},
		{"out of order", ListHeader + "\nb\t1\na\t1\n"},
		{"repeated", ListHeader + "\na\t1\na\t1\n"},
		{"weight zero", ListHeader + "\na\t0\n"},
		{"weight with a leading zero", ListHeader + "\na\t01\n"},
		{"weight too large", ListHeader + "\na\t1001\n"},
		{"no final line feed", ListHeader + "\na\t1"},
		{"CRLF", ListHeader + "\r\na\t1\r\n"},
		{"space in id", ListHeader + "\na b\t1\n"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := ParseList([]byte(tc.list)); err == nil {
				t.Fatalf("accepted %q", tc.list)
			}
		})
	}
	if _, err := EncodeList([]Entry{{"a", 1}, {"a", 1}}); err == nil {
		t.Fatal("EncodeList accepted a repeated id")
	}
}

func TestShortListDrawsEveryoneWinnersFirst(t *testing.T) {
	list := []Entry{{"a", 1}, {"b", 1}, {"c", 1}}
	res, err := Run(context.Background(), list, goldenSeed(), "", 2, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Winners) != 2 || len(res.Reserves) != 1 {
		t.Fatalf("got %v", res)
	}
}

func FuzzParseList(f *testing.F) {
	f.Add([]byte(ListHeader + "\na\t1\nb\t2\n"))
	f.Add([]byte(ListHeader + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		list, err := ParseList(data)
		if err != nil {
			return
		}
		again, err := EncodeList(list)
		if err != nil || string(again) != string(data) {
			t.Fatalf("a parsed list does not encode back to itself: %v", err)
		}
	})
}
