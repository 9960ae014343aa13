package number

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// prevByRunes is prev as first written, one decoded rune at a time; prev
// now passes ASCII letters and digits without decoding them.
func prevByRunes(s string, i int) tok {
	e := skipSpaceBack(s, i)
	if e <= 0 {
		return tok{0, 0, tEOF}
	}
	r, n := runeBefore(s, e)
	if !isLetterRune(r) && !(r < utf8.RuneSelf && isASCIIDigit(byte(r))) {
		return tok{e - n, e, tPunct}
	}
	k := e
	var hasL, hasD bool
	for k > 0 {
		r, n := runeBefore(s, k)
		switch {
		case r < utf8.RuneSelf && isASCIIDigit(byte(r)):
			hasD = true
		case isLetterRune(r):
			hasL = true
		case (r == '.' || r == ',') && k-1 > 0 && k < len(s) && isASCIIDigit(s[k-2]) && isASCIIDigit(s[k]):
		case isApostrophe(r) && k < len(s):
			r2, _ := runeAt(s, k)
			r0, _ := runeBefore(s, k-n)
			if !isLetterRune(r2) || !isLetterRune(r0) {
				return mk(k, e, hasL, hasD)
			}
		default:
			return mk(k, e, hasL, hasD)
		}
		k -= n
	}
	return mk(k, e, hasL, hasD)
}

