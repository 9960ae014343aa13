package wordscan

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/internal/swar"
	"github.com/hearsaylab/hearsay/internal/testtexts"
)

func TestNext(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by |, a leading ^ marks a token after a line break
	}{
		{"Kyiv’s mayor", "Kyiv|’|s|mayor"},
		{"a\nb", "a|^b"},
		{"  7,200 troops.", "7|,|200|troops|."},
		{"", ""},
		{"naïve café", "naïve|café"},
	}
	for _, tc := range tests {
		var got []string
		for i := 0; ; {
			st, en, _, nl := Next(tc.in, i)
			if st < 0 {
				break
			}
			tok := tc.in[st:en]
			if nl {
				tok = "^" + tok
			}
			got = append(got, tok)
			i = en
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("Next(%q) = %q, want %q", tc.in, strings.Join(got, "|"), tc.want)
		}
	}
	if NormPunct("’") != "'" || NormPunct("‑") != "-" || NormPunct("x") != "x" {
		t.Error("NormPunct")
	}
}

func TestLower(t *testing.T) {
	for _, s := range []string{"", "Hello World", "Ärger über Ölpreise’s", "ΣΑΣ", "x\xffy", "İstanbul", "\u212Aelvin", "\uFFFD ok"} {
		got, ok := Lower(s)
		want := strings.ToLower(s)
		if ok && got != want {
			t.Errorf("Lower(%q) = %q, want %q", s, got, want)
		}
		if !ok && utf8.ValidString(s) && len(want) == len(s) && s != "İstanbul" && s != "\u212Aelvin" {
			t.Errorf("Lower(%q) not ok", s)
		}
	}
	if _, ok := Lower("İstanbul"); ok {
		t.Errorf("Lower changes length of İ but reported ok")
	}
}

func TestTable(t *testing.T) {
	m := map[string]int{"the": 1, "of": 2, "said": 3, "": 4, "Überall": 5}
	for i := 0; i < 300; i++ {
		m[strings.Repeat("x", i%7+1)+string(rune('a'+i%26))+string(rune('a'+i/26))] = 10 + i
	}
	tb := NewTable(m)
	for k, v := range m {
		got, ok := tb.Get(k)
		gotB, okB := tb.GetBytes([]byte(k))
		if k == "" {
			if ok || okB {
				t.Errorf("empty key found")
			}
			continue
		}
		if !ok || got != v || !okB || gotB != v {
			t.Errorf("Get(%q) = %d, %v; want %d", k, got, ok, v)
		}
	}
	for _, k := range []string{"th", "thee", "said ", "x", "zz"} {
		if _, ok := tb.Get(k); ok {
			t.Errorf("Get(%q) found", k)
		}
		if _, ok := tb.GetBytes([]byte(k)); ok {
			t.Errorf("GetBytes(%q) found", k)
		}
	}
}

// tokenTexts are texts for the tests of Tokens: ASCII, typographic
// punctuation, words with accents, odd spaces and line breaks, invisible
// format characters, invalid UTF-8 and characters that change length when
// lower-cased.
var tokenTexts = []string{
	"The “U.S.” said,\n  it’s 7,200 — x\u2028y",
	"",
	"a",
	"ABCDEFGH",
	"ABCDEFGHI jklmnopqrstuvwxyz0123456789 Z",
	"naïve café Ärger Zaporizhzhia’s\u00a0x\u0085y",
	"soft\u00adhyphen zero\u200bwidth e\u0301clair",
	"bad \xff\xfe bytes\xc3 \xe2\x80",
	"İstanbul \u212Aelvin ΣΑΣ Привет мир 北京 ١٢٣",
	"\r\n\t\v\f end\n",
	"\u2029para \u3000ideographic",
	"x",
}

