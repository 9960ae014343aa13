package attribute

import (
	"slices"
	"sort"
	"testing"

	"github.com/hearsaylab/hearsay/segment"
)

// TestFirstTokenFrom checks that firstTokenFrom finds what sortSearch
// finds from every starting index, near and far, before and after the
// answer, on texts of many lengths, as searchTokens does from any index
// up to the answer.
func TestFirstTokenFrom(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 9, 10, 17, 25, 40, 100, 333} {
		// Tokens of one or two bytes, a space between them.
		toks := make([]segment.Token, n)
		pos := 0
		for k := range toks {
			w := 1 + k%2
			toks[k] = segment.Token{Start: pos, End: pos + w}
			pos += w + 1
		}
		for p := -1; p <= pos+1; p++ {
			want := sortSearch(toks, p)
			for i := 0; i <= n+1; i++ {
				if got := firstTokenFrom(toks, i, p); got != want {
					t.Fatalf("%d tokens: firstTokenFrom(%d, %d) = %d, want %d", n, i, p, got, want)
				}
				if got := searchTokens(toks, min(i, want), p); got != want {
					t.Fatalf("%d tokens: searchTokens(%d, %d) = %d, want %d", n, min(i, want), p, got, want)
				}
				checkSeekToken(t, toks, i, p)
			}
		}
	}
}

// checkSeekToken fails t if seekToken, from index i, finds another token
// than sortSearch for pos, or seekStart another than a walk from i, with
// the density of toks, none, and densities that guess too far or not far
// enough.
func checkSeekToken(t *testing.T, toks []segment.Token, i, pos int) {
	want := sortSearch(toks, pos)
	d := &doc{in: Input{Tokens: toks}}
	span := 1
	if n := len(toks); n > 0 {
		span = max(toks[n-1].End, 1)
	}
	true16 := uint64(len(toks)) << 16 / uint64(span)
	for _, density := range []uint64{true16, 0, true16 / 3, true16 * 3, 1 << 16, 1 << 40} {
		d.tokDensity = density
		if got := d.seekToken(i, pos); got != want {
			t.Fatalf("%d tokens, density %#x: seekToken(%d, %d) = %d, want %d", len(toks), density, i, pos, got, want)
		}
		if i > len(toks) {
			continue
		}
		// seekStart: the first token from i that starts at or after pos,
		// by a walk.
		wantStart := i
		for wantStart < len(toks) && toks[wantStart].Start < pos {
			wantStart++
		}
		if got := d.seekStart(i, pos); got != wantStart {
			t.Fatalf("%d tokens, density %#x: seekStart(%d, %d) = %d, want %d", len(toks), density, i, pos, got, wantStart)
		}
	}
}

// FuzzSeekToken compares seekToken with sortSearch, and seekStart with a
// walk, on tokens of the lengths and gaps the bytes of widths give, from
// any index to any offset.
func FuzzSeekToken(f *testing.F) {
	f.Add([]byte{1, 2, 3, 0, 7, 1, 1, 40, 2}, 3, 17)
	f.Add([]byte("a long run of tokens, some long, some short, the gaps between them varied"), 60, 9)
	f.Add([]byte{}, 0, 0)
	f.Fuzz(func(t *testing.T, widths []byte, i, pos int) {
		// Each byte gives a token's length (low nibble, at least 1) and
		// the gap after it (high nibble).
		toks := make([]segment.Token, len(widths))
		at := 0
		for k, w := range widths {
			n := 1 + int(w&15)
			toks[k] = segment.Token{Start: at, End: at + n}
			at += n + int(w>>4)
		}
		if i < 0 || i > len(toks)+1 {
			i = int(uint(i) % uint(len(toks)+2))
		}
		pos = int(uint(pos)%uint(at+3)) - 1
		checkSeekToken(t, toks, i, pos)
	})
}

