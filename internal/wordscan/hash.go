package wordscan

import (
	"math/bits"

	"github.com/hearsaylab/hearsay/internal/swar"
)

// foldBits sets bit 5 (0x20) of each of eight bytes. For an ASCII letter or
// digit that bit is the lower case: 'A'|0x20 == 'a', and digits have it set.
const foldBits = 0x2020202020202020

// Multipliers of the hash: odd 64-bit constants with well-spread bits.
const (
	hashMulBlock = 0x9E3779B97F4A7C15
	hashMulTail  = 0xD6E8FEB86659FD93
)

// Hash returns a 32-bit hash of the bytes of w that ignores bit 5 of every byte, so that a
// word of ASCII letters and digits hashes as its lower case does: Tokens
// hashes such a word once, and a Table keyed by lower-case words finds it by
// that hash (see Table.Word). Every byte and the length count otherwise.
func Hash[S ~string | ~[]byte](w S) uint32 {
	h := uint64(len(w))
	for len(w) > 8 {
		h = mum(h^(swar.Load8(w, 0)|foldBits), hashMulBlock)
		w = w[8:]
	}
	return hashTail(h, loadTail(w))
}

// hashTail finishes Hash with the last one to eight bytes x, zero-extended.
func hashTail(h, x uint64) uint32 {
	return uint32(mum(h^(x|foldBits), hashMulTail))
}

// mum multiplies a by b and folds the 128-bit product to 64 bits.
func mum(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// loadTail reads the zero to eight bytes of s, little-endian and
// zero-extended. From four bytes up it reads two overlapping words, which
// agree on the bytes they share.
func loadTail[S ~string | ~[]byte](s S) uint64 {
	switch n := len(s); {
	case n >= 4:
		return swar.Load4(s, 0) | swar.Load4(s[n-4:], 0)<<(8*uint(n-4))
	case n > 0:
		return uint64(s[0]) | uint64(s[n/2])<<(8*uint(n/2)) | uint64(s[n-1])<<(8*uint(n-1))
	}
	return 0
}

// Key is a lexicon token's Hash and whether it is all ASCII: with it, a
// matcher rules out most text tokens without comparing strings.
type Key struct {
	Hash  uint32
	ASCII bool
}

// KeyOf returns the Key of a lexicon token.
func KeyOf(tok string) Key {
	for i := 0; i < len(tok); i++ {
		if tok[i] >= 0x80 {
			return Key{Hash(tok), false}
		}
	}
	return Key{Hash(tok), true}
}

// Differs reports, cheaply, that the text token tk is certainly not k's
// token, whether compared exactly or up to case (strings.EqualFold): tk is
// an ASCII word, k's token is ASCII, and their hashes differ. The typographic
// punctuation NormPunct maps is not a word, so it is never ruled out.
func (k Key) Differs(tk *Token) bool {
	return tk.ASCII && k.ASCII && tk.Hash != k.Hash
}
