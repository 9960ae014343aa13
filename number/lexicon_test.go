package number

import (
	"strings"
	"testing"
)

// qualifier finds the qualifier phrase that ends right before start, as
// build does: with the tree of phrases of the word pt, prev(text, start),
// if it ends any.
func (lx *lexicon) qualifier(text string, start int, pt tok) (string, int) {
	if pt.k != tWord {
		return "", start
	}
	q := lx.flagsOf(text[pt.s:pt.e]).quals()
	if q == 0 {
		return "", start
	}
	return qualifierOf(text, start, pt, &lx.quals[q-1])
}

// qualifierByJoining is qualifier as it was first written: it joins the
// lower case of up to maxQualWords words before start and looks the
// phrases up, the longest first.
func qualifierByJoining(lx *lexicon, text string, start int) (string, int) {
	phrases := qualPhrases(lx)
	var toks []tok
	for p := start; len(toks) < maxQualWords; {
		t := prev(text, p)
		if t.k != tWord || t.e-t.s > maxQualWord {
			break
		}
		toks = append(toks, t)
		p = t.s
	}
	for m := len(toks); m >= 1; m-- {
		var words []string
		for j := m - 1; j >= 0; j-- {
			words = append(words, strings.ToLower(text[toks[j].s:toks[j].e]))
		}
		if s := strings.Join(words, " "); phrases[s] {
			return s, toks[m-1].s
		}
	}
	return "", start
}

// qualPhrases returns the qualifier phrases of the trees of lx.quals.
func qualPhrases(lx *lexicon) map[string]bool {
	phrases := map[string]bool{}
	var walk func(n *qualNode)
	walk = func(n *qualNode) {
		if n.text != "" {
			phrases[n.text] = true
		}
		for k := range n.kids {
			walk(&n.kids[k])
		}
	}
	for k := range lx.quals {
		walk(&lx.quals[k])
	}
	return phrases
}

