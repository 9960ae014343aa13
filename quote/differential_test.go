package quote

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/internal/testtexts"
	"github.com/hearsaylab/hearsay/segment"
)

// oddChars are quotation marks of every style, characters that share
// their lead bytes, apostrophes in and out of words, and invalid UTF-8.
var oddChars = []string{
	"\"", "'", "“", "”", "„", "‚", "‘", "’", "«", "»", "\u00a0", "©", "–", "—", "…", "\u2009",
	"é", "s' ", " ", "\n", "\n\n", "(", ":", ".", "\xe2", "\xe2\x80", "\xc2", "\x80", "\xff",
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

// checkSame fails t when Scan, ScanMarked or AppendScanMarked differs from
// the reference implementation on text.
func checkSame(t *testing.T, text string) {
	t.Helper()
	paras := segment.Paragraphs(text)
	if got, want := Scan(text, paras), refScan(text, paras); !reflect.DeepEqual(got, want) {
		t.Fatalf("Scan(%q) = %v, want %v", text, got, want)
	}
	// Every other paragraph, as a caller may pass.
	var some []segment.Paragraph
	for i := 0; i < len(paras); i += 2 {
		some = append(some, paras[i])
	}
	if got, want := Scan(text, some), refScan(text, some); !reflect.DeepEqual(got, want) {
		t.Fatalf("Scan(%q, %v) = %v, want %v", text, some, got, want)
	}
	// With the double marks that segment notes as it tokenises.
	var marks segment.Marks
	segment.AppendTokensWords(nil, nil, &marks, text)
	for _, ps := range [][]segment.Paragraph{paras, some} {
		if got, want := ScanMarked(text, ps, marks.Quotes), refScan(text, ps); !reflect.DeepEqual(got, want) {
			t.Fatalf("ScanMarked(%q, %v, %v) = %v, want %v", text, ps, marks.Quotes, got, want)
		}
		// Into a buffer that an earlier scan filled with other spans.
		buf := make([]Span, 3, 5)
		for i := range buf {
			buf[i] = Span{Start: -i, End: len(text) + i, Block: true}
		}
		got, want := AppendScanMarked(buf[:0], text, ps, marks.Quotes), refScan(text, ps)
		if len(got) != len(want) || len(want) > 0 && !reflect.DeepEqual(got, want) {
			t.Fatalf("AppendScanMarked(%q, %v, %v) = %v, want %v", text, ps, marks.Quotes, got, want)
		}
	}
}

// TestDifferential compares Scan with the reference implementation on the
// texts, on mangled copies of them, and on the copies without double
// marks, which Scan reads for single marks.
func TestDifferential(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	noDouble := strings.NewReplacer("\"", "'", "“", "‘", "”", "’", "«", "‹", "»", "›", "„", "‚")
	for _, text := range testtexts.WithECB(t) {
		checkSame(t, text)
		checkSame(t, noDouble.Replace(text))
		m := mangle(r, text, 3)
		checkSame(t, m)
		checkSame(t, noDouble.Replace(m))
	}
}

// TestMarkLead checks that every character classify may take for a mark
// starts with a byte of markLead.
func TestMarkLead(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		c := string(r)
		for _, body := range []string{"a" + c + "b", " " + c + "b", "a" + c + " ", " " + c + " "} {
			for si, single := range []bool{false, true} {
				kind, _ := classify(body, 1, r, single)
				if kind != notMark && !markLead[si][c[0]] {
					t.Fatalf("classify(%q, single=%v) = %v, but %#x is no mark lead", body, single, kind, c[0])
				}
			}
		}
	}
}

// FuzzDifferential compares Scan with the reference implementation.
func FuzzDifferential(f *testing.F) {
	for _, s := range []string{"", "“Hi,” he said.\n\nNext.", "'It's,' she said", "« x » ‹y›", "\xe2\x80\x9cx\xe2\x80"} {
		f.Add(s)
	}
	f.Fuzz(checkSame)
}

// checkMarkContext fails t when straightRole, hasWords or endsWithColon
// differs from its reference on text: at every straight quotation mark,
// for every count of words up to sixteen, and for every span that ends
// at a byte of text.
func checkMarkContext(t *testing.T, text string) {
	t.Helper()
	for i := range len(text) {
		if text[i] == '"' || text[i] == '\'' {
			if got, want := straightRole(text, i, 1), refStraightRole(text, i, 1); got != want {
				t.Fatalf("straightRole(%q, %d) = %v, want %v", text, i, got, want)
			}
		}
		p := segment.Paragraph{Span: article.Span{Start: 0, End: i}}
		if got, want := endsWithColon(text, p), refEndsWithColon(text, p); got != want {
			t.Fatalf("endsWithColon(%q, %v) = %v, want %v", text, p, got, want)
		}
	}
	for n := 1; n <= 16; n++ {
		if got, want := hasWords(text, n), refHasWords(text, n); got != want {
			t.Fatalf("hasWords(%q, %d) = %v, want %v", text, n, got, want)
		}
	}
}

// TestMarkContext compares straightRole, hasWords and endsWithColon with
// their references on marks next to every kind of character.
func TestMarkContext(t *testing.T) {
	for _, s := range []string{
		"", "\"", "a\"b", " \"a", "a\" ", "(\"a\")", "[\"x\"]", "-\"x\"-", "/\"x\"/", ":\"x\":",
		"a\".", "a\",", "a\";", "a\"!", "a\"?", "a\"}", "{\"a",
		"\u2014\"a\"\u2014", "\u2013\"a\"\u2013", "\u00a0\"a\"\u00a0", "\u2009\"a\"\u0085", "é\"é", "\xff\"\xfe",
		"\t\"a\"\n", "\v\"a\"\f", "\r\"a\"\r", "one two  three\tfour\nfive\u00a0six\u3000seven eight nine ten eleven twelve thirteen:",
		"Explained Brenner:", "x:\u00a0", "'a' b'c 'd'",
	} {
		checkMarkContext(t, s)
	}
}

// FuzzMarkContext compares straightRole, hasWords and endsWithColon with
// their references.
func FuzzMarkContext(f *testing.F) {
	for _, s := range []string{"", "a \"b\" c", "(\"x\u2014\")", "one two three:", "\xe2\x80\"\xc2"} {
		f.Add(s)
	}
	f.Fuzz(checkMarkContext)
}
