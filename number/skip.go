package number

import (
	"math/bits"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/internal/swar"
)

// Classes of bytes for skip and the ASCII fast paths of the lexer.
const (
	clOther  = iota // digits and non-ASCII bytes
	clSpace         // ASCII spaces
	clLetter        // ASCII letters
	clApos          // the apostrophe: inside a word or a token of its own
	clPunct         // other ASCII bytes: a token of their own for next
)

// byteClass is the class of every byte.
var byteClass = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			t[c] = clLetter
		case c == ' ', c == '\t', c == '\n', c == '\r', c == '\f', c == '\v':
			t[c] = clSpace
		case '0' <= c && c <= '9':
			t[c] = clOther
		case c == '\'':
			t[c] = clApos
		default:
			t[c] = clPunct
		}
	}
	return t
}()

// skip returns the first position at or after i and before lim where a
// number may start; when there is none, it returns where its passing over
// the text ends at or after lim, at most len(text) (len(text) itself for
// lim == len(text)). It passes over what Find would lex with next only to
// drop it: ASCII spaces and punctuation, General Punctuation runes, and
// words of ASCII letters (with inner apostrophes) that are no number word
// and no article before a scale word, each as a whole, so that it may go
// on past lim to the end of a word. What it does not know (digits, words
// that run into a digit or a non-ASCII rune, other non-ASCII text) it
// leaves to Find.
func (lx *lexicon) skip(text string, i, lim int) int {
	for i < lim {
		switch byteClass[text[i]] {
		case clSpace, clPunct, clApos:
			i++
		case clLetter:
			// The word's letters after the first run to k. Most words
			// have at most eight letters and are ended by a space or
			// punctuation: one load of the eight bytes after the first
			// letter tells their length and end. When the word's first
			// two letters are wrong for its length, skip passes it with
			// the byte after it. Longer words go to passLong.
			k := i + 1
			if k+8 <= len(text) {
				x := swar.Load8(text, k)
				if m := nonLetters(x); m != 0 {
					n := bits.TrailingZeros64(m) / 8
					// byte(x) is the byte after a word of one letter,
					// which startPairs allows for.
					if endsWord(byte(x>>(8*n))) && lx.startPairs[pairKey(text[i], byte(x))]&(2<<n) == 0 {
						i = k + n + 1
						continue
					}
					k += n
				} else {
					var stop bool
					if i, stop = lx.passLong(text, i, k+8); stop {
						return i
					}
					continue
				}
			} else {
				k = letterRunEnd(text, k)
			}
			var stop bool
			if i, stop = lx.passWord(text, i, k); stop {
				return i
			}
		default:
			n := generalPunct(text, i)
			if n == 0 {
				return i
			}
			i += n
		}
	}
	return i
}

// passLong is passWord at a word of more than eight letters, which start
// at s and run at least to k. A word ended by a space or punctuation whose
// first two letters are wrong for its length (any length above
// maxNumberWord is) it passes with the byte after it at once.
func (lx *lexicon) passLong(text string, s, k int) (int, bool) {
	k = letterRunEnd(text, k)
	if n := k - s; k < len(text) && endsWord(text[k]) && (n > maxNumberWord || lx.startPairs[pairKey(text[s], text[s+1])]&(1<<n) == 0) {
		return k + 1, false
	}
	return lx.passWord(text, s, k)
}

// passWord is skip at the word that starts with the ASCII letter at s,
// whose letters run to k. It returns where skip goes on after the word and
// the usual space after it, or s and true when a number may start at s.
func (lx *lexicon) passWord(text string, s, k int) (int, bool) {
	if k < len(text) && !endsWord(text[k]) {
		if k = wordRest(text, k); k < 0 {
			return s, true
		}
	}
	// Most words have the wrong first letter for their length, or the
	// wrong first two letters.
	if lx.startLens[text[s]]&(1<<(k-s)) != 0 && lx.mayStartShape(text[s:k]) && lx.mayStart(text, s, k) {
		return s, true
	}
	if k < len(text) && text[k] == ' ' {
		k++ // the usual space before the next word
	}
	return k, false
}

// pairs is the number of keys of lexicon.startPairs.
const pairs = 32 * 32

// pairKey returns the key of lexicon.startPairs for a word whose first two
// bytes are c0 and c1. It keeps the low five bits of each, so that both
// cases of an ASCII letter have the same key; other bytes share keys with
// letters, which only lets through more words than needed.
func pairKey(c0, c1 byte) int {
	return int(c0&31)<<5 | int(c1&31)
}

// endsWord reports whether next ends a word of letters before byte c: an
// ASCII space or punctuation other than the apostrophe.
func endsWord(c byte) bool {
	cl := byteClass[c]
	return cl == clSpace || cl == clPunct
}

// wordEnd returns the end of the word that starts with the ASCII letter at
// i, as next reads it: ASCII letters with inner apostrophes ("don't",
// "Russia’s"). It returns -1 when next could take more into the word (a
// digit, a non-ASCII rune).
func wordEnd(text string, i int) int {
	k := letterRunEnd(text, i+1)
	if k == len(text) || endsWord(text[k]) {
		return k
	}
	return wordRest(text, k)
}

