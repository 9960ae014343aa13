package clean

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/internal/swar"
)

// phraseSet is one section of a furniture list.
type phraseSet struct {
	exact map[string]bool // key(line) equal to a phrase
	// exactLen[n] tells whether exact holds a key of n bytes, so that
	// most lines are told apart from every phrase without hashing.
	exactLen []bool
	prefix   []string // key(line) starting with one of these, then a word boundary
	res      []pattern
	// prefixByFirst[b] holds the entries of prefix that start with byte
	// b, and resByFirst[b] the indexes in res of the patterns that may
	// match a lower-cased line starting with b (see pattern.first), both
	// in list order; built by index.
	prefixByFirst [256][]string
	resByFirst    [256][]int
}

// index builds s.prefixByFirst and s.resByFirst from s.prefix and s.res.
func (s *phraseSet) index() {
	for _, p := range s.prefix {
		s.prefixByFirst[p[0]] = append(s.prefixByFirst[p[0]], p)
	}
	for i := range s.res {
		for b := range s.resByFirst {
			if first := s.res[i].first; first == nil || first[b] {
				s.resByFirst[b] = append(s.resByFirst[b], i)
			}
		}
	}
}

// pattern is a furniture regexp with cheap tests that reject most lines
// before the regexp runs.
type pattern struct {
	re *regexp.Regexp
	// first, when not nil, holds every byte a match can start with; the
	// pattern is anchored at the start of the line.
	first *[256]bool
	// need is a literal every match contains (empty when none is known).
	need []byte
	// heads, when not nil, holds literals one of which every match
	// starts with; the pattern is anchored at the start of the line.
	heads [][]byte
	// tails, when not nil, holds literals one of which every match ends
	// with; the pattern is anchored at the end of the line.
	tails [][]byte
	// lit, when not nil, decides the pattern without running re (see
	// newLiteralPattern).
	lit *literalPattern
}

// match reports whether p.re matches low.
func (p *pattern) match(low []byte) bool {
	if p.lit != nil {
		return p.lit.match(low)
	}
	return p.re.Match(low)
}

// mayMatch reports whether p can match low; when false, p.re cannot.
func (p *pattern) mayMatch(low []byte) bool {
	if p.first != nil && (len(low) == 0 || !p.first[low[0]]) {
		return false
	}
	if p.heads != nil && !hasAnyPrefix(low, p.heads) {
		return false
	}
	if p.tails != nil && !hasAnySuffix(low, p.tails) {
		return false
	}
	return len(p.need) == 0 || bytes.Contains(low, p.need)
}

// hasAnySuffix reports whether b ends with one of tails.
func hasAnySuffix(b []byte, tails [][]byte) bool {
	for _, t := range tails {
		if bytes.HasSuffix(b, t) {
			return true
		}
	}
	return false
}

// hasAnyPrefix reports whether b starts with one of heads.
func hasAnyPrefix(b []byte, heads [][]byte) bool {
	for _, h := range heads {
		if bytes.HasPrefix(b, h) {
			return true
		}
	}
	return false
}

// Parse returns a Cleaner for a furniture list in the format of the embedded
// furniture.txt: "[heading]" and "[line]" section markers, one phrase,
// "phrase*" or "/regexp/" per line, '#' comments.
func Parse(list string) (*Cleaner, error) {
	c := &Cleaner{}
	var set *phraseSet
	sc := bufio.NewScanner(strings.NewReader(list))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case line == "[heading]":
			set = &c.headings
			continue
		case line == "[line]":
			set = &c.lines
			continue
		case set == nil:
			return nil, fmt.Errorf("furniture list line %d: %q before any [heading] or [line] section", n, line)
		}
		if err := set.add(line); err != nil {
			return nil, fmt.Errorf("furniture list line %d: %w", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("furniture list: %w", err)
	}
	c.headings.index()
	c.lines.index()
	c.pre = newPrefilter(&c.headings, &c.lines)
	return c, nil
}

// prefilter rejects, by their first bytes and their end, most lines that
// no entry of a furniture list can match, before any of them is
// lower-cased. When a line starts with an ASCII letter or digit, its key
// and its lower-cased form start with its first ASCII bytes lower-cased
// (up to two spaces in a row): an exact phrase, a prefix or a literal head
// of an anchored regexp can match it only when it starts so as well.
// Regexps that are not anchored at the start can match a line only when it
// ends with one of their literal tails.
type prefilter struct {
	// any tells that some regexp has no literal at either end that a line
	// can be tested for: every line may match.
	any bool
	// short has bit n set when some literal has n < stemBytes bytes.
	short uint8
	// heads is a Bloom filter, indexed by headHash, of the literals'
	// first headBytes bytes, or all of them when shorter, and of the
	// first stemBytes bytes of those that are not shorter (as length 0).
	heads [headBits / 64]uint64
	// tails holds the ends of the literal tails of the regexps that are
	// not anchored at the start, from the last space on: every line those
	// regexps match ends with one of them.
	tails [][]byte
	// tailEnds marks the last bytes of tails.
	tailEnds [256]bool
	// lowFirst marks the bytes that the lower-cased form of a line that
	// an anchored regexp without literal heads matches may start with;
	// otherHeads holds the literal heads of anchored regexps that do not
	// start with an ASCII letter or digit.
	lowFirst   [256]bool
	otherHeads [][]byte
}

