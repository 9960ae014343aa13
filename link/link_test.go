package link

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/link/align"
)

// build makes a document from sentences, placing each quote and number in
// the body.
func build(name string, body string, quotes []article.Quote, nums []article.Number) article.Document {
	d := article.Document{Doc: name, Body: body}
	for _, q := range quotes {
		i := strings.Index(body, q.Text)
		q.Start, q.End = i, i+len(q.Text)
		d.Quotes = append(d.Quotes, q)
	}
	for _, n := range nums {
		i := strings.Index(body, n.Text)
		n.Start, n.End = i, i+len(n.Text)
		d.Numbers = append(d.Numbers, n)
	}
	return d
}

func fixture() []article.Document {
	return []article.Document{
		build("a.txt", `Minister Lena Varga spoke after the dam broke. "Nothing will be hidden from the public," Varga told the Herald. At least 41 people died when the dam broke.`,
			[]article.Quote{{Text: "Nothing will be hidden from the public,", Speaker: article.Str("Lena Varga"), Cue: article.Str("told"), Channel: article.Str("The Herald")}},
			[]article.Number{{Text: "At least 41", Value: 41, Qualifier: article.Str("at least"), Kind: "count", Counts: "people"}}),
		build("b.txt", `After the dam broke, Varga said "nothing is going to be concealed from the public". About 50 people died when the dam broke.`,
			[]article.Quote{{Text: "nothing is going to be concealed from the public", Speaker: article.Str("Varga"), Cue: article.Str("said")}},
			[]article.Number{{Text: "About 50", Value: 50, Qualifier: article.Str("about"), Kind: "count", Counts: "people"}}),
		build("c.txt", `The dam broke and 41 people died. Varga promised that "everything will be hidden from the public".`,
			[]article.Quote{{Text: "everything will be hidden from the public", Speaker: article.Str("Lena Varga")}},
			[]article.Number{{Text: "41", Value: 41, Kind: "count", Counts: "people"}}),
		{Doc: "d.txt", Body: "An unrelated note."},
	}
}

func TestAnalyze(t *testing.T) {
	c := Analyze(fixture(), Options{})
	if len(c.QuoteClusters) != 1 {
		t.Fatalf("quote clusters = %+v, want 1", c.QuoteClusters)
	}
	qc := c.QuoteClusters[0]
	var members []string
	for _, m := range qc.Members {
		members = append(members, fmt.Sprintf("%s#%d", m.Doc, m.Quote))
	}
	if got := strings.Join(members, " "); got != "a.txt#0 b.txt#0" {
		t.Errorf("members = %s, want a.txt#0 b.txt#0 (the negated c.txt quote stays out)", got)
	}
	if qc.PrimarySource != "Lena Varga" || qc.PrimarySourceID != "person:Lena Varga" {
		t.Errorf("primary source = %q %q", qc.PrimarySource, qc.PrimarySourceID)
	}
	wantCov := Coverage{CarriedBy: []string{"a.txt", "b.txt"}, MissingFrom: []string{"c.txt", "d.txt"}}
	if !reflect.DeepEqual(qc.Coverage, wantCov) {
		t.Errorf("coverage = %+v, want %+v", qc.Coverage, wantCov)
	}
	if len(c.NumberConflicts) != 1 || len(c.NumberConflicts[0].Members) != 3 || c.NumberConflicts[0].Severity != "loose" {
		t.Errorf("number conflicts = %+v, want one loose conflict of three", c.NumberConflicts)
	}
}

func TestAnalyzeStoriesScopeCoverage(t *testing.T) {
	opt := Options{Stories: FixedStories([]Story{{Label: "dam", Docs: []string{"a.txt", "b.txt", "c.txt"}}, {Label: "note", Docs: []string{"d.txt"}}})}
	c := Analyze(fixture(), opt)
	want := []string{"c.txt"}
	if got := c.QuoteClusters[0].Coverage.MissingFrom; !reflect.DeepEqual(got, want) {
		t.Errorf("missing_from = %v, want %v", got, want)
	}
}

