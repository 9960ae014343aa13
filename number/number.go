// Package number finds cardinal quantities and amounts of money in text, with
// their qualifiers and what they count.
//
// A Finder scans the text once, token by token, without regular expressions.
// It keeps numbers written in digits ("7,200", "2.5 million", "$20 billion")
// or in words ("two", "twenty-five", "a dozen", "about a billion dollars"),
// takes a bound or approximation word that goes before the number into the
// span ("at least 40", "Roughly 3–4,000"), and reads ranges ("3–4,000",
// "10 to 15", "between 4,000 and 5,000"). It leaves out what is not a quantity:
// years and dates, times, ordinals, footnote markers, labels ("article 5",
// "F-16", "Boeing 747"), phone numbers, percentages, durations and
// relative dates, vague quantities and the determiner "one".
//
// The word lists are embedded text files (words.txt, qualifiers.txt,
// currencies.txt, units.txt, context.txt, stopwords.txt).
package number

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/article"
)

// Kinds of Number.
const (
	KindCount    = "count"
	KindMoney    = "money"
	KindDistance = "distance"
)

// Finder finds numbers in text. It is safe for concurrent use: Find does not
// modify it.
type Finder struct {
	lx        *lexicon
	scratches sync.Pool // of *scratch, for Find
}

// New builds a Finder from the embedded word lists.
func New() (*Finder, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	return &Finder{lx: lx}, nil
}

// core is a number as written, without qualifier or currency sign.
type core struct {
	s, e    int
	v       float64
	mult    float64 // the scale word's factor ("million"), 1 when none
	groups  int     // thousands separators
	decimal bool
	word    bool // written in words
	one     bool // the bare word "one" (or "One")
	digits  int  // digits before the decimal point
	money   bool // a scale suffix after digits ("5bn")
	dist    bool // a distance suffix after digits ("10km")
}

// bare reports whether c is plain digits: no separator, decimal or scale.
func (c *core) bare() bool {
	return !c.word && c.groups == 0 && !c.decimal && c.mult == 1 && !c.money && !c.dist
}

// yearLike reports whether c could be a year (1000–2100 in four plain digits).
func (c *core) yearLike() bool {
	return c.bare() && c.digits == 4 && c.v >= 1000 && c.v <= 2100
}

// scratch is the per-call state of Find: a memo of the tokens next found
// and the numbers found so far.
type scratch struct {
	// out holds the numbers found so far, which takeOut makes the
	// article.Numbers of the result.
	out []outNumber
	// quals and highs count the numbers of out with a qualifier and with
	// an upper bound, for takeOut.
	quals, highs int
	// hits holds, for FindMarked, the tokens whose hash wordStarts holds.
	hits []int
	// nexts holds the last results of next: digitCore, rangeHigh,
	// contextAfter and nounPhrase all read the token after a number.
	// (build and its helpers call prev without a memo: they seldom look
	// back from the same position twice, and the memo cost more than it
	// saved, measured on the corpus.)
	nexts tokMemo
	// after is the word after a number whose flags wordAfter looked up,
	// for nounPhrase, which nearly always starts with it.
	after struct {
		s, e int // its span, s plus one; 0 when none
		fl   wordFlags
	}
}

// tokMemo remembers the last tokens a lexing function found for one text,
// by the position it read from, for the callers that look one up where
// the memo nearly always holds it. Two entries serve most repeats; more
// cost more to search than they save (measured on the corpus).
type tokMemo struct {
	ents [2]struct {
		at int // the position asked for, plus one; 0 when empty
		t  tok
	}
	n int // the entry to replace next
}

// put notes that the lexing function found t at position i.
func (m *tokMemo) put(i int, t tok) {
	e := &m.ents[m.n&1]
	e.at, e.t = i+1, t
	m.n ^= 1
}

// lookup returns the token the memo holds for position i, if any. It is
// small enough to be inlined: where the memo nearly always holds the
// token, a caller asks it before calling scratch.next.
func (m *tokMemo) lookup(i int) (tok, bool) {
	switch i + 1 {
	case m.ents[0].at:
		return m.ents[0].t, true
	case m.ents[1].at:
		return m.ents[1].t, true
	}
	return tok{}, false
}

// next returns next(text, i) and notes it in the memo, for a later
// lookup. It does not ask the memo first: it held the token in about 3
// calls in 100, which saved less than asking cost (measured on the
// corpus). text must be the same for all the calls between two resets.
func (sc *scratch) next(text string, i int) tok {
	t := next(text, i)
	sc.nexts.put(i, t)
	return t
}

// reset empties the memo, for a new text.
func (sc *scratch) reset() {
	sc.nexts = tokMemo{}
	sc.after.s = 0
}

// outNumber is a number that build found, by its offsets in the text: it
// refers to no text, so that the scratch, which keeps it, keeps no text
// alive, and needs no clearing.
type outNumber struct {
	start, end int
	cs, ce     int // the span of the noun phrase it counts; cs == ce for none
	value      float64
	high       float64 // the upper bound of a range, when hasHigh
	qual       string  // the qualifier, one of the lexicon's phrases; "" for none
	kind       kind
	hasHigh    bool
}

// kind is the Kind of a Number, as an index in kinds.
type kind uint8

const (
	kindCount kind = iota
	kindMoney
	kindDistance
)

// kinds holds the Kind of a Number by its kind.
var kinds = [...]string{kindCount: KindCount, kindMoney: KindMoney, kindDistance: KindDistance}