// Sizes of prefilter.heads: the longest start it tests, the start that
// the longer literals are first looked up by, and its bits.
const (
	headBytes = 8
	stemBytes = 4
	headBits  = 1 << 14
)

// newPrefilter returns the prefilter of the entries of sets, as
// matchPrepared applies them with long set.
func newPrefilter(sets ...*phraseSet) prefilter {
	var f prefilter
	for _, s := range sets {
		for k := range s.exact {
			f.addHead(k)
		}
		for i := range s.res {
			f.addPattern(&s.res[i])
		}
	}
	return f
}

// addHead adds lit, a literal that the key or the lower-cased form of
// matching lines starts with.
func (f *prefilter) addHead(lit string) {
	if lit == "" || !isASCIIAlnum(lit[0]) {
		return // no line that mayMatch reads starts so
	}
	n := min(len(lit), headBytes)
	var b [headBytes]byte
	copy(b[:], lit[:n])
	x := binary.LittleEndian.Uint64(b[:])
	f.mark(n, x)
	if n < stemBytes {
		f.short |= 1 << n
	} else {
		f.mark(0, x&lowBytes(stemBytes))
	}
}

// mark adds x, the first n bytes of a literal, to f.heads.
func (f *prefilter) mark(n int, x uint64) {
	h := headHash(n, x)
	f.heads[h/64] |= 1 << (h % 64)
}

// has reports whether f.heads may hold x, the first n bytes of a literal.
func (f *prefilter) has(n int, x uint64) bool {
	h := headHash(n, x)
	return f.heads[h/64]&(1<<(h%64)) != 0
}

// headHash returns the index in prefilter.heads of x, the first n bytes of
// a literal or a line, with zeros after them.
func headHash(n int, x uint64) uint {
	return uint(((x ^ uint64(n)) * 0x9E3779B97F4A7C15) >> (64 - 14))
}

// addPattern adds the literals that the lines p matches start or end
// with.
func (f *prefilter) addPattern(p *pattern) {
	switch {
	case p.heads != nil:
		for _, h := range p.heads {
			f.addHead(string(h))
			if !isASCIIAlnum(h[0]) { // heads are not empty
				f.otherHeads = append(f.otherHeads, h)
			}
		}
	case p.first != nil:
		for b, ok := range p.first {
			if ok {
				f.addHead(string([]byte{byte(b)}))
				f.lowFirst[b] = true
			}
		}
	case p.tails != nil:
		for _, t := range p.tails {
			end := t[bytes.LastIndexByte(t, ' ')+1:]
			if len(end) == 0 {
				f.any = true
			} else {
				f.tailEnds[end[len(end)-1]] = true
			}
			f.tails = append(f.tails, end)
		}
	default:
		f.any = true
	}
}

// mayMatch reports whether l, a line without trailing white space, may be
// furniture of the sets f was built from; when false, matcher.prepare or
// matchPrepared reports false for every set and either value of long.
func (f *prefilter) mayMatch(l string) bool {
	// Most lines are paragraphs of prose, which matcher.prepare rejects
	// at once.
	if tooLong(l) {
		return false
	}
	if f.any {
		return true
	}
	var x uint64
	var v int
	head := l // what the key starts with
	if len(l) >= headBytes && isASCIIAlnum(l[0]) {
		x, v = lowerHead8(swar.Load8(l, 0)) // lowerHead, inlined
	} else if x, v = lowerHead(l); v == 0 {
		// A line that starts with a quotation mark, a bracket or a
		// bullet: its key starts after them.
		var ok bool
		if head, ok = f.keyStart(l); !ok {
			return true
		}
		if head == "" {
			return false // no key: prepare rejects l
		}
		x, v = lowerHead(head)
	}
	if f.mayStart(head, x, v) {
		return true
	}
	// A line that ends with an ASCII character other than white space
	// ends with no tail, unless one ends with that character lower-cased
	// (see mayEndWith).
	if n := len(l); n > 0 && asciiWord[l[n-1]] && !f.tailEnds[asciiLower[l[n-1]]] {
		return false
	}
	for _, t := range f.tails {
		if mayEndWith(l, t) {
			return true
		}
	}
	return false
}

