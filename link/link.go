// Package link is hearsay's cross-document stage: given the per-document
// records of a corpus it links the same quotations, claims and counted
// things across articles, finds disagreeing numbers and traces who relays
// whom, and returns it all as one Corpus.
package link

import (
	"sort"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/link/align"
	"github.com/hearsaylab/hearsay/link/conflict"
	"github.com/hearsaylab/hearsay/link/provenance"
)

// Options configures Analyze. The zero value runs every built-in stage with
// its defaults and leaves duplicates and stories empty.
type Options struct {
	// Duplicates, when set, finds near-identical documents.
	Duplicates func([]article.Document) []Duplicate
	// Stories, when set, groups documents by story; coverage is then counted
	// within a story instead of the whole corpus.
	Stories func([]article.Document) []Story
	// Lexicon is the synonym lexicon for alignment; nil loads the embedded
	// one. Pass one to reuse it across calls.
	Lexicon *align.Lexicon
	// Align tunes quote and claim alignment.
	Align align.Options
	// Conflict tunes number-conflict detection.
	Conflict conflict.Options
}

// Analyze links docs into a Corpus. The output depends only on docs and
// opt: clusters are sorted by their first member, members by document order.
func Analyze(docs []article.Document, opt Options) Corpus {
	lex := opt.Lexicon
	if lex == nil {
		lex = align.MustLexicon()
	}
	docs = withEmptyLists(docs)
	c := Corpus{
		Documents:       docs,
		Duplicates:      []Duplicate{},
		Stories:         []Story{},
		QuoteClusters:   []QuoteCluster{},
		ClaimClusters:   []ClaimCluster{},
		NumberConflicts: []NumberConflict{},
	}
	if opt.Duplicates != nil {
		if d := opt.Duplicates(docs); d != nil {
			c.Duplicates = d
		}
	}
	if opt.Stories != nil {
		if s := opt.Stories(docs); s != nil {
			c.Stories = s
		}
	}
	cov := newCoverer(docs, c.Stories)
	tr := provenance.NewTracer(docs)
	al := align.New(lex, opt.Align)

	// Quotations, claims and numbers are linked within a story: the same
	// words or figures in articles about different events are a coincidence,
	// and comparing within stories keeps the cost linear in the corpus.
	for _, g := range linkGroups(docs, c.Stories, opt.Stories != nil) {
		sub := make([]article.Document, len(g))
		for i, d := range g {
			sub[i] = docs[d]
		}
		for _, qc := range al.Quotes(sub) {
			out := QuoteCluster{Label: qc.Label, Speaker: qc.Speaker, Members: []QuoteMember{}}
			refs := make([]provenance.QuoteRef, 0, len(qc.Members))
			idx := make([]int, 0, len(qc.Members))
			for _, m := range qc.Members {
				d := g[m.Doc]
				out.Members = append(out.Members, QuoteMember{Doc: docs[d].Doc, Quote: m.Quote, Text: docs[d].Quotes[m.Quote].Text})
				refs = append(refs, provenance.QuoteRef{Doc: d, Quote: m.Quote})
				idx = append(idx, d)
			}
			src := tr.PrimaryOfQuotes(refs)
			out.PrimarySource, out.PrimarySourceID = src.Name, src.ID
			out.Coverage = cov.of(idx)
			c.QuoteClusters = append(c.QuoteClusters, out)
		}
		for _, cc := range al.Claims(sub) {
			out := ClaimCluster{Label: cc.Label, Members: []ClaimMember{}}
			spans := make([]provenance.Span, 0, len(cc.Members))
			idx := make([]int, 0, len(cc.Members))
			for _, m := range cc.Members {
				d := g[m.Doc]
				out.Members = append(out.Members, ClaimMember{Doc: docs[d].Doc, Start: m.Start, End: m.End, Text: m.Text})
				spans = append(spans, provenance.Span{Doc: d, Start: m.Start, End: m.End})
				idx = append(idx, d)
			}
			src := tr.PrimaryOfSentences(spans)
			out.PrimarySource, out.PrimarySourceID = src.Name, src.ID
			out.Coverage = cov.of(idx)
			c.ClaimClusters = append(c.ClaimClusters, out)
		}
		for _, nc := range conflict.Find(sub, opt.Conflict) {
			out := NumberConflict{Counts: nc.Counts, Severity: nc.Severity, Members: []NumberMember{}}
			idx := make([]int, 0, len(nc.Members))
			for _, m := range nc.Members {
				d := g[m.Doc]
				n := docs[d].Numbers[m.Number]
				out.Members = append(out.Members, NumberMember{Doc: docs[d].Doc, Number: m.Number, Text: n.Text, Value: n.Value, Qualifier: n.Qualifier})
				idx = append(idx, d)
			}
			out.Coverage = cov.of(idx)
			c.NumberConflicts = append(c.NumberConflicts, out)
		}
	}
	c.Provenance = tr.Build()
	return c
}

