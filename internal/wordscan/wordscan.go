// Package wordscan is the word scanner shared by the lexicon matchers (the
// outlet table and the framing terms): one pass over a text, word by word,
// with byte offsets and line breaks noted, and without allocating.
package wordscan

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/internal/swar"
)

// Next returns the next token of s at or after byte i: a word (a run of
// letters, digits and combining marks) or a single punctuation character.
// Spaces and invisible format characters separate tokens; nl reports whether
// the gap skipped before the token held a line break. st is -1 at the end.
func Next(s string, i int) (st, en int, word, nl bool) {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
				i++
				continue
			}
			if c == '\n' {
				nl = true
				i++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			if r == '\u2028' || r == '\u2029' || r == '\u0085' {
				nl = true
			}
			i += n
			continue
		}
		break
	}
	if i >= len(s) {
		return -1, -1, false, nl
	}
	st = i
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				i++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			i += n
			continue
		}
		break
	}
	if i > st {
		return st, i, true, nl
	}
	_, n := utf8.DecodeRuneInString(s[st:])
	return st, st + n, false, nl
}

// NormPunct makes typographic variants of apostrophes and hyphens plain.
func NormPunct(tok string) string {
	switch tok {
	case "’", "‘", "ʼ", "′":
		return "'"
	case "‐", "‑", "‒":
		return "-"
	}
	return tok
}

// Prefix2 is the ASCII lower case of the first two bytes of a token (of its
// only byte, for a one-byte token): with LenBit, a cheap filter that rules
// out most tokens before a map lookup.
func Prefix2(tok string) uint16 {
	p := uint16(lowerByte(tok[0])) << 8
	if len(tok) > 1 {
		p |= uint16(lowerByte(tok[1]))
	}
	return p
}

