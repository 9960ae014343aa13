package segment

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/internal/swar"
	"github.com/hearsaylab/hearsay/internal/wordscan"
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

// Classes of bytes for tokenising; see byteClass. The classes that end a
// word at once come first.
const (
	classPunct  = iota // ASCII punctuation or symbol: a token of its own
	classSpace         // ASCII white space: separates tokens
	classWord          // ASCII letter or digit: part of a word
	classJoiner        // ASCII character that may join two words: ' - . , &
	classHigh          // first or later byte of a non-ASCII character
)

// byteClass is the class of each byte. Every ASCII character is decided by
// it alone; non-ASCII ones are decoded and classified by their rune.
var byteClass = func() (t [256]uint8) {
	for c := range 256 {
		b := byte(c)
		switch {
		case b >= utf8.RuneSelf:
			t[c] = classHigh
		case isASCIIAlnum(b):
			t[c] = classWord
		case unicode.IsSpace(rune(b)):
			t[c] = classSpace
		case isJoiner(rune(b)):
			t[c] = classJoiner
		default:
			t[c] = classPunct
		}
	}
	return t
}()

// Tokens splits text[lo:hi] into tokens. A word keeps inner apostrophes,
// hyphens and periods ("don’t", "DC-based", "U.S.", "7,200"); every other
// non-space character is a token of its own.
func Tokens(text string, lo, hi int) []Token {
	return AppendTokens(make([]Token, 0, (hi-lo)/5+1), text, lo, hi)
}

// AppendTokens appends the tokens of text[lo:hi] to out, as Tokens returns
// them, so that a caller can reuse one buffer from text to text.
//
// ASCII characters, most of any English text, are classified by byteClass
// without decoding; a run of ASCII letters and digits is skipped in one
// loop.
func AppendTokens(out []Token, text string, lo, hi int) []Token {
	if lo >= hi {
		return out // nothing to read, and hi may lie beyond text
	}
	// Bytes are read from t, which lets the compiler drop bounds checks;
	// characters are decoded from text, which a word may run past hi in
	// (see wordEnd).
	t := text[:hi]
	i := lo
	for i < len(t) {
		j := i + 1
		switch byteClass[t[i]] {
		case classSpace:
			i++
			continue
		case classPunct, classJoiner:
			out = append(out, Token{i, j, t[i:j]})
			i = j
			continue
		case classWord:
			// The common word: ASCII letters and digits up to a space or
			// a punctuation mark, which wordEnd would return at once.
			for j < len(t) && byteClass[t[j]] == classWord {
				j++
			}
			if j == len(t) || byteClass[t[j]] <= classSpace {
				out = append(out, Token{i, j, t[i:j]})
				i = j
				continue
			}
			// A joiner before a space or mark: the end of a sentence or a
			// clause, which wordEnd would return at once too.
			if e, ok := joinerEnd(t, i, j); ok {
				out = append(out, Token{i, e, t[i:e]})
				i = e
				continue
			}
		case classHigh:
			r, s := utf8.DecodeRuneInString(text[i:])
			if isSpaceRune(r) {
				i += s
				continue
			}
			j = i + s
			if !isWordRune(r) {
				out = append(out, Token{i, j, text[i:j]})
				i = j
				continue
			}
		}
		j = wordEnd(text, i, j, hi)
		out = append(out, Token{i, j, text[i:j]})
		i = j
	}
	return out
}

// Marks holds the offsets, in order, of the characters of a text that the
// sentence splitter and the quotation finder look for, which
// AppendTokensWords notes as it goes: with them, those need not read the
// text again (see AppendSentencesMarked, and quote.ScanMarked).
//
// Names notes, in order, the tokens that start with an upper-case letter
// (unicode.IsUpper), in ASCII or not: the only ones that may start a name,
// so that a name finder can go from one to the next instead of looking at
// every token (see entity.Recognizer.AppendLowerMarked). Marks outside
// ASCII, such as curly quotation marks and dashes, and words that start
// with a lower-case letter outside ASCII ("à") are left out. NameAt tells
// what an entry notes.
//
// Ends notes some of the periods of Terminals that end a sentence unless a
// quotation holds them: those after a word of ASCII letters and digits
// that is neither an abbreviation nor an initial, and before a space and
// an ASCII capital ("said. The") or an opening quotation mark or bracket
// ("said. “The"; see opensSentence), most sentence ends of running text,
// which AppendSentencesEnds then takes without a second look.
//
// Numbers notes, in order, the word scanner's tokens (indexes into the
// words that AppendTokensWords writes) that may start a number by their
// first character, so that a number finder need look at every other token
// by its hash alone, for a number word (see number.Finder.FindMarked). It
// notes every token but a word of ASCII letters and digits that starts
// with a letter, ASCII punctuation other than the apostrophe and a period
// or comma at the start of the text or after a digit that ends a word
// that starts with a letter ("M2,"), and marks of General Punctuation
// (U+2000 to U+203F) other than ’ (U+2019): see MayStartNumber.
type Marks struct {
	Terminals []int // ASCII terminal punctuation: '.', '!' and '?'
	Quotes    []int // the double quotation marks " “ ” „ « »
	Names     []int // the tokens that may start a name; see NameAt
	Ends      []int // periods that end a sentence outside quotations
	Numbers   []int // the word scanner's tokens that may start a number
}

