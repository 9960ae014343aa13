package frame

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/internal/wordscan"
)

func TestHashSet(t *testing.T) {
	var s hashSet
	in := []uint32{0, 1, 63, 64, 1 << 22, 1<<32 - 1, wordscan.Hash("kyiv")}
	for _, h := range in {
		s.add(h)
	}
	for _, h := range in {
		if !s.has(h) {
			t.Errorf("has(%#x) = false after add", h)
		}
	}
	for _, h := range []uint32{2, 62, 2 << 22, 3<<22 | 63, 1<<32 - 2} {
		if s.has(h) {
			t.Errorf("has(%#x) = true, never added", h)
		}
	}
}

// TestGateSkip checks the tokens at which the gate of the embedded lists
// stops: first tokens of one-token entries always, first tokens of longer
// entries only before a possible second token (any token that is not an
// ASCII word), and every word that is not ASCII.
func TestGateSkip(t *testing.T) {
	a := mustNew(t)
	for _, tc := range []struct {
		text string
		want string // the tokens skip stops at, joined by |
	}{
		{"It is said to be so", "It|is|said"},
		{"it rained; is it? so.", "it|so"}, // punctuation rules nothing out
		{"said\nto be", ""},
		{"it", ""},
		{"The government said Kyiv fell.", "government|Kyiv"},
		{"so-called so what", "so"},
		{"the people’s militia and people power", "people"},
		{"Lwów and naïve text", "Lwów|naïve"},
		{"REPORTEDLY Reportedly", "REPORTEDLY|Reportedly"},
		{"", ""},
	} {
		toks := wordscan.Tokens(nil, tc.text)
		var got []string
		for i := a.gate.skip(toks, 0); i < len(toks); i = a.gate.skip(toks, i+1) {
			got = append(got, tc.text[toks[i].St:toks[i].En])
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("skip in %q stops at %q, want %q", tc.text, g, tc.want)
		}
	}
}

// scanTokensRef is scanTokens without the gate: every word is looked up.
func (a *Analyzer) scanTokensRef(body string, toks []wordscan.Token) (terms, hedges []Match) {
	var covered []int
	for i := range toks {
		tk := &toks[i]
		if a.firstT.Absent(tk) {
			continue
		}
		cands, ok := a.firstT.Word(body, tk)
		if !ok {
			continue
		}
		if covered == nil {
			covered = make([]int, len(a.famIndex))
		}
		terms = matchEntries(body, toks, i, cands.terms, covered, terms)
		hedges = matchEntries(body, toks, i, cands.hedges, covered, hedges)
	}
	return terms, hedges
}

// checkScanRef compares scanTokens with scanTokensRef on body.
func checkScanRef(t *testing.T, a *Analyzer, body string) {
	toks := wordscan.Tokens(nil, body)
	terms, hedges := a.scanTokens(body, toks)
	wantTerms, wantHedges := a.scanTokensRef(body, toks)
	if !reflect.DeepEqual(terms, wantTerms) || !reflect.DeepEqual(hedges, wantHedges) {
		t.Fatalf("scanTokens(%q) = %+v, %+v; want %+v, %+v", body, terms, hedges, wantTerms, wantHedges)
	}
}

// scanSeeds are texts for the differential tests of scanTokens: entries at
// the start and end of the text, across line breaks and punctuation, in odd
// case and with non-ASCII letters.
var scanSeeds = []string{
	"It is said to be so; it is\nsaid to be. Said to",
	"according to reports, the so-called Kiev regime and the KYIV regime",
	"people’s militia; people's militia; people s militia",
	"\u212Aiev regime, Lwów, Zaporizhzhia; coup d'état; coup d’état",
	"full-scale invasion full scale invasion full\n-scale invasion",
	"could not be independently verified could not be",
	"climate\nchange and the climate crisis; Israel-Hamas war",
	"may have",
}

func TestScanTokensRef(t *testing.T) {
	a := mustNew(t)
	for _, s := range scanSeeds {
		checkScanRef(t, a, s)
	}
	for _, s := range exampleTexts(t) {
		checkScanRef(t, a, s)
	}
}

func FuzzScanTokens(f *testing.F) {
	a := mustNew(f)
	for _, s := range scanSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkScanRef(t, a, s)
	})
}

// exampleTexts returns the texts of the example articles.
func exampleTexts(tb testing.TB) []string {
	files, err := filepath.Glob(filepath.Join("..", "examples", "*.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(data))
	}
	return out
}
