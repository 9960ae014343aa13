package wordscan

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestHashSet(t *testing.T) {
	var s hashSet
	// The set keeps six low bits of a hash: hashes that differ only in
	// them are told apart, whatever the size of the set.
	in := []uint32{0, 63, 0x12345601, 0xfedcba3e, 1<<32 - 1}
	out := []uint32{1, 62, 0x12345600, 0xfedcba3f, 1<<32 - 2}
	for _, h := range in {
		s.add(h)
	}
	for _, h := range in {
		if !s.has(h) {
			t.Errorf("has(%#x) = false after add", h)
		}
	}
	for _, h := range out {
		if s.has(h) {
			t.Errorf("has(%#x) = true, never added", h)
		}
	}
}

func TestIsWord(t *testing.T) {
	for tok, want := range map[string]bool{"kyiv": true, "Lwów": true, "2022": true, "-": false, "'": false, "’": false, "(": false} {
		if got := isWord(tok); got != want {
			t.Errorf("isWord(%q) = %v, want %v", tok, got, want)
		}
	}
}

// newGate returns a Gate of the entries, each split into tokens by Next
// and NormPunct as a lexicon does.
func newGate(entries ...string) *Gate {
	g := &Gate{}
	for _, e := range entries {
		var toks []string
		var keys []Key
		for pos := 0; ; {
			st, en, _, _ := Next(e, pos)
			if st < 0 {
				break
			}
			tok := NormPunct(e[st:en])
			toks = append(toks, tok)
			keys = append(keys, KeyOf(tok))
			pos = en
		}
		g.Add(toks, keys)
	}
	return g
}

// Two small lexicons for the tests: entries of one token, and entries whose
// second token is an ASCII word, a word that is not ASCII, or punctuation.
var (
	gateA = []string{"Reuters", "told People", "the Times", "on X", "so-called"}
	gateB = []string{"Kyiv", "said to", "coup d’état", "it is said", "Kiev regime", "Lwów"}
)

// skipStops returns the tokens at which Skip of g stops in text, joined
// by |.
func skipStops(g *Gate, text string) string {
	toks := Tokens(nil, text)
	var got []string
	for i := g.Skip(toks, 0); i < len(toks); i = g.Skip(toks, i+1) {
		got = append(got, text[toks[i].St:toks[i].En])
	}
	return strings.Join(got, "|")
}

// TestGateSkip checks the tokens at which a gate stops: first tokens of
// one-token entries always, first tokens of longer entries only before a
// possible second token (of its kind, and by hash if it is an ASCII
// word), never before a line break, and every word that is not ASCII.
func TestGateSkip(t *testing.T) {
	a, b := newGate(gateA...), newGate(gateB...)
	for _, tc := range []struct {
		g    *Gate
		text string
		want string
	}{
		{a, "REUTERS and reuters told people", "REUTERS|reuters|told"},
		{a, "told\nPeople; told them; told", ""},
		{a, "so-called and so what; so", "so"},
		{a, "the Times, the times, the time", "the|the"},
		{a, "on X, on Y, on", "on"},
		{b, "it is said; it is not; it was", "it|it"},
		{b, "said to be; said so; coup d’état; coup d'état; coup de", "said|coup|état|coup|état"},
		{b, "Kiev regime; Kiev\nregime; KYIV", "Kiev|KYIV"},
		{b, "Lwów and naïve text", "Lwów|naïve"},
		{a, "", ""},
	} {
		if got := skipStops(tc.g, tc.text); got != tc.want {
			t.Errorf("Skip in %q stops at %q, want %q", tc.text, got, tc.want)
		}
	}
}

// pairStop is a token at which a gate of a Pair stops: its index and
// which of the two gates stop there.
type pairStop struct {
	i        int
	inA, inB bool
}

// candidates returns the token indices of c, those it noted and those
// g.Skip finds from where it resumes.
func candidates(g *Gate, toks []Token, c *Candidates) []int {
	var out []int
	for _, i := range c.At() {
		out = append(out, int(i))
	}
	for i := g.Skip(toks, c.Resume(len(toks))); i < len(toks); i = g.Skip(toks, i+1) {
		out = append(out, i)
	}
	return out
}

