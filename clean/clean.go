// Package clean strips site furniture from article text: comment forms,
// "Recent News" lists, share buttons, advertisement markers and repeated
// pull quotes, leaving the article body with normalised whitespace.
//
// The furniture phrases are data (furniture.txt, embedded); the rules that use
// them rely on general signals (position, line length, punctuation, case), so
// that a real article paragraph is never dropped.
package clean

import (
	"bytes"
	_ "embed"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/internal/swar"
)

//go:embed furniture.txt
var furnitureList string

// Limits on what can count as furniture or as a link-like line.
const (
	maxFurnitureWords = 50  // a line longer than this is never furniture
	maxFurnitureRunes = 400 // nor one longer than this
	maxPatternWords   = 20  // furniture patterns apply to lines of fewer words
	maxLinkWords      = 16  // a headline in a list of links
	maxLinkRunes      = 120
	minLeadWords      = 25 // article words needed before a trailing run
	maxPullQuoteWords = 60 // a trailing pull quote is short
	maxPullQuotes     = 3  // and there are few of them
	maxRounds         = 32 // see Cleaner.Body
	minPullQuoteRunes = 20 // and not trivially short
)

// Cleaner strips site furniture from article text. Its zero value knows no
// furniture and only normalises whitespace; build one with New or Parse.
// A Cleaner is safe for concurrent use.
type Cleaner struct {
	headings phraseSet // open a trailing run of furniture
	lines    phraseSet // dropped wherever they stand alone
	pre      prefilter // of headings and lines
	scratch  sync.Pool // *bodyScratch, the buffers of Body
}

// bodyScratch holds the buffers of one call of Body: the lines, the
// matcher's, and those of dropPullQuote.
type bodyScratch struct {
	lines      []string
	m          matcher
	starts     []int
	off        []int
	all        []byte
	fold       [maxPullQuotes + 1][]byte
	probe      []byte // see pullQuote.mayRepeat
	memo       []lineMatch
	beforeEnds []int // see pullQuote.joinBefore
}

// forget drops the references to the text of a call of Body that the
// scratch holds beyond its end.
func (ps *bodyScratch) forget() {
	ps.m.line = ""
	clear(ps.memo)
	ps.memo = ps.memo[:0]
}

// New returns a Cleaner that knows the embedded furniture list.
func New() (*Cleaner, error) {
	return Parse(furnitureList)
}

// defaultCleaner is built once from the embedded list, which the package
// tests parse, so an error here cannot happen in a tested build.
var defaultCleaner = sync.OnceValue(func() *Cleaner {
	c, err := New()
	if err != nil {
		panic("clean: embedded furniture.txt: " + err.Error())
	}
	return c
})

// Body cleans text with the embedded furniture list; see Cleaner.Body.
func Body(text string) string {
	return defaultCleaner().Body(text)
}

// Body returns the cleaned article body of text: valid UTF-8 with control
// characters removed, LF line ends, no trailing spaces on any line,
// paragraphs separated by exactly one blank line, no leading or trailing
// whitespace, and site furniture removed. Body is idempotent,
// Body(Body(x)) == Body(x), except on contrived text that alternates
// dozens of furniture headings and repeated paragraphs at its end.
func (c *Cleaner) Body(text string) string {
	ps, _ := c.scratch.Get().(*bodyScratch)
	if ps == nil {
		ps = &bodyScratch{}
	}
	defer c.scratch.Put(ps)
	norm := text
	lines, normal := normalLines(ps.lines, text)
	// The lines are handed back to ps when Body is done with them, cleared
	// of the text: beyond the lines it returned, normalLines wrote at most
	// a paragraph break that it dropped at the end, which refers to no
	// text, and the capacity beyond was cleared before.
	buf := lines
	defer func() { clear(buf); ps.lines = buf[:0] }()
	if !normal {
		norm = normalise(text)
		lines = splitLines(norm)
	}
	// Each step can expose work for another (dropping a pull quote can leave
	// a list of links at the end), so repeat until nothing changes. Isolated
	// lines go last, as headings among them mark where a trailing run
	// starts. Real text needs two or three rounds; the cap bounds the work
	// on contrived input that nests furniture and repeats many times over.
	//
	// Most rounds after the first follow one that only cut a trailing run.
	// That cut was at the first heading after the lead and after the last
	// line that is not furniture, link-like or blank, and no isolated line
	// was left: unless a pull quote is dropped now, the next two steps find
	// nothing either, so the round ends after the first.
	defer ps.forget()
	// src is the text the lines are cut from, until one is dropped that
	// is not at the end.
	src := norm
	onlyCut := false
	for range maxRounds {
		n := len(lines)
		lines = dropPullQuote(lines, ps, src)
		if onlyCut && len(lines) == n {
			break
		}
		m := len(lines)
		lines = c.dropTrailingRun(lines, ps)
		k := len(lines)
		lines = c.dropIsolated(lines, ps)
		if len(lines) == n {
			break // nothing dropped: the lines are as tidy as they came
		}
		onlyCut = k < m && len(lines) == k
		prefix := len(lines) == k
		lines = tidy(lines)
		if prefix && src != "" {
			// Only lines at the end were dropped, and tidy only drops
			// paragraph breaks at the end: lines is a prefix of
			// lines[:n], the lines of src.
			src = cutSource(src, lines[:n], len(lines))
		} else {
			src = ""
		}
	}
	// Every step either drops lines or leaves them as they are. When none
	// was dropped but at the end, the lines are those of src, and joined
	// they are src trimmed with some characters deleted (see joinedLen):
	// when no character was, they are src trimmed, a part of the text
	// that need not be copied.
	if src != "" {
		if core := strings.TrimSpace(src); len(core) == joinedLen(lines) {
			return core
		}
	}
	return strings.Join(lines, "\n")
}

