// The cleaner as it was before the pull-quote prefilter and the one-pass
// furniture matcher: the oracle TestBodyDifferential compares Cleaner.Body
// with. Package-level names are prefixed with "ref"; the helpers those
// changes left alone (normalise, splitLines, tidy, appendFolded, key,
// index, firstBytes, …) are not copied but shared with the
// package.

package clean

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Limits on what can count as furniture or as a link-like line.
const (
	refMaxFurnitureWords = 50  // a line longer than this is never furniture
	refMaxFurnitureRunes = 400 // nor one longer than this
	refMaxPatternWords   = 20  // furniture patterns apply to lines of fewer words
	refMaxLinkWords      = 16  // a headline in a list of links
	refMaxLinkRunes      = 120
	refMinLeadWords      = 25 // article words needed before a trailing run
	refMaxPullQuoteWords = 60 // a trailing pull quote is short
	refMaxPullQuotes     = 3  // and there are few of them
	refMaxRounds         = 32 // see Cleaner.Body
	refMinPullQuoteRunes = 20 // and not trivially short
)

// Cleaner strips site furniture from article text. Its zero value knows no
// furniture and only normalises whitespace; build one with New or Parse.
// A Cleaner is safe for concurrent use.
type refCleaner struct {
	headings refPhraseSet // open a trailing run of furniture
	lines    refPhraseSet // dropped wherever they stand alone
	pull     sync.Pool    // *pullScratch, the buffers of dropPullQuote
}

// pullScratch holds the buffers of one call of dropPullQuote.
type refPullScratch struct {
	starts []int
	off    []int
	buf    []byte
	all    []byte
}

// refNew returns a refCleaner that knows the embedded furniture list.
func refNew() (*refCleaner, error) {
	return refParse(furnitureList)
}

// Body returns the cleaned article body of text: valid UTF-8 with control
// characters removed, LF line ends, no trailing spaces on any line,
// paragraphs separated by exactly one blank line, no leading or trailing
// whitespace, and site furniture removed. Body is idempotent,
// Body(Body(x)) == Body(x), except on contrived text that alternates
// dozens of furniture headings and repeated paragraphs at its end.
func (c *refCleaner) Body(text string) string {
	lines := splitLines(normalise(text))
	// Each step can expose work for another (dropping a pull quote can leave
	// a list of links at the end), so repeat until nothing changes. Isolated
	// lines go last, as headings among them mark where a trailing run
	// starts. Real text needs two or three rounds; the cap bounds the work
	// on contrived input that nests furniture and repeats many times over.
	var m refMatcher
	ps, _ := c.pull.Get().(*refPullScratch)
	if ps == nil {
		ps = &refPullScratch{}
	}
	defer c.pull.Put(ps)
	for range refMaxRounds {
		n := len(lines)
		lines = refDropPullQuote(lines, ps)
		lines = c.dropTrailingRun(lines, &m)
		lines = tidy(c.dropIsolated(lines, &m))
		if len(lines) == n {
			break
		}
	}
	return strings.Join(lines, "\n")
}

// isNormal reports whether normalise would return text unchanged: it is
// valid UTF-8 and holds no character that normalise replaces or removes.
func refIsNormal(text string) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c < ' ' && c != '\n' || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && n == 1 || r == '\u2028' || r == '\u2029' || r == '\u0085' ||
			r == '\uFEFF' || unicode.IsControl(r) {
			return false
		}
		i += n
	}
	return true
}

// dropIsolated removes lines that are furniture wherever they stand: exact
// furniture phrases (headings included) and the longer forms of [line]
// entries. Inside a paragraph of several lines, a line starting with a
// lower-case letter is a wrapped continuation and never furniture; a second
// pass catches such lines left standing alone by the first.
func (c *refCleaner) dropIsolated(lines []string, m *refMatcher) []string {
	for range 2 {
		var out []string // nil until a line is dropped
		for i, l := range lines {
			if l != "" && (alone(lines, i) || !startsLower(l)) && m.prepare(l) &&
				(c.lines.matchPrepared(m, true) || c.headings.matchPrepared(m, false)) {
				if out == nil {
					out = make([]string, i, len(lines))
					copy(out, lines[:i])
				}
				continue
			}
			if out != nil {
				out = append(out, l)
			}
		}
		if out == nil {
			// Nothing dropped: a second pass would see the same lines.
			return lines
		}
		lines = out
	}
	return lines
}

