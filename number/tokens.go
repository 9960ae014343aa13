package number

import (
	"strings"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/internal/wordscan"
)

// FindTokens returns what Find(text) returns. words must be the tokens of
// text as wordscan.Tokens(nil, text) gives them (segment.AppendTokensWords
// gives the same): with them FindTokens goes from one token that may start
// a number to the next, and passes over a plain word by its first byte and
// its hash instead of reading its letters again.
func (f *Finder) FindTokens(text string, words []wordscan.Token) []article.Number {
	return f.findTokens(text, words, nil)
}

// FindMarked returns what FindTokens(text, words) returns. leads holds, in
// order, the indexes of the tokens of words that
// segment.MayStartNumber tells, as segment.Marks.Numbers notes them, or
// more: with them FindMarked looks at every other token by its hash alone,
// for a number word, instead of by its first byte too.
func (f *Finder) FindMarked(text string, words []wordscan.Token, leads []int) []article.Number {
	return f.findTokens(text, words, leads)
}

// StartWords returns the number words that start a number ("two",
// "dozen", "million"), for a walk over the word scanner's tokens that a
// caller makes anyway to note them (see wordscan.NewPairSets), and hand
// them to FindMarkedHits.
func (f *Finder) StartWords() *wordscan.WordSet {
	return &f.lx.startWords
}

// FindMarkedHits is FindMarked, with hits: the indexes, in order, of the
// ASCII words of words whose hash is in the set of StartWords, as
// wordscan.Pair.WalkSets notes them, or more. With them it need not test
// the hash of every token itself. A word that wordStarts and
// wordStartsMixed hold but hits leave out is no number word (the hashes
// of those are all in the set): where FindMarked stops at it, step finds
// no number and goes on after it, as passing it does.
func (f *Finder) FindMarkedHits(text string, words []wordscan.Token, leads, hits []int) []article.Number {
	sc := f.scratch()
	defer f.scratches.Put(sc)
	return f.find(text, words, sc, &leadCursor{leads: leads, hits: hits})
}

// findTokens is FindTokens, or FindMarked when leads is not nil.
func (f *Finder) findTokens(text string, words []wordscan.Token, leads []int) []article.Number {
	sc := f.scratch()
	defer f.scratches.Put(sc)
	var lc *leadCursor
	if leads != nil {
		sc.hits = f.lx.wordStarts.appendHits(sc.hits[:0], words)
		lc = &leadCursor{leads: leads, hits: sc.hits}
	}
	return f.find(text, words, sc, lc)
}

// find is findTokens with its scratch and its cursor (nil for FindTokens).
func (f *Finder) find(text string, words []wordscan.Token, sc *scratch, lc *leadCursor) []article.Number {
	ti := 0
	for i := 0; i < len(text); {
		var digits bool
		if i, ti, digits = f.lx.skipTokens(text, words, i, ti, lc); i < len(text) {
			var t tok
			if digits {
				t = tok{i, words[ti].En, tNum}
			} else {
				t = next(text, i)
			}
			i = f.step(text, t, sc)
		}
	}
	resolveCounts(text, sc.out)
	return sc.takeOut(text)
}

// leadCursor goes through the leads of FindMarked and the tokens whose
// hash wordStarts holds, its hits: the tokens passMarked stops at.
type leadCursor struct {
	leads []int // the indexes of the tokens that may start a number by their first byte
	n     int   // the index in leads of the first lead not before the tokens passTokens is at
	hits  []int // the indexes of the tokens whose hash wordStarts holds, in order
	h     int   // the index in hits of the first hit not before the tokens passTokens is at
}

// next returns the first lead or hit at or after k, or end when there is
// none. k must not be less than at the last call.
func (lc *leadCursor) next(k, end int) int {
	l := end
	for lc.n < len(lc.leads) {
		if x := lc.leads[lc.n]; x >= k {
			l = x
			break
		}
		lc.n++
	}
	for lc.h < len(lc.hits) {
		if x := lc.hits[lc.h]; x >= k {
			return min(l, x)
		}
		lc.h++
	}
	return l
}

