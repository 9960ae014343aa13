package segment

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/internal/swar"
)

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"st": true, "gen": true, "lt": true, "col": true, "maj": true, "capt": true, "cpt": true,
	"sgt": true, "adm": true, "cmdr": true, "gov": true, "sen": true, "rep": true, "reps": true,
	"sens": true, "pres": true, "rev": true, "hon": true, "atty": true, "supt": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"no": true, "nos": true, "vs": true, "v": true, "etc": true, "inc": true, "ltd": true,
	"co": true, "corp": true, "dept": true, "est": true, "approx": true, "fig": true,
	"e.g": true, "i.e": true, "u.s": true, "u.k": true, "u.n": true, "e.u": true,
	"d.c": true, "a.m": true, "p.m": true, "mt": true, "ft": true, "ave": true, "blvd": true,
	"const": true, "insp": true, "det": true, "cpl": true, "pvt": true, "spc": true, "ens": true,
	"msgr": true, "fr": true, "messrs": true, "mme": true, "mlle": true, "gens": true, "lieut": true,
	"sup": true, "amb": true, "sec": true, "secy": true, "treas": true, "univ": true, "assn": true,
}

// endingAbbreviations are the abbreviations that may end a sentence.
var endingAbbreviations = map[string]bool{
	"u.s": true, "u.k": true, "d.c": true, "a.m": true, "p.m": true,
	"etc": true, "inc": true, "ltd": true, "co": true, "corp": true,
}

// Kinds of words for abbrevOf.
const (
	notAbbrev    = iota
	abbrevInner  // an abbreviation that never ends a sentence ("Gen.")
	abbrevMayEnd // one that may ("U.S.")
)

// abbrevOf tells whether w, in any case, is one of the abbreviations, and
// whether it may end a sentence. It does not allocate for a short ASCII w.
func abbrevOf(w string) int {
	if len(w) > maxLowerShrink*maxAbbrevLen {
		return notAbbrev // too long even for characters that lower-case shorter
	}
	if len(w) <= 7 {
		// Packed in place, as abbrevKind packs the lower case of a short
		// ASCII word.
		key := uint64(len(w)) << 56
		ascii := true
		for i := range len(w) {
			c := w[i]
			ascii = ascii && c < utf8.RuneSelf
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			key |= uint64(c) << (8 * i)
		}
		if ascii {
			return lookupAbbrev(key)
		}
	}
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
			return abbrevKind(buf[:len(w)])
		}
	}
	return abbrevKind([]byte(strings.ToLower(w)))
}

// abbrevKind is abbrevOf for a word in lower case.
func abbrevKind(lw []byte) int {
	key, ok := packWord(lw)
	if !ok {
		return notAbbrev // longer than any abbreviation
	}
	return lookupAbbrev(key)
}

// lookupAbbrev returns the kind of the word packed in key (see packWord).
func lookupAbbrev(key uint64) int {
	for i := slotOf(key); ; i = (i + 1) % abbrevSlots {
		switch abbrevTable.keys[i] {
		case key:
			return int(abbrevTable.kinds[i])
		case 0:
			return notAbbrev
		}
	}
}

// abbrevTable holds the abbreviations and their kinds in an open-addressing
// hash table of packed words (see packWord), so that abbrevKind neither
// hashes a string nor builds one. An empty slot has key 0.
var abbrevTable = func() (t struct {
	keys  [abbrevSlots]uint64
	kinds [abbrevSlots]uint8
}) {
	for w := range abbreviations {
		key, ok := packWord([]byte(w))
		if !ok {
			panic("segment: abbreviation too long to pack: " + w)
		}
		i := slotOf(key)
		for t.keys[i] != 0 {
			i = (i + 1) % abbrevSlots
		}
		t.keys[i], t.kinds[i] = key, abbrevInner
		if endingAbbreviations[w] {
			t.kinds[i] = abbrevMayEnd
		}
	}
	return t
}()

// abbrevSlots is the size of abbrevTable, a power of two about three times
// the number of abbreviations.
const abbrevSlots = 256

