package wordscan

import (
	"strings"

	"github.com/hearsaylab/hearsay/internal/swar"
)

// Table maps words to values, for the lexicon lookups done once per token of
// a text: a bit set of the keys' hashes, small enough to stay in the cache,
// rules out nearly every word that is not a key, and open addressing on
// Hash, at most half full, finds the others. It is read-only after NewTable
// and safe for concurrent use.
type Table[V any] struct {
	slots []slot[V]
	mask  uint32
	// filter has the bit filterBit(hash) set for the hash of every key.
	filter     []uint64
	filterMask uint32
}

type slot[V any] struct {
	hash uint32
	key  string
	// head is the first eight bytes of key, or all, as loadTail reads
	// them, and mask has the bits of those bytes set; tail is the last
	// eight bytes of a key of more than eight (see Word).
	head, mask, tail uint64
	val              V
}

// newSlot returns the slot of key k, not empty, with the Hash h, and the
// value v.
func newSlot[V any](h uint32, k string, v V) slot[V] {
	n := min(len(k), 8)
	s := slot[V]{hash: h, key: k, head: loadTail(k[:n]), mask: lowBytes(n), val: v}
	if len(k) > 8 {
		s.tail = swar.Load8(k, len(k)-8)
	}
	return s
}

// NewTable returns a Table holding the entries of m. The empty key is left
// out: Get never finds it.
func NewTable[V any](m map[string]V) *Table[V] {
	size := 16
	for size < 2*len(m) {
		size *= 2
	}
	// About 64 filter bits a key: a word that is not a key passes the
	// filter with a chance of about 1 in 64.
	filterBits := uint(12)
	for 1<<filterBits < 64*len(m) && filterBits < 24 {
		filterBits++
	}
	t := &Table[V]{
		slots:      make([]slot[V], size),
		mask:       uint32(size - 1),
		filter:     make([]uint64, 1<<(filterBits-6)),
		filterMask: 1<<filterBits - 1,
	}
	for k, v := range m {
		if k == "" {
			continue
		}
		h := Hash(k)
		i := h & t.mask
		for t.slots[i].key != "" {
			i = (i + 1) & t.mask
		}
		t.slots[i] = newSlot(h, k, v)
		f := t.filterBit(h)
		t.filter[f/64] |= 1 << (f % 64)
	}
	return t
}

// filterBit returns the bit of the filter for hash h: bits above those
// that pick the slot (the shift is a constant, which costs less than one
// by the filter's size).
func (t *Table[V]) filterBit(h uint32) uint32 {
	return h >> 8 & t.filterMask
}

// mayHave reports whether some key may have the hash h.
func (t *Table[V]) mayHave(h uint32) bool {
	f := t.filterBit(h)
	return t.filter[f/64]&(1<<(f%64)) != 0
}

// Get returns the value of key w.
func (t *Table[V]) Get(w string) (V, bool) {
	return get(t, w)
}

// GetBytes returns the value of key string(w), without allocating.
func (t *Table[V]) GetBytes(w []byte) (V, bool) {
	return get(t, w)
}

// get is Get for a key given as a string or as bytes.
func get[V any, S ~string | ~[]byte](t *Table[V], w S) (V, bool) {
	h := Hash(w)
	if !t.mayHave(h) {
		var zero V
		return zero, false
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.hash == h && s.key == string(w) && len(w) > 0 {
			return s.val, true
		}
		if s.key == "" {
			var zero V
			return zero, false
		}
	}
}

// Absent reports, cheaply, that the token tk certainly has no value in t:
// it is not a word, or it is an ASCII word whose Hash no key has. A scan
// calls Word only for the tokens that pass. (Both take the token by
// pointer: a copy of it would cost more than the test.)
func (t *Table[V]) Absent(tk *Token) bool {
	if tk.ASCII {
		return !t.mayHave(tk.Hash)
	}
	return !tk.Word
}

// Word returns the value of the lower case of the word token tk of text,
// strings.ToLower(text[tk.St:tk.En]), as Get would: an ASCII word by the
// Hash Tokens noted for it, without lower-casing it; any other word by
// lower-casing it first. It finds nothing for a token that is not a word.
//
// An ASCII word is compared with a key of its hash eight bytes at a time,
// bit 5 (0x20) set in each byte being the lower case of a letter or
// digit: its first eight bytes, or all, with the key's head, and the last
// eight of a longer word with the key's tail.
func (t *Table[V]) Word(text string, tk *Token) (V, bool) {
	var zero V
	if !tk.ASCII {
		if !tk.Word {
			return zero, false
		}
		return t.Get(strings.ToLower(text[tk.St:tk.En]))
	}
	h := tk.Hash
	if !t.mayHave(h) {
		return zero, false
	}
	st, en := tk.St, tk.En
	var x uint64 // the bytes from st on, eight or up to the end of text
	if len(text)-st >= 8 {
		x = swar.Load8(text, st)
	} else {
		x = loadTail(text[st:])
	}
	x |= foldBits
	n := en - st
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.hash == h && len(s.key) == n && x&s.mask == s.head &&
			(n <= 8 || swar.Load8(text, en-8)|foldBits == s.tail && (n <= 16 || equalLowerASCII(text[st+8:en-8], s.key[8:n-8]))) {
			return s.val, true
		}
		if s.key == "" {
			return zero, false
		}
	}
}

// equalLowerASCII reports whether the lower case of w, a word of ASCII
// letters and digits, is key.
func equalLowerASCII(w, key string) bool {
	if len(w) != len(key) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i]|0x20 != key[i] {
			return false
		}
	}
	return true
}