// linkGroups returns the sets of document indices within which quotations,
// claims and numbers are linked: each story of two or more documents, or —
// when no story function was given — the whole corpus.
func linkGroups(docs []article.Document, stories []Story, haveStories bool) [][]int {
	if !haveStories {
		all := make([]int, len(docs))
		for i := range all {
			all[i] = i
		}
		return [][]int{all}
	}
	byName := make(map[string]int, len(docs))
	for i, d := range docs {
		if _, ok := byName[d.Doc]; !ok {
			byName[d.Doc] = i
		}
	}
	var out [][]int
	for _, s := range stories {
		var g []int
		for _, name := range s.Docs {
			if i, ok := byName[name]; ok {
				g = append(g, i)
			}
		}
		if len(g) >= 2 {
			sort.Ints(g)
			out = append(out, g)
		}
	}
	return out
}

// withEmptyLists returns a copy of docs whose list fields are empty rather
// than nil, so that they print as [] and not null.
func withEmptyLists(docs []article.Document) []article.Document {
	out := make([]article.Document, len(docs))
	for i, d := range docs {
		if d.Quotes == nil {
			d.Quotes = []article.Quote{}
		}
		if d.Claims == nil {
			d.Claims = []article.Claim{}
		}
		if d.Numbers == nil {
			d.Numbers = []article.Number{}
		}
		if d.Entities == nil {
			d.Entities = []article.Entity{}
		}
		if d.CitedOutlets == nil {
			d.CitedOutlets = []string{}
		}
		if d.AnonymousSources == nil {
			d.AnonymousSources = []string{}
		}
		if d.Framing.Terms == nil {
			d.Framing.Terms = []article.Term{}
		}
		out[i] = d
	}
	return out
}

// coverer answers which documents of a story leave out a linked item.
type coverer struct {
	docs    []article.Document
	stories [][]int // document indexes per story
	byDoc   [][]int // story indexes per document
}

// storiesOf returns the stories holding any of the documents.
func (cv coverer) storiesOf(docs []int) [][]int {
	var out [][]int
	seen := map[int]bool{}
	for _, d := range docs {
		for _, s := range cv.byDoc[d] {
			if !seen[s] {
				seen[s] = true
				out = append(out, cv.stories[s])
			}
		}
	}
	return out
}

func newCoverer(docs []article.Document, stories []Story) coverer {
	byName := map[string]int{}
	for i, d := range docs {
		if _, ok := byName[d.Doc]; !ok {
			byName[d.Doc] = i
		}
	}
	cv := coverer{docs: docs, byDoc: make([][]int, len(docs))}
	for _, s := range stories {
		var idx []int
		for _, n := range s.Docs {
			if i, ok := byName[n]; ok {
				idx = append(idx, i)
			}
		}
		sort.Ints(idx)
		for _, i := range idx {
			cv.byDoc[i] = append(cv.byDoc[i], len(cv.stories))
		}
		cv.stories = append(cv.stories, idx)
	}
	return cv
}

// of returns the coverage of an item carried by the documents in idx: the
// others of the story holding most of them, or of the corpus when no story
// does (so without stories its size grows with the corpus).
func (cv coverer) of(idx []int) Coverage {
	carried := map[int]bool{}
	for _, i := range idx {
		carried[i] = true
	}
	in := make([]int, 0, len(carried))
	for i := range carried {
		in = append(in, i)
	}
	sort.Ints(in)
	var scope []int
	best := 0
	for _, s := range cv.storiesOf(in) {
		n := 0
		for _, i := range s {
			if carried[i] {
				n++
			}
		}
		if n > best {
			best, scope = n, s
		}
	}
	if scope == nil {
		scope = make([]int, len(cv.docs))
		for i := range scope {
			scope[i] = i
		}
	}
	cov := Coverage{CarriedBy: []string{}, MissingFrom: []string{}}
	for _, i := range in {
		cov.CarriedBy = append(cov.CarriedBy, cv.docs[i].Doc)
	}
	for _, i := range scope {
		if !carried[i] {
			cov.MissingFrom = append(cov.MissingFrom, cv.docs[i].Doc)
		}
	}
	return cov
}
