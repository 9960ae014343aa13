package entity

import (
	"math/bits"

	"github.com/hearsaylab/hearsay/internal/strindex"

	"github.com/hearsaylab/hearsay/internal/swar"
)

// surnames numbers the surnames of a document's persons for canonicalise,
// in groups given by the caller. A surname of one to sixteen printable
// ASCII bytes, the common one, is found by its bytes packed into two
// numbers (packSurname), read from the end of the name at once, with no
// string cut, hashed or compared; any other by a strindex.Index.
type surnames struct {
	slots  []surnameSlot  // open addressing over the packed surnames
	shift  uint           // 64 - log2(len(slots))
	gen    uint32         // the generation of the slots in use
	long   strindex.Index // the other surnames
	ofLong []int32        // the group of each surname of long, by number
}

// surnameSlot is a packed surname and its group. A slot of another
// generation than the index's is free, so that reset need not clear the
// slots.
type surnameSlot struct {
	lo, hi uint64
	group  int32
	gen    uint32
}

// reset empties the index and makes room for n surnames: the caller adds
// no more.
func (x *surnames) reset(n int) {
	size, shift := tableSize(n)
	// Every slot is of an earlier generation than the new one, also
	// those past the last length, until the count wraps around.
	if x.gen++; cap(x.slots) < size || x.gen == 0 {
		x.slots, x.gen = make([]surnameSlot, max(size, cap(x.slots))), 1
	}
	x.slots = x.slots[:size]
	x.shift = shift
	x.long.Reset(0)
	x.ofLong = x.ofLong[:0]
}

// group returns the group of the surname of the person's name name: the
// last of strings.Fields(name), which must have one. A surname met for the
// first time is added in the group next, and added is true. canonicalise
// does the same with the calls written out, so that groupPacked is inlined
// there; the tests check the surnames through group.
func (x *surnames) group(name string, next int32) (g int32, added bool) {
	if lo, hi, ok := packedSurname(name); ok {
		return x.groupPacked(lo, hi, next)
	}
	return x.groupOther(name, next)
}

// groupPacked is group for a surname packSurname packs to lo and hi. It is
// small enough to be inlined: canonicalise calls it, and packedSurname, in
// place of group.
func (x *surnames) groupPacked(lo, hi uint64, next int32) (g int32, added bool) {
	mask := len(x.slots) - 1
	for i := int(((lo ^ hi*0xD6E8FEB86659FD93) * 0x9E3779B97F4A7C15) >> (x.shift & 63)); ; i = (i + 1) & mask { // & 63: see shortTable.slot
		s := &x.slots[i]
		if s.gen != x.gen {
			s.lo, s.hi, s.group, s.gen = lo, hi, next, x.gen
			return next, true
		}
		if s.lo == lo && s.hi == hi {
			return s.group, false
		}
	}
}

// groupOther is group for a name packedSurname does not answer for.
func (x *surnames) groupOther(name string, next int32) (g int32, added bool) {
	last := lastField(name)
	if lo, hi, ok := packSurname(last); ok {
		return x.groupPacked(lo, hi, next)
	}
	id, added := x.long.ID(last)
	if added {
		x.ofLong = append(x.ofLong, next)
		return next, true
	}
	return x.ofLong[id], false
}

// packSurname packs the surname w, when it is of one to sixteen printable
// ASCII bytes, from '!' to 0x7F, into two numbers, the first byte lowest:
// lo holds the first eight bytes (packWord), hi the others. ok is false
// for any other w.
func packSurname(w string) (lo, hi uint64, ok bool) {
	if len(w) == 0 || len(w) > 16 {
		return 0, 0, false
	}
	for i := 0; i < len(w); i++ {
		if w[i] <= ' ' || w[i] >= 0x80 {
			return 0, 0, false
		}
	}
	if len(w) <= 8 {
		return packWord(w), 0, true
	}
	return packWord(w[:8]), packWord(w[8:]), true
}

// packedSurname returns packSurname(lastField(name)) when that surname is
// of one to sixteen printable ASCII bytes and is the whole name or stands
// after a space, as it nearly always does; ok is false otherwise, and for
// names of fewer than four bytes. It reads the last sixteen bytes of name
// at once, or the whole of a shorter one.
//
// Every shift by a variable count is below 64, and is masked with 63,
// which leaves it as it is, to spare the instructions Go adds for a shift
// of 64 or more (see shortTable.slot); the cases that would shift by 64
// are answered before.
func packedSurname(name string) (lo, hi uint64, ok bool) {
	n := len(name)
	if n < 8 {
		if n < 4 {
			return 0, 0, false
		}
		// The two loads overlap when n < 8, with the same bytes, and
		// the bytes past n are zero, which unplainBytes marks.
		x := swar.Load4(name, 0) | swar.Load4(name, n-4)<<(8*(n-4)&63)
		m := unplainBytes(x) & firstBytes[n&7]
		if m == 0 {
			return x, 0, true // one word
		}
		lo, ok = afterSpace(x, m, n-1)
		return lo, 0, ok
	}
	y := swar.Load8(name, n-8) // the last eight bytes
	if m := unplainBytes(y); m != 0 {
		lo, ok = afterSpace(y, m, 7)
		return lo, 0, ok
	}
	if n == 8 {
		return y, 0, true // one word
	}
	// The eight bytes before them, or, in a name of fewer than sixteen
	// bytes, those of its start moved up to end where y starts, with
	// zero bytes below standing for the start of the name.
	var x uint64
	if n >= 16 {
		x = swar.Load8(name, n-16)
	} else {
		x = swar.Load8(name, 0) << (8 * (16 - n) & 63)
	}
	m := unplainBytes(x)
	if m == 0 {
		// A last word of sixteen bytes at least.
		return x, y, n == 16 || name[n-17] == ' '
	}
	p := (63 - bits.LeadingZeros64(m)) / 8 // the last marked byte of x
	if p >= 16-n && byte(x>>(8*p&63)) != ' ' {
		return 0, 0, false // a byte of the name, but no space
	}
	if p == 7 {
		return y, 0, true // y is the surname, after a space
	}
	s := 8 * uint(p+1) & 63
	return x>>s | y<<((64-s)&63), y >> s, true
}

// afterSpace returns the bytes of x after its last marked byte, of m, when
// that byte is a space and is not byte last of x, the last of the name; m
// marks no byte past last.
func afterSpace(x, m uint64, last int) (uint64, bool) {
	p := (63 - bits.LeadingZeros64(m)) / 8
	if byte(x>>(8*p&63)) != ' ' || p == last {
		return 0, false
	}
	return x >> (8 * (p + 1) & 63), true // p < last, which is at most 7
}
