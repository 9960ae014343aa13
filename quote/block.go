package quote

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/internal/swar"

	"github.com/hearsaylab/hearsay/segment"
)

// minBlockWords is the least number of words a paragraph needs to be taken as
// a block quotation: shorter ones after a colon are list items or headings.
const minBlockWords = 12

// blocks finds block quotations without marks: a paragraph introduced by a
// colon at the end of the paragraph before it ("Explained Brenner:"), and a run
// of hard-wrapped paragraphs in an article that is otherwise not wrapped (text
// pasted from a transcript, set off as its own block).
func blocks(body string, paras []segment.Paragraph, marked []Span) []Span {
	var out []Span
	wrapped, colon := 0, false
	for i, p := range paras {
		if p.Wrapped {
			wrapped++
		}
		colon = colon || i+1 < len(paras) && endsWithColon(body, p)
	}
	if !colon && (wrapped == 0 || wrapped*2 > len(paras)) {
		// Most articles: no paragraph introduces the next with a
		// colon, and no wrapped paragraphs to set off.
		return nil
	}
	for i := 0; i < len(paras); i++ {
		p := paras[i]
		if i > 0 && endsWithColon(body, paras[i-1]) && !startsWithOpen(body, p.Start) &&
			hasWords(body[p.Start:p.End], minBlockWords) && !coveredByMarks(p, marked) && !listItem(body, p) {
			out = append(out, Span{Start: p.Start, End: p.End, Open: p.Start, Close: p.End, Para: i, Block: true, Intro: true})
			continue
		}
		if p.Wrapped && wrapped*2 <= len(paras) && !startsWithOpen(body, p.Start) {
			j := i
			for j+1 < len(paras) && paras[j+1].Wrapped {
				j++
			}
			end := paras[j].End
			if hasWords(body[p.Start:end], minBlockWords) {
				out = append(out, Span{Start: p.Start, End: end, Open: p.Start, Close: end, Para: i, Block: true})
			}
			i = j
		}
	}
	return out
}

// hasWords reports whether s has at least n words separated by white space,
// n of one or more, as len(strings.Fields(s)) >= n does, without
// allocating. It reads eight
// bytes at a time while they are ASCII, counting the bytes that are not
// white space after white space (or at the start), and goes on a
// character at a time from the first eight that are not all ASCII.
func hasWords(s string, n int) bool {
	words, in := 0, false
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := swar.Load8(s, i)
		if x&swar.Highs != 0 {
			break
		}
		// The top bit of each byte that is white space: a space (x^' '
		// is zero, so adding 0x7F does not set the bit), or \t to \r.
		// No sum carries into the next byte, all bytes being below 0x80.
		space := (^((x ^ ' '*swar.Ones) + 0x7F*swar.Ones) | (x+(0x80-'\t')*swar.Ones)&^(x+(0x80-'\r'-1)*swar.Ones)) & swar.Highs
		before := space << 8 // the byte before each is white space
		if !in {
			before |= 0x80
		}
		words += bits.OnesCount64(^space & before & swar.Highs)
		if words >= n {
			return true
		}
		in = space>>63 == 0
	}
	for j, r := range s[i:] {
		var space bool
		if c := s[i+j]; c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			space = unicode.IsSpace(r)
		}
		if space {
			in = false
			continue
		}
		if !in {
			in = true
			if words++; words >= n {
				return true
			}
		}
	}
	return false
}

// asciiSpace tells the ASCII white space, as unicode.IsSpace does.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// endsWithColon reports whether p ends with a colon: its last byte is
// one, which continues no other character.
func endsWithColon(body string, p segment.Paragraph) bool {
	return p.Start < p.End && body[p.End-1] == ':'
}

// coveredByMarks reports whether most of the paragraph is already inside
// marked quotations.
func coveredByMarks(p segment.Paragraph, marked []Span) bool {
	n := 0
	for _, m := range marked {
		if m.Start >= p.Start && m.End <= p.End {
			n += m.End - m.Start
		}
	}
	return n*2 > p.End-p.Start
}

func listItem(body string, p segment.Paragraph) bool {
	s := body[p.Start:p.End]
	return strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "\u2022")
}
