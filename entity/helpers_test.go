package entity

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/hearsaylab/hearsay/internal/strindex"

	"github.com/hearsaylab/hearsay/internal/wordscan"
	"github.com/hearsaylab/hearsay/segment"
)

func TestNameLike(t *testing.T) {
	tests := []struct {
		tok  string
		want bool
	}{
		{"", false},
		{"Varga", true},
		{"varga", false},
		{"7", false},
		{",", false},
		{"DC-based", false},
		{"Jean-Pierre", true},
		{"Jean-pierre", false},
		{"Jean\u2011pierre", false}, // non-breaking hyphen
		{"Jean\u2011Pierre", true},
		{"A--b", false},
		{"Ödön", true},
		{"ödön", false},
		{"Σοφία", true},
		{"ǅemal", false},  // title case is not upper case
		{"\u201c", false}, // “
		{"\u2014", false}, // —
		{"\u2102", true},  // ℂ, after the punctuation block
		{"\xe2", false},
		{"\xe2\x80", false},
		{"\xff", false},
	}
	for _, tc := range tests {
		if got := nameLike(tc.tok); got != tc.want {
			t.Errorf("nameLike(%q) = %v, want %v", tc.tok, got, tc.want)
		}
		if got := refNameLike(tc.tok); got != tc.want {
			t.Errorf("refNameLike(%q) = %v, want %v", tc.tok, got, tc.want)
		}
	}
	// No character from U+2000 to U+207F is upper case: capitalised rules
	// them out by their first two bytes.
	for r := rune(0x2000); r < 0x2080; r++ {
		if unicode.IsUpper(r) {
			t.Errorf("%U is upper case", r)
		}
	}
}

func TestPossessive(t *testing.T) {
	tests := []struct {
		tok, stripped string
		possessive    bool
	}{
		{"Varga's", "Varga", true},
		{"Varga\u2019s", "Varga", true},
		{"Reuters'", "Reuters'", true},
		{"Reuters\u2019", "Reuters", true},
		{"Varga", "Varga", false},
		{"s", "s", false},
		{"'s", "", true},
		{"\u2019s", "", true},
		{"s'", "s'", true},
		{"\u2019", "\u2019", false},
		{"ks\u2019s", "ks", true},
		{"x\x99", "x\x99", false},
	}
	for _, tc := range tests {
		if got := stripPossessive(tc.tok); got != tc.stripped {
			t.Errorf("stripPossessive(%q) = %q, want %q", tc.tok, got, tc.stripped)
		}
		if got := possessive(tc.tok); got != tc.possessive {
			t.Errorf("possessive(%q) = %v, want %v", tc.tok, got, tc.possessive)
		}
		if got, want := stripPossessive(tc.tok), refStripPossessive(tc.tok); got != want {
			t.Errorf("stripPossessive(%q) = %q, reference %q", tc.tok, got, want)
		}
		if got, want := possessive(tc.tok), refPossessive(tc.tok); got != want {
			t.Errorf("possessive(%q) = %v, reference %v", tc.tok, got, want)
		}
		if !mayBePossessive(tc.tok) && tc.stripped != tc.tok {
			t.Errorf("mayBePossessive(%q) = false", tc.tok)
		}
	}
	if mayBePossessive("Varga") || mayBePossessive("s") || !mayBePossessive("Varga's") {
		t.Error("mayBePossessive is wrong")
	}
}

func TestLastField(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Varga", "Varga"},
		{"Ilse Varga", "Varga"},
		{"Ilse\tVarga ", "Varga"},
		{"Ilse\u00a0Varga", "Varga"},
		{"Ilse\u3000Varga\u2003", "Varga"},
		{"Ödön von Horváth", "Horváth"},
		{"a\x85b", "a\x85b"}, // a lone byte 0x85 is no space
		{"a\u0085b", "b"},
		{"Ilse  Varga", "Varga"},
		{"Ilse Varga  ", "Varga"},
		{"Ilse\x1fVarga", "Ilse\x1fVarga"},
		{"Jean-Pierre O'Neill", "O'Neill"},
		{"Ilse Horváth", "Horváth"},
		{"Ilse\u2009Varga", "Varga"},
	}
	for _, tc := range tests {
		if got := lastField(tc.in); got != tc.want {
			t.Errorf("lastField(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got, want := lastField(tc.in), refLastField(tc.in); got != want {
			t.Errorf("lastField(%q) = %q, reference %q", tc.in, got, want)
		}
	}
}