// dropTrailingRun finds the first furniture heading after the article's
// lead such that every line after it is furniture or a short link-like line,
// and cuts the text there.
func (c *refCleaner) dropTrailingRun(lines []string, m *refMatcher) []string {
	// Lines from tail on are all furniture, link-like or blank.
	tail := len(lines)
	for tail > 0 && (lines[tail-1] == "" || refLinkLike(lines[tail-1]) || c.isFurniture(lines[tail-1], m)) {
		tail--
	}
	// The lead ends with line lead.
	lead, words := -1, 0
	for lead+1 < len(lines) && words < refMinLeadWords {
		lead++
		words += len(strings.Fields(lines[lead]))
	}
	for i := max(tail, lead+1); i < len(lines); i++ {
		if m.prepare(lines[i]) && c.headings.matchPrepared(m, true) {
			return lines[:i]
		}
	}
	return lines
}

func (c *refCleaner) isFurniture(l string, m *refMatcher) bool {
	return m.prepare(l) && (c.lines.matchPrepared(m, true) || c.headings.matchPrepared(m, true))
}

// dropPullQuote removes up to maxPullQuotes short final paragraphs whose
// words already appear, in the same order, before them. It leaves the text
// alone when the paragraph before those is a repeat as well: then the
// repetition is the article's own and not a pull quote. When the text has
// no paragraph breaks, its lines count as paragraphs.
func refDropPullQuote(lines []string, ps *refPullScratch) []string {
	starts := ps.starts[:0] // first line of each unit
	defer func() { ps.starts = starts[:0] }()
	for i, l := range lines {
		if l != "" && (i == 0 || lines[i-1] == "") {
			starts = append(starts, i)
		}
	}
	if len(starts) < 2 {
		starts = starts[:0]
		for i, l := range lines {
			if l != "" {
				starts = append(starts, i)
			}
		}
	}
	n := len(starts)
	if n < 2 {
		return lines
	}
	unit := func(u int) []string {
		if u+1 < n {
			return lines[starts[u]:starts[u+1]]
		}
		return lines[starts[u]:]
	}
	// Every unit of a pull quote is short, the last one too: most articles
	// end in a full paragraph, and then there is nothing to fold.
	last := 0
	for _, l := range unit(n - 1) {
		last += strings.Count(l, " ") + 1
	}
	if last > refMaxPullQuoteWords {
		return lines
	}
	// A pull quote starting at unit s needs units s..n-1 all short; find
	// the first s for which they are before folding the whole text.
	lo := max(1, n-refMaxPullQuotes)
	first := n
	buf := ps.buf
	defer func() { ps.buf = buf[:0] }()
	for u := n - 1; u >= lo; u-- {
		buf = refAppendFoldUnit(buf[:0], unit(u))
		if !refShortUnit(buf) {
			break
		}
		first = u
	}
	if first == n {
		return lines
	}
	// all is " " + the folded units joined by " " + " "; unit u starts at
	// off[u], so all[:off[u]] is the text before it and
	// all[off[u]-1:off[u]+len] the unit with a space at each side.
	size := n + 1
	for _, l := range lines {
		size += len(l)
	}
	all := slices.Grow(ps.all[:0], size)[:1]
	all[0] = ' '
	defer func() { ps.all = all[:0] }()
	off := slices.Grow(ps.off[:0], n+1)[:n+1]
	defer func() { ps.off = off[:0] }()
	for u := range n {
		off[u] = len(all)
		all = refAppendFoldUnit(all, unit(u))
		all = append(all, ' ')
	}
	off[n] = len(all)
	// firstEnd[u-first+1] is where the first occurrence of unit u before
	// itself ends, or -1; 0 while not yet searched.
	var firstEnd [refMaxPullQuotes + 1]int
	// repeated reports whether unit u (u >= first-1) is short and appears
	// before unit from (from <= u). The first occurrence before u itself
	// tells, since all[:off[from]] is a prefix of all[:off[u]].
	repeated := func(u, from int) bool {
		e := &firstEnd[u-first+1]
		if *e == 0 {
			*e = -1
			needle := all[off[u]-1 : off[u+1]]
			if refShortUnit(needle[1 : len(needle)-1]) {
				if i := index(all[:off[u]], needle); i >= 0 {
					*e = i + len(needle)
				}
			}
		}
		return *e >= 0 && *e <= off[from]
	}
	for s := first; s < n; s++ {
		repeat := true
		for u := s; u < n && repeat; u++ {
			repeat = repeated(u, s)
		}
		if repeat {
			if s > 1 && repeated(s-1, s-1) {
				return lines
			}
			return lines[:starts[s]]
		}
	}
	return lines
}