// Reset empties m, keeping its room.
func (m *Marks) Reset() {
	m.Terminals, m.Quotes, m.Names, m.Ends = m.Terminals[:0], m.Quotes[:0], m.Names[:0], m.Ends[:0]
	m.Numbers = m.Numbers[:0]
}

// MayStartNumber reports whether Marks.Numbers notes the token words[k]
// of the word scanner's tokens of text: whether it starts with an ASCII
// digit, an apostrophe, a period or comma at the start of text (".5") or
// after a digit that ends a word that starts with anything but a digit
// ("M2,"), or a character outside ASCII other than a mark of General
// Punctuation but ’, or is a word that starts with an ASCII letter and is
// not all ASCII letters and digits ("café"). A number finder stops at a
// word that starts with a digit anyway, and at the token after it looks
// at a period or comma as at any other.
func MayStartNumber(text string, words []wordscan.Token, k int) bool {
	tk := &words[k]
	st := tk.St
	switch c := text[st]; {
	case c-'0' < 10, c == '\'':
		return true
	case c == '.', c == ',':
		// The digit before the mark ends the word before it.
		return st == 0 || text[st-1]-'0' < 10 && text[words[k-1].St]-'0' >= 10
	case c >= utf8.RuneSelf:
		return tk.Word || !generalPunct(text[st:]) || text[st+2] == 0x99
	case (c|0x20)-'a' < 26:
		return !tk.ASCII
	}
	return false
}

// noteNumbers notes in m.Numbers those of the word scanner's tokens
// words[from:to] of t that MayStartNumber tells.
func (m *Marks) noteNumbers(words []wordscan.Token, from, to int, t string) {
	for k := from; k < to; k++ {
		if MayStartNumber(t, words, k) {
			m.Numbers = append(m.Numbers, k)
		}
	}
}

// NameAt returns the index n of the token that the entry v of Marks.Names
// notes, and whether the token is plain: ASCII letters and digits that
// start with a capital, with a final period at most ("Varga", "Gen."),
// which is capitalised, with no part to test.
func NameAt(v int) (n int, plain bool) {
	return v >> 1, v&1 != 0
}

// noteName notes the token of index n, a word that starts with the ASCII
// letter or digit c, in m.Names when c is a capital, as a token that is
// not known to be plain.
func (m *Marks) noteName(c byte, n int) {
	if c-'A' < 26 {
		m.Names = append(m.Names, n<<1)
	}
}

// notePlain notes the plain token (see NameAt) of index n, which starts
// with the ASCII letter or digit c, in m.Names when c is a capital.
func (m *Marks) notePlain(c byte, n int) {
	if c-'A' < 26 {
		m.Names = append(m.Names, n<<1|1)
	}
}

// noteByte notes the ASCII mark c (see markByte) at i.
func (m *Marks) noteByte(c byte, i int) {
	if c == '"' {
		m.Quotes = append(m.Quotes, i)
	} else {
		m.Terminals = append(m.Terminals, i)
	}
}

// noteToken notes the marks of the token t[i:j] that starts with the rune
// r, a token that AppendTokensWords does not take apart itself: a double
// mark outside ASCII is a token of its own, and a word holds no mark but
// periods ("U.S.", "3.5").
func (m *Marks) noteToken(t string, i, j int, r rune) {
	if isDoubleMark(r) {
		m.Quotes = append(m.Quotes, i)
		return
	}
	for k := i; ; k++ {
		d := strings.IndexByte(t[k:j], '.')
		if d < 0 {
			return
		}
		k += d
		m.Terminals = append(m.Terminals, k)
	}
}

// markByte tells the ASCII bytes that Marks notes.
var markByte = [256]bool{'.': true, '!': true, '?': true, '"': true}

// isPunctMark reports whether r is a dash, a quotation mark, a bullet or
// an ellipsis of General Punctuation (U+2010 to U+2027), the commonest
// characters outside ASCII in English text, which are neither space nor
// part of a word, for this package as for the word scanner: a token of
// their own, and a mark.
func isPunctMark(r rune) bool {
	return r >= '\u2010' && r <= '\u2027'
}

// isDoubleMark reports whether r is a double quotation mark outside ASCII.
func isDoubleMark(r rune) bool {
	switch r {
	case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb':
		return true
	}
	return false
}

// AppendTokensWords appends the tokens of text to toks, as
// AppendTokens(toks, text, 0, len(text)) does, the word scanner's tokens of
// text to words, as wordscan.Tokens(words, text) does, and the offsets of
// the Marks of text to marks, in one pass over text.
//
// The word scanner's tokens never cross the bounds of these: a token here
// is a run of its tokens, most often one (a plain word or mark), else a
// word with joiners, such as "U.S." or "don’t", that wordscan.AppendSpan
// splits.
func AppendTokensWords(toks []Token, words []wordscan.Token, marks *Marks, text string) ([]Token, []wordscan.Token) {
	return appendTokensWords(toks, words, marks, text, tokenChunk)
}