func TestTokens(t *testing.T) {
	for _, s := range tokenTexts {
		checkTokens(t, s)
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range tokenTexts {
		f.Add(s)
	}
	f.Fuzz(checkTokens)
}

// checkTokens checks that Tokens gives the tokens of successive calls of
// Next, with ASCII and Hash set as documented.
func checkTokens(t *testing.T, s string) {
	toks := Tokens(nil, s)
	pos, k := 0, 0
	for {
		st, en, word, nl := Next(s, pos)
		if st < 0 {
			break
		}
		if k >= len(toks) {
			t.Fatalf("%q: %d tokens, want more", s, len(toks))
		}
		tk := toks[k]
		if tk.St != st || tk.En != en || tk.Word != word || tk.NL != nl {
			t.Fatalf("%q: token %d = %+v, want %d:%d word %v nl %v", s, k, tk, st, en, word, nl)
		}
		tok := s[st:en]
		ascii := word && isASCII(tok)
		if tk.ASCII != ascii {
			t.Fatalf("%q: token %q ASCII = %v", s, tok, tk.ASCII)
		}
		if ascii && tk.Hash != Hash(strings.ToLower(tok)) || !ascii && tk.Hash != 0 {
			t.Fatalf("%q: token %q Hash = %#x", s, tok, tk.Hash)
		}
		k++
		pos = en
	}
	if k != len(toks) {
		t.Errorf("%q: got %d tokens, want %d", s, len(toks), k)
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// TestRuneClass checks the tables of runeClass against classOf for every
// character.
func TestRuneClass(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := runeClass(r), classOf(r); got != want {
			t.Fatalf("runeClass(%U) = %d, want %d", r, got, want)
		}
	}
	for c := 0; c < 256; c++ {
		want := classMulti
		if c < utf8.RuneSelf {
			want = classOf(rune(c))
		}
		if byteClass[c] != want {
			t.Errorf("byteClass[%#x] = %d, want %d", c, byteClass[c], want)
		}
	}
}

func TestLowerRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := lowerRune(r), unicode.ToLower(r); got != want {
			t.Fatalf("lowerRune(%U) = %U, want %U", r, got, want)
		}
	}
}
func FuzzLower(f *testing.F) {
	for _, s := range tokenTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := Lower(s)
		want := strings.ToLower(s)
		if ok && got != want {
			t.Fatalf("Lower(%q) = %q, want %q", s, got, want)
		}
		if ok != keepsLength(s) {
			t.Fatalf("Lower(%q) ok = %v", s, ok)
		}
	})
}

// keepsLength reports whether s is valid UTF-8 whose every character
// lower-cases to a character of the same length.
func keepsLength(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if utf8.RuneLen(unicode.ToLower(r)) != utf8.RuneLen(r) {
			return false
		}
	}
	return true
}

func TestLowerLong(t *testing.T) {
	// Longer than Lower's chunk, with characters across its boundaries.
	var b strings.Builder
	for i := 0; b.Len() < 3*lowerChunk; i++ {
		b.WriteString([]string{"Hello ", "WORLD’s ", "Ärger ", "x", "ÜBER\n", "—"}[i%6])
	}
	texts := []string{b.String()}
	// Long ASCII runs that end anywhere in or at the end of a chunk.
	for k := 0; k < 20; k++ {
		texts = append(texts, strings.Repeat("A", k)+strings.Repeat("Hello World ", lowerChunk/12+10)+"ÄÖÜ’x"+strings.Repeat("Y", k))
	}
	for _, s := range texts {
		got, ok := Lower(s)
		if !ok || got != strings.ToLower(s) {
			t.Errorf("Lower of %d bytes: ok %v, differs %v", len(s), ok, got != strings.ToLower(s))
		}
	}
}

func TestHash(t *testing.T) {
	words := []string{"", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh",
		"abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq", "internationalisation", "a-b.c"}
	seen := map[uint32]string{}
	for _, w := range words {
		h := Hash(w)
		if Hash(strings.ToUpper(w)) != h || Hash([]byte(w)) != h {
			t.Errorf("Hash(%q) differs by case or type", w)
		}
		if o, dup := seen[h]; dup {
			t.Errorf("Hash(%q) == Hash(%q)", w, o)
		}
		seen[h] = w
	}
}

func TestLoadTail(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want uint64
	}{
		{"", 0},
		{"\x01", 0x01},
		{"\x01\x02", 0x0201},
		{"\x01\x02\x03", 0x030201},
		{"\x01\x02\x03\x04", 0x04030201},
		{"\x01\x02\x03\x04\x05", 0x0504030201},
		{"\x01\x02\x03\x04\x05\x06", 0x060504030201},
		{"\x01\x02\x03\x04\x05\x06\x07", 0x07060504030201},
		{"\x01\x02\x03\x04\x05\x06\x07\x08", 0x0807060504030201},
	} {
		if got := loadTail(tc.in); got != tc.want {
			t.Errorf("loadTail(%q) = %#x, want %#x", tc.in, got, tc.want)
		}
	}
}

