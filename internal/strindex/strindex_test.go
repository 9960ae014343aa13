package strindex

import (
	"strings"
	"testing"
)

func TestIndex(t *testing.T) {
	var x Index
	for round, words := range [][]string{
		{"Varga", "Brenner", "Varga", "", "Kova", "Brenner", ""},
		{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "a", "s"},
		{},
		{"Varga"},
		strings.Fields(strings.Repeat("a b c d e f g h i j k l m n o p q r s t u v w x y z ", 3) + "Varga aa bb cc dd ee ff gg hh ii jj kk ll"),
		// Strings that share their length and first and last eight bytes,
		// and so their hash.
		{"abcdefghXabcdefgh", "abcdefghYabcdefgh", "abcdefghXabcdefgh", "Ödön Horváth", "Ödön Horvath", "abcd", "abce", "bbcd", "abcd", "ÖÖ", "Ö", "Ödön Horváth"},
	} {
		x.Reset(len(words) / (round + 1)) // too small from round 1: the index grows
		first := map[string]int32{}
		for _, w := range words {
			id, added := x.ID(w)
			want, seen := first[w]
			if !seen {
				want = int32(len(first))
				first[w] = want
			}
			if id != want || added == seen {
				t.Errorf("round %d: ID(%q) = %d, %v; want %d, %v", round, w, id, added, want, !seen)
			}
			if got, ok := x.Lookup(w); got != want || !ok {
				t.Errorf("round %d: Lookup(%q) = %d, %v; want %d, true", round, w, got, ok, want)
			}
		}
	}
}

func TestLookupMissing(t *testing.T) {
	var x Index
	if _, ok := x.Lookup("Varga"); ok {
		t.Error("the zero Index has Varga")
	}
	x.Reset(2)
	x.ID("Varga")
	for _, s := range []string{"", "Vargas", "varga", "Brenner"} {
		if id, ok := x.Lookup(s); ok {
			t.Errorf("Lookup(%q) = %d, true; want false", s, id)
		}
	}
}