// tokenChunk is how many bytes of text, at the least, appendTokensWords
// reserves room for at a time; see there.
const tokenChunk = 64 << 10

// appendTokensWords is AppendTokensWords going over text in pieces of
// about chunk bytes. Every token of either stream takes at least one byte
// of text, so with room for one token per byte of a piece its tokens are
// written by index, with no test of room nor header to update as they are.
// A piece ends at ASCII white space, where no token goes on, and the
// tokeniser still reads the text after it ("Dr." is one token when a name
// follows); room is reserved piece by piece, so that a long text (a book, a
// 64 MiB file) costs memory by its tokens, not 56 bytes a byte.
func appendTokensWords(toks []Token, words []wordscan.Token, marks *Marks, text string, chunk int) ([]Token, []wordscan.Token) {
	nt0, nw0 := len(toks), len(words)
	gt, gw := toks, words // grown to hold the next piece
	nt, nw := nt0, nw0
	nl := false // a line break before the next token
	for from := 0; from < len(text); {
		stop := pieceEnd(text, from+chunk)
		gt = slices.Grow(gt[:nt], stop-from)[:nt+stop-from]
		gw = slices.Grow(gw[:nw], stop-from)[:nw+stop-from]
		nt, nw, from, nl = writeTokensWords(gt, nt, gw, nw, marks, text, from, stop, nl)
	}
	// A buffer nothing was written to is returned as it came, as append
	// leaves it (nil stays nil).
	if nt > nt0 {
		toks = gt[:nt]
	}
	if nw > nw0 {
		words = gw[:nw]
	}
	return toks, words
}

// pieceEnd returns the offset of the first ASCII space, tab or line break
// of text at or after i, or len(text).
func pieceEnd(text string, i int) int {
	if i >= len(text) {
		return len(text)
	}
	for ; i < len(text); i++ {
		if byteClass[text[i]] == classSpace {
			return i
		}
	}
	return len(text)
}