// pairStops returns the stops of the gates of p that p.Walk notes in toks.
func pairStops(p *Pair, toks []Token) []pairStop {
	var ca, cb Candidates
	p.Walk(toks, &ca, &cb)
	as, bs := candidates(p.a, toks, &ca), candidates(p.b, toks, &cb)
	var got []pairStop
	for len(as) > 0 || len(bs) > 0 {
		i := len(toks)
		if len(as) > 0 {
			i = as[0]
		}
		if len(bs) > 0 {
			i = min(i, bs[0])
		}
		st := pairStop{i, len(as) > 0 && as[0] == i, len(bs) > 0 && bs[0] == i}
		if st.inA {
			as = as[1:]
		}
		if st.inB {
			bs = bs[1:]
		}
		got = append(got, st)
	}
	return got
}

// skipRef returns the stops of the gates found by walking the tokens with
// the Skip of each.
func skipRef(a, b *Gate, toks []Token) []pairStop {
	var got []pairStop
	i, j := a.Skip(toks, 0), b.Skip(toks, 0)
	for i < len(toks) || j < len(toks) {
		k := min(i, j)
		got = append(got, pairStop{k, i == k, j == k})
		if i == k {
			i = a.Skip(toks, i+1)
		}
		if j == k {
			j = b.Skip(toks, j+1)
		}
	}
	return got
}

// checkPair compares the candidates that Pair.Walk notes with the stops of
// the two gates' own Skip on text, and the words that Pair.WalkWords notes
// with the ASCII words whose hash is in the pair's WordSet; those candidates
// must be the same.
func checkPair(t *testing.T, p *Pair, text string) {
	toks := Tokens(nil, text)
	if got, want := pairStops(p, toks), skipRef(p.a, p.b, toks); !reflect.DeepEqual(got, want) {
		t.Fatalf("Pair.Walk in %q notes %v, want %v", text, got, want)
	}
	var ca, cb, wa, wb, sa, sb Candidates
	p.Walk(toks, &ca, &cb)
	words := p.WalkWords(toks, &wa, &wb, []int{-1})
	if !reflect.DeepEqual([]Candidates{ca, cb}, []Candidates{wa, wb}) {
		t.Fatalf("Pair.WalkWords in %q notes other candidates than Walk", text)
	}
	want, wantMore := []int{-1}, []int{-2}
	for k, tk := range toks {
		if tk.ASCII && p.w.has(tk.Hash) {
			want = append(want, k)
		}
		if tk.ASCII && p.x.has(tk.Hash) {
			wantMore = append(wantMore, k)
		}
	}
	if !slices.Equal(words, want) {
		t.Fatalf("Pair.WalkWords in %q notes words %v, want %v", text, words, want)
	}
	words, more := p.WalkSets(toks, &sa, &sb, []int{-1}, []int{-2})
	if !reflect.DeepEqual([]Candidates{ca, cb}, []Candidates{sa, sb}) {
		t.Fatalf("Pair.WalkSets in %q notes other candidates than Walk", text)
	}
	if !slices.Equal(words, want) || !slices.Equal(more, wantMore) {
		t.Fatalf("Pair.WalkSets in %q notes words %v and %v, want %v and %v", text, words, more, want, wantMore)
	}
}

var pairSeeds = []string{
	"Reuters said it is said to be so; told People on X, said\nto be",
	"the Times’ Kiev regime, the KIEV REGIME, coup d’état; Lwów and naïve",
	"so-called so; it is; on; the",
	"two dozen people said, Two Million told",
	"",
}

// pairWords are words for the WordSet of a Pair: a first word of gateA,
// one of gateB and others.
var pairWords = []string{"said", "told", "people", "Officials", "according"}

// pairMore are the words of a second word set, one shared with pairWords.
var pairMore = []string{"two", "million", "said", "dozen"}

// newWordSet returns the WordSet of words.
func newWordSet(words ...string) *WordSet {
	var s WordSet
	for _, w := range words {
		s.Add(w)
	}
	return &s
}