func TestAnalyzeJSON(t *testing.T) {
	for _, docs := range [][]article.Document{nil, fixture()} {
		b, err := json.Marshal(Analyze(docs, Options{}))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(":null")) && bytes.Contains(b, []byte(`s":null`)) {
			t.Errorf("a list is null in %s", b)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"documents", "duplicates", "stories", "quote_clusters", "claim_clusters", "number_conflicts"} {
			if _, ok := m[k].([]any); !ok {
				t.Errorf("%s is %T, want a list", k, m[k])
			}
		}
		prov := m["provenance"].(map[string]any)
		for _, k := range []string{"nodes", "edges"} {
			if _, ok := prov[k].([]any); !ok {
				t.Errorf("provenance.%s is %T, want a list", k, prov[k])
			}
		}
	}
}

func TestAnalyzeDeterministic(t *testing.T) {
	docs, _ := synthetic(300, 7)
	a, _ := json.Marshal(Analyze(docs, Options{}))
	for range 3 {
		b, _ := json.Marshal(Analyze(docs, Options{}))
		if !bytes.Equal(a, b) {
			t.Fatal("two runs on the same input differ")
		}
	}
}

// synthetic generates n documents about n/5 events: each event has a few
// utterances by its speakers and a casualty count, which documents quote,
// trim and misreport.
func synthetic(n int, seed uint64) ([]article.Document, []Story) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	word := func() string { return fmt.Sprintf("w%d", r.IntN(20000)) }
	common := []string{"government", "people", "country", "troops", "minister", "city", "report", "police"}
	heads := []string{"people", "soldiers", "migrants", "workers", "homes", "vehicles", "schools", "patients"}
	type event struct {
		speakers []string
		words    []string
		utter    []string
		head     string
		count    int
	}
	events := make([]event, max(1, n/5))
	for i := range events {
		e := &events[i]
		for k := range 3 {
			e.speakers = append(e.speakers, fmt.Sprintf("Name%d Surname%d", r.IntN(5000), i*3+k))
		}
		for range 4 {
			e.words = append(e.words, word())
		}
		for range 3 {
			var u []string
			for range 6 + r.IntN(8) {
				if r.IntN(3) == 0 {
					u = append(u, common[r.IntN(len(common))])
				} else {
					u = append(u, word())
				}
			}
			e.utter = append(e.utter, strings.Join(u, " "))
		}
		e.head = heads[r.IntN(len(heads))]
		e.count = 10 + r.IntN(500)
	}
	docs := make([]article.Document, n)
	stories := make([]Story, len(events))
	for d := range docs {
		ev := r.IntN(len(events))
		e := &events[ev]
		stories[ev].Label = fmt.Sprintf("event %d", ev)
		stories[ev].Docs = append(stories[ev].Docs, fmt.Sprintf("doc%06d.txt", d))
		var b strings.Builder
		var quotes []article.Quote
		var nums []article.Number
		fmt.Fprintf(&b, "In %s %s, officials met. ", e.words[0], e.words[1])
		for k := range 2 {
			u := e.utter[r.IntN(len(e.utter))]
			f := strings.Fields(u)
			if r.IntN(3) == 0 { // trimmed
				f = f[r.IntN(3):]
			}
			text := strings.Join(f, " ")
			spk := e.speakers[r.IntN(len(e.speakers))]
			fmt.Fprintf(&b, "%q, %s said in %s. ", text, spk, e.words[2+k%2])
			quotes = append(quotes, article.Quote{Text: text, Speaker: article.Str(spk), Cue: article.Str("said")})
		}
		v := e.count
		if r.IntN(4) == 0 {
			v += 1 + r.IntN(5)
		}
		num := fmt.Sprintf("%d", v)
		fmt.Fprintf(&b, "In %s, %s %s were counted near %s.", e.words[0], num, e.head, e.words[3])
		nums = append(nums, article.Number{Text: num, Value: float64(v), Kind: "count", Counts: e.head})
		docs[d] = build(fmt.Sprintf("doc%06d.txt", d), b.String(), quotes, nums)
	}
	return docs, stories
}

func BenchmarkAnalyze(b *testing.B) {
	docs, stories := synthetic(100_000, 1)
	opt := Options{
		Lexicon: align.MustLexicon(),
		Stories: FixedStories(stories),
	}
	b.ResetTimer()
	for b.Loop() {
		c := Analyze(docs, opt)
		b.ReportMetric(float64(len(c.QuoteClusters)), "quote_clusters")
		b.ReportMetric(float64(len(c.NumberConflicts)), "conflicts")
	}
}