func TestIsAcronym(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"NATO", true}, {"U.N.", true}, {"MI6", true}, {"A", false}, {"Nato", false},
		{"ÖBB", true}, {"ÖBb", false}, {"ΣΣ", true}, {"X\u00e9X", false}, {"\xffAB", true},
		{"", false}, {"Ab", false}, {"AB", true}, {"\u00d6b", false}, {"\u00d6bB", false}, {"A1", false}, {"A1B", true},
	}
	for _, tc := range tests {
		if got := isAcronym(tc.in); got != tc.want || got != refIsAcronym(tc.in) {
			t.Errorf("isAcronym(%q) = %v, want %v", tc.in, got, tc.want)
		}
		if got := acronym(tc.in); got != tc.want {
			t.Errorf("acronym(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestIsConnector(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"", "o", "Of", "OF", "off", "ofs", "dee", "bint", "del", "\x00of", "of\x00", "f", "vonn", "van der", "elx", "d\u00e9"} {
		if r.isConnector(w) {
			t.Errorf("isConnector(%q) = true", w)
		}
	}
	for w := range refConnectors {
		if !r.isConnector(w) || !r.connKeys.mayHave(w) {
			t.Errorf("isConnector(%q) = false, or the filter rules it out", w)
		}
	}
	passed := 0
	words := strings.Fields("the and was has is in on to at as it by he but his her who not are had")
	for _, w := range words {
		if r.connKeys.mayHave(w) {
			passed++
		}
	}
	if passed > 2 {
		t.Errorf("the connector filter lets %d of %d common words through", passed, len(words))
	}
}

// TestMayJoin checks the test AppendLower makes before runEnd: mayJoin is
// true for every token that may carry a run on (a capitalised word, a
// connector) and false for common tokens that cannot, and when it is false
// the run is one word.
func TestMayJoin(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	f := &finder{r: r}
	for _, c := range []struct {
		tok  string
		want bool
	}{
		{"Smith", true}, {"NATO", true}, {"Émile", true}, {"“", true},
		{"of", true}, {"von", true}, {"bin", true},
		{"", false}, {"said", false}, {"the", false}, {",", false}, {".", false}, {"1999", false},
	} {
		if got := f.mayJoin(c.tok); got != c.want {
			t.Errorf("mayJoin(%q) = %v, want %v", c.tok, got, c.want)
		}
	}
	text := "Anton Reusch of Nordvale met Ilse said NATO, van der Berg and Kova of the Kyiv von Braun."
	f.body, f.toks = text, segment.Tokens(text, 0, len(text))
	for i := range f.toks {
		if i+1 < len(f.toks) && nameLike(f.toks[i].Text) && !f.mayJoin(f.toks[i+1].Text) {
			if j := f.runEnd(i); j != i+1 {
				t.Errorf("run at %q ends at %d, though mayJoin(%q) is false", f.toks[i].Text, j, f.toks[i+1].Text)
			}
		}
	}
}

// TestPrefilter checks that the filters never rule out a key of their
// table, and that they rule out most other words.
func TestPrefilter(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ref, err := refNew()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []map[string]bool{ref.titles, ref.demonyms, ref.orgWords, ref.stop} {
		for w := range m {
			if !r.lexKeys.mayHave(w) {
				t.Errorf("lex filter rules out %q", w)
			}
		}
	}
	for w := range refConnectors {
		if !r.lexKeys.mayHave(w) || !r.isConnector(w) {
			t.Errorf("%q is no connector", w)
		}
	}
	for _, m := range []map[string]bool{ref.orgs, ref.outletWords} {
		for w := range m {
			if !r.nameKeys.mayHave(w) {
				t.Errorf("name filter rules out %q", w)
			}
		}
	}
	for w := range ref.places {
		if !r.nameKeys.mayHave(w) {
			t.Errorf("name filter rules out %q", w)
		}
	}
	for w := range ref.titles {
		if !r.roleKeys.mayHave(w) || !r.describerKeys.mayHave(w) {
			t.Errorf("role or describer filter rules out the title %q", w)
		}
	}
	for _, m := range []map[string]bool{ref.titles, ref.demonyms} {
		for w := range m {
			for _, v := range []string{w + "'s", w + "\u2019s"} {
				if !r.roleKeys.mayHave(v) || !r.roleKeys.mayHaveSpan("x "+v+" y", 2, 2+len(v)) || !r.beforeKeys.mayHaveSpan("x "+v+" y", 2, 2+len(v)) {
					t.Errorf("role filter rules out %q", v)
				}
			}
		}
	}
	for w := range ref.demonyms {
		if !r.roleKeys.mayHave(w) {
			t.Errorf("role filter rules out the demonym %q", w)
		}
	}
	for w := range ref.orgWords {
		if !r.describerKeys.mayHave(w) {
			t.Errorf("describer filter rules out the organisation word %q", w)
		}
	}
	for _, w := range roleNouns {
		if !r.describerKeys.mayHave(w) {
			t.Errorf("describer filter rules out the role noun %q", w)
		}
	}
	for w := range ref.orgs {
		if !r.orgKeys.mayHave(w) {
			t.Errorf("organisation filter rules out %q", w)
		}
		// rolesBefore's filter reads a body's lower case in place.
		body := "x " + w + " y"
		if lower, _ := wordscan.Lower(body); len(lower) == len(body) && !r.beforeKeys.mayHaveSpan(lower, 2, 2+len(w)) {
			t.Errorf("the filter of rolesBefore rules out the organisation %q", w)
		}
		if !r.roleStart[w[0]] {
			t.Errorf("roleStart rules out the organisation %q", w)
		}
	}
	for _, m := range []map[string]bool{ref.titles, ref.demonyms} {
		for w := range m {
			for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
				if !r.roleStart[v[0]] {
					t.Errorf("roleStart rules out %q", v)
				}
			}
		}
	}
	for _, c := range []byte(".,;:\"'()[]0123456789") {
		if r.roleStart[c] {
			t.Errorf("roleStart lets %q through", c)
		}
	}
	if r.lexKeys.mayHave("") || r.nameKeys.mayHave("") {
		t.Error("the filters let the empty word through")
	}
	passed := 0
	words := strings.Fields("Varga Brenner Reusch Lindqvist Aldrich Kova Peskov Macron Zelensky Nordvale Selka Hydro")
	for _, w := range words {
		if r.nameKeys.mayHave(w) {
			passed++
		}
	}
	if passed > len(words)/2 {
		t.Errorf("the name filter lets %d of %d unknown names through", passed, len(words))
	}
}

