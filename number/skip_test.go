package number

import (
	"reflect"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/article"
)

// findEachToken is Find without skip: it runs step on every token.
func findEachToken(f *Finder, text string) []article.Number {
	sc := &scratch{}
	for i := 0; i < len(text); {
		i = f.step(text, next(text, i), sc)
	}
	resolveCounts(text, sc.out)
	return sc.takeOut(text)
}

// skipTexts mix the words skip passes over with the ones it must not:
// number words and their look-alikes, articles, apostrophes, digits and
// non-ASCII letters, spaces and punctuation.
var skipTexts = []string{
	"",
	"a",
	"an",
	"A dozen",
	"a\u00a0dozen eggs and an hundred",
	"a\tdozen, a-dozen, a'dozen, a 5, a, an; a",
	"Since the missing seepage, think of their force: seventy seven",
	"It's two o'clock; government’s three ministers' four",
	"don't' rock'n'roll twenty’s twenty’ five' six'",
	"l’aveugle à « deux » — 12 – 14 … “three”",
	"twelve\u2009thousand\u200b people, thirteen\u2028hundred",
	"naïve café two\u0301 three\u00e9 fourÉ five日本",
	"Million billion trillion MILLION tWo ThReE",
	"ten\xe2\x80 eleven\xe2 twelve\xe2\x80\x99 thirteen\xff fourteen\xe2\x81\xb0",
	"x'", "two'", "’", "’two", "a’", "an’ dozen", "a ’dozen",
	"5bn 10km 3rd M23 F-16 7,200 2.5 million $20 billion",
}

func TestSkipChangesNothing(t *testing.T) {
	f := newFinder(t)
	texts := append([]string{benchText(1 << 14)}, skipTexts...)
	for _, text := range texts {
		if got, want := f.Find(text), findEachToken(f, text); !reflect.DeepEqual(got, want) {
			t.Errorf("Find(%q) = %s, want %s", text, show(got), show(want))
		}
	}
}

func FuzzSkip(f *testing.F) {
	for _, s := range skipTexts {
		f.Add(s)
	}
	fd := newFinder(f)
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := fd.Find(text), findEachToken(fd, text); !reflect.DeepEqual(got, want) {
			t.Fatalf("Find(%q) = %s, want %s", text, show(got), show(want))
		}
	})
}

func TestWordEnd(t *testing.T) {
	cases := []struct {
		in   string
		want int // -1: left to next
	}{
		{"two", 3},
		{"two three", 3},
		{"two, three", 3},
		{"don't", 5},
		{"don't stop", 5},
		{"Russia’s", 10},
		{"rock'n'roll", 11},
		{"dogs' ", 4},
		{"dogs'", 4},
		{"dogs’", 4},
		{"dogs’ ", 4},
		{"dogs''s", 4},
		{"it's5", -1},
		{"M23", -1},
		{"café", -1},
		{"l’été", -1},
		{"two\u00a0three", -1},
		{"two\xe2\x80", -1},
		{"two’\xff", -1},
		{"two'9", 3},
	}
	for _, tc := range cases {
		if got := wordEnd(tc.in, 0); got != tc.want {
			t.Errorf("wordEnd(%q) = %d, want %d", tc.in, got, tc.want)
		}
		if tc.want < 0 {
			continue
		}
		// next reads the same word.
		if tk := next(tc.in, 0); tk.k != tWord || tk.e != tc.want {
			t.Errorf("next(%q) = %+v, want a word ending at %d", tc.in, tk, tc.want)
		}
	}
}

func TestShape(t *testing.T) {
	cases := []struct {
		in string
		p  int
		ok bool
	}{
		{"a", 0*27 + 26, true},
		{"A", 0*27 + 26, true},
		{"an", 0*27 + 13, true},
		{"TWo", 19*27 + 22, true},
		{"zz", 25*27 + 25, true},
		{"z", 25*27 + 26, true},
		{"a'", 0, false},
		{"'a", 0, false},
		{"[a", 0, false},
		{"a[", 0, false},
		{"{", 0, false},
		{"@", 0, false},
		{"é", 0, false},
		{"1a", 0, false},
	}
	for _, tc := range cases {
		p, ok := shape(tc.in)
		if ok != tc.ok || ok && p != tc.p {
			t.Errorf("shape(%q) = %d, %v; want %d, %v", tc.in, p, ok, tc.p, tc.ok)
		}
	}
}

