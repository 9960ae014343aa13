package segment

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/internal/swar"
	"github.com/hearsaylab/hearsay/internal/testtexts"
	"github.com/hearsaylab/hearsay/internal/wordscan"
)

// oddChars are characters that take the slow paths: white space, joiners,
// quotation marks and terminal punctuation in and out of ASCII, letters,
// digits and marks outside ASCII, and invalid UTF-8.
var oddChars = []string{
	" ", "\n", "\n\n", "\t", "\r", "\v", "\u00a0", "\u0085", "\u2009", "\u3000",
	"'", "’", "-", "\u2010", "\u2011", ".", ",", "&", "!", "?", ":", "…",
	"\"", "“", "”", "‘", "«", "»", "(", ")", "[", "]", "[4]", "—",
	"É", "é", "ß", "İ", "\u212A", "Σ", "д", "٣", "\u0301", "Mr.", "U.S.", "e.g.",
	"\x00", "\xff", "\xe2\x80", "\xe2", "\x80",
}

// mangle returns s with random characters replaced by or preceded with odd
// ones, at rate percent of the characters.
func mangle(r *rand.Rand, s string, rate int) string {
	var b strings.Builder
	for _, c := range s {
		if r.IntN(100) >= rate {
			b.WriteRune(c)
			continue
		}
		b.WriteString(oddChars[r.IntN(len(oddChars))])
		if r.IntN(2) == 0 {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// quoteSpans returns spans from one quotation mark to the next, sorted and
// disjoint, as the quotations Sentences skips are.
func quoteSpans(text string, para article.Span) []article.Span {
	var out []article.Span
	open := -1
	for i, r := range text[para.Start:para.End] {
		switch r {
		case '"', '“', '”', '«', '»', '‘', '’':
			if open < 0 {
				open = para.Start + i
				continue
			}
			out = append(out, article.Span{Start: open, End: para.Start + i + utf8.RuneLen(r)})
			open = -1
		}
	}
	return out
}

// checkSame fails t when the segmentation of text differs from the
// reference implementation's.
func checkSame(t *testing.T, text string) {
	t.Helper()
	paras := Paragraphs(text)
	if want := refParagraphs(text); !reflect.DeepEqual(paras, want) {
		t.Fatalf("Paragraphs(%q) = %v, want %v", text, paras, want)
	}
	// Appended after a paragraph already in the buffer, and with no room
	// to spare, as the engine reuses one.
	first := Paragraph{Lines: 7}
	if got := AppendParagraphs([]Paragraph{first}, text); got[0] != first || !reflect.DeepEqual(nonNil(got[1:]), nonNil(paras)) {
		t.Fatalf("AppendParagraphs(%q) = %v, want %v after %v", text, got, paras, first)
	}
	for _, p := range paras {
		for _, skip := range [][]article.Span{nil, quoteSpans(text, p.Span)} {
			got, want := Sentences(text, p.Span, skip), refSentences(text, p.Span, skip)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("Sentences(%q, %v, %v) = %v, want %v", text, p.Span, skip, got, want)
			}
		}
	}
	for _, r := range [][2]int{{0, len(text)}, {len(text) / 3, len(text) / 2}} {
		got, want := AppendTokens(nil, text, r[0], r[1]), refAppendTokens(nil, text, r[0], r[1])
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("AppendTokens(%q, %d, %d) = %v, want %v", text, r[0], r[1], got, want)
		}
	}
	checkTokensWords(t, text)
}

// checkTokensWords fails t when AppendTokensWords differs from
// AppendTokens and wordscan.Tokens called one after the other, or misses
// a mark, and when AppendSentencesMarked differs from AppendSentences.
func checkTokensWords(t *testing.T, text string) {
	t.Helper()
	var marks Marks
	toks, words := AppendTokensWords(nil, nil, &marks, text)
	if want := refAppendTokens(nil, text, 0, len(text)); !reflect.DeepEqual(toks, want) {
		t.Fatalf("AppendTokensWords(%q) tokens = %v, want %v", text, toks, want)
	}
	if want := wordscan.Tokens(nil, text); !reflect.DeepEqual(words, want) {
		t.Fatalf("AppendTokensWords(%q) words = %v, want %v", text, words, want)
	}
	want := refMarks(text)
	if !reflect.DeepEqual(marks.Terminals, want.Terminals) || !reflect.DeepEqual(marks.Quotes, want.Quotes) {
		t.Fatalf("AppendTokensWords(%q) marks = %v, want %v", text, marks, want)
	}
	checkNames(t, text, toks, marks.Names, want.Names)
	checkEnds(t, text, marks.Terminals, marks.Ends)
	if want := refNumbers(text, words); !slices.Equal(marks.Numbers, want) {
		t.Fatalf("AppendTokensWords(%q) numbers = %v, want %v", text, marks.Numbers, want)
	}
	// In pieces of a few bytes, so that every white space may be a seam.
	for _, chunk := range []int{1, 3, 8} {
		var pm Marks
		pt, pw := appendTokensWords(nil, nil, &pm, text, chunk)
		// Ends is a hint, which a piece too small for plainWords may lack.
		ends := pm.Ends
		pm.Ends = marks.Ends
		if !reflect.DeepEqual(pt, toks) || !reflect.DeepEqual(pw, words) || !reflect.DeepEqual(pm, marks) {
			t.Fatalf("appendTokensWords(%q) in pieces of %d = %v, %v, %v; want %v, %v, %v", text, chunk, pt, pw, pm, toks, words, marks)
		}
		checkEnds(t, text, marks.Terminals, ends)
	}
	// Appended after tokens already there, into buffers without room to
	// spare, as the engine reuses them.
	tok0, word0 := Token{Text: "x"}, wordscan.Token{St: 7}
	names, numbers := slices.Clone(marks.Names), slices.Clone(marks.Numbers)
	marks.Reset()
	toks2, words2 := AppendTokensWords([]Token{tok0}, []wordscan.Token{word0}, &marks, text)
	if toks2[0] != tok0 || !reflect.DeepEqual(toks2[1:], nonNil(toks)) || words2[0] != word0 || !reflect.DeepEqual(words2[1:], nonNil(words)) {
		t.Fatalf("AppendTokensWords(%q) after a token = %v, %v; want %v, %v after it", text, toks2, words2, toks, words)
	}
	for k := range names {
		names[k] += 2 // one token comes before
	}
	if !slices.Equal(marks.Names, names) {
		t.Fatalf("AppendTokensWords(%q) after a token: names = %v, want %v", text, marks.Names, names)
	}
	for k := range numbers {
		numbers[k]++
	}
	if !slices.Equal(marks.Numbers, numbers) {
		t.Fatalf("AppendTokensWords(%q) after a token: numbers = %v, want %v", text, marks.Numbers, numbers)
	}
	for _, p := range Paragraphs(text) {
		for _, skip := range [][]article.Span{nil, quoteSpans(text, p.Span)} {
			got := AppendSentencesMarked(nil, text, p.Span, skip, marks.Terminals)
			if want := AppendSentences(nil, text, p.Span, skip); !reflect.DeepEqual(got, want) {
				t.Fatalf("AppendSentencesMarked(%q, %v, %v) = %v, want %v", text, p.Span, skip, got, want)
			}
		}
	}
}

// checkEnds fails t when AppendSentencesEnds, with the terminal marks and
// sentence ends of text, differs from AppendSentences, or when ends are not
// terminal marks.
func checkEnds(t *testing.T, text string, terminals, ends []int) {
	t.Helper()
	for _, e := range ends {
		if _, ok := slices.BinarySearch(terminals, e); !ok {
			t.Fatalf("AppendTokensWords(%q): end %d is not among the terminals %v", text, e, terminals)
		}
	}
	for _, p := range Paragraphs(text) {
		for _, skip := range [][]article.Span{nil, quoteSpans(text, p.Span)} {
			got := AppendSentencesEnds(nil, text, p.Span, skip, terminals, ends)
			if want := AppendSentences(nil, text, p.Span, skip); !reflect.DeepEqual(got, want) {
				t.Fatalf("AppendSentencesEnds(%q, %v, %v, %v) = %v, want %v", text, p.Span, skip, ends, got, want)
			}
		}
	}
}

// refMarks returns the Marks of text, read character by character, and
// its names from the reference tokens, looked at one by one.
func refMarks(text string) Marks {
	var m Marks
	for i, r := range text {
		switch r {
		case '.', '!', '?':
			m.Terminals = append(m.Terminals, i)
		case '"', '“', '”', '„', '«', '»':
			m.Quotes = append(m.Quotes, i)
		}
	}
	for k, tk := range refAppendTokens(nil, text, 0, len(text)) {
		if r, _ := utf8.DecodeRuneInString(tk.Text); unicode.IsUpper(r) {
			m.Names = append(m.Names, k)
		}
	}
	return m
}

// refNumbers returns the indexes of the tokens of words, the word
// scanner's tokens of text, that MayStartNumber tells, looked at one by
// one.
func refNumbers(text string, words []wordscan.Token) []int {
	var ks []int
	for k := range words {
		if MayStartNumber(text, words, k) {
			ks = append(ks, k)
		}
	}
	return ks
}

// plainName matches the tokens that Marks.Names may note as plain.
var plainName = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*\.?$`)

// checkNames fails t unless the entries of names note the tokens of toks
// that want holds the indexes of, and those noted as plain are.
func checkNames(t *testing.T, text string, toks []Token, names, want []int) {
	t.Helper()
	got := make([]int, len(names))
	for k, v := range names {
		n, plain := NameAt(v)
		if plain && !plainName.MatchString(toks[n].Text) {
			t.Fatalf("AppendTokensWords(%q) notes %q as a plain name", text, toks[n].Text)
		}
		got[k] = n
	}
	if !slices.Equal(got, want) {
		t.Fatalf("AppendTokensWords(%q) names = %v, want %v", text, got, want)
	}
}

// TestDifferential compares Paragraphs, Sentences and AppendTokens with
// the reference implementations on the texts and on mangled copies of
// them.
func TestDifferential(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, text := range testtexts.WithECB(t) {
		checkSame(t, text)
		checkSame(t, mangle(r, text, 5))
		for range 3 {
			// Short pieces mangled heavily.
			lo := r.IntN(len(text) + 1)
			hi := min(len(text), lo+r.IntN(200))
			checkSame(t, mangle(r, text[lo:hi], 30))
		}
	}
}

// FuzzDifferential compares Paragraphs, Sentences and AppendTokens with
// the reference implementations.
func FuzzDifferential(f *testing.F) {
	for _, s := range []string{"", "A. B.", "“Hi,” he said.\n\nNext.", "U.S. a\nb", "x\x00y", "\xff\xfe.",
		"Dr. Varga’s DC-based group said 7,200 people, U.S. officials, don’t.", "İnc. Ltd. \u212Aelvin",
		"The team said, “No more.” Then Ms. Varga left—quickly, “as planned,” she said. The end came in 2019. The 19th. Then A1. A long one: extraordinarily. The",
		"Runs of plain words: one two three four five six seven eight nine ten, eleven. Twelve thirteen fourteen.\nFifteen sixteen\n\nseventeen",
		"He left. “We won,” she said. (Then more.) He said. \"Yes.\" Gen. “No.” J. “x” M2. (y) the U.S. “z” 19th. \"a\" left. ‘b’ left. “"} {
		f.Add(s)
	}
	f.Fuzz(checkSame)
}

// TestIsWordRune checks the fast paths of isWordRune on every rune.
func TestIsWordRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if got := isWordRune(r); got != want {
			t.Errorf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestIsSpaceRune checks the fast path of isSpaceRune on every rune.
func TestIsSpaceRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		if got, want := isSpaceRune(r), unicode.IsSpace(r); got != want {
			t.Errorf("isSpaceRune(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestMaxLowerShrink checks that no character's encoding shrinks more than
// maxLowerShrink times when it is lower-cased.
func TestMaxLowerShrink(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		if n, l := utf8.RuneLen(r), utf8.RuneLen(unicode.ToLower(r)); n > maxLowerShrink*l {
			t.Errorf("%U: %d bytes, lower-cased %d", r, n, l)
		}
	}
}

// nonNil returns s, or an empty slice for nil.
func nonNil[E any](s []E) []E {
	if s == nil {
		return []E{}
	}
	return s
}

// TestIsPunctMark checks that each character isPunctMark reports, standing
// apart, is a token of its own and not a word, for AppendTokens as for the
// word scanner.
func TestIsPunctMark(t *testing.T) {
	for r := rune(0); r <= 0x2100; r++ {
		if !isPunctMark(r) {
			continue
		}
		text := "a " + string(r) + " b" // apart, as a joiner is not a token of its own between letters
		n := utf8.RuneLen(r)
		want := []article.Span{{Start: 0, End: 1}, {Start: 2, End: 2 + n}, {Start: 3 + n, End: len(text)}}
		var got []article.Span
		for _, tk := range refAppendTokens(nil, text, 0, len(text)) {
			got = append(got, article.Span{Start: tk.Start, End: tk.End})
		}
		words := wordscan.Tokens(nil, text)
		if !reflect.DeepEqual(got, want) || len(words) != 3 || words[1].Word || words[1].St != 2 || words[1].En != want[1].End {
			t.Errorf("%U: tokens %v, words %v; want a mark between two words", r, got, words)
		}
	}
}

// TestASCIIRun checks asciiRun and longRun, which find and hash a run of
// ASCII letters and digits from one or two loads, on runs of every length
// up to 40 bytes, with and without room after them for a whole load.
func TestASCIIRun(t *testing.T) {
	letters := "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789aBcDe"
	for n := 1; n <= 40; n++ {
		for _, tail := range []string{"", ".", " and more text here", "’s", "-based"} {
			text := "x " + letters[:n] + tail
			j, h := asciiRun(text, 2)
			if j != 2+n || h != wordscan.WordHash(text, 2, 2+n) {
				t.Errorf("asciiRun(%q, 2) = %d, %#x; want %d, %#x", text, j, h, 2+n, wordscan.WordHash(text, 2, 2+n))
			}
		}
	}
}

func TestMayStartNumber(t *testing.T) {
	cases := []struct {
		text string
		want []int // the indexes of the word scanner's tokens it tells
	}{
		{"said two people", nil},
		{"5 said 2021, 3.5 and 7,200", []int{0, 2, 4, 6, 8, 10}},
		{".5 ,5 x. x, x.5", []int{0, 1, 3, 10}},
		{"it's ’22 'til rock’n’roll", []int{1, 3, 4, 5, 8, 10}},
		{"“quoted” — dash… naïve café €5 £2", []int{6, 7, 8, 9, 10, 11}},
		{"M2, M2. F16 COVID19 A4", []int{1, 3}},
	}
	for _, c := range cases {
		words := wordscan.Tokens(nil, c.text)
		if got := refNumbers(c.text, words); !slices.Equal(got, c.want) {
			t.Errorf("MayStartNumber over %q tells %v, want %v (tokens %v)", c.text, got, c.want, words)
		}
		checkTokensWords(t, c.text)
	}
}

// TestNotAlnum8Ref compares notAlnum8 with its oracle on eight-byte words
// of letters, digits, their neighbours, and bytes with the top bit set.
func TestNotAlnum8Ref(t *testing.T) {
	for _, w := range []string{
		"aZ09mMzA", "@[`{/: \xff", "\x00\x7f\x80\xffAZaz", "/09:@AZ[",
		"`az{\x7f\xc0\xe0\x9a", "Hello, w", "U.S. 7,2", "\x01\x02\x03\x04\x05\x06\x07\x08",
	} {
		x := swar.Load8(w, 0)
		if got, want := notAlnum8(x), refNotAlnum8(x); got != want {
			t.Errorf("notAlnum8(%q) = %#x, oracle %#x", w, got, want)
		}
	}
}

func FuzzNotAlnum8(f *testing.F) {
	f.Add(uint64(0x417a5a6130392f3a))
	f.Add(uint64(0xff80407b5b603a2f))
	f.Fuzz(func(t *testing.T, x uint64) {
		if got, want := notAlnum8(x), refNotAlnum8(x); got != want {
			t.Fatalf("notAlnum8(%#x) = %#x, oracle %#x", x, got, want)
		}
	})
}

// checkFirstNotAlnum8 fails t when firstNotAlnum8(x) tells another first
// byte than notAlnum8(x), or none where it tells one.
func checkFirstNotAlnum8(t *testing.T, x uint64) {
	t.Helper()
	got, want := firstNotAlnum8(x), notAlnum8(x)
	if got&-got != want&-want {
		t.Fatalf("firstNotAlnum8(%#x) = %#x, notAlnum8 %#x: first bytes differ", x, got, want)
	}
}

// TestFirstNotAlnum8 compares firstNotAlnum8 with notAlnum8 on every pair
// of bytes in every two neighbouring positions among letters and digits,
// so that any carry or borrow from one byte into the next is met, and on
// every byte before bytes outside ASCII.
func TestFirstNotAlnum8(t *testing.T) {
	for pos := range 7 {
		for c := range 1 << 16 {
			b := []byte("aZ09mMzA")
			b[pos], b[pos+1] = byte(c), byte(c>>8)
			checkFirstNotAlnum8(t, swar.Load8(b, 0))
		}
	}
	for c := range 256 {
		b := []byte("\xff\xfb\xe1\x80\xba\xaf\xe0\xfa")
		b[0] = byte(c)
		checkFirstNotAlnum8(t, swar.Load8(b, 0))
	}
}

func FuzzFirstNotAlnum8(f *testing.F) {
	f.Add(uint64(0x417a5a6130392f3a))
	f.Add(uint64(0xff80407b5b603a2f))
	f.Add(uint64(0x41fb61ff5ae17a80))
	f.Fuzz(checkFirstNotAlnum8)
}

// TestJoinedWord checks the words joinedWord takes, and those it leaves to
// the general path, against the reference tokenisers.
func TestJoinedWord(t *testing.T) {
	pad := strings.Repeat(" pad", 8)
	for _, c := range []struct {
		word string
		ok   bool // whether joinedWord takes it
	}{
		{"well-known", true}, {"don't", true}, {"company’s", true}, {"Al-Qaeda’s", true},
		{"2020-21", true}, {"state-of-the-art", true}, {"rock-n-roll's", true},
		{"e-mail,", true}, {"year-end.", true}, {"far-right:", true}, {"mid-2019”", true},
		{"students'", false}, {"plain", false}, {"U.S.", false}, {"7,200", false},
		{"a--b", false}, {"café-bar", false}, {"x-ray’", false}, {"up-to-date’s,5", false},
		{"a-b.c", false}, {"averyveryverylongword-x", false}, {"R&D", false},
	} {
		text := "The" + " " + c.word + pad
		var marks Marks
		words := make([]wordscan.Token, len(text))
		k, e := joinedWord(words, 0, &marks, text, 4, false)
		if got := e > 4; got != c.ok {
			t.Errorf("joinedWord over %q took it: %v, want %v (end %d, %d tokens)", c.word, got, c.ok, e, k)
		}
		checkTokensWords(t, text)
		checkTokensWords(t, "\n"+c.word+pad)
	}
}