func TestPackWord(t *testing.T) {
	words := []string{"a", "b", "ab", "ba", "aa", "abc", "acb", "abcd", "abdc", "abcde", "abcdf", "bbcde", "abcdef", "abcdefg", "abcdefgh", "abcdefgi", "bbcdefgh", "\x00", "\x00\x00", "a\x00", "\x00a", "\xe2\x80\x99s"}
	seen := map[[2]uint64]string{}
	for _, w := range words {
		k := [2]uint64{packWord(w), uint64(len(w))}
		if prev, ok := seen[k]; ok {
			t.Errorf("packWord(%q) == packWord(%q)", w, prev)
		}
		seen[k] = w
	}
	for _, tc := range []struct {
		w    string
		want uint64
	}{
		{"a", 'a'}, {"ab", 'a' | 'b'<<8}, {"abc", 'a' | 'b'<<8 | 'c'<<16},
		{"abcde", 'a' | 'b'<<8 | 'c'<<16 | 'd'<<24 | 'e'<<32},
		{"abcdefgh", 0x6867666564636261},
	} {
		if got := packWord(tc.w); got != tc.want {
			t.Errorf("packWord(%q) = %#x, want %#x", tc.w, got, tc.want)
		}
	}
}

// TestShortTable checks that the short table agrees with the lexicon on
// its keys and on words that are not.
func TestShortTable(t *testing.T) {
	lex := map[string]wordFlags{"of": fConnector, "the": fStop, "minister": fTitle, "a": fStop, "ministers": fTitle, "\u00e9lu": fTitle}
	st := newShortTable(lex)
	for _, w := range []string{"of", "the", "minister", "a", "élu", "o", "off", "th", "ministe", "ministr", "b", "the\x00", "", "ministers"} {
		if !isShort(w) {
			continue
		}
		if got, want := st.get(w), lex[w]; got != want {
			t.Errorf("get(%q) = %v, want %v", w, got, want)
		}
	}
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	lexAll, _, err := loadLex()
	if err != nil {
		t.Fatal(err)
	}
	for w, f := range lexAll {
		if got := r.flags(w); got != f {
			t.Errorf("flags(%q) = %v, want %v", w, got, f)
		}
	}
}

