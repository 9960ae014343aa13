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
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
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
	pull     sync.Pool // *pullScratch, the buffers of dropPullQuote
}

// pullScratch holds the buffers of one call of dropPullQuote.
type pullScratch struct {
	starts []int
	off    []int
	buf    []byte
	all    []byte
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
	lines := splitLines(normalise(text))
	// Each step can expose work for another (dropping a pull quote can leave
	// a list of links at the end), so repeat until nothing changes. Isolated
	// lines go last, as headings among them mark where a trailing run
	// starts. Real text needs two or three rounds; the cap bounds the work
	// on contrived input that nests furniture and repeats many times over.
	var m matcher
	ps, _ := c.pull.Get().(*pullScratch)
	if ps == nil {
		ps = &pullScratch{}
	}
	defer c.pull.Put(ps)
	for range maxRounds {
		n := len(lines)
		lines = dropPullQuote(lines, ps)
		lines = c.dropTrailingRun(lines, &m)
		lines = tidy(c.dropIsolated(lines, &m))
		if len(lines) == n {
			break
		}
	}
	return strings.Join(lines, "\n")
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
func (c *Cleaner) dropIsolated(lines []string, m *matcher) []string {
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
func (c *Cleaner) dropTrailingRun(lines []string, m *matcher) []string {
	// Lines from tail on are all furniture, link-like or blank.
	tail := len(lines)
	for tail > 0 && (lines[tail-1] == "" || linkLike(lines[tail-1]) || c.isFurniture(lines[tail-1], m)) {
		tail--
	}
	// The lead ends with line lead.
	lead, words := -1, 0
	for lead+1 < len(lines) && words < minLeadWords {
		lead++
		words += countFields(lines[lead])
	}
	for i := max(tail, lead+1); i < len(lines); i++ {
		if m.prepare(lines[i]) && c.headings.matchPrepared(m, true) {
			return lines[:i]
		}
	}
	return lines
}

func (c *Cleaner) isFurniture(l string, m *matcher) bool {
	return m.prepare(l) && (c.lines.matchPrepared(m, true) || c.headings.matchPrepared(m, true))
}

// dropPullQuote removes up to maxPullQuotes short final paragraphs whose
// words already appear, in the same order, before them. It leaves the text
// alone when the paragraph before those is a repeat as well: then the
// repetition is the article's own and not a pull quote. When the text has
// no paragraph breaks, its lines count as paragraphs.
func dropPullQuote(lines []string, ps *pullScratch) []string {
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
	if last > maxPullQuoteWords {
		return lines
	}
	// A pull quote starting at unit s needs units s..n-1 all short; find
	// the first s for which they are before folding the whole text.
	lo := max(1, n-maxPullQuotes)
	first := n
	buf := ps.buf
	defer func() { ps.buf = buf[:0] }()
	for u := n - 1; u >= lo; u-- {
		buf = appendFoldUnit(buf[:0], unit(u))
		if !shortUnit(buf) {
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
		all = appendFoldUnit(all, unit(u))
		all = append(all, ' ')
	}
	off[n] = len(all)
	// firstEnd[u-first+1] is where the first occurrence of unit u before
	// itself ends, or -1; 0 while not yet searched.
	var firstEnd [maxPullQuotes + 1]int
	// repeated reports whether unit u (u >= first-1) is short and appears
	// before unit from (from <= u). The first occurrence before u itself
	// tells, since all[:off[from]] is a prefix of all[:off[u]].
	repeated := func(u, from int) bool {
		e := &firstEnd[u-first+1]
		if *e == 0 {
			*e = -1
			needle := all[off[u]-1 : off[u+1]]
			if shortUnit(needle[1 : len(needle)-1]) {
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

// shortUnit reports whether the folded unit f is short enough to be part
// of a pull quote, and long enough not to be trivially repeated.
func shortUnit(f []byte) bool {
	return utf8.RuneCount(f) >= minPullQuoteRunes && bytes.Count(f, []byte(" "))+1 <= maxPullQuoteWords
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
	start := len(dst)
	space := false
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
						dst = append(dst, ' ')
					}
					space = false
					// The word and the rest of it in ASCII, without the
					// checks above.
					k := j
					for k < len(l) && foldWord[l[k]] {
						k++
					}
					n := len(dst)
					dst = slices.Grow(dst, k-j+1)[:n+k-j+1]
					dst[n] = f
					w := dst[n+1:]
					for x, c := range []byte(l[j:k]) {
						w[x] = foldASCII[c]
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
	l = strings.TrimSpace(l)
	if l == "" || utf8.RuneCountInString(l) > maxLinkRunes || countFields(l) > maxLinkWords {
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