// packWord packs a word of at most 7 bytes into a number that no other
// word packs into: its bytes and, in the top byte, its length.
func packWord(w []byte) (uint64, bool) {
	if len(w) > 7 {
		return 0, false
	}
	key := uint64(len(w)) << 56
	for i, c := range w {
		key |= uint64(c) << (8 * i)
	}
	return key, true
}

// slotOf returns the first slot of abbrevTable to look for key in.
func slotOf(key uint64) int {
	return int(key * 0x9E3779B97F4A7C15 >> 56 % abbrevSlots)
}

// maxLowerShrink is the most a character's encoding shrinks when it is
// lower-cased: the Kelvin sign (3 bytes) becomes k (1 byte).
const maxLowerShrink = 3

// maxAbbrevLen is the length in bytes of the longest abbreviation.
var maxAbbrevLen = func() int {
	n := 0
	for w := range abbreviations {
		n = max(n, len(w))
	}
	return n
}()

// Sentences splits the paragraph span of text into sentences. Sentence ends
// inside any of the skip spans (quotations) are ignored, so that a quotation of
// several sentences stays inside the sentence that attributes it. skip must be
// sorted by Start.
func Sentences(text string, para article.Span, skip []article.Span) []article.Span {
	// Most paragraphs have a few sentences: collect them on the stack and
	// return them in one allocation of the right size.
	var buf [16]article.Span
	out := AppendSentences(buf[:0], text, para, skip)
	if len(out) == 0 {
		return nil
	}
	return append([]article.Span(nil), out...)
}

// AppendSentences appends the sentences of the paragraph span of text to
// out, as Sentences returns them, so that a caller can reuse one buffer
// from paragraph to paragraph.
func AppendSentences(out []article.Span, text string, para article.Span, skip []article.Span) []article.Span {
	return appendSentencesFrom(out, text, para, skip, terminalFinder{}, para.Start, para.Start)
}

// AppendSentencesMarked is AppendSentences for a text whose ASCII terminal
// punctuation is known: terminals holds the offsets of every '.', '!' and
// '?' of the paragraph, in order, and may hold offsets before and after
// it (see Marks). It finds the sentence ends without reading the text in
// between.
func AppendSentencesMarked(out []article.Span, text string, para article.Span, skip []article.Span, terminals []int) []article.Span {
	return appendSentencesListed(out, text, para, skip, terminals, nil)
}

// AppendSentencesEnds is AppendSentencesMarked for a text some of whose
// sentence ends are known too: ends holds, in order, offsets of periods
// that end a sentence unless a skip span holds them, as Marks.Ends notes
// them, and may hold offsets before and after the paragraph.
func AppendSentencesEnds(out []article.Span, text string, para article.Span, skip []article.Span, terminals, ends []int) []article.Span {
	return appendSentencesListed(out, text, para, skip, terminals, ends)
}

