// Package quote finds the quotation spans of a body: text between quotation
// marks of any common style, quotations that run over several paragraphs, and
// block quotations set off without marks. It decides only where quoted text is;
// who said it is the attribute stage's job.
package quote

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/internal/swar"
	"github.com/hearsaylab/hearsay/segment"
)

// Span is one quotation. Start and End delimit the quoted text; Open and Close
// the whole span including its marks (equal to Start and End for a block).
type Span struct {
	Start, End  int
	Open, Close int
	Para        int  // index of the paragraph the quotation starts in
	Block       bool // a block quotation without marks
	Intro       bool // a block introduced by a colon at the end of the paragraph before
	Unclosed    bool // closed by the end of its paragraph, not by a mark
}

// Text returns the quoted text of s in body.
func (s Span) Text(body string) string { return body[s.Start:s.End] }

type markKind uint8

const (
	notMark markKind = iota
	openMark
	closeMark
	eitherMark // a straight quote whose role depends on its neighbours
)

// family groups a mark with the marks that may close it.
type family uint8

const (
	famNone family = iota
	famCurly
	famLow // „ closed by “ or ”
	famGuillemet
	famReverseGuillemet
	famStraight
	famSingleCurly
	famSingleStraight
)

// Scan returns the quotation spans of body in text order.
//
// Single quotation marks count only in a body without double marks. Most
// bodies have some, and a scan for double marks sees every one in the
// paragraphs, so the paragraphs are scanned for those first; the body is
// read for double marks, and scanned again for single ones, only when the
// paragraphs hold none (a scan for double marks then finds nothing).
func Scan(body string, paras []segment.Paragraph) []Span {
	var out []Span
	double := false
	for pi := range paras {
		out = scanParagraph(body, paras, pi, false, &double, out)
	}
	if !double && !hasDoubleMarks(body) {
		out = scanSingle(body, paras, out[:0])
	}
	return withBlocks(body, paras, out)
}

// ScanMarked is Scan for a body whose double quotation marks are known:
// quotes holds the offset of every one of them, in order (see
// segment.Marks). It finds the quotations without reading the text in
// between.
func ScanMarked(body string, paras []segment.Paragraph, quotes []int) []Span {
	return AppendScanMarked(nil, body, paras, quotes)
}

// AppendScanMarked is ScanMarked appending the quotations to out, which
// must be empty (out[:0] of an earlier result, say): a caller that scans
// document after document can reuse one buffer instead of allocating a
// result for each.
func AppendScanMarked(out []Span, body string, paras []segment.Paragraph, quotes []int) []Span {
	if len(quotes) == 0 {
		out = scanSingle(body, paras, out)
	} else {
		marks := markFinder{quotes}
		for pi, p := range paras {
			// A paragraph without a double mark holds no quotation.
			if marks.within(p.Start, p.End) {
				out = scanParagraphMarked(body, paras, pi, &marks, out)
			}
		}
	}
	return withBlocks(body, paras, out)
}

// scanSingle appends the quotations of a body without double marks to
// out, with single marks.
func scanSingle(body string, paras []segment.Paragraph, out []Span) []Span {
	double := false
	for pi := range paras {
		out = scanParagraph(body, paras, pi, true, &double, out)
	}
	return out
}

// withBlocks adds the block quotations to the quotations out, and sorts
// them.
func withBlocks(body string, paras []segment.Paragraph, out []Span) []Span {
	out = append(out, blocks(body, paras, out)...)
	sortSpans(out)
	return out
}

// markFinder holds the offsets of the double marks of a body (see
// ScanMarked) that a scan has not yet passed.
type markFinder struct {
	offsets []int // the offsets not yet passed
}

// within reports whether a listed offset lies in [lo, hi), passing over
// those before lo.
func (f *markFinder) within(lo, hi int) bool {
	for len(f.offsets) > 0 && f.offsets[0] < lo {
		f.offsets = f.offsets[1:]
	}
	return len(f.offsets) > 0 && f.offsets[0] < hi
}

func hasDoubleMarks(body string) bool {
	// strings.ContainsAny(body, "\"\u201c\u201d\u201e\u00ab\u00bb"), byte by
	// byte: the lead bytes E2 and C2 never continue another character, so
	// their sequences here are always those characters.
	if strings.IndexByte(body, '"') >= 0 {
		return true
	}
	for s := body; ; {
		i := strings.IndexByte(s, 0xE2)
		if i < 0 || i+2 >= len(s) {
			break
		}
		if s[i+1] == 0x80 && s[i+2] >= 0x9C && s[i+2] <= 0x9E {
			return true
		}
		s = s[i+1:]
	}
	for s := body; ; {
		i := strings.IndexByte(s, 0xC2)
		if i < 0 || i+1 >= len(s) {
			break
		}
		if s[i+1] == 0xAB || s[i+1] == 0xBB {
			return true
		}
		s = s[i+1:]
	}
	return false
}

