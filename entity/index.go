package entity

import "github.com/hearsaylab/hearsay/internal/wordscan"

// stringIndex numbers the distinct strings of one document (surnames,
// entity names) in order of first sight: open addressing over their
// numbers, cheaper than a map for the few dozen strings of a document and
// reusable from document to document without clearing a map. It hashes
// with wordscan.Hash, which is cheap for short strings; strings differing
// only in case share a hash and cost one more probe.
type stringIndex struct {
	keys  []string // the strings by number
	slots []int32  // 1 + the number of a string, 0 when free
	mask  uint64
}

// reset empties the index and makes room for n strings without growing.
// It keeps the memory of the index.
func (x *stringIndex) reset(n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	if cap(x.slots) < size {
		x.slots = make([]int32, size)
	} else {
		x.slots = x.slots[:size]
		clear(x.slots)
	}
	clear(x.keys) // let the strings go
	if cap(x.keys) < n {
		x.keys = make([]string, 0, n)
	}
	x.keys = x.keys[:0]
	x.mask = uint64(size - 1)
}

// id returns the number of s, adding s when it is new.
func (x *stringIndex) id(s string) (id int32, added bool) {
	for h := uint64(wordscan.Hash(s)) & x.mask; ; h = (h + 1) & x.mask {
		n := x.slots[h]
		if n == 0 {
			if 2*(len(x.keys)+1) > len(x.slots) {
				x.grow() // more strings than reset made room for
				return x.id(s)
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

// grow doubles the slots of the index, keeping its strings and numbers.
func (x *stringIndex) grow() {
	x.slots = make([]int32, 2*max(len(x.slots), 8))
	x.mask = uint64(len(x.slots) - 1)
	for i, s := range x.keys {
		h := uint64(wordscan.Hash(s)) & x.mask
		for x.slots[h] != 0 {
			h = (h + 1) & x.mask
		}
		x.slots[h] = int32(i + 1)
	}
}