// TestMidTable checks that the table of words of nine to sixteen bytes
// agrees with the lexicon on its keys and on words that are not, and that
// lookFlags, which reads the short and middling words from the tables of
// packed words, agrees with the lexicon's wordscan.Table, the oracle, on
// every word of the lexicon and on words one byte away from them.
func TestMidTable(t *testing.T) {
	lex := map[string]wordFlags{"spokesman": fTitle, "spokeswoman": fTitle, "ministries": fOrgWord, "commissioners": fTitle, "abcdefghijklmnop": fStop, "ministère": fOrgWord}
	mt := newMidTable(lex)
	for _, w := range []string{"spokesman", "spokeswoman", "spokesmen", "spokesmanx", "ministries", "ministri", "commissioners", "commissioner", "abcdefghijklmnop", "bbcdefghijklmnop", "abcdefghijklmnoq", "ministère", "ministere", "spokesman\x00", "\x00spokesman"} {
		if !isMid(w) {
			continue
		}
		if got, want := mt.get(w), lex[w]; got != want {
			t.Errorf("get(%q) = %v, want %v", w, got, want)
		}
	}
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	lexAll, _, err := loadLex()
	if err != nil {
		t.Fatal(err)
	}
	for w := range lexAll {
		checkLookFlags(t, r, w)
		for i := range len(w) {
			b := []byte(w)
			b[i]++
			checkLookFlags(t, r, string(b))
			checkLookFlags(t, r, w[:i]+w[i+1:])
		}
		checkLookFlags(t, r, w+"x")
	}
}

// checkLookFlags fails t when r.lookFlags(w) differs from the flags r.lex,
// the oracle, has for w.
func checkLookFlags(t *testing.T, r *Recognizer, w string) {
	t.Helper()
	if w == "" {
		return
	}
	want, _ := r.lex.Get(w)
	if got := r.lookFlags(w); got != want {
		t.Errorf("lookFlags(%q) = %v, want %v", w, got, want)
	}
}

// FuzzLookFlags compares lookFlags with the lexicon's wordscan.Table on
// arbitrary words.
func FuzzLookFlags(f *testing.F) {
	for _, w := range []string{"spokesman", "spokeswoman", "minister", "commissioners", "ministère", "of", "x"} {
		f.Add(w)
	}
	r, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, w string) {
		checkLookFlags(t, r, w)
	})
}

// TestFlagsAt checks that flagsAt, which reads a short word from the lower
// case at its offset, agrees with flags of the word cut from it, for every
// word of the lexicon capitalised, with a possessive, at the end of the
// text (where fewer than eight bytes follow) and with no lower case known.
func TestFlagsAt(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	lexAll, _, err := loadLex()
	if err != nil {
		t.Fatal(err)
	}
	for w := range lexAll {
		for _, text := range []string{"x " + w + " y z tail", "x " + strings.ToUpper(w[:1]) + w[1:] + "'s", w} {
			toks := segment.Tokens(text, 0, len(text))
			lower := strings.ToLower(text)
			for _, low := range []string{lower, ""} {
				f := finder{r: r, body: text, lower: low, toks: toks}
				for k, tk := range toks {
					for _, n := range []int{len(tk.Text), len(stripPossessive(tk.Text))} {
						want := r.flags(strings.ToLower(tk.Text[:n]))
						if got := f.flagsAt(k, n); got != want {
							t.Errorf("flagsAt of %q in %q (lower %v) = %v, want %v", tk.Text[:n], text, low != "", got, want)
						}
					}
				}
			}
		}
	}
}

