package quote

import (
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/segment"
)

func scan(s string) []Span { return Scan(s, segment.Paragraphs(s)) }

func TestScan(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // quoted texts; a leading "B:" marks a block
	}{
		{"curly", "She said, “We will rebuild.”", []string{"We will rebuild."}},
		{"straight", `He said "we will rebuild" today.`, []string{"we will rebuild"}},
		{"straight with apostrophes", `"It's the town's dam," he said.`, []string{"It's the town's dam,"}},
		{"guillemets", "Elle a dit « Nous partons » hier.", []string{" Nous partons "}},
		{"low-nine", "Er sagte „Wir bleiben“ gestern.", []string{"Wir bleiben"}},
		{"nested single", "“They call it ‘progress’, we do not,” she said.", []string{"They call it ‘progress’, we do not,"}},
		{"split by attribution", "“The water rose,” he said, “and kept rising.”", []string{"The water rose,", "and kept rising."}},
		{"runs over paragraphs", "“The first part goes on\n\n“and the second part ends,” she said.", []string{"The first part goes on", "and the second part ends,"}},
		{"unbalanced does not swallow", "He said “nothing more.\n\nThe next paragraph is narration.", nil},
		{"unclosed at paragraph start", "“We lost everything\n\nNarration resumes here.", []string{"We lost everything"}},
		{"colon block", "Explained the engineer:\n\nThe spillway was never rebuilt after the flood and the gauges were broken for years.", []string{"B:The spillway was never rebuilt after the flood and the gauges were broken for years."}},
		{"colon before short list item", "The demands:\n\nMore pumps.", nil},
		{"single quotes only in a British-style text", "The minister said ‘we will act’ today.", []string{"we will act"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, q := range scan(tc.in) {
				s := q.Text(tc.in)
				if q.Block {
					s = "B:" + s
				}
				got = append(got, s)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestWrappedBlock(t *testing.T) {
	in := "The briefing was short. Reporters asked many questions about the plan.\n\n" +
		"Officials then answered them at length over the afternoon.\n\n" +
		"We do have small crews that are\nworking at the reservoir and they\nreport to the ministry every day.\n\n" +
		"That is the standard procedure for\nthis kind of repair work."
	qs := scan(in)
	if len(qs) != 1 || !qs[0].Block {
		t.Fatalf("want one block, got %+v", qs)
	}
	if got := qs[0].Text(in); !strings.HasPrefix(got, "We do have") || !strings.HasSuffix(got, "repair work.") {
		t.Errorf("block = %q", got)
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{"", "“a”", "\"", "“a\n\n“b”", "‘x’ y", "a:\n\nb c d e f g h i j k l m n", "»x«", "„x“", "\xff“"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		paras := segment.Paragraphs(s)
		for _, q := range Scan(s, paras) {
			if q.Start < 0 || q.End > len(s) || q.Start > q.End || q.Open > q.Start || q.Close < q.End || q.Close > len(s) {
				t.Fatalf("bad span %+v for %q", q, s)
			}
		}
	})
}

func TestHasDoubleMarks(t *testing.T) {
	for _, s := range []string{"", "plain", "a \"b", "“x", "x”", "„x", "«x", "x»", "it’s", "\xe2\x80", "\xc2", "\xf0\xe2\x80\x9c", "‘single’", "\xe2\x80\x9c"[:2] + "x"} {
		if got, want := hasDoubleMarks(s), strings.ContainsAny(s, "\"\u201c\u201d\u201e\u00ab\u00bb"); got != want {
			t.Errorf("hasDoubleMarks(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestIndexMarkLead checks indexMarkLead, which reads eight bytes at a
// time, with every byte at every offset.
func TestIndexMarkLead(t *testing.T) {
	base := "abcdefghijklmnopqrstuvwxyz ABC,é123\u00e9\u0100"
	for si, single := range []bool{false, true} {
		for c := range 256 {
			for i := range len(base) + 2 {
				s := base[:min(i, len(base))] + string([]byte{byte(c)}) + base[min(i, len(base)):]
				if i > len(base) {
					s += "a" // a lead byte followed by too few bytes
				}
				want := len(s)
				for j := range len(s) {
					if markLead[si][s[j]] && (single || mayBeDouble(s[j:])) {
						want = j
						break
					}
				}
				if got := indexMarkLead(s, single); got != want {
					t.Fatalf("indexMarkLead(%q, %v) = %d, want %d", s, single, got, want)
				}
			}
		}
	}
}

// mayBeDouble reports whether s, which starts with a byte of markLead[0],
// starts with a double mark, or is shorter than a double mark with the same
// first byte.
func mayBeDouble(s string) bool {
	for _, m := range []string{"\"", "«", "»", "“", "”", "„"} {
		if strings.HasPrefix(s, m) || len(s) < len(m) && s[0] == m[0] {
			return true
		}
	}
	return false
}

// TestEmptyParagraph checks that an empty paragraph span yields nothing,
// even where it lies beyond the body, as it always has.
func TestEmptyParagraph(t *testing.T) {
	paras := []segment.Paragraph{{Span: article.Span{Start: 9, End: 9}}}
	if got := Scan("“a”", paras); len(got) != 0 {
		t.Errorf("Scan = %v", got)
	}
}