func TestPrev(t *testing.T) {
	cases := []struct {
		in   string
		want tok
	}{
		{"", tok{0, 0, tEOF}},
		{"   ", tok{0, 0, tEOF}},
		{"two", tok{0, 3, tWord}},
		{"at least ", tok{3, 8, tWord}},
		{"7,200", tok{0, 5, tNum}},
		{"M23 ", tok{0, 3, tAlnum}},
		{"Russia’s", tok{0, 10, tWord}},
		{"dogs'", tok{4, 5, tPunct}},
		{"x café", tok{2, 7, tWord}},
		{"naïve2", tok{0, 7, tAlnum}},
		{"a\u00a0b\u00a0", tok{3, 4, tWord}},
		{"$", tok{0, 1, tPunct}},
		{"—", tok{0, 3, tPunct}},
		{"abcdefgh", tok{0, 8, tWord}},
		{"the internationally ", tok{4, 19, tWord}},
		{"x7abcdefghijklmnopq", tok{0, 19, tAlnum}},
		{"naïveabcdefghijklmnop", tok{0, 22, tWord}},
		{"don'tabcdefghijklm", tok{0, 18, tWord}},
		{"[abcdefghijklmnopq", tok{1, 18, tWord}},
	}
	for _, tc := range cases {
		if got := prev(tc.in, len(tc.in)); got != tc.want {
			t.Errorf("prev(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
	for _, text := range append(skipTexts, benchText(1<<12)) {
		for i := 0; i <= len(text); i++ {
			if got, want := prev(text, i), prevByRunes(text, i); got != want {
				t.Fatalf("prev(%q, %d) = %+v, rune by rune %+v", text, i, got, want)
			}
		}
	}
}

func FuzzPrev(f *testing.F) {
	for _, s := range skipTexts {
		f.Add(s, len(s))
	}
	f.Fuzz(func(t *testing.T, text string, i int) {
		if i < 0 || i > len(text) {
			return
		}
		if got, want := prev(text, i), prevByRunes(text, i); got != want {
			t.Fatalf("prev(%q, %d) = %+v, rune by rune %+v", text, i, got, want)
		}
	})
}

// nextByRunes is next as first written, skipping spaces one rune at a
// time and deciding on the first rune after decoding it.
func nextByRunes(s string, i int) tok {
	j := skipSpaceSlow(s, i)
	if j >= len(s) {
		return tok{len(s), len(s), tEOF}
	}
	r, n := runeAt(s, j)
	if !isLetterRune(r) && !(r < utf8.RuneSelf && isASCIIDigit(byte(r))) {
		return tok{j, j + n, tPunct}
	}
	k := j
	var hasL, hasD, lastDigit, lastLetter bool
	for k < len(s) {
		if b := s[k]; isASCIIDigit(b) {
			hasD, lastDigit, lastLetter = true, true, false
			k++
			continue
		} else if b|0x20 >= 'a' && b|0x20 <= 'z' {
			hasL, lastDigit, lastLetter = true, false, true
			k++
			continue
		} else if b == ' ' {
			break
		}
		r, n := runeAt(s, k)
		switch {
		case r < utf8.RuneSelf && isASCIIDigit(byte(r)):
			hasD, lastDigit, lastLetter = true, true, false
		case isLetterRune(r):
			hasL, lastDigit, lastLetter = true, false, true
		case r == '.' && lastDigit && k+1 < len(s) && isASCIIDigit(s[k+1]):
			lastDigit = false
		case r == ',' && lastDigit && groupAt(s, k+1):
			lastDigit = false
		case isApostrophe(r) && lastLetter:
			r2, _ := runeAt(s, k+n)
			if !isLetterRune(r2) {
				return mk(j, k, hasL, hasD)
			}
			lastLetter = false
		default:
			return mk(j, k, hasL, hasD)
		}
		k += n
	}
	return mk(j, k, hasL, hasD)
}

func TestNext(t *testing.T) {
	cases := []struct {
		in   string
		want tok
	}{
		{"", tok{0, 0, tEOF}},
		{" \t\u00a0 ", tok{5, 5, tEOF}},
		{"two", tok{0, 3, tWord}},
		{"  7,200.5 people", tok{2, 9, tNum}},
		{"M23 ", tok{0, 3, tAlnum}},
		{"Russia’s", tok{0, 10, tWord}},
		{"'s", tok{0, 1, tPunct}},
		{"\u00a0café", tok{2, 7, tWord}},
		{"—x", tok{0, 3, tPunct}},
		{"$5", tok{0, 1, tPunct}},
		{"\xffab", tok{0, 3, tWord}},
	}
	for _, tc := range cases {
		if got := next(tc.in, 0); got != tc.want {
			t.Errorf("next(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
	for _, text := range append(skipTexts, benchText(1<<12)) {
		for i := 0; i <= len(text); i++ {
			if got, want := next(text, i), nextByRunes(text, i); got != want {
				t.Fatalf("next(%q, %d) = %+v, rune by rune %+v", text, i, got, want)
			}
		}
	}
}

func FuzzNext(f *testing.F) {
	for _, s := range skipTexts {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, text string, i int) {
		if i < 0 || i > len(text) {
			return
		}
		if got, want := next(text, i), nextByRunes(text, i); got != want {
			t.Fatalf("next(%q, %d) = %+v, rune by rune %+v", text, i, got, want)
		}
	})
}

func TestTokMemo(t *testing.T) {
	text := "At least 40 miners, about 12 of them, were trapped."
	var sc scratch
	if _, ok := sc.nexts.lookup(0); ok {
		t.Error("an empty memo holds a token")
	}
	// The memo holds the last two tokens read, by where they were read from.
	for _, tc := range []struct {
		read int   // where sc.next reads
		held []int // where the memo holds a token after it
		gone []int // where it holds none
	}{
		{0, []int{0}, []int{9}},
		{9, []int{0, 9}, nil},
		{20, []int{9, 20}, []int{0}},
		{20, []int{20}, []int{9}},
		{len(text), []int{20, len(text)}, []int{0, 9}},
	} {
		if got, want := sc.next(text, tc.read), next(text, tc.read); got != want {
			t.Errorf("sc.next(%d) = %+v, want %+v", tc.read, got, want)
		}
		for _, i := range tc.held {
			if got, ok := sc.nexts.lookup(i); !ok || got != next(text, i) {
				t.Errorf("after reading at %d: lookup(%d) = %+v, %v; want %+v", tc.read, i, got, ok, next(text, i))
			}
		}
		for _, i := range tc.gone {
			if got, ok := sc.nexts.lookup(i); ok {
				t.Errorf("after reading at %d: lookup(%d) = %+v, want none", tc.read, i, got)
			}
		}
	}
	sc.reset()
	if sc.nexts != (tokMemo{}) {
		t.Error("reset left entries in the memo")
	}
}

// TestGeneralPunctNoLetter checks isLetterNonASCII's shortcut: the General
// Punctuation block has no letter, mark or digit.
func TestGeneralPunctNoLetter(t *testing.T) {
	for r := rune(0x2000); r <= 0x206f; r++ {
		if unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) {
			t.Errorf("%U is a letter, a mark or a digit", r)
		}
	}
	for _, r := range []rune{0x1fff, 0x2070, 0x2071, 'é', 'ä', utf8.RuneError, noRune} {
		want := unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == utf8.RuneError
		if got := isLetterNonASCII(r); got != want {
			t.Errorf("isLetterNonASCII(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestLexPlainRuns compares next and prev with the rune-by-rune oracles at
// every position of texts where a run of letters or digits ends at each
// kind of byte that decides whether their fast paths for plain runs apply.
func TestLexPlainRuns(t *testing.T) {
	texts := []string{
		"abc. def, ghi; jkl's mno’s pqr2 3st 4,500 6.7 8, 9. 10' 11é é12 abcdefghij.",
		"12,34 12,345,678 1.2.3 x.5 5.x a,b 7,abc (42) [7] +44 #3 9/11 10:30",
		"don't 'quoted' ‘x’ —12— –ab– \u00a0abc\u00a0 12\u00a034 a\tb\nc",
		"abcdefghijklmnopqrstuvwxyz0123456789 0123456789abcdefghijklmnop",
	}
	for _, text := range texts {
		for i := 0; i <= len(text); i++ {
			if got, want := next(text, i), nextByRunes(text, i); got != want {
				t.Errorf("next(%q, %d) = %+v, rune by rune %+v", text, i, got, want)
			}
			if got, want := prev(text, i), prevByRunes(text, i); got != want {
				t.Errorf("prev(%q, %d) = %+v, rune by rune %+v", text, i, got, want)
			}
		}
	}
}
