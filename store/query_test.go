package store

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/article"
)

func boolPtr(b bool) *bool { return &b }

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in   string
		want Query
	}{
		{"", Query{}},
		{"dam collapse", Query{Text: "dam collapse"}},
		{`speaker:"Jane Doe" outlet:Reuters anonymous:yes free words`,
			Query{Speaker: "Jane Doe", Outlet: "Reuters", Anonymous: boolPtr(true), Text: "free words"}},
		{"anonymous:no", Query{Anonymous: boolPtr(false)}},
		{"Anonymous:TRUE x", Query{Anonymous: boolPtr(true), Text: "x"}},
		{"anonymous:false", Query{Anonymous: boolPtr(false)}},
		{`anonymous:"yes"`, Query{Anonymous: boolPtr(true)}},
		{"anonymous:maybe dam", Query{Text: "anonymous:maybe dam"}},
		{"SPEAKER:Doe", Query{Speaker: "Doe"}},
		{"speaker:Doe speaker:Smith", Query{Speaker: "Smith"}},
		{`speaker:"Jane Doe`, Query{Speaker: "Jane Doe"}},
		{`speaker: dam`, Query{Text: "speaker: dam"}},
		{`speaker:"" dam`, Query{Text: `speaker:"" dam`}},
		{`"exact phrase" word`, Query{Text: `"exact phrase" word`}},
		{`  lots   of	space  `, Query{Text: "lots of space"}},
		{`outlet:"The Opinion Daily"dam`, Query{Outlet: "The Opinion Daily", Text: "dam"}},
		{"speakers:x", Query{Text: "speakers:x"}},
		{"url:x", Query{Text: "url:x"}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got := ParseQuery(tc.in)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("ParseQuery(%q) = %+v, want %+v", tc.in, got, tc.want)
			}
			if again := ParseQuery(got.String()); !reflect.DeepEqual(again, got) {
				t.Errorf("ParseQuery(%q) = %+v, not %+v", got.String(), again, got)
			}
		})
	}
}

// FuzzParseQuery: ParseQuery never panics, keeps valid UTF-8 valid, and
// reads back what Query.String writes.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"", `speaker:"Jane Doe" outlet:Reuters anonymous:yes free words`, `"unterminated`,
		`speaker:"`, `anonymous:`, `a"b" c"`, "NEAR(a b) OR x*", "\x00\xff", `speaker:ab"c d"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := ParseQuery(s)
		if utf8.ValidString(s) && !(utf8.ValidString(q.Text) && utf8.ValidString(q.Speaker) && utf8.ValidString(q.Outlet)) {
			t.Fatalf("ParseQuery(%q) made invalid UTF-8: %+v", s, q)
		}
		again := ParseQuery(q.String())
		if !reflect.DeepEqual(again, q) {
			t.Fatalf("ParseQuery(%q) = %+v; its String %q parses to %+v", s, q, q.String(), again)
		}
		for _, p := range phrases(q.Text) {
			if strings.Contains(p, `"`) || !utf8.ValidString(p) || strings.ContainsRune(p, 0) {
				t.Fatalf("phrase %q of %q is not safe", p, s)
			}
		}
	})
}

// hitKey names a hit for comparison.
func hitKey(h Hit) string { return fmt.Sprintf("%s/%s/%d", h.Doc, h.Kind, h.Index) }