// TestWordSet checks that a WordSet has the hash of each of its words, in
// any case, and not those of most other words.
func TestWordSet(t *testing.T) {
	s := newWordSet(pairWords...)
	for _, w := range pairWords {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToLower(w)} {
			if !s.MayHave(Hash(strings.ToLower(v))) {
				t.Errorf("WordSet of %q does not have %q", pairWords, v)
			}
		}
	}
	n := 0
	for i := range 1000 {
		if s.MayHave(Hash(fmt.Sprintf("w%d", i))) {
			n++
		}
	}
	if n > 10 {
		t.Errorf("WordSet of %d words may have %d of 1000 other words", len(pairWords), n)
	}
	if (&WordSet{}).MayHave(Hash("said")) {
		t.Error("the empty WordSet may have \"said\"")
	}
}

func TestPairWalk(t *testing.T) {
	a, b := newGate(gateA...), newGate(gateB...)
	p := NewPair(a, b)
	if !p.Of(a, b) || p.Of(b, a) {
		t.Errorf("NewPair(a, b).Of(a, b), Of(b, a) = %v, %v, want true, false", p.Of(a, b), p.Of(b, a))
	}
	for _, s := range pairSeeds {
		checkPair(t, p, s)
	}
	// A gate with no entries stops nowhere but at words that are not
	// ASCII.
	checkPair(t, NewPair(&Gate{}, b), pairSeeds[0]+pairSeeds[1])
	// More candidates than Candidates holds: the rest are found from
	// where it resumes.
	checkPair(t, p, strings.Repeat(pairSeeds[0]+"\n", 20))
	// With words noted besides.
	pw := NewPairWords(a, b, newWordSet(pairWords...))
	if !pw.Of(a, b) {
		t.Error("NewPairWords(a, b, w).Of(a, b) = false")
	}
	for _, s := range pairSeeds {
		checkPair(t, pw, s)
		checkPair(t, pw, strings.ToUpper(s))
	}
	checkPair(t, pw, strings.Repeat(pairSeeds[0]+"\n", 20))
	// With the words of two sets noted apart, which may share words.
	ps := NewPairSets(a, b, newWordSet(pairWords...), newWordSet(pairMore...))
	if !ps.Of(a, b) {
		t.Error("NewPairSets(a, b, w, x).Of(a, b) = false")
	}
	for _, s := range pairSeeds {
		checkPair(t, ps, s)
		checkPair(t, ps, strings.ToUpper(s))
	}
	checkPair(t, NewPairSets(a, b, nil, newWordSet(pairMore...)), pairSeeds[0])
}

func FuzzPairWalk(f *testing.F) {
	p := NewPair(newGate(gateA...), newGate(gateB...))
	pw := NewPairWords(newGate(gateA...), newGate(gateB...), newWordSet(pairWords...))
	ps := NewPairSets(newGate(gateA...), newGate(gateB...), newWordSet(pairWords...), newWordSet(pairMore...))
	for _, s := range pairSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkPair(t, p, s)
		checkPair(t, pw, s)
		checkPair(t, ps, s)
	})
}

func TestCandidates(t *testing.T) {
	for _, tc := range []struct {
		add    int // candidates 0, 3, 6, ... added
		wantAt int // how many At holds
		resume int // Resume(1000)
	}{
		{0, 0, 1000},
		{1, 1, 1000},
		{maxCandidates, maxCandidates, 1000},
		{maxCandidates + 1, maxCandidates, 3 * maxCandidates},
		{maxCandidates + 5, maxCandidates, 3 * maxCandidates},
	} {
		var c Candidates
		for k := range tc.add {
			c.Add(3 * k)
		}
		at := c.At()
		if len(at) != tc.wantAt {
			t.Errorf("%d added: At holds %d, want %d", tc.add, len(at), tc.wantAt)
		}
		for k, i := range at {
			if i != int32(3*k) {
				t.Errorf("%d added: At()[%d] = %d, want %d", tc.add, k, i, 3*k)
			}
		}
		if got := c.Resume(1000); got != tc.resume {
			t.Errorf("%d added: Resume(1000) = %d, want %d", tc.add, got, tc.resume)
		}
	}
}
