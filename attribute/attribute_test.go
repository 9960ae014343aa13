package attribute

import (
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/internal/wordscan"
)

// TestLowerOf checks that lowerOf is strings.ToLower of the body's part,
// with a lower-case body and without, cut at characters and inside them.
func TestLowerOf(t *testing.T) {
	body := "Officials TOLD Le Monde: «Élysée» ÀB"
	low, ok := wordscan.Lower(body)
	if !ok {
		t.Fatal("wordscan.Lower failed")
	}
	for _, lower := range []string{low, ""} {
		d := &doc{body: body, lower: lower}
		for i := 0; i <= len(body); i++ {
			for j := i; j <= len(body); j++ {
				if got, want := d.lowerOf(i, j), strings.ToLower(body[i:j]); got != want {
					t.Errorf("lowerOf(%d, %d) with lower %t = %q, want %q", i, j, lower != "", got, want)
				}
			}
		}
	}
}
