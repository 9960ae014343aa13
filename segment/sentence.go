package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/article"
)

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"st": true, "gen": true, "lt": true, "col": true, "maj": true, "capt": true, "cpt": true,
	"sgt": true, "adm": true, "cmdr": true, "gov": true, "sen": true, "rep": true, "reps": true,
	"sens": true, "pres": true, "rev": true, "hon": true, "atty": true, "supt": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"no": true, "nos": true, "vs": true, "v": true, "etc": true, "inc": true, "ltd": true,
	"co": true, "corp": true, "dept": true, "est": true, "approx": true, "fig": true,
	"e.g": true, "i.e": true, "u.s": true, "u.k": true, "u.n": true, "e.u": true,
	"d.c": true, "a.m": true, "p.m": true, "mt": true, "ft": true, "ave": true, "blvd": true,
	"const": true, "insp": true, "det": true, "cpl": true, "pvt": true, "spc": true, "ens": true,
	"msgr": true, "fr": true, "messrs": true, "mme": true, "mlle": true, "gens": true, "lieut": true,
	"sup": true, "amb": true, "sec": true, "secy": true, "treas": true, "univ": true, "assn": true,
}

// Sentences splits the paragraph span of text into sentences. Sentence ends
// inside any of the skip spans (quotations) are ignored, so that a quotation of
// several sentences stays inside the sentence that attributes it. skip must be
// sorted by Start.
func Sentences(text string, para article.Span, skip []article.Span) []article.Span {
	var out []article.Span
	start := para.Start
	k := 0
	for i := para.Start; i < para.End; {
		for k < len(skip) && skip[k].End <= i {
			k++
		}
		// Fast path: an ASCII character other than terminal punctuation
		// matters only as the last character of a skip span.
		if c := text[i]; c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' && (k == len(skip) || i+1 != skip[k].End) {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		inSkip := k < len(skip) && skip[k].Start <= i && i < skip[k].End
		// A quotation that ends its own sentence ("…deployment.” Indeed,")
		// closes the sentence around it too.
		if inSkip && i+size == skip[k].End && i > skip[k].Start && endsWithTerminal(text, skip[k].Start, i) &&
			isBoundary(text, para, i, i+size) {
			out = appendTrimmed(out, text, start, i+size)
			start = i + size
			i += size
			continue
		}
		if !inSkip && (r == '.' || r == '!' || r == '?') {
			end := i + size
			// Swallow further terminal punctuation, closing quotes and brackets.
			for end < para.End {
				r2, s2 := utf8.DecodeRuneInString(text[end:])
				if r2 == '.' || r2 == '!' || r2 == '?' || isCloser(r2) {
					end += s2
					continue
				}
				break
			}
			// Footnote markers such as [4] stay with the sentence they follow.
			end = skipFootnote(text, end, para.End)
			if isBoundary(text, para, i, end) {
				out = appendTrimmed(out, text, start, end)
				start = end
				i = end
				continue
			}
		}
		i += size
	}
	out = appendTrimmed(out, text, start, para.End)
	return out
}

func appendTrimmed(out []article.Span, text string, s, e int) []article.Span {
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

func skipFootnote(text string, i, limit int) int {
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

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '\u201d', '\u2019', ')', ']', '\u00bb':
		return true
	}
	return false
}

// isBoundary decides whether the terminal punctuation at p (ending at end)
// closes a sentence.
func isBoundary(text string, para article.Span, p, end int) bool {
	if end >= para.End {
		return true
	}
	// The next character must be white space.
	r, _ := utf8.DecodeRuneInString(text[end:])
	if !unicode.IsSpace(r) {
		return false
	}
	// The next word must start like a sentence.
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
	// Abbreviations and initials.
	w := wordBefore(text, para.Start, p)
	lw := strings.ToLower(w)
	if abbreviations[lw] {
		// "U.S." at a sentence end is followed by a sentence-initial word;
		// titles and months never end one.
		if lw == "u.s" || lw == "u.k" || lw == "d.c" || lw == "a.m" || lw == "p.m" || lw == "etc" || lw == "inc" || lw == "ltd" || lw == "co" || lw == "corp" {
			return startsSentence(text[j:])
		}
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r0, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r0) {
			return false // an initial: "John F. Kennedy"
		}
	}
	if strings.Count(w, ".") >= 1 && len(w) <= 6 {
		return startsSentence(text[j:]) // S.B.U. — a dotted acronym
	}
	return true
}

// sentenceStarters are words that usually open a sentence after an
// abbreviation such as "U.S.".
var sentenceStarters = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "you": true,
	"but": true, "and": true, "in": true, "on": true, "at": true, "however": true, "meanwhile": true,
	"there": true, "his": true, "her": true, "its": true, "their": true, "our": true,
	"as": true, "after": true, "before": true, "when": true, "while": true, "if": true, "for": true,
}

func startsSentence(s string) bool {
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

// wordBefore returns the word (letters and inner periods) ending at p.
func wordBefore(text string, lo, p int) string {
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

// endsWithTerminal reports whether text[lo:hi] ends in sentence-final
// punctuation.
func endsWithTerminal(text string, lo, hi int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[lo:hi])
	return r == '.' || r == '!' || r == '?'
}
