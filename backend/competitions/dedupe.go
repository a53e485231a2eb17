package competitions

import (
	"bytes"
	"crypto/sha256"
	"hash/maphash"
	"slices"
)

// key128 is the first 16 bytes of the SHA-256 of a normalised email or household key. The duplicate rules
// compare these instead of holding a million keys as strings; two different keys share one with a
// probability of about 2^-128 per pair. The zero key means "none".
type key128 [16]byte

func keyOf(s string) key128 {
	if s == "" {
		return key128{}
	}
	sum := sha256.Sum256([]byte(s))
	return key128(sum[:16])
}

// candidate is what the duplicate rules need to know of an entry, in 40 bytes and no pointers.
type candidate struct {
	submitted int64
	order     int64 // import id << 32 | line: ties on submission time go to the one read first
	email     key128
	id        uint32 // offset of the entry id in entrySet.ids
	idLen     uint8
	own       uint8 // code of the entry's own reason (0: none)
}

// Statuses of a verdict, and their names in the store.
const (
	statusEligible uint8 = iota
	statusIneligible
	statusDuplicate
)

var statusNames = [...]string{"eligible", "ineligible", "duplicate"}

// verdict is an entry's outcome.
type verdict struct {
	status uint8
	reason uint8 // reason code
	kept   int32 // index of the entry kept in this one's place, for a duplicate; -1 otherwise
}

// knownReasons are the first reason codes of every entry set; code 0 is no reason.
var knownReasons = []string{"", ReasonWindow, ReasonAnswer, ReasonCountry, ReasonAge, ReasonDomain, ReasonPastWinner,
	ReasonPerson, ReasonHousehold}

// Codes of the reasons evaluate sets itself.
const (
	codeWindow    uint8 = 1
	codePerson    uint8 = 7
	codeHousehold uint8 = 8
)

// entrySet holds a competition's entries compactly for the duplicate rules: the ids in one byte arena,
// emails and households as key128, reasons as codes, and the earliest entry of each person so far.
type entrySet struct {
	cands      []candidate
	households []key128 // per entry (zero: none), only when the household rule applies
	ids        []byte
	reasons    []string
	seed       maphash.Seed
	byID       map[uint64]int32 // hash of an id: the first entry with that hash
	sameHash   map[string]int32 // ids whose hash an earlier, different id already had
	earliest   map[key128]int32 // each person's earliest entry inside the open window
}

// newEntrySet makes an empty set; household turns on the one-entry-per-household rule.
func newEntrySet(sizeHint int, household bool) *entrySet {
	s := &entrySet{cands: make([]candidate, 0, sizeHint), ids: make([]byte, 0, sizeHint*8),
		reasons: slices.Clone(knownReasons), seed: maphash.MakeSeed(), byID: make(map[uint64]int32, sizeHint),
		sameHash: map[string]int32{}, earliest: make(map[key128]int32, sizeHint)}
	if household {
		s.households = make([]key128, 0, sizeHint)
	}
	return s
}

// add appends an entry and returns its index; false when the set already holds an entry with this id.
// household is ignored unless the household rule applies.
func (s *entrySet) add(id string, submitted, order int64, emailKey, household, own string) (int, bool) {
	i := int32(len(s.cands))
	h := maphash.String(s.seed, id)
	if j, ok := s.byID[h]; !ok {
		s.byID[h] = i
	} else if s.id(int(j)) == id {
		return int(j), false
	} else if k, ok := s.sameHash[id]; ok {
		return int(k), false
	} else {
		s.sameHash[id] = i
	}
	s.cands = append(s.cands, candidate{submitted: submitted, order: order, email: keyOf(emailKey),
		id: uint32(len(s.ids)), idLen: uint8(len(id)), own: s.code(own)})
	s.ids = append(s.ids, id...)
	if s.households != nil {
		s.households = append(s.households, keyOf(household))
	}
	s.keepEarliest(int(i))
	return int(i), true
}

