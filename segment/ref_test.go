package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/internal/swar"
)

// This file keeps the straightforward implementations that the faster code
// replaced, as the oracle of differential_test.go.

func refAppendTokens(out []Token, text string, lo, hi int) []Token {
	i := lo
	for i < hi {
		if c := text[i]; c == ' ' || c == '\n' {
			i++
			continue
		}
		r, s := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += s
			continue
		}
		if !isWordRune(r) {
			out = append(out, Token{i, i + s, text[i : i+s]})
			i += s
			continue
		}
		j := i + s
		for j < hi {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r2) {
				j += s2
				continue
			}
			if isJoiner(r2) && j+s2 < hi {
				r3, _ := utf8.DecodeRuneInString(text[j+s2:])
				r1, _ := utf8.DecodeLastRuneInString(text[:j])
				if r2 == ',' && !(unicode.IsDigit(r1) && unicode.IsDigit(r3)) {
					break
				}
				if isWordRune(r3) {
					j += s2
					continue
				}
				if r2 == '.' && refIsAbbrevWord(text[i:j]) {
					j += s2
				}
			}
			break
		}
		out = append(out, Token{i, j, text[i:j]})
		i = j
	}
	return out
}

func refIsAbbrevWord(w string) bool {
	lw := []rune(w)
	for i := range lw {
		lw[i] = unicode.ToLower(lw[i])
	}
	return abbreviations[string(lw)]
}

func refParagraphs(text string) []Paragraph {
	var out []Paragraph
	type line struct{ Start, End int }
	var lines []line
	s := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			lines = append(lines, line{s, i})
			s = i + 1
		}
	}
	lines = append(lines, line{s, len(text)})
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
			if refEndsParagraph(prev) || !refContinuesLine(body) {
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

func refEndsParagraph(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', ':', '"', '\u201d', '\u2019', ')', ']', '\u00bb':
		return true
	}
	return false
}

func refContinuesLine(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r) || unicode.IsDigit(r)
}

func refSentences(text string, para article.Span, skip []article.Span) []article.Span {
	var out []article.Span
	start := para.Start
	k := 0
	for i := para.Start; i < para.End; {
		for k < len(skip) && skip[k].End <= i {
			k++
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		inSkip := k < len(skip) && skip[k].Start <= i && i < skip[k].End
		if inSkip && i+size == skip[k].End && i > skip[k].Start && refEndsWithTerminal(text, skip[k].Start, i) &&
			refIsBoundary(text, para, i, i+size) {
			out = refAppendTrimmed(out, text, start, i+size)
			start = i + size
			i += size
			continue
		}
		if !inSkip && (r == '.' || r == '!' || r == '?') {
			end := i + size
			for end < para.End {
				r2, s2 := utf8.DecodeRuneInString(text[end:])
				if r2 == '.' || r2 == '!' || r2 == '?' || refIsCloser(r2) {
					end += s2
					continue
				}
				break
			}
			end = refSkipFootnote(text, end, para.End)
			if refIsBoundary(text, para, i, end) {
				out = refAppendTrimmed(out, text, start, end)
				start = end
				i = end
				continue
			}
		}
		i += size
	}
	out = refAppendTrimmed(out, text, start, para.End)
	return out
}

func refAppendTrimmed(out []article.Span, text string, s, e int) []article.Span {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	if e > s {
		out = append(out, article.Span{Start: s, End: e})
	}
	return out
}

func refSkipFootnote(text string, i, limit int) int {
	j := i
	for j < limit && text[j] == ' ' {
		j++
	}
	if j < limit && text[j] == '[' {
		k := j + 1
		for k < limit && k-j < 5 && text[k] >= '0' && text[k] <= '9' {
			k++
		}
		if k < limit && k > j+1 && text[k] == ']' {
			return k + 1
		}
	}
	return i
}

func refIsCloser(r rune) bool {
	switch r {
	case '"', '\'', '\u201d', '\u2019', ')', ']', '\u00bb':
		return true
	}
	return false
}

func refIsBoundary(text string, para article.Span, p, end int) bool {
	if end >= para.End {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[end:])
	if !unicode.IsSpace(r) {
		return false
	}
	j := end
	for j < para.End {
		r, s := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsSpace(r) {
			break
		}
		j += s
	}
	if j >= para.End {
		return true
	}
	nr, _ := utf8.DecodeRuneInString(text[j:])
	if unicode.IsLower(nr) {
		return false
	}
	if text[p] != '.' {
		return true
	}
	w := refWordBefore(text, para.Start, p)
	lw := strings.ToLower(w)
	if abbreviations[lw] {
		if lw == "u.s" || lw == "u.k" || lw == "d.c" || lw == "a.m" || lw == "p.m" || lw == "etc" || lw == "inc" || lw == "ltd" || lw == "co" || lw == "corp" {
			return refStartsSentence(text[j:])
		}
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r0, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r0) {
			return false
		}
	}
	if strings.Count(w, ".") >= 1 && len(w) <= 6 {
		return refStartsSentence(text[j:])
	}
	return true
}

func refStartsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if r == '"' || r == '\u201c' || r == '\u00ab' || r == '\u2018' {
		return true
	}
	w := s
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		w = s[:i]
	}
	return sentenceStarters[strings.ToLower(w)]
}

func refWordBefore(text string, lo, p int) string {
	i := p
	for i > lo {
		r, s := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsLetter(r) || r == '.' {
			i -= s
			continue
		}
		break
	}
	return strings.Trim(text[i:p], ".")
}

func refEndsWithTerminal(text string, lo, hi int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[lo:hi])
	return r == '.' || r == '!' || r == '?'
}

// refNotAlnum8 is notAlnum8 as it was before it folded its complements into
// differences: each range test as a sum and the complement of another.
func refNotAlnum8(x uint64) uint64 {
	y := x &^ swar.Highs
	f := y | 0x20*swar.Ones
	letter := (f + (0x80-'a')*swar.Ones) &^ (f + (0x80-'z'-1)*swar.Ones)
	digit := (y + (0x80-'0')*swar.Ones) &^ (y + (0x80-'9'-1)*swar.Ones)
	return ^(letter|digit)&swar.Highs | x&swar.Highs
}