func TestSearch(t *testing.T) {
	ctx := context.Background()
	docs := handDocs()
	var batch []Entry
	for _, d := range docs {
		batch = append(batch, entry(d))
	}
	tests := []struct {
		name string
		q    Query
		want []string // hit keys, in any order unless ordered
	}{
		{"everything", Query{}, []string{"01-wire.txt/document/-1", "02-state.txt/document/-1", "03-opinion.txt/document/-1"}},
		{"word in bodies and a quote", ParseQuery("cracks"), []string{"01-wire.txt/document/-1", "02-state.txt/document/-1",
			"01-wire.txt/quote/0", "02-state.txt/quote/1"}},
		{"words are ANDed", ParseQuery("cracks years"), []string{"01-wire.txt/document/-1", "01-wire.txt/quote/0"}},
		{"case-insensitive", ParseQuery("KESSEL"), []string{"01-wire.txt/document/-1", "02-state.txt/document/-1", "03-opinion.txt/document/-1"}},
		{"phrase", ParseQuery(`"under control"`), []string{"01-wire.txt/document/-1", "01-wire.txt/quote/1"}},
		{"phrase not adjacent", ParseQuery(`"control under"`), nil},
		{"claim", ParseQuery("spillway"), []string{"01-wire.txt/document/-1", "01-wire.txt/claim/0"}},
		{"number by what it counts", ParseQuery("missing"), []string{"01-wire.txt/document/-1", "02-state.txt/document/-1",
			"01-wire.txt/number/0", "02-state.txt/number/0"}},
		{"title", ParseQuery("oversight"), []string{"03-opinion.txt/document/-1"}},
		{"speaker", ParseQuery(`speaker:"jane doe"`), []string{"01-wire.txt/quote/0", "02-state.txt/quote/1"}},
		{"speaker part", ParseQuery(`speaker:smith`), []string{"02-state.txt/quote/0"}},
		{"speaker and text", ParseQuery(`speaker:doe years`), []string{"01-wire.txt/quote/0"}},
		{"outlet", ParseQuery("outlet:reuters"), []string{"01-wire.txt/document/-1"}},
		{"outlet and text", ParseQuery("outlet:state missing"), []string{"02-state.txt/document/-1", "02-state.txt/number/0"}},
		{"anonymous", ParseQuery("anonymous:yes"), []string{"01-wire.txt/quote/1", "03-opinion.txt/quote/0"}},
		{"named", ParseQuery("anonymous:no"), []string{"01-wire.txt/quote/0", "02-state.txt/quote/0", "02-state.txt/quote/1"}},
		{"anonymous and outlet", ParseQuery("anonymous:yes outlet:opinion"), []string{"03-opinion.txt/quote/0"}},
		{"no match", ParseQuery("zeppelin"), nil},
		{"limit", Query{Limit: 2}, []string{"01-wire.txt/document/-1", "02-state.txt/document/-1"}},
		{"NEAR is a word", ParseQuery("NEAR"), []string{"03-opinion.txt/document/-1"}},
		{"punctuation only means no words", ParseQuery(`()*"`), []string{"01-wire.txt/document/-1", "02-state.txt/document/-1", "03-opinion.txt/document/-1"}},
	}
	forEachBackend(t, func(t *testing.T, b backend) {
		s := openStore(t, b.dsn(t))
		if err := s.PutDocuments(ctx, batch); err != nil {
			t.Fatal(err)
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				hits, err := s.Search(ctx, tc.q)
				if err != nil {
					t.Fatal(err)
				}
				got := map[string]bool{}
				for _, h := range hits {
					got[hitKey(h)] = true
				}
				want := map[string]bool{}
				for _, k := range tc.want {
					want[k] = true
				}
				if !reflect.DeepEqual(got, want) || len(hits) != len(tc.want) {
					t.Errorf("Search(%+v):\n got %v\nwant %v", tc.q, keys(hits), tc.want)
				}
				for _, h := range hits {
					checkHit(t, h, docs)
				}
			})
		}
	})
}

func keys(hits []Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, hitKey(h))
	}
	return out
}

// checkHit: a hit's fields agree with the document it points into.
func checkHit(t *testing.T, h Hit, docs []article.Document) {
	t.Helper()
	var d *article.Document
	for i := range docs {
		if docs[i].Doc == h.Doc {
			d = &docs[i]
		}
	}
	if d == nil {
		t.Fatalf("hit in unknown document %q", h.Doc)
	}
	if h.Snippet == "" || strings.Contains(h.Snippet, "\n") {
		t.Errorf("%s: snippet %q", hitKey(h), h.Snippet)
	}
	if d.Outlet != nil && h.Outlet != *d.Outlet {
		t.Errorf("%s: outlet %q, want %q", hitKey(h), h.Outlet, *d.Outlet)
	}
	switch h.Kind {
	case KindDocument:
		if h.Index != -1 || h.Start != 0 || h.End != len(d.Body) || h.Text != *d.Title {
			t.Errorf("document hit %+v", h)
		}
	case KindQuote:
		q := d.Quotes[h.Index]
		if h.Text != q.Text || h.Start != q.Start || h.End != q.End || h.Anonymous != q.Anonymous || h.Speaker != *q.Speaker {
			t.Errorf("quote hit %+v, quote %+v", h, q)
		}
		if !strings.Contains(h.Snippet, q.Text) {
			t.Errorf("quote snippet %q lacks the quote", h.Snippet)
		}
	case KindClaim:
		c := d.Claims[h.Index]
		if h.Text != c.Text || h.Start != c.Start || h.Speaker != c.Source {
			t.Errorf("claim hit %+v, claim %+v", h, c)
		}
	case KindNumber:
		n := d.Numbers[h.Index]
		if h.Text != n.Text || h.Start != n.Start || h.End != n.End {
			t.Errorf("number hit %+v, number %+v", h, n)
		}
	default:
		t.Errorf("hit kind %q", h.Kind)
	}
}