// startSet is a bit set of wordscan hashes, such as those of the lower
// case of the number words that are no suffix, and 0, the hash of a token
// that is no ASCII word. With some forty words in its 8,192 bits, it rules
// out all but about one plain word in two hundred. It is small (1 KiB)
// because other stages push it out of the cache between texts.
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

// Classes of the first byte of a token that is no ASCII letter, for
// passTokens.
const (
	leadPunct = iota // ASCII punctuation but for . , and ': a mark of its own
	leadSep          // . and , which continue digits before a digit
	leadApos         // the apostrophe
	leadOther        // a digit, a byte outside ASCII (letters and spaces start no mark)
)

// leadClass is the class of every byte that may start a token.
var leadClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c == '.' || c == ',':
			t[c] = leadSep
		case c == '\'':
			t[c] = leadApos
		case c >= utf8.RuneSelf || byteClass[c] != clPunct:
			t[c] = leadOther
		}
	}
	return t
}()

// skipTokens does what skip(text, i, len(text)) does, going by the tokens
// of text, words: it returns a position at or after i, before which Find
// finds no number from i on, and from which it would go on just as from i:
// the start of the first token at or after i that may start a number (a
// few words that skip passes among them, see below), or len(text). ti is
// the index of a token at or before the first one that ends after i (0
// for the first call); skipTokens returns such an index for the position
// it returns, for the next call, and whether next reads the token there as
// words[ti] is, a word of ASCII digits only (tNum): then find need not
// lex it again.
//
// Between the runs of tokens that passTokens passes over, skipTokens stops
// at a word in digits, unless what stands around it rules it out
// (ruledOutBefore, labelBefore, bareYear, measureAfter), and at a word of
// ASCII letters and digits that passTokens stops at, after at most one
// byte of gap (a space): a number word, the article before one, or a word
// that next may read on into the mark after it, at which step finds no
// number and goes on after the word, as it would after skip;
// skip reads what they do not know: where step left off inside a token,
// the gap before a token passTokens stops at (which may hold a space skip
// stops at), the words outside ASCII and the other tokens outside ASCII.
//
// With lc not nil, the leads of FindMarked, it passes tokens with
// passMarked, else with passTokens.
func (lx *lexicon) skipTokens(text string, words []wordscan.Token, i, ti int, lc *leadCursor) (int, int, bool) {
	for {
		ti = tokenAt(words, ti, i)
		if ti < len(words) && words[ti].St >= i {
			var k int
			if lc != nil {
				k = lx.passMarked(text, words, ti, lc)
			} else {
				k = lx.passTokens(text, words, ti)
			}
			if k > ti {
				ti, i = k, words[k-1].En
			}
		}
		if ti == len(words) {
			return lx.skip(text, i, len(text)), ti, false
		}
		tk := &words[ti]
		lim := tk.En
		if st := tk.St; st-i > 1 {
			// A gap that skip reads; in a gap that it passes,
			// passTokens tries the token again.
			lim = st
		} else if st >= i && tk.ASCII {
			if isASCIIDigit(text[st]) {
				// Not a quantity, which step would find out only to
				// go on after it, or after a word in which Find finds
				// no number either: next reads no further than the
				// word, and what stands right before or after it rules
				// it out.
				// Each test is asked only when the byte or hash it
				// starts from lets it find something: the usual
				// space before and after, and the usual hashes of the
				// words next to it, rule all four out at a glance.
				en := tk.En
				if en+1 < len(text) && text[en] == '-' && byteClass[text[en+1]] == clLetter {
					// A compound ("28-year-old"), which step would
					// pass (see compoundEnd).
					if e := compoundEnd(text, en); e > en {
						i = e
						continue
					}
					return st, ti, false
				}
				if en < len(text) && text[en] != ' ' && !digitsEnd(text, en) {
					return st, ti, false
				}
				if !(st > 0 && text[st-1] != ' ' && lx.ruledOutBefore(text, st)) &&
					!(ti > 0 && lx.labels.has(words[ti-1].Hash) && lx.labelBefore(text, words, ti)) &&
					!(en-st == 4 && lx.bareYear(text, words, ti)) &&
					!(en < len(text) && (text[en] == '%' || text[en] == ' ' && ti+1 < len(words) && lx.measures.has(words[ti+1].Hash)) &&
						lx.measureAfter(text, words, ti)) {
					// Where next stops at en (digitsEnd), it reads a
					// word of digits only as it is.
					return st, ti, allDigits(text[st:en])
				}
				i, ti = tk.En, ti+1 // "10:30", "March 14", "in 2022.", "12%"
				continue
			}
			// A word that pass stopped at: nearly always a number
			// word or the article before one, which step reads at
			// once. At any other word step finds no number either
			// and goes on after it, as after skip. After a label
			// ("No one", "Channel One") or before one space and a
			// unit that makes no count or of time ("eight years",
			// "two times"), which the usual hashes of the words next
			// to it rule out at a glance, step finds no number either
			// (see labelBeforeWord and unitAfterWord), and it is
			// passed.
			if byteClass[text[st]] == clLetter &&
				(ti > 0 && lx.labels.has(words[ti-1].Hash) && lx.labelBeforeWord(text, words, ti) ||
					tk.En < len(text) && text[tk.En] == ' ' && ti+1 < len(words) && lx.measures.has(words[ti+1].Hash) &&
						lx.unitAfterWord(text, words, ti)) {
				i, ti = tk.En, ti+1
				continue
			}
			return st, ti, false
		}
		if i = lx.skip(text, i, lim); i < lim {
			return i, ti, false
		}
	}
}

