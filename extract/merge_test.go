package extract

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/hearsaylab/hearsay/entity"
)

// TestMergeByStart checks the merge against a stable sort, on sorted halves
// (the merge) and unsorted ones (the fallback), with ties between and within
// the halves.
func TestMergeByStart(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var buf []entity.Mention
	for trial := range 2000 {
		a, b := rng.IntN(6), rng.IntN(6)
		var ms []entity.Mention
		for i := range a + b {
			ms = append(ms, entity.Mention{Start: rng.IntN(8), Name: string(rune('a' + i))})
		}
		if trial%3 != 0 { // mostly sorted halves, as the engine makes them
			slices.SortStableFunc(ms[:a], byStart)
			slices.SortStableFunc(ms[a:], byStart)
		}
		want := slices.Clone(ms)
		slices.SortStableFunc(want, byStart)
		buf = mergeByStart(ms, a, buf)
		if len(ms) > 0 && !reflect.DeepEqual(ms, want) {
			t.Fatalf("trial %d (n=%d):\n got %v\nwant %v", trial, a, ms, want)
		}
	}
}