// Find returns the numbers in text in text order. Start and End are byte
// offsets into text, and text[Start:End] == Text.
func (f *Finder) Find(text string) []article.Number {
	sc := f.scratch()
	defer f.scratches.Put(sc)
	for i := 0; i < len(text); {
		if i = f.lx.skip(text, i, len(text)); i < len(text) {
			i = f.step(text, next(text, i), sc)
		}
	}
	resolveCounts(text, sc.out)
	return sc.takeOut(text)
}

// scratch returns a scratch for a new text, from the pool when it has one;
// the caller puts it back.
func (f *Finder) scratch() *scratch {
	sc, _ := f.scratches.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	sc.reset() // the memo is for one text
	sc.out, sc.quals, sc.highs = sc.out[:0], 0, 0
	return sc
}

// takeOut returns the numbers of sc.out, found in text, or nil when there
// are none, and empties sc.out. The qualifiers of all the numbers share
// one allocation, and so do the upper bounds.
func (sc *scratch) takeOut(text string) []article.Number {
	if len(sc.out) == 0 {
		return nil
	}
	ns := make([]article.Number, len(sc.out))
	var qs []string
	var hs []float64
	if sc.quals > 0 {
		qs = make([]string, 0, sc.quals)
	}
	if sc.highs > 0 {
		hs = make([]float64, 0, sc.highs)
	}
	for k := range sc.out {
		p, n := &sc.out[k], &ns[k]
		n.Text = text[p.start:p.end]
		n.Value = p.value
		if p.hasHigh {
			hs = append(hs, p.high)
			n.ValueHigh = &hs[len(hs)-1]
		}
		if p.qual != "" {
			qs = append(qs, p.qual)
			n.Qualifier = &qs[len(qs)-1]
		}
		n.Kind = kinds[p.kind]
		n.Counts = text[p.cs:p.ce]
		n.Start, n.End = p.start, p.end
	}
	sc.out, sc.quals, sc.highs = sc.out[:0], 0, 0
	return ns
}

// step reads the number that starts with the token t, next(text, i) for
// the position i Find is at, if any, which build appends to sc.out. It
// returns where to go on: past the token, the number or the text it has
// ruled out.
func (f *Finder) step(text string, t tok, sc *scratch) int {
	if t.k == tEOF {
		return len(text)
	}
	i := t.e
	var c core
	var ok bool
	switch t.k {
	case tNum, tAlnum:
		ok = f.digitCore(text, t, sc, &c)
	case tWord:
		if w := text[t.s:t.e]; isArticleA(w) || f.lx.mayBeWord(w) {
			ok = f.wordCore(text, t, sc, &c)
		}
	}
	i = max(i, c.e)
	if !ok {
		return i
	}
	return max(i, f.build(text, &c, sc))
}

// digitCore reads into c the number that starts with the digit token t,
// and reports whether it is one; c.e is where it ends either way.
func (f *Finder) digitCore(text string, t tok, sc *scratch, c *core) bool {
	*c = core{s: t.s, e: t.e, mult: 1}
	num := text[t.s:t.e]
	if t.k == tAlnum {
		p := 0
		for p < len(num) && (isASCIIDigit(num[p]) || num[p] == ',' || num[p] == '.') {
			p++
		}
		if p == 0 {
			return false
		}
		suf := num[p:]
		for i := 0; i < len(suf); i++ {
			if suf[i] >= 0x80 || isASCIIDigit(suf[i]) {
				return false
			}
		}
		if wi, ok := f.lx.words.get(suf); ok && wi.suffix {
			c.money = true
			c.mult = wi.v
		} else if f.lx.flagsOf(suf).unit() == unitDistance {
			c.dist = true
		} else {
			return false
		}
		num = num[:p]
	}
	if len(num) > 1 && num[0] == '0' && num[1] != '.' {
		return false // phone numbers, codes, "007"
	}
	var mant float64
	frac, digits := 0, 0
	for i := 0; i < len(num); i++ {
		switch b := num[i]; {
		case b == ',':
			c.groups++
		case b == '.':
			if c.decimal {
				return false // "1.2.3"
			}
			c.decimal = true
		default:
			mant = mant*10 + float64(b-'0')
			if c.decimal {
				frac++
			} else {
				digits++
			}
		}
	}
	if digits > 15 || frac > 6 {
		return false
	}
	c.digits = digits
	if t.k == tNum {
		nt := sc.next(text, t.e)
		if w := text[nt.s:nt.e]; nt.k == tWord && f.lx.mayBeScale(w) {
			if wi, ok := f.lx.words.get(w); ok && wi.scale {
				c.mult = wi.v
				c.e = nt.e
			}
		}
	}
	c.v = mant * c.mult / pow10(frac)
	return true
}

