// Package clean strips site furniture from article text: comment forms,
// "Recent News" lists, share buttons, advertisement markers and repeated
// pull quotes, leaving the article body with normalised whitespace.
//
// The furniture phrases are data (furniture.txt, embedded); the rules that use
// them rely on general signals (position, line length, punctuation, case), so
// that a real article paragraph is never dropped.
package clean

import (
	_ "embed"
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
	for range maxRounds {
		n := len(lines)
		lines = dropPullQuote(lines)
		lines = c.dropTrailingRun(lines)
		lines = tidy(c.dropIsolated(lines))
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
func (c *Cleaner) dropIsolated(lines []string) []string {
	for range 2 {
		out := make([]string, 0, len(lines))
		for i, l := range lines {
			if l != "" && (alone(lines, i) || !startsLower(l)) {
				if c.lines.match(l, true) || c.headings.match(l, false) {
					continue
				}
			}
			out = append(out, l)
		}
		lines = out
	}
	return lines
}

// dropTrailingRun finds the first furniture heading after the article's
// lead such that every line after it is furniture or a short link-like line,
// and cuts the text there.
func (c *Cleaner) dropTrailingRun(lines []string) []string {
	// Lines from tail on are all furniture, link-like or blank.
	tail := len(lines)
	for tail > 0 && (lines[tail-1] == "" || linkLike(lines[tail-1]) || c.isFurniture(lines[tail-1])) {
		tail--
	}
	// The lead ends with line lead.
	lead, words := -1, 0
	for lead+1 < len(lines) && words < minLeadWords {
		lead++
		words += len(strings.Fields(lines[lead]))
	}
	for i := max(tail, lead+1); i < len(lines); i++ {
		if c.headings.match(lines[i], true) {
			return lines[:i]
		}
	}
	return lines
}

func (c *Cleaner) isFurniture(l string) bool {
	return c.lines.match(l, true) || c.headings.match(l, true)
}

// dropPullQuote removes up to maxPullQuotes short final paragraphs whose
// words already appear, in the same order, before them. It leaves the text
// alone when the paragraph before those is a repeat as well: then the
// repetition is the article's own and not a pull quote. When the text has
// no paragraph breaks, its lines count as paragraphs.
func dropPullQuote(lines []string) []string {
	var starts []int // first line of each unit
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
	// Every unit of a pull quote is short, the last one too: most articles
	// end in a full paragraph, and then there is nothing to fold.
	last := 0
	for _, l := range lines[starts[n-1]:] {
		last += strings.Count(l, " ") + 1
	}
	if last > maxPullQuoteWords {
		return lines
	}
	folded := make([]string, n)
	for u, st := range starts {
		end := len(lines)
		if u+1 < n {
			end = starts[u+1]
		}
		folded[u] = fold(strings.Join(lines[st:end], " "))
	}
	// repeat reports whether units from..n-1 are short and all appear
	// before unit from.
	repeat := func(from int) bool {
		before := " " + strings.Join(folded[:from], " ") + " "
		for _, f := range folded[from:] {
			if utf8.RuneCountInString(f) < minPullQuoteRunes ||
				strings.Count(f, " ")+1 > maxPullQuoteWords ||
				!strings.Contains(before, " "+f+" ") {
				return false
			}
		}
		return true
	}
	for s := max(1, n-maxPullQuotes); s < n; s++ {
		if repeat(s) {
			if s > 1 && repeatOne(folded, s-1) {
				return lines
			}
			return lines[:starts[s]]
		}
	}
	return lines
}

// repeatOne reports whether unit u of folded is short and appears before u.
func repeatOne(folded []string, u int) bool {
	f := folded[u]
	if utf8.RuneCountInString(f) < minPullQuoteRunes || strings.Count(f, " ")+1 > maxPullQuoteWords {
		return false
	}
	return strings.Contains(" "+strings.Join(folded[:u], " ")+" ", " "+f+" ")
}

// fold lower-cases s and reduces it to its letters and digits, one space
// between words.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		if r == '\'' || r == '’' || r == '\u00AD' {
			continue // don't split words at apostrophes
		}
		space = true
	}
	return b.String()
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
	if l == "" || utf8.RuneCountInString(l) > maxLinkRunes || len(strings.Fields(l)) > maxLinkWords {
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