// appendSentencesListed is appendSentencesFrom with the terminal marks listed
// in terminals and the known sentence ends in ends. Between the skip
// spans no character but a terminal mark matters, and inside one only its
// last character: it goes from mark to mark of the list up to the next
// span, then to the span's last character, without appendSentencesFrom's
// bookkeeping for every mark. Where the spans are not the plain sequence
// that quotations make (one reaching in from before the paragraph or out
// beyond it, overlapping ones, a sentence end inside one, a broken last
// character), it leaves the rest to appendSentencesFrom.
func appendSentencesListed(out []article.Span, text string, para article.Span, skip []article.Span, terminals, ends []int) []article.Span {
	if para.Start >= para.End {
		return out // nothing to read, and para.End may lie beyond text
	}
	start, i := para.Start, para.Start
	k, e := 0, 0 // the first of skip and of ends that may matter at i
	for {
		// The next span, which must start at i or after, end within the
		// paragraph and have a last character after its first.
		for k < len(skip) && skip[k].End <= i {
			k++
		}
		lo, q := para.End, -1 // the marks before lo count; q: the span's last character
		if k < len(skip) && skip[k].Start < para.End {
			sp := skip[k]
			if sp.Start < i || sp.End > para.End {
				break
			}
			c, ok := lastCharStart(text, sp.End)
			if !ok || c <= sp.Start {
				break
			}
			lo, q = sp.Start, c
		}
		for ; len(terminals) > 0 && terminals[0] < lo; terminals = terminals[1:] {
			p := terminals[0]
			if p < i {
				continue
			}
			if !isTerminal(text[p]) {
				// Not a terminal mark after all: read on after its
				// character.
				_, size := utf8.DecodeRuneInString(text[p:])
				i = p + size
				continue
			}
			for e < len(ends) && ends[e] < p {
				e++
			}
			if e < len(ends) && ends[e] == p {
				// A space and a capital or an opening mark follow:
				// nothing to swallow, no footnote, and isBoundary would
				// say yes.
				out = appendToMark(out, text, start, p)
				start, i = p+1, p+1
				continue
			}
			if p+1 == para.End {
				// The paragraph's last character ends its last
				// sentence, which the end of the paragraph ends anyway.
				return appendToMark(out, text, start, p)
			}
			end := swallowClosers(text, p+1, para.End)
			if isBoundary(text, para, p, end) {
				out = appendTrimmed(out, text, start, end)
				start, i = end, end
				continue
			}
			i = p + 1
		}
		if i > lo {
			// A sentence end reached into the span.
			break
		}
		if q < 0 {
			return appendTrimmed(out, text, start, para.End)
		}
		// The span's last character: a quotation that ends its own
		// sentence closes the sentence around it too.
		sp := skip[k]
		_, size := utf8.DecodeRuneInString(text[q:])
		i = q + size
		if i == sp.End && endsWithTerminal(text, sp.Start, q) && isBoundary(text, para, q, i) {
			out = appendTrimmed(out, text, start, i)
			start = i
		}
	}
	// A span that quotations do not make: read on from i as
	// AppendSentences does, with the marks not yet passed.
	return appendSentencesFrom(out, text, para, skip, terminalFinder{offsets: terminals, listed: true, ends: ends[e:]}, start, i)
}

// swallowClosers returns the end of the sentence whose terminal mark ends
// at i, before limit: after any further terminal marks, closing quotes and
// brackets, and a footnote marker such as [4].
func swallowClosers(text string, i, limit int) int {
	for i < limit {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '.' || r == '!' || r == '?' || isCloser(r) {
			i += size
			continue
		}
		break
	}
	return skipFootnote(text, i, limit)
}

// terminalFinder finds the next ASCII terminal punctuation mark of a text
// for appendSentencesFrom: from the list of their offsets when it has one, or
// else by reading the text.
type terminalFinder struct {
	offsets []int // the offsets not yet passed
	listed  bool  // whether offsets lists them
	ends    []int // the periods known to end a sentence, not yet passed
}

// endsAt reports whether the terminal mark at i is known to end a sentence
// outside the skip spans.
func (f *terminalFinder) endsAt(i int) bool {
	for len(f.ends) > 0 && f.ends[0] < i {
		f.ends = f.ends[1:]
	}
	return len(f.ends) > 0 && f.ends[0] == i
}

// next returns the offset of the first terminal mark of t at or after i
// and before stop, or stop when there is none.
func (f *terminalFinder) next(t string, i, stop int) int {
	if !f.listed {
		return i + indexTerminal(t[i:stop])
	}
	for len(f.offsets) > 0 && f.offsets[0] < i {
		f.offsets = f.offsets[1:]
	}
	if len(f.offsets) > 0 && f.offsets[0] < stop {
		return f.offsets[0]
	}
	return stop
}