func TestQualifier(t *testing.T) {
	f := newFinder(t)
	n := 0
	if err := lines("qualifiers.txt", func([]string) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if got := len(qualPhrases(f.lx)); got != n || n == 0 {
		t.Errorf("%d qualifier phrases in the trees, want the %d of qualifiers.txt", got, n)
	}
	cases := []struct {
		in, want string
	}{
		{"at least 5", "at least"},
		{"At Least 5", "at least"},
		{"slightly more than 5", "slightly more than"},
		{"SLIGHTLY  more\u00a0than 5", "slightly more than"},
		{"much more than 5", "more than"},
		{"than 5", ""},
		{"some 5", "some"},
		{"up to 5", "up to"},
		{"climbed to 5", ""},
		{"as many as 5", "as many as"},
		{"many as 5", ""},
		{"no fewer than 5", "no fewer than"},
		{"fewer than 5", "fewer than"},
		{"approx. 5", ""},
		{"roughly 5", "roughly"},
		{"well, over 5", "over"},
		{"well over 5", "well over"},
		{"not-more than 5", "more than"},
		{"don't more than 5", "more than"},
		{"extraordinarily more than 5", "more than"},
		{"5", ""},
		{"", ""},
	}
	for _, tc := range cases {
		start := strings.LastIndexByte(tc.in, ' ') + 1
		if tc.in == "" || tc.in == "5" {
			start = 0
		}
		got, gs := f.lx.qualifier(tc.in, start, prev(tc.in, start))
		if got != tc.want {
			t.Errorf("qualifier(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if want, ws := qualifierByJoining(f.lx, tc.in, start); got != want || gs != ws {
			t.Errorf("qualifier(%q) = %q at %d, joining gives %q at %d", tc.in, got, gs, want, ws)
		}
	}
}

func FuzzQualifier(f *testing.F) {
	f.Add("at least 5", 9)
	f.Add("Slightly more than 5", 19)
	fd := newFinder(f)
	f.Fuzz(func(t *testing.T, text string, start int) {
		if start < 0 || start > len(text) {
			return
		}
		got, gs := fd.lx.qualifier(text, start, prev(text, start))
		if want, ws := qualifierByJoining(fd.lx, text, start); got != want || gs != ws {
			t.Fatalf("qualifier(%q, %d) = %q at %d, joining gives %q at %d", text, start, got, gs, want, ws)
		}
	})
}

func TestFlags(t *testing.T) {
	lx := newFinder(t).lx
	cases := []struct {
		w    string
		want wordFlags
		unit unitKind
	}{
		{"Million", flagNumber, unitNone},
		{"bn", flagNumber, unitNone},
		{"about", flagQualifier, unitNone},
		{"least", 0, unitNone},
		{"Dollars", flagCurrency, unitNone},
		{"usd", flagCode, unitNone},
		{"Article", flagLabel, unitNone},
		{"MARCH", flagMonth, unitNone},
		{"the", flagStop, unitNone},
		{"km", 0, unitDistance},
		{"p.m.", 0, unitSkip},
		{"Hours", 0, unitTime},
		{"Dialled", flagPhone, unitNone},
		{"turning", flagAge, unitNone},
		{"WAS", flagBe, unitNone},
		{"zebra", 0, unitNone},
		{"", 0, unitNone},
	}
	for _, tc := range cases {
		fl := lx.flagsOf(tc.w)
		if fl&tc.want != tc.want || fl.unit() != tc.unit {
			t.Errorf("flagsOf(%q) = %b (unit %d), want %b (unit %d)", tc.w, fl, fl.unit(), tc.want, tc.unit)
		}
	}
	for w, want := range map[string]bool{"March": true, "march": false, "MARCH": false, "Oct": true, "Sept": true, "May": true, "may": false, "MAy": false, "Mayor": false, "": false} {
		if got := lx.isMonth(w); got != want {
			t.Errorf("isMonth(%q) = %v, want %v", w, got, want)
		}
	}
	for r, want := range map[rune]bool{'$': true, '€': true, '£': true, '₹': true, '#': false, 'S': false, noRune: false, '¢': false, 0x80: false} {
		if got := lx.isSign(r); got != want {
			t.Errorf("isSign(%q) = %v, want %v", r, got, want)
		}
	}
	for w, want := range map[string]bool{"USD": true, "usd": false, "Usd": false, "EUR": true, "": false, "U": false, "USDA": false} {
		if got := lx.isCode(w); got != want {
			t.Errorf("isCode(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestHasUpper(t *testing.T) {
	for _, tc := range []struct {
		w    string
		want bool
	}{
		{"", false},
		{"iPhone", true},
		{"said", false},
		{"naïve", false},
		{"naïVe", true},
		{"Élan", true},
		{"élan", false},
		{"日本", false},
		{"ΑΘήνα", true},
		{"x\xff", false},
	} {
		if got := hasUpper(tc.w); got != tc.want {
			t.Errorf("hasUpper(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
}

func TestHasSuffixLower(t *testing.T) {
	for _, tc := range []struct {
		w, suf string
		want   bool
	}{
		{"working", "ing", true}, {"WORKING", "ing", true}, {"WorkInG", "ing", true},
		{"ing", "ing", true}, {"ng", "ing", false}, {"", "ed", false}, {"armed", "ed", true},
		{"ARMED", "ed", true}, {"arme", "ed", false}, {"ÉD", "ed", false}, {"x\u00e9d", "ed", false},
	} {
		if got := hasSuffixLower(tc.w, tc.suf); got != tc.want {
			t.Errorf("hasSuffixLower(%q, %q) = %v, want %v", tc.w, tc.suf, got, tc.want)
		}
	}
}

func TestIsWord(t *testing.T) {
	for _, tc := range []struct {
		text, w string
		want    bool
	}{
		{"between", "between", true}, {"Between", "between", true}, {"BETWEEN", "between", true},
		{"betwee", "between", false}, {"of", "of", true}, {"OF", "of", true}, {"off", "of", false},
		{"5", "of", false}, {",", "to", false}, {"", "to", false},
	} {
		if got := isWord(tc.text, next(tc.text, 0), tc.w); got != tc.want {
			t.Errorf("isWord(%q, %q) = %v, want %v", tc.text, tc.w, got, tc.want)
		}
	}
}

func TestCapitalized(t *testing.T) {
	for w, want := range map[string]bool{"March": true, "M": true, "Mé": true, "march": false, "MArch": false, "": false, "1st": false, "Éclair": false, "Ab-C": false} {
		if got := capitalized(w); got != want {
			t.Errorf("capitalized(%q) = %v, want %v", w, got, want)
		}
	}
}