// foldASCII is the fold of each ASCII character: letters and digits in
// lower case, foldSkip for the apostrophe, which does not split words, and
// foldSpace for the rest.
var refFoldASCII = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			t[c] = byte(c)
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case c == '\'':
			t[c] = refFoldSkip
		default:
			t[c] = refFoldSpace
		}
	}
	return t
}()

// foldWord tells the bytes that foldASCII maps to a letter or digit.
var refFoldWord = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = refFoldASCII[c] > refFoldSkip
	}
	return t
}()

// Values of foldASCII other than letters and digits.
const (
	refFoldSpace = 0
	refFoldSkip  = 1
)

// appendFoldUnit appends to dst the fold of the lines of one unit joined
// by spaces: lower-cased and reduced to letters and digits, one space
// between words. Apostrophes and soft hyphens do not split words.
func refAppendFoldUnit(dst []byte, lines []string) []byte {
	start := len(dst)
	space := false
	for i, l := range lines {
		if i > 0 {
			space = true
		}
		for j := 0; j < len(l); {
			if c := l[j]; c < utf8.RuneSelf {
				j++
				switch f := refFoldASCII[c]; f {
				case refFoldSkip:
				case refFoldSpace:
					space = true
				default:
					if space && len(dst) > start {
						dst = append(dst, ' ')
					}
					space = false
					// The word and the rest of it in ASCII, without the
					// checks above.
					k := j
					for k < len(l) && refFoldWord[l[k]] {
						k++
					}
					n := len(dst)
					dst = slices.Grow(dst, k-j+1)[:n+k-j+1]
					dst[n] = f
					w := dst[n+1:]
					for x, c := range []byte(l[j:k]) {
						w[x] = refFoldASCII[c]
					}
					j = k
				}
				continue
			}
			r, n := utf8.DecodeRuneInString(l[j:])
			j += n
			if r >= 0x2000 && r <= 0x206F {
				// General punctuation (quotation marks, dashes, spaces):
				// never a letter or digit.
				if r != '’' {
					space = true
				}
				continue
			}
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				if space && len(dst) > start {
					dst = append(dst, ' ')
				}
				space = false
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
				continue
			}
			if r == '’' || r == '\u00AD' {
				continue // don't split words at apostrophes
			}
			space = true
		}
	}
	return dst
}

// linkLike reports whether l looks like one entry of a list of links: a
// headline, short, starting with a capital or digit, not ending a sentence
// with a full stop nor running on into the next line.
func refLinkLike(l string) bool {
	l = strings.TrimSpace(l)
	if l == "" || utf8.RuneCountInString(l) > refMaxLinkRunes || len(strings.Fields(l)) > refMaxLinkWords {
		return false
	}
	first, hasLetter := rune(0), false
	for _, r := range l {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if first == 0 {
				first = r
			}
			hasLetter = hasLetter || unicode.IsLetter(r)
		}
	}
	if !hasLetter || unicode.IsLower(first) {
		return false
	}
	end := strings.TrimRight(l, "\"'”’»)]*")
	last, _ := utf8.DecodeLastRuneInString(end)
	switch last {
	case '.', '…', ',', ';', ':':
		return false
	}
	return true
}

// phraseSet is one section of a furniture list.
type refPhraseSet struct {
	exact  map[string]bool // key(line) equal to a phrase
	prefix []string        // key(line) starting with one of these, then a word boundary
	res    []refPattern
}

// pattern is a furniture regexp with cheap tests that reject most lines
// before the regexp runs.
type refPattern struct {
	re *regexp.Regexp
	// first, when not nil, holds every byte a match can start with; the
	// pattern is anchored at the start of the line.
	first *[256]bool
	// need is a literal every match contains (empty when none is known).
	need []byte
}

// mayMatch reports whether p can match low; when false, p.re cannot.
func (p *refPattern) mayMatch(low []byte) bool {
	if p.first != nil && (len(low) == 0 || !p.first[low[0]]) {
		return false
	}
	return len(p.need) == 0 || bytes.Contains(low, p.need)
}

// Parse returns a Cleaner for a furniture list in the format of the embedded
// furniture.txt: "[heading]" and "[line]" section markers, one phrase,
// "phrase*" or "/regexp/" per line, '#' comments.
func refParse(list string) (*refCleaner, error) {
	c := &refCleaner{}
	var set *refPhraseSet
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
	return c, nil
}