// keyStart returns, for a line l that does not start with an ASCII letter
// or digit, l from where its key starts (see appendKeyOfLow): after the
// characters that are neither letters nor digits, at an ASCII letter or
// digit, or "" when there is none. It reports false when it cannot tell:
// when l starts with white space, with a character that the lower-cased
// form of a line that an anchored regexp matches may start with, or with
// characters up to a letter or digit that is not ASCII.
func (f *prefilter) keyStart(l string) (string, bool) {
	if l == "" {
		return "", true
	}
	// The first character, lower-cased, starts the lower-cased form.
	if c := l[0]; c < utf8.RuneSelf {
		if asciiSpace[c] || f.lowFirst[c] {
			return l, false
		}
		for _, h := range f.otherHeads {
			if mayStartWith(l, h) {
				return l, false
			}
		}
	} else {
		r, _ := utf8.DecodeRuneInString(l)
		var b [utf8.UTFMax]byte
		utf8.EncodeRune(b[:], unicode.ToLower(r))
		if r == utf8.RuneError || unicode.IsSpace(r) || f.lowFirst[b[0]] {
			return l, false
		}
		for _, h := range f.otherHeads {
			if h[0] == b[0] {
				return l, false
			}
		}
	}
	for i := 0; i < len(l); {
		if c := l[i]; c < utf8.RuneSelf {
			if isASCIIAlnum(c) {
				return l[i:], true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(l[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return l, false
		}
		i += n
	}
	return "", true
}

// mayStart reports whether a literal may start l, whose first v bytes
// lower-cased are those of x (see lowerHead).
func (f *prefilter) mayStart(l string, x uint64, v int) bool {
	for short := f.short; short != 0; short &= short - 1 {
		if n := bits.TrailingZeros8(short); n <= v && f.has(n, x&lowBytes(n)) {
			return true
		}
	}
	// A literal longer than what is known of l may start it, unless l
	// is shorter.
	switch {
	case v < stemBytes:
		return v < len(l)
	case !f.has(0, x&lowBytes(stemBytes)):
		return false
	}
	for n := stemBytes; n <= headBytes; n++ {
		if n > v {
			return v < len(l)
		}
		if f.has(n, x&lowBytes(n)) {
			return true
		}
	}
	return false
}

// lowerHead returns, when l starts with an ASCII letter or digit, the
// length v of its longest start of at most headBytes bytes that its key and
// its lower-cased form start with lower-cased, and that start lower-cased
// as the bytes of x; v is 0 when l starts otherwise. The start holds
// printable ASCII characters and no two spaces in a row.
func lowerHead(l string) (x uint64, v int) {
	if l == "" || !isASCIIAlnum(l[0]) {
		return 0, 0
	}
	if len(l) < headBytes {
		var b [headBytes]byte
		copy(b[:], l)
		x, v = lowerHead8(binary.LittleEndian.Uint64(b[:]))
		return x, min(v, len(l))
	}
	return lowerHead8(swar.Load8(l, 0))
}

// lowerHead8 is lowerHead of the eight bytes of w.
func lowerHead8(w uint64) (x uint64, v int) {
	sp := spaces8(w)
	v = bits.TrailingZeros64(special(w)|sp&(sp<<8)) / 8
	return swar.Lower8(w) & lowBytes(v), v
}

// lowBytes returns a mask of the n low bytes of a word, 0 <= n <= 8.
func lowBytes(n int) uint64 {
	return 1<<(8*n) - 1
}

// mayStartWith reports whether the lower-cased form of l, a line that
// starts with an ASCII character other than white space, may start with
// h: it does not when one of the first ASCII characters of l, up to white
// space or a character outside ASCII, differs from h lower-cased, or when l
// is all such characters and shorter than h.
func mayStartWith(l string, h []byte) bool {
	for i, b := range h {
		if i == len(l) {
			return false
		}
		c := l[i]
		if c >= utf8.RuneSelf || asciiSpace[c] {
			return true
		}
		if asciiLower[c] != b {
			return false
		}
	}
	return true
}

// mayEndWith reports whether the lower-cased form of l, a line without
// trailing white space, may end with t, a literal without spaces. The
// lower-cased form ends with the last ASCII characters of l other than
// white space, lower-cased: it does not end with t when, read from the
// end, one of those differs from t.
//
// A line that ends with a character outside ASCII, such as a closing
// quotation mark, has a lower-cased form that ends with one too, unless
// it lower-cases to ASCII (the Kelvin sign, İ): not with t.
func mayEndWith(l string, t []byte) bool {
	if n := len(l); n > 0 && l[n-1] >= utf8.RuneSelf && len(t) > 0 {
		r, _ := utf8.DecodeLastRuneInString(l)
		return r == utf8.RuneError || unicode.IsSpace(r) || unicode.ToLower(r) < utf8.RuneSelf
	}
	for i := 1; i <= len(t); i++ {
		if i > len(l) || !asciiWord[l[len(l)-i]] {
			return true
		}
		if asciiLower[l[len(l)-i]] != t[len(t)-i] {
			return false
		}
	}
	return true
}

func (s *phraseSet) add(entry string) error {
	if len(entry) >= 2 && strings.HasPrefix(entry, "/") && strings.HasSuffix(entry, "/") {
		re, err := regexp.Compile(entry[1 : len(entry)-1])
		if err != nil {
			return fmt.Errorf("bad regexp %s: %w", entry, err)
		}
		s.res = append(s.res, newPattern(re))
		return nil
	}
	prefix := strings.HasSuffix(entry, "*")
	k := key(strings.TrimSuffix(entry, "*"))
	if k == "" {
		return fmt.Errorf("phrase %q has no letters", entry)
	}
	if s.exact == nil {
		s.exact = make(map[string]bool)
	}
	s.exact[k] = true
	if len(k) >= len(s.exactLen) {
		s.exactLen = slices.Grow(s.exactLen, len(k)+1-len(s.exactLen))[:len(k)+1]
	}
	s.exactLen[len(k)] = true
	if prefix {
		s.prefix = append(s.prefix, k)
	}
	return nil
}

// matcher holds the forms of one line that phrase sets compare: its key
// and, built on demand, its lower-cased form for regexps. Its buffers are
// reused from line to line, so matching does not allocate.
type matcher struct {
	line   string
	key    []byte // key(line)
	low    []byte // lower-cased line, spaces folded; valid when hasLow
	hasLow bool
	link   int8 // linkLike(line): 0 unknown, 1 false, 2 true
}

// prepare readies m for line l. It reports false when l cannot be
// furniture of any set: it is too long or its key is empty.
func (m *matcher) prepare(l string) bool {
	m.line, m.hasLow, m.link = l, false, 0
	if tooLong(l) {
		return false
	}
	// One pass gives the lower-cased line and its counts; the key is cut
	// from the lower-cased line.
	var runes, fields int
	m.low, runes, fields = appendLowCounts(m.low[:0], l)
	m.hasLow = true
	if runes > maxFurnitureRunes || fields > maxFurnitureWords {
		return false
	}
	m.key = appendKeyOfLow(m.key[:0], m.low)
	return len(m.key) > 0
}

// tooLong reports whether l is too long to be furniture: furniture is
// short, and a line of many words is prose.
func tooLong(l string) bool {
	return len(l) >= maxPatternWords && (len(l) > 4*maxFurnitureRunes || strings.Count(l, " ") >= maxPatternWords)
}

// linkLike reports linkLike(m.line), computed once per line.
func (m *matcher) linkLike() bool {
	if m.link == 0 {
		m.link = 1
		if linkLike(m.line) {
			m.link = 2
		}
	}
	return m.link == 2
}

// lower returns m.line lower-cased with its spaces folded, as the regexps
// of a furniture list see it.
func (m *matcher) lower() []byte {
	if !m.hasLow {
		m.low = appendFolded(m.low[:0], m.line, false)
		m.hasLow = true
	}
	return m.low
}

// matchPrepared reports whether the line m was prepared with is furniture
// of this set. With long set, prefix entries may match longer link-like
// lines and regexps apply; otherwise only exact phrases match.
func (s *phraseSet) matchPrepared(m *matcher, long bool) bool {
	k := m.key
	if s.hasExact(k) {
		return true
	}
	if !long {
		return false
	}
	// k is not empty (see matcher.prepare).
	for _, p := range s.prefixByFirst[k[0]] {
		if len(k) >= len(p) && string(k[:len(p)]) == p {
			r, _ := utf8.DecodeRune(k[len(p):])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && m.linkLike() {
				return true
			}
		}
	}
	if len(s.res) == 0 {
		return false
	}
	low := m.lower()
	if len(low) == 0 {
		// Not after prepare, which needs a key; checked in full all the same.
		for i := range s.res {
			if p := &s.res[i]; p.mayMatch(low) && p.match(low) {
				return true
			}
		}
		return false
	}
	for _, i := range s.resByFirst[low[0]] {
		if p := &s.res[i]; p.mayMatch(low) && p.match(low) {
			return true
		}
	}
	return false
}

// hasExact reports whether k is one of the exact phrases, s.exact[string(k)],
// hashing k only when a phrase is as long.
func (s *phraseSet) hasExact(k []byte) bool {
	return len(k) < len(s.exactLen) && s.exactLen[len(k)] && s.exact[string(k)]
}

// key is the form in which a line is compared with phrases: lower-case,
// typographic apostrophes made plain, spaces folded, leading bullets and
// trailing punctuation, symbols and counts removed ("» Comments (3):" gives
// "comments").
func key(l string) string {
	return string(appendKey(nil, l))
}

// appendKey appends key(l) to dst.
func appendKey(dst []byte, l string) []byte {
	start := len(dst)
	dst = appendFolded(dst, l, true)
	// Trailing punctuation, symbols, digits and spaces.
	for len(dst) > start {
		r, n := utf8.DecodeLastRune(dst[start:])
		if unicode.IsLetter(r) {
			break
		}
		dst = dst[:len(dst)-n]
	}
	return dst
}

// appendFolded appends l to dst lower-cased, with runs of white space made
// one space and none at either end: strings.Join(strings.Fields(
// strings.ToLower(l)), " "). With forKey, typographic apostrophes become
// plain and leading runes that are neither letters nor digits are dropped,
// as key requires.
func appendFolded(dst []byte, l string, forKey bool) []byte {
	start := len(dst)
	space := false
	for _, r := range l {
		if r < utf8.RuneSelf {
			c := byte(r)
			if asciiSpace[c] {
				space = true
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if forKey && len(dst) == start && !isASCIIAlnum(c) {
				continue
			}
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, c)
			continue
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if forKey && r == '’' {
			r = '\''
		}
		r = unicode.ToLower(r)
		if forKey && len(dst) == start && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// appendLowCounts returns appendFolded(dst, l, false),
// utf8.RuneCountInString(l) and len(strings.Fields(l)), in one pass over l.
func appendLowCounts(dst []byte, l string) (low []byte, runes, fields int) {
	start := len(dst)
	dst = slices.Grow(dst, len(l))
	space := false
	for i := 0; i < len(l); {
		// Inside a field, eight plain ASCII bytes at a time (see
		// plainRun8), the most of a line.
		if i+8 <= len(l) && !space && len(dst) > start {
			if x := swar.Load8(l, i); plainRun8(x) {
				n := len(dst)
				dst = slices.Grow(dst, 8)[:n+8]
				binary.LittleEndian.PutUint64(dst[n:], swar.Lower8(x))
				fields += bits.OnesCount64(spaces8(x))
				runes += 8
				i += 8
				continue
			}
		}
		c := l[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				space = true
				runes++
				i++
				continue
			}
			// A run of ASCII characters other than spaces: one field,
			// or the rest of one, copied lower-cased as it is read.
			if space || len(dst) == start {
				fields++
			}
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			j := i
			for ; j < len(l) && asciiWord[l[j]]; j++ {
				dst = append(dst, asciiLower[l[j]])
			}
			runes += j - i
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(l[i:])
		i += n
		runes++
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space || len(dst) == start {
			fields++
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst, runes, fields
}

// plainRun8 reports whether appendLowCounts, inside a field, can copy the
// eight bytes of x as swar.Lower8(x), each space starting a field: they are
// ASCII characters from ' ' on, and no space follows another or ends them.
func plainRun8(x uint64) bool {
	// With no top bit set in x, adding 0x80-' ' sets it in every byte of
	// ' ' or more, and carries into no other byte.
	if x&swar.Highs != 0 || (x+(0x80-' ')*swar.Ones)&swar.Highs != swar.Highs {
		return false
	}
	sp := spaces8(x)
	return sp&(sp>>8) == 0 && sp>>63 == 0
}

// spaces8 returns the bytes of x, eight ASCII bytes, that are spaces, each
// as its top bit.
func spaces8(x uint64) uint64 {
	// x^' '*ones has a zero byte where x has a space; adding 0x7F sets
	// the top bit of every other byte, without carrying into the next.
	return ^((x ^ ' '*swar.Ones) + 0x7F*swar.Ones) & swar.Highs
}

// asciiWord marks the ASCII bytes other than white space; asciiLower maps
// each byte to its ASCII lower case.
var asciiWord, asciiLower = func() (word [256]bool, lower [256]byte) {
	for c := range 256 {
		b := byte(c)
		word[c] = b < utf8.RuneSelf && !asciiSpace[b]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		lower[c] = b
	}
	return word, lower
}()

// appendKeyOfLow appends to dst the key of a line whose lower-cased form
// (appendFolded(nil, l, false)) is low, as appendKey(dst, l) would: low
// without its leading runes that are neither letters nor digits, with
// typographic apostrophes made plain, and without the trailing runes that
// are not letters. appendFolded lower-cases each rune on its own, so the
// runes of low are those appendKey looks at.
func appendKeyOfLow(dst []byte, low []byte) []byte {
	i := 0
	for i < len(low) {
		if c := low[i]; c < utf8.RuneSelf {
			if isASCIIAlnum(c) {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(low[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		i += n
	}
	start := len(dst)
	for rest := low[i:]; len(rest) > 0; {
		j := bytes.Index(rest, []byte("’"))
		if j < 0 {
			dst = append(dst, rest...)
			break
		}
		dst = append(dst, rest[:j]...)
		dst = append(dst, '\'')
		rest = rest[j+len("’"):]
	}
	// Trailing punctuation, symbols, digits and spaces.
	for len(dst) > start {
		c := dst[len(dst)-1]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				break
			}
			dst = dst[:len(dst)-1]
			continue
		}
		r, n := utf8.DecodeLastRune(dst[start:])
		if unicode.IsLetter(r) {
			break
		}
		dst = dst[:len(dst)-n]
	}
	return dst
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// countFieldsMax returns min(len(strings.Fields(s)), limit), reading s only up to
// the start of field limit+1.
func countFieldsMax(s string, limit int) int {
	n := 0
	// after has the top bit of its low byte set when the byte before s[i]
	// is white space or i is 0: then a field starts at s[i] unless it is
	// white space too.
	after := uint64(0x80)
	for i := 0; ; {
		// Eight printable ASCII bytes at a time (' ' to DEL; the other
		// white space, control characters, is rare in text): a field
		// starts at each byte other than a space after one that is. The
		// starts are counted by adding up their bits, one per byte, with a
		// multiplication into the top byte: unlike bits.OnesCount64
		// without POPCNT, it calls nothing, so the loop keeps its values
		// in registers.
		for ; i+8 <= len(s); i += 8 {
			x := swar.Load8(s, i)
			// For bytes below 0x80, adding 0x80-c sets the top bit of those
			// of c or more and carries into no other byte.
			if (x|^(x+(0x80-' ')*swar.Ones))&swar.Highs != 0 {
				break
			}
			space := ^(x + (0x80-' '-1)*swar.Ones) & swar.Highs
			starts := ^space & (space<<8 | after) & swar.Highs
			n += int((starts >> 7) * swar.Ones >> 56)
			after = space >> 56
			if n >= limit {
				return limit
			}
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			after = 0x80
			continue
		}
		if after != 0 {
			if n >= limit {
				return limit
			}
			n++
		}
		after = 0
	}
	return min(n, limit)
}

// newPattern derives the prefilters of re from its syntax. A test that
// cannot be derived is left out, so the prefilters never reject a line the
// regexp would match.
func newPattern(re *regexp.Regexp) pattern {
	p := pattern{re: re, lit: newLiteralPattern(re.String())}
	sre, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return p
	}
	sre = sre.Simplify()
	if prog, err := syntax.Compile(sre); err == nil && prog.StartCond()&syntax.EmptyBeginText != 0 {
		var set [256]bool
		if nullable, ok := firstBytes(sre, &set); ok && !nullable {
			p.first = &set
		}
		if heads, _ := literalHeads(sre, maxHeads); len(heads) > 0 && !slices.Contains(heads, "") {
			slices.Sort(heads)
			for _, h := range slices.Compact(heads) {
				p.heads = append(p.heads, []byte(h))
			}
		}
	}
	if endsText(sre) {
		if tails, _ := literalTails(sre, maxHeads); len(tails) > 0 && !slices.Contains(tails, "") {
			slices.Sort(tails)
			for _, t := range slices.Compact(tails) {
				p.tails = append(p.tails, []byte(t))
			}
		}
	}
	if lit := requiredLiteral(sre); lit != "" {
		p.need = []byte(lit)
	}
	return p
}

// firstBytes adds to set every byte that a match of re can start with and
// reports whether re can match the empty string. ok is false when re holds
// something this analysis does not know.
func firstBytes(re *syntax.Regexp, set *[256]bool) (nullable, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 || re.Flags&syntax.FoldCase != 0 {
			return false, false
		}
		var b [utf8.UTFMax]byte
		utf8.EncodeRune(b[:], re.Rune[0])
		set[b[0]] = true
		return false, true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
				set[r] = true
			}
			if hi >= utf8.RuneSelf {
				for b := utf8.RuneSelf; b < 256; b++ {
					set[b] = true // any lead byte: coarse but safe
				}
			}
		}
		return false, true
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		for b := range set {
			set[b] = true
		}
		return false, true
	case syntax.OpCapture:
		return firstBytes(re.Sub[0], set)
	case syntax.OpStar, syntax.OpQuest:
		_, ok := firstBytes(re.Sub[0], set)
		return true, ok
	case syntax.OpPlus:
		return firstBytes(re.Sub[0], set)
	case syntax.OpRepeat:
		nullable, ok := firstBytes(re.Sub[0], set)
		return nullable || re.Min == 0, ok
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			nullable, ok := firstBytes(sub, set)
			if !ok {
				return false, false
			}
			if !nullable {
				return false, true
			}
		}
		return true, true
	case syntax.OpAlternate:
		any := false
		for _, sub := range re.Sub {
			nullable, ok := firstBytes(sub, set)
			if !ok {
				return false, false
			}
			any = any || nullable
		}
		return any, true
	}
	return false, false
}

// maxHeads bounds the literals literalHeads expands a regexp into.
const maxHeads = 16

// literalHeads returns literals one of which every match of re starts with,
// at most limit of them, expanding literals, alternations and optional
// parts from the start of re; complete reports that the literals are whole
// matches, so that what follows re in a sequence may extend them. A
// literal may be "", when nothing is known.
func literalHeads(re *syntax.Regexp, limit int) (heads []string, complete bool) {
	return literalEnds(re, limit, false)
}

// literalTails is literalHeads from the end: it returns literals one of
// which every match of re ends with, at most limit of them, and whether
// they are whole matches, so that what precedes re in a sequence may
// extend them.
func literalTails(re *syntax.Regexp, limit int) (tails []string, complete bool) {
	return literalEnds(re, limit, true)
}

// literalEnds is literalHeads, or literalTails when atEnd is set.
func literalEnds(re *syntax.Regexp, limit int, atEnd bool) (lits []string, complete bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return []string{""}, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []string{""}, true // consume nothing
	case syntax.OpBeginText, syntax.OpBeginLine:
		if !atEnd {
			return []string{""}, true
		}
	case syntax.OpEndText, syntax.OpEndLine:
		if atEnd {
			return []string{""}, true
		}
	case syntax.OpCapture:
		return literalEnds(re.Sub[0], limit, atEnd)
	case syntax.OpQuest:
		sub, complete := literalEnds(re.Sub[0], limit-1, atEnd)
		if slices.Contains(sub, "") {
			return sub, complete
		}
		return append([]string{""}, sub...), complete
	case syntax.OpAlternate:
		complete = true
		for _, sub := range re.Sub {
			l, c := literalEnds(sub, limit-len(lits), atEnd)
			lits, complete = append(lits, l...), complete && c
			if len(lits) >= limit {
				return []string{""}, false
			}
		}
		return lits, complete
	case syntax.OpConcat:
		lits = []string{""}
		for k := range re.Sub {
			sub := re.Sub[k]
			if atEnd {
				sub = re.Sub[len(re.Sub)-1-k]
			}
			l, c := literalEnds(sub, limit, atEnd)
			if len(lits)*len(l) > limit {
				return lits, false
			}
			var next []string
			for _, a := range lits {
				for _, b := range l {
					if atEnd {
						next = append(next, b+a)
					} else {
						next = append(next, a+b)
					}
				}
			}
			lits = next
			if !c {
				return lits, false
			}
		}
		return lits, true
	}
	return []string{""}, false
}

// endsText reports whether every match of re ends at the end of the text:
// re is $ (without the m flag) or a sequence that ends with it.
func endsText(re *syntax.Regexp) bool {
	for {
		switch re.Op {
		case syntax.OpEndText:
			return true
		case syntax.OpCapture:
			re = re.Sub[0]
		case syntax.OpConcat:
			re = re.Sub[len(re.Sub)-1]
		default:
			return false
		}
	}
}

// requiredLiteral returns the longest case-sensitive literal that re
// matches as one of the parts of its top-level sequence, which every match
// therefore contains; "" when there is none.
func requiredLiteral(re *syntax.Regexp) string {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	subs := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		subs = re.Sub
	}
	best := ""
	for _, sub := range subs {
		if sub.Op == syntax.OpLiteral && sub.Flags&syntax.FoldCase == 0 && len(string(sub.Rune)) > len(best) {
			best = string(sub.Rune)
		}
	}
	return best
}

// literalPattern is a regexp that matches a few literal sequences, as most
// furniture patterns do: "^(story|article) continues below\b" or
// "^share (this|on|via)\b.{0,60}$". The regexp engine takes thousands of
// instructions to match a line with such a pattern; comparing the
// sequences takes a few dozen.
type literalPattern struct {
	// alts are the sequences, literal text with wordBoundary standing for
	// \b; one of them matches at the start of the line when start is set,
	// at its end otherwise.
	alts  []string
	start bool
	// With start: end tells that the line must end after the sequence,
	// and anyRunes that up to anyRunes characters other than LF may come
	// between (.{0,anyRunes}$), any number when anyRunes < 0 (.*$).
	end      bool
	anyRunes int
}

// wordBoundary stands for \b in literalPattern.alts: no UTF-8 text holds
// the byte.
const wordBoundary = 0xFF

// maxLiteralAlts bounds the sequences of a literalPattern.
const maxLiteralAlts = 64

// newLiteralPattern returns the literalPattern of expr, a regexp in the
// syntax of regexp.Compile, or nil when expr has another form: a
// sequence of literals (not case-folded), classes of a few characters,
// \b, groups, alternations and optional parts, anchored by ^ at the start,
// or by $ at the end; with ^, $ may close it, after .{0,n} or .* when there
// is no s flag.
func newLiteralPattern(expr string) *literalPattern {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	subs := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		subs = re.Sub
	}
	lp := &literalPattern{anyRunes: -2}
	if len(subs) > 0 && subs[0].Op == syntax.OpBeginText {
		lp.start, subs = true, subs[1:]
	}
	if n := len(subs); n > 0 && subs[n-1].Op == syntax.OpEndText {
		lp.end, subs = true, subs[:n-1]
	}
	switch {
	case !lp.start && !lp.end:
		return nil
	case lp.start && lp.end && len(subs) > 0:
		// .{0,n} or .* before $.
		switch last := subs[len(subs)-1]; {
		case last.Op == syntax.OpRepeat && last.Min == 0 && last.Sub[0].Op == syntax.OpAnyCharNotNL:
			lp.anyRunes, subs = last.Max, subs[:len(subs)-1]
		case last.Op == syntax.OpStar && last.Sub[0].Op == syntax.OpAnyCharNotNL:
			lp.anyRunes, subs = -1, subs[:len(subs)-1]
		}
	}
	if lp.anyRunes == -2 {
		lp.anyRunes = 0 // $ right after the sequence, or no $
	}
	alts := []string{""}
	for _, sub := range subs {
		if alts = appendSequences(alts, sub); alts == nil {
			return nil
		}
	}
	lp.alts = alts
	return lp
}

// appendSequences returns each of alts followed by each sequence re
// matches, or nil when re is not of the form newLiteralPattern reads or
// has too many sequences.
func appendSequences(alts []string, re *syntax.Regexp) []string {
	var tails []string
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil
		}
		tails = []string{string(re.Rune)}
	case syntax.OpCharClass:
		// A few characters, as the parser writes (x|y).
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(tails) == maxLiteralAlts {
					return nil
				}
				tails = append(tails, string(r))
			}
		}
	case syntax.OpWordBoundary:
		tails = []string{string([]byte{wordBoundary})}
	case syntax.OpEmptyMatch:
		return alts
	case syntax.OpCapture:
		return appendSequences(alts, re.Sub[0])
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if alts = appendSequences(alts, sub); alts == nil {
				return nil
			}
		}
		return alts
	case syntax.OpQuest:
		tails = appendSequences([]string{""}, re.Sub[0])
		if tails == nil {
			return nil
		}
		tails = append(tails, "")
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			t := appendSequences([]string{""}, sub)
			if t == nil {
				return nil
			}
			tails = append(tails, t...)
		}
	default:
		return nil
	}
	if len(alts)*len(tails) > maxLiteralAlts {
		return nil
	}
	var out []string
	for _, a := range alts {
		for _, t := range tails {
			out = append(out, a+t)
		}
	}
	return out
}

