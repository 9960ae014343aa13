package outlet

import (
	"reflect"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/internal/testtexts"
	"github.com/hearsaylab/hearsay/internal/wordscan"
)

// TestGateSkip checks the tokens at which the gate of the embedded table
// stops: first tokens of one-token aliases always, first tokens of longer
// aliases only before a possible second token (of its kind, and by hash if
// it is an ASCII word), and every word that is not ASCII.
func TestGateSkip(t *testing.T) {
	tb := mustLoad(t)
	for _, tc := range []struct {
		text string
		want string // the tokens Skip stops at, joined by |
	}{
		{"he said to reporters on Monday by noon", ""},
		{"she told People on Monday by Reuters", "told|Reuters"},
		{"on X, formerly Twitter; X.", "on|X|Twitter|X"}, // "X." may be X.com
		{"New York Times; New\nYork Times; new york times", "New|Times|Times|new|times"},
		{"to the New York Times.", "New|Times"},
		{"told\nPeople; on", "People"}, // people.com
		{"Süddeutsche Zeitung and naïve text", "Süddeutsche|naïve"},
		{"REUTERS reuters", "REUTERS|reuters"},
		{"", ""},
	} {
		toks := wordscan.Tokens(nil, tc.text)
		var got []string
		for i := tb.gate.Skip(toks, 0); i < len(toks); i = tb.gate.Skip(toks, i+1) {
			got = append(got, tc.text[toks[i].St:toks[i].En])
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("Skip in %q stops at %q, want %q", tc.text, g, tc.want)
		}
	}
}

// findTokensRef is FindTokens without the gate, every word looked up, and
// with matchRef.
func (t *Table) findTokensRef(text string, toks []wordscan.Token) []Mention {
	var out []Mention
scan:
	for i := 0; i < len(toks); i++ {
		tk := &toks[i]
		if t.firstT.Absent(tk) {
			continue
		}
		cands, _ := t.firstT.Word(text, tk)
		for _, a := range cands {
			if m, last, ok := t.matchRef(text, toks, i, a); ok {
				out = append(out, m)
				i = last
				continue scan
			}
		}
	}
	return out
}

// checkFindRef compares FindTokens and FindAlong with findTokensRef
// on text, and the candidates FindAlong notes for otherGate with
// those that its Skip finds.
func checkFindRef(t *testing.T, tb *Table, text string) {
	toks := wordscan.Tokens(nil, text)
	got, want := tb.FindTokens(text, toks), tb.findTokensRef(text, toks)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("FindTokens(%q) = %+v, want %+v", text, got, want)
	}
	// A used Along, as a caller that reuses it passes.
	al := Along{Mentions: make([]Mention, 3), Words: []int{1, 2}, More: []int{3}}
	al.Other.Add(7)
	tb.FindAlong(&al, text, toks, wordscan.NewPair(tb.Gate(), otherGate))
	if got := al.Mentions; len(got) != len(want) || len(got) > 0 && !reflect.DeepEqual(got, want) {
		t.Fatalf("FindAlong(%q) = %+v, want %+v", text, got, want)
	}
	if len(al.Words) != 0 || len(al.More) != 0 {
		t.Fatalf("FindAlong(%q) notes words %v and %v with a pair without word sets", text, al.Words, al.More)
	}
	if got, want := candidateStops(otherGate, toks, &al.Other), skipStops(otherGate, toks); !reflect.DeepEqual(got, want) {
		t.Fatalf("FindAlong(%q) notes candidates %v, want %v", text, got, want)
	}
}

// otherGate is the gate of another lexicon for FindAlong: common
// words and phrases, so that long texts have more candidates than
// wordscan.Candidates holds.
var otherGate = func() *wordscan.Gate {
	g := &wordscan.Gate{}
	for _, e := range [][]string{{"the"}, {"said", "to"}, {"Reuters"}, {"coup", "d", "'", "état"}, {"it", "-"}} {
		keys := make([]wordscan.Key, len(e))
		for i, tok := range e {
			keys[i] = wordscan.KeyOf(tok)
		}
		g.Add(e, keys)
	}
	return g
}()

// skipStops returns the token indices at which g.Skip stops in toks.
func skipStops(g *wordscan.Gate, toks []wordscan.Token) []int {
	var out []int
	for i := g.Skip(toks, 0); i < len(toks); i = g.Skip(toks, i+1) {
		out = append(out, i)
	}
	return out
}

// candidateStops returns the token indices of cands, those it noted and
// those g.Skip finds from where it resumes.
func candidateStops(g *wordscan.Gate, toks []wordscan.Token, cands *wordscan.Candidates) []int {
	var out []int
	for _, i := range cands.At() {
		out = append(out, int(i))
	}
	for i := g.Skip(toks, cands.Resume(len(toks))); i < len(toks); i = g.Skip(toks, i+1) {
		out = append(out, i)
	}
	return out
}

// findSeeds are texts for the differential tests of FindTokens: aliases at
// the start and end of the text, across line breaks and punctuation, in odd
// case and with non-ASCII letters.
var findSeeds = []string{
	"told People on X by Reuters; on X, via X",
	"The New York Times, the New\nYork Times, NEW YORK TIMES, new york times",
	"X, formerly Twitter; X (formerly Twitter); X, formerly known as Twitter",
	"Süddeutsche Zeitung, SÜDDEUTSCHE ZEITUNG, Libération, RFE/RL, N.Y. Times",
	"the Independent, The Independent, independent.co.uk, Kyiv Independent",
	"told Variety to Variety told Billboard to",
	"the FT\u2019s report; AP\u2011style; \u212Aommersant",
	"on",
}

func TestFindTokensRef(t *testing.T) {
	tb := mustLoad(t)
	for _, s := range findSeeds {
		checkFindRef(t, tb, s)
	}
	for _, text := range testtexts.Examples(t) {
		checkFindRef(t, tb, text)
	}
	checkFindRef(t, tb, benchText(1<<16))
}

func FuzzFindTokens(f *testing.F) {
	tb := mustLoad(f)
	for _, s := range findSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkFindRef(t, tb, s)
	})
}

// matchRef is match as it was before it tested the hashes of all the
// alias's tokens before comparing any, the oracle of findTokensRef; both
// then test the context alike (inContext).
func (t *Table) matchRef(text string, toks []wordscan.Token, i int, a *alias) (Mention, int, bool) {
	var m Mention
	// The next token rules out most aliases of two or more tokens at once:
	// "to", "on" and "by" start many.
	if len(a.keys) > 1 && (i+1 >= len(toks) || a.keys[1].Differs(&toks[i+1])) {
		return m, i, false
	}
	cur := token{toks[i].St, toks[i].En, toks[i].Word, true}
	ci := i
	spanSt, spanEn := -1, -1
	for k, at := range a.toks {
		if k > 0 {
			ci++
			if ci >= len(toks) || toks[ci].NL {
				return m, ci, false
			}
			cur = token{toks[ci].St, toks[ci].En, toks[ci].Word, true}
		}
		if a.keys[k].Differs(&toks[ci]) || !tokEqual(text[cur.st:cur.en], at, a.fold) {
			return m, ci, false
		}
		if k == a.spanFrom {
			spanSt = cur.st
		}
		if k == a.spanTo-1 {
			spanEn = cur.en
		}
	}
	return t.inContext(text, toks, i, ci, a, spanSt, spanEn)
}