// writeTokensWords is AppendTokensWords for the tokens of text that start
// in text[from:stop], where nl tells whether a line break comes before the
// first, writing them to toks from index nt on and to words from index nw
// on, which have room for one token per byte of text[from:stop]. stop is
// len(text) or the offset of ASCII white space, which no token crosses. It
// returns the indexes after the last tokens, the offset to go on from (stop
// or after it), and whether a line break comes before the next token.
func writeTokensWords(toks []Token, nt int, words []wordscan.Token, nw int, marks *Marks, text string, from, stop int, nl bool) (int, int, int, bool) {
	t := text
	i := from
	for i < stop {
		j := i + 1
		switch c := t[i]; byteClass[c] {
		case classSpace:
			i++
			if c == '\n' {
				nl = true
				if i < len(t) && t[i] == '\n' {
					i++ // a blank line, as between most paragraphs
				}
			}
			continue
		case classPunct, classJoiner:
			toks[nt] = Token{i, j, t[i:j]}
			words[nw] = wordscan.Token{St: i, En: j, NL: nl}
			if (c == '\'' || c == '.' || c == ',') && MayStartNumber(t, words, nw) {
				marks.Numbers = append(marks.Numbers, nw)
			}
			nt, nw = nt+1, nw+1
			if markByte[c] {
				marks.noteByte(c, i)
			}
			// A single space after the mark, as after most, is passed
			// over here rather than by a turn of the loop.
			if j < len(t) && t[j] == ' ' {
				j++
			}
			i, nl = j, false
			continue
		case classWord:
			if k, e := plainWords(toks[nt:], words[nw:], &leads{marks, nt, nw}, t, i); e > i {
				words[nw].NL = nl
				nt, nw, i, nl = nt+k, nw+k, e, false
				if i >= stop || byteClass[t[i]] != classWord {
					continue
				}
				// plainWords stopped at a word it does not take, and
				// would stop there again.
			}
			if k, e := joinedWord(words[nw:], nw, marks, t, i, nl); e > i {
				toks[nt] = Token{i, e, t[i:e]}
				marks.noteName(t[i], nt)
				if t[e] == ' ' {
					e++ // see classPunct
				}
				nt, nw, i, nl = nt+1, nw+k, e, false
				continue
			}
			// A word that plainWords leaves: near the end of text, long,
			// or followed by a joiner or a character outside ASCII. The
			// run t[i:j] of ASCII letters and digits and the word
			// scanner's hash h of it:
			var h uint32
			j, h = asciiRun(t, i)
			if j == len(t) || byteClass[t[j]] <= classSpace {
				toks[nt] = Token{i, j, t[i:j]}
				words[nw] = wordscan.Token{St: i, En: j, Word: true, NL: nl, ASCII: true, Hash: h}
				marks.notePlain(t[i], nt)
				if t[i]-'0' < 10 {
					marks.Numbers = append(marks.Numbers, nw)
				}
				nt, nw = nt+1, nw+1
				i, nl = j, false
				continue
			}
			if e, ok := joinerEnd(t, i, j); ok {
				toks[nt] = Token{i, e, t[i:e]}
				words[nw] = wordscan.Token{St: i, En: j, Word: true, NL: nl, ASCII: true, Hash: h}
				marks.notePlain(t[i], nt) // "Gen." at most
				nw0 := nw
				nt, nw = nt+1, nw+1
				if e > j {
					words[nw] = wordscan.Token{St: j, En: e}
					nw++
					marks.Terminals = append(marks.Terminals, j) // the period of "Gen."
				}
				marks.noteNumbers(words, nw0, nw, t)
				i, nl = e, false
				continue
			}
			// A word with joiners ("well-known", "U.S."), or with
			// characters outside ASCII ("don’t").
			e := wordEnd(t, i, j, len(t))
			toks[nt] = Token{i, e, t[i:e]}
			if e == j {
				marks.notePlain(t[i], nt) // as plainWords notes it
			} else {
				marks.noteName(t[i], nt)
			}
			nt++
			if isASCII(t[j:e]) {
				nw = splitASCII(words, nw, marks, t, i, j, e, nl, h)
			} else {
				nw0 := nw
				nw, _ = appendSpan(words, nw, t, i, e, nl)
				marks.noteToken(t, i, e, 0)
				marks.noteNumbers(words, nw0, nw, t)
			}
			i, nl = e, false
			continue
		case classHigh:
			if c == 0xE2 && len(t)-i >= 3 && t[i+1] == 0x80 && t[i+2]-0x90 <= 0x27-0x10 {
				// A dash, quotation mark, bullet or ellipsis (see
				// isPunctMark), the commonest characters outside ASCII:
				// as below, without decoding.
				j = i + 3
				toks[nt] = Token{i, j, t[i:j]}
				words[nw] = wordscan.Token{St: i, En: j, NL: nl}
				switch t[i+2] {
				case 0x99: // ’
					marks.Numbers = append(marks.Numbers, nw) // see MayStartNumber
				case 0x9C, 0x9D, 0x9E: // “ ” „
					marks.Quotes = append(marks.Quotes, i)
				}
				if j < len(t) && t[j] == ' ' {
					j++ // see classPunct
				}
				nt, nw, i, nl = nt+1, nw+1, j, false
				continue
			}
			r, s := utf8.DecodeRuneInString(t[i:])
			if isSpaceRune(r) {
				nl = nl || r == '\u0085' || r == '\u2028' || r == '\u2029'
				i += s
				continue
			}
			j = i + s
			if !isWordRune(r) {
				// A mark, or an invisible format character that the
				// word scanner takes for a space.
				toks[nt] = Token{i, j, t[i:j]}
				nt++
				if isPunctMark(r) {
					words[nw] = wordscan.Token{St: i, En: j, NL: nl}
					if r == '\u2019' {
						marks.Numbers = append(marks.Numbers, nw) // see MayStartNumber
					}
					nw, nl = nw+1, false
					if isDoubleMark(r) {
						marks.Quotes = append(marks.Quotes, i)
					}
				} else {
					nw0 := nw
					nw, nl = appendSpan(words, nw, t, i, j, nl)
					marks.noteNumbers(words, nw0, nw, t)
					marks.noteToken(t, i, j, r)
				}
				i = j
				continue
			}
			// A word that starts with a letter or digit outside ASCII.
			j = wordEnd(t, i, j, len(t))
			toks[nt] = Token{i, j, t[i:j]}
			if unicode.IsUpper(r) {
				marks.Names = append(marks.Names, nt<<1)
			}
			nt++
			nw0 := nw
			nw, nl = appendSpan(words, nw, t, i, j, nl)
			marks.noteNumbers(words, nw0, nw, t)
			marks.noteToken(t, i, j, 0)
			i = j
		}
	}
	return nt, nw, i, nl
}

// leads is what plainWords needs to note the marks of its words: the
// marks, and the indexes base and wbase in the whole token streams of the
// first tokens it writes, for Marks.Names and Marks.Numbers. They are
// held behind one pointer, as plainWords needs them only now and then, to
// leave its loop the registers for the rest.
type leads struct {
	marks       *Marks
	base, wbase int
}