func TestKeepRoles(t *testing.T) {
	var f finder
	long := strings.Fields(strings.Repeat("w ", roleBlock+3))
	tests := [][]string{nil, {"spokesman"}, {"french", "president"}, long, {"minister"}, long[:roleBlock-1], {"chief", "executive"}}
	var kept [][]string
	for _, words := range tests {
		in := slices.Clone(words)
		got := f.keepRoles(in)
		if len(words) == 0 && got != nil {
			t.Errorf("keepRoles(%q) = %q, want nil", words, got)
		}
		if !slices.Equal(got, words) || cap(got) != len(got) {
			t.Errorf("keepRoles(%q) = %q (cap %d)", words, got, cap(got))
		}
		clear(in) // the copy is the mention's own
		kept = append(kept, got)
	}
	for _, got := range kept {
		_ = append(got, "appended") // must not write into a neighbour
	}
	for i, got := range kept {
		if !slices.Equal(got, tests[i]) {
			t.Errorf("copy %d = %q, want %q", i, got, tests[i])
		}
	}
}

// TestCapitalisedHyphens puts every byte in every position of words of one
// to eighteen bytes: a word starting with a capital is capitalised unless a
// hyphen in it is followed by a lower-case letter.
func TestCapitalisedHyphens(t *testing.T) {
	for n := 1; n <= 18; n++ {
		for pos := 1; pos < n; pos++ {
			for c := range 256 {
				b := []byte("A" + strings.Repeat("x", n-1))
				b[pos] = byte(c)
				w := string(b)
				if got, want := capitalised(w), refNameLike(w); got != want {
					t.Fatalf("capitalised(%q) = %v, want %v", w, got, want)
				}
			}
		}
	}
	for _, w := range []string{"Ab-c", "Ab-C", "Abc\u2011d", "Abc\u2011D", "A-b", "Abcdefg-h", "Abcdefgh-i", "Abcdefg-H"} {
		if got, want := capitalised(w), refNameLike(w); got != want {
			t.Errorf("capitalised(%q) = %v, want %v", w, got, want)
		}
	}
}

// FuzzNameLike compares nameLike with refNameLike on arbitrary tokens.
func FuzzNameLike(f *testing.F) {
	for _, w := range []string{"Varga", "DC-based", "Jean\u2011pierre", "Varga’s", "Ödön-élan", "A--b", "\xe2\x80", "\xf0\xe2\x80\x91a", "«", "à"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := nameLike(w), refNameLike(w); got != want {
			t.Fatalf("nameLike(%q) = %v, want %v", w, got, want)
		}
	})
}

