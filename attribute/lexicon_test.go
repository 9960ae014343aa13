package attribute

import (
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/entity"
)

func testAttributor(t testing.TB) *Attributor {
	t.Helper()
	rec, err := entity.New()
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(rec, nil)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestLookupAt checks that looking a word up in place, with the one-load
// fast path or without it, finds what looking the word up alone finds.
func TestLookupAt(t *testing.T) {
	a := testAttributor(t)
	v := a.vocab
	words := []string{"said", "a", "officials", "according", "the", "spokesman", "x", "zzzzzzz",
		"sources", "saidx", "communiqué", "été", "minister", "told", "people", "ab", ""}
	for _, w := range words {
		wantF, wantID := v.lookup(w)
		for _, ctx := range []struct{ pre, post string }{
			{"", ""}, {"", " and more text"}, {"the ", ""}, {"« ", " »…"}, {"x", "yz"},
		} {
			s := ctx.pre + w + ctx.post
			i := len(ctx.pre)
			f, id := v.lookupAt(s, i, i+len(w))
			if f != wantF || id != wantID {
				t.Errorf("lookupAt(%q, %d, %d) = %v, %d; lookup(%q) = %v, %d", s, i, i+len(w), f, id, w, wantF, wantID)
			}
		}
	}
	if f, _ := v.lookup("said"); f&fClaimVerb == 0 {
		t.Errorf("lookup(said) = %v, want fClaimVerb", f)
	}
	if f, _ := v.lookup(strings.ToUpper("said")); f != 0 {
		t.Errorf("lookup(SAID) = %v, want 0", f)
	}
}

// TestTextClass checks the class flags of tokens, ASCII and not.
func TestTextClass(t *testing.T) {
	for _, c := range []struct {
		tok  string
		want wflag
	}{
		{"", 0},
		{"said", cWord},
		{"9", cWord},
		{"Reuters", cWord | cCapital},
		{"US", cWord | cCapital | cUS},
		{"USA", cWord | cCapital},
		{"U", cWord | cCapital},
		{",", cComma},
		{"(", cComma},
		{")", cComma},
		{",,", 0},
		{"(s", 0},
		{"('s", cPossessive},
		{".", 0},
		{"'s", cPossessive},
		{"Macron\u2019s", cWord | cCapital | cPossessive},
		{"macron's", cWord | cPossessive},
		{"\u00c9lys\u00e9e", cWord | cCapital},
		{"\u00e9t\u00e9", cWord},
		{"\u2014", cComma},
		{"\u2013", cComma},
		{"\u2026", 0},
		{"\u0661", cWord},
	} {
		if got := textClass(c.tok); got != c.want {
			t.Errorf("textClass(%q) = %#x, want %#x", c.tok, got, c.want)
		}
	}
}

// TestChannelIDs checks that every word of every channel phrase has the id
// the vocabulary looks it up with.
func TestChannelIDs(t *testing.T) {
	a := testAttributor(t)
	if len(a.vocab.channelIDs) != len(a.lx.channels) || len(a.lx.channels) == 0 {
		t.Fatalf("%d phrase id lists for %d phrases", len(a.vocab.channelIDs), len(a.lx.channels))
	}
	for i, cp := range a.lx.channels {
		for k, w := range cp.words {
			if _, id := a.vocab.lookup(w); id == 0 || a.vocab.channelIDs[i][k] != id {
				t.Errorf("phrase %q word %q: id %d, lookup %d", cp.words, w, a.vocab.channelIDs[i][k], id)
			}
		}
	}
}

// TestLookupLong checks that every word of 8 bytes or more is found with
// its id, and that words differing from one only in the middle, beyond what
// the first and last 8 bytes hold, are not.
func TestLookupLong(t *testing.T) {
	v := testAttributor(t).vocab
	long := map[string]bool{}
	for _, w := range v.longWords {
		if w != "" {
			long[w] = true
		}
	}
	if len(long) == 0 {
		t.Fatal("no long words")
	}
	for id, w := range v.longWords {
		if w == "" {
			continue
		}
		if _, got := v.lookup(w); got != uint32(id) {
			t.Errorf("lookup(%q) = id %d, want %d", w, got, id)
		}
		if _, got := v.lookupAt("« "+w+" »", len("« "), len("« ")+len(w)); got != uint32(id) {
			t.Errorf("lookupAt of %q = id %d, want %d", w, got, id)
		}
		mid := len(w) / 2
		for _, x := range []string{w[:8] + "x" + w[8:], w[:mid] + "\u00e9" + w[mid+1:], w[:mid] + "Q" + w[mid+1:]} {
			if _, got := v.lookup(x); !long[x] && got != 0 {
				t.Errorf("lookup(%q) = id %d, want 0", x, got)
			}
		}
	}
}

// TestASCIIClass checks asciiClass against textClass: every ASCII first
// byte with a few tails, and some words; and that it leaves out the tokens
// whose class does not depend on their first byte alone.
func TestASCIIClass(t *testing.T) {
	words := []string{"Obama", "UN", "USA", "Us", "9th", "1990", ",,", "((", ")x", "--", "'til", "$5", "A\u2019d",
		"x\u00e9", "says", "Bus", "is", "ss", "'s", "\u2019s", "\x99s", "a\x99s", "US", "\u00c9mile", "\u00e9t\u00e9", "a", "A", ","}
	for c := 0; c < 0x80; c++ {
		for _, tail := range []string{"x", "X", "9", ",", "s", "'s", "\u2019s", "\u2019d", "\u00e9"} {
			words = append(words, string(rune(c))+tail)
		}
	}
	for _, s := range words {
		got, ok := asciiClass(s)
		if want := textClass(s); ok && got != want {
			t.Errorf("asciiClass(%q) = %b, textClass = %b", s, got, want)
		}
		plain := len(s) >= 2 && s[0] < 0x80 && s != "US" && !strings.HasSuffix(s, "'s") && !strings.HasSuffix(s, "\u2019s") && !strings.HasSuffix(s, "\x99s")
		if ok != plain {
			t.Errorf("asciiClass(%q): ok %v, want %v", s, ok, plain)
		}
	}
}

// TestFixedWords checks that the vocabulary gives each word of fixedWords
// its fixed id.
func TestFixedWords(t *testing.T) {
	v := testAttributor(t).vocab
	for k, w := range fixedWords {
		if _, id := v.lookup(w); id != uint32(k)+1 {
			t.Errorf("lookup(%q) id = %d, want %d", w, id, k+1)
		}
	}
}

// TestMayEndAnonHead checks that every word with fAnonHead may end a text
// that ends with it, and that the ends of a few other words may not.
func TestMayEndAnonHead(t *testing.T) {
	a := testAttributor(t)
	v := a.vocab
	for w := range a.lx.anonHead {
		for _, s := range []string{w, "two " + w, "x" + w} {
			if !v.mayEndAnonHead(s) {
				t.Errorf("mayEndAnonHead(%q) = false", s)
			}
		}
	}
	for _, s := range []string{"said", "go", "the army", "y"} {
		if v.mayEndAnonHead(s) {
			t.Errorf("mayEndAnonHead(%q) = true", s)
		}
	}
}