// match reports whether the regexp of lp matches low.
func (lp *literalPattern) match(low []byte) bool {
	for _, a := range lp.alts {
		at := 0
		if !lp.start {
			// a is as long as the text it matches, but for the
			// wordBoundary bytes.
			at = len(low) - len(a) + strings.Count(a, "\xff")
			if at < 0 {
				continue
			}
		}
		end, ok := matchSequence(low, at, a)
		if !ok {
			continue
		}
		switch {
		case !lp.start || !lp.end:
			return true
		case lp.anyRunes < 0 || len(low)-end <= lp.anyRunes || utf8.RuneCount(low[end:]) <= lp.anyRunes:
			if bytes.IndexByte(low[end:], '\n') < 0 {
				return true
			}
		}
	}
	return false
}

// matchSequence reports whether the sequence a (see literalPattern.alts)
// matches low from at on, and where it ends.
func matchSequence(low []byte, at int, a string) (int, bool) {
	for i := 0; i < len(a); i++ {
		if a[i] == wordBoundary {
			if isWordByte(low, at-1) == isWordByte(low, at) {
				return 0, false
			}
			continue
		}
		if at == len(low) || low[at] != a[i] {
			return 0, false
		}
		at++
	}
	return at, true
}

// isWordByte reports whether low[i] is an ASCII word character as \b sees
// it ([0-9A-Za-z_]); false outside low. A byte of a character outside
// ASCII is not.
func isWordByte(low []byte, i int) bool {
	if i < 0 || i >= len(low) {
		return false
	}
	c := low[i]
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}