// cutSource returns the start of src that holds lines[:keep], where lines
// are the lines of src as splitLines cuts them (see pullQuote.srcStart),
// or "" when keep is 0.
func cutSource(src string, lines []string, keep int) string {
	if keep == 0 {
		return ""
	}
	end := trimmedLen(src) // of line len(lines)-1
	for j := len(lines) - 1; j >= keep; j-- {
		end = trimmedLen(src[:end-len(lines[j])])
	}
	return src[:end]
}

// joinedLen returns len(strings.Join(lines, "\n")).
//
// For the lines of a text t as splitLines cuts them, the join is t without
// white space at either end (core) with characters deleted and none added
// or changed: the white space at the end of each line and the blank lines
// beyond the first of a run. So the join is core exactly when it is as long.
func joinedLen(lines []string) int {
	n := max(len(lines)-1, 0)
	for _, l := range lines {
		n += len(l)
	}
	return n
}

// normalise makes text valid UTF-8 with LF line ends and without control
// characters other than LF. Tabs become spaces; line and paragraph
// separators become line ends.
func normalise(text string) string {
	if isNormal(text) {
		return text
	}
	text = strings.ToValidUTF8(text, "\uFFFD")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t' || r == '\v' || r == '\f':
			return ' '
		case r == '\u2028' || r == '\u2029' || r == '\u0085':
			return '\n'
		case r == '\uFEFF' || unicode.IsControl(r):
			return -1
		}
		return r
	}, text)
}

// isNormal reports whether normalise would return text unchanged: it is
// valid UTF-8 and holds no character that normalise replaces or removes.
func isNormal(text string) bool {
	_, ok := scanNormal(nil, text, false)
	return ok
}

// normalLines returns splitLines(text) in lines[:0] when text is normal
// (isNormal), reading text once for both, and reports whether it is.
func normalLines(lines []string, text string) ([]string, bool) {
	return scanNormal(lines[:0], text, true)
}

// scanNormal reports whether text is normal (see isNormal). With split,
// it appends to lines the lines of text as splitLines has them, up to the
// first character that is not normal.
//
// It finds the bytes that are not printable ASCII (see special) 32 bytes
// at a time, then eight, and handles blank lines and the quotation marks
// and dashes of General Punctuation at once: most lines are plain text
// that needs no change.
func scanNormal(lines []string, text string, split bool) ([]string, bool) {
	start := 0 // of the current line
	i := 0
	for {
		// The next special byte. The word at i is read first, as
		// special bytes often come close together (a quotation mark
		// before a line end), then runs of 32 bytes, then words.
		if i+8 <= len(text) {
			if bad := special(swar.Load8(text, i)); bad != 0 {
				i += bits.TrailingZeros64(bad) / 8
				goto found
			}
			i = skipPrintable32(text, i+8)
		}
		for ; i+8 <= len(text); i += 8 {
			if bad := special(swar.Load8(text, i)); bad != 0 {
				i += bits.TrailingZeros64(bad) / 8
				goto found
			}
		}
		for ; i < len(text); i++ {
			if c := text[i]; c < ' ' || c > '~' {
				goto found
			}
		}
		break
	found:
		switch c := text[i]; {
		case c == '\n':
			if split {
				// At once for the common line of text after another
				// (appendTidy and trimRightSpace, inlined). The loop
				// below takes the blank lines after a line end, so an
				// empty line here is one that text starts with.
				switch l := text[start:i]; {
				case len(lines) == 0, len(l) == 0:
					lines = appendTidy(lines, trimRightSpace(l))
				case ' ' < l[len(l)-1] && l[len(l)-1] < utf8.RuneSelf:
					lines = append(lines, l)
				default:
					lines = appendTidy(lines, trimRightSpace(l))
				}
			}
			i++
			// Blank lines after it, at once: a paragraph break, unless
			// one came just before.
			for ; i < len(text) && text[i] == '\n'; i++ {
				if split && len(lines) > 0 && lines[len(lines)-1] != "" {
					lines = append(lines, "")
				}
			}
			start = i
		case c < utf8.RuneSelf:
			return lines, false // an ASCII control character
		case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && 0x80 <= text[i+2] && text[i+2] <= 0xBF && text[i+2] != 0xA8 && text[i+2] != 0xA9:
			// The commonest: quotation marks and dashes, U+2000..U+203F
			// but the line and paragraph separators (see normalRuneLen).
			i += 3
		default:
			n := normalRuneLen(text, i)
			if n == 0 {
				return lines, false
			}
			i += n
		}
	}
	if split {
		lines = appendTidy(lines, trimRightSpace(text[start:]))
		if n := len(lines); n > 0 && lines[n-1] == "" {
			lines = lines[:n-1]
		}
	}
	return lines, true
}

