package draw

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
)

// Algorithm names this version of the draw; certificates carry it so a checker knows which rules apply.
const Algorithm = "staffdesk-draw/1"

// SeedSize is the length of the secret seed in bytes.
const SeedSize = 32

// NewSeed reads a 32-byte seed from r, the operating system's random source when r is nil.
func NewSeed(r io.Reader) ([]byte, error) {
	if r == nil {
		r = rand.Reader
	}
	seed := make([]byte, SeedSize)
	if _, err := io.ReadFull(r, seed); err != nil {
		return nil, fmt.Errorf("read random seed: %w", err)
	}
	return seed, nil
}

// Stream is the draw's deterministic random stream: K = HMAC-SHA256(seed, Algorithm || 0x00 || list hash
// || public value), then blocks HMAC-SHA256(K, uint64be(i)) for i = 0, 1, 2, ..., read 8 bytes at a time
// as big-endian unsigned integers.
type Stream struct {
	mac     hash.Hash
	block   []byte
	used    int
	counter uint64
}

// NewStream returns the stream for a seed, the raw 32-byte list hash and the public value's UTF-8 bytes.
func NewStream(seed, listHash []byte, publicValue string) *Stream {
	km := hmac.New(sha256.New, seed)
	km.Write([]byte(Algorithm))
	km.Write([]byte{0})
	km.Write(listHash)
	km.Write([]byte(publicValue))
	return &Stream{mac: hmac.New(sha256.New, km.Sum(nil))}
}

// Uint64 returns the stream's next 8 bytes as a big-endian integer.
func (s *Stream) Uint64() uint64 {
	if s.used >= len(s.block) {
		var c [8]byte
		binary.BigEndian.PutUint64(c[:], s.counter)
		s.counter++
		s.mac.Reset()
		s.mac.Write(c[:])
		s.block = s.mac.Sum(s.block[:0])
		s.used = 0
	}
	v := binary.BigEndian.Uint64(s.block[s.used:])
	s.used += 8
	return v
}

// Below returns a uniform integer in [0, n) by rejection sampling: a value u is rejected (and the next one
// taken) when u >= 2^64 - (2^64 mod n), so no residue is favoured. n must be at least 1.
func (s *Stream) Below(n uint64) uint64 {
	rem := (-n) % n // 2^64 mod n
	for {
		u := s.Uint64()
		if rem == 0 || u < -rem {
			return u % n
		}
	}
}

// Result is a draw's outcome: entry ids of the winners, then of the reserves, in the order drawn.
type Result struct {
	Winners  []string `json:"winners"`
	Reserves []string `json:"reserves"`
}

// Run draws winners and then reserves without replacement from a canonical list, each pick weighted: with
// T the total weight of the entries not yet drawn, r = Below(T), and the pick is the first remaining entry
// (in list order) whose running total of weights exceeds r. When the list is shorter than
// winners+reserves, every entry is drawn, winners first. ctx is checked between picks.
func Run(ctx context.Context, list []Entry, seed []byte, publicValue string, winners, reserves int) (Result, error) {
	if len(seed) != SeedSize {
		return Result{}, fmt.Errorf("the seed must be %d bytes", SeedSize)
	}
	if winners < 0 || reserves < 0 {
		return Result{}, fmt.Errorf("winners and reserves cannot be negative")
	}
	data, err := EncodeList(list)
	if err != nil {
		return Result{}, err
	}
	canonical, _ := ParseList(data)
	return runCanonical(ctx, canonical, data, seed, publicValue, winners, reserves)
}

// RunList draws from a frozen list file's exact bytes (what verify does).
func RunList(ctx context.Context, data, seed []byte, publicValue string, winners, reserves int) (Result, error) {
	if len(seed) != SeedSize {
		return Result{}, fmt.Errorf("the seed must be %d bytes", SeedSize)
	}
	list, err := ParseList(data)
	if err != nil {
		return Result{}, err
	}
	return runCanonical(ctx, list, data, seed, publicValue, winners, reserves)
}

func runCanonical(ctx context.Context, list []Entry, data, seed []byte, publicValue string, winners, reserves int) (Result, error) {
	lh, _ := hex.DecodeString(ListHash(data))
	st := NewStream(seed, lh, publicValue)
	tree := newFenwick(list)
	k := min(winners+reserves, len(list))
	res := Result{Winners: []string{}, Reserves: []string{}}
	for i := 0; i < k; i++ {
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		idx := tree.find(st.Below(tree.total))
		tree.remove(idx)
		if i < winners {
			res.Winners = append(res.Winners, list[idx].ID)
		} else {
			res.Reserves = append(res.Reserves, list[idx].ID)
		}
	}
	return res, nil
}

// fenwick is a binary indexed tree over the weights, so each pick costs O(log n) instead of a walk.
type fenwick struct {
	sums   []uint64 // 1-based
	weight []uint64
	total  uint64
}

func newFenwick(list []Entry) *fenwick {
	f := &fenwick{sums: make([]uint64, len(list)+1), weight: make([]uint64, len(list))}
	for i, e := range list {
		f.weight[i] = e.Weight
		f.sums[i+1] += e.Weight
		if j := (i + 1) + (i+1)&-(i+1); j <= len(list) {
			f.sums[j] += f.sums[i+1]
		}
		f.total += e.Weight
	}
	return f
}

// find returns the 0-based index of the first entry whose running total exceeds r (r < total).
func (f *fenwick) find(r uint64) int {
	pos, step := 0, 1
	for step*2 < len(f.sums) {
		step *= 2
	}
	for ; step > 0; step /= 2 {
		if next := pos + step; next < len(f.sums) && f.sums[next] <= r {
			pos = next
			r -= f.sums[next]
		}
	}
	return pos
}

func (f *fenwick) remove(idx int) {
	w := f.weight[idx]
	f.weight[idx] = 0
	f.total -= w
	for i := idx + 1; i < len(f.sums); i += i & -i {
		f.sums[i] -= w
	}
}
