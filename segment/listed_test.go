package segment

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/internal/testtexts"
)

// randomSkips returns up to n spans of text sorted by Start, as
// AppendSentences requires, but otherwise arbitrary: they may overlap,
// be empty, reach beyond a paragraph or the text, and cut characters.
func randomSkips(r *rand.Rand, text string, n int) []article.Span {
	var out []article.Span
	for range r.IntN(n + 1) {
		st := r.IntN(len(text) + 2)
		out = append(out, article.Span{Start: st, End: st + r.IntN(40)})
	}
	slices.SortStableFunc(out, func(a, b article.Span) int { return a.Start - b.Start })
	return out
}

// checkListedSkips fails t when AppendSentencesEnds or
// AppendSentencesMarked, with the marks of text, differs from
// AppendSentences for the quotations of each paragraph or for random skip
// spans, which take the paths a quotation never takes.
func checkListedSkips(t *testing.T, r *rand.Rand, text string) {
	t.Helper()
	var marks Marks
	AppendTokensWords(nil, nil, &marks, text)
	for _, p := range Paragraphs(text) {
		skips := [][]article.Span{nil, quoteSpans(text, p.Span)}
		for range 4 {
			skips = append(skips, randomSkips(r, text, 6))
		}
		// Spans around the paragraph's quotations: from its start, and
		// a few bytes off either end.
		q := quoteSpans(text, p.Span)
		for _, d := range []int{-2, -1, 1, 2} {
			moved := slices.Clone(q)
			for k := range moved {
				moved[k].End = max(moved[k].Start, moved[k].End+d)
			}
			skips = append(skips, moved)
		}
		skips = append(skips, []article.Span{{Start: p.Start, End: p.Start + (p.End-p.Start)/2}})
		for _, skip := range skips {
			want := AppendSentences(nil, text, p.Span, skip)
			if got := AppendSentencesEnds(nil, text, p.Span, skip, marks.Terminals, marks.Ends); !reflect.DeepEqual(got, want) {
				t.Fatalf("AppendSentencesEnds(%q, %v, %v) = %v, want %v", text, p.Span, skip, got, want)
			}
			if got := AppendSentencesMarked(nil, text, p.Span, skip, marks.Terminals); !reflect.DeepEqual(got, want) {
				t.Fatalf("AppendSentencesMarked(%q, %v, %v) = %v, want %v", text, p.Span, skip, got, want)
			}
		}
	}
}

// TestSentencesListedSkips compares the sentences found from the listed
// marks (appendSentencesListed) with those found by reading the text,
// for quotations and arbitrary skip spans.
func TestSentencesListedSkips(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, text := range testtexts.WithECB(t) {
		checkListedSkips(t, r, text)
		checkListedSkips(t, r, mangle(r, text, 5))
	}
	for _, text := range []string{
		"“Yes.” He left.", "“Yes,” he said. “No.” Then “Maybe!” She went.", "A. “B.” C", "“A.”", "x “y.” z. W",
		"He said. “We won.” They left.", "“Unclosed. Still", "A “b” c. D “e.” F",
	} {
		checkListedSkips(t, r, text)
	}
}

// FuzzSentencesListed compares appendSentencesListed with AppendSentences
// on any text, with its quotations and with random skip spans.
func FuzzSentencesListed(f *testing.F) {
	for _, s := range []string{"", "“Yes.” He left.", "“Yes,” he said. “No.” Then “Maybe!” She went.\n\nA “b.” C",
		"He said. “We won.” They left. Dr. Varga said “fine.”", "\xe2\x80. \"A.\" B"} {
		f.Add(s, uint64(1))
	}
	f.Fuzz(func(t *testing.T, text string, seed uint64) {
		checkListedSkips(t, rand.New(rand.NewPCG(seed, 5)), text)
	})
}

// TestIsPunctNotSpace checks isPunctNotSpace against decoding and
// isSpaceRune on every three-byte sequence that starts with E2.
func TestIsPunctNotSpace(t *testing.T) {
	for b1 := range 256 {
		for b2 := range 256 {
			b := []byte{0xE2, byte(b1), byte(b2)}
			r, size := utf8.DecodeRune(b)
			want := size == 3 && r >= 0x2000 && r <= 0x203F && !isSpaceRune(r)
			if got := isPunctNotSpace(b[0], b[1], b[2]); got != want {
				t.Errorf("isPunctNotSpace(% x) = %v, want %v", b, got, want)
			}
		}
	}
}
