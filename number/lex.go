package number

import (
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/internal/swar"
)

// tokKind classifies a token of the scanner.
type tokKind uint8

const (
	tEOF   tokKind = iota
	tWord          // letters, with inner apostrophes ("Russia’s")
	tNum           // ASCII digits with inner separators ("7,200", "2.5")
	tAlnum         // letters and digits mixed ("M23", "3rd", "5bn")
	tPunct         // any other single rune
)

// tok is a half-open byte span [s, e) of the text and its kind.
type tok struct {
	s, e int
	k    tokKind
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// isSpaceRune reports whether r separates tokens (this includes the no-break
// space and the zero-width characters some pages leave in their text).
func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && byteClass[r] == clSpace
	}
	return isSpaceNonASCII(r)
}

// isSpaceNonASCII is isSpaceRune for a rune outside ASCII.
func isSpaceNonASCII(r rune) bool {
	switch r {
	case '\u200b', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

// isLetterRune reports whether r belongs inside a word. Non-ASCII digits are
// treated as letters so that they never make a number.
func isLetterRune(r rune) bool {
	if r < utf8.RuneSelf {
		return uint32(r|0x20-'a') < 26
	}
	return isLetterNonASCII(r)
}

// isLetterNonASCII is isLetterRune for a rune outside ASCII (or noRune).
func isLetterNonASCII(r rune) bool {
	if 0x2000 <= r && r <= 0x206f {
		return false // General Punctuation ("’", "–", "“"), without a table search
	}
	// Invalid bytes (decoded as U+FFFD) stick to their word too, so that no
	// number ends inside a broken character.
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == utf8.RuneError
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// isHyphen reports whether r joins the parts of a compound ("F-16", "MI‑6").
func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// noRune is what runeAt and runeBefore give outside the text.
const noRune rune = -1

// runeAt returns the rune that starts at byte i of s and its length, or
// noRune and 0 outside s.
func runeAt(s string, i int) (rune, int) {
	if uint(i) < uint(len(s)) {
		if c := s[i]; c < utf8.RuneSelf {
			return rune(c), 1
		}
	}
	return runeAtSlow(s, i)
}

// runeAtSlow is runeAt for a non-ASCII rune or a position outside s.
func runeAtSlow(s string, i int) (rune, int) {
	if i < 0 || i >= len(s) {
		return noRune, 0
	}
	return utf8.DecodeRuneInString(s[i:])
}

// runeBefore returns the rune that ends at byte i of s and its length, or
// noRune and 0 outside s.
func runeBefore(s string, i int) (rune, int) {
	if j := i - 1; uint(j) < uint(len(s)) {
		if c := s[j]; c < utf8.RuneSelf {
			return rune(c), 1
		}
	}
	return runeBeforeSlow(s, i)
}

// runeBeforeSlow is runeBefore for a non-ASCII rune or a position outside s.
func runeBeforeSlow(s string, i int) (rune, int) {
	if i <= 0 || i > len(s) {
		return noRune, 0
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

// skipSpace returns the first index at or after i that is not space.
func skipSpace(s string, i int) int {
	for i < len(s) && byteClass[s[i]] == clSpace {
		i++
	}
	if i < len(s) && s[i] >= utf8.RuneSelf {
		return skipSpaceSlow(s, i)
	}
	return i
}

// skipSpaceSlow is skipSpace from a non-ASCII rune.
func skipSpaceSlow(s string, i int) int {
	for i < len(s) {
		r, n := runeAt(s, i)
		if !isSpaceRune(r) {
			break
		}
		i += n
	}
	return i
}

// skipSpaceBack returns the last index at or before i whose preceding rune is
// not space.
func skipSpaceBack(s string, i int) int {
	for i > 0 && byteClass[s[i-1]] == clSpace {
		i--
	}
	if i == 0 || s[i-1] < utf8.RuneSelf {
		return i // no space before an ASCII byte
	}
	for i > 0 {
		r, n := runeBefore(s, i)
		if !isSpaceRune(r) {
			break
		}
		i -= n
	}
	return i
}

// groupAt reports whether s[i:] starts with exactly three digits that are
// not followed by a fourth: the group after a thousands separator.
func groupAt(s string, i int) bool {
	if i+3 > len(s) {
		return false
	}
	for j := i; j < i+3; j++ {
		if !isASCIIDigit(s[j]) {
			return false
		}
	}
	return i+3 == len(s) || !isASCIIDigit(s[i+3])
}

// next returns the token that starts at the first non-space at or after i.
func next(s string, i int) tok {
	j := i
	for j < len(s) && s[j] == ' ' {
		j++ // the usual single space, without a call
	}
	if j < len(s) {
		// The usual word of ASCII letters, or run of ASCII digits,
		// that a space or a mark ends, in one pass: a letter or digit
		// after the run, an apostrophe after letters, a byte outside
		// ASCII, or a point or comma that digits may go on after,
		// leaves it to the loop below.
		switch c := s[j]; {
		case byteClass[c] == clLetter:
			// The run of letters, its first eight bytes after c here
			// rather than in letterRunEnd: most words end in them, and
			// the call cost more than the test (measured on the corpus).
			k := j + 1
			if k+8 <= len(s) {
				if m := nonLetters(swar.Load8(s, k)); m != 0 {
					k += bits.TrailingZeros64(m) / 8
				} else {
					k = letterRunEnd(s, k+8)
				}
			} else {
				k = letterRunEnd(s, k)
			}
			// A point or comma after a letter ends the word too.
			if k == len(s) || afterClass[s[k]] != afterOther {
				return tok{j, k, tWord}
			}
		case isASCIIDigit(c):
			// Digits, with the points and commas that the loop below
			// reads on after a digit ("2.5", "7,200").
			k := j + 1
			for {
				for k < len(s) && isASCIIDigit(s[k]) {
					k++
				}
				if k+1 < len(s) && (s[k] == '.' && isASCIIDigit(s[k+1]) || s[k] == ',' && groupAt(s, k+1)) {
					k++
					continue
				}
				break
			}
			if digitsEnd(s, k) {
				return tok{j, k, tNum}
			}
		}
	}
	if j < len(s) && (s[j] >= utf8.RuneSelf || byteClass[s[j]] == clSpace) {
		j = skipSpace(s, j)
	}
	if j >= len(s) {
		return tok{len(s), len(s), tEOF}
	}
	switch c := s[j]; {
	case c >= utf8.RuneSelf:
		if r, n := runeAt(s, j); !isLetterRune(r) {
			return tok{j, j + n, tPunct}
		}
	case byteClass[c] != clLetter && !isASCIIDigit(c):
		return tok{j, j + 1, tPunct}
	}
	k := j
	var hasL, hasD, lastDigit, lastLetter bool
	for k < len(s) {
		if b := s[k]; isASCIIDigit(b) {
			hasD, lastDigit, lastLetter = true, true, false
			k++
			continue
		} else if b|0x20 >= 'a' && b|0x20 <= 'z' {
			// A run of letters leaves the flags as its first letter
			// does: pass it eight bytes at a time.
			hasL, lastDigit, lastLetter = true, false, true
			k = letterRunEnd(s, k+1)
			continue
		} else if b < utf8.RuneSelf {
			// A space or a mark other than . , and ' ends the token,
			// without decoding it.
			if cl := byteClass[b]; cl == clSpace || cl == clPunct && b != '.' && b != ',' {
				break
			}
		}
		r, n := runeAt(s, k)
		switch {
		case r < utf8.RuneSelf && isASCIIDigit(byte(r)):
			hasD, lastDigit, lastLetter = true, true, false
		case isLetterRune(r):
			hasL, lastDigit, lastLetter = true, false, true
		case r == '.' && lastDigit && k+1 < len(s) && isASCIIDigit(s[k+1]):
			lastDigit = false
		case r == ',' && lastDigit && groupAt(s, k+1):
			lastDigit = false
		case isApostrophe(r) && lastLetter:
			r2, _ := runeAt(s, k+n)
			if !isLetterRune(r2) {
				return mk(j, k, hasL, hasD)
			}
			lastLetter = false
		default:
			return mk(j, k, hasL, hasD)
		}
		k += n
	}
	return mk(j, k, hasL, hasD)
}

// prev returns the token that ends at the last non-space at or before i.
func prev(s string, i int) tok {
	e := i
	if e > 0 && s[e-1] == ' ' {
		e-- // the usual single space, without a call
	}
	if e > 0 {
		// The usual word of ASCII letters, or run of ASCII digits,
		// after the start of the text, a space or a mark, in one
		// pass: a letter or digit before the run, an apostrophe, a
		// byte outside ASCII, or a point or comma before digits,
		// leaves it to the loop below.
		switch c := s[e-1]; {
		case byteClass[c] == clLetter:
			// The run of letters, its last eight bytes before c here
			// rather than in letterRunStart, as in next.
			k := e - 1
			if k >= 8 {
				if m := nonLetters(swar.Load8(s, k-8)); m != 0 {
					k -= bits.LeadingZeros64(m) / 8
				} else {
					k = letterRunStart(s, k-8)
				}
			} else {
				k = letterRunStart(s, k)
			}
			// A point or comma before a letter starts the word too.
			if k == 0 || afterClass[s[k-1]] != afterOther {
				return tok{k, e, tWord}
			}
		case isASCIIDigit(c):
			k := e - 1
			for k > 0 && isASCIIDigit(s[k-1]) {
				k--
			}
			if k == 0 || afterClass[s[k-1]] == afterPlain {
				return tok{k, e, tNum}
			}
		}
	}
	if e > 0 && (s[e-1] >= utf8.RuneSelf || byteClass[s[e-1]] == clSpace) {
		e = skipSpaceBack(s, e)
	}
	if e <= 0 {
		return tok{0, 0, tEOF}
	}
	if c := s[e-1]; c < utf8.RuneSelf {
		if cl := byteClass[c]; cl != clLetter && !isASCIIDigit(c) {
			return tok{e - 1, e, tPunct}
		}
	} else if r, n := runeBefore(s, e); !isLetterRune(r) {
		return tok{e - n, e, tPunct}
	}
	k := e
	var hasL, hasD bool
	// The letters at the end of the token, eight bytes at a time.
	for k >= 8 {
		m := nonLetters(swar.Load8(s, k-8))
		if n := bits.LeadingZeros64(m) / 8; n > 0 {
			hasL = true
			k -= n
		}
		if m != 0 {
			break
		}
	}
	for k > 0 {
		if c := s[k-1]; c < utf8.RuneSelf {
			// The usual ASCII letters and digits, without decoding.
			switch cl := byteClass[c]; {
			case cl == clLetter:
				hasL = true
				k--
				continue
			case cl == clOther:
				hasD = true // clOther's ASCII bytes are the digits
				k--
				continue
			case cl == clSpace, cl == clPunct && c != '.' && c != ',':
				// A space or a mark other than . , and ' starts
				// the token, without decoding it.
				return mk(k, e, hasL, hasD)
			}
		}
		r, n := runeBefore(s, k)
		switch {
		case r < utf8.RuneSelf && isASCIIDigit(byte(r)):
			hasD = true
		case isLetterRune(r):
			hasL = true
		case (r == '.' || r == ',') && k-1 > 0 && k < len(s) && isASCIIDigit(s[k-2]) && isASCIIDigit(s[k]):
		case isApostrophe(r) && k < len(s):
			r2, _ := runeAt(s, k)
			r0, _ := runeBefore(s, k-n)
			if !isLetterRune(r2) || !isLetterRune(r0) {
				return mk(k, e, hasL, hasD)
			}
		default:
			return mk(k, e, hasL, hasD)
		}
		k -= n
	}
	return mk(k, e, hasL, hasD)
}

func mk(s, e int, hasL, hasD bool) tok {
	switch {
	case hasL && hasD:
		return tok{s, e, tAlnum}
	case hasD:
		return tok{s, e, tNum}
	default:
		return tok{s, e, tWord}
	}
}

// lower writes the ASCII lower case of s into buf and returns it; words
// longer than buf are cut, which no key in the lists is.
func lower(buf []byte, s string) []byte {
	buf = buf[:0]
	for i := 0; i < len(s) && len(buf) < cap(buf); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// isUpperStart reports whether the word s begins with a capital letter.
func isUpperStart(s string) bool {
	r, _ := runeAt(s, 0)
	return unicode.IsUpper(r)
}
