// Package strindex numbers the distinct strings of one document (names,
// surnames) in order of first sight, by open addressing over their
// numbers: cheaper than a map for the few dozen strings of a document, and
// reusable from document to document without clearing a map.
package strindex

import "github.com/hearsaylab/hearsay/internal/swar"

// Index numbers distinct strings in order of first sight. The zero Index
// is empty; Reset readies it for a new set of strings.
type Index struct {
	keys  []string // the strings by number
	slots []int32  // 1 + the number of a string, 0 when free
	mask  uint64
}

// Reset empties the index and makes room for n strings without growing.
// It keeps the memory of the index.
func (x *Index) Reset(n int) {
	x.slots, x.mask = Slots(x.slots, n)
	clear(x.keys) // let the strings go
	if cap(x.keys) < n {
		x.keys = make([]string, 0, n)
	}
	x.keys = x.keys[:0]
}

// Slots returns free slots for open addressing over n numbers, at most
// half full: a power of two of them, at least 16, all zero, in the memory
// of slots when it is large enough; and the mask of a slot's index.
func Slots(slots []int32, n int) ([]int32, uint64) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	if cap(slots) < size {
		slots = make([]int32, size)
	} else {
		slots = slots[:size]
		clear(slots)
	}
	return slots, uint64(size - 1)
}

// ID returns the number of s, adding s when it is new.
func (x *Index) ID(s string) (id int32, added bool) {
	// indexHash, written out for the common string of four bytes or
	// more: the compiler does not inline it.
	var h uint64
	switch n := len(s); {
	case n >= 8:
		h = ((swar.Load8(s, 0) ^ swar.Load8(s, n-8)*0xD6E8FEB86659FD93 ^ uint64(n)<<59) * 0x9E3779B97F4A7C15) >> 32
	case n >= 4:
		h = ((swar.Load4(s, 0) | swar.Load4(s, n-4)<<32 ^ uint64(n)<<59) * 0x9E3779B97F4A7C15) >> 32
	default:
		h = indexHash(s)
	}
	for h &= x.mask; ; h = (h + 1) & x.mask {
		n := x.slots[h]
		if n == 0 {
			if 2*(len(x.keys)+1) > len(x.slots) {
				x.grow() // more strings than reset made room for
				return x.ID(s)
			}
			x.keys = append(x.keys, s)
			x.slots[h] = int32(len(x.keys))
			return int32(len(x.keys) - 1), true
		}
		if x.keys[n-1] == s {
			return n - 1, false
		}
	}
}

// Lookup returns the number of s, and whether s is in the index.
func (x *Index) Lookup(s string) (id int32, ok bool) {
	if len(x.slots) == 0 {
		return 0, false
	}
	var h uint64 // indexHash(s), written out as in ID
	switch n := len(s); {
	case n >= 8:
		h = ((swar.Load8(s, 0) ^ swar.Load8(s, n-8)*0xD6E8FEB86659FD93 ^ uint64(n)<<59) * 0x9E3779B97F4A7C15) >> 32
	case n >= 4:
		h = ((swar.Load4(s, 0) | swar.Load4(s, n-4)<<32 ^ uint64(n)<<59) * 0x9E3779B97F4A7C15) >> 32
	default:
		h = indexHash(s)
	}
	for h &= x.mask; ; h = (h + 1) & x.mask {
		n := x.slots[h]
		if n == 0 {
			return 0, false
		}
		if x.keys[n-1] == s {
			return n - 1, true
		}
	}
}

// grow doubles the slots of the index, keeping its strings and numbers.
func (x *Index) grow() {
	x.slots = make([]int32, 2*max(len(x.slots), 8))
	x.mask = uint64(len(x.slots) - 1)
	for i, s := range x.keys {
		h := indexHash(s) & x.mask
		for x.slots[h] != 0 {
			h = (h + 1) & x.mask
		}
		x.slots[h] = int32(i + 1)
	}
}

// indexHash is a cheap hash of s for an Index, from its length and at
// most sixteen of its bytes: the first and the last eight, or every byte
// of a shorter string. Longer strings that share those bytes and their
// length share a hash and cost a probe more.
//
// ID and Lookup write the hash of a string of four bytes or more out, as
// the compiler does not inline indexHash; TestIndexHash checks that they
// agree.
func indexHash(s string) uint64 {
	n := len(s)
	var x uint64
	switch {
	case n >= 8:
		x = swar.Load8(s, 0) ^ swar.Load8(s, n-8)*0xD6E8FEB86659FD93
	case n >= 4:
		x = swar.Load4(s, 0) | swar.Load4(s, n-4)<<32
	case n > 0:
		x = uint64(s[0]) | uint64(s[n/2])<<8 | uint64(s[n-1])<<16
	}
	return ((x ^ uint64(n)<<59) * 0x9E3779B97F4A7C15) >> 32
}