// appendTidy appends l, a line without trailing white space, to lines as
// tidy would keep it: not when it is a paragraph break at the start or
// after another, and the first line without leading white space. A
// paragraph break left at the end is for the caller to remove.
func appendTidy(lines []string, l string) []string {
	switch {
	case len(lines) == 0:
		if l == "" {
			return lines
		}
		if l[0] >= utf8.RuneSelf || asciiSpace[l[0]] {
			l = strings.TrimLeftFunc(l, unicode.IsSpace)
		}
	case l == "" && lines[len(lines)-1] == "":
		return lines
	}
	return append(lines, l)
}

// skipPrintable32 returns i plus the length of the longest run of whole
// blocks of 32 bytes of s from i on that are all printable ASCII (see
// anySpecial32). It is a function of its own, so that its loop keeps its
// few values in registers.
func skipPrintable32(s string, i int) int {
	for n := len(s) - 32; i <= n; i += 32 {
		b := s[i:][:32]
		if anySpecial32(swar.Load8(b, 0), swar.Load8(b, 8), swar.Load8(b, 16), swar.Load8(b, 24)) {
			break
		}
	}
	return i
}

// normalRuneLen returns the length of the character at s[i], which does
// not start with an ASCII byte, when it is valid UTF-8 and normalise
// keeps it, and 0 otherwise. Letters with accents and the general
// punctuation (quotation marks, dashes) are told at once.
func normalRuneLen(s string, i int) int {
	if i+1 < len(s) {
		c, c1 := s[i], s[i+1]
		switch {
		case c1 < 0x80 || c1 > 0xBF:
			// Not a continuation byte: invalid, read below.
		case 0xC3 <= c && c <= 0xDF || c == 0xC2 && c1 >= 0xA0:
			return 2 // U+00A0..U+07FF, no control among them
		case c == 0xE2 && c1 == 0x80 && i+2 < len(s):
			if c2 := s[i+2]; 0x80 <= c2 && c2 <= 0xBF && c2 != 0xA8 && c2 != 0xA9 {
				return 3 // U+2000..U+203F but the line and paragraph separators
			}
		}
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && n == 1 || r == '\u2028' || r == '\u2029' || r == '\u0085' ||
		r == '\uFEFF' || unicode.IsControl(r) {
		return 0
	}
	return n
}

// trimRightSpace returns strings.TrimRightFunc(l, unicode.IsSpace), at once
// for the common line that is empty or ends in a printable ASCII character
// other than a space. It is small enough to be inlined.
func trimRightSpace(l string) string {
	if n := len(l); n == 0 || ' ' < l[n-1] && l[n-1] < utf8.RuneSelf {
		return l
	}
	return trimRightFunc(l)
}

// trimRightFunc returns strings.TrimRightFunc(l, unicode.IsSpace), at once
// for the common line that ends in a closing quotation mark, a dash or an
// ellipsis (U+200B..U+2027), or a letter with an accent (U+00C0..U+07FF),
// none of which is white space.
func trimRightFunc(l string) string {
	if n := len(l); n >= 3 && l[n-3] == 0xE2 && l[n-2] == 0x80 && 0x8B <= l[n-1] && l[n-1] <= 0xA7 ||
		n >= 2 && 0xC3 <= l[n-2] && l[n-2] <= 0xDF && 0x80 <= l[n-1] && l[n-1] <= 0xBF {
		return l
	}
	return strings.TrimRightFunc(l, unicode.IsSpace)
}

// special returns the bytes of x that scanNormal must look at more
// closely, each as its top bit: the first of them (the lowest) is the first
// byte outside the printable ASCII range ' '..'~' (a non-ASCII byte, a
// control character including LF, or DEL). Those after it may be set
// without their byte being special: the sums carry and borrow across
// bytes, but only from a special byte. Adding 1 sets the top bit of 0x7F
// and of 0x80..0xFE; subtracting ' ' sets it below ' ' and for 0xA0..0xFF;
// a printable byte stays below 0x80 and starts no carry or borrow.
func special(x uint64) uint64 {
	const sub = 1<<64 - ' '*swar.Ones // adding it subtracts ' ' from every byte
	return ((x + swar.Ones) | (x + sub)) & swar.Highs
}

// anySpecial32 reports whether one of the 32 bytes of x0..x3 is special
// (see special).
func anySpecial32(x0, x1, x2, x3 uint64) bool {
	const sub = 1<<64 - ' '*swar.Ones
	a := (x0 + swar.Ones) | (x0 + sub) | (x1 + swar.Ones) | (x1 + sub)
	b := (x2 + swar.Ones) | (x2 + sub) | (x3 + swar.Ones) | (x3 + sub)
	return (a|b)&swar.Highs != 0
}

// splitLines splits text into lines without trailing spaces, with "" marking
// a paragraph break, and tidies the result.
func splitLines(text string) []string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	return tidy(lines)
}

