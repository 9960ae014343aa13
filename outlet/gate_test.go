package outlet

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

// TestGateSkip checks the tokens at which the gate of the embedded table
// stops: first tokens of one-token aliases always, first tokens of longer
// aliases only before a possible second token (of its kind, and by hash if
// it is an ASCII word), and every word that is not ASCII.
func TestGateSkip(t *testing.T) {
	tb := mustLoad(t)
	for _, tc := range []struct {
		text string
		want string // the tokens skip stops at, joined by |
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
		for i := tb.gate.skip(toks, 0); i < len(toks); i = tb.gate.skip(toks, i+1) {
			got = append(got, tc.text[toks[i].St:toks[i].En])
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("skip in %q stops at %q, want %q", tc.text, g, tc.want)
		}
	}
}

// findTokensRef is FindTokens without the gate: every word is looked up.
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
			if m, last, ok := t.match(text, toks, i, a); ok {
				out = append(out, m)
				i = last
				continue scan
			}
		}
	}
	return out
}

// checkFindRef compares FindTokens with findTokensRef on text.
func checkFindRef(t *testing.T, tb *Table, text string) {
	toks := wordscan.Tokens(nil, text)
	got, want := tb.FindTokens(text, toks), tb.findTokensRef(text, toks)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("FindTokens(%q) = %+v, want %+v", text, got, want)
	}
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
	files, err := filepath.Glob(filepath.Join("..", "examples", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkFindRef(t, tb, string(data))
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

func TestIsWord(t *testing.T) {
	for tok, want := range map[string]bool{"kyiv": true, "Lwów": true, "2022": true, "-": false, "'": false, "’": false, "(": false} {
		if got := isWord(tok); got != want {
			t.Errorf("isWord(%q) = %v, want %v", tok, got, want)
		}
	}
}
