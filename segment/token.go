package segment

import (
	"unicode"
	"unicode/utf8"
)

// Token is a word, number or punctuation mark with its byte offsets.
type Token struct {
	Start, End int
	Text       string
}

// IsWord reports whether the token starts with a letter or digit.
func (t Token) IsWord() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Capitalized reports whether the token starts with an upper-case letter.
func (t Token) Capitalized() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// Tokens splits text[lo:hi] into tokens. A word keeps inner apostrophes,
// hyphens and periods ("don’t", "DC-based", "U.S.", "7,200"); every other
// non-space character is a token of its own.
func Tokens(text string, lo, hi int) []Token {
	return AppendTokens(make([]Token, 0, (hi-lo)/5+1), text, lo, hi)
}

// AppendTokens appends the tokens of text[lo:hi] to out, as Tokens returns
// them, so that a caller can reuse one buffer from text to text.
func AppendTokens(out []Token, text string, lo, hi int) []Token {
	i := lo
	for i < hi {
		if c := text[i]; c == ' ' || c == '\n' {
			i++
			continue
		}
		r, s := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += s
			continue
		}
		if !isWordRune(r) {
			out = append(out, Token{i, i + s, text[i : i+s]})
			i += s
			continue
		}
		j := i + s
		for j < hi {
			if c := text[j]; c < utf8.RuneSelf && isASCIIAlnum(c) {
				j++ // the common case of isWordRune, without decoding
				continue
			}
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r2) {
				j += s2
				continue
			}
			if isJoiner(r2) && j+s2 < hi {
				r3, _ := utf8.DecodeRuneInString(text[j+s2:])
				r1, _ := utf8.DecodeLastRuneInString(text[:j])
				if r2 == ',' && !(unicode.IsDigit(r1) && unicode.IsDigit(r3)) {
					break
				}
				if isWordRune(r3) {
					j += s2
					continue
				}
				// A final period of an abbreviation such as "U.S." or "Gen.".
				if r2 == '.' && isAbbrevWord(text[i:j]) {
					j += s2
				}
			}
			break
		}
		out = append(out, Token{i, j, text[i:j]})
		i = j
	}
	return out
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isJoiner(r rune) bool {
	switch r {
	case '\'', '\u2019', '-', '\u2011', '\u2010', '.', ',', '&':
		return true
	}
	return false
}

func isAbbrevWord(w string) bool {
	var buf [16]byte
	if len(w) <= len(buf) {
		ascii := true
		for i := 0; i < len(w) && ascii; i++ {
			c := w[i]
			ascii = c < utf8.RuneSelf
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		if ascii {
			return abbreviations[string(buf[:len(w)])]
		}
	}
	lw := []rune(w)
	for i := range lw {
		lw[i] = unicode.ToLower(lw[i])
	}
	return abbreviations[string(lw)]
}