// tidy collapses runs of paragraph breaks into one and removes them at both
// ends. The first line also loses its leading spaces, so that the joined
// text has no leading whitespace.
func tidy(lines []string) []string {
	out := lines[:0]
	for _, l := range lines {
		if l == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		if len(out) == 0 {
			l = strings.TrimLeftFunc(l, unicode.IsSpace)
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// alone reports whether lines[i] is a paragraph of its own.
func alone(lines []string, i int) bool {
	return (i == 0 || lines[i-1] == "") && (i == len(lines)-1 || lines[i+1] == "")
}

// dropIsolated removes lines that are furniture wherever they stand: exact
// furniture phrases (headings included) and the longer forms of [line]
// entries. Inside a paragraph of several lines, a line starting with a
// lower-case letter is a wrapped continuation and never furniture; a second
// pass catches such lines left standing alone by the first.
func (c *Cleaner) dropIsolated(lines []string, ps *bodyScratch) []string {
	for range 2 {
		i := c.nextIsolated(lines, 0, ps)
		if i == len(lines) {
			// Nothing dropped: a second pass would see the same lines.
			return lines
		}
		out := make([]string, i, len(lines))
		copy(out, lines[:i])
		for i < len(lines) {
			j := c.nextIsolated(lines, i+1, ps)
			out = append(out, lines[i+1:j]...)
			i = j
		}
		lines = out
	}
	return lines
}

// nextIsolated returns the index of the first of lines from i on that
// dropIsolated drops, or len(lines) when there is none. It is a function
// of its own, so that its loop has few values to keep across the calls
// it makes for each line.
func (c *Cleaner) nextIsolated(lines []string, i int, ps *bodyScratch) int {
	for ; i < len(lines); i++ {
		if l := lines[i]; l != "" && c.pre.mayMatch(l) && (alone(lines, i) || !startsLower(l)) && c.match(l, ps).isolated() {
			break
		}
	}
	return i
}

// dropTrailingRun finds the first furniture heading after the article's
// lead such that every line after it is furniture or a short link-like line,
// and cuts the text there.
func (c *Cleaner) dropTrailingRun(lines []string, ps *bodyScratch) []string {
	// Lines from tail on are all furniture, link-like or blank.
	tail := len(lines)
	for tail > 0 && (lines[tail-1] == "" || linkLike(lines[tail-1]) || c.isFurniture(lines[tail-1], ps)) {
		tail--
	}
	// The first heading from tail on, if it is after the lead, or else the
	// first after the lead. Most runs hold no heading: the lead is found
	// only when one does.
	i := c.nextHeading(lines, tail, ps)
	if i == len(lines) {
		return lines
	}
	// The lead ends with line lead.
	lead, words := -1, 0
	for lead+1 < len(lines) && words < minLeadWords {
		lead++
		words += countFieldsMax(lines[lead], minLeadWords-words)
	}
	if i <= lead {
		i = c.nextHeading(lines, lead+1, ps)
	}
	return lines[:i]
}

// nextHeading returns the index of the first of lines from i on that is a
// furniture heading, or len(lines) when there is none.
func (c *Cleaner) nextHeading(lines []string, i int, ps *bodyScratch) int {
	for ; i < len(lines); i++ {
		if c.pre.mayMatch(lines[i]) && c.match(lines[i], ps).heading {
			break
		}
	}
	return i
}

// isFurniture reports whether l is furniture of either set, prefixes and
// regexps included.
func (c *Cleaner) isFurniture(l string, ps *bodyScratch) bool {
	if !c.pre.mayMatch(l) {
		return false
	}
	lm := c.match(l, ps)
	return lm.line || lm.heading
}

// lineMatch is what the furniture sets tell of one line.
type lineMatch struct {
	text         string
	line         bool // c.lines matches it, prefixes and regexps included
	heading      bool // c.headings does
	exactHeading bool // it is an exact heading phrase
}

// isolated reports whether the line is furniture wherever it stands.
func (lm lineMatch) isolated() bool {
	return lm.line || lm.exactHeading
}

// maxMemo bounds the lines whose lineMatch one call of Body keeps.
const maxMemo = 16

// match returns what the furniture sets tell of l. Body asks about the
// same few lines at its end in each step and round, so the answers for
// the first maxMemo lines asked about are kept in ps.memo.
func (c *Cleaner) match(l string, ps *bodyScratch) lineMatch {
	for _, lm := range ps.memo {
		if lm.text == l {
			return lm
		}
	}
	lm := lineMatch{text: l}
	if m := &ps.m; m.prepare(l) {
		lm.line = c.lines.matchPrepared(m, true)
		lm.exactHeading = c.headings.hasExact(m.key)
		lm.heading = lm.exactHeading || c.headings.matchPrepared(m, true)
	}
	if len(ps.memo) < maxMemo {
		ps.memo = append(ps.memo, lm)
	}
	return lm
}

// dropPullQuote removes up to maxPullQuotes short final paragraphs whose
// words already appear, in the same order, before them. It leaves the text
// alone when the paragraph before those is a repeat as well: then the
// repetition is the article's own and not a pull quote. When the text has
// no paragraph breaks, its lines count as paragraphs.
//
// The comparison is on folded text (see appendFoldUnit). Folding the whole
// text is the costly part, and most candidates do not repeat, so each
// candidate first passes a cheap exact test (see pullQuote.mayOccur): a
// candidate that fails it cannot occur before itself, and the whole text is
// folded only for one that passes.
//
// When src is not "", lines are the lines of src as splitLines cuts them,
// and the test searches src itself.
func dropPullQuote(lines []string, ps *bodyScratch, src string) []string {
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
	q := pullQuote{lines: lines, starts: starts, ps: ps, src: src}
	// Every unit of a pull quote is short, the last one too: most articles
	// end in a full paragraph, and then there is nothing to fold.
	unit := q.unit(n - 1)
	last, size := 0, len(unit)-1 // the fold joins its lines with spaces
	for _, l := range unit {
		last += strings.Count(l, " ") + 1
		size += len(l)
	}
	// Nor is it trivially short (see longUnit): its fold has no more
	// characters than it has bytes and line joins.
	if last > maxPullQuoteWords || size < minPullQuoteRunes {
		return lines
	}
	defer q.release()
	// Every pull quote takes in the last unit, which must then be short and
	// occur before itself. Most articles end in a short paragraph that
	// does not, and then there are no other candidates to fold and search;
	// most such paragraphs are told by their first words.
	if !q.mayRepeat(n - 1) {
		return lines
	}
	if _, short := q.folded(n - 1); !short || q.firstEnd(n-1) < 0 {
		return lines
	}
	// A pull quote starting at unit s needs units s..n-1 all short; find
	// the first s for which they are before folding the whole text.
	lo := max(1, n-maxPullQuotes)
	first := n
	for u := n - 1; u >= lo; u-- {
		if _, short := q.folded(u); !short {
			break
		}
		first = u
	}
	for s := first; s < n; s++ {
		repeat := true
		for u := s; u < n && repeat; u++ {
			repeat = q.repeated(u, s)
		}
		if repeat {
			if s > 1 && q.repeated(s-1, s-1) {
				return lines
			}
			return lines[:starts[s]]
		}
	}
	return lines
}

// pullQuote holds the state of one call of dropPullQuote: the units, the
// folded candidates and, built when first needed, the folded whole text.
type pullQuote struct {
	lines  []string
	starts []int
	ps     *bodyScratch
	src    string // see dropPullQuote
	// Units n-1-maxPullQuotes..n-1 are queried, unit u as entry n-1-u of
	// the arrays and of ps.fold. ps.fold[n-1-u] is the fold of unit u
	// when hasFold says so.
	hasFold [maxPullQuotes + 1]bool
	short   [maxPullQuotes + 1]bool
	// firstEnds[n-1-u] is where the first occurrence of unit u before
	// itself ends in all, or -1; 0 while not yet searched.
	firstEnds [maxPullQuotes + 1]int
	hasAll    bool // ps.all and ps.off are built
	// hasBefore tells that joined and ps.beforeEnds are built or, with
	// src, that the walk below has started.
	hasBefore bool
	joined    string // see before
	// srcStarts[n-1-u] is where unit u starts in src, once the lines from
	// walk on are placed in src: walkUnit is the unit of the line before
	// walk or the unit before it, and that line ends at walkEnd.
	srcStarts [maxPullQuotes + 1]int
	walk      int
	walkEnd   int
	walkUnit  int
}

func (q *pullQuote) unit(u int) []string {
	if u+1 < len(q.starts) {
		return q.lines[q.starts[u]:q.starts[u+1]]
	}
	return q.lines[q.starts[u]:]
}

// probeWords is how many words of the last unit dropPullQuote first looks
// for before it.
const probeWords = 5

// mayRepeat reports false only when unit u cannot occur before itself:
// when its first probeWords words, folded, cannot (see mayOccur). They are
// whole words, so that every occurrence of the unit starts with an
// occurrence of them, and they tell most units apart without folding all
// of the unit.
func (q *pullQuote) mayRepeat(u int) bool {
	f, _ := appendFoldUnitMax(q.ps.probe[:0], q.unit(u), probeWords)
	q.ps.probe = f
	return q.mayOccur(f, u)
}

// release hands the buffers back to the scratch for the next call.
func (q *pullQuote) release() {
	ps := q.ps
	for i := range ps.fold {
		ps.fold[i] = ps.fold[i][:0]
	}
	ps.all, ps.off = ps.all[:0], ps.off[:0]
	ps.beforeEnds = ps.beforeEnds[:0]
}

// folded returns the fold of unit u, n-1-maxPullQuotes <= u < n, and
// whether it is short enough to be part of a pull quote, and long enough
// not to be trivially repeated; the fold of a unit that is not may be
// cut short.
func (q *pullQuote) folded(u int) ([]byte, bool) {
	k := len(q.starts) - 1 - u
	if !q.hasFold[k] {
		q.hasFold[k] = true
		f, ok := appendFoldUnitMax(q.ps.fold[k][:0], q.unit(u), maxPullQuoteWords)
		// With ok, f has no more than maxPullQuoteWords words.
		q.ps.fold[k], q.short[k] = f, ok && longUnit(f)
	}
	return q.ps.fold[k], q.short[k]
}

// repeated reports whether unit u (n-1-maxPullQuotes <= u < n) is short
// and appears before unit from (from <= u). The first occurrence before u
// itself tells, since all[:off[from]] is a prefix of all[:off[u]].
func (q *pullQuote) repeated(u, from int) bool {
	e := q.firstEnd(u)
	return e >= 0 && e <= q.ps.off[from]
}

// firstEnd returns where the first occurrence of unit u (n-1-maxPullQuotes
// <= u < n) before itself ends in all, or -1 when u is not short or does
// not occur before itself.
func (q *pullQuote) firstEnd(u int) int {
	e := &q.firstEnds[len(q.starts)-1-u]
	if *e == 0 {
		*e = -1
		if f, short := q.folded(u); short && q.mayOccur(f, u) {
			all, off := q.all()
			needle := all[off[u]-1 : off[u+1]]
			if i := index(all[:off[u]], needle); i >= 0 {
				*e = i + len(needle)
			}
		}
	}
	return *e
}

// all returns the folded text and the offsets of its units: " " + the
// folded units joined by " " + " "; unit u starts at off[u], so
// all[:off[u]] is the text before it and all[off[u]-1:off[u+1]] the unit
// with a space at each side.
func (q *pullQuote) all() ([]byte, []int) {
	ps := q.ps
	if !q.hasAll {
		q.hasAll = true
		n := len(q.starts)
		size := n + 1
		for _, l := range q.lines {
			size += len(l)
		}
		all := slices.Grow(ps.all[:0], size)[:1]
		all[0] = ' '
		off := slices.Grow(ps.off[:0], n+1)[:n+1]
		for u := range n {
			off[u] = len(all)
			all = appendFoldUnit(all, q.unit(u))
			all = append(all, ' ')
		}
		off[n] = len(all)
		ps.all, ps.off = all, off
	}
	return ps.all, ps.off
}

// letterBits estimates the information of each folded ASCII letter and
// digit in English text, in half bits (-2·log2 of its frequency): the
// rarest has the most. It is 0 for other bytes.
var letterBits = func() (t [256]uint8) {
	for c, b := range map[byte]uint8{
		'e': 6, 't': 7, 'a': 7, 'o': 7, 'i': 8, 'n': 8, 's': 8, 'h': 8, 'r': 8,
		'd': 9, 'l': 9, 'c': 10, 'u': 10, 'm': 11, 'w': 11, 'f': 11, 'g': 11,
		'y': 11, 'p': 11, 'b': 12, 'v': 13, 'k': 14, 'j': 19, 'x': 19, 'q': 20, 'z': 21,
	} {
		t[c] = b
	}
	for c := byte('0'); c <= '9'; c++ {
		t[c] = 13
	}
	return t
}()

// anchorBits is letterBits of the bytes mayOccur may look for: not i and
// k, which İ and the Kelvin sign fold to as well. Digits, which have one
// case, come before letters as rare.
var anchorBits = func() (t [256]uint8) {
	for c, b := range letterBits {
		t[c] = 2 * b
	}
	t['i'], t['k'] = 0, 0
	for c := byte('0'); c <= '9'; c++ {
		t[c]++
	}
	return t
}()

// mayOccur reports false only when the folded unit f, the fold of unit u,
// cannot occur in the fold of the text before unit u, and so lets most
// candidates be rejected without folding the whole text.
//
// It takes the rarest ASCII letter or digit of f other than i and k (İ and
// the Kelvin sign fold to those). Any occurrence of f holds that letter as
// itself, in upper or lower case, so it finds each of those in the lines
// before unit u, read as one text (see before), and reads the text around
// it as appendFoldUnit folds it (see matchAround). The one difference is
// that it reads over units whose fold is empty, where the folded whole text
// has two spaces: that may find an occurrence that is none, never miss one.
func (q *pullQuote) mayOccur(f []byte, u int) bool {
	at, best := 0, uint8(0) // the letter to find, and its anchorBits
	for i, c := range f {
		if b := anchorBits[c]; b > best {
			at, best = i, b
		}
	}
	if best == 0 {
		return true
	}
	h := q.before(u)
	c := f[at]
	up := c
	if 'a' <= c && c <= 'z' {
		up = c - 'a' + 'A'
	}
	// The byte that must follow f[at] in the fold: an ASCII letter or
	// digit after it in h folds (ORed with 0x20) to next, else the
	// occurrence is none; 0 when f ends there.
	next := byte(0)
	if at+1 < len(f) {
		next = f[at+1]
	}
	for _, b := range [2]byte{c, up} {
		for i := 0; ; i++ {
			j := strings.IndexByte(h[i:], b)
			if j < 0 {
				break
			}
			i += j
			// matchAround reads the byte after first: most often a letter
			// that f does not go on with.
			if i+1 < len(h) && foldWord[h[i+1]] && h[i+1]|0x20 != next {
				continue
			}
			if matchAround(h, i, f, at) {
				return true
			}
		}
		if up == c {
			break
		}
	}
	return false
}

// before returns the lines before unit u, n-1-maxPullQuotes <= u < n, as
// folding reads them: strings.Join(lines[:starts[u]], " "), or with src,
// src up to unit u, which has other white space between the lines and
// reads the same, and is read where it is. The joined text is built once,
// up to the last unit, and every candidate searches a prefix of it.
func (q *pullQuote) before(u int) string {
	if !q.hasBefore {
		q.hasBefore = true
		if q.src != "" {
			q.walk, q.walkEnd, q.walkUnit = len(q.lines), trimmedLen(q.src), len(q.starts)-1
		} else {
			q.joinBefore()
		}
	}
	if q.src != "" {
		return q.src[:q.srcStart(u)]
	}
	return q.joined[:q.ps.beforeEnds[q.starts[u]]]
}

// joinBefore sets q.joined to the lines before the last unit joined by
// spaces, and ps.beforeEnds[m] to len(strings.Join(lines[:m], " ")).
func (q *pullQuote) joinBefore() {
	ps := q.ps
	last := len(q.starts) - 1
	lines := q.lines[:q.starts[last]]
	q.joined = strings.Join(lines, " ")
	ends := slices.Grow(ps.beforeEnds[:0], len(lines)+1)
	ends = append(ends, 0)
	n := -1
	for _, l := range lines {
		n += len(l) + 1
		ends = append(ends, n)
	}
	ps.beforeEnds = ends
}

// srcStart returns where unit u starts in src. It finds the lines from the
// end: they are those of src without trailing white space, with only white
// space between them, so each ends at the last character before the next
// one that is not white space.
func (q *pullQuote) srcStart(u int) int {
	n := len(q.starts)
	for q.walk > q.starts[u] {
		q.walk--
		start := q.walkEnd - len(q.lines[q.walk])
		if q.walk == q.starts[q.walkUnit] {
			q.srcStarts[n-1-q.walkUnit] = start
			q.walkUnit--
		}
		q.walkEnd = trimmedLen(q.src[:start])
	}
	return q.srcStarts[n-1-u]
}

// trimmedLen returns len(strings.TrimRightFunc(s, unicode.IsSpace)), at once
// when s ends in ASCII.
func trimmedLen(s string) int {
	i := len(s)
	for ; i > 0 && s[i-1] < utf8.RuneSelf; i-- {
		if !asciiSpace[s[i-1]] {
			return i
		}
	}
	return len(strings.TrimRightFunc(s[:i], unicode.IsSpace))
}

// nextRune returns the character of h at i and the position after it; r
// is -1 at the end of h.
func nextRune(h string, i int) (r rune, j int) {
	if i == len(h) {
		return -1, i
	}
	if c := h[i]; c < utf8.RuneSelf {
		return rune(c), i + 1
	}
	r, n := utf8.DecodeRuneInString(h[i:])
	return r, i + n
}

// prevRune returns the character of h before i and its position; r is -1
// at the start of h.
func prevRune(h string, i int) (r rune, j int) {
	if i == 0 {
		return -1, i
	}
	if c := h[i-1]; c < utf8.RuneSelf {
		return rune(c), i - 1
	}
	r, n := utf8.DecodeLastRuneInString(h[:i])
	return r, i - n
}

// Kinds of characters for folding.
const (
	kindSpace = iota // splits words: folds to a space
	kindSkip         // apostrophes and soft hyphens: dropped
	kindWord         // letters and digits: kept
	kindEnd          // the end (or start) of the text
)

func foldKind(r rune) int {
	switch {
	case r < 0:
		return kindEnd
	case r < utf8.RuneSelf:
		switch foldASCII[r] {
		case foldSpace:
			return kindSpace
		case foldSkip:
			return kindSkip
		}
		return kindWord
	case r == '’' || r == '\u00AD':
		return kindSkip
	case r >= 0x2000 && r <= 0x206F:
		return kindSpace
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return kindWord
	}
	return kindSpace
}

// appendFoldRune appends the fold of r, a letter or digit.
func appendFoldRune(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		return append(dst, foldASCII[r])
	}
	return utf8.AppendRune(dst, unicode.ToLower(r))
}

// matchAround reports whether the ASCII character at h[i] is f[at] of an
// occurrence of the folded unit f: the text before and after it folds to
// the rest of f, with no letter or digit adjoining.
func matchAround(h string, i int, f []byte, at int) bool {
	var buf [utf8.UTFMax]byte
	// After: f[k:] is left to match from p on.
	k, p := at+1, i+1
	for {
		var r rune
		var kind int
		np := p + 1
		if p < len(h) && h[p] < utf8.RuneSelf {
			// ASCII, the common case.
			c := h[p]
			if fc := foldASCII[c]; fc > foldSkip && k < len(f) {
				if fc != f[k] {
					return false
				}
				k++
				p++
				continue
			}
			r, kind = rune(c), foldKind(rune(c))
		} else {
			r, np = nextRune(h, p)
			kind = foldKind(r)
		}
		if kind == kindSkip {
			p = np
			continue
		}
		if k == len(f) {
			if kind == kindWord {
				return false
			}
			break
		}
		if f[k] == ' ' {
			// One or more spaces and skipped characters, then a word.
			if kind != kindSpace {
				return false
			}
			for kind == kindSpace || kind == kindSkip {
				p = np
				r, np = nextRune(h, p)
				kind = foldKind(r)
			}
			if kind != kindWord {
				return false
			}
			k++
			continue
		}
		if kind != kindWord {
			return false
		}
		fr := appendFoldRune(buf[:0], r)
		if !bytes.HasPrefix(f[k:], fr) {
			return false
		}
		k += len(fr)
		p = np
	}
	// Before: f[:k] is left to match up to p.
	k, p = at, i
	for {
		var r rune
		var kind int
		np := p - 1
		if p > 0 && h[p-1] < utf8.RuneSelf {
			c := h[p-1]
			if fc := foldASCII[c]; fc > foldSkip && k > 0 {
				if fc != f[k-1] {
					return false
				}
				k--
				p--
				continue
			}
			r, kind = rune(c), foldKind(rune(c))
		} else {
			r, np = prevRune(h, p)
			kind = foldKind(r)
		}
		if kind == kindSkip {
			p = np
			continue
		}
		if k == 0 {
			return kind != kindWord
		}
		if f[k-1] == ' ' {
			if kind != kindSpace {
				return false
			}
			for kind == kindSpace || kind == kindSkip {
				p = np
				r, np = prevRune(h, p)
				kind = foldKind(r)
			}
			if kind != kindWord {
				return false
			}
			k--
			continue
		}
		if kind != kindWord {
			return false
		}
		fr := appendFoldRune(buf[:0], r)
		if !bytes.HasSuffix(f[:k], fr) {
			return false
		}
		k -= len(fr)
		p = np
	}
}

// index returns bytes.Index(hay, needle). Folded units start with a space
// and common letters, which makes bytes.Index fall back to a slow search for
// a long needle; a short head of the needle is found fast, and then checked
// in full.
func index(hay, needle []byte) int {
	const head = 32
	if len(needle) <= head {
		return bytes.Index(hay, needle)
	}
	for i := 0; ; i++ {
		j := bytes.Index(hay[i:], needle[:head])
		if j < 0 {
			return -1
		}
		i += j
		if bytes.HasPrefix(hay[i:], needle) {
			return i
		}
	}
}

// longUnit reports whether the folded unit f has at least
// minPullQuoteRunes characters, counting them only when its length does
// not tell.
func longUnit(f []byte) bool {
	return len(f) >= utf8.UTFMax*minPullQuoteRunes || utf8.RuneCount(f) >= minPullQuoteRunes
}

// foldASCII is the fold of each ASCII character: letters and digits in
// lower case, foldSkip for the apostrophe, which does not split words, and
// foldSpace for the rest.
var foldASCII = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			t[c] = byte(c)
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case c == '\'':
			t[c] = foldSkip
		default:
			t[c] = foldSpace
		}
	}
	return t
}()

