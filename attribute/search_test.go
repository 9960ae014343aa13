package attribute

import (
	"testing"

	"github.com/hearsaylab/hearsay/segment"
)

// TestFirstTokenFrom checks that firstTokenFrom finds what sortSearch
// finds from every starting index, near and far, before and after the
// answer, on texts of many lengths.
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
			}
		}
	}
}
