package article_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/extract"
)

// sameAsEncodingJSON fails the test unless AppendJSON and json.Marshal agree
// on d: the same bytes, or both an error.
func sameAsEncodingJSON(t *testing.T, d article.Document) {
	t.Helper()
	want, werr := json.Marshal(d)
	got, gerr := d.AppendJSON([]byte("prefix"))
	if werr != nil || gerr != nil {
		var uv *json.UnsupportedValueError
		if werr == nil || !errors.As(gerr, &uv) || gerr.Error() != werr.Error() {
			t.Fatalf("errors differ: AppendJSON %v, json.Marshal %v", gerr, werr)
		}
		return
	}
	if !bytes.Equal(got, append([]byte("prefix"), want...)) {
		t.Fatalf("AppendJSON differs from json.Marshal:\n got %s\nwant prefix%s", got, want)
	}
}

func TestAppendJSONTable(t *testing.T) {
	s := func(v string) *string { return &v }
	f := func(v float64) *float64 { return &v }
	for _, d := range []article.Document{
		{},
		{Doc: "a.txt", Quotes: []article.Quote{}, Claims: []article.Claim{}, Numbers: []article.Number{}, Entities: []article.Entity{},
			CitedOutlets: []string{}, AnonymousSources: []string{}, Framing: article.Framing{Terms: []article.Term{}, HedgeWords: []article.Term{}}},
		{
			Doc: "dir/<b>&\"x\".html", Title: s("Tab\there\nnew \u2028 line \u2029 para"), Outlet: s("Le Monde"), Date: s("2026-01-02"),
			URL:  s("https://example.org/a?b=1&c=<2>"),
			Body: "bad \xff utf8 \xe2\x80 end; ctrl \x00\x01\x1f\x7f \b\f\r \\ é 😀",
			Quotes: []article.Quote{
				{Text: "“Nothing”", Start: 1, End: 12, Speaker: s("Emmanuel Macron"), Anonymous: false, Cue: s("said"), Block: true},
				{Text: "x", SpeakerMention: s("he"), Channel: s("the FT"), Anonymous: true},
			},
			Claims:  []article.Claim{{Text: "t", Source: "The New York Times", Cue: "revealed", Start: 3, End: 9}},
			Numbers: []article.Number{{Text: "at least 97", Value: 97, Qualifier: s("at least"), Kind: "count", Counts: "soldiers", Start: 5, End: 16}, {Text: "1-2", Value: 0.5, ValueHigh: f(1e21)}, {Value: 1e-7}, {Value: 123456789.125}, {Value: -0.000001}, {Value: math.Copysign(0, -1)}, {Value: 5e-324}, {Value: math.MaxFloat64}},
			Entities: []article.Entity{
				{Name: "Emmanuel Macron", Type: "person", Mentions: [][2]int{{0, 5}, {10, 15}}, Spellings: []string{"Macron", "macron"}},
				{Name: "X", Mentions: [][2]int{}},
				{Name: "Y", Spellings: []string{}},
			},
			CitedOutlets: []string{"Financial Times", ""},
			Framing: article.Framing{Terms: []article.Term{{Term: "Kyiv", Family: "Kyiv/Kiev", Count: 3}}, Hedges: 2,
				HedgeWords: []article.Term{{Term: "reportedly", Family: "hedge", Count: 2}}, AnonymousShare: 1.0 / 3},
		},
		{Numbers: []article.Number{{Value: math.NaN()}}},
		{Numbers: []article.Number{{Value: 1, ValueHigh: f(math.Inf(1))}}},
		{Framing: article.Framing{AnonymousShare: math.Inf(-1)}},
	} {
		sameAsEncodingJSON(t, d)
	}
}

// TestAppendJSONEngineOutput compares the two encodings on what the engine
// makes of the demo articles and, when ../shared is there, the seeds.
func TestAppendJSONEngineOutput(t *testing.T) {
	eng, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, pattern := range []string{"../examples/*", "../../shared/seeds/*.txt"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no example articles found")
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sameAsEncodingJSON(t, eng.Document(article.Source{Name: p, Text: string(b), Title: "T", Outlet: "Reuters"}))
	}
}

func FuzzAppendJSON(f *testing.F) {
	f.Add("a.txt", "Body “quoted” <b>", "he", 97.0, 0.25, 3, true)
	f.Add("\xff", "\u2028\x00", "", 1e21, 1e-7, -1, false)
	f.Fuzz(func(t *testing.T, name, text, speaker string, value, share float64, n int, flag bool) {
		d := article.Document{
			Doc: name, Title: &text, Body: text + name,
			Quotes:   []article.Quote{{Text: text, Start: n, End: -n, Speaker: &speaker, Anonymous: flag, Block: !flag}},
			Claims:   []article.Claim{{Text: speaker, Source: name, Cue: text, Start: n}},
			Numbers:  []article.Number{{Text: text, Value: value, Counts: speaker, Start: n}},
			Entities: []article.Entity{{Name: speaker, Type: text, Mentions: [][2]int{{n, n + 1}}, Spellings: []string{name, text}}},
			Framing:  article.Framing{Terms: []article.Term{{Term: text, Family: speaker, Count: n}}, AnonymousShare: share},
		}
		if flag {
			d.Numbers[0].ValueHigh = &share
			d.CitedOutlets = []string{text}
		}
		sameAsEncodingJSON(t, d)
	})
}

// BenchmarkDocumentJSON compares AppendJSON with json.Marshal on the
// engine's output for the demo articles.
func BenchmarkDocumentJSON(b *testing.B) {
	eng, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob("../examples/*.txt")
	var docs []article.Document
	size := 0
	for _, p := range files {
		text, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		d := eng.Document(article.Source{Name: p, Text: string(text)})
		j, _ := json.Marshal(d)
		size += len(j)
		docs = append(docs, d)
	}
	b.Run("AppendJSON", func(b *testing.B) {
		b.SetBytes(int64(size))
		var buf []byte
		for b.Loop() {
			for i := range docs {
				buf, _ = docs[i].AppendJSON(buf[:0])
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for i := range docs {
				json.Marshal(docs[i])
			}
		}
	})
}