// foldWord tells the bytes that foldASCII maps to a letter or digit.
var foldWord = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = foldASCII[c] > foldSkip
	}
	return t
}()

// Values of foldASCII other than letters and digits.
const (
	foldSpace = 0
	foldSkip  = 1
)

// appendFoldUnit appends to dst the fold of the lines of one unit joined
// by spaces: lower-cased and reduced to letters and digits, one space
// between words. Apostrophes and soft hyphens do not split words.
func appendFoldUnit(dst []byte, lines []string) []byte {
	dst, _ = appendFoldUnitMax(dst, lines, math.MaxInt)
	return dst
}

// appendFoldUnitMax is appendFoldUnit that stops at a fold of more than
// maxWords words, and then reports false.
func appendFoldUnitMax(dst []byte, lines []string, maxWords int) ([]byte, bool) {
	start := len(dst)
	space := false
	spaces := 0
	for i, l := range lines {
		if i > 0 {
			space = true
		}
		for j := 0; j < len(l); {
			if c := l[j]; c < utf8.RuneSelf {
				j++
				switch f := foldASCII[c]; f {
				case foldSkip:
				case foldSpace:
					space = true
				default:
					if space && len(dst) > start {
						if spaces++; spaces >= maxWords {
							return dst, false
						}
						dst = append(dst, ' ')
					}
					space = false
					// The word and the rest of it in ASCII, without the
					// checks above: the fold of an ASCII letter or digit
					// sets its 0x20 bit.
					dst = append(dst, f)
					for ; j < len(l) && foldWord[l[j]]; j++ {
						dst = append(dst, l[j]|0x20)
					}
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
					if spaces++; spaces >= maxWords {
						return dst, false
					}
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
	return dst, true
}

// startsLower reports whether the first letter of l is lower-case.
func startsLower(l string) bool {
	for _, r := range l {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
	}
	return false
}

// linkLike reports whether l looks like one entry of a list of links: a
// headline, short, starting with a capital or digit, not ending a sentence
// with a full stop nor running on into the next line.
func linkLike(l string) bool {
	// The lines of Body end with no white space, and most start with
	// none: trim only a line whose ends may be.
	if n := len(l); n > 0 && (l[0] >= utf8.RuneSelf || asciiSpace[l[0]] || l[n-1] >= utf8.RuneSelf || asciiSpace[l[n-1]]) {
		l = strings.TrimSpace(l)
	}
	// The end first: it is cheap to read and rules out most prose.
	if endsSentence(l) {
		return false
	}
	// A rune has at most utf8.UTFMax bytes: count the runes of l only when
	// its length in bytes does not tell. Likewise the fields, each of a
	// byte or more and apart from the next by one or more: more than
	// maxLinkWords of them take 2*maxLinkWords+1 bytes.
	if l == "" || len(l) > utf8.UTFMax*maxLinkRunes ||
		len(l) > maxLinkRunes && utf8.RuneCountInString(l) > maxLinkRunes ||
		len(l) > 2*maxLinkWords && countFieldsMax(l, maxLinkWords+1) > maxLinkWords {
		return false
	}
	// The first letter or digit, and whether there is a letter: both are
	// known at the first letter, most often the first byte.
	switch c := l[0]; {
	case 'A' <= c && c <= 'Z':
		return true
	case 'a' <= c && c <= 'z':
		return false
	}
	first, hasLetter := rune(0), false
	for _, r := range l {
		if letter := unicode.IsLetter(r); letter || unicode.IsDigit(r) {
			if first == 0 {
				first = r
			}
			if letter {
				hasLetter = true
				break
			}
		}
	}
	return hasLetter && !unicode.IsLower(first)
}

// endsSentence reports whether l ends a sentence or runs on: its last
// character before closing quotes, brackets and asterisks is a full stop,
// an ellipsis, a comma, a semicolon or a colon.
func endsSentence(l string) bool {
	// At once for the common line that ends in another ASCII character.
	if n := len(l); n > 0 && l[n-1] < utf8.RuneSelf {
		switch c := l[n-1]; c {
		case '"', '\'', ')', ']', '*':
		default:
			return c == '.' || c == ',' || c == ';' || c == ':'
		}
	}
	// The last character before closing quotes, brackets and asterisks.
	for l != "" {
		last, n := utf8.DecodeLastRuneInString(l)
		switch last {
		case '"', '\'', '”', '’', '»', ')', ']', '*':
			l = l[:len(l)-n]
			continue
		case '.', '…', ',', ';', ':':
			return true
		}
		break
	}
	return false
}