// LenBit is the bit standing for a token of n bytes in a length mask;
// lengths from 31 up share one bit.
func LenBit(n int) uint32 {
	return 1 << min(n, 31)
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// LowerKey lower-cases an ASCII token into buf; ok is false for non-ASCII.
func LowerKey(tok string, buf []byte) ([]byte, bool) {
	buf = buf[:0]
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if c >= utf8.RuneSelf {
			return buf, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf, true
}

// Lower returns strings.ToLower(s) when lower-casing keeps the length in
// bytes of every character of s, as it does for nearly all text: then an
// offset into s is the same offset into the result, and the lower case of
// any part s[i:j] cut at character boundaries is the result's [i:j]. ok is
// false, and the result empty, when some character changes length or s is
// not valid UTF-8.
func Lower(s string) (lower string, ok bool) {
	b, ok := AppendLower(nil, s)
	if !ok {
		return "", false
	}
	return string(b), true
}

// AppendLower is Lower into a buffer the caller keeps: it returns dst's
// storage, grown as needed, holding the lower case of s (dst's contents are
// overwritten), and ok as Lower does; when ok is false the bytes returned
// mean nothing. It writes the lower case in place, a chunk at a time, so
// that nothing is copied twice and nothing allocated once dst is large
// enough.
func AppendLower(dst []byte, s string) (lower []byte, ok bool) {
	// lowerInto writes whole chunks: the buffer has a chunk's room past
	// the end of s, so that every chunk that starts inside s fits.
	dst = slices.Grow(dst[:0], len(s)+lowerChunk)[:len(s)+lowerChunk]
	for i := 0; i < len(s); {
		n, ok := lowerInto((*[lowerChunk]byte)(dst[i:]), s[i:])
		if !ok {
			return dst[:0], false
		}
		i += n
	}
	return dst[:len(s)], true
}

// lowerChunk is the size of the parts of a text that AppendLower (and so
// Lower) lower-cases one at a time. Each part ends with bytes
// that the runs of 32 miss: with parts of 4096 bytes rather than 1024,
// AppendLower costs a twentieth less on news articles.
const lowerChunk = 4096

// lowerInto writes to chunk the lower case of the characters that s starts
// with, as many as fit, and returns how many bytes of s it lower-cased (as
// many as it wrote: every character keeps its length), or false when a
// character does not keep its length or s is not valid UTF-8. It
// lower-cases at least one character of a non-empty s. It reads ASCII 32 bytes at a time, then
// eight, and takes the rest a character at a time; a character outside
// ASCII, nearly always a quotation mark or dash, costs the eight bytes
// around it the cheaper paths do again.
func lowerInto(chunk *[lowerChunk]byte, s string) (n int, ok bool) {
	// t is the part of s that fits in the chunk, and dst as long: the
	// runs and words are read from t and written to dst at the same
	// offset, from slices of constant length, so that the loads and stores
	// need no bounds checks of their own. A character outside ASCII is
	// read from s, as it may run past t.
	t := s[:min(len(s), len(chunk))]
	dst := chunk[:len(t)]
	i := 0
	for i < len(t) {
		// Runs of 32 ASCII bytes, most of any English text, are tested
		// for a byte outside ASCII at once. The loads and stores are
		// spelled out, and merged by the compiler into four each: with
		// swar.Load8, swar.Lower8 and binary.LittleEndian, each inlined
		// call leaves a no-op in the loop, which then costs a quarter
		// more. The lower case is swar.Lower8's with one operation
		// fewer: below 0x80, the top bit of byte+(0x80-'Z'-1) is set
		// only where that of byte+(0x80-'A') is, so they differ just
		// for 'A'..'Z'.
		for ; i+32 <= len(t); i += 32 {
			r := t[i : i+32]
			x0 := uint64(r[0]) | uint64(r[1])<<8 | uint64(r[2])<<16 | uint64(r[3])<<24 | uint64(r[4])<<32 | uint64(r[5])<<40 | uint64(r[6])<<48 | uint64(r[7])<<56
			x1 := uint64(r[8]) | uint64(r[9])<<8 | uint64(r[10])<<16 | uint64(r[11])<<24 | uint64(r[12])<<32 | uint64(r[13])<<40 | uint64(r[14])<<48 | uint64(r[15])<<56
			x2 := uint64(r[16]) | uint64(r[17])<<8 | uint64(r[18])<<16 | uint64(r[19])<<24 | uint64(r[20])<<32 | uint64(r[21])<<40 | uint64(r[22])<<48 | uint64(r[23])<<56
			x3 := uint64(r[24]) | uint64(r[25])<<8 | uint64(r[26])<<16 | uint64(r[27])<<24 | uint64(r[28])<<32 | uint64(r[29])<<40 | uint64(r[30])<<48 | uint64(r[31])<<56
			if (x0|x1|x2|x3)&swar.Highs != 0 {
				break
			}
			const a, z = (0x80 - 'A') * swar.Ones, (0x80 - 'Z' - 1) * swar.Ones
			x0 |= ((x0 + a) ^ (x0 + z)) & swar.Highs >> 2
			x1 |= ((x1 + a) ^ (x1 + z)) & swar.Highs >> 2
			x2 |= ((x2 + a) ^ (x2 + z)) & swar.Highs >> 2
			x3 |= ((x3 + a) ^ (x3 + z)) & swar.Highs >> 2
			d := (*[32]byte)(dst[i : i+32])
			d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7] = byte(x0), byte(x0>>8), byte(x0>>16), byte(x0>>24), byte(x0>>32), byte(x0>>40), byte(x0>>48), byte(x0>>56)
			d[8], d[9], d[10], d[11], d[12], d[13], d[14], d[15] = byte(x1), byte(x1>>8), byte(x1>>16), byte(x1>>24), byte(x1>>32), byte(x1>>40), byte(x1>>48), byte(x1>>56)
			d[16], d[17], d[18], d[19], d[20], d[21], d[22], d[23] = byte(x2), byte(x2>>8), byte(x2>>16), byte(x2>>24), byte(x2>>32), byte(x2>>40), byte(x2>>48), byte(x2>>56)
			d[24], d[25], d[26], d[27], d[28], d[29], d[30], d[31] = byte(x3), byte(x3>>8), byte(x3>>16), byte(x3>>24), byte(x3>>32), byte(x3>>40), byte(x3>>48), byte(x3>>56)
		}
		// Of the first eight bytes that are not all ASCII, those before
		// the first byte outside ASCII are kept: a sum in Lower8 carries
		// only into the bytes after it.
		for ; i+8 <= len(t); i += 8 {
			x := swar.Load8(t[i:i+8], 0)
			binary.LittleEndian.PutUint64(dst[i:i+8], swar.Lower8(x))
			if h := x & swar.Highs; h != 0 {
				i += bits.TrailingZeros64(h) / 8
				break
			}
		}
		if i >= len(t) {
			break
		}
		c := t[i]
		if c < utf8.RuneSelf {
			dst[i] = asciiLower[c]
			i++
			continue
		}
		if isPunct3(s[i:]) {
			// A quotation mark, dash or space of General Punctuation,
			// which has no case, copied as it is.
			if i+3 > len(dst) {
				break
			}
			copy(dst[i:i+3], s[i:i+3])
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return 0, false
		}
		if i+size > len(dst) {
			break
		}
		l := lowerRune(r)
		if l != r && utf8.RuneLen(l) != size {
			return 0, false
		}
		i += utf8.EncodeRune(dst[i:], l)
	}
	return i, true
}

// isPunct3 reports whether s starts with a character from U+2000 to
// U+203F (General Punctuation: spaces, dashes, quotation marks), which
// lower-casing leaves as it is.
func isPunct3(s string) bool {
	return len(s) >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2]&0xC0 == 0x80
}