// TestPlainTail puts every byte in every position of strings of up to
// twenty bytes and compares plainTail with a walk back over the bytes.
func TestPlainTail(t *testing.T) {
	walk := func(s string) int {
		i := len(s)
		for i > 0 && ' ' < s[i-1] && s[i-1] < 0x80 {
			i--
		}
		return i
	}
	for n := 0; n <= 20; n++ {
		for pos := range n {
			for c := range 256 {
				b := []byte(strings.Repeat("x", n))
				b[pos] = byte(c)
				if got, want := plainTail(string(b)), walk(string(b)); got != want {
					t.Fatalf("plainTail(%q) = %d, want %d", b, got, want)
				}
			}
		}
	}
	for _, s := range []string{"", "Varga", "Ilse Varga", "Ödön von Horváth", "Jean-Pierre O'Neill", "a b c d e f g h i", "Anton Reusch's"} {
		if got, want := plainTail(s), walk(s); got != want {
			t.Errorf("plainTail(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestPackedSurname checks that packedSurname, when it answers, packs the
// surname lastField finds, as packSurname does, and that it answers for
// the common names.
func TestPackedSurname(t *testing.T) {
	words := []string{"Li", "Kova", "Varga", "Brenner", "Lindqvist", "Zelenskyy", "Netanyahu",
		"Ocasio-Cortez", "Schwarzenegger", "Wolfeschlegelstein", "Horváth", "O'Neill", "X", "de", "Jr."}
	var names []string
	for _, a := range words {
		names = append(names, a)
		for _, b := range words {
			names = append(names, a+" "+b, a+"  "+b, a+"\u00a0"+b, a+"\t"+b, a+" "+b+" ", "Dr "+a+" "+b)
		}
	}
	for _, name := range names {
		checkPackedSurname(t, name)
	}
	for _, name := range []string{"Varga", "Ilse Varga", "Emmanuel Macron", "Volodymyr Zelenskyy", "Benjamin Netanyahu", "Alexandria Ocasio-Cortez"} {
		if _, _, ok := packedSurname(name); !ok {
			t.Errorf("packedSurname(%q) does not answer", name)
		}
	}
}

// checkPackedSurname fails t when packedSurname(name) answers with another
// key than packSurname(lastField(name)), the oracle.
func checkPackedSurname(t *testing.T, name string) {
	t.Helper()
	lo, hi, ok := packedSurname(name)
	wlo, whi, wok := packSurname(lastField(name))
	if ok && (!wok || lo != wlo || hi != whi) {
		t.Errorf("packedSurname(%q) = %#x %#x, want %#x %#x (%v)", name, lo, hi, wlo, whi, wok)
	}
}

// FuzzPackedSurname compares packedSurname with packSurname(lastField),
// and the groups surnames makes with the numbers a strindex.Index gives the
// surnames lastField finds, on arbitrary names.
func FuzzPackedSurname(f *testing.F) {
	for _, s := range []string{"Varga", "Ilse Varga", "Volodymyr Zelenskyy", "Jean-Pierre Dupont-Aignan", "Ödön Horváth", "Li", "A  B ", "x\u00a0Yy"} {
		f.Add(s, "Anton "+s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		var x surnames
		var ref strindex.Index
		x.reset(3)
		ref.Reset(3)
		for _, name := range []string{a, b, a} {
			if strings.TrimSpace(name) == "" {
				return // a person's name has a field
			}
			checkPackedSurname(t, name)
			want, wantAdded := ref.ID(lastField(name))
			if g, added := x.group(name, want); g != want || added != wantAdded {
				t.Fatalf("group(%q) = %d, %v; want %d, %v", name, g, added, want, wantAdded)
			}
		}
	})
}

// TestSurnamesReset checks that reset empties the surnames, though it
// clears no slot: a surname of the last document is new again, in the
// group the caller gives, whether the index shrinks or grows.
func TestSurnamesReset(t *testing.T) {
	var x surnames
	docs := [][]string{
		{"Ilse Varga", "Varga", "Anton Kova", "Jan Berg", "Horváth"},
		{"Varga", "Kova", "Ödön Horváth", "Varga"},
		{"Berg", "Anton Berg", "Ilse Kova", "Kova", "Brenner", "Lindqvist", "Varga", "Li", "Jan Li", "Tomas Brenner"},
		{"Jan Berg"},
	}
	for round := 0; round < 3; round++ {
		for d, names := range docs {
			x.reset(len(names))
			var ref strindex.Index
			ref.Reset(len(names))
			for _, name := range names {
				want, wantAdded := ref.ID(lastField(name))
				if g, added := x.group(name, want); g != want || added != wantAdded {
					t.Fatalf("round %d, document %d: group(%q) = %d, %v; want %d, %v", round, d, name, g, added, want, wantAdded)
				}
			}
		}
	}
}

// TestHasSpace puts every byte in every position of strings of up to
// twenty bytes and compares hasSpace with strings.Contains, the oracle.
func TestHasSpace(t *testing.T) {
	for n := 0; n <= 20; n++ {
		for pos := range n {
			for c := range 256 {
				b := []byte(strings.Repeat("x", n))
				b[pos] = byte(c)
				checkHasSpace(t, string(b))
			}
		}
	}
	for _, s := range []string{"", " ", "Varga", "Ilse Varga", "Ödön Horváth", "Volodymyr Zelenskyy", "x\u00a0Yy", "Wolfeschlegelstein"} {
		checkHasSpace(t, s)
	}
}

// checkHasSpace fails t when hasSpace(s) is not strings.Contains(s, " ").
func checkHasSpace(t *testing.T, s string) {
	t.Helper()
	if got, want := hasSpace(s), strings.Contains(s, " "); got != want {
		t.Errorf("hasSpace(%q) = %v, want %v", s, got, want)
	}
}

// FuzzHasSpace compares hasSpace with strings.Contains on arbitrary text.
func FuzzHasSpace(f *testing.F) {
	for _, s := range []string{"Varga", "Ilse Varga", "Volodymyr Zelenskyy", "x\u00a0Yy", "A  B "} {
		f.Add(s)
	}
	f.Fuzz(checkHasSpace)
}
