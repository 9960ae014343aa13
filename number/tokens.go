package number

import (
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/internal/wordscan"
)

// FindTokens returns what Find(text) returns. words must be the tokens of
// text as wordscan.Tokens(nil, text) gives them (segment.AppendTokensWords
// gives the same): with them FindTokens goes from one token that may start
// a number to the next, and passes over a plain word by its hash and the
// byte after it instead of reading its letters again.
func (f *Finder) FindTokens(text string, words []wordscan.Token) []article.Number {
	sc := f.scratch()
	defer f.scratches.Put(sc)
	ti := 0
	for i := 0; i < len(text); {
		if i, ti = f.lx.skipTokens(text, words, i, ti); i < len(text) {
			i = f.step(text, i, sc)
		}
	}
	resolveCounts(text, sc.out)
	return sc.takeOut()
}

// startSet is a bit set of wordscan hashes: those of the lower case of the
// words that may start a number (the number words that are no suffix, "a"
// and "an"). With some forty words in its 8,192 bits, it rules out all but
// about one plain word in two hundred. It is small (1 KiB) because other
// stages push it out of the cache between texts.
type startSet [1 << 7]uint64

// startSetShift brings the top bits of a hash to the index of its word in
// a startSet.
const startSetShift = 32 - 7

// add puts h in the set.
func (s *startSet) add(h uint32) {
	s[h>>startSetShift] |= 1 << (h & 63)
}

// has reports whether h may be in the set: false means it certainly is not.
func (s *startSet) has(h uint32) bool {
	return s[h>>startSetShift]&(1<<(h&63)) != 0
}

// Classes of the byte after a word, for passTokens.
const (
	afterOther  = iota // a letter, a digit, an apostrophe, a non-ASCII byte
	afterPlain         // an ASCII space or punctuation but for . , and '
	afterNumSep        // . and , which continue digits before a digit
)

// afterClass is the class of every byte after a word.
var afterClass = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		switch cl := byteClass[c]; {
		case c == '.' || c == ',':
			t[c] = afterNumSep
		case cl == clSpace || cl == clPunct:
			t[c] = afterPlain
		}
	}
	return t
}()

// skipTokens is skip(text, i, len(text)) that goes by the tokens of text,
// words: it returns a position at or after i, before which Find finds no
// number from i on, and from which it would go on just as from i: the
// start of the first token at or after i that may start a number, or
// len(text). ti is the index of a token at or before the first one that
// ends after i (0 for the first call); skipTokens returns such an index
// for the position it returns, for the next call.
//
// Between the tokens passTokens passes over by themselves, skip reads what
// skipTokens does not know: where step left off inside a token, the gaps
// of more than one byte (which may hold a space skip stops at), the words
// that may start a number or run into an apostrophe, a digit or a
// non-ASCII letter, and the other tokens that are not ASCII.
func (lx *lexicon) skipTokens(text string, words []wordscan.Token, i, ti int) (int, int) {
	for {
		ti = tokenAt(words, ti, i)
		if ti < len(words) && words[ti].St >= i {
			ti, i = lx.passTokens(text, words, ti, i)
		}
		if ti == len(words) {
			return lx.skip(text, i, len(text)), ti
		}
		// skip reads on to the end of the token that i is inside or
		// that passTokens did not pass, or over the gap before it; in
		// a gap that it passes, passTokens tries the token again.
		lim := words[ti].En
		if st := words[ti].St; st-i > 1 {
			lim = st
		}
		if i = lx.skip(text, i, lim); i < lim {
			return i, ti
		}
	}
}

// passTokens passes over the tokens from words[ti] on that follow a gap of
// at most one byte (an ASCII space) and that skip passes over or that step
// would pass over as a token of its own: ASCII punctuation, General
// Punctuation runes, and words of ASCII letters and digits that start with
// a letter, are no word that may start a number by their hashes and are
// followed by a byte that ends them for next as well as for skip. i is
// where Find has got to, at or before words[ti]. passTokens returns the
// index of the first token it does not pass and the end of the last one
// it does (i when none).
func (lx *lexicon) passTokens(text string, words []wordscan.Token, ti, i int) (int, int) {
	for ; ti < len(words); ti++ {
		tk := &words[ti]
		if tk.St-i > 1 {
			break
		}
		c := text[tk.St]
		switch {
		case tk.ASCII:
			if byteClass[c] != clLetter || lx.starts.has(tk.Hash) || !plainAfter(text, tk.En) {
				return ti, i
			}
		case tk.Word:
			return ti, i
		case c >= utf8.RuneSelf && generalPunct(text, tk.St) == 0:
			return ti, i
		}
		i = tk.En
	}
	return ti, i
}

// plainAfter reports whether the byte at e, after a word of ASCII letters
// and digits that starts with a letter, ends the word for next as well as
// for skip: the end of the text, an ASCII space or punctuation other than
// an apostrophe, or a point or comma after a letter (after a digit they
// may continue a number, as in "M2.5").
func plainAfter(text string, e int) bool {
	if e == len(text) {
		return true
	}
	switch afterClass[text[e]] {
	case afterPlain:
		return true
	case afterNumSep:
		return byteClass[text[e-1]] == clLetter
	}
	return false
}

// tokenAt returns the index of the first token from words[ti] on that ends
// after i, or len(words).
func tokenAt(words []wordscan.Token, ti, i int) int {
	for ti < len(words) && words[ti].En <= i {
		ti++
	}
	return ti
}
