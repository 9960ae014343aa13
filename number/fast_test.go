package number

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// checkFastPaths checks, at every position of text, that the tests build
// makes at a glance skip only what would have ruled out nothing: noRangeAt
// no range that rangeHigh reads, a space right before the number nothing
// that runeBeforeAllows rules out, and a space right after it nothing that
// markAfter rules out.
func checkFastPaths(t *testing.T, f *Finder, text string) {
	t.Helper()
	sc := f.scratch()
	defer f.scratches.Put(sc)
	cores := []core{
		{mult: 1, digits: 2, v: 12},         // bare digits
		{mult: 1, digits: 4, v: 2022},       // a year
		{mult: 1, word: true, v: 2},         // words
		{mult: 1e6, digits: 1, v: 2e6},      // a scale
		{mult: 1, digits: 1, dist: true},    // a distance
		{mult: 1, digits: 3, groups: 1},     // separators
		{mult: 1, digits: 1, decimal: true}, // a decimal point
	}
	for e := 0; e <= len(text); e++ {
		for _, c := range cores {
			c.s, c.e = max(0, e-2), e
			if noRangeAt(text, e) {
				for _, between := range []bool{false, true} {
					if _, adjacent, ok := f.rangeHigh(text, &c, between, sc); ok || adjacent {
						t.Fatalf("noRangeAt(%q, %d), but rangeHigh reads a range (word %v)", text, e, c.word)
					}
				}
			}
			if e < len(text) && text[e] == ' ' {
				if skip, _ := f.markAfter(text, &c, e, sc); skip {
					t.Fatalf("markAfter(%q, %d) rules out a number before a space", text, e)
				}
			}
		}
		if e > 0 && text[e-1] == ' ' && !runeBeforeAllows(text, e) {
			t.Fatalf("runeBeforeAllows(%q, %d) rules out a number after a space", text, e)
		}
	}
}

func TestFastPaths(t *testing.T) {
	f := newFinder(t)
	for _, text := range findTokensTexts()[1:] {
		checkFastPaths(t, f, text)
	}
	checkFastPaths(t, f, benchText(1<<12))
	r := rand.New(rand.NewPCG(10, 11))
	more := append([]string{"to", "or", "and", "Or", "AND", "p", ".m", "km", "per", "(", ")", "]"}, pieces...)
	var b strings.Builder
	for range 5000 {
		b.Reset()
		for range 1 + r.IntN(10) {
			b.WriteString(more[r.IntN(len(more))])
		}
		checkFastPaths(t, f, b.String())
	}
}

// FuzzFastPaths checks the tests build makes at a glance against what they
// skip.
func FuzzFastPaths(f *testing.F) {
	for _, s := range append(skipTexts, tokenTexts...) {
		f.Add(s)
	}
	fd := newFinder(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkFastPaths(t, fd, text)
	})
}
