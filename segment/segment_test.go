package segment

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/internal/swar"
)

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"blank lines", "One.\n\nTwo.", []string{"One.", "Two."}},
		{"one per line", "First line ends.\nSecond starts.", []string{"First line ends.", "Second starts."}},
		{"hard wrap", "The dam was inspected\nevery spring by the\nagency.", []string{"The dam was inspected\nevery spring by the\nagency."}},
		{"short line then capital", "Recent News\nFloods hit town", []string{"Recent News", "Floods hit town"}},
		{"indented", "  Indented text.\n\nNext.", []string{"Indented text.", "Next."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, p := range Paragraphs(tc.in) {
				got = append(got, tc.in[p.Start:p.End])
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		skip [][2]int
		want []string
	}{
		{"plain", "The dam broke. Rescuers came.", nil, []string{"The dam broke.", "Rescuers came."}},
		{"title abbreviation", "Gen. Ilse Varga spoke. Then she left.", nil, []string{"Gen. Ilse Varga spoke.", "Then she left."}},
		{"initial", "John F. Kennedy spoke.", nil, []string{"John F. Kennedy spoke."}},
		{"U.S. mid-sentence", "The U.S. Army said so.", nil, []string{"The U.S. Army said so."}},
		{"U.S. at the end", "It came from the U.S. The rest stayed.", nil, []string{"It came from the U.S.", "The rest stayed."}},
		{"number", "Item No. 5 was lost. Nothing else.", nil, []string{"Item No. 5 was lost.", "Nothing else."}},
		{"month", "On Jan. 12 it rained.", nil, []string{"On Jan. 12 it rained."}},
		{"lower case after period", "e.g. this one. Yes.", nil, []string{"e.g. this one.", "Yes."}},
		{"footnote stays", "It was known.[2] Next one.", nil, []string{"It was known.[2]", "Next one."}},
		{"quote kept whole", "“We left. We came back,” she said. Fine.", [][2]int{{0, len("“We left. We came back,”")}}, []string{"“We left. We came back,” she said.", "Fine."}},
		{"quote ends sentence", "He said “we left.” Then he went.", [][2]int{{8, 8 + len("“we left.”")}}, []string{"He said “we left.”", "Then he went."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var skip []article.Span
			for _, s := range tc.skip {
				skip = append(skip, article.Span{Start: s[0], End: s[1]})
			}
			var got []string
			for _, s := range Sentences(tc.in, article.Span{Start: 0, End: len(tc.in)}, skip) {
				got = append(got, tc.in[s.Start:s.End])
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	in := "Dr. Varga’s DC-based group said 7,200 people, U.S. officials, don’t."
	var got []string
	for _, tk := range Tokens(in, 0, len(in)) {
		got = append(got, tk.Text)
	}
	want := "Dr.|Varga’s|DC-based|group|said|7,200|people|,|U.S.|officials|,|don’t|."
	if strings.Join(got, "|") != want {
		t.Errorf("got %s, want %s", strings.Join(got, "|"), want)
	}
}

// TestTokensWords checks AppendTokensWords on texts whose tokens take
// every path: words with joiners, abbreviations, line breaks in and out of
// ASCII, invisible format characters, words and marks outside ASCII, long
// words and invalid UTF-8.
func TestTokensWords(t *testing.T) {
	for _, s := range []string{
		"",
		"a",
		"Dr. Varga’s DC-based group said 7,200 people, U.S. officials, don’t.",
		"one\ntwo\u2028three\u0085four\u2029five \n\u200b six",
		"soft\u00adhyphen zero\u200bwidth e\u0301clair naïve café Ärger",
		"ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefgh abcdefghi 0123456789x @[`{/:",
		"bad \xff\xfe bytes\xc3 \xe2\x80 Gen. end.",
		"İstanbul \u212Aelvin ΣΑΣ Привет мир 北京 ١٢٣ x-\u00e9 a’b a'\n",
		"a fifteen-letter word ends it: abcdefghijklmno.",
		"and one of sixteen: abcdefghijklmnop, and one of eight: abcdefgh.",
		"Plain words, Capitals and marks: Gen. Varga said so, then left. Again U.S. (and 7,200 more).",
		"Sentence ends: he said. The end came in 2019. Then the 19th. Then A1. Then John F. Kennedy. Then x..word. The",
		"More ends: a. B said. [4] Then said.  Two spaces. Lower. case. Dr. Who. Gen. Sen. approx. Inc. Ltd. Fin.",
		"Long ends: governments. Administration. Extraordinarily. Abcdefghijklmnop. The COVID19. The covid19th. The",
	} {
		checkTokensWords(t, s)
	}
}

func FuzzSegment(f *testing.F) {
	for _, s := range []string{"", "A. B.", "“Hi,” he said.\n\nNext.", "U.S. a\nb", "x\x00y", "\xff\xfe."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range Paragraphs(s) {
			if p.Start < 0 || p.End > len(s) || p.Start >= p.End {
				t.Fatalf("bad paragraph %v in %q", p, s)
			}
			prev := p.Start
			for _, se := range Sentences(s, p.Span, nil) {
				if se.Start < prev || se.End > p.End || se.Start >= se.End {
					t.Fatalf("bad sentence %v in paragraph %v of %q", se, p, s)
				}
				prev = se.End
			}
		}
		for _, tk := range Tokens(s, 0, len(s)) {
			if s[tk.Start:tk.End] != tk.Text {
				t.Fatalf("token text mismatch")
			}
		}
	})
}

func TestAbbrevOf(t *testing.T) {
	tests := []struct {
		w    string
		want int
	}{
		{"Gen", abbrevInner},
		{"gen", abbrevInner},
		{"U.S", abbrevMayEnd},
		{"u.s", abbrevMayEnd},
		{"Corp", abbrevMayEnd},
		{"APPROX", abbrevInner},
		{"approxi", notAbbrev},
		{"Smith", notAbbrev},
		{"", notAbbrev},
		{"İnc", abbrevMayEnd},                    // İ lower-cases to i
		{"\u212Ao", notAbbrev},                   // the Kelvin sign lower-cases to k: "ko"
		{"Gén", notAbbrev},                       // not ASCII, not an abbreviation
		{"abcdefghijklmnopq", notAbbrev},         // longer than the ASCII buffer
		{"MESSRS", abbrevInner},                  // the longest
		{"Ms\u212A", notAbbrev},                  // "msk"
		{"CORP\u0130", notAbbrev},                // "corpi"
		{strings.Repeat("\u0130", 8), notAbbrev}, // long, not ASCII
	}
	for _, tc := range tests {
		if got := abbrevOf(tc.w); got != tc.want {
			t.Errorf("abbrevOf(%q) = %d, want %d", tc.w, got, tc.want)
		}
	}
}

func TestTrimSpan(t *testing.T) {
	for _, s := range []string{
		"", " ", "x", " x ", "\t x\r", "\u00a0x\u00a0", " \u2009 x y \u3000 ", "\u00a0", "\u00a0 \u2009",
		"é", " é ", "\xff x \xff", " \xe2\x80 ", "\u0085x\u0085", "\u2008\x88",
		// An ASCII start and an end outside ASCII.
		"  he said.”  ", "he said.”", "end\u00a0", "end \u2003 ", "end\xff", "x\u2028", "x\u200b",
		// Ends outside ASCII that are no space, and a stray continuation
		// byte first.
		"“Quoted,” he said.", "“Quoted.”", "— a dash —", "\xff\xfe", "\x88x”", "\x80\u00a0x", "é\u2009", "\u2009é",
	} {
		start, end := trimSpan(s, 0, len(s))
		want := strings.TrimSpace(s)
		if s[start:end] != want || (want != "" && start != strings.Index(s, want)) {
			t.Errorf("trimSpan(%q) = %d, %d: %q, want %q", s, start, end, s[start:end], want)
		}
	}
}

// TestIndexSentenceByte checks indexSentenceByte, which reads eight bytes
// at a time, with every byte at every offset.
func TestIndexSentenceByte(t *testing.T) {
	base := "abcdefghijklmnopqrstuvwxyz ABC,123"
	for c := range 256 {
		for i := range len(base) + 1 {
			s := base[:i] + string([]byte{byte(c)}) + base[i:]
			want := len(s)
			for j := range len(s) {
				if sentenceByte[s[j]] {
					want = j
					break
				}
			}
			if got := indexSentenceByte(s); got != want {
				t.Fatalf("indexSentenceByte(%q) = %d, want %d", s, got, want)
			}
			want = strings.IndexAny(s, ".!?")
			if want < 0 {
				want = len(s)
			}
			if got := indexTerminal(s); got != want {
				t.Fatalf("indexTerminal(%q) = %d, want %d", s, got, want)
			}
		}
	}
}

// TestLastCharStart checks that lastCharStart finds a character start, as
// a reading of the text character by character finds them, not after the
// last one.
func TestLastCharStart(t *testing.T) {
	for _, s := range []string{
		"a", "ab", "a”", "”", "\xe2\x80", "x\xe2\x80", "\x80", "\x80\x80\x80\x80", "a\x80\x80\x80\x80",
		"\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80\x80", "é\x80", "\xff", "ab\xc3",
	} {
		starts := map[int]bool{}
		last, end := -1, len(s)
		for i := 0; i < end; {
			starts[i], last = true, i
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
		}
		q, ok := lastCharStart(s, end)
		if ok && (!starts[q] || q > last || q < end-4) {
			t.Errorf("lastCharStart(%q) = %d; starts %v", s, q, starts)
		}
		lead := false // one of the last four bytes starts a character
		for _, c := range []byte(s[max(0, end-4):]) {
			lead = lead || c&0xC0 != 0x80
		}
		if ok != lead {
			t.Errorf("lastCharStart(%q) ok = %v", s, ok)
		}
	}
}

// TestAbbrevKind checks the hash table of abbreviations against the lists
// it is built from.
func TestAbbrevKind(t *testing.T) {
	words := []string{"", "x", "said", "abcdefg", "abcdefgh", "u.s.", "u.", "e.g", "mr\x00", "\x00", "é"}
	for w := range abbreviations {
		words = append(words, w, w[:len(w)-1], w+"s", w+".", "x"+w)
	}
	for _, w := range words {
		want := notAbbrev
		if abbreviations[w] {
			want = abbrevInner
			if endingAbbreviations[w] {
				want = abbrevMayEnd
			}
		}
		if got := abbrevKind([]byte(w)); got != want {
			t.Errorf("abbrevKind(%q) = %d, want %d", w, got, want)
		}
	}
}

// TestEmptyRanges checks that an empty range yields nothing, even where it
// lies beyond the text, as it always has.
func TestEmptyRanges(t *testing.T) {
	for _, r := range [][2]int{{0, 0}, {3, 3}, {9, 9}, {9, 5}} {
		if got := Tokens("abc", r[0], r[1]); len(got) != 0 {
			t.Errorf("Tokens(%v) = %v", r, got)
		}
		if got := Sentences("abc", article.Span{Start: r[0], End: r[1]}, nil); got != nil {
			t.Errorf("Sentences(%v) = %v", r, got)
		}
	}
}

// TestASCIIAbbrev checks asciiAbbrev, which packs a word of ASCII letters
// and digits without lower-casing it first, against isAbbrevWord.
func TestASCIIAbbrev(t *testing.T) {
	words := []string{"", "a", "v", "V", "Gen", "GEN", "gEn", "Messrs", "MESSRS", "Messrsx", "No", "N0", "no1",
		"Sept", "Sep7", "Inc", "Smith", "abcdefgh", "2", "Approx", "approxi", "Jr", "JR"}
	for w := range abbreviations {
		if !strings.Contains(w, ".") {
			words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w+"s", w+"1")
		}
	}
	for _, w := range words {
		if got, want := asciiAbbrev(w), isAbbrevWord(w); got != want {
			t.Errorf("asciiAbbrev(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestAbbrevAt checks abbrevAt, which packs a short ASCII word from one
// load, against abbrevOf, for words at the start of a text and at its end,
// where fewer than eight bytes follow them.
func TestAbbrevAt(t *testing.T) {
	words := []string{"", "a", "V", "Gen", "GEN", "U.S", "u.s", "e.g", "Messrs", "MESSRS", "Messrsx",
		"abcdefgh", "Approx", "\u212Ao", "Kö", "Ärger", "inc"}
	for w := range abbreviations {
		words = append(words, w, strings.ToUpper(w))
	}
	for _, w := range words {
		ascii := !strings.ContainsFunc(w, func(r rune) bool { return r >= utf8.RuneSelf })
		for _, text := range []string{w + ". And so on", "x " + w} {
			a := strings.Index(text, w)
			if got, want := abbrevAt(text, a, a+len(w), ascii), abbrevOf(w); got != want {
				t.Errorf("abbrevAt(%q, %d, %d) = %v, want %v", text, a, a+len(w), got, want)
			}
		}
	}
}

// TestNotAlnum8 checks notAlnum8 and alnumEnd on every byte in every
// position, among letters and among bytes that are not.
func TestNotAlnum8(t *testing.T) {
	for c := range 256 {
		for pos := range 8 {
			for _, fill := range []string{"aZ09mMzA", "@[`{/: \xff"} {
				b := []byte(fill)
				b[pos] = byte(c)
				var want uint64
				for k, x := range b {
					if !isASCIIAlnum(x) {
						want |= 0x80 << (8 * k)
					}
				}
				if got := notAlnum8(swar.Load8(b, 0)); got != want {
					t.Fatalf("notAlnum8(%q) = %#x, want %#x", b, got, want)
				}
				s := string(b) + string(b)
				end := 1
				for end < len(s) && isASCIIAlnum(s[end]) {
					end++
				}
				if got := alnumEnd(s, 1); got != end {
					t.Fatalf("alnumEnd(%q, 1) = %d, want %d", s, got, end)
				}
			}
		}
	}
}

// TestMarksNames checks the tokens that Marks.Names notes, and which of
// them it notes as plain (see NameAt).
func TestMarksNames(t *testing.T) {
	tests := []struct {
		text string
		want []string // the tokens noted, with "+" after the plain ones
	}{
		{"the dam was dry", nil},
		{"Ilse Varga said", []string{"Ilse+", "Varga+"}},
		{"Gen. Kova and U.S. forces", []string{"Gen.+", "Kova+", "U.S."}},
		{"DC-based Jean-Pierre’s 7,200", []string{"DC-based", "Jean-Pierre’s"}},
		{"“Émile” said Ödön—ok", []string{"Émile", "Ödön"}},
		{"A,b X", []string{"A+", "X+"}},
		{"“Hi,” Ann said. “No.”", []string{"Hi+", "Ann+", "No."}},
		{"« Là » à Paris… ™ Σ ǅ", []string{"Là", "Paris+", "Σ"}},
	}
	for _, tt := range tests {
		var marks Marks
		toks, _ := AppendTokensWords(nil, nil, &marks, tt.text)
		var got []string
		for _, v := range marks.Names {
			n, plain := NameAt(v)
			w := toks[n].Text
			if plain {
				w += "+"
			}
			got = append(got, w)
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("AppendTokensWords(%q) names = %q, want %q", tt.text, got, tt.want)
		}
	}
}