// ruledOutBefore reports whether the bytes right before a word in digits
// that starts at st rule out any number that starts with it, as
// contextBefore does: a mark that makes a label, a time, a date or a
// footnote of it ("[5]", "10:30", "9/11", "#3", "+44"), a hyphen, point or
// comma after a letter or digit ("F-16", "No.5", "1.2.3"), an apostrophe
// after no letter ("'22"), unless the mark is a currency sign of the
// lists. When next reads no further than the word (see digitsEnd), the
// word needs no step: step would drop the number and go on after it and
// the scale word that may follow, in which Find finds no number either (a
// scale word alone is none). ruledOutBefore looks at ASCII bytes only; for
// others it reports false.
func (lx *lexicon) ruledOutBefore(text string, st int) bool {
	if st == 0 || lx.isSign(rune(text[st-1])) {
		return false
	}
	switch text[st-1] {
	case '[', '+', '#', '/', ':', '\\', '@', '_', '=':
		return true
	case '-', '.', ',':
		return st >= 2 && asciiAlnum(text[st-2])
	case '\'':
		return st < 2 || text[st-2] < utf8.RuneSelf && byteClass[text[st-2]] != clLetter
	}
	return false
}

// labelBefore reports whether the word before words[ti], a word in digits
// after one space, rules out any number that starts with it, as
// contextBefore does: a label, an age or a telephone word ("article 5",
// "aged 34", "called 911") or a month with a capital ("February 28"),
// which no currency code is. It looks the word up only when its hash is
// one of lx.labels, and when prev would read it whole: after the start of
// the text or an ASCII byte other than an apostrophe.
func (lx *lexicon) labelBefore(text string, words []wordscan.Token, ti int) bool {
	if ti == 0 {
		return false
	}
	w := &words[ti-1]
	if !w.ASCII || !lx.labels.has(w.Hash) || w.En+1 != words[ti].St || text[w.En] != ' ' {
		return false
	}
	if st := w.St; st > 0 && (text[st-1] >= utf8.RuneSelf || text[st-1] == '\'') {
		return false
	}
	word := text[w.St:w.En]
	fl := lx.flagsOf(word)
	return fl&flagCode == 0 && (fl&(flagLabel|flagAge|flagPhone) != 0 || fl&flagMonth != 0 && capitalized(word))
}

