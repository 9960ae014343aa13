package entity

import "github.com/hearsaylab/hearsay/internal/swar"

// shortTable maps the words of one to eight bytes of a lexicon to their
// flags. A word is packed into one number (packWord), so that a lookup
// hashes it with one multiplication and compares numbers, not strings.
// It is read-only after newShortTable.
type shortTable struct {
	slots []shortSlot
	shift uint // 64 - log2(len(slots))
}

// shortSlot is a word of a shortTable; n == 0 marks a free slot.
type shortSlot struct {
	key   uint64 // packWord of the word
	n     uint8  // its length
	flags wordFlags
}

// maxShort is the length of the longest word a shortTable holds.
const maxShort = 8

// firstBytes[n] keeps the first n bytes, n from 0 to 8, of eight packed
// as swar.Load8 packs them: one load, where computing 1<<(8*n)-1 takes
// five instructions, as Go makes a shift of 64 bits or more give 0.
var firstBytes = [9]uint64{0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff, 0xffffffffffffff, 0xffffffffffffffff}

// newShortTable returns a shortTable of the words of lex of one to
// maxShort bytes.
func newShortTable(lex map[string]wordFlags) *shortTable {
	n := 0
	for w := range lex {
		if isShort(w) {
			n++
		}
	}
	size, shift := tableSize(n)
	t := &shortTable{slots: make([]shortSlot, size), shift: shift}
	for w, f := range lex {
		if isShort(w) {
			t.slots[t.free(w)] = shortSlot{key: packWord(w), n: uint8(len(w)), flags: f}
		}
	}
	return t
}

// tableSize returns the number of slots, a power of two, of a table of
// packed words that holds n keys at most half full, and the shift that
// takes as many top bits of a hash as the number's logarithm.
func tableSize(n int) (size int, shift uint) {
	size, bits := 16, uint(4)
	for size < 2*n {
		size, bits = 2*size, bits+1
	}
	return size, 64 - bits
}

// isShort reports whether a shortTable holds the word w if it is a key.
func isShort(w string) bool { return 0 < len(w) && len(w) <= maxShort }

// free returns the slot for the new word w.
func (t *shortTable) free(w string) int {
	mask := len(t.slots) - 1
	i := t.slot(packWord(w))
	for t.slots[i].n != 0 {
		i = (i + 1) & mask
	}
	return i
}

// slot returns the first slot to probe for the packed word k. The shift
// is below 64: masking it with 63, which leaves it as it is, spares the
// test Go makes for a larger one (as do the other tables of packed words).
func (t *shortTable) slot(k uint64) int {
	return int((k * 0x9E3779B97F4A7C15) >> (t.shift & 63))
}

// get returns the flags of w, which must be short (see isShort): 0 when it
// is not a key.
func (t *shortTable) get(w string) wordFlags {
	// packWord(w), written out: the compiler does not inline it. The
	// shifts, below 64, are masked with 63 (see shortTable.slot).
	var k uint64
	if n := len(w); n >= 4 {
		k = swar.Load4(w, 0) | swar.Load4(w[n-4:], 0)<<(8*(n-4)&63)
	} else {
		k = uint64(w[0]) | uint64(w[n/2])<<(8*(n/2)&63) | uint64(w[n-1])<<(8*(n-1)&63)
	}
	return t.getPacked(k, len(w))
}

// getPacked returns the flags of the word of n bytes, from one to
// maxShort, that packs to k (packWord): 0 when it is not a key.
func (t *shortTable) getPacked(k uint64, n int) wordFlags {
	mask := len(t.slots) - 1
	for i := t.slot(k); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == k && int(s.n) == n {
			return s.flags
		}
		if s.n == 0 {
			return 0
		}
	}
}

// packWord packs the bytes of w, of one to eight bytes, into a number,
// the first byte lowest. Words of the same length pack alike only when
// they are equal. (get writes it out; TestShortTable checks that the two
// agree on every word of the lexicon.)
func packWord(w string) uint64 {
	n := len(w)
	if n >= 4 {
		// The two loads overlap when n < 8, with the same bytes.
		return swar.Load4(w, 0) | swar.Load4(w[n-4:], 0)<<(8*(n-4))
	}
	// Bytes 0, n/2 and n-1 are every byte of a word of one to three.
	return uint64(w[0]) | uint64(w[n/2])<<(8*(n/2)) | uint64(w[n-1])<<(8*(n-1))
}

// midTable maps the words of nine to sixteen bytes of a lexicon to their
// flags, as shortTable maps the shorter ones: a word is packed into two
// numbers (packMid), so that a lookup hashes it with two multiplications
// and compares numbers, not strings. It is read-only after newMidTable.
type midTable struct {
	slots []midSlot
	shift uint // 64 - log2(len(slots))
}

// midSlot is a word of a midTable; n == 0 marks a free slot.
type midSlot struct {
	lo, hi uint64 // packMid of the word
	n      uint8  // its length
	flags  wordFlags
}

// maxMid is the length of the longest word a midTable holds.
const maxMid = 16

// newMidTable returns a midTable of the words of lex of maxShort+1 to
// maxMid bytes.
func newMidTable(lex map[string]wordFlags) *midTable {
	n := 0
	for w := range lex {
		if isMid(w) {
			n++
		}
	}
	size, shift := tableSize(n)
	t := &midTable{slots: make([]midSlot, size), shift: shift}
	mask := size - 1
	for w, f := range lex {
		if !isMid(w) {
			continue
		}
		lo, hi := packMid(w)
		i := t.slot(lo, hi)
		for t.slots[i].n != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = midSlot{lo: lo, hi: hi, n: uint8(len(w)), flags: f}
	}
	return t
}

// isMid reports whether a midTable holds the word w if it is a key.
func isMid(w string) bool { return maxShort < len(w) && len(w) <= maxMid }

// packMid packs the word w, of nine to sixteen bytes, into two numbers: its
// first eight bytes and its last eight, which overlap unless it is of
// sixteen. Words of the same length pack alike only when they are equal.
func packMid(w string) (lo, hi uint64) {
	return swar.Load8(w, 0), swar.Load8(w, len(w)-8)
}

// slot returns the first slot to probe for the packed word lo, hi.
func (t *midTable) slot(lo, hi uint64) int {
	return int(((lo ^ hi*0xD6E8FEB86659FD93) * 0x9E3779B97F4A7C15) >> (t.shift & 63)) // & 63: see shortTable.slot
}

// get returns the flags of w, which must be of nine to sixteen bytes (see
// isMid): 0 when it is not a key.
func (t *midTable) get(w string) wordFlags {
	lo, hi := packMid(w)
	mask := len(t.slots) - 1
	for i := t.slot(lo, hi); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.lo == lo && s.hi == hi && int(s.n) == len(w) {
			return s.flags
		}
		if s.n == 0 {
			return 0
		}
	}
}