func TestTableWord(t *testing.T) {
	tb := NewTable(map[string]int{"kyiv": 1, "reportedly": 2, "lwów": 3, "kiev": 4, "x": 5, "so": 6})
	text := "KYIV Reportedly lwów LWÓW \u212Aiev X so-called kyivx Kyi - Kiev"
	want := map[string]int{"KYIV": 1, "Reportedly": 2, "lwów": 3, "LWÓW": 3, "\u212Aiev": 4, "X": 5, "so": 6, "Kiev": 4}
	for _, tk := range Tokens(nil, text) {
		tok := text[tk.St:tk.En]
		got, ok := tb.Word(text, &tk)
		if w, in := want[tok]; ok != in || got != w {
			t.Errorf("Word(%q) = %d, %v; want %d, %v", tok, got, ok, w, in)
		}
	}
}

func BenchmarkTokens(b *testing.B) {
	s := strings.Join(testtexts.Examples(b), "")
	b.SetBytes(int64(len(s)))
	var toks []Token
	for b.Loop() {
		toks = Tokens(toks[:0], s)
	}
}

func BenchmarkLower(b *testing.B) {
	s := strings.Join(testtexts.Examples(b), "")
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Lower(s)
	}
}

func BenchmarkTableWord(b *testing.B) {
	s := strings.Join(testtexts.Examples(b), "")
	toks := Tokens(nil, s)
	m := map[string]int{}
	for i, w := range strings.Fields("kyiv reportedly allegedly reuters bloomberg times financial associated") {
		m[w] = i
	}
	tb := NewTable(m)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		for i := range toks {
			if !tb.Absent(&toks[i]) {
				tb.Word(s, &toks[i])
			}
		}
	}
}

func TestGetBytesAllocs(t *testing.T) {
	tb := NewTable(map[string]int{"reportedly": 1})
	key := []byte("reportedly but longer than thirty-two bytes")
	if n := testing.AllocsPerRun(100, func() { tb.GetBytes(key) }); n != 0 {
		t.Errorf("GetBytes allocates %v times", n)
	}
}

func TestKeyDiffers(t *testing.T) {
	for _, tc := range []struct {
		text, lexicon string
		differs       bool
	}{
		{"Kyiv", "kyiv", false},
		{"KYIV", "Kyiv", false},
		{"Kyiv", "kiev", true},
		{"Kyiv", "Kyivs", true},
		{"Kyiv", "Kyiv’s", false},    // not an ASCII lexicon token
		{"\u212Aiev", "kiev", false}, // not an ASCII word: compared in full
		{"Kiev", "\u212Aiev", false}, // not an ASCII lexicon token
		{"’", "'", false},
		{"-", "x", false}, // punctuation is not ruled out
	} {
		toks := Tokens(nil, tc.text)
		if len(toks) != 1 {
			t.Fatalf("%q: %d tokens", tc.text, len(toks))
		}
		if got := KeyOf(tc.lexicon).Differs(&toks[0]); got != tc.differs {
			t.Errorf("KeyOf(%q).Differs(%q) = %v, want %v", tc.lexicon, tc.text, got, tc.differs)
		}
	}
}

// TestWordHash checks that WordHash and ShortWordHash give the Hash of the
// lower case of a word, near the end of a text and away from it, with
// every kind of byte after the word.
func TestWordHash(t *testing.T) {
	for _, tc := range []struct{ text, word string }{
		{"a", "a"},
		{"The end", "The"},
		{"said, and", "said"},
		{"ABCDEFGH", "ABCDEFGH"},
		{"ABCDEFGH and more", "ABCDEFGH"},
		{"Zaporizhzhia’s mayor", "Zaporizhzhia"},
		{"x 7200\xff\xfe tail", "7200"},
		{"end Word", "Word"},
		{"ABCDEFGHI", "ABCDEFGHI"},
		{"Correspondent, she", "Correspondent"},
		{"ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOP"},
		{"abcdefghijklmnop.", "abcdefghijklmnop"},
		{"ABCDEFGHIJKLMNOPQ", "ABCDEFGHIJKLMNOPQ"},
	} {
		st := strings.Index(tc.text, tc.word)
		en := st + len(tc.word)
		want := Hash(strings.ToLower(tc.word))
		if got := WordHash(tc.text, st, en); got != want {
			t.Errorf("WordHash(%q, %d, %d) = %#x, want %#x", tc.text, st, en, got, want)
		}
		padded := tc.text[st:] + strings.Repeat("\xff", 16)
		if n := len(tc.word); n <= 8 {
			if got := ShortWordHash(n, swar.Load8(padded, 0)); got != want {
				t.Errorf("ShortWordHash(%d, %q) = %#x, want %#x", n, padded[:8], got, want)
			}
		}
		if n := len(tc.word); n <= 16 {
			if got := WordHash16(n, swar.Load8(padded, 0), swar.Load8(padded, 8)); got != want {
				t.Errorf("WordHash16(%d, %q) = %#x, want %#x", n, padded[:16], got, want)
			}
		}
		if n := len(tc.word); n > 8 && n <= 16 {
			x1 := swar.Load8(padded, 8) & (^uint64(0) >> (64 - 8*(n-8)))
			if got := LongWordHash(n, swar.Load8(padded, 0), x1); got != want {
				t.Errorf("LongWordHash(%d, %q) = %#x, want %#x", n, padded[:16], got, want)
			}
		}
	}
}

