package web

import (
	"context"
	"strings"
	"sync"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/link"
	"github.com/hearsaylab/hearsay/link/provenance"
	"github.com/hearsaylab/hearsay/store"
)

// The fixture is an invented story: a ferry that ran aground, told by a
// wire service, a local paper and a tabloid, plus one unrelated note.

func ptr(s string) *string { return &s }

// span returns the byte offsets of the first sub in body from from on.
func span(body, sub string, from int) (int, int) {
	i := strings.Index(body[from:], sub)
	if i < 0 {
		panic("fixture: " + sub + " not in body")
	}
	return from + i, from + i + len(sub)
}

func quoteIn(body, text, speaker, cue string, anonymous bool, channel string) article.Quote {
	s, e := span(body, text, 0)
	q := article.Quote{Text: text, Start: s, End: e, Speaker: article.Str(speaker), Cue: article.Str(cue), Anonymous: anonymous, Channel: article.Str(channel)}
	return q
}

func numberIn(body, text string, value float64, qualifier, counts string) article.Number {
	s, e := span(body, text, 0)
	return article.Number{Text: text, Value: value, Qualifier: article.Str(qualifier), Kind: "count", Counts: counts, Start: s, End: e}
}

func outletEntity(body, name string) article.Entity {
	s, e := span(body, name, 0)
	return article.Entity{Name: name, Type: "outlet", Mentions: [][2]int{{s, e}}}
}

// hostile is put into every field of the hostile corpus.
const hostile = `<script>window.__pwned=1</script><img src=x onerror=window.__pwned=1>"' onmouseover=alert(1) </script><!--`

func fixtureDocs() []article.Document {
	b1 := "Ferry runs aground off Tessel Point\n\nTESSEL, June 3 (Northwind Wire) – At least 12 passengers were hurt when the ferry Amaranth ran aground on Monday, the coast guard said.\n\n“The crew followed every procedure,” said Mara Quell, a spokeswoman for the operator. “We will cooperate fully with the inquiry,” she added.\n\nA harbour official, speaking on condition of anonymity, told the Tessel Courier that the vessel was overloaded.\n"
	b2 := "Amaranth ferry aground: 20 hurt, passengers say\n\nTwenty passengers were hurt when the Amaranth struck rocks, according to the Northwind Wire and passengers who spoke to us.\n\n“The crew followed procedure,” Mara Quell told reporters. Passengers disputed this. “Nobody told us anything,” said Ole Brandt, who was on board with his family.\n\nA harbour official said “the boat was overloaded”, according to people familiar with the matter.\n"
	b3 := "Ferry operator blames weather for grounding\n\nThe operator of the Amaranth said on Tuesday that about 15 people had minor injuries. “The crew followed every procedure,” Mara Quell said in a statement. Thé weather — gusts of 80 km/h — was to blame, she said.\n"
	b4 := "Council approves new library hours\n\nThe town council voted to extend library hours on weekends. “Reading is for everyone,” said councillor Ines Moy.\n"
	d1 := article.Document{
		Doc: "wire/ferry.txt", Outlet: ptr("Northwind Wire"), Date: ptr("2031-06-03"), Title: ptr("Ferry runs aground off Tessel Point"), URL: ptr("https://example.org/wire/ferry"), Body: b1,
		Quotes: []article.Quote{
			quoteIn(b1, "The crew followed every procedure,", "Mara Quell", "said", false, ""),
			quoteIn(b1, "We will cooperate fully with the inquiry,", "Mara Quell", "added", false, ""),
		},
		Numbers:          []article.Number{numberIn(b1, "At least 12", 12, "at least", "passengers")},
		Claims:           []article.Claim{{Text: "the vessel was overloaded", Source: "A harbour official", Cue: "told", Start: strings.Index(b1, "A harbour"), End: strings.LastIndex(b1, ".")}},
		Entities:         []article.Entity{outletEntity(b1, "Northwind Wire"), outletEntity(b1, "Tessel Courier")},
		CitedOutlets:     []string{"Tessel Courier"},
		AnonymousSources: []string{"A harbour official"},
		Framing:          article.Framing{Terms: []article.Term{{Term: "ran aground", Family: "grounding/crash", Count: 1}}, Hedges: 1, HedgeWords: []article.Term{{Term: "speaking on condition of anonymity", Family: "hedge", Count: 1}}},
	}
	d2 := article.Document{
		Doc: "local/courier.html", Outlet: ptr("Tessel Courier"), Date: ptr("2031-06-04"), Title: ptr("Amaranth ferry aground: 20 hurt, passengers say"), Body: b2,
		Quotes: []article.Quote{
			quoteIn(b2, "The crew followed procedure,", "Mara Quell", "told", false, ""),
			quoteIn(b2, "Nobody told us anything,", "Ole Brandt", "said", false, ""),
			quoteIn(b2, "the boat was overloaded", "A harbour official", "said", true, ""),
		},
		Numbers:          []article.Number{numberIn(b2, "Twenty", 20, "", "passengers")},
		Entities:         []article.Entity{outletEntity(b2, "Northwind Wire")},
		CitedOutlets:     []string{"Northwind Wire"},
		AnonymousSources: []string{"A harbour official", "people familiar with the matter"},
		Framing:          article.Framing{Terms: []article.Term{{Term: "struck rocks", Family: "grounding/crash", Count: 1}}, AnonymousShare: 0.333},
	}
	d3 := article.Document{
		Doc: "tabloid/ferry-weather.txt", Outlet: ptr("Evening Flare"), Date: ptr("2031-06-04"), Body: b3,
		Quotes: []article.Quote{
			quoteIn(b3, "The crew followed every procedure,", "Mara Quell", "said", false, "statement"),
		},
		Numbers: []article.Number{numberIn(b3, "about 15", 15, "about", "people"), numberIn(b3, "80", 80, "", "km/h")},
	}
	d4 := article.Document{
		Doc: "misc/library.txt", Body: b4,
		Quotes: []article.Quote{quoteIn(b4, "Reading is for everyone,", "Ines Moy", "said", false, "")},
	}
	return []article.Document{d1, d2, d3, d4}
}