// bareYear reports whether words[ti], a word in digits, is a year that
// step would rule out whatever stands before it: four digits from 1000 to
// 2100 that nothing after makes a count, a range or an amount (see
// nothingAfterYear), after no currency sign, and after no currency code
// or qualifier, which would make it an amount or a count ("USD 2022",
// "about 2000.") for all that build knows. It looks at ASCII bytes only;
// for others it reports false.
func (lx *lexicon) bareYear(text string, words []wordscan.Token, ti int) bool {
	st, en := words[ti].St, words[ti].En
	if en-st != 4 {
		return false
	}
	if v := fourDigits(text[st:en]); v < 1000 || v > 2100 || !lx.nothingAfterYear(text, words, ti) {
		return false
	}
	if st > 0 && (text[st-1] >= utf8.RuneSelf || lx.asciiSigns[text[st-1]]) {
		return false
	}
	if ti == 0 {
		return true
	}
	w := &words[ti-1]
	c := text[w.St]
	switch {
	case !w.Word:
		// A mark, which prev reads as one unless it is a space.
		if c < utf8.RuneSelf {
			return true
		}
		r, _ := utf8.DecodeRuneInString(text[w.St:])
		return !isSpaceRune(r)
	case !w.ASCII:
		return false
	}
	// A word that may be a code or end a qualifier by its first letter
	// and length is looked up.
	n := w.En - w.St
	if !lx.codeStarts[c] && (n > maxQualWord || lx.qualLens[c]&(1<<n) == 0) {
		return true
	}
	fl := lx.flagsOf(text[w.St:w.En])
	if fl&flagCode != 0 {
		return false
	}
	if q := fl.quals(); q != 0 {
		// The qualifier build would read: prev reads the word whole
		// unless it is part of a longer token, which ends no phrase.
		pt := prev(text, st)
		if pt.k != tWord || pt.s != w.St || pt.e != w.En {
			return false
		}
		qual, _ := qualifierOf(text, st, pt, &lx.quals[q-1])
		return qual == ""
	}
	return true
}

// nothingAfterYear reports whether what follows the year words[ti] makes
// build rule it out, going on right after it: the end of the text, ASCII
// punctuation other than a hyphen ("in 2022.", "14, 2022,"), or ASCII
// spaces ("2022 ", "2022\n\n") and then the end of the text, ASCII
// punctuation other than a percent sign, or a word of ASCII letters and
// digits that next reads whole (or as letters and digits) and that is no
// scale, currency, month or unit word, no word of a range ("to", "or",
// "and" after "between") or of a time ("a.m.", "p.m."), and no plural that
// countedYear would count ("2022 elections", but "1500 troops").
func (lx *lexicon) nothingAfterYear(text string, words []wordscan.Token, ti int) bool {
	en := words[ti].En
	if en == len(text) {
		return true
	}
	if c := text[en]; byteClass[c] != clSpace {
		return byteClass[c] == clPunct && c != '-'
	}
	j := en + 1
	for j < len(text) && byteClass[text[j]] == clSpace {
		j++
	}
	if j == len(text) {
		return true
	}
	if ti+1 == len(words) || words[ti+1].St != j {
		return false // a space outside ASCII, which next passes
	}
	switch c := text[j]; byteClass[c] {
	case clPunct:
		return c != '%'
	case clLetter:
	default:
		return false
	}
	w := &words[ti+1]
	if !w.ASCII || !plainAfter(text, w.En) && !isASCIIDigit(text[w.En-1]) {
		return false
	}
	word := text[w.St:w.En]
	fl := lx.flagsOf(word)
	if fl&(flagCode|flagCurrency|flagMonth) != 0 || fl&flagNumber != 0 && lx.mayBeScale(word) || fl.unit() != unitNone {
		return false
	}
	switch {
	case lowerIn(word, "to", "or"):
		return false
	case lowerIn(word, "a", "p") && strings.HasPrefix(text[w.En:], ".m"):
		return false
	case equalLower("and", word):
		// A range after "between" only, the token before the year
		// for prev: a mark of ASCII, or a word that is part of it.
		if ti > 0 {
			b := &words[ti-1]
			if b.ASCII && equalLower("between", text[b.St:b.En]) || !b.ASCII && (b.Word || text[b.St] >= utf8.RuneSelf) {
				return false
			}
		}
	}
	return len(word) < 3 || word[len(word)-1] != 's' || isUpperStart(word) || fl&flagStop != 0
}