// classify tells what the rune at i in body is as a quotation mark.
func classify(body string, i int, r rune, single bool) (markKind, family) {
	switch r {
	case '\u201c':
		return openMark, famCurly
	case '\u201d':
		return closeMark, famCurly
	case '\u201e':
		return openMark, famLow
	case '\u00ab':
		return openMark, famGuillemet
	case '\u00bb':
		return closeMark, famGuillemet
	case '"':
		return straightRole(body, i, 1), famStraight
	}
	if !single {
		return notMark, famNone
	}
	switch r {
	case '\u2018', '\u201a':
		return openMark, famSingleCurly
	case '\u2019':
		if isApostrophe(body, i, len("\u2019")) {
			return notMark, famNone
		}
		return closeMark, famSingleCurly
	case '\'':
		if isApostrophe(body, i, 1) {
			return notMark, famNone
		}
		return straightRole(body, i, 1), famSingleStraight
	}
	return notMark, famNone
}

// isApostrophe reports whether the single quote at i sits inside a word
// ("don’t") or ends a plural possessive ("ministers’ ").
func isApostrophe(body string, i, size int) bool {
	before, _ := utf8.DecodeLastRuneInString(body[:i])
	after, _ := utf8.DecodeRuneInString(body[i+size:])
	if unicode.IsLetter(before) && unicode.IsLetter(after) {
		return true
	}
	if before == 's' && (after == ' ' || after == utf8.RuneError) {
		return true
	}
	return false
}

// straightRole decides whether a straight quote opens or closes.
func straightRole(body string, i, size int) markKind {
	var spaceBefore, spaceAfter bool
	if i == 0 {
		spaceBefore = true
	} else if c := body[i-1]; c < utf8.RuneSelf {
		spaceBefore = asciiOpens[c]
	} else {
		before, _ := utf8.DecodeLastRuneInString(body[:i])
		spaceBefore = unicode.IsSpace(before) || before == '\u2014' || before == '\u2013'
	}
	if i+size >= len(body) {
		spaceAfter = true
	} else if c := body[i+size]; c < utf8.RuneSelf {
		spaceAfter = asciiCloses[c]
	} else {
		after, _ := utf8.DecodeRuneInString(body[i+size:])
		spaceAfter = unicode.IsSpace(after) || after == '\u2014' || after == '\u2013'
	}
	switch {
	case spaceBefore && !spaceAfter:
		return openMark
	case !spaceBefore && spaceAfter:
		return closeMark
	case spaceBefore && spaceAfter:
		return notMark
	}
	return eitherMark
}

// asciiOpens tells the ASCII characters after which a straight quotation
// mark opens, as a space does: white space and ( [ { - / :. asciiCloses
// tells those before which it closes: white space and . , ; : ! ? ) ] }.
// Outside ASCII, the dashes — and – and white space do both.
var asciiOpens, asciiCloses = func() (opens, closes [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		space := unicode.IsSpace(rune(c))
		opens[c] = space || strings.ContainsRune("([{-/:", rune(c))
		closes[c] = space || strings.ContainsRune(".,;:!?)]}", rune(c))
	}
	return opens, closes
}()

func closes(open family, kind markKind, f family, r rune) bool {
	if kind != closeMark && kind != eitherMark && !(open == famLow && r == '\u201c') {
		return false
	}
	switch open {
	case famCurly:
		return f == famCurly || f == famStraight
	case famLow:
		return r == '\u201c' || r == '\u201d'
	case famGuillemet:
		return f == famGuillemet
	case famReverseGuillemet:
		return r == '\u00ab'
	case famStraight:
		return f == famStraight || f == famCurly
	case famSingleCurly, famSingleStraight:
		return f == famSingleCurly || f == famSingleStraight
	}
	return false
}

// firstSpans is the capacity of the first allocation of Scan's result,
// enough for the quotations of most news articles.
const firstSpans = 8

// appendSpan appends s to out, giving out room for firstSpans spans when it
// has none: appending one at a time would grow it several times over.
func appendSpan(out []Span, s Span) []Span {
	if out == nil {
		out = make([]Span, 0, firstSpans)
	}
	return append(out, s)
}

