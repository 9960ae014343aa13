package provenance

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/hearsaylab/hearsay/article"
)

func corpus() []article.Document {
	return []article.Document{
		{
			Doc:          "a.txt",
			CitedOutlets: []string{"The Herald"},
			Quotes: []article.Quote{
				{Text: "The cranes were sabotaged", Speaker: article.Str("a senior port official"), Anonymous: true, Cue: article.Str("told"), Channel: article.Str("The Herald")},
				{Text: "We will rebuild", Speaker: article.Str("Lena Varga"), Cue: article.Str("said")},
			},
			Claims:           []article.Claim{{Text: "the port was closed", Source: "Harbour Board", Cue: "announced"}},
			AnonymousSources: []string{"a senior port official"},
			Entities:         []article.Entity{{Name: "Harbour Board", Type: "organization"}},
		},
		{
			Doc: "b.txt",
			Quotes: []article.Quote{
				{Text: "The cranes were sabotaged,", Speaker: article.Str("the anonymous source"), Anonymous: true, Cue: article.Str("told"), Channel: article.Str("Herald")},
			},
		},
	}
}

func TestBuild(t *testing.T) {
	g := NewTracer(corpus()).Build()
	wantNodes := []Node{
		{"anonymous:a senior port official", KindAnonymous},
		{"anonymous:the anonymous source", KindAnonymous},
		{"doc:a.txt", KindDocument},
		{"doc:b.txt", KindDocument},
		{"org:Harbour Board", KindOrganization},
		{"outlet:The Herald", KindOutlet},
		{"person:Lena Varga", KindPerson},
	}
	if !reflect.DeepEqual(g.Nodes, wantNodes) {
		t.Errorf("nodes = %v\nwant    %v", g.Nodes, wantNodes)
	}
	wantEdges := []Edge{
		{"doc:a.txt", "org:Harbour Board", "announced"},
		{"doc:a.txt", "outlet:The Herald", "cites"},
		{"doc:a.txt", "person:Lena Varga", "said"},
		{"doc:b.txt", "outlet:The Herald", "cites"},
		{"outlet:The Herald", "anonymous:a senior port official", "told"},
		{"outlet:The Herald", "anonymous:the anonymous source", "told"},
	}
	if !reflect.DeepEqual(g.Edges, wantEdges) {
		t.Errorf("edges = %v\nwant    %v", g.Edges, wantEdges)
	}
}

func TestPrimary(t *testing.T) {
	tr := NewTracer(corpus())
	tests := []struct {
		refs []QuoteRef
		want Source
	}{
		{[]QuoteRef{{0, 0}, {1, 0}}, Source{"The Herald", "outlet:The Herald", KindOutlet}},
		{[]QuoteRef{{0, 1}}, Source{"Lena Varga", "person:Lena Varga", KindPerson}},
	}
	for _, tc := range tests {
		if got := tr.PrimaryOfQuotes(tc.refs); got != tc.want {
			t.Errorf("PrimaryOfQuotes(%v) = %+v, want %+v", tc.refs, got, tc.want)
		}
	}
}

// TestGraphBuilderJSON: the streamed graph is json.Marshal of Graph, with
// duplicate edges, HTML-sensitive names and many compactions.
func TestGraphBuilderJSON(t *testing.T) {
	var g GraphBuilder
	for i := range 200_000 {
		d := Node{NodeID(KindDocument, fmt.Sprintf("d<%d>&.txt", i%5000)), KindDocument}
		p := Node{NodeID(KindPerson, fmt.Sprintf("Person %d", i%37)), KindPerson}
		g.add(d, p, []string{"said", "told", ""}[i%3])
	}
	want, err := json.Marshal(g.Graph())
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := g.WriteJSON(&got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Fatalf("WriteJSON differs from json.Marshal(Graph()): %d vs %d bytes", got.Len(), len(want))
	}
	gr := g.Graph()
	if !sort.SliceIsSorted(gr.Edges, func(i, j int) bool {
		a, b := gr.Edges[i], gr.Edges[j]
		return a.From < b.From || a.From == b.From && (a.To < b.To || a.To == b.To && a.Via < b.Via)
	}) {
		t.Error("edges not sorted")
	}
	if n, e := g.Len(); n != 5037 || e != len(gr.Edges) {
		t.Errorf("Len = %d nodes %d edges, want 5037 and %d", n, e, len(gr.Edges))
	}
}
