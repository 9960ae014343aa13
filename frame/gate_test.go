package frame

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/internal/wordscan"
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

// TestGateSkip checks the tokens at which the gate of the embedded lists
// stops: first tokens of one-token entries always, first tokens of longer
// entries only before a possible second token (of its kind, and by hash if
// it is an ASCII word), and every word that is not ASCII.
func TestGateSkip(t *testing.T) {
	a := mustNew(t)
	for _, tc := range []struct {
		text string
		want string // the tokens skip stops at, joined by |
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
		for i := a.gate.skip(toks, 0); i < len(toks); i = a.gate.skip(toks, i+1) {
			got = append(got, tc.text[toks[i].St:toks[i].En])
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("skip in %q stops at %q, want %q", tc.text, g, tc.want)
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

func TestIsWord(t *testing.T) {
	for tok, want := range map[string]bool{"kyiv": true, "Lwów": true, "2022": true, "-": false, "'": false, "’": false, "(": false} {
		if got := isWord(tok); got != want {
			t.Errorf("isWord(%q) = %v, want %v", tok, got, want)
		}
	}
}