// plainWords writes the tokens of the plain words that start at t[i] to
// toks and words, both from index 0 on and one for one, and notes their
// marks in ld.marks, as writeTokensWords would (see leads). A plain word
// is a run of at most fifteen ASCII letters and digits followed by a
// space, an ASCII mark, or a comma or a period that no letter or digit
// follows and that does not end an abbreviation: nearly every word of
// running text. The comma or period after a word (but after one that
// starts with a letter and ends in a digit, which marks.Numbers notes),
// and a single space and the next word, are taken too; anything else
// returns to the caller, as does running out of room in toks, words or
// marks, so that the loop makes no call but to hash a long word. It
// returns how many tokens it wrote and the offset to go on from, which is
// i itself when the word at i is not plain: then nothing is written. The
// first word's token in words has NL false.
func plainWords(toks []Token, words []wordscan.Token, ld *leads, t string, i int) (int, int) {
	r := min(len(toks), len(words))
	toks, words = toks[:r], words[:r]
	// Every turn writes at most two tokens and moves i on by more bytes
	// than that, so that i <= lim leaves room for the next two tokens, as
	// well as for the eighteen bytes w from i on.
	lim := min(len(t)-18, i+r-2)
	k := 0
	for i <= lim {
		// The word t[i:j], its hash h, and the byte c after it. w covers
		// a word of up to fifteen bytes and the two after it.
		w := t[i : i+18]
		x := swar.Load8(w, 0)
		e := firstNotAlnum8(x)
		if e&0x80 != 0 {
			return k, i // not a word
		}
		var n int
		var h uint32
		if e != 0 {
			n = bits.TrailingZeros64(e) / 8
			// e^(e-1) sets the bits up to the high bit of byte n: shifted
			// down by eight, those of the bytes below it.
			h = wordscan.MaskedWordHash(n, x&((e^(e-1))>>8))
		} else {
			x1 := swar.Load8(w, 8)
			m := firstNotAlnum8(x1)
			if m == 0 {
				return k, i // longer than fifteen bytes
			}
			n = 8 + bits.TrailingZeros64(m)/8
			// As above, m^(m-1)>>8 keeps the bytes of x1 in the word. A
			// word of eight bytes has the short hash; LongWordHash, unlike
			// WordHash16, is inlined, which spares the loop a call and the
			// reloads after it.
			if n == 8 {
				h = wordscan.MaskedWordHash(8, x)
			} else {
				h = wordscan.LongWordHash(n, x, x1&((m^(m-1))>>8))
			}
		}
		j := i + n
		c := w[n]
		if c != ' ' {
			if c == ',' || c == '.' {
				if d := byteClass[w[n+1]]; d == classWord || d == classHigh && !generalPunct(t[j+1:]) {
					return k, i // a joiner inside a word ("7,200", "U.S."): see wordEnd
				}
				if c == '.' && (n <= 7 && lookupAbbrev(abbrevKey(x, n)) != notAbbrev || len(ld.marks.Terminals) == cap(ld.marks.Terminals)) {
					return k, i // "Gen.", one token here and two in words
				}
			} else if d := byteClass[c]; d == classJoiner || d == classHigh && !endsWord(t[j:]) {
				return k, i // a joiner or a character that may be one follows
			}
		}
		if c0 := byte(x); c0 <= 'Z' && !ld.marks.noteLead(c0, ld.base+k, ld.wbase+k) {
			return k, i // a capital or a digit, and no room to note it
		}
		toks[k] = Token{i, j, w[:n]}
		tw := &words[k]
		tw.St, tw.En, tw.Hash = i, j, h
		tw.Word, tw.NL, tw.ASCII = true, false, true
		k++
		i = j + 1
		// Read again after the stores, c, j and w need not be kept.
		if c := t[i-1]; c != ' ' {
			j := i - 1
			if c != ',' && c != '.' {
				return k, j // another mark or white space
			}
			if w[n-1] < 'A' && w[0] >= 'A' {
				return k, j // after a digit, a lead of marks.Numbers
			}
			toks[k] = Token{j, i, t[j:i]}
			tw := &words[k]
			tw.St, tw.En, tw.Hash = j, i, 0
			tw.Word, tw.NL, tw.ASCII = false, false, false
			k++
			if w[n+1] != ' ' {
				if c == '.' {
					ld.marks.noteTerminal(j)
				}
				return k, i
			}
			if c == '.' {
				ld.marks.noteTerminal(j)
				if opensSentence(t, i+1) && endsSentence(t, i-n-1, w, n) {
					ld.marks.noteEnd(j)
				}
			}
			i++
		}
	}
	return k, i
}

// firstNotAlnum8 is notAlnum8 for a caller that looks at the first byte it
// finds alone: the bytes of x up to that one are told as notAlnum8 tells
// them, and those after may be wrong. It keeps the top bits of x in the
// sums, whose carries and borrows come only from bytes outside ASCII, and
// which set the top bit of such a byte in both ranges' tests.
func firstNotAlnum8(x uint64) uint64 {
	f := x | 0x20*swar.Ones // the lower case of a letter
	notLetter := ((0xFF-(0x80-'a'))*swar.Ones - f) | (f + (0x7F-'z')*swar.Ones)
	notDigit := ((0xFF-(0x80-'0'))*swar.Ones - x) | (x + (0x7F-'9')*swar.Ones)
	return notLetter & notDigit & swar.Highs
}

// generalPunct reports whether s starts with a character of General
// Punctuation from U+2000 to U+203F: spaces, dashes, quotation marks and
// format characters, but no letter, digit or mark, so that none continues
// a word but as a joiner (see isJoiner).
func generalPunct(s string) bool {
	return len(s) >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x80 && s[2] <= 0xBF
}

// endsWord reports whether s starts with a character of General
// Punctuation (see generalPunct) that ends a word before it: any but the
// joiners ‐ ‑ and ’.
func endsWord(s string) bool {
	return generalPunct(s) && s[2] != 0x90 && s[2] != 0x91 && s[2] != 0x99
}