// asciiLower maps each ASCII byte to its lower case.
var asciiLower = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = lowerByte(byte(c))
	}
	return t
}()

// lowerRune is unicode.ToLower(r), with the General Punctuation block
// (U+2000 to U+206F: quotation marks, dashes, spaces), which has no case,
// answered without a table search.
func lowerRune(r rune) rune {
	if r >= 0x2000 && r < 0x2070 {
		return r
	}
	return unicode.ToLower(r)
}

// Token is one token of a text as Next finds it: the span [St, En), whether
// it is a word, and whether a line break stands in the gap before it. For a
// word of ASCII letters and digits only, ASCII is set and Hash is the Hash of
// its lower case, by which a Table finds it (Table.Word); for other tokens
// both are zero.
type Token struct {
	St, En   int
	Word, NL bool
	ASCII    bool
	Hash     uint32
}

// Tokens appends to dst every token of s in order, as successive calls of
// Next give them, so that several matchers can share one scan of a text.
func Tokens(dst []Token, s string) []Token {
	dst, _ = AppendSpan(dst, s, 0, len(s), false)
	return dst
}

// AppendSpan appends to dst the tokens of s[lo:hi], as Tokens(dst, s)
// would find them there when no word of s runs across lo or hi: a scanner
// that splits a text more coarsely than this package (into whole tokens of
// its own) hands its tokens over one by one. nl tells whether the gap
// before lo holds a line break; the result tells whether the gap after the
// last token, up to hi, holds one (nl itself when s[lo:hi] holds no token).
func AppendSpan(dst []Token, s string, lo, hi int, nl bool) ([]Token, bool) {
	t := s[:hi] // the bytes scanned; those past hi are read only for a hash
	for i := lo; i < len(t); {
		c := t[i]
		switch byteClass[c] {
		case classSpace:
			i++
			continue
		case classNL:
			nl = true
			i++
			continue
		case classWord:
			st := i
			i++
			for i < len(t) && byteClass[t[i]] == classWord {
				i++
			}
			if i < len(t) && t[i] >= utf8.RuneSelf {
				if en := wordEnd(t, i); en > i {
					dst = appendToken(dst, st, en, true, nl)
					i, nl = en, false
					continue
				}
			}
			dst = appendASCIIWord(dst, s, st, i, nl)
			if i < len(t) && t[i] == ' ' {
				i++ // the commonest gap, skipped at once
			}
		case classPunct:
			dst = AppendMark(dst, i, i+1, nl)
			i++
		default:
			r, n := utf8.DecodeRuneInString(t[i:])
			switch runeClass(r) {
			case classSpace:
				i += n
				continue
			case classNL:
				nl = true
				i += n
				continue
			case classWord:
				en := wordEnd(t, i+n)
				dst = appendToken(dst, i, en, true, nl)
				i = en
			default:
				dst = AppendMark(dst, i, i+n, nl)
				i += n
			}
		}
		nl = false
	}
	return dst, nl
}

// appendASCIIWord appends to dst the token of the word s[st:en], a run of
// ASCII letters and digits that Tokens would find as a word of its own
// (no letter, digit or mark follows it), with its Hash; nl tells whether a
// line break stands in the gap before it.
func appendASCIIWord(dst []Token, s string, st, en int, nl bool) []Token {
	return AppendHashedWord(dst, st, en, nl, WordHash(s, st, en))
}

// WordHash returns the Hash of s[st:en], a run of ASCII letters and digits,
// which is that of its lower case. A short word is read with what follows
// it in one load.
func WordHash(s string, st, en int) uint32 {
	if n := en - st; n <= 8 && len(s)-st >= 8 {
		return ShortWordHash(n, swar.Load8(s, st))
	}
	return Hash(s[st:en])
}

// ShortWordHash returns the Hash of a word of n ASCII letters and digits,
// from one to eight, that are the low n bytes of x read as swar.Load8 reads
// them; the bytes above them are ignored.
func ShortWordHash(n int, x uint64) uint32 {
	return hashTail(uint64(n), x&lowBytes(n))
}