// TestMergeRuns checks that mergeRuns orders runs and merges those that
// overlap or touch, and that quotedFrom finds a run among the tokens from
// an index that start before an offset, searching on or afresh.
func TestMergeRuns(t *testing.T) {
	toks := make([]segment.Token, 14)
	for k := range toks {
		toks[k] = segment.Token{Start: 2 * k, End: 2*k + 1}
	}
	for _, c := range []struct {
		in, want []tokenRun
	}{
		{nil, nil},
		{[]tokenRun{{2, 5}}, []tokenRun{{2, 5}}},
		{[]tokenRun{{2, 5}, {7, 9}}, []tokenRun{{2, 5}, {7, 9}}},
		{[]tokenRun{{2, 5}, {5, 9}}, []tokenRun{{2, 9}}},
		{[]tokenRun{{2, 8}, {3, 4}, {10, 12}}, []tokenRun{{2, 8}, {10, 12}}},
		{[]tokenRun{{10, 12}, {2, 5}, {4, 11}}, []tokenRun{{2, 12}}},
		{[]tokenRun{{10, 12}, {2, 5}}, []tokenRun{{2, 5}, {10, 12}}},
	} {
		got := mergeRuns(slices.Clone(c.in))
		if !slices.Equal(got, c.want) {
			t.Errorf("mergeRuns(%v) = %v, want %v", c.in, got, c.want)
		}
		d := &doc{quotedRuns: got, in: Input{Tokens: toks}}
		for _, order := range [][2]int{{0, 1}, {13, -1}} { // forwards, backwards
			for i := order[0]; i >= 0 && i < len(toks); i += order[1] {
				for end := 2 * i; end <= 2*len(toks); end++ {
					want := false
					for _, r := range c.in {
						for m := max(r.lo, i); m < r.hi; m++ {
							want = want || toks[m].Start < end
						}
					}
					if got := d.quotedFrom(i, end); got != want {
						t.Errorf("runs %v: quotedFrom(%d, %d) = %t, want %t", c.in, i, end, got, want)
					}
				}
			}
		}
	}
}

// TestTokenOfWord checks that tokenOfWord finds what a search finds, on
// texts whose two streams of tokens go in step and out of it, visiting the
// tokens forwards, backwards and by strides, so that the shift it
// remembers is right or wrong.
func TestTokenOfWord(t *testing.T) {
	for _, body := range []string{
		"He said that it rained.",
		"The U.S. envoy, Gen. Smith, said “no” — and don’t ask (again) in the U.K. or e.g. Paris.",
		"Word\u200bjoined\u00adsoft-hyphen co-op 7,200 3.5% café naïve ÉLYSÉE x\u0301y.",
		"",
		"...",
	} {
		var marks segment.Marks
		toks, words := segment.AppendTokensWords(nil, nil, &marks, body)
		d := &doc{in: Input{Tokens: toks, Words: words}}
		orders := [][]int{}
		for _, stride := range []int{1, 2, 3, 7} {
			var fw, bw []int
			for i := 0; i < len(toks); i += stride {
				fw = append(fw, i)
				bw = append(bw, len(toks)-1-i)
			}
			orders = append(orders, fw, bw)
		}
		for _, order := range orders {
			for _, k := range order {
				if k >= len(words) {
					continue
				}
				want := sortSearch(toks, words[k].St)
				for _, j := range []int{0, want / 2, want} {
					if got := d.tokenOfWord(j, k); got != want {
						t.Fatalf("%q: tokenOfWord(%d, %d) = %d, want %d", body, j, k, got, want)
					}
				}
			}
		}
	}
}

// TestSearchRuns checks that searchRuns finds what sort.Search finds: the
// first run that ends after a token, for runs of many numbers and lengths.
func TestSearchRuns(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 8, 31} {
		var rs []tokenRun
		for k := range n {
			rs = append(rs, tokenRun{3 * k, 3*k + 1 + k%2})
		}
		for i := -1; i <= 3*n+2; i++ {
			want := sort.Search(len(rs), func(r int) bool { return rs[r].hi > i })
			if got := searchRuns(rs, i); got != want {
				t.Fatalf("%d runs: searchRuns(%d) = %d, want %d", n, i, got, want)
			}
		}
	}
}

// sortSearch returns the index of the first token of toks ending after
// pos, by sort.Search: the oracle of the token searches.
func sortSearch(toks []segment.Token, pos int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].End > pos })
}