// wordRest is wordEnd from k, where a letter is followed by neither a letter
// nor a byte that ends the word.
func wordRest(text string, k int) int {
	for {
		n := 1 // the apostrophe's length
		if byteClass[text[k]] == clOther {
			if !curlyApostropheAt(text, k) {
				return -1
			}
			n = 3
		}
		// An apostrophe is inside the word when a letter follows.
		a := k + n
		switch {
		case a == len(text) || byteClass[text[a]] != clLetter && text[a] < utf8.RuneSelf:
			return k
		case text[a] >= utf8.RuneSelf:
			return -1
		}
		k = letterRunEnd(text, a+1)
		if k == len(text) || endsWord(text[k]) {
			return k
		}
	}
}

// curlyApostropheAt reports whether text has ’ (U+2019) at i.
func curlyApostropheAt(text string, i int) bool {
	return i+2 < len(text) && text[i] == 0xe2 && text[i+1] == 0x80 && text[i+2] == 0x99
}

// mayStartShape reports whether the word w of ASCII letters and
// apostrophes, not empty, has the shape of a word that may start a number.
func (lx *lexicon) mayStartShape(w string) bool {
	p, ok := shape(w)
	return ok && lx.startShapes[p]&(1<<len(w)) != 0
}

// mayStart reports whether the word text[s:e] of ASCII letters and
// apostrophes may start a number: a number word that is no suffix, or "a"
// or "an" before a word that may be a scale word ("a dozen").
func (lx *lexicon) mayStart(text string, s, e int) bool {
	w := text[s:e]
	if isArticleA(w) {
		return lx.mayFollowArticle(text, e)
	}
	wi, ok := lx.words.get(w)
	return ok && !wi.suffix
}

// mayFollowArticle reports whether the token after i may be a scale word,
// as in "a dozen"; when false, it is no word or no scale word.
func (lx *lexicon) mayFollowArticle(text string, i int) bool {
	for i < len(text) && byteClass[text[i]] == clSpace {
		i++
	}
	if i == len(text) {
		return false
	}
	switch byteClass[text[i]] {
	case clPunct, clApos:
		return false
	case clLetter:
		if lx.scaleLens[text[i]] == 0 {
			return false // the wrong first letter for a scale word
		}
		k := wordEnd(text, i)
		if k < 0 {
			return true
		}
		if !lx.mayBeScale(text[i:k]) {
			return false
		}
		wi, ok := lx.words.get(text[i:k])
		return ok && wi.scale && !wi.suffix
	}
	return !isASCIIDigit(text[i]) // a digit starts no word
}

// generalPunct returns the length of the rune at i when it is one of the
// General Punctuation block (U+2000–U+206F): spaces, dashes, quotation
// marks and invisible marks, none of which is a letter, a digit or part of
// a word at the start of a token. It returns 0 for any other rune.
func generalPunct(text string, i int) int {
	if i+2 >= len(text) || text[i] != 0xe2 {
		return 0
	}
	b1, b2 := text[i+1], text[i+2]
	if b2 < 0x80 || b2 > 0xbf || b1 != 0x80 && (b1 != 0x81 || b2 > 0xaf) {
		return 0
	}
	return 3
}

// letterRunEnd returns the end of the run of ASCII letters that starts at i
// (i itself when there is none). It tests eight bytes at a time while
// eight remain, as words are mostly shorter than that.
func letterRunEnd(text string, i int) int {
	for i+8 <= len(text) {
		if m := nonLetters(swar.Load8(text, i)); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
		i += 8
	}
	for i < len(text) && byteClass[text[i]] == clLetter {
		i++
	}
	return i
}

// letterRunStart returns the start of the run of ASCII letters that ends
// at i, eight bytes at a time: i itself when text[i-1] is no letter.
func letterRunStart(text string, i int) int {
	for i >= 8 {
		if m := nonLetters(swar.Load8(text, i-8)); m != 0 {
			return i - bits.LeadingZeros64(m)/8
		}
		i -= 8
	}
	for i > 0 && byteClass[text[i-1]] == clLetter {
		i--
	}
	return i
}

// nonLetters returns the high bit of every byte of x that is no ASCII
// letter, all other bits clear. It sets bit 0x20 to fold the cases and
// clears the high bits, so that the byte-wise additions below carry into
// no other byte: adding 0x80-'a' sets a byte's high bit when it is 'a' or
// more, and adding 0x80-'z'-1 when it is more than 'z'.
func nonLetters(x uint64) uint64 {
	y := (x | 0x20*swar.Ones) &^ swar.Highs
	atLeastA := y + (0x80-'a')*swar.Ones
	aboveZ := y + (0x80-'z'-1)*swar.Ones
	return (^atLeastA | aboveZ | x) & swar.Highs
}
