// Package wordscan is the word scanner shared by the lexicon matchers (the
// outlet table and the framing terms): one pass over a text, word by word,
// with byte offsets and line breaks noted, and without allocating.
package wordscan

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		// A run that lower-casing leaves alone is copied as it is.
		j := i
		for j < len(s) && s[j] < utf8.RuneSelf && !('A' <= s[j] && s[j] <= 'Z') {
			j++
		}
		b.WriteString(s[i:j])
		i = j
		if i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			b.WriteByte(c + 'a' - 'A')
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return "", false
		}
		l := unicode.ToLower(r)
		if utf8.RuneLen(l) != n {
			return "", false
		}
		b.WriteRune(l)
		i += n
	}
	return b.String(), true
}

// Token is one token of a text as Next finds it: the span [St, En), whether
// it is a word, and whether a line break stands in the gap before it.
type Token struct {
	St, En   int
	Word, NL bool
}

// Tokens appends to dst every token of s in order, as successive calls of
// Next give them, so that several matchers can share one scan of a text.
func Tokens(dst []Token, s string) []Token {
	for pos := 0; ; {
		st, en, word, nl := Next(s, pos)
		if st < 0 {
			return dst
		}
		dst = append(dst, Token{st, en, word, nl})
		pos = en
	}
}