// measureAfter reports whether a percent sign right after words[ti], a
// word of ASCII digits, or one space and a word of units.txt that makes
// no count or a month with a capital ("12%", "5 percent", "3 years", "40
// kg", "28 February"), rules out the number that starts with it, as
// contextAfter does. Find finds no number in that word, which step would
// pass as well.
func (lx *lexicon) measureAfter(text string, words []wordscan.Token, ti int) bool {
	tk := &words[ti]
	en := tk.En
	if en == len(text) || !allDigits(text[tk.St:en]) {
		return false
	}
	if c := text[en]; c != ' ' {
		return c == '%'
	}
	if ti+1 == len(words) {
		return false
	}
	w := &words[ti+1]
	if w.St != en+1 || !w.ASCII || !lx.measures.has(w.Hash) || w.En-w.St > maxWordAfter || byteClass[text[w.St]] != clLetter || !plainAfter(text, w.En) {
		return false
	}
	word := text[w.St:w.En]
	fl := lx.flagsOf(word)
	if fl&(flagCode|flagCurrency|flagNumber) != 0 {
		return false
	}
	u := fl.unit()
	return u == unitSkip || u == unitTime || u == unitNone && fl&flagMonth != 0 && capitalized(word)
}

// labelBeforeWord reports whether words[ti], a word of ASCII letters and
// digits that starts with a letter, follows one space and a label, an age
// or a telephone word ("No one", "Channel One", "aged forty"), which makes
// contextBefore rule out a number in words that starts with it, and is no
// article and the whole of such a number: the byte after it ends it for
// next and is no hyphen, and the word after the usual space, if any, is
// no number word (see starts). Then Find finds no number that starts
// with words[ti], and goes on right after it.
func (lx *lexicon) labelBeforeWord(text string, words []wordscan.Token, ti int) bool {
	tk := &words[ti]
	en := tk.En
	if ti == 0 || isArticleToken(text, tk) || !plainAfter(text, en) {
		return false
	}
	if en < len(text) {
		switch text[en] {
		case '-':
			return false
		case ' ':
			if ti+1 < len(words) {
				if w := &words[ti+1]; w.St != en+1 || !w.ASCII || lx.starts.has(w.Hash) {
					return false
				}
			}
		}
	}
	w := &words[ti-1]
	if !w.ASCII || w.En+1 != tk.St || text[w.En] != ' ' {
		return false
	}
	if st := w.St; st > 0 && (text[st-1] >= utf8.RuneSelf || text[st-1] == '\'') {
		return false
	}
	return lx.flagsOf(text[w.St:w.En])&(flagLabel|flagAge|flagPhone) != 0
}

// unitAfterWord reports whether words[ti], a word of ASCII letters and
// digits that starts with a letter and ends at a space, is followed by
// that one space and a word of units.txt that makes no count or is of
// time, and no number, currency or currency code ("eight years", "two
// times"). Then Find finds no number that starts with words[ti]: next
// reads no further than either word, so a number in words that starts
// there is the one word (the unit word is none), and contextAfter rules
// it out; an article, or any other word, starts none. step would go on
// after the unit word, in which Find finds no number either.
func (lx *lexicon) unitAfterWord(text string, words []wordscan.Token, ti int) bool {
	en := words[ti].En
	w := &words[ti+1]
	if w.St != en+1 || !w.ASCII || w.En-w.St > maxWordAfter || byteClass[text[w.St]] != clLetter || !plainAfter(text, w.En) {
		return false
	}
	fl := lx.flagsOf(text[w.St:w.En])
	if fl&(flagCode|flagCurrency|flagNumber) != 0 {
		return false
	}
	u := fl.unit()
	return u == unitSkip || u == unitTime
}

