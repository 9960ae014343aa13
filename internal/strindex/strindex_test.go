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

// TestIndexHash checks that ID and Lookup, which write the hash of a
// string of eight bytes or more out, find the strings where grow, which
// calls indexHash, puts them: after every growth of an index that starts
// with no room, every string is found again under its number.
func TestIndexHash(t *testing.T) {
	var words []string
	for n := 1; n <= 40; n++ {
		words = append(words, strings.Repeat("x", n), "Anton "+strings.Repeat("Varga", n%7+1), strings.Repeat("ab", n)+"Z")
	}
	checkIndex(t, words)
}

// checkIndex fails t unless an Index reset with no room numbers words as a
// map does, and finds every one it has under its number as it grows.
func checkIndex(t *testing.T, words []string) {
	t.Helper()
	var x Index
	x.Reset(0)
	want := map[string]int32{}
	for k, w := range words {
		id, added := x.ID(w)
		n, seen := want[w]
		if !seen {
			n = int32(len(want))
			want[w] = n
		}
		if id != n || added == seen {
			t.Fatalf("ID(%q) = %d, %v; want %d, %v", w, id, added, n, !seen)
		}
		for _, v := range words[:k+1] {
			if id, ok := x.Lookup(v); !ok || id != want[v] {
				t.Fatalf("after %d strings, Lookup(%q) = %d, %v; want %d, true", k+1, v, id, ok, want[v])
			}
		}
	}
}

// FuzzIndex compares an Index with a map on the words of arbitrary texts.
func FuzzIndex(f *testing.F) {
	f.Add("Anton Varga met Ilse Varga and Anton Varga's aide, Ilse Kova-Brenner")
	f.Add("abcdefghXabcdefgh abcdefghYabcdefgh Ödön Horváth Ödön")
	f.Fuzz(func(t *testing.T, text string) {
		checkIndex(t, strings.Split(text, " "))
	})
}