func pow10(n int) float64 {
	p := 1.0
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

// maxNumberWord is the length in bytes of the longest number word
// ("seventeen").
const maxNumberWord = 9

// shapes is the number of keys of lexicon.wordShapes: 26 first letters
// times 26 second letters or none.
const shapes = 26 * 27

// shape is the key of lexicon.wordShapes for word w, made of its first two
// bytes as ASCII letters in any case (its only byte, for a one-byte word).
// ok is false when one of them is no ASCII letter; w is not empty.
func shape(w string) (p int, ok bool) {
	c0 := uint(w[0]|0x20) - 'a' // below 26 for letters only
	c1 := uint(26)              // none
	if len(w) > 1 {
		if c1 = uint(w[1]|0x20) - 'a'; c1 >= 26 {
			return 0, false
		}
	}
	return int(c0*27 + c1), c0 < 26
}

// upperASCII returns the upper case of an ASCII letter, other bytes as they
// are.
func upperASCII(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// mayBeWord reports whether the ASCII lower case of w can be a number word
// that is not a suffix; when false, it is none.
func (lx *lexicon) mayBeWord(w string) bool {
	if len(w) > maxNumberWord {
		return false
	}
	p, ok := shape(w)
	return ok && lx.wordShapes[p]&(1<<len(w)) != 0
}

// mayBeScale reports whether the word w, not empty, has the first letter
// and length of a scale word; when false, it is none.
func (lx *lexicon) mayBeScale(w string) bool {
	return len(w) < 16 && lx.scaleLens[w[0]]&(1<<len(w)) != 0
}

// isArticleA reports whether w is "a" or "an" in any case.
func isArticleA(w string) bool {
	// c|0x20 is a lower-case letter only for that letter in either case.
	switch len(w) {
	case 1:
		return w[0]|0x20 == 'a'
	case 2:
		return w[0]|0x20 == 'a' && w[1]|0x20 == 'n'
	}
	return false
}

// wordStatus is what readWord found.
type wordStatus uint8

const (
	wsNone     wordStatus = iota // not a number word
	wsOK                         // a number word, maybe a compound ("twenty-five")
	wsCompound                   // a hyphenated compound that is no number ("two-thirds")
)

// readWord reads the number word of token t, with a hyphenated units word
// after a tens word. end is where the word or compound ends.
func (f *Finder) readWord(text string, t tok, sc *scratch) (wi wordInfo, end int, st wordStatus) {
	if t.k != tWord || !f.lx.mayBeWord(text[t.s:t.e]) {
		return wi, t.e, wsNone
	}
	wi, ok := f.lx.words.get(text[t.s:t.e])
	if !ok || wi.suffix {
		return wi, t.e, wsNone
	}
	end = t.e
	r, n := runeAt(text, end)
	if !isHyphen(r) {
		return wi, end, wsOK
	}
	r2, _ := runeAt(text, end+n)
	if !isLetterRune(r2) && !(r2 < 0x80 && isASCIIDigit(byte(r2))) {
		return wi, end, wsOK // a dash before a space
	}
	t2 := sc.next(text, end+n)
	if wi.v >= 20 && wi.v < 100 && !wi.scale {
		if w2, ok := f.lx.words.get(text[t2.s:t2.e]); ok && !w2.scale && !w2.suffix && w2.v < 10 {
			r3, _ := runeAt(text, t2.e)
			if !isHyphen(r3) {
				wi.v += w2.v
				return wi, t2.e, wsOK
			}
		}
	}
	// A compound: "two-thirds", "four-year-old". Skip all its parts.
	end, _ = compoundParts(text, t2.e)
	return wi, end, wsCompound
}

// wordCore reads into c a number written in words that starts at token t:
// "two", "twenty-five", "two hundred and fifty thousand", "a dozen", "a
// billion". It reports whether it is one; c.e is where it ends either way.
func (f *Finder) wordCore(text string, t tok, sc *scratch, c *core) bool {
	*c = core{s: t.s, e: t.e, mult: 1, word: true}
	if t.e-t.s > maxNumberWord {
		return false
	}
	var total, cur float64
	last := 0 // 1 units/teens, 2 tens, 3 hundred, 4 larger scale
	var pos int
	if isArticleA(text[t.s:t.e]) {
		nt := sc.next(text, t.e)
		wi, _, st := f.readWord(text, nt, sc)
		if st != wsOK || !wi.scale {
			return false
		}
		cur = 1
		pos = nt.s
	} else {
		if t.s > 0 && text[t.s-1] != ' ' { // the usual space is no hyphen
			if r, n := runeBefore(text, t.s); isHyphen(r) || r == '–' {
				if r0, _ := runeBefore(text, t.s-n); isLetterRune(r0) || r0 < 0x80 && isASCIIDigit(byte(r0)) {
					return false // "x-two"
				}
			}
		}
		wi, end, st := f.readWord(text, t, sc)
		switch {
		case st == wsCompound:
			c.e = end
			return false
		case st != wsOK || wi.scale:
			return false // "hundred" alone is vague ("several hundred")
		}
		cur = wi.v
		last = 1
		if wi.v >= 20 && end == t.e {
			last = 2
		}
		c.one = wi.v == 1 && end == t.e
		pos = end
		c.e = end
	}
loop:
	for {
		nt := sc.next(text, pos)
		if nt.k != tWord {
			break
		}
		if last == 3 && equalLower("and", text[nt.s:nt.e]) {
			nt2 := sc.next(text, nt.e)
			wi, end, st := f.readWord(text, nt2, sc)
			if st != wsOK || wi.scale {
				break
			}
			cur += wi.v
			last = 1
			pos, c.e = end, end
			continue
		}
		if !f.lx.mayBeWord(text[nt.s:nt.e]) {
			break // as readWord would tell
		}
		wi, end, st := f.readWord(text, nt, sc)
		if st != wsOK {
			break
		}
		switch {
		case wi.scale && cur == 0:
			break loop
		case wi.scale && wi.v == 100:
			if last == 3 {
				break loop
			}
			cur *= 100
			last = 3
			c.mult = max(c.mult, 100)
		case wi.scale && wi.v == 12:
			cur *= 12
			last = 4
			c.mult = max(c.mult, 12)
		case wi.scale:
			total += cur * wi.v
			cur = 0
			last = 4
			c.mult = max(c.mult, wi.v)
		case last == 2 && wi.v < 10, last >= 3:
			cur += wi.v
			last = 1
			if wi.v >= 20 && end == nt.e {
				last = 2
			}
		default:
			break loop
		}
		c.one = false
		pos, c.e = end, end
	}
	c.v = total + cur
	return c.v != 0
}

// build turns a number core into a Number, reading the currency sign,
// qualifier and range around it and what it counts, and appends it to
// sc.out and what it points to to sc.ptrs, unless what it reads rules it
// out. It returns how far the text has been used, also then.
func (f *Finder) build(text string, c *core, sc *scratch) int {
	lx := f.lx
	end := c.e
	lowV, highV := c.v, 0.0 // the value, and the upper bound of a range
	hasHigh := false
	start := c.s
	money, dist := c.money, c.dist

	// A currency sign or code before the number, and the token before
	// them, which contextBefore, the range and the qualifier read.
	pre := c.s
	var pt tok
	hasPt := false
	if !c.word {
		// The usual space right before is no sign, without decoding.
		if r, n := runeBefore(text, c.s); (c.s == 0 || text[c.s-1] != ' ') && lx.isSign(r) {
			pre = c.s - n
			money = true
			k := pre
			for k > 0 && k > pre-3 && text[k-1] >= 'A' && text[k-1] <= 'Z' {
				k--
			}
			if r0, _ := runeBefore(text, k); k < pre && !isLetterRune(r0) {
				pre = k // "US$", "A$"
			}
		} else if pt = prev(text, c.s); pt.k == tWord && lx.codeStarts[text[pt.s]] && lx.isCode(text[pt.s:pt.e]) {
			pre = pt.s
			money = true
		} else {
			hasPt = true
		}
	}
	if !hasPt {
		pt = prev(text, pre)
	}
	ok, pfl := f.contextBefore(text, pre, pt, c, sc)
	if !ok {
		return end
	}

	// A range; "between" before the number matters only when noRangeAt
	// leaves one possible.
	var h core
	var between, adjacent, found bool
	if !noRangeAt(text, c.e) {
		between = isWord(text, pt, "between")
		h, adjacent, found = f.rangeHigh(text, c, between, sc)
	}
	if found {
		switch {
		case c.yearLike() && h.bare() && (h.digits == 4 || h.digits == 2):
			return h.e // "2014–2022", "1990-91"
		case adjacent && c.bare() && h.bare() && (c.digits == 3 && h.digits == 4 || isPhoneTail(text, h.e)):
			return h.e // "555-1234"
		}
		lv := rangeLow(c, &h)
		switch {
		case h.v > lv:
			lowV, highV, hasHigh = lv, h.v, true
			end = h.e
			money = money || h.money
			dist = dist || h.dist
			if between {
				start = pt.s
			}
		case adjacent:
			return h.e // a score, "3-1"
		}
	}
	if start == c.s {
		start = pre
	}

	// What follows, which rules out more numbers than the qualifier.
	after, skip, unitEnd := f.contextAfter(text, c, end, sc)
	if skip {
		return max(end, unitEnd)
	}

	// Qualifier.
	if start != pre {
		pt = prev(text, start)
		pfl = 0
		if pt.k == tWord {
			pfl = lx.flagsOf(text[pt.s:pt.e])
		}
	}
	qual, qs := "", start
	if q := pfl.quals(); q != 0 {
		qual, qs = qualifierOf(text, start, pt, &lx.quals[q-1])
	}
	if qual != "" {
		start = qs
	}
	switch after {
	case unitDistance:
		dist = true
	case unitMoney:
		money = true
	}
	if c.yearLike() && !hasHigh && !money && !dist {
		// The token before the number and its qualifier, and its flags:
		// pt and pfl still, unless there is a qualifier.
		if qual != "" {
			pt, pfl = prev(text, start), 0
			if pt.k == tWord {
				pfl = lx.flagsOf(text[pt.s:pt.e])
			}
		}
		if !f.countedYear(text, pt, pfl, qual, end, sc) {
			return end
		}
	}
	if c.one && !hasHigh && qual == "" && !money && !dist {
		return end // "one of the units", "one purpose"
	}

	kind := kindCount
	switch {
	case money:
		kind = kindMoney
	case dist:
		kind = kindDistance
	}
	at := end // where the counted noun phrase may start
	if unitEnd > at {
		at = unitEnd
		if r, n := runeAt(text, at); isApostrophe(r) {
			at += n // "dollars’ worth"
		}
	}
	cs, ce := f.nounPhrase(text, at, kind, sc)
	sc.out = append(sc.out, outNumber{
		start: start, end: end, cs: cs, ce: ce,
		value: lowV, high: highV, qual: qual,
		kind: kind, hasHigh: hasHigh,
	})
	if qual != "" {
		sc.quals++
	}
	if hasHigh {
		sc.highs++
	}
	return max(end, unitEnd)
}

// rangeLow is the lower bound of a range: a lower part without magnitude
// takes the upper part's ("4–5,000" is 4,000 to 5,000, "two to three
// million" 2 to 3 million).
func rangeLow(low, high *core) float64 {
	lv := low.v
	switch {
	case low.mult == 1 && high.mult > 1 && !low.money:
		lv *= high.mult
	case !low.word && low.groups == 0 && !low.decimal && low.mult == 1 && high.groups > 0 && high.mult == 1:
		m := pow10(3 * high.groups)
		if lv*m < high.v {
			lv *= m
		}
	}
	return lv
}

// isPhoneTail reports whether a hyphen and digits follow at i ("555-123-4567").
func isPhoneTail(text string, i int) bool {
	r, n := runeAt(text, i)
	return isHyphen(r) && i+n < len(text) && isASCIIDigit(text[i+n])
}

// rangeHigh reads the upper part of a range after c: "–5,000", "-15",
// " to 15", " or three", and " and 5,000" after "between".
func (f *Finder) rangeHigh(text string, c *core, between bool, sc *scratch) (h core, adjacent, ok bool) {
	r, n := runeAt(text, c.e)
	var t tok
	switch {
	case isHyphen(r) || r == '–':
		t = sc.next(text, c.e+n)
		if t.s != c.e+n {
			return h, false, false
		}
		adjacent = true
	default:
		sep, ok := sc.nexts.lookup(c.e) // digitCore read it
		if !ok {
			sep = sc.next(text, c.e)
		}
		switch {
		case sep.k == tPunct && text[sep.s:sep.e] == "–":
		case sep.k == tWord:
			if !isWord(text, sep, "to") && !isWord(text, sep, "or") && !(between && isWord(text, sep, "and")) {
				return h, false, false
			}
		default:
			return h, false, false
		}
		t = sc.next(text, sep.e)
	}
	switch t.k {
	case tNum:
		if c.word {
			return h, adjacent, false
		}
		ok = f.digitCore(text, t, sc, &h)
	case tAlnum:
		if c.word {
			return h, adjacent, false
		}
		ok = f.digitCore(text, t, sc, &h)
	case tWord:
		if !c.word {
			return h, adjacent, false
		}
		ok = f.wordCore(text, t, sc, &h)
		ok = ok && !h.one
	}
	return h, adjacent, ok
}

// noRangeAt reports whether the bytes at e, right after a number, rule
// out the upper part of a range that rangeHigh reads, at a glance: the end
// of the text, ASCII punctuation other than a hyphen, or one space before
// an ASCII byte that is no space and does not start "to", "or" or "and"
// in any case, nor a dash outside ASCII. When false, rangeHigh reads on.
func noRangeAt(text string, e int) bool {
	if e >= len(text) {
		return true
	}
	if c := text[e]; c != ' ' {
		return rangeEnds[c]
	}
	return e+1 == len(text) || !rangeWordStart[text[e+1]]
}

// rangeEnds tells the bytes right after a number, other than a space,
// that rule out a range for noRangeAt: ASCII punctuation other than a
// hyphen, and the apostrophe.
var rangeEnds = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = c != '-' && (byteClass[c] == clPunct || byteClass[c] == clApos)
	}
	return t
}()

