package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/segment"
)

// This file keeps the straightforward implementation that the faster code
// replaced, as the oracle of differential_test.go.

func refScan(body string, paras []segment.Paragraph) []Span {
	single := !hasDoubleMarks(body)
	var out []Span
	for pi := range paras {
		out = refScanParagraph(body, paras, pi, single, out)
	}
	out = append(out, blocks(body, paras, out)...)
	sortSpans(out)
	return out
}

func refScanParagraph(body string, paras []segment.Paragraph, pi int, single bool, out []Span) []Span {
	p := paras[pi]
	inQuote := false
	var openAt, openSize int
	var openFam family
	for i := p.Start; i < p.End; {
		r, size := utf8.DecodeRuneInString(body[i:])
		kind, fam := classify(body, i, r, single)
		if kind == notMark {
			i += size
			continue
		}
		if !inQuote {
			if r == '\u00bb' && reverseGuillemetOpens(body, i, size) {
				kind, fam = openMark, famReverseGuillemet
			}
			if kind == openMark || kind == eitherMark {
				inQuote, openAt, openSize, openFam = true, i, size, fam
			}
			i += size
			continue
		}
		if closes(openFam, kind, fam, r) {
			if i > openAt+openSize {
				out = append(out, Span{Start: openAt + openSize, End: i, Open: openAt, Close: i + size, Para: pi})
			}
			inQuote = false
			i += size
			continue
		}
		if kind == openMark && fam == openFam {
			openAt, openSize = i, size
		}
		i += size
	}
	if inQuote {
		next := pi+1 < len(paras) && startsWithOpen(body, paras[pi+1].Start)
		if next || openAt == p.Start {
			end := trimRightSpace(body, openAt+openSize, p.End)
			if end > openAt+openSize {
				out = append(out, Span{Start: openAt + openSize, End: end, Open: openAt, Close: p.End, Para: pi, Unclosed: true})
			}
		}
	}
	return out
}

func refStraightRole(body string, i, size int) markKind {
	before, _ := utf8.DecodeLastRuneInString(body[:i])
	after, _ := utf8.DecodeRuneInString(body[i+size:])
	spaceBefore := i == 0 || unicode.IsSpace(before) || strings.ContainsRune("([{\u2014\u2013-/:", before)
	spaceAfter := i+size >= len(body) || unicode.IsSpace(after) || strings.ContainsRune(".,;:!?)]}\u2014\u2013", after)
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

func refHasWords(s string, n int) bool {
	return len(strings.Fields(s)) >= n
}

func refEndsWithColon(body string, p segment.Paragraph) bool {
	r, _ := utf8.DecodeLastRuneInString(body[p.Start:p.End])
	return r == ':'
}
