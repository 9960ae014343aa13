package wordscan

// Table maps words to values, for the lexicon lookups done once per token of
// a text: open addressing with a cheap hash, sized so that a word that is
// not a key is nearly always ruled out at its first slot. It is read-only
// after NewTable and safe for concurrent use.
type Table[V any] struct {
	slots []slot[V]
	mask  uint32
}

type slot[V any] struct {
	key string
	val V
}

// NewTable returns a Table holding the entries of m. The empty key is left
// out: Get never finds it.
func NewTable[V any](m map[string]V) *Table[V] {
	size := 16
	for size < 8*len(m) {
		size *= 2
	}
	t := &Table[V]{slots: make([]slot[V], size), mask: uint32(size - 1)}
	for k, v := range m {
		if k == "" {
			continue
		}
		h := hashString(k) & t.mask
		for t.slots[h].key != "" {
			h = (h + 1) & t.mask
		}
		t.slots[h] = slot[V]{k, v}
	}
	return t
}

// Get returns the value of key w.
func (t *Table[V]) Get(w string) (V, bool) {
	for h := hashString(w) & t.mask; ; h = (h + 1) & t.mask {
		s := &t.slots[h]
		if s.key == w && w != "" {
			return s.val, true
		}
		if s.key == "" {
			var zero V
			return zero, false
		}
	}
}

// GetBytes returns the value of key string(w), without allocating.
func (t *Table[V]) GetBytes(w []byte) (V, bool) {
	for h := hashBytes(w) & t.mask; ; h = (h + 1) & t.mask {
		s := &t.slots[h]
		if s.key == string(w) && len(w) > 0 {
			return s.val, true
		}
		if s.key == "" {
			var zero V
			return zero, false
		}
	}
}

// hashString is 32-bit FNV-1a.
func hashString(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h ^ h>>15
}

func hashBytes(s []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range s {
		h = (h ^ uint32(c)) * 16777619
	}
	return h ^ h>>15
}