// rangeWordStart tells the bytes after a number and one space that may
// start what rangeHigh reads on: a byte outside ASCII (a dash), a space,
// and the first letter of "to", "or" and "and" in any case.
var rangeWordStart = func() (t [256]bool) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf, byteClass[c] == clSpace:
			t[c] = true
		}
		switch c | 0x20 {
		case 't', 'o', 'a':
			t[c] = true
		}
	}
	return t
}()

// contextBefore reports whether what stands before the number (its currency
// sign included, at pre) lets it be a quantity. pt is prev(text, pre).
// When it does, contextBefore returns the flags of pt too, for the
// qualifier: those of its word when it is one, else 0.
func (f *Finder) contextBefore(text string, pre int, pt tok, c *core, sc *scratch) (ok bool, fl wordFlags) {
	lx := f.lx
	// The usual space right before rules out nothing.
	if pre > 0 && text[pre-1] != ' ' && !runeBeforeAllows(text, pre) {
		return false, 0
	}
	switch pt.k {
	case tNum, tAlnum:
		if !c.word {
			return false, 0 // a run of digit groups: phone numbers, codes
		}
	case tPunct:
		// "No. 5", "Vol. 3", "p. 12"
		if text[pt.s:pt.e] == "." {
			pw := prev(text, pt.s)
			if pw.k == tWord && pw.e == pt.s && pw.e-pw.s <= 4 && lx.flagsOf(text[pw.s:pw.e])&flagLabel != 0 {
				return false, 0
			}
			if !c.word && pw.k == tWord && pw.e == pt.s && lx.isMonth(text[pw.s:pw.e]) {
				return false, 0 // "Oct. 19"
			}
		}
	case tWord:
		w := text[pt.s:pt.e]
		fl = lx.flagsOf(w)
		if fl&(flagLabel|flagAge|flagPhone) != 0 {
			return false, 0 // "article 5", "aged 34", "she turned 91", "called 911"
		}
		if fl&flagBe != 0 && wordIs(text, prev(text, pt.s), "he", "she", "who") {
			return false, 0 // an age: "She was 91", "who is 34"
		}
		if !c.word && fl&flagMonth != 0 && capitalized(w) {
			return false, 0 // "February 28", "June 2022"
		}
		if !c.word && c.bare() && fl&(flagStop|flagQualifier|flagYear) == 0 && hasUpper(w) && !sentenceStart(text, pt.s) {
			return false, 0 // a name with a number: "Boeing 747", "Apollo 11", "iPhone 15"
		}
	}
	return true, fl
}