func (s *refPhraseSet) add(entry string) error {
	if len(entry) >= 2 && strings.HasPrefix(entry, "/") && strings.HasSuffix(entry, "/") {
		re, err := regexp.Compile(entry[1 : len(entry)-1])
		if err != nil {
			return fmt.Errorf("bad regexp %s: %w", entry, err)
		}
		s.res = append(s.res, refNewPattern(re))
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
	if prefix {
		s.prefix = append(s.prefix, k)
	}
	return nil
}

// matcher holds the forms of one line that phrase sets compare: its key
// and, built on demand, its lower-cased form for regexps. Its buffers are
// reused from line to line, so matching does not allocate.
type refMatcher struct {
	line   string
	key    []byte // key(line)
	low    []byte // lower-cased line, spaces folded; valid when hasLow
	hasLow bool
	link   int8 // linkLike(line): 0 unknown, 1 false, 2 true
}

// prepare readies m for line l. It reports false when l cannot be
// furniture of any set: it is too long or its key is empty.
func (m *refMatcher) prepare(l string) bool {
	m.line, m.hasLow, m.link = l, false, 0
	// Furniture is short: a line of many words is prose (checked before
	// anything else, since every paragraph passes through here).
	if len(l) > 4*refMaxFurnitureRunes || strings.Count(l, " ") >= refMaxPatternWords {
		return false
	}
	if utf8.RuneCountInString(l) > refMaxFurnitureRunes || len(strings.Fields(l)) > refMaxFurnitureWords {
		return false
	}
	m.key = appendKey(m.key[:0], l)
	return len(m.key) > 0
}

// linkLike reports linkLike(m.line), computed once per line.
func (m *refMatcher) linkLike() bool {
	if m.link == 0 {
		m.link = 1
		if refLinkLike(m.line) {
			m.link = 2
		}
	}
	return m.link == 2
}

// lower returns m.line lower-cased with its spaces folded, as the regexps
// of a furniture list see it.
func (m *refMatcher) lower() []byte {
	if !m.hasLow {
		m.low = appendFolded(m.low[:0], m.line, false)
		m.hasLow = true
	}
	return m.low
}

// matchPrepared reports whether the line m was prepared with is furniture
// of this set. With long set, prefix entries may match longer link-like
// lines and regexps apply; otherwise only exact phrases match.
func (s *refPhraseSet) matchPrepared(m *refMatcher, long bool) bool {
	k := m.key
	if s.exact[string(k)] {
		return true
	}
	if !long {
		return false
	}
	if len(s.prefix) > 0 && m.linkLike() {
		for _, p := range s.prefix {
			if len(k) >= len(p) && string(k[:len(p)]) == p {
				r, _ := utf8.DecodeRune(k[len(p):])
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					return true
				}
			}
		}
	}
	if len(s.res) == 0 {
		return false
	}
	low := m.lower()
	for i := range s.res {
		if p := &s.res[i]; p.mayMatch(low) && p.re.Match(low) {
			return true
		}
	}
	return false
}

// newPattern derives the prefilters of re from its syntax. A test that
// cannot be derived is left out, so the prefilters never reject a line the
// regexp would match.
func refNewPattern(re *regexp.Regexp) refPattern {
	p := refPattern{re: re}
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
	}
	if lit := requiredLiteral(sre); lit != "" {
		p.need = []byte(lit)
	}
	return p
}

// refShortUnit reports whether the folded unit f is short enough to be part
// of a pull quote, and long enough not to be trivially repeated.
func refShortUnit(f []byte) bool {
	return utf8.RuneCount(f) >= minPullQuoteRunes && bytes.Count(f, []byte(" "))+1 <= maxPullQuoteWords
}

// refMayMatch is prefilter.mayMatch as it was before it read the key of a
// line that starts with a quotation mark or a bracket (prefilter.keyStart)
// and the end of a line that ends outside ASCII (mayEndWith): the oracle
// TestPrefilterStricter and FuzzPrefilter compare it with.
func refMayMatch(f *prefilter, l string) bool {
	if tooLong(l) {
		return false
	}
	if f.any {
		return true
	}
	x, v := lowerHead(l)
	if v == 0 {
		return true
	}
	if f.mayStart(l, x, v) {
		return true
	}
	for _, t := range f.tails {
		if refMayEndWith(l, t) {
			return true
		}
	}
	return false
}

// refMayEndWith is mayEndWith before it read an end outside ASCII.
func refMayEndWith(l string, t []byte) bool {
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