// noteLead notes a plain word (see plainWords) that starts with c, an
// ASCII capital or digit, and is the token of index n and the word
// scanner's token of index nw: in m.Names (see NameAt) when c is a
// capital, in m.Numbers when c is a digit. It reports whether the list had
// room for it; if not, it notes nothing.
func (m *Marks) noteLead(c byte, n, nw int) bool {
	if c >= 'A' {
		l := len(m.Names)
		if l == cap(m.Names) {
			return false
		}
		m.Names = m.Names[:l+1]
		m.Names[l] = n<<1 | 1
		return true
	}
	l := len(m.Numbers)
	if l == cap(m.Numbers) {
		return false
	}
	m.Numbers = m.Numbers[:l+1]
	m.Numbers[l] = nw
	return true
}

// noteTerminal notes the terminal mark at i, in room that m.Terminals has.
func (m *Marks) noteTerminal(i int) {
	l := len(m.Terminals)
	m.Terminals = m.Terminals[:l+1]
	m.Terminals[l] = i
}

// noteEnd notes the period at i in m.Ends when it has room, as a hint that
// AppendSentencesEnds may do without.
func (m *Marks) noteEnd(i int) {
	if l := len(m.Ends); l < cap(m.Ends) {
		m.Ends = m.Ends[:l+1]
		m.Ends[l] = i
	} else {
		m.Ends = append(m.Ends, i)
	}
}

// opensSentence reports whether t[k:], after a period and a space, starts
// the way isBoundary lets a sentence start after a word that is no
// abbreviation: with an ASCII capital ("said. The"), or an opening
// quotation mark or bracket ("said. “The"), which are not lower case.
func opensSentence(t string, k int) bool {
	switch c := t[k]; {
	case c-'A' < 26, c == '"', c == '(':
		return true
	case c == 0xE2:
		return k+2 < len(t) && t[k+1] == 0x80 && t[k+2] == 0x9C // “
	}
	return false
}

// endsSentence reports whether a period that follows the plain word
// t[i:i+n], which is no abbreviation and whose first sixteen bytes or more
// are w, and that a space and a capital or an opening mark follow (see
// opensSentence), ends a sentence outside a quotation, as isBoundary would
// tell. isBoundary looks at the letters and periods before the period:
// they are the word when no period comes before it (no letter may), or
// nothing when it ends with a digit; a word of letters after digits
// ("19th") is left to it. A single capital is an initial ("John F.
// Kennedy").
func endsSentence(t string, i int, w string, n int) bool {
	if i > 0 && t[i-1] == '.' {
		return false
	}
	if n == 1 {
		return w[0]-'A' >= 26
	}
	last := w[n-1]
	if last-'0' < 10 {
		return true
	}
	for k := range n {
		if w[k]-'0' < 10 {
			return false
		}
	}
	return true
}

// abbrevKey returns the key of abbrevTable (see packWord) of the word of n
// ASCII letters and digits, at most seven, that are the low bytes of x, in
// lower case: setting bit 5 lower-cases a letter and keeps a digit. It
// sets bit 5 of the word's bytes alone, so that the compiler does not
// share x|0x20*swar.Ones with firstNotAlnum8 and keep it until here.
func abbrevKey(x uint64, n int) uint64 {
	m := uint64(1)<<(8*uint(n)) - 1
	return x&m | 0x20*swar.Ones&m | uint64(n)<<56
}

// joinedWord writes the word scanner's tokens of a word of runs of ASCII
// letters and digits that hyphens, apostrophes or ’ join ("well-known",
// "don't", "company’s"), the commonest word that plainWords leaves, to
// words from index 0 on, and notes those that may start a number in marks,
// as splitASCII and appendSpan would; nw is the index of words[0] in the
// whole stream, and nl tells whether a line break comes before the word.
// It returns how many tokens it wrote and the end of the word, as wordEnd
// finds it; for a word of another kind (a single run, another joiner, a
// run of more than fifteen bytes, a character outside ASCII but ’ and the
// marks of General Punctuation that end a word, or a word near the end of
// t or of the room in words) it writes nothing and returns the offset i
// itself. The caller writes the tokeniser's token of the word.
func joinedWord(words []wordscan.Token, nw int, marks *Marks, t string, i int, nl bool) (int, int) {
	l0 := len(marks.Numbers)
	k, j := 0, i
	for len(t)-j >= 24 && k+2 < len(words) {
		// A run of ASCII letters and digits at j, ended by byte c.
		x0 := swar.Load8(t, j)
		var n int
		var h uint32
		if m := notAlnum8(x0); m != 0 {
			if n = bits.TrailingZeros64(m) / 8; n == 0 {
				break // two joiners in a row, which wordEnd does not join
			}
			h = wordscan.ShortWordHash(n, x0) // n from one to seven
		} else {
			x1 := swar.Load8(t, j+8)
			m := notAlnum8(x1)
			if m == 0 {
				break // a run of sixteen bytes or more
			}
			n = 8 + bits.TrailingZeros64(m)/8
			h = wordscan.WordHash16(n, x0, x1)
		}
		words[k] = wordscan.Token{St: j, En: j + n, Word: true, NL: nl && k == 0, ASCII: true, Hash: h}
		if t[j]-'0' < 10 {
			marks.Numbers = append(marks.Numbers, nw+k)
		}
		k, j = k+1, j+n
		// The byte after the run, and the one after a joiner.
		c, size := t[j], 1
		if c == 0xE2 && t[j+1] == 0x80 && t[j+2] == 0x99 {
			size = 3 // ’
		} else if c != '-' && c != '\'' {
			// The end of the word, when wordEnd ends it there: at white
			// space or ASCII punctuation that joins nothing, or at a
			// mark of General Punctuation that ends a word.
			switch byteClass[c] {
			case classSpace, classPunct:
				if k > 1 {
					return k, j
				}
			case classHigh:
				if k > 1 && endsWord(t[j:]) {
					return k, j
				}
			case classJoiner:
				// A comma or period that no letter or digit follows ends
				// the word, but a period after an abbreviation.
				if k > 1 && (c == ',' || c == '.') && byteClass[t[j+1]] <= classSpace {
					if c == ',' || !isAbbrevWord(t[i:j]) {
						return k, j
					}
				}
			}
			break
		}
		if byteClass[t[j+size]] != classWord {
			if k > 1 && byteClass[t[j+size]] <= classSpace && size == 1 {
				return k, j // a joiner that no letter or digit follows
			}
			break
		}
		words[k] = wordscan.Token{St: j, En: j + size}
		if c != '-' {
			marks.Numbers = append(marks.Numbers, nw+k) // see MayStartNumber
		}
		k, j = k+1, j+size
	}
	marks.Numbers = marks.Numbers[:l0]
	return 0, i
}

