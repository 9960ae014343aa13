package frame

import (
	"unicode"
	"unicode/utf8"
)

// nextToken returns the next token of s at or after byte i: a word (a run of
// letters, digits and combining marks) or a single other character. Spaces
// and invisible format characters separate tokens; nl reports whether the gap
// skipped before the token held a line break. st is -1 at the end.
// (The outlet package has the same tokenizer; each package keeps its own copy
// so that neither depends on the other.)
func nextToken(s string, i int) (st, en int, word, nl bool) {
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

// normPunct makes typographic variants of apostrophes and hyphens plain.
func normPunct(tok string) string {
	switch tok {
	case "’", "‘", "ʼ", "′":
		return "'"
	case "‐", "‑", "‒":
		return "-"
	}
	return tok
}

// lowerKey lower-cases an ASCII token into buf; ok is false for non-ASCII.
func lowerKey(tok string, buf []byte) ([]byte, bool) {
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