// lowBytes returns the mask of the low n bytes of a uint64, n from one to
// eight. The shift, by less than 64 for certain, costs fewer instructions
// than one by 8*n, which might be 64; for n = 0 it keeps all eight bytes,
// not none.
func lowBytes(n int) uint64 {
	return ^uint64(0) >> ((64 - 8*uint(n)) & 63)
}

// MaskedWordHash returns the Hash of a word of n ASCII letters and digits,
// from one to eight, that are the low n bytes of x, whose bytes above them
// are zero: it is ShortWordHash for a caller that has cleared those bytes
// already, as a scanner that holds the word's end as a bit mask can without
// a shift by n.
func MaskedWordHash(n int, x uint64) uint32 {
	return hashTail(uint64(n), x)
}

// WordHash16 returns the Hash of a word of n ASCII letters and digits,
// from one to sixteen, whose first eight bytes (or all, when n is at most
// eight) are x0 and whose further n-8 bytes are the low bytes of x1, both
// read as swar.Load8 reads them; the bytes after the word are ignored.
func WordHash16(n int, x0, x1 uint64) uint32 {
	if n <= 8 {
		return ShortWordHash(n, x0)
	}
	return LongWordHash(n, x0, x1&lowBytes(n-8))
}

// LongWordHash returns the Hash of a word of n ASCII letters and digits,
// from nine to sixteen, whose first eight bytes are x0 and whose further
// n-8 bytes are the low bytes of x1, whose bytes above them are zero: it is
// WordHash16 for a caller that has cleared those bytes already, small
// enough to be inlined into a scanner's loop.
func LongWordHash(n int, x0, x1 uint64) uint32 {
	// Hash's one block, then its tail of n-8 bytes.
	return hashTail(mum(uint64(n)^(x0|foldBits), hashMulBlock), x1)
}

// AppendHashedWord appends to dst the token of a word [st, en) of ASCII
// letters and digits that Tokens would find as a word of its own, whose
// WordHash is h; nl tells whether a line break stands in the gap before it.
func AppendHashedWord(dst []Token, st, en int, nl bool, h uint32) []Token {
	return append(dst, Token{St: st, En: en, Word: true, NL: nl, ASCII: true, Hash: h})
}

// AppendMark appends to dst the token [st, en) of one character that is
// neither a word nor a separator for Tokens; nl tells whether a line break
// stands in the gap before it.
func AppendMark(dst []Token, st, en int, nl bool) []Token {
	return appendToken(dst, st, en, false, nl)
}

// appendToken appends the token [st, en) to dst, neither ASCII nor hashed.
func appendToken(dst []Token, st, en int, word, nl bool) []Token {
	return append(dst, Token{St: st, En: en, Word: word, NL: nl})
}

// wordEnd returns the end of the word that runs on at byte i of s.
func wordEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if byteClass[c] != classWord {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if runeClass(r) != classWord {
			break
		}
		i += n
	}
	return i
}

// The classes of characters for Tokens, as Next treats them.
const (
	classPunct uint8 = iota // a token by itself
	classSpace              // a separator: a space or an invisible format character
	classNL                 // a separator that breaks the line
	classWord               // part of a word: a letter, digit or combining mark
	classMulti              // (byteClass only) the first byte of a longer character
)

// classOf returns the class of r, as Next decides it.
func classOf(r rune) uint8 {
	switch {
	case r == '\n' || r == '\u2028' || r == '\u2029' || r == '\u0085':
		return classNL
	case unicode.IsSpace(r) || unicode.Is(unicode.Cf, r):
		return classSpace
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
		return classWord
	}
	return classPunct
}

// byteClass is the class of each ASCII byte; the others are classMulti.
var byteClass = func() (t [256]uint8) {
	for c := range t {
		t[c] = classMulti
		if c < utf8.RuneSelf {
			t[c] = classOf(rune(c))
		}
	}
	return t
}()

// Characters of the ranges [0, len(lowClass)) and [punctStart,
// punctStart+len(punctClass)) (General Punctuation) are classed by table.
const punctStart = 0x2000

var (
	lowClass   = makeClasses(0, 0x800)
	punctClass = makeClasses(punctStart, 0x70)
)

// makeClasses returns the classes of the n characters from r0.
func makeClasses(r0 rune, n int) []uint8 {
	t := make([]uint8, n)
	for i := range t {
		t[i] = classOf(r0 + rune(i))
	}
	return t
}

// runeClass is classOf(r), by table for the commonest characters.
func runeClass(r rune) uint8 {
	if r < rune(len(lowClass)) {
		return lowClass[r]
	}
	if uint32(r-punctStart) < uint32(len(punctClass)) {
		return punctClass[r-punctStart]
	}
	return classOf(r)
}
