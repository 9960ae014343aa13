package minhash

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// boilerplateCut lists line openings (lower-cased, after normalisation) that
// start a trailing block of links or promotions; the text is cut there.
var boilerplateCut = [...]string{
	"related stories", "related articles", "related coverage", "related content",
	"related", "read more", "more stories", "more from", "recommended",
	"see also", "you may also like", "you might also like", "most read",
	"most popular", "trending now", "sign up for",
}

// boilerplateLine lists line openings of short lines that carry no story
// text: bylines, photo credits, copyright notices.
var boilerplateLine = [...]string{
	"by ", "photo ", "photo:", "image:", "picture:", "credit:", "copyright", "©",
	"all rights reserved", "follow us", "share this", "posted by", "written by",
	"updated ", "published ", "last updated",
}

// maxBoilerplateWords is the longest line (in words) that boilerplateLine
// may remove; a longer line is treated as story text.
const maxBoilerplateWords = 12

// words returns the normalised words of text: lines that are bylines,
// credits or notices are dropped, everything from a "Related stories"-style
// heading on is cut, and the rest is split into lower-cased runs of letters
// and digits. Quotes, dashes, other punctuation and whitespace only separate
// words, so typographic variants of one text yield the same words. An
// apostrophe inside a word is dropped ("don't" and "don’t" both give "dont").
func words(text string) []string {
	var out []string
	var buf []byte
	for line := range strings.Lines(text) {
		n := len(out)
		out, buf = appendLineWords(out, buf, line)
		lw := out[n:]
		if len(lw) == 0 || len(lw) > maxBoilerplateWords {
			continue // too long for boilerplate (cutsHere wants even fewer words)
		}
		head := strings.ToLower(strings.TrimSpace(line))
		if cutsHere(head, len(lw)) {
			return out[:n]
		}
		if hasAnyPrefix(head, boilerplateLine[:]) {
			out = out[:n]
		}
	}
	return out
}

// cutsHere reports whether a line opens a trailing boilerplate block: a short
// line starting with one of boilerplateCut.
func cutsHere(head string, n int) bool {
	if n > 6 {
		return false
	}
	head = strings.TrimLeftFunc(head, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return hasAnyPrefix(head, boilerplateCut[:])
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// lineWords splits one line into lower-cased words of letters and digits.
func lineWords(line string) []string {
	out, _ := appendLineWords(nil, nil, line)
	return out
}

// appendLineWords appends the words of line, as lineWords gives them, to
// out; buf is scratch space, returned for reuse. A word that lower-casing
// leaves alone and that holds no dropped mark is a slice of line, not a copy.
func appendLineWords(out []string, buf []byte, line string) ([]string, []byte) {
	buf = buf[:0]
	from, contiguous := 0, true
	flush := func(end int) {
		if len(buf) == 0 {
			return
		}
		if contiguous && line[from:end] == string(buf) {
			out = append(out, line[from:end])
		} else {
			out = append(out, string(buf))
		}
		buf = buf[:0]
	}
	for i, r := range line {
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			if len(buf) == 0 {
				from, contiguous = i, true
			}
			buf = append(buf, byte(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if len(buf) == 0 {
				from, contiguous = i, true
			}
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		case isApostrophe(r) || unicode.Is(unicode.Mn, r):
			// inside-word marks: drop without splitting
			contiguous = false
		default:
			flush(i)
		}
	}
	flush(len(line))
	return out, buf
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02bc', '`', '\u00b4':
		return true
	}
	return false
}

// FNV-1a 64-bit constants.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// shingles returns the 64-bit hashes of the k-word shingles of text, in text
// order (duplicates kept). A text with fewer than k but at least one word
// yields a single shingle of all its words; an empty text yields none.
func shingles(text string, k int) []uint64 {
	return shinglesOf(words(text), k)
}

func shinglesOf(ws []string, k int) []uint64 {
	if len(ws) == 0 {
		return nil
	}
	if k < 1 {
		k = 1
	}
	wh := make([]uint64, len(ws))
	for i, w := range ws {
		h := uint64(fnvOffset)
		for j := 0; j < len(w); j++ {
			h ^= uint64(w[j])
			h *= fnvPrime
		}
		wh[i] = h
	}
	if len(ws) < k {
		k = len(ws)
	}
	out := make([]uint64, 0, len(ws)-k+1)
	for i := 0; i+k <= len(wh); i++ {
		h := uint64(fnvOffset)
		for _, x := range wh[i : i+k] {
			h = mix64(h ^ x)
		}
		out = append(out, h)
	}
	return out
}

// mix64 is the splitmix64 finaliser: a bijective 64-bit mixer.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