// markLead tells the bytes a quotation mark can start with: markLead[0]
// for a body with double marks, markLead[1] for one with single marks only
// (see classify). Every mark outside ASCII starts with C2 or E2, bytes
// that never continue another character, so scanParagraph can skip any
// other byte without decoding and still see every mark.
var markLead = func() (t [2][256]bool) {
	for _, single := range []bool{false, true} {
		lead := &t[0]
		if single {
			lead = &t[1]
		}
		lead['"'], lead[0xC2], lead[0xE2] = true, true, true
		lead['\''] = single
	}
	return t
}()

// indexMarkLead returns the index of the first byte of s that markLead
// marks (markLead[1] when single), or len(s); without single, it passes
// over the lead bytes of characters other than double marks, such as the
// apostrophe ’ and the dash —, which classify would take for no mark. Eight
// bytes at a time, it finds the bytes that may be: the straight quotes it
// looks for and every non-ASCII byte, and checks each against the table.
func indexMarkLead(s string, single bool) int {
	lead := &markLead[0]
	if single {
		lead = &markLead[1]
	}
	i := 0
	for ; i+8 <= len(s); i += 8 {
		for m := mayLead8(swar.Load8(s, i), single); m != 0; m &= m - 1 {
			if j := i + bits.TrailingZeros64(m)/8; lead[s[j]] && (single || mayOpenDouble(s, j)) {
				return j
			}
		}
	}
	for ; i < len(s); i++ {
		if lead[s[i]] && (single || mayOpenDouble(s, i)) {
			return i
		}
	}
	return i
}

// mayOpenDouble reports whether the bytes of s from j on, of which the
// first is one of markLead[0], may be a double mark: '"', or one of « » “ ”
// „, or a lead byte that s ends too soon after to tell. The lead bytes C2
// and E2 never continue another character, so a character starts at j.
func mayOpenDouble(s string, j int) bool {
	switch s[j] {
	case 0xC2: // « is C2 AB, » C2 BB
		return j+1 >= len(s) || s[j+1] == 0xAB || s[j+1] == 0xBB
	case 0xE2: // “ is E2 80 9C, ” E2 80 9D, „ E2 80 9E
		return j+2 >= len(s) || s[j+1] == 0x80 && s[j+2] >= 0x9C && s[j+2] <= 0x9E
	}
	return true
}

// mayLead8 returns the bytes of x that may start a mark, each as its top
// bit: straight double quotes, straight single quotes when single, and
// every byte outside ASCII.
func mayLead8(x uint64, single bool) uint64 {
	// On the low seven bits of each byte, so that no byte carries into
	// the next: y^c*ones has a zero byte where x has c, and adding 0x7F
	// sets the top bit of every byte but those.
	y := x &^ swar.Highs
	m := x | ^((y ^ '"'*swar.Ones) + 0x7F*swar.Ones)
	if single {
		m |= ^((y ^ '\''*swar.Ones) + 0x7F*swar.Ones)
	}
	return m & swar.Highs
}

// isDoubleMark reports whether r is a double quotation mark, one of those
// hasDoubleMarks looks for.
func isDoubleMark(r rune) bool {
	switch r {
	case '"', '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb':
		return true
	}
	return false
}

// scanParagraphMarked is scanParagraph for a paragraph that holds the
// first of the listed double marks of marks, without single marks: it goes
// from listed offset to offset, and tells the mark at each from its bytes
// (doubleMarkAt), instead of decoding and asking classify.
func scanParagraphMarked(body string, paras []segment.Paragraph, pi int, marks *markFinder, out []Span) []Span {
	p := paras[pi]
	o := opener{body: body, pi: pi, out: out}
	offs := marks.offsets
	for i := p.Start; len(offs) > 0 && offs[0] < p.End; offs = offs[1:] {
		if offs[0] < i {
			continue // inside the mark before, as no true mark is
		}
		i = offs[0]
		r, size, kind, fam := doubleMarkAt(body, i)
		if kind == notMark {
			i += size
			continue
		}
		o.mark(i, size, r, kind, fam)
		i += size
	}
	marks.offsets = offs
	if o.in {
		o.out = runOn(body, paras, pi, o.at, o.size, o.out)
	}
	return o.out
}

// doubleMarkAt returns the character at i in body, its size, as
// utf8.DecodeRuneInString does, and what it is as a mark, as classify
// tells without single marks: a double quotation mark from its bytes.
func doubleMarkAt(body string, i int) (r rune, size int, kind markKind, fam family) {
	switch body[i] {
	case '"':
		return '"', 1, straightRole(body, i, 1), famStraight
	case 0xE2:
		if i+2 < len(body) && body[i+1] == 0x80 {
			switch body[i+2] {
			case 0x9C:
				return '\u201c', 3, openMark, famCurly
			case 0x9D:
				return '\u201d', 3, closeMark, famCurly
			case 0x9E:
				return '\u201e', 3, openMark, famLow
			}
		}
	case 0xC2:
		if i+1 < len(body) {
			switch body[i+1] {
			case 0xAB:
				return '\u00ab', 2, openMark, famGuillemet
			case 0xBB:
				return '\u00bb', 2, closeMark, famGuillemet
			}
		}
	}
	r, size = utf8.DecodeRuneInString(body[i:])
	kind, fam = classify(body, i, r, false)
	return r, size, kind, fam
}