// runeBeforeAllows reports whether the rune right before pre, and the one
// before it, let a number that starts at pre be a quantity, for
// contextBefore: no letter or digit, no mark of a label, a time, a date or
// a footnote ("[5]", "10:30", "9/11"), no hyphen, point or comma after a
// letter or digit ("F-16", "No.5") and no apostrophe after no letter
// ("’22").
func runeBeforeAllows(text string, pre int) bool {
	r, n := runeBefore(text, pre)
	r0, _ := runeBefore(text, pre-n)
	alnum0 := isLetterRune(r0) || r0 < 0x80 && isASCIIDigit(byte(r0))
	switch {
	case isLetterRune(r), r < 0x80 && isASCIIDigit(byte(r)):
		return false
	case isHyphen(r) || r == '–' || r == '—':
		if alnum0 {
			return false // "F-16", "MI‑6", "COVID-19"
		}
	case r == '[', r == '+', r == '#', r == '№', r == '/', r == ':', r == '\\', r == '@', r == '_', r == '=':
		return false // footnotes "[5]", phone, "9/11", "10:30"
	case r == '.' || r == ',':
		if alnum0 {
			return false // "No.5", "1.2.3"
		}
	case isApostrophe(r):
		if !isLetterRune(r0) {
			return false // "’22"
		}
	}
	return true
}

