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
	// A paragraph takes at least one line, and a text has few: room for
	// one per line costs less than growing the slice as it fills.
	out := AppendParagraphs(make([]Paragraph, 0, strings.Count(text, "\n")+1), text)
	if len(out) == 0 {
		return nil // as before, for a text without paragraphs
	}
	return out
}

// AppendParagraphs appends the paragraphs of text to out, as Paragraphs
// returns them, so that a caller can reuse one buffer from text to text.
func AppendParagraphs(out []Paragraph, text string) []Paragraph {
	var cur Paragraph // the paragraph being built, when cur.End > 0
	lineStart := 0    // the start of its last line, which ends at cur.End
	for ls := 0; ls <= len(text); {
		var le int
		if ls < len(text) && text[ls] == '\n' {
			le = ls // a blank line, most often after a line break
		} else if le = strings.IndexByte(text[ls:], '\n'); le < 0 {
			le = len(text)
		} else {
			le += ls
		}
		start, end := ls, ls
		if le > ls {
			if c, d := text[ls], text[le-1]; c < utf8.RuneSelf && !asciiSpace[c] && d < utf8.RuneSelf && !asciiSpace[d] {
				end = le // nothing to trim, as for most lines
			} else {
				start, end = trimSpan(text, ls, le)
			}
		}
		ls = le + 1
		if start == end {
			if cur.End > 0 {
				out = append(out, cur)
				cur = Paragraph{}
			}
			continue
		}
		if cur.End > 0 {
			// Most paragraphs end at a blank line: whether a line ends
			// the way a paragraph does is asked only of one that another
			// line follows.
			if endsParagraph(text[lineStart:cur.End]) || !continuesLine(text[start:end]) {
				out = append(out, cur)
			} else {
				cur.End = end
				cur.Lines++
				cur.Wrapped = true
				lineStart = start
				continue
			}
		}
		cur = Paragraph{Span: article.Span{Start: start, End: end}, Lines: 1}
		lineStart = start
		if ls < len(text) && text[ls] == '\n' {
			// A blank line, as after most paragraphs: it ends this one.
			out = append(out, cur)
			cur = Paragraph{}
			ls++
		}
	}
	if cur.End > 0 {
		out = append(out, cur)
	}
	return out
}

// trimSpan returns the span of text[lo:hi] without white space at either
// end, as strings.TrimSpace trims it; start == end when it is all space.
func trimSpan(text string, lo, hi int) (start, end int) {
	for lo < hi && text[lo] < utf8.RuneSelf && asciiSpace[text[lo]] {
		lo++
	}
	for hi > lo && text[hi-1] < utf8.RuneSelf && asciiSpace[text[hi-1]] {
		hi--
	}
	if lo < hi && (text[lo] >= utf8.RuneSelf || text[hi-1] >= utf8.RuneSelf) {
		if startsNotSpace(text, lo, hi) && endsNotSpace(text, lo, hi) {
			return lo, hi // a quotation mark or a dash, told from its bytes
		}
		if !isContinuation(text[lo]) && !unicode.IsSpace(firstRune(text[lo:hi])) && !unicode.IsSpace(lastRune(text[lo:hi])) {
			return lo, hi // another character, such as a letter, and no space
		}
		// A non-ASCII character at either end, which may be a space. The
		// trimmed line is placed at its first occurrence, as Paragraphs
		// always has: that is earlier than where it was cut from only when
		// it starts with a stray continuation byte that a space before it
		// ends with.
		line := text[lo:hi]
		trimmed := strings.TrimSpace(line)
		lo += strings.Index(line, trimmed)
		hi = lo + len(trimmed)
	}
	return lo, hi
}

// firstRune returns the first character of s, as utf8.DecodeRuneInString
// does.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// lastRune returns the last character of s, as
// utf8.DecodeLastRuneInString does.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// asciiSpace tells the ASCII white-space bytes.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// endsParagraph reports whether a line ends the way a paragraph does.
func endsParagraph(s string) bool {
	if len(s) > 0 && s[len(s)-1] < utf8.RuneSelf {
		switch s[len(s)-1] {
		case '.', '!', '?', ':', '"', ')', ']':
			return true
		}
		return false
	}
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