// appendSentencesFrom is AppendSentences, finding the terminal marks with
// terms, for the part of the paragraph from i on, in a sentence that
// starts at start.
func appendSentencesFrom(out []article.Span, text string, para article.Span, skip []article.Span, terms terminalFinder, start, i int) []article.Span {
	k := 0
	if para.Start >= para.End {
		return out // nothing to read, and para.End may lie beyond text
	}
	t := text[:para.End]
	for i < para.End {
		for k < len(skip) && skip[k].End <= i {
			k++
		}
		// Fast path: a character other than ASCII terminal punctuation
		// matters only as the last character of a skip span, so skip to
		// the next terminal byte or to a character start not after that
		// character.
		if k < len(skip) && skip[k].End <= len(t) {
			if q, ok := lastCharStart(t, skip[k].End); ok {
				// Inside the span, nothing before its last character
				// matters: a terminal mark before the span's start, or
				// the character at q.
				lim := max(i, q)
				if st := max(i, skip[k].Start); st < lim {
					if i = terms.next(t, i, st); i == st {
						i = lim
					}
				} else {
					i = terms.next(t, i, lim)
				}
			} else {
				// Its start is unclear: stop at every character
				// outside ASCII, where one may start.
				i += indexSentenceByte(t[i : skip[k].End-1])
			}
		} else {
			i = terms.next(t, i, len(t))
		}
		if i >= len(t) {
			break
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		inSkip := k < len(skip) && skip[k].Start <= i && i < skip[k].End
		// A quotation that ends its own sentence ("…deployment.” Indeed,")
		// closes the sentence around it too.
		if inSkip && i+size == skip[k].End && i > skip[k].Start && endsWithTerminal(text, skip[k].Start, i) &&
			isBoundary(text, para, i, i+size) {
			out = appendTrimmed(out, text, start, i+size)
			start = i + size
			i += size
			continue
		}
		if !inSkip && (r == '.' || r == '!' || r == '?') {
			if terms.endsAt(i) {
				// A space and a capital or an opening mark follow:
				// nothing to swallow, no footnote, and isBoundary would
				// say yes.
				out = appendTrimmed(out, text, start, i+1)
				start, i = i+1, i+1
				continue
			}
			if i+1 == para.End {
				// The paragraph's last character, as most often: it
				// ends the last sentence, which the end of the
				// paragraph would end anyway.
				break
			}
			// Swallow further terminal punctuation, closing quotes and
			// brackets, and a footnote marker such as [4].
			end := swallowClosers(text, i+size, para.End)
			if isBoundary(text, para, i, end) {
				out = appendTrimmed(out, text, start, end)
				start = end
				i = end
				continue
			}
		}
		i += size
	}
	out = appendTrimmed(out, text, start, para.End)
	return out
}

// lastCharStart returns the last byte q before end, and within the last
// four, that does not continue a UTF-8 sequence, and reports whether there
// is one. Read character by character from any earlier start, t has a
// character start at q (a character spans at most four bytes, and every
// such byte starts one), and none that starts before q reaches beyond it:
// the last character of t[:end] starts at q or after.
func lastCharStart(t string, end int) (q int, ok bool) {
	for q = end - 1; q >= max(0, end-utf8.UTFMax); q-- {
		if !isContinuation(t[q]) {
			return q, true
		}
	}
	return 0, false
}

// isContinuation reports whether c continues a UTF-8 sequence (10xxxxxx).
func isContinuation(c byte) bool {
	return c&0xC0 == 0x80
}

// sentenceByte tells the bytes Sentences must look at when it cannot
// tell where a character starts: terminal punctuation and the bytes of
// non-ASCII characters.
var sentenceByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= utf8.RuneSelf || isTerminal(byte(c))
	}
	return t
}()

// isTerminal reports whether c is ASCII terminal punctuation.
func isTerminal(c byte) bool {
	return c == '.' || c == '!' || c == '?'
}

// indexSentenceByte returns the index of the first byte of s that
// sentenceByte marks, or len(s), reading eight bytes at a time.
func indexSentenceByte(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := swar.Load8(s, i)
		if m := terminalBytes8(x) | x&swar.Highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(s); i++ {
		if sentenceByte[s[i]] {
			return i
		}
	}
	return i
}

// indexTerminal returns the index of the first ASCII terminal punctuation
// mark in s, or len(s), reading eight bytes at a time.
func indexTerminal(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if m := terminalBytes8(swar.Load8(s, i)); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(s); i++ {
		if isTerminal(s[i]) {
			return i
		}
	}
	return i
}

// terminalBytes8 returns the bytes of x that are ASCII terminal
// punctuation, each as its top bit.
func terminalBytes8(x uint64) uint64 {
	// On the low seven bits of each byte, so that no byte carries into
	// the next: y^c*Ones has a zero byte where x has c, and adding 0x7F
	// sets the top bit of every byte but those.
	y := x &^ swar.Highs
	dot := (y ^ '.'*swar.Ones) + 0x7F*swar.Ones
	bang := (y ^ '!'*swar.Ones) + 0x7F*swar.Ones
	ques := (y ^ '?'*swar.Ones) + 0x7F*swar.Ones
	return ^(dot&bang&ques | x) & swar.Highs
}