// TestSearchRanking: a better match comes first; equal ones in document
// order.
func TestSearchRanking(t *testing.T) {
	ctx := context.Background()
	var batch []Entry
	for i, body := range []string{
		"flood flood flood flood flood in the valley, flood again",
		"one flood mention among many other words about the weather and the valley and the rain",
		"nothing relevant here",
	} {
		var db docBuilder
		db.text(body)
		batch = append(batch, entry(db.doc(fmt.Sprintf("r%d.txt", i), "", "Outlet", "")))
	}
	forEachBackend(t, func(t *testing.T, b backend) {
		s := openStore(t, b.dsn(t))
		if err := s.PutDocuments(ctx, batch); err != nil {
			t.Fatal(err)
		}
		hits, err := s.Search(ctx, ParseQuery("flood"))
		if err != nil {
			t.Fatal(err)
		}
		if got := keys(hits); !reflect.DeepEqual(got, []string{"r0.txt/document/-1", "r1.txt/document/-1"}) {
			t.Errorf("ranking: %v", got)
		}
		hits, err = s.Search(ctx, ParseQuery("valley"))
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != 2 {
			t.Fatalf("valley: %v", keys(hits))
		}
		if hits[0].Text != "r0.txt" || !strings.Contains(hits[1].Snippet, "valley") {
			t.Errorf("valley: %+v", hits)
		}
	})
}

// TestSearchHostile: no query string makes Search fail, whether as free
// text or as a filter value.
func TestSearchHostile(t *testing.T) {
	ctx := context.Background()
	docs := handDocs()
	var batch []Entry
	for _, d := range docs {
		batch = append(batch, entry(d))
	}
	hostile := []string{
		`"`, `""`, `"""`, `'`, `''`, `(`, `)`, `()`, `(dam`, `dam)`, `NEAR(dam collapse)`, `NEAR(dam collapse, 2)`,
		`dam NEAR collapse`, `*`, `dam*`, `*dam`, `^dam`, `dam OR collapse`, `dam AND`, `AND`, `OR`, `NOT`, `NOT dam`,
		`-dam`, `+dam`, `title:dam`, `body:dam`, `{title body}:dam`, `dam:`, `:`, `'; DROP TABLE documents; --`,
		`" OR 1=1 --`, `%`, `_`, `\`, `\\`, `$1`, `?`, `??`, `:name`, `@x`, "\x00", "dam\x00collapse", "\xff\xfe",
		"\u200b", "🙂", "a & b | c ! d <-> e", `dam:*`, `!`, `&`, `|`, "<->", strings.Repeat("dam ", 500),
		strings.Repeat("(", 100), `speaker:"`, `outlet:"`, `anonymous:`, `speaker:'; DROP TABLE quotes; --`,
		"Kessel\tdam\ncollapse", `"Kessel dam" -"collapse"`, "e\u0301", "\u0301", "Ǆ", "İstanbul",
	}
	forEachBackend(t, func(t *testing.T, b backend) {
		s := openStore(t, b.dsn(t))
		if err := s.PutDocuments(ctx, batch); err != nil {
			t.Fatal(err)
		}
		for _, h := range hostile {
			for _, q := range []Query{ParseQuery(h), {Text: h}, {Speaker: h}, {Outlet: h}, {Text: h, Speaker: h, Outlet: h, Anonymous: boolPtr(true)}} {
				if _, err := s.Search(ctx, q); err != nil {
					t.Errorf("Search(%+v): %v", q, err)
				}
			}
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Documents != 3 || st.Quotes != 5 {
			t.Errorf("after hostile searches: %+v", st)
		}
	})
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("word ", 100)
	tests := []struct {
		name, body string
		span       [2]int
		want       string
	}{
		{"short body", "A short\n\nbody.", [2]int{2, 7}, "A short body."},
		{"middle", long + "TARGET " + long, [2]int{500, 506}, "…" + strings.TrimSpace(strings.Repeat("word ", 15)) + " TARGET " + strings.TrimSpace(strings.Repeat("word ", 15)) + "…"},
		{"bad span", "abc", [2]int{10, 2}, "abc"},
		{"empty", "", [2]int{0, 0}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := snippet(tc.body, tc.span); got != tc.want {
				t.Errorf("snippet = %q, want %q", got, tc.want)
			}
		})
	}
	// Multi-byte text is never cut inside a character.
	body := strings.Repeat("é", 300)
	for i := 0; i < len(body); i += 7 {
		if s := snippet(body, [2]int{i, i + 3}); !utf8.ValidString(s) {
			t.Fatalf("snippet at %d is not valid UTF-8", i)
		}
	}
}

// FuzzSearch: no query string makes Search fail (on SQLite; the hostile
// strings of TestSearchHostile run on both back-ends).
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"dam", `"under control"`, "NEAR(a b)", "x*", `speaker:"Jane`, "\x00", "a:b", "-x", "(("} {
		f.Add(s)
	}
	ctx := context.Background()
	s := openStore(f, filepath.Join(f.TempDir(), "fuzz.db"))
	var batch []Entry
	for _, d := range handDocs() {
		batch = append(batch, entry(d))
	}
	if err := s.PutDocuments(ctx, batch); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, query := range []Query{ParseQuery(q), {Text: q, Speaker: q, Outlet: q}} {
			if _, err := s.Search(ctx, query); err != nil {
				t.Fatalf("Search(%+v): %v", query, err)
			}
		}
	})
}
