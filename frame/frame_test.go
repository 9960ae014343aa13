package frame

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/article"
)

func mustNew(tb testing.TB) *Analyzer {
	tb.Helper()
	a, err := New()
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return a
}

func TestDataSize(t *testing.T) {
	a := mustNew(t)
	if n := len(a.Families()); n < 25 {
		t.Errorf("%d families, want at least 25", n)
	}
	n := 0
	for _, es := range a.hedges {
		n += len(es)
	}
	if n < 30 {
		t.Errorf("%d hedges, want at least 30", n)
	}
}

func TestTerms(t *testing.T) {
	a := mustNew(t)
	tests := []struct {
		body string
		want []article.Term
	}{
		{"Shelling hit Kiev and Kyiv overnight; KYIV was quiet by noon.", []article.Term{
			{Term: "Kiev", Family: "Kyiv/Kiev", Count: 1},
			{Term: "Kyiv", Family: "Kyiv/Kiev", Count: 2},
		}},
		{"Chicken kiev is not a city.", nil},
		{"The full-scale invasion began in 2022; the Kremlin calls the invasion a special military operation.", []article.Term{
			{Term: "full-scale invasion", Family: "invasion/special military operation", Count: 1},
			{Term: "invasion", Family: "invasion/special military operation", Count: 1},
			{Term: "special military operation", Family: "invasion/special military operation", Count: 1},
		}},
		{"Moscow blamed the Kiev regime.", []article.Term{
			{Term: "Kiev", Family: "Kyiv/Kiev", Count: 1},
			{Term: "Kiev regime", Family: "regime/government", Count: 1},
		}},
		{"Regimes and governments differ; invasions too.", nil},
		{"Neo‑Nazis marched, said the report about Nazis.", []article.Term{
			{Term: "Nazis", Family: "Nazis/neo-Nazis", Count: 1},
			{Term: "neo-Nazis", Family: "Nazis/neo-Nazis", Count: 1},
		}},
		{"The people’s militia in Donbass", []article.Term{
			{Term: "Donbass", Family: "Donbas/Donbass", Count: 1},
			{Term: "people's militia", Family: "separatists/rebels/militias", Count: 1},
		}},
		{"The IDF said; idf is not matched.", []article.Term{
			{Term: "IDF", Family: "Israel Defense Forces/IOF", Count: 1},
		}},
		{"climate\nchange and the climate crisis", []article.Term{
			{Term: "climate crisis", Family: "climate change/climate crisis", Count: 1},
		}},
	}
	for _, tc := range tests {
		got := a.Analyze(tc.body, nil, 0, 0).Terms
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Analyze(%q).Terms = %+v, want %+v", tc.body, got, tc.want)
		}
	}
}

func TestHedges(t *testing.T) {
	a := mustNew(t)
	body := `The minister reportedly said: "The so-called deal allegedly exists." It could not be independently verified; the so-called talks apparently stalled.`
	q := strings.Index(body, "The so-called deal")
	spans := []article.Span{{Start: q, End: q + len("The so-called deal allegedly exists.")}}
	fr := a.Analyze(body, spans, 1, 4)
	if fr.Hedges != 4 {
		t.Errorf("Hedges = %d, want 4 (quote excluded); words %+v", fr.Hedges, fr.HedgeWords)
	}
	want := []article.Term{
		{Term: "apparently", Family: HedgeFamily, Count: 1},
		{Term: "could not be independently verified", Family: HedgeFamily, Count: 1},
		{Term: "reportedly", Family: HedgeFamily, Count: 1},
		{Term: "so-called", Family: HedgeFamily, Count: 1},
	}
	if !reflect.DeepEqual(fr.HedgeWords, want) {
		t.Errorf("HedgeWords = %+v, want %+v", fr.HedgeWords, want)
	}
	if fr.AnonymousShare != 0.25 {
		t.Errorf("AnonymousShare = %v, want 0.25", fr.AnonymousShare)
	}
	// Without spans, the quoted hedges count too.
	if got := a.Analyze(body, nil, 0, 0).Hedges; got != 6 {
		t.Errorf("Hedges without spans = %d, want 6", got)
	}
}

func TestAnonymousShare(t *testing.T) {
	a := mustNew(t)
	for _, tc := range []struct {
		anon, total int
		want        float64
	}{{0, 0, 0}, {1, 3, 0.333}, {2, 3, 0.667}, {3, 3, 1}, {5, 0, 0}} {
		if got := a.Analyze("", nil, tc.anon, tc.total).AnonymousShare; got != tc.want {
			t.Errorf("share(%d/%d) = %v, want %v", tc.anon, tc.total, got, tc.want)
		}
	}
}

func TestMatches(t *testing.T) {
	a := mustNew(t)
	body := "Troops reportedly entered Kharkov."
	got := a.Matches(body)
	want := []Match{
		{Start: 7, End: 17, Term: "reportedly", Family: HedgeFamily},
		{Start: 26, End: 33, Term: "Kharkov", Family: "Kharkiv/Kharkov"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Matches = %+v, want %+v", got, want)
	}
	for _, m := range got {
		if !strings.EqualFold(body[m.Start:m.End], m.Term) {
			t.Errorf("span %q != term %q", body[m.Start:m.End], m.Term)
		}
	}
}

func TestFamiliesSorted(t *testing.T) {
	f := mustNew(t).Families()
	for i := 1; i < len(f); i++ {
		if f[i-1] >= f[i] {
			t.Fatalf("families not sorted: %q before %q", f[i-1], f[i])
		}
	}
}

func TestBuildErrors(t *testing.T) {
	for _, tc := range []struct{ terms, hedges string }{
		{"fam\tx\ty\tz", "reportedly"},
		{"a\tword\nb\tWord", "reportedly"},
		{"hedge\tword", "reportedly"},
		{"a\tword", ""},
		{"a\tword", "reportedly\nReportedly"},
	} {
		if _, err := build(tc.terms, tc.hedges); err == nil {
			t.Errorf("build(%q, %q) succeeded", tc.terms, tc.hedges)
		}
	}
}

func FuzzMatches(f *testing.F) {
	a := mustNew(f)
	for _, s := range []string{"Kiev regime", "so-called\nclaims", "neo‑Nazis", "\xff reportedly"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range a.Matches(s) {
			if m.Start < 0 || m.End <= m.Start || m.End > len(s) {
				t.Fatalf("bad span %+v in %q", m, s)
			}
		}
	})
}

func BenchmarkAnalyze(b *testing.B) {
	a := mustNew(b)
	words := strings.Fields(`the government in Kyiv said Russian forces reportedly shelled Kharkiv as the
		invasion entered its third year while officials in Moscow spoke of a special military operation and
		the so-called peace talks stalled according to reports from the front where troops were dug in`)
	r := rand.New(rand.NewSource(1))
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		sb.WriteString(words[r.Intn(len(words))])
		sb.WriteByte(' ')
	}
	body := sb.String()
	spans := []article.Span{{Start: 100, End: 400}, {Start: 5000, End: 6000}}
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for b.Loop() {
		a.Analyze(body, spans, 1, 2)
	}
}
