package frame

import (
	"reflect"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/internal/testtexts"
	"github.com/hearsaylab/hearsay/internal/wordscan"
)

// TestGateSkip checks the tokens at which the gate of the embedded lists
// stops: first tokens of one-token entries always, first tokens of longer
// entries only before a possible second token (of its kind, and by hash if
// it is an ASCII word), and every word that is not ASCII.
func TestGateSkip(t *testing.T) {
	a := mustNew(t)
	for _, tc := range []struct {
		text string
		want string // the tokens Skip stops at, joined by |
	}{
		{"It is said to be so", "It|is|said"},
		{"it rained; is it? so. so-", "so|so"}, // "so-called"
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
		for i := a.gate.Skip(toks, 0); i < len(toks); i = a.gate.Skip(toks, i+1) {
			got = append(got, tc.text[toks[i].St:toks[i].En])
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("Skip in %q stops at %q, want %q", tc.text, g, tc.want)
		}
	}
}

// checkScanRef compares Analyze and Matches with analyzeRef and matchesRef
// on body, with and without a quotation span over its middle third.
func checkScanRef(t *testing.T, a *Analyzer, body string) {
	for _, spans := range [][]article.Span{nil, {{Start: len(body) / 3, End: 2 * len(body) / 3}}} {
		got, want := a.Analyze(body, spans, 1, 3), a.analyzeRef(body, spans, 1, 3)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Analyze(%q, %v) = %+v, want %+v", body, spans, got, want)
		}
	}
	if got, want := a.Matches(body), a.matchesRef(body); !reflect.DeepEqual(got, want) {
		t.Fatalf("Matches(%q) = %+v, want %+v", body, got, want)
	}
	checkCandidates(t, a, body)
}

// checkCandidates compares FindCandidates with FindTokens on body, given
// the candidates of a's gate that wordscan.Pair.Walk notes.
func checkCandidates(t *testing.T, a *Analyzer, body string) {
	toks := wordscan.Tokens(nil, body)
	var none, cands wordscan.Candidates
	wordscan.NewPair(&wordscan.Gate{}, a.Gate()).Walk(toks, &none, &cands)
	// A used Found, as a caller that reuses it passes.
	got := a.FindTokens("Kiev regime, so-called", wordscan.Tokens(nil, "Kiev regime, so-called"))
	a.FindCandidates(&got, body, toks, &cands)
	if want := a.FindTokens(body, toks); len(got.hits) != len(want.hits) || len(want.hits) > 0 && !reflect.DeepEqual(got, want) {
		t.Fatalf("FindCandidates(%q) = %+v, want %+v", body, got, want)
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
	for _, s := range testtexts.Examples(t) {
		checkScanRef(t, a, s)
	}
	// More candidates than wordscan.Candidates holds: FindCandidates
	// walks the rest of the tokens itself.
	checkCandidates(t, a, strings.Repeat(strings.Join(scanSeeds, "\n"), 20))
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