// TestAppendSpan checks that AppendSpan, called token by token and on
// runs of tokens of a text, gives the tokens Tokens gives for the whole.
func TestAppendSpan(t *testing.T) {
	for _, s := range tokenTexts {
		want := Tokens(nil, s)
		for step := 1; step <= 3; step++ {
			var got []Token
			nl, lo := false, 0
			for k := step - 1; k < len(want); k += step {
				got, nl = AppendSpan(got, s, lo, want[k].En, nl)
				lo = want[k].En
			}
			got, _ = AppendSpan(got, s, lo, len(s), nl)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("AppendSpan on %q in runs of %d = %v, want %v", s, step, got, want)
			}
		}
	}
}

func TestLowerInto(t *testing.T) {
	long := strings.Repeat("AbC", lowerChunk/3+100) // longer than the chunk
	for _, tc := range []struct {
		src  string
		want int // bytes lower-cased
	}{
		{"Short", 5},
		{"EIGHT BY", 8},
		{"ABCDEFG’s", 11},
		{long[:31] + "é" + long[:8], 41}, // outside ASCII in the fourth word of a run
		{long, lowerChunk},
		{long[:lowerChunk-2] + "’" + long, lowerChunk - 2}, // no room for the quotation mark
		{long[:lowerChunk-3] + "’" + long, lowerChunk},
	} {
		var chunk [lowerChunk]byte
		got, ok := lowerInto(&chunk, tc.src)
		if !ok || got != tc.want || string(chunk[:got]) != strings.ToLower(tc.src[:got]) {
			t.Errorf("lowerInto(%.20q…) = %d, %v; want %d", tc.src, got, ok, tc.want)
		}
	}
}

func TestIsPunct3(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"’s", true}, {"—", true}, {"\u2000", true}, {"\u203F", true},
		{"\u2040", false}, {"é", false}, {"\xe2\x80", false}, {"\xe2\x80(", false}, {"a", false},
	} {
		if got := isPunct3(tc.s); got != tc.want {
			t.Errorf("isPunct3(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// checkMaskedWordHash compares MaskedWordHash with ShortWordHash for the
// word of every length from one to eight at the start of x.
func checkMaskedWordHash(t *testing.T, x uint64) {
	t.Helper()
	for n := 1; n <= 8; n++ {
		mask := ^uint64(0) >> (64 - 8*uint(n))
		if got, want := MaskedWordHash(n, x&mask), ShortWordHash(n, x); got != want {
			t.Fatalf("MaskedWordHash(%d, %#x) = %#x, ShortWordHash %#x", n, x&mask, got, want)
		}
	}
}

// TestLowBytes checks lowBytes against the mask of the low n bytes by a
// shift of 1 by 8*n bits, which is 0 for n = 8.
func TestLowBytes(t *testing.T) {
	for n := 1; n <= 8; n++ {
		if got, want := lowBytes(n), uint64(1)<<(8*uint(n))-1; got != want {
			t.Errorf("lowBytes(%d) = %#x, want %#x", n, got, want)
		}
	}
}

func TestMaskedWordHash(t *testing.T) {
	for _, w := range []string{"abcdefgh", "Said, he", "ZZZZZZZZ", "\xff\xff\xff\xff\xff\xff\xff\xff"} {
		checkMaskedWordHash(t, swar.Load8(w, 0))
	}
}

func FuzzMaskedWordHash(f *testing.F) {
	f.Add(uint64(0x6867666564636261))
	f.Fuzz(checkMaskedWordHash)
}