// runOn appends to out the quotation that opens with the mark at openAt
// of openSize bytes in paragraph pi and has no closing mark before the
// paragraph ends, when it counts as one.
func runOn(body string, paras []segment.Paragraph, pi, openAt, openSize int, out []Span) []Span {
	// By convention a quotation that runs on opens the next paragraph with
	// a mark again; a quotation that opens its paragraph has most likely
	// lost its closing mark.
	p := paras[pi]
	next := pi+1 < len(paras) && startsWithOpen(body, paras[pi+1].Start)
	if next || openAt == p.Start {
		end := trimRightSpace(body, openAt+openSize, p.End)
		if end > openAt+openSize {
			out = appendSpan(out, Span{Start: openAt + openSize, End: end, Open: openAt, Close: p.End, Para: pi, Unclosed: true})
		}
	}
	return out
}

// scanParagraph appends the quotations of paragraph pi to out, with single
// marks or without (see classify), looking at the bytes that indexMarkLead
// finds.
// It sets *double when it meets a double mark, which it does wherever
// paragraph pi holds one.
func scanParagraph(body string, paras []segment.Paragraph, pi int, single bool, double *bool, out []Span) []Span {
	p := paras[pi]
	if p.Start >= p.End {
		return out // nothing to read, and p.End may lie beyond body
	}
	o := opener{body: body, pi: pi, out: out}
	t := body[:p.End]
	for i := p.Start; i < p.End; {
		i += indexMarkLead(t[i:], single)
		if i >= len(t) {
			break
		}
		r, size := utf8.DecodeRuneInString(body[i:])
		if isDoubleMark(r) {
			*double = true
		}
		kind, fam := classify(body, i, r, single)
		if kind == notMark {
			i += size
			continue
		}
		o.mark(i, size, r, kind, fam)
		i += size
	}
	if o.in {
		// No closing mark before the paragraph ends.
		o.out = runOn(body, paras, pi, o.at, o.size, o.out)
	}
	return o.out
}

// opener is what a scan of paragraph pi of body knows: the quotations it
// has found, out, and whether it is in one, with the opening mark's
// offset, size and family. It holds the body, the paragraph and out so
// that mark takes few arguments: with more than the registers hold, a
// call for each mark costs more.
type opener struct {
	body     string
	pi       int
	out      []Span
	in       bool
	at, size int
	fam      family
}

// mark takes the mark r of kind and family fam, size bytes at i, and
// appends to o.out the quotation it closes, if any.
func (o *opener) mark(i, size int, r rune, kind markKind, fam family) {
	if !o.in {
		if r == '\u00bb' && reverseGuillemetOpens(o.body, i, size) {
			kind, fam = openMark, famReverseGuillemet
		}
		if kind == openMark || kind == eitherMark {
			o.in, o.at, o.size, o.fam = true, i, size, fam
		}
		return
	}
	if closes(o.fam, kind, fam, r) {
		if i > o.at+o.size {
			o.out = appendSpan(o.out, Span{Start: o.at + o.size, End: i, Open: o.at, Close: i + size, Para: o.pi})
		}
		o.in = false
		return
	}
	if kind == openMark && fam == o.fam {
		// A second opening mark of the same kind: the first was never
		// closed. Start again from here rather than swallow the text.
		o.at, o.size = i, size
	}
}

func reverseGuillemetOpens(body string, i, size int) bool {
	after, _ := utf8.DecodeRuneInString(body[i+size:])
	return unicode.IsLetter(after) && strings.ContainsRune(body[i:min(len(body), i+400)], '\u00ab')
}

func startsWithOpen(body string, i int) bool {
	r, _ := utf8.DecodeRuneInString(body[i:])
	switch r {
	case '\u201c', '\u201e', '\u00ab', '"':
		return true
	}
	return false
}

func trimRightSpace(body string, lo, hi int) int {
	for hi > lo {
		r, s := utf8.DecodeLastRuneInString(body[:hi])
		if !unicode.IsSpace(r) {
			break
		}
		hi -= s
	}
	return hi
}

func sortSpans(s []Span) {
	// insertion sort: the lists are short and nearly sorted
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && (s[j].Start < s[j-1].Start || (s[j].Start == s[j-1].Start && s[j].End > s[j-1].End)); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
