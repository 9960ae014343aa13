package extract

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/hearsaylab/hearsay/entity"
	"github.com/hearsaylab/hearsay/outlet"
)

// refMerge is the merge of Engine.mentions as it was first written: the
// recogniser's mentions no outlet overlaps, then the outlets', stably
// sorted by start.
func refMerge(ms []entity.Mention, outs []outlet.Mention) []entity.Mention {
	var kept []entity.Mention
	for _, m := range ms {
		overlap := false
		for _, o := range outs {
			if m.Start < o.End && o.Start < m.End {
				overlap = true
			}
		}
		if !overlap {
			kept = append(kept, m)
		}
	}
	for _, o := range outs {
		kept = append(kept, entity.Mention{Start: o.Start, End: o.End, Text: o.Text, Name: o.Canonical, Type: entity.Outlet, RoleStart: o.Start})
	}
	slices.SortStableFunc(kept, byStart)
	return kept
}

// TestMergeByStart checks dropOverlapped and mergeByStart against refMerge,
// on lists in order (the merge) and out of order (the fallback), with
// overlaps and ties between and within the lists.
func TestMergeByStart(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var buf []entity.Mention
	for trial := range 4000 {
		a, b := rng.IntN(7), rng.IntN(5)
		ms := buf[:0]
		for i := range a {
			s := rng.IntN(20)
			ms = append(ms, entity.Mention{Start: s, End: s + rng.IntN(4), Name: string(rune('a' + i))})
		}
		var outs []outlet.Mention
		for i := range b {
			s := rng.IntN(20)
			outs = append(outs, outlet.Mention{Start: s, End: s + 1 + rng.IntN(3), Canonical: string(rune('A' + i))})
		}
		if trial%3 != 0 { // mostly in order, as the engine makes them
			slices.SortStableFunc(ms, byStart)
			slices.SortStableFunc(outs, outletByStart)
		}
		want := refMerge(ms, outs)
		got := mergeByStart(dropOverlapped(ms, outs), outs)
		if len(got)+len(want) > 0 && !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d:\n got %v\nwant %v", trial, got, want)
		}
		buf = got
	}
}
