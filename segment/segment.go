// Package segment splits a cleaned article body into paragraphs, sentences and
// word tokens, each carried as byte offsets into the body so that every later
// stage can point back at the exact text it read.
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/article"
)

// Paragraph is one paragraph of the body. Lines and Wrapped describe how it
// was laid out, which later stages use to recognise block quotations.
type Paragraph struct {
	article.Span
	Lines   int  // number of physical lines
	Wrapped bool // hard-wrapped: a line breaks in mid-sentence
}

// Paragraphs splits text into paragraphs. A blank line always separates two
// paragraphs. A single line break separates them too when the line before it
// ends a sentence (or a colon) and the next starts like a sentence; otherwise
// it is a soft wrap inside one paragraph.
func Paragraphs(text string) []Paragraph {
	var out []Paragraph
	lines := splitLines(text)
	var cur *Paragraph
	flush := func() {
		if cur != nil {
			out = append(out, *cur)
			cur = nil
		}
	}
	for i, ln := range lines {
		body := strings.TrimSpace(text[ln.Start:ln.End])
		if body == "" {
			flush()
			continue
		}
		start := ln.Start + strings.Index(text[ln.Start:ln.End], body)
		end := start + len(body)
		if cur != nil {
			prev := strings.TrimSpace(text[lines[i-1].Start:lines[i-1].End])
			if endsParagraph(prev) || !continuesLine(body) {
				flush()
			} else {
				cur.End = end
				cur.Lines++
				cur.Wrapped = true
				continue
			}
		}
		cur = &Paragraph{Span: article.Span{Start: start, End: end}, Lines: 1}
	}
	flush()
	return out
}

type line struct{ Start, End int }

func splitLines(text string) []line {
	var out []line
	s := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			out = append(out, line{s, i})
			s = i + 1
		}
	}
	if s <= len(text) {
		out = append(out, line{s, len(text)})
	}
	return out
}

// endsParagraph reports whether a line ends the way a paragraph does.
func endsParagraph(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', ':', '"', '\u201d', '\u2019', ')', ']', '\u00bb':
		return true
	}
	return false
}

// continuesLine reports whether a line looks like the continuation of a
// sentence broken by a hard wrap: it starts in lower case or with a digit.
// A short line with no final punctuation followed by a capitalised line is a
// heading or a list item, and so a paragraph of its own.
func continuesLine(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r) || unicode.IsDigit(r)
}
