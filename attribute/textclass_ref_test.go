package attribute

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// textClassRef is textClass as it was before it told the General
// Punctuation block (U+2000 to U+203F) by its first two bytes: it asks
// package unicode about every rune outside ASCII. It is the oracle of
// TestTextClassRef and FuzzTextClass.
func textClassRef(s string) wflag {
	if s == "" {
		return 0
	}
	var f wflag
	if c := s[0]; c < utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			f = cWord
		case 'A' <= c && c <= 'Z':
			f = cWord | cCapital
			if s == "US" {
				f |= cUS
			}
		case c == ',' || c == '(' || c == ')':
			if len(s) == 1 {
				return cComma
			}
		}
	} else {
		r, _ := utf8.DecodeRuneInString(s)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			f = cWord
		}
		if unicode.IsUpper(r) {
			f |= cCapital
		}
		if s == "\u2013" || s == "\u2014" {
			f |= cComma
		}
	}
	if s[len(s)-1] == 's' && (strings.HasSuffix(s, "\u2019s") || strings.HasSuffix(s, "'s")) {
		f |= cPossessive
	}
	return f
}

// TestTextClassRef compares textClass with its oracle on every rune from
// U+1F00 to U+20FF alone, followed by "s", "’s" and a letter, and cut
// short.
func TestTextClassRef(t *testing.T) {
	for r := rune(0x1F00); r <= 0x20FF; r++ {
		s := string(r)
		for _, tok := range []string{s, s + "s", s + "\u2019s", s + "x", s[:len(s)-1], s[:1]} {
			if got, want := textClass(tok), textClassRef(tok); got != want {
				t.Errorf("textClass(%q) = %#x, want %#x", tok, got, want)
			}
		}
	}
}

// FuzzTextClass compares textClass with its oracle on any token.
func FuzzTextClass(f *testing.F) {
	for _, s := range []string{"\u2014", "\u2019s", "\u201cWe", "Émile", "US", "x's", "\u2026", "\xe2\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := textClass(s), textClassRef(s); got != want {
			t.Errorf("textClass(%q) = %#x, want %#x", s, got, want)
		}
	})
}