func fixtureCorpus() link.Corpus {
	docs := fixtureDocs()
	return corpusOf(docs)
}

// corpusOf links documents as the fixture story says: the first three
// are one story.
func corpusOf(docs []article.Document) link.Corpus {
	names := func(idx ...int) []string {
		var out []string
		for _, i := range idx {
			out = append(out, docs[i].Doc)
		}
		return out
	}
	c := link.Corpus{
		Documents:  docs,
		Duplicates: []link.Duplicate{{Docs: names(0, 2), Similarity: 0.61}},
		Stories:    []link.Story{{Label: "Amaranth, Tessel, ferry", Docs: names(0, 1, 2)}},
		QuoteClusters: []link.QuoteCluster{{
			Label: "The crew followed every procedure", Speaker: *docs[0].Quotes[0].Speaker,
			Members: []link.QuoteMember{
				{Doc: docs[0].Doc, Quote: 0, Text: docs[0].Quotes[0].Text},
				{Doc: docs[1].Doc, Quote: 0, Text: docs[1].Quotes[0].Text},
				{Doc: docs[2].Doc, Quote: 0, Text: docs[2].Quotes[0].Text},
			},
			PrimarySource: *docs[0].Quotes[0].Speaker, PrimarySourceID: "person:" + *docs[0].Quotes[0].Speaker,
			Coverage: link.Coverage{CarriedBy: names(0, 1, 2), MissingFrom: []string{}},
		}, {
			Label: "overloaded", Speaker: *docs[1].Quotes[2].Speaker,
			Members: []link.QuoteMember{
				{Doc: docs[1].Doc, Quote: 2, Text: docs[1].Quotes[2].Text},
				{Doc: docs[1].Doc, Quote: 99, Text: "an index out of range"},
			},
			Coverage: link.Coverage{CarriedBy: names(1), MissingFrom: names(0, 2)},
		}},
		ClaimClusters: []link.ClaimCluster{{
			Label: docs[0].Claims[0].Text,
			Members: []link.ClaimMember{
				{Doc: docs[0].Doc, Start: docs[0].Claims[0].Start, End: docs[0].Claims[0].End, Text: docs[0].Claims[0].Text},
				{Doc: docs[1].Doc, Start: 0, End: 10, Text: docs[1].Body[:10]},
			},
			PrimarySource: "Tessel Courier", PrimarySourceID: "outlet:Tessel Courier",
			Coverage: link.Coverage{CarriedBy: names(0, 1), MissingFrom: names(2)},
		}},
		NumberConflicts: []link.NumberConflict{{
			Counts: docs[0].Numbers[0].Counts, Severity: "hard",
			Members: []link.NumberMember{
				{Doc: docs[0].Doc, Number: 0, Text: docs[0].Numbers[0].Text, Value: 12, Qualifier: docs[0].Numbers[0].Qualifier},
				{Doc: docs[1].Doc, Number: 0, Text: docs[1].Numbers[0].Text, Value: 20},
				{Doc: docs[2].Doc, Number: 0, Text: docs[2].Numbers[0].Text, Value: 15, Qualifier: docs[2].Numbers[0].Qualifier},
			},
			Coverage: link.Coverage{CarriedBy: names(0, 1, 2), MissingFrom: []string{}},
		}},
	}
	c.Provenance = provenance.NewTracer(docs).Build()
	return c
}