// hasUpper reports whether w has a capital letter anywhere.
func hasUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case 'A' <= c && c <= 'Z':
			return true
		case c >= utf8.RuneSelf:
			return hasUpperRunes(w[i:])
		}
	}
	return false
}

// hasUpperRunes is hasUpper for text that may hold non-ASCII runes.
func hasUpperRunes(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// sentenceStart reports whether the token at i begins a sentence, a line or
// a quotation.
func sentenceStart(text string, i int) bool {
	if strings.IndexByte(text[skipSpaceBack(text, i):i], '\n') >= 0 {
		return true
	}
	pt := prev(text, i)
	if pt.k == tEOF {
		return true
	}
	if pt.k != tPunct {
		return false
	}
	switch text[pt.s:pt.e] {
	case ".", "!", "?", ":", ";", "\"", "“", "”", "(", "—", "–", "‘", "'", "[":
		return true
	}
	return false
}

// lineStart reports whether only spaces stand between the start of the line
// and i.
func lineStart(text string, i int) bool {
	j := skipSpaceBack(text, i)
	return j == 0 || strings.IndexByte(text[j:i], '\n') >= 0 || text[j-1] == '\n'
}

// unitMoney marks a currency word after a number in contextAfter.
const unitMoney unitKind = 10

// contextAfter looks at what follows the number ending at end. It reports
// the unit or currency word found (ending at unitEnd) and whether the number
// is not a quantity.
func (f *Finder) contextAfter(text string, c *core, end int, sc *scratch) (kind unitKind, skip bool, unitEnd int) {
	// The usual space right after rules out nothing of what
	// markAfter looks at.
	if end < len(text) && text[end] != ' ' {
		if skip, unitEnd := f.markAfter(text, c, end, sc); skip {
			return 0, true, unitEnd
		}
	}
	return f.wordAfter(text, c, end, sc)
}

// markAfter is contextAfter at the rune right after the number, which ends
// at end, and the one after it: it reports whether they make it no
// quantity, such as a percent sign, a time or a date ("10:30", "9/11"), a
// compound ("4-year"), a list item ("1. ") or an age after a name ("Anna
// Berg, 34, said"), and where what it rules out ends.
func (f *Finder) markAfter(text string, c *core, end int, sc *scratch) (skip bool, unitEnd int) {
	r, n := runeAt(text, end)
	r1, _ := runeAt(text, end+n)
	digit1 := r1 < 0x80 && isASCIIDigit(byte(r1))
	switch {
	case r == '%' || r == '°' || r == '‰':
		return true, end
	case (r == '/' || r == ':' || r == '.' || r == ',') && digit1:
		return true, end // "9/11", "10:30", "24/7"
	case r == ']':
		if l, _ := runeBefore(text, c.s); l == '[' {
			return true, end
		}
	case isHyphen(r) && isLetterRune(r1):
		// "4-year", "34-year-old", "5-day"
		e, _ := compoundParts(text, end)
		return true, e
	case isHyphen(r) && digit1:
		return true, end // "555-0143": a range would have been read
	case isApostrophe(r) && (r1 == 's' || r1 == 'S') && c.yearLike():
		return true, end // "2022’s"
	}
	if c.bare() && c.digits <= 3 {
		if (r == '.' || r == ')') && (r1 == ' ' || r1 == '\t') && lineStart(text, c.s) {
			return true, end + n // a list item: "1. ", "2) "
		}
		if r == ')' || r == ',' {
			switch pt := prev(text, c.s); {
			case r == ')' && pt.k == tPunct && text[pt.s:pt.e] == "(":
				return true, end + n // "(3)"
			case r == ',' && pt.k == tPunct && text[pt.s:pt.e] == ",":
				if pw := prev(text, pt.s); pw.k == tWord && isUpperStart(text[pw.s:pw.e]) && c.v < 120 {
					return true, end // an age after a name: "Anna Berg, 34, said"
				}
			}
		}
	}
	return false, end
}

// maxWordAfter is the length of the longest word after a number that
// wordAfter looks up; measureAfter and unitAfterWord, which stand for it
// in skipTokens, look up no longer word either.
const maxWordAfter = 12

// wordAfter is contextAfter at the token after the number, which ends at
// end: a currency, a unit, a month ("28 February"), a time ("5 p.m.") or
// digits that make it no quantity.
func (f *Finder) wordAfter(text string, c *core, end int, sc *scratch) (kind unitKind, skip bool, unitEnd int) {
	lx := f.lx
	if c.dist {
		return unitDistance, false, end
	}
	nt, ok := sc.nexts.lookup(end) // digitCore or wordCore read it
	if !ok {
		nt = sc.next(text, end)
	}
	switch nt.k {
	case tNum:
		if !c.word {
			return 0, true, nt.e // a run of digit groups
		}
	case tPunct:
		if text[nt.s:nt.e] == "%" {
			return 0, true, nt.e
		}
	case tWord:
		w := text[nt.s:nt.e]
		if len(w) > maxWordAfter {
			break
		}
		if len(w) == 1 && (w[0]|0x20 == 'a' || w[0]|0x20 == 'p') && strings.HasPrefix(text[nt.e:], ".m") {
			return 0, true, nt.e // "5 p.m."
		}
		fl := lx.flagsOf(w)
		sc.after.s, sc.after.e, sc.after.fl = nt.s+1, nt.e, fl
		if fl&flagCode != 0 && lx.codes[w] {
			return unitMoney, false, nt.e
		}
		if fl&flagCurrency != 0 {
			return unitMoney, false, nt.e
		}
		if !c.word && fl&flagMonth != 0 && capitalized(w) {
			return 0, true, nt.e // "28 February"
		}
		switch fl.unit() {
		case unitDistance:
			if r, _ := runeAt(text, nt.e); r == '/' {
				return 0, true, nt.e // "km/h"
			}
			if t2 := sc.next(text, nt.e); isWord(text, t2, "per") {
				return 0, true, nt.e
			}
			return unitDistance, false, nt.e
		case unitSkip, unitTime:
			return 0, true, nt.e
		}
	}
	return 0, false, end
}

// countedYear reports whether a year-like number (1000–2100 in plain digits)
// is a count after all: "as many as 1500 troops", "deployed 1200 soldiers".
// pt is the token before it and its qualifier qual, if any, and fl its
// flags when it is a word (else 0); end is where the number ends.
func (f *Finder) countedYear(text string, pt tok, fl wordFlags, qual string, end int, sc *scratch) bool {
	lx := f.lx
	if pt.k == tWord {
		if w := text[pt.s:pt.e]; fl&flagYear != 0 || fl&flagMonth != 0 && capitalized(w) {
			return false
		}
	}
	if qual != "" {
		return true
	}
	nt := sc.next(text, end)
	if nt.k != tWord {
		return false
	}
	w := text[nt.s:nt.e]
	if len(w) < 3 || w[len(w)-1] != 's' || isUpperStart(w) {
		return false
	}
	nfl := lx.flagsOf(w)
	return nfl&flagStop == 0 && nfl.unit() == unitNone
}

// maxQualWords is the most words a qualifier phrase may have.
const maxQualWords = 4

// qualifierOf finds the qualifier phrase that ends right before start,
// with the word pt, prev(text, start), whose tree of phrases is n (see
// wordFlags.quals). It reads the words before pt as far as the tree goes,
// and returns the longest phrase that matches, in lower case, and where
// it starts; "" and start when none does.
func qualifierOf(text string, start int, pt tok, n *qualNode) (string, int) {
	qual, qs := "", start
	if n.text != "" {
		qual, qs = n.text, pt.s
	}
	for t := pt; len(n.kids) > 0; {
		if t = prev(text, t.s); t.k != tWord || t.e-t.s > maxQualWord {
			break
		}
		w := text[t.s:t.e]
		k := 0
		for k < len(n.kids) && !equalLower(n.kids[k].word, w) {
			k++
		}
		if k == len(n.kids) {
			break
		}
		if n = &n.kids[k]; n.text != "" {
			qual, qs = n.text, t.s
		}
	}
	return qual, qs
}

// maxQualWord is the length of the longest word qualifierOf reads.
const maxQualWord = 14

// nounPhrase returns the span of the short noun phrase after p that a
// number of kind k counts, or 0, 0 when there is none: "volunteer
// rescue workers", "field hospital staff". It stops at a verb, a preposition,
// a function word or punctuation.
func (f *Finder) nounPhrase(text string, p int, k kind, sc *scratch) (int, int) {
	lx := f.lx
	t, ok := sc.nexts.lookup(p) // wordAfter read it
	if !ok {
		t = sc.next(text, p)
	}
	switch k {
	case kindMoney:
		if isWord(text, t, "worth") {
			t = sc.next(text, t.e)
		}
		if wordIs(text, t, "of", "in") {
			t = sc.next(text, t.e)
		}
	case kindCount:
		if isWord(text, t, "of") {
			t2 := sc.next(text, t.e)
			switch {
			case wordIs(text, t2, "the", "their", "his", "her", "its", "our", "my", "your", "these", "those"):
				t = sc.next(text, t2.e)
			case wordIs(text, t2, "them", "us", "you", "which", "whom", "whose", "it", "this", "that"):
				return 0, 0
			default:
				t = t2
			}
		}
	}
	npS, npE := -1, -1
	prevPlural := false
	for nw := 0; nw < 5; nw++ {
		if t.k != tWord && t.k != tAlnum {
			break
		}
		if t.k == tAlnum && isASCIIDigit(text[t.s]) {
			break
		}
		w := text[t.s:t.e]
		if len(w) > 30 {
			break
		}
		var fl wordFlags
		if a := &sc.after; a.s == t.s+1 && a.e == t.e {
			fl = a.fl
		} else {
			fl = lx.flagsOf(w)
		}
		if fl&flagStop != 0 && !isAcronym(w) || equalLower("of", w) {
			break
		}
		if t.k == tWord && fl&flagNumber != 0 {
			break
		}
		e := t.e
		for e < len(text) && text[e] != ' ' { // the usual space: no hyphen
			r, n := runeAt(text, e)
			if !isHyphen(r) {
				break
			}
			if r1, _ := runeAt(text, e+n); !isLetterRune(r1) {
				break
			}
			e = sc.next(text, e+n).e
		}
		if mayBeVerbForm(w) && f.verbLike(text, w, e, nw > 0, prevPlural, sc) {
			break
		}
		if npS < 0 {
			npS = t.s
		}
		npE = e
		prevPlural = len(w) > 2 && lowerASCII(w[len(w)-1]) == 's' && lowerASCII(w[len(w)-2]) != 's' || fl&flagGroup != 0
		t = sc.next(text, e)
	}
	if npS < 0 {
		return 0, 0
	}
	return npS, npE
}

// verbLike reports whether the word w (ending at e) ends a noun phrase as
// a participle. A participle starts a noun phrase only before a noun ("armed
// men", "training camps"). After a noun, "-ed" is a verb, and so is "-ing"
// after a plural or collective noun ("engineers working", "personnel
// working", but "emergency funding").
func (f *Finder) verbLike(text, w string, e int, inside, prevPlural bool, sc *scratch) bool {
	ing, ed := hasSuffixLower(w, "ing"), hasSuffixLower(w, "ed")
	if len(w) <= 4 || !ing && !ed {
		return false
	}
	if inside {
		return ed || prevPlural
	}
	nt := sc.next(text, e)
	if nt.k != tWord {
		return true
	}
	// The next word, by its ASCII lower case, cut to 40 bytes: a longer
	// word is no key of the lists, and the tests of its ending go by its
	// first 40 bytes, as they did when it was lowered into a buffer of
	// that size.
	nw := text[nt.s:nt.e]
	if len(nw) > 40 {
		nw = nw[:40]
	}
	return f.lx.flagsOf(nw)&flagStop != 0 || equalLower("of", nw) || hasSuffixLower(nw, "ing") || hasSuffixLower(nw, "ed")
}

// mayBeVerbForm reports whether w is longer than four bytes and ends in
// a g or d in any case, as every word that verbLike takes for a verb
// does; it is small enough to be inlined, so that nounPhrase calls
// verbLike only then.
func mayBeVerbForm(w string) bool {
	if len(w) <= 4 {
		return false
	}
	c := w[len(w)-1] | 0x20
	return c == 'g' || c == 'd'
}

// hasSuffixLower reports whether the ASCII lower case of w ends with suf.
func hasSuffixLower(w, suf string) bool {
	return len(w) >= len(suf) && equalLower(suf, w[len(w)-len(suf):])
}

// isWord reports whether t is a word whose ASCII lower case is w: wordIs
// for one word, without the slice of words.
func isWord(text string, t tok, w string) bool {
	return t.k == tWord && equalLower(w, text[t.s:t.e])
}

// wordIs reports whether t is a word whose ASCII lower case is one of words.
func wordIs(text string, t tok, words ...string) bool {
	return t.k == tWord && lowerIn(text[t.s:t.e], words...)
}

// lowerIn reports whether the ASCII lower case of w is one of words.
func lowerIn(w string, words ...string) bool {
	for _, k := range words {
		if equalLower(k, w) {
			return true
		}
	}
	return false
}

// isAcronym reports whether w is two or more capital letters ("US", "IT"),
// which is a name even when its lower case is a function word.
func isAcronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// resolveCounts fills in the counted noun of numbers found in text that
// have none: the first of a coordination takes the last one's ("14 and 15
// rescue workers"), and a bare number right after a counted one in the
// same sentence takes its noun ("of the 40 rescue workers …, 12 were
// volunteers").
func resolveCounts(text string, ns []outNumber) {
	for i := len(ns) - 2; i >= 0; i-- {
		a, b := &ns[i], &ns[i+1]
		if a.cs != a.ce || b.cs == b.ce || a.kind != b.kind {
			continue
		}
		switch strings.TrimSpace(text[a.end:b.start]) {
		case "and", "or", ",", ", and", ", or", "to", "and up to", "or even":
			a.cs, a.ce = b.cs, b.ce
		}
	}
	for i := 1; i < len(ns); i++ {
		a, b := &ns[i-1], &ns[i]
		if b.cs != b.ce || a.cs == a.ce || a.kind != kindCount || b.kind != kindCount {
			continue
		}
		if !sentenceBreak(text[a.end:b.start]) {
			b.cs, b.ce = a.cs, a.ce
		}
	}
}

// sentenceBreak reports whether s holds the end of a sentence or a line.
// It passes the bytes that are neither by a table, which costs less than
// comparing each byte with the five (measured on the corpus).
func sentenceBreak(s string) bool {
	for i := 0; i < len(s); i++ {
		if !breakBytes[s[i]] {
			continue
		}
		if s[i] == '\n' || i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '"' || s[i+1] == '\n' || s[i+1] >= 0x80 {
			return true
		}
	}
	return false
}

// breakBytes marks the bytes at which sentenceBreak looks closer: a line
// break, and the marks that end a sentence before a space, a quotation
// mark, a line break, a byte outside ASCII or the end of s.
var breakBytes = [256]bool{'\n': true, '.': true, '!': true, '?': true, ';': true}