// splitASCII writes the word scanner's tokens of the word t[i:e] of ASCII
// letters, digits and joiners to words from index nw on, as appendSpan
// does, and notes its periods in marks, as Marks.noteToken does, and the
// tokens that may start a number (see MayStartNumber). The word
// starts with the run t[i:j] of letters and digits, whose hash is h; nl
// tells whether a line break stands in the gap before it. It returns the
// index after the last token written.
func splitASCII(words []wordscan.Token, nw int, marks *Marks, t string, i, j, e int, nl bool, h uint32) int {
	words[nw] = wordscan.Token{St: i, En: j, Word: true, NL: nl, ASCII: true, Hash: h}
	digit := t[i]-'0' < 10 // whether the last run starts with a digit
	if digit {
		marks.Numbers = append(marks.Numbers, nw)
	}
	nw++
	for k := j; k < e; {
		c := t[k]
		if byteClass[c] == classWord {
			// A run ends at a joiner or at e, where no letter or digit
			// follows a word (see wordEnd).
			r := alnumEnd(t, k+1)
			words[nw] = wordscan.Token{St: k, En: r, Word: true, ASCII: true, Hash: wordscan.WordHash(t, k, r)}
			if digit = c-'0' < 10; digit {
				marks.Numbers = append(marks.Numbers, nw)
			}
			nw, k = nw+1, r
			continue
		}
		words[nw] = wordscan.Token{St: k, En: k + 1}
		switch c {
		case '.':
			marks.Terminals = append(marks.Terminals, k)
			fallthrough
		case ',':
			if t[k-1]-'0' < 10 && !digit { // see MayStartNumber (k > i)
				marks.Numbers = append(marks.Numbers, nw)
			}
		case '\'':
			marks.Numbers = append(marks.Numbers, nw)
		}
		nw, k = nw+1, k+1
	}
	return nw
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// appendSpan writes the word scanner's tokens of t[i:j] to words from
// index nw on, as wordscan.AppendSpan appends them, and returns the index
// after them and whether a line break stands in the gap after the last.
// words must have room for them.
func appendSpan(words []wordscan.Token, nw int, t string, i, j int, nl bool) (int, bool) {
	w, nl := wordscan.AppendSpan(words[:nw], t, i, j, nl)
	return len(w), nl
}

// asciiRun returns the end j of the run of ASCII letters and digits of t
// that starts at i, and wordscan.WordHash(t, i, j). A run of at most
// fifteen bytes, nearly every word, is found and hashed from two loads.
func asciiRun(t string, i int) (j int, h uint32) {
	if len(t)-i < 8 {
		j = alnumEnd(t, i+1)
		return j, wordscan.WordHash(t, i, j)
	}
	x := swar.Load8(t, i)
	if m := notAlnum8(x); m != 0 {
		n := bits.TrailingZeros64(m) / 8
		return i + n, wordscan.ShortWordHash(n, x)
	}
	return longRun(t, i, x)
}

// longRun is asciiRun for a run whose first eight bytes, x0 as swar.Load8
// reads them, are all letters and digits.
func longRun(t string, i int, x0 uint64) (j int, h uint32) {
	if len(t)-i < 16 {
		j = alnumEnd(t, i+8)
		return j, wordscan.WordHash(t, i, j)
	}
	x1 := swar.Load8(t, i+8)
	if m := notAlnum8(x1); m != 0 {
		n := 8 + bits.TrailingZeros64(m)/8
		return i + n, wordscan.WordHash16(n, x0, x1)
	}
	j = alnumEnd(t, i+16)
	return j, wordscan.WordHash(t, i, j)
}

// alnumEnd returns the end of the run of ASCII letters and digits of t
// that goes on at j, reading eight bytes at a time: a word ends within the
// first eight bytes nearly always, and a mask and a count of trailing
// zeros find where without a branch per byte.
func alnumEnd(t string, j int) int {
	for ; j+8 <= len(t); j += 8 {
		if m := notAlnum8(swar.Load8(t, j)); m != 0 {
			return j + bits.TrailingZeros64(m)/8
		}
	}
	for j < len(t) && byteClass[t[j]] == classWord {
		j++
	}
	return j
}

// notAlnum8 returns the bytes of x that are not ASCII letters or digits,
// each as its top bit. It works on the low seven bits y of each byte, and
// on f, their lower case for a letter, in sums and differences that cannot
// carry or borrow into the next byte: bit 7 of 0xE0-f is set for f < 'a',
// that of f+0x05 for f > 'z', that of 0xAF-y for y < '0' and that of
// y+0x46 for y > '9'. A byte is neither a letter nor a digit when it is
// outside both ranges, or when its own top bit is set.
func notAlnum8(x uint64) uint64 {
	y := x &^ swar.Highs
	f := y | 0x20*swar.Ones // the lower case of a letter
	notLetter := ((0xFF-(0x80-'a'))*swar.Ones - f) | (f + (0x7F-'z')*swar.Ones)
	notDigit := ((0xFF-(0x80-'0'))*swar.Ones - y) | (y + (0x7F-'9')*swar.Ones)
	return (notLetter&notDigit | x) & swar.Highs
}

// joinerEnd returns wordEnd(t, i, j, len(t)) when the word t[i:j] of
// ASCII letters and digits is followed by a joiner and then by the end of
// t or an ASCII character other than a letter or digit, and reports
// whether it is: the word ends before the joiner, or after it for a period
// that ends an abbreviation ("Gen.").
func joinerEnd(t string, i, j int) (int, bool) {
	c := t[j]
	if byteClass[c] != classJoiner {
		return 0, false
	}
	if j+1 == len(t) {
		return j, true
	}
	if k := byteClass[t[j+1]]; k == classWord || k == classHigh {
		return 0, false
	}
	if c == '.' && asciiAbbrev(t[i:j]) {
		return j + 1, true
	}
	return j, true
}

// asciiAbbrev reports isAbbrevWord(w) for a word w of ASCII letters and
// digits, packing it in lower case without copying.
func asciiAbbrev(w string) bool {
	if len(w) > 7 {
		return false // longer than any abbreviation (see packWord)
	}
	key := uint64(len(w)) << 56
	for i := range len(w) {
		key |= uint64(w[i]|0x20) << (8 * i) // lower case; digits stay
	}
	return lookupAbbrev(key) != notAbbrev
}

// wordEnd returns the end of the word that starts at i, whose first
// character ends at j. A word ends at hi, except that its last character
// is decoded in full even where it runs past hi.
func wordEnd(text string, i, j, hi int) int {
	t := text[:hi]
	for j < len(t) {
		// A run of ASCII letters and digits, the common case.
		for j < len(t) && byteClass[t[j]] == classWord {
			j++
		}
		if j >= len(t) {
			break
		}
		c := t[j]
		switch byteClass[c] {
		case classSpace, classPunct:
			return j
		}
		r2, s2 := utf8.DecodeRuneInString(text[j:])
		if c >= utf8.RuneSelf && isWordRune(r2) {
			j += s2
			continue
		}
		if !isJoiner(r2) || j+s2 >= hi {
			return j
		}
		r3, _ := utf8.DecodeRuneInString(text[j+s2:])
		if r2 == ',' {
			r1, _ := utf8.DecodeLastRuneInString(text[:j])
			if !(unicode.IsDigit(r1) && unicode.IsDigit(r3)) {
				return j
			}
		}
		if isWordRune(r3) {
			j += s2
			continue
		}
		// A final period of an abbreviation such as "U.S." or "Gen.".
		if r2 == '.' && isAbbrevWord(text[i:j]) {
			j += s2
		}
		return j
	}
	return j
}

// isWordRune reports whether r is a letter, digit or non-spacing mark, the
// characters of a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r))
	}
	if isGeneralPunct(r) {
		return false // dashes and curly quotes, common and never word runes
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isSpaceRune returns unicode.IsSpace(r), at once for the General
// Punctuation block, whose quotation marks and dashes are the most common
// characters outside ASCII in English text.
func isSpaceRune(r rune) bool {
	if isGeneralPunct(r) {
		return r <= '\u200A' || r == '\u2028' || r == '\u2029' || r == '\u202F' || r == '\u205F'
	}
	return unicode.IsSpace(r)
}

// isGeneralPunct reports whether r is in the General Punctuation block,
// which holds spaces, dashes, quotation marks and format characters but no
// letter, digit or mark.
func isGeneralPunct(r rune) bool {
	return r >= 0x2000 && r <= 0x206F
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

// isAbbrevWord reports whether w, in any case, is an abbreviation.
func isAbbrevWord(w string) bool {
	return abbrevOf(w) != notAbbrev
}