// appendToMark is appendTrimmed(out, text, s, p+1) for a sentence that
// ends with the terminal mark at p, s <= p: only its start may need
// trimming, and most sentences start with ASCII other than white space,
// after a space.
func appendToMark(out []article.Span, text string, s, p int) []article.Span {
	if text[s] == ' ' {
		s++
	}
	if c := text[s]; c < utf8.RuneSelf && !asciiSpace[c] {
		return append(out, article.Span{Start: s, End: p + 1})
	}
	return appendTrimmed(out, text, s, p+1)
}

// appendTrimmed appends the span text[s:e] without white space at either
// end, unless nothing is left.
func appendTrimmed(out []article.Span, text string, s, e int) []article.Span {
	// Most sentences start and end with ASCII characters that are not
	// white space, after the space that ended the sentence before.
	if s < e && text[s] == ' ' {
		s++
	}
	if s < e && startsNotSpace(text, s, e) && endsNotSpace(text, s, e) {
		return append(out, article.Span{Start: s, End: e})
	}
	s = skipSpace(text, s, e)
	for e > s {
		if c := text[e-1]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			e--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(text[:e])
		if !isSpaceRune(r) {
			break
		}
		e -= size
	}
	if e > s {
		out = append(out, article.Span{Start: s, End: e})
	}
	return out
}

// startsNotSpace reports whether text[s:e] starts with a character other
// than white space that it holds in full: one in ASCII, or one from U+2000
// to U+203F such as a quotation mark or a dash. It is false for any other
// character, which the caller decodes.
func startsNotSpace(text string, s, e int) bool {
	if c := text[s]; c < utf8.RuneSelf {
		return !asciiSpace[c]
	}
	return s+3 <= e && isPunctNotSpace(text[s], text[s+1], text[s+2])
}

// endsNotSpace is startsNotSpace for the last character of text[s:e].
func endsNotSpace(text string, s, e int) bool {
	if c := text[e-1]; c < utf8.RuneSelf {
		return !asciiSpace[c]
	}
	return e-3 >= s && isPunctNotSpace(text[e-3], text[e-2], text[e-1])
}

// punctSpaces has bit c&0x3F set for the characters E2 80 c, U+2000 to
// U+203F, that are white space (see isSpaceRune): U+2000 to U+200A, the
// line and paragraph separators and the narrow no-break space.
const punctSpaces = 1<<11 - 1 | 1<<0x28 | 1<<0x29 | 1<<0x2F

// isPunctNotSpace reports whether the bytes b0 b1 b2 encode a character
// from U+2000 to U+203F that is not white space, such as the curly
// quotation marks that start and end many sentences; like every character
// of the General Punctuation block, it is no letter either.
func isPunctNotSpace(b0, b1, b2 byte) bool {
	return b0 == 0xE2 && b1 == 0x80 && isContinuation(b2) && punctSpaces>>(b2&0x3F)&1 == 0
}

// skipSpace returns the index of the first character of text at or after
// i, and before hi, that is not white space, or hi when all are; the last
// character looked at is decoded in full even where it runs past hi.
func skipSpace(text string, i, hi int) int {
	for i < hi {
		if c := text[i]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isSpaceRune(r) {
			break
		}
		i += size
	}
	return min(i, hi)
}

func skipFootnote(text string, i, limit int) int {
	j := i
	for j < limit && text[j] == ' ' {
		j++
	}
	if j < limit && text[j] == '[' {
		k := j + 1
		for k < limit && k-j < 5 && text[k] >= '0' && text[k] <= '9' {
			k++
		}
		if k < limit && k > j+1 && text[k] == ']' {
			return k + 1
		}
	}
	return i
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '\u201d', '\u2019', ')', ']', '\u00bb':
		return true
	}
	return false
}