func TestGeneralPunct(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"—", 3}, {"–x", 3}, {"’", 3}, {"“", 3}, {"\u2000", 3}, {"\u206f", 3},
		{"\u2070", 0}, {"\u1fff", 0}, {"\xe2\x80", 0}, {"\xe2\x80A", 0}, {"\xe2\x81\xb0", 0}, {"a", 0}, {"", 0},
	} {
		if got := generalPunct(tc.in, 0); got != tc.want {
			t.Errorf("generalPunct(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
	// No rune of the block is a letter or a digit for next.
	for r := rune(0x2000); r <= 0x206f; r++ {
		if tk := next(string(r)+"x", 0); tk.k != tPunct && tk.k != tWord {
			t.Errorf("next(%U) = %+v", r, tk)
		} else if tk.k == tPunct && tk.e != 3 || tk.k == tWord && !isSpaceRune(r) {
			t.Errorf("next(%U) = %+v, want a punctuation token or a space", r, tk)
		}
	}
}

func TestFoldTable(t *testing.T) {
	var tb foldTable[int]
	words := strings.Fields("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion dozen k m bn approximately")
	for i, w := range words {
		if !tb.add(w, i) {
			t.Fatalf("add(%q) failed", w)
		}
	}
	for _, bad := range []string{"", "Two", "TWO", strings.Repeat("x", maxKey+1)} {
		if tb.add(bad, 0) {
			t.Errorf("add(%q) took a key that is not lower case or too long", bad)
		}
	}
	for i, w := range words {
		for _, in := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			if v, ok := tb.get(in); !ok || v != i {
				t.Errorf("get(%q) = %d, %v; want %d", in, v, ok, i)
			}
		}
	}
	for _, in := range []string{"", "o", "on", "onee", "twO'", "tw0", "ninetY9", "thousand\x00", "hundrEd ", "K ", "é"} {
		if v, ok := tb.get(in); ok {
			t.Errorf("get(%q) = %d, found", in, v)
		}
	}
	if !tb.add("two", 99) || tb.n != len(words) {
		t.Errorf("adding a key again made %d keys, want %d", tb.n, len(words))
	}
	if v, _ := tb.get("Two"); v != 99 {
		t.Errorf("get after replacing = %d, want 99", v)
	}
	var empty foldTable[bool]
	if empty.has("x") {
		t.Error("empty table has a key")
	}
}

func TestLetterRunEnd(t *testing.T) {
	slow := func(text string, i int) int {
		for i < len(text) && byteClass[text[i]] == clLetter {
			i++
		}
		return i
	}
	// Every byte at every place of a run of letters longer than a word.
	base := "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	for b := range 256 {
		for p := range 20 {
			text := base[:p] + string([]byte{byte(b)}) + base[p:20]
			for i := range 3 {
				if got, want := letterRunEnd(text, i), slow(text, i); got != want {
					t.Fatalf("letterRunEnd(%q, %d) = %d, want %d", text, i, got, want)
				}
			}
		}
	}
	for _, text := range append(skipTexts, benchText(1<<12)) {
		for i := range text {
			if got, want := letterRunEnd(text, i), slow(text, i); got != want {
				t.Fatalf("letterRunEnd(%q, %d) = %d, want %d", text, i, got, want)
			}
		}
	}
}

// TestStartPairs checks that skip's first test lets through every word
// that may start a number, in any case and before any byte, and stops
// common words that start none.
func TestStartPairs(t *testing.T) {
	lx := newFinder(t).lx
	passes := func(w string, after byte) bool {
		c1 := after
		if len(w) > 1 {
			c1 = w[1]
		}
		return lx.startPairs[pairKey(w[0], c1)]&(1<<len(w)) != 0
	}
	var starts []string
	for _, s := range lx.words.slots {
		if s.key != "" && !s.val.suffix {
			starts = append(starts, s.key)
		}
	}
	starts = append(starts, "a", "an")
	for _, w := range starts {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			for _, after := range []byte(" ,.;:!?)\"-\n") {
				if !passes(v, after) {
					t.Errorf("startPairs stops %q before %q", v, after)
				}
			}
		}
	}
	for _, w := range []string{"the", "The", "of", "said", "to", "and", "in", "that", "for", "is", "on", "with", "was", "as", "it", "by", "at", "be", "x"} {
		if passes(w, ' ') {
			t.Errorf("startPairs lets %q through", w)
		}
	}
	for _, tc := range []struct{ c0, c1 byte }{{'a', 'b'}, {'A', 'b'}, {'a', 'B'}, {'A', 'B'}} {
		if got, want := pairKey(tc.c0, tc.c1), pairKey('a', 'b'); got != want {
			t.Errorf("pairKey(%q, %q) = %d, want %d", tc.c0, tc.c1, got, want)
		}
	}
}

func TestMayFollowArticle(t *testing.T) {
	lx := newFinder(t).lx
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{" dozen", true}, {"  Million people", true}, {" HUNDRED,", true}, {" thousand", true},
		{" billion’s", false}, {" trillions", false}, {" the", false}, {" man", false},
		{" hundreds", false}, {" dozens", false}, {" day", false}, {" mile", false},
		{" year", false}, {" new", false}, {"", false}, {" , dozen", false}, {" 5", false},
		{" million5", true}, {" milliön", true}, {" xylophone5", false}, {" é", true},
	} {
		if got := lx.mayFollowArticle(tc.in, 0); got != tc.want {
			t.Errorf("mayFollowArticle(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestSkipLimit(t *testing.T) {
	f := newFinder(t)
	cases := []struct {
		text   string
		i, lim int
		want   int
	}{
		{"", 0, 0, 0},
		{"the cat sat", 0, 2, 4},   // the word and the space after it, whole
		{"the cat sat", 0, 11, 11}, // nothing to stop at
		{"the two", 0, 3, 4},
		{"the two", 0, 7, 4}, // a number word
		{"the two", 4, 7, 4},
		{"  5", 0, 1, 1},
		{"  5", 0, 3, 2},
		{"Russia’s two", 0, 1, 11}, // one word with its apostrophe
		{"a dozen", 0, 1, 0},       // an article before a scale word
		{"a cat", 0, 1, 2},
		{"x\u00a0y", 0, 4, 0}, // a word that runs into a rune outside ASCII
		{"\u00a0y", 0, 3, 0},  // a space outside General Punctuation
		{"\u2009y", 0, 3, 3},  // a space inside it
	}
	for _, c := range cases {
		if got := f.lx.skip(c.text, c.i, c.lim); got != c.want {
			t.Errorf("skip(%q, %d, %d) = %d, want %d", c.text, c.i, c.lim, got, c.want)
		}
	}
}