// hostileCorpus puts the hostile string into every field a view shows.
func hostileCorpus(h string) link.Corpus {
	docs := fixtureDocs()
	for i := range docs {
		d := &docs[i]
		d.Doc = h + "/doc" + string(rune('a'+i)) + ".txt"
		d.Title = ptr(h)
		d.Outlet = ptr(h + " Outlet")
		d.Date = ptr(h)
		d.URL = ptr("javascript:window.__pwned=1")
		// the hostile text as a quotation of the body, spoken by a hostile name
		pre := d.Body
		d.Body = pre + "\n\n“" + h + "” said " + h + ".\n"
		s := len(pre) + len("\n\n“")
		d.Quotes = append(d.Quotes, article.Quote{Text: h, Start: s, End: s + len(h), Speaker: ptr(h), Cue: ptr(h), Channel: ptr(h)})
		for k := range d.Quotes {
			d.Quotes[k].Speaker = ptr(h)
		}
		d.Claims = append(d.Claims, article.Claim{Text: h, Source: h, Cue: h, Start: s, End: s + len(h)})
		d.Numbers = append(d.Numbers, article.Number{Text: h, Value: 1, Qualifier: ptr(h), Counts: h, Kind: h, Start: -5, End: 1 << 30})
		d.AnonymousSources = append(d.AnonymousSources, h)
		d.CitedOutlets = append(d.CitedOutlets, h)
		d.Framing.Terms = append(d.Framing.Terms, article.Term{Term: h, Family: h, Count: 1})
		d.Framing.HedgeWords = append(d.Framing.HedgeWords, article.Term{Term: h, Family: h, Count: 1})
	}
	c := corpusOf(docs)
	c.Stories[0].Label = h
	c.QuoteClusters[0].Label = h
	c.QuoteClusters[0].Speaker = h
	c.QuoteClusters[0].PrimarySource = h
	c.QuoteClusters[0].Members[1].Text = h
	c.ClaimClusters[0].Label = h
	c.NumberConflicts[0].Counts = h
	c.NumberConflicts[0].Severity = h
	return c
}

// fakeBackend is an in-memory Backend: a corpus and a naive search over
// its quotations and documents.
type fakeBackend struct {
	mu      sync.Mutex
	c       link.Corpus
	err     error
	queries []store.Query
}

func (f *fakeBackend) LoadCorpus(ctx context.Context) (link.Corpus, error) {
	return f.c, f.err
}

func (f *fakeBackend) Search(ctx context.Context, q store.Query) ([]store.Hit, error) {
	f.mu.Lock()
	f.queries = append(f.queries, q)
	f.mu.Unlock()
	if f.err != nil {
		return nil, f.err
	}
	var hits []store.Hit
	words := strings.Fields(strings.ToLower(q.Text))
	for _, d := range f.c.Documents {
		if q.Outlet != "" && !strings.Contains(strings.ToLower(str(d.Outlet)), strings.ToLower(q.Outlet)) {
			continue
		}
		for i, qu := range d.Quotes {
			if q.Speaker != "" && !strings.Contains(strings.ToLower(str(qu.Speaker)), strings.ToLower(q.Speaker)) {
				continue
			}
			if q.Anonymous != nil && *q.Anonymous != qu.Anonymous {
				continue
			}
			ok := true
			for _, w := range words {
				ok = ok && strings.Contains(strings.ToLower(qu.Text), w)
			}
			if ok {
				hits = append(hits, store.Hit{Doc: d.Doc, Kind: "quote", Index: i, Start: qu.Start, End: qu.End, Text: qu.Text, Speaker: str(qu.Speaker), Outlet: str(d.Outlet), Anonymous: qu.Anonymous, Snippet: qu.Text})
			}
		}
	}
	return hits, nil
}
