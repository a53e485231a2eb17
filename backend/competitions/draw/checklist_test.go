package draw

import "testing"

// TestCheckListAgreesWithParseList: the same lists pass and fail, with the same count and total weight.
func TestCheckListAgreesWithParseList(t *testing.T) {
	good, _ := EncodeList(goldenList())
	cases := []struct{ name, list string }{
		{"golden", string(good)},
		{"empty", ListHeader + "\n"},
		{"out of order", ListHeader + "\nb\t1\na\t1\n"},
		{"repeated", ListHeader + "\na\t1\na\t1\n"},
		{"weight too large", ListHeader + "\na\t1001\n"},
		{"no final line feed", ListHeader + "\na\t1"},
		{"bad id", ListHeader + "\na/b\t1\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			entries, perr := ParseList([]byte(tc.list))
			n, total, cerr := CheckList([]byte(tc.list))
			if (perr == nil) != (cerr == nil) {
				t.Fatalf("ParseList: %v, CheckList: %v", perr, cerr)
			}
			var want uint64
			for _, e := range entries {
				want += e.Weight
			}
			if perr == nil && (n != len(entries) || total != want) {
				t.Fatalf("CheckList: %d entries weighing %d, ParseList: %d weighing %d", n, total, len(entries), want)
			}
		})
	}
}