// find returns the index of the entry with this id, or -1.
func (s *entrySet) find(id string) int32 {
	j, ok := s.byID[maphash.String(s.seed, id)]
	if !ok {
		return -1
	}
	if s.id(int(j)) == id {
		return j
	}
	if k, ok := s.sameHash[id]; ok {
		return k
	}
	return -1
}

func (s *entrySet) idBytes(i int) []byte {
	c := &s.cands[i]
	return s.ids[c.id : c.id+uint32(c.idLen)]
}

// id returns entry i's id.
func (s *entrySet) id(i int) string { return string(s.idBytes(i)) }

// code returns the code of a reason, adding reasons it does not know yet.
func (s *entrySet) code(reason string) uint8 {
	if i := slices.Index(s.reasons, reason); i >= 0 {
		return uint8(i)
	}
	s.reasons = append(s.reasons, reason)
	return uint8(len(s.reasons) - 1)
}

// keptID is the id of the entry kept in place of a duplicate, or "".
func (s *entrySet) keptID(v verdict) string {
	if v.kept < 0 {
		return ""
	}
	return s.id(int(v.kept))
}

func (s *entrySet) earlier(a, b int) bool {
	ca, cb := &s.cands[a], &s.cands[b]
	if ca.submitted != cb.submitted {
		return ca.submitted < cb.submitted
	}
	return ca.order < cb.order
}

// own is an entry's verdict by its own rules alone.
func (s *entrySet) own(i int) verdict {
	if c := s.cands[i].own; c != 0 {
		return verdict{status: statusIneligible, reason: c, kept: -1}
	}
	return verdict{kept: -1}
}

// keepEarliest makes entry i its person's earliest entry if it is inside the window and earlier.
func (s *entrySet) keepEarliest(i int) {
	c := &s.cands[i]
	if c.own == codeWindow {
		return
	}
	if j, ok := s.earliest[c.email]; ok && !s.earlier(i, int(j)) {
		return
	}
	s.earliest[c.email] = int32(i)
}

// personVerdict is entry i's verdict by its own rules and one entry per person, among the entries added
// so far.
func (s *entrySet) personVerdict(i int) verdict {
	c := &s.cands[i]
	if j := s.earliest[c.email]; c.own != codeWindow && int(j) != i {
		return verdict{status: statusDuplicate, reason: codePerson, kept: j}
	}
	return s.own(i)
}

// provisional is the verdict of the entry just added, as far as the entries before it decide it. The
// final verdicts come from evaluate; an import writes provisional ones first, so that for files in time
// order only the few it got wrong are updated.
func (s *entrySet) provisional() verdict { return s.personVerdict(len(s.cands) - 1) }

// evaluate applies the rules in order: outside the window is ineligible; of the rest one entry per person
// is kept, the earliest; kept entries with an own reason are ineligible; finally, when household is set,
// one eligible entry per household, the earliest.
func (s *entrySet) evaluate() []verdict {
	out := make([]verdict, len(s.cands))
	for i := range s.cands {
		out[i] = s.personVerdict(i)
	}
	if s.households != nil {
		s.dedupeHouseholds(out)
	}
	return out
}

func (s *entrySet) dedupeHouseholds(out []verdict) {
	best := map[key128]int32{}
	for i, h := range s.households {
		if out[i].status != statusEligible || h == (key128{}) {
			continue
		}
		if j, ok := best[h]; !ok || s.earlier(i, int(j)) {
			best[h] = int32(i)
		}
	}
	for i, h := range s.households {
		if out[i].status != statusEligible || h == (key128{}) {
			continue
		}
		if j := best[h]; int(j) != i {
			out[i] = verdict{status: statusDuplicate, reason: codeHousehold, kept: j}
		}
	}
}

// changed returns the entries whose verdict differs between old and now, in entry id order (the order of
// the store's B-tree, so their updates touch each page once).
func (s *entrySet) changed(old, now []verdict) []int {
	var out []int
	for i := range now {
		if old[i] != now[i] {
			out = append(out, i)
		}
	}
	slices.SortFunc(out, func(a, b int) int { return bytes.Compare(s.idBytes(a), s.idBytes(b)) })
	return out
}
