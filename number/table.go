package number

// foldTable is a read-only hash table with lower-case keys that is asked
// with words in any case: get(w) finds the key that is the ASCII lower case
// of w, as a map lookup with the lowered word would, but without building
// that word. It is built once by add and read concurrently afterwards.
type foldTable[V any] struct {
	slots []foldSlot[V] // a power of two long, at most half full
	n     int           // keys added
}

// foldSlot is one slot of a foldTable; an empty slot has an empty key.
type foldSlot[V any] struct {
	hash uint64
	key  string
	val  V
}

// foldHash returns the hash of the ASCII lower case of w, which is not
// empty. It mixes the length and three of the bytes, with bit 0x20 set so
// that both cases of a letter count the same: cheap for the short words of
// the lists, and enough to keep them apart.
func foldHash(w string) uint64 {
	n := len(w)
	x := uint64(n) | uint64(w[0]|0x20)<<8 | uint64(w[n-1]|0x20)<<16 | uint64(w[n/2]|0x20)<<24
	return x * 0x9e3779b97f4a7c15
}

// equalLower reports whether the ASCII lower case of w is key.
func equalLower(key, w string) bool {
	if len(key) != len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if lowerASCII(w[i]) != key[i] {
			return false
		}
	}
	return true
}

// maxKey is the length of the longest key a foldTable takes: shorter than
// the buffer of scratch.lower, which cuts longer words, so that get finds
// exactly what a lookup with scratch.lower would.
const maxKey = 32

// add sets the value of key, which must be its own ASCII lower case (else
// get could never find it) and have 1 to maxKey bytes, and reports whether
// it is.
func (t *foldTable[V]) add(key string, v V) bool {
	if key == "" || len(key) > maxKey || !equalLower(key, key) {
		return false
	}
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	h := foldHash(key)
	i := t.find(h, key)
	if t.slots[i].key == "" {
		t.n++
	}
	t.slots[i] = foldSlot[V]{hash: h, key: key, val: v}
	return true
}

// grow doubles the slots (to 16 at first) and adds the keys again.
func (t *foldTable[V]) grow() {
	old := t.slots
	t.slots = make([]foldSlot[V], max(16, 2*len(old)))
	for _, s := range old {
		if s.key != "" {
			t.slots[t.find(s.hash, s.key)] = s
		}
	}
}

// find returns the slot of key, or the empty slot where it would go.
func (t *foldTable[V]) find(h uint64, key string) int {
	mask := uint64(len(t.slots) - 1)
	for i := h >> 32 & mask; ; i = (i + 1) & mask {
		if s := &t.slots[i]; s.key == "" || s.hash == h && s.key == key {
			return int(i)
		}
	}
}

// get returns the value of the key that is the ASCII lower case of w.
func (t *foldTable[V]) get(w string) (v V, ok bool) {
	if len(t.slots) == 0 || w == "" {
		return v, false
	}
	h := foldHash(w)
	mask := uint64(len(t.slots) - 1)
	for i := h >> 32 & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == "" {
			return v, false
		}
		if s.hash == h && equalLower(s.key, w) {
			return s.val, true
		}
	}
}

// has reports whether the ASCII lower case of w is a key.
func (t *foldTable[V]) has(w string) bool {
	_, ok := t.get(w)
	return ok
}
