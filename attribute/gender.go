package attribute

import (
	"slices"
	"strings"

	"github.com/hearsaylab/hearsay/internal/swar"
	"github.com/hearsaylab/hearsay/internal/wordscan"
)

// gender returns the pronoun that goes with the given name of the person
// name, and whether the name is known to go with one. A given name of one
// to eight ASCII bytes, as most are, is looked up by its bytes in lower
// case packed into a word (packName), in d.a.gender; any other in the map
// lexicon.gender.
func (d *doc) gender(name string) (string, bool) {
	n := strings.IndexByte(name, ' ')
	if n < 0 {
		n = len(name)
	}
	if k, ok := packName(name, n); ok {
		return d.a.gender.lookup(k)
	}
	given := name[:n]
	var buf [32]byte
	if key, ascii := wordscan.LowerKey(given, buf[:0]); ascii {
		g, ok := d.lx.gender[string(key)]
		return g, ok
	}
	g, ok := d.lx.gender[strings.ToLower(given)]
	return g, ok
}

// packName returns the bytes of w = s[:n] in lower case (ASCII only), the
// first in the lowest byte, and true when w has one to eight bytes, all
// ASCII and none zero: then no other such word has the same key. It
// returns false for any other w. It reads the eight bytes at once when s
// has them.
func packName(s string, n int) (uint64, bool) {
	if n == 0 || n > 8 {
		return 0, false
	}
	mask := ^uint64(0) >> (64 - 8*n) // the bytes of w
	var k uint64
	if len(s) >= 8 {
		k = swar.Load8(s, 0) & mask
	} else {
		for i := 0; i < n; i++ {
			k |= uint64(s[i]) << (8 * i)
		}
	}
	// With every byte ASCII, a byte of v is zero only where w has one.
	v := k | swar.Ones&^mask
	if k&swar.Highs != 0 || (v-swar.Ones)&^v&swar.Highs != 0 {
		return 0, false
	}
	return swar.Lower8(k), true
}

// genderTable holds the given names of lexicon.gender that packName
// packs, by open addressing over their keys: a look-up is a
// multiplication and a probe or two, where the map hashes the string. A
// name that packName packs and the table lacks is not in lexicon.gender
// (a name of the map in upper case is in neither, as no look-up finds it).
type genderTable struct {
	slots    []genderSlot
	shift    uint     // 64 less the number of bits of a slot's index
	pronouns []string // the pronouns of the names, in order of first sight
}

// genderSlot is a name of a genderTable: its packName key (0: a free slot)
// and the index in genderTable.pronouns of its pronoun.
type genderSlot struct {
	key  uint64
	pron uint8
}

// newGenderTable returns the table of the names of gender that packName
// packs, gender mapping a given name to its pronoun.
func newGenderTable(gender map[string]string) genderTable {
	bits := uint(4)
	for 1<<bits < 2*len(gender) {
		bits++
	}
	t := genderTable{slots: make([]genderSlot, 1<<bits), shift: 64 - bits}
	for name, pron := range gender {
		k, ok := packName(name, len(name))
		if !ok || strings.ToLower(name) != name {
			continue
		}
		p := slices.Index(t.pronouns, pron)
		if p < 0 {
			p = len(t.pronouns)
			t.pronouns = append(t.pronouns, pron)
		}
		h := t.slot(k)
		for t.slots[h].key != 0 {
			h = (h + 1) & uint64(len(t.slots)-1)
		}
		t.slots[h] = genderSlot{key: k, pron: uint8(p)}
	}
	return t
}

// slot returns the first slot where the key k is sought.
func (t *genderTable) slot(k uint64) uint64 {
	return (k * 0x9E3779B97F4A7C15) >> t.shift
}

// lookup returns the pronoun of the name with the packName key k, and
// whether the table holds it.
func (t *genderTable) lookup(k uint64) (string, bool) {
	mask := uint64(len(t.slots) - 1)
	for h := t.slot(k); ; h = (h + 1) & mask {
		switch s := &t.slots[h]; s.key {
		case k:
			return t.pronouns[s.pron], true
		case 0:
			return "", false
		}
	}
}