// compoundEnd returns where the compound after a word of ASCII digits
// ends, when a hyphen at e and a letter after it start one
// ("28-year-old"), as markAfter reads it: Find finds no number that
// starts with the word, and goes on there. (Where contextBefore rules the
// number out first, step goes on right after the word instead, and finds
// no number in the compound either: a hyphen after a letter or digit
// rules out any number that starts with one of its parts, and only one
// that starts with an article may read on past the compound, "28-a dozen
// two".) compoundEnd returns e when the last part is an article, which
// step is left to read.
func compoundEnd(text string, e int) int {
	if end, last := compoundParts(text, e); !isArticleA(text[last.s:last.e]) {
		return end
	}
	return e
}

// compoundParts returns where the parts of a compound from e on end, each
// a hyphen and the token next reads after it, which starts with a letter
// or digit ("-year-old"), and the last part's token; e and the zero tok
// when no part starts at e.
func compoundParts(text string, e int) (int, tok) {
	var last tok
	for {
		r, n := runeAt(text, e)
		if !isHyphen(r) {
			break
		}
		r1, _ := runeAt(text, e+n)
		if !isLetterRune(r1) && !(r1 < 0x80 && isASCIIDigit(byte(r1))) {
			break
		}
		last = next(text, e+n)
		e = last.e
	}
	return e, last
}

// allDigits reports whether s is made of ASCII digits only.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(s[i]) {
			return false
		}
	}
	return true
}

// fourDigits returns the value of the four ASCII digits of s, or -1 when
// s holds another byte.
func fourDigits(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(s[i]) {
			return -1
		}
		v = v*10 + int(s[i]-'0')
	}
	return v
}

// digitsEnd reports whether next, reading a token of ASCII letters and
// digits that ends at e, stops at e: at the end of the text, an ASCII
// space, or ASCII punctuation other than an apostrophe, a point before a
// digit and a comma before a group of three digits. (After a letter, next
// stops at a point or comma too, which digitsEnd leaves to step.)
func digitsEnd(text string, e int) bool {
	if e == len(text) {
		return true
	}
	switch c := text[e]; byteClass[c] {
	case clSpace:
		return true
	case clPunct:
		switch c {
		case '.':
			return e+1 == len(text) || !isASCIIDigit(text[e+1])
		case ',':
			return !groupAt(text, e+1)
		}
		return true
	}
	return false
}

// asciiAlnum reports whether c is an ASCII letter or digit.
func asciiAlnum(c byte) bool {
	return byteClass[c] == clLetter || isASCIIDigit(c)
}

// passTokens passes over the tokens from words[ti] on that skip passes
// over, or that step would pass over as a token of its own: ASCII
// punctuation, General Punctuation runes, and words of ASCII letters and
// digits that start with a letter and are no number word by their hashes
// (see startSet). It does not look at the gaps between them: where a gap
// holds a space that skip stops at, step reads the token after it, just as
// from its start. Find must have got to words[ti] or the gap before it.
// passTokens returns the index of the first token it does not pass. It
// does not pass a word that next or skip would read on into the mark after
// it.
//
// An article ("a", "an") starts a number only when next reads a scale
// word after it ("a dozen"), which is then the word token right after it,
// a number word: passTokens passes the articles with the other words, and
// at a number word that follows one, it stops at the article instead
// when nullArticle does not rule it out.
func (lx *lexicon) passTokens(text string, words []wordscan.Token, ti int) int {
	starts := &lx.starts
	k := ti
	for ; k < len(words); k++ {
		tk := &words[k]
		c := text[tk.St]
		if (c|0x20)-'a' < 26 { // an ASCII letter
			// A word that is not ASCII has the hash 0, which starts
			// holds: one test rules it out with the number words.
			if starts.has(tk.Hash) {
				return lx.wordStop(text, words, ti, k)
			}
			continue
		}
		if leadClass[c] != leadPunct {
			var ok bool
			if k, ok = lx.passLead(text, words, ti, k); !ok {
				break
			}
		}
	}
	return k
}