// isBoundary decides whether the terminal punctuation at p (ending at end)
// closes a sentence.
func isBoundary(text string, para article.Span, p, end int) bool {
	if end >= para.End {
		return true
	}
	// The next character must be white space.
	j := end
	if text[j] == ' ' && j+1 < para.End && startsNotSpace(text, j+1, para.End) {
		j++ // a single space, as nearly always
	} else {
		j = skipSpace(text, end, para.End)
	}
	if j == end {
		return false
	}
	// The next word must start like a sentence.
	if j >= para.End {
		return true
	}
	if c := text[j]; c < utf8.RuneSelf {
		if 'a' <= c && c <= 'z' {
			return false
		}
	} else if j+3 <= len(text) && isPunctNotSpace(c, text[j+1], text[j+2]) {
		// An opening quotation mark, say: no lower-case letter.
	} else if nr, _ := utf8.DecodeRuneInString(text[j:]); unicode.IsLower(nr) {
		return false
	}
	if text[p] != '.' {
		return true
	}
	// Abbreviations and initials.
	a, b, ascii := wordBefore(text, para.Start, p)
	w := text[a:b]
	switch abbrevAt(text, a, b, ascii) {
	case abbrevMayEnd:
		// "U.S." at a sentence end is followed by a sentence-initial word.
		return startsSentence(text[j:])
	case abbrevInner:
		return false // titles and months never end a sentence
	}
	if len(w) <= utf8.UTFMax && utf8.RuneCountInString(w) == 1 {
		r0, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r0) {
			return false // an initial: "John F. Kennedy"
		}
	}
	if len(w) <= 6 && strings.IndexByte(w, '.') >= 0 {
		return startsSentence(text[j:]) // S.B.U. — a dotted acronym
	}
	return true
}

// sentenceStarters are words that usually open a sentence after an
// abbreviation such as "U.S.".
var sentenceStarters = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "you": true,
	"but": true, "and": true, "in": true, "on": true, "at": true, "however": true, "meanwhile": true,
	"there": true, "his": true, "her": true, "its": true, "their": true, "our": true,
	"as": true, "after": true, "before": true, "when": true, "while": true, "if": true, "for": true,
}

func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if r == '"' || r == '\u201c' || r == '\u00ab' || r == '\u2018' {
		return true
	}
	w := s
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		w = s[:i]
	}
	return sentenceStarters[strings.ToLower(w)]
}

// wordBefore returns the span [a, b) of the word (letters and inner
// periods) that ends at p, looking no further back than lo, and whether it
// is all ASCII.
func wordBefore(text string, lo, p int) (a, b int, ascii bool) {
	i := p
	ascii = true
	for i > lo {
		switch wordBeforeByte[text[i-1]] {
		case 1:
			i--
			continue
		case 2:
			r, s := utf8.DecodeLastRuneInString(text[:i])
			if unicode.IsLetter(r) {
				i -= s
				ascii = false
				continue
			}
		}
		break
	}
	for i < p && text[i] == '.' {
		i++
	}
	for p > i && text[p-1] == '.' {
		p--
	}
	return i, p, ascii // strings.Trim(text[i:p], ".")
}

// wordBeforeByte tells, for wordBefore, the ASCII letters and the period
// (1), and the bytes that may end a character outside ASCII (2).
var wordBeforeByte = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = 2
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '.':
			t[c] = 1
		}
	}
	return t
}()

// abbrevAt returns abbrevOf(text[a:b]) for a word of letters and periods
// that is all ASCII when ascii is true: a short one is packed from one
// load, and a long one is none.
func abbrevAt(text string, a, b int, ascii bool) int {
	switch n := b - a; {
	case !ascii:
		return abbrevOf(text[a:b])
	case n > 7:
		return notAbbrev // longer than any abbreviation (see packWord)
	case len(text)-a >= 8:
		x := swar.Load8(text, a) & (1<<(8*uint(n)) - 1)
		return lookupAbbrev(swar.Lower8(x) | uint64(n)<<56)
	}
	return abbrevOf(text[a:b])
}

// endsWithTerminal reports whether text[lo:hi] ends in sentence-final
// punctuation.
func endsWithTerminal(text string, lo, hi int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[lo:hi])
	return r == '.' || r == '!' || r == '?'
}