// passMarked is passTokens with the leads of FindMarked: it goes from one
// token to the next that is a lead or whose hash wordStarts holds, and
// passes over the tokens between, which passTokens passes over too, and
// looks at those as passTokens does.
func (lx *lexicon) passMarked(text string, words []wordscan.Token, ti int, lc *leadCursor) int {
	k := ti
	for {
		if k = lc.next(k, len(words)); k == len(words) {
			return k
		}
		tk := &words[k]
		var ok bool
		switch c := text[tk.St]; {
		case (c|0x20)-'a' < 26:
			// A hit of the cursor (its hash is in wordStarts),
			// unless it is a lead.
			if !tk.ASCII || lx.wordStarts.has(tk.Hash) && lx.wordStartsMixed.has(mixHash(tk.Hash)) {
				// A number word, or a word outside ASCII, which
				// passTokens stops at by the hash 0.
				return lx.wordStop(text, words, ti, k)
			}
		case tk.Word:
			return k // a word in digits, as passLead would tell
		case leadClass[c] != leadPunct:
			if k, ok = lx.passLead(text, words, ti, k); !ok {
				return k
			}
		}
		k++
	}
}

// mixHash returns h multiplied by an odd constant: a one-to-one map of the
// hashes whose top bits, by which a startSet indexes its words, depend on
// all the bits of h, so that a startSet of mixed hashes tests other bits
// than one of the hashes themselves.
func mixHash(h uint32) uint32 {
	return h * 0x9e3779b1
}

// appendHits appends to dst the index of every token of words whose hash
// s may hold, in order, and returns it. The tokens are tested four at a
// time, and one at a time only in the fours that hold one: in one pass
// over all the tokens, with nothing else live in the loop, this costs
// less than a scan from each token that passMarked passes to the next.
func (s *startSet) appendHits(dst []int, words []wordscan.Token) []int {
	k := 0
	for n := len(words) - 3; k < n; k += 4 {
		if s.has(words[k].Hash) || s.has(words[k+1].Hash) || s.has(words[k+2].Hash) || s.has(words[k+3].Hash) {
			for j := k; j < k+4; j++ {
				if s.has(words[j].Hash) {
					dst = append(dst, j)
				}
			}
		}
	}
	for ; k < len(words); k++ {
		if s.has(words[k].Hash) {
			dst = append(dst, k)
		}
	}
	return dst
}

// wordStop returns the index of the token where passTokens, which started
// at words[ti], stops at words[k], a word that starts with an ASCII letter
// and may start a number: k, or the article before it, unless that is the
// end of a word with an apostrophe (see afterApostrophe).
func (lx *lexicon) wordStop(text string, words []wordscan.Token, ti, k int) int {
	if k > ti && isArticleToken(text, &words[k-1]) && !lx.nullArticle(text, words, k-1) && !afterApostrophe(text, words, ti, k-1) {
		return k - 1
	}
	return k
}

// passLead is passTokens, which started at words[ti], at the token
// words[k], whose first byte is of a class other than leadPunct. It
// returns the index of the last token it passes and true, or the index of
// the token where passTokens stops and false.
func (lx *lexicon) passLead(text string, words []wordscan.Token, ti, k int) (int, bool) {
	tk := &words[k]
	if tk.Word {
		return k, false // a digit or a letter outside ASCII
	}
	st := tk.St
	lc := leadClass[text[st]]
	if lc == leadSep && st > 0 && !isASCIIDigit(text[st-1]) {
		return k, true // the usual comma or point, after no digit
	}
	return lx.passMark(text, words, ti, k, lc)
}

// passMark is passTokens, which started at words[ti], at the mark
// words[k], whose first byte is of class lc other than leadPunct. It
// returns the index of the last token it passes and true, or the index of
// the token where passTokens stops and false: the mark, or the word before
// it that next or skip would read on into the mark.
func (lx *lexicon) passMark(text string, words []wordscan.Token, ti, k int, lc uint8) (int, bool) {
	st := words[k].St
	// Whether the mark follows a word that passTokens passed, without a
	// gap.
	afterWord := k > ti && words[k-1].Word && words[k-1].En == st
	switch {
	case lc == leadApos, lc == leadOther && curlyApostropheAt(text, st):
		if afterWord {
			return passApostrophe(text, words, k)
		}
	case lc == leadSep:
		if afterWord && isASCIIDigit(text[st-1]) {
			return k - 1, false // "M2.5", "M2,500"
		}
	case generalPunct(text, st) == 0:
		if afterWord {
			return k - 1, false // next may read the word on
		}
		return k, false
	}
	return k, true
}

// passApostrophe is passMark at an apostrophe, words[k], right after a
// word that passTokens passed. When no letter follows the apostrophe, it
// ends the word and is passed. A word that ends in a letter and the word
// after the apostrophe are one word for skip and next, which starts no
// number (it has an apostrophe), as in "Russia’s": passApostrophe passes
// them both when the second is of ASCII letters and digits that end for
// next as well as for skip. Otherwise passTokens stops at the word before
// the apostrophe.
func passApostrophe(text string, words []wordscan.Token, k int) (int, bool) {
	st, e := words[k].St, words[k].En
	switch {
	case e == len(text) || text[e] < utf8.RuneSelf && byteClass[text[e]] != clLetter:
		return k, true
	case text[e] >= utf8.RuneSelf:
		return k - 1, false
	case byteClass[text[st-1]] != clLetter:
		return k, true // after a digit, the apostrophe ends the word
	}
	if y := &words[k+1]; y.ASCII && plainAfter(text, y.En) {
		return k + 1, true
	}
	return k - 1, false
}

// afterApostrophe reports whether passTokens, which started at words[ti],
// passed words[k] with passApostrophe, as the end of a word with an
// apostrophe ("A'A billion"), which is no article for next: the token
// before it is an apostrophe right after a word of passTokens that ends in
// an ASCII letter, and right before it.
func afterApostrophe(text string, words []wordscan.Token, ti, k int) bool {
	if k-2 < ti {
		return false
	}
	a, w := &words[k-1], &words[k-2]
	return a.En == words[k].St && w.Word && w.En == a.St && byteClass[text[a.St-1]] == clLetter &&
		(text[a.St] == '\'' || curlyApostropheAt(text, a.St))
}

// nullArticle reports whether the token words[ti], of ASCII letters and
// digits, is "a" or "an" in any case before a token that is no number
// word: step would find no number there (wordCore reads no scale word
// after it) and go on after it.
func (lx *lexicon) nullArticle(text string, words []wordscan.Token, ti int) bool {
	tk := &words[ti]
	if tk.En-tk.St > 2 || !isArticleA(text[tk.St:tk.En]) || !plainAfter(text, tk.En) {
		return false
	}
	if ti+1 == len(words) {
		return true
	}
	nt := &words[ti+1]
	return !nt.ASCII || !lx.starts.has(nt.Hash)
}

// isArticleToken reports whether tk is "a" or "an" in any case, of ASCII
// letters.
func isArticleToken(text string, tk *wordscan.Token) bool {
	return tk.ASCII && tk.En-tk.St <= 2 && isArticleA(text[tk.St:tk.En])
}

// Classes of the byte after a word, for plainAfter.
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
