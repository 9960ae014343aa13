package align

import (
	"sort"
	"strings"

	"github.com/hearsaylab/hearsay/internal/sortedset"

	"github.com/hearsaylab/hearsay/article"
)

// Options tunes the aligner. The zero value takes the defaults.
type Options struct {
	// MinScore links two quotations of the same speaker (default 0.6).
	MinScore float64
	// WeakMinScore links two quotations whose speakers are not known to be
	// the same: one side unattributed, or two descriptions of unnamed sources
	// (default 0.85).
	WeakMinScore float64
	// MaxPostings bounds how many earlier candidates one index word can
	// propose, which keeps the cost near-linear (default 256).
	MaxPostings int
	// ContextBytes bounds how far around a quotation its sentence is read
	// (default 400).
	ContextBytes int
}

func (o Options) withDefaults() Options {
	if o.MinScore == 0 {
		o.MinScore = 0.6
	}
	if o.WeakMinScore == 0 {
		o.WeakMinScore = 0.85
	}
	if o.MaxPostings == 0 {
		o.MaxPostings = 256
	}
	if o.ContextBytes == 0 {
		o.ContextBytes = 400
	}
	return o
}

// Aligner links quotations and claims across documents.
type Aligner struct {
	lex *Lexicon
	opt Options
}

// New returns an Aligner using lex for tokens and synonyms.
func New(lex *Lexicon, opt Options) *Aligner {
	return &Aligner{lex: lex, opt: opt.withDefaults()}
}

// QuoteRef names one quotation: an index into the documents and one into
// that document's Quotes.
type QuoteRef struct {
	Doc, Quote int
}

// QuoteCluster is one utterance quoted in two or more documents.
type QuoteCluster struct {
	Label   string
	Speaker string
	Members []QuoteRef // sorted by document, then quote
}

// qunit is one sentence of one quotation, the unit that is aligned.
type qunit struct {
	doc, quote int
	text       string
	norm       string
	words      int
	toks       []int32 // content tokens of the sentence
	ctx        []int32 // content tokens of the surrounding sentences, quotations blanked
	spk        speaker
}

// Quotes clusters the quotations of docs that render one utterance. A
// quotation of several sentences can join one cluster per sentence.
func (a *Aligner) Quotes(docs []article.Document) []QuoteCluster {
	units := a.quoteUnits(docs, newTokenSets(a.lex))
	sets := make([][]int32, len(units))
	for i := range units {
		sets[i] = units[i].toks
	}
	docOf := func(i int) int { return units[i].doc }
	type link struct {
		i, j  int
		score float64
	}
	var links []link
	forCandidates(sets, docOf, a.opt.MaxPostings, func(i, j int) {
		if s, ok := a.linked(&units[i], &units[j]); ok {
			links = append(links, link{i, j, s})
		}
	})
	// Strongest links first; a link that would put two different named
	// speakers into one cluster (through a bare surname) is dropped.
	sort.Slice(links, func(x, y int) bool {
		if links[x].score != links[y].score {
			return links[x].score > links[y].score
		}
		if links[x].i != links[y].i {
			return links[x].i < links[y].i
		}
		return links[x].j < links[y].j
	})
	uf := newUnionFind(len(units))
	degree := make([]int, len(units))
	speakers := make([][]speaker, len(units))
	for i := range units {
		if units[i].spk.name != "" && !units[i].spk.anon {
			speakers[i] = []speaker{units[i].spk}
		}
	}
	join := func(i, j int) {
		ri, rj := uf.find(int32(i)), uf.find(int32(j))
		if ri != rj {
			for _, x := range speakers[ri] {
				for _, y := range speakers[rj] {
					if compat(x, y) == speakerClash {
						return
					}
				}
			}
			uf.union(ri, rj)
			r := uf.find(ri)
			// Keep each distinct speaker once, so that a cluster of many
			// quotations of one person stays cheap to check.
			merged := append([]speaker{}, speakers[ri]...)
			for _, y := range speakers[rj] {
				dup := false
				for _, x := range merged {
					if x.norm == y.norm {
						dup = true
						break
					}
				}
				if !dup {
					merged = append(merged, y)
				}
			}
			speakers[ri], speakers[rj] = nil, nil
			speakers[r] = merged
		}
		degree[i]++
		degree[j]++
	}
	for _, l := range links {
		join(l.i, l.j)
	}
	// exact repeats of a token-less quotation are not reached by the index
	byNorm := map[string]int{}
	for i, u := range units {
		if len(u.toks) > 0 || u.norm == "" || u.words < 4 {
			continue
		}
		if j, ok := byNorm[u.norm]; ok && units[j].doc != u.doc && compat(units[j].spk, u.spk) > speakerClash {
			join(i, j)
			continue
		}
		byNorm[u.norm] = i
	}
	// Groups in order of their first unit, and a stable sort: two clusters
	// of the same quotations (different sentences of them) keep that order.
	groups := map[int32][]int{}
	var roots []int32
	for i := range units {
		r := uf.find(int32(i))
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	var out []QuoteCluster
	for _, r := range roots {
		g := groups[r]
		if len(g) < 2 || !spansDocs(g, docOf) {
			continue
		}
		out = append(out, a.quoteCluster(docs, units, g, degree))
	}
	sort.SliceStable(out, func(i, j int) bool { return lessRefs(out[i].Members, out[j].Members) })
	return out
}

func spansDocs(g []int, docOf func(int) int) bool {
	for _, i := range g[1:] {
		if docOf(i) != docOf(g[0]) {
			return true
		}
	}
	return false
}

func lessRefs(a, b []QuoteRef) bool {
	for k := 0; k < len(a) && k < len(b); k++ {
		if a[k] != b[k] {
			if a[k].Doc != b[k].Doc {
				return a[k].Doc < b[k].Doc
			}
			return a[k].Quote < b[k].Quote
		}
	}
	return len(a) < len(b)
}

func (a *Aligner) quoteCluster(docs []article.Document, units []qunit, g []int, degree []int) QuoteCluster {
	seen := map[QuoteRef]bool{}
	var c QuoteCluster
	best := -1
	spk := map[string]int{}
	for _, i := range g {
		u := &units[i]
		ref := QuoteRef{u.doc, u.quote}
		if !seen[ref] {
			seen[ref] = true
			c.Members = append(c.Members, ref)
			if u.spk.name != "" {
				spk[u.spk.name]++
			}
		}
		if best < 0 || degree[i] > degree[best] ||
			degree[i] == degree[best] && (u.doc < units[best].doc || u.doc == units[best].doc && u.quote < units[best].quote) {
			best = i
		}
	}
	sort.Slice(c.Members, func(i, j int) bool {
		x, y := c.Members[i], c.Members[j]
		return x.Doc < y.Doc || x.Doc == y.Doc && x.Quote < y.Quote
	})
	c.Label = trimLabel(units[best].text, 14)
	c.Speaker = pickName(spk)
	return c
}

// pickName returns the most frequent name, the longest on a tie, then the
// first in order.
func pickName(counts map[string]int) string {
	best := ""
	for n, k := range counts {
		switch {
		case best == "":
			best = n
		case k > counts[best],
			k == counts[best] && len(n) > len(best),
			k == counts[best] && len(n) == len(best) && n < best:
			best = n
		}
	}
	return best
}

func (a *Aligner) quoteUnits(docs []article.Document, ts *tokenSets) []qunit {
	var units []qunit
	for d := range docs {
		doc := &docs[d]
		var spans [][2]int
		for _, q := range doc.Quotes {
			if spanOK(doc.Body, q.Start, q.End) {
				spans = append(spans, [2]int{q.Start, q.End})
			}
		}
		for qi, q := range doc.Quotes {
			var ctx []int32
			if spanOK(doc.Body, q.Start, q.End) {
				lo, hi := sentenceBounds(doc.Body, q.Start, q.End, a.opt.ContextBytes)
				if lo > 0 { // and the sentence before, where a paraphrase often leads in
					lo, _ = sentenceBounds(doc.Body, max(lo-2, 0), max(lo-2, 0), a.opt.ContextBytes)
				}
				ctx = ts.of(maskSpans(doc.Body, lo, hi, spans))
			}
			spk := newSpeaker(q.Speaker, q.Anonymous)
			words := wordCount(q.Text)
			for _, s := range splitSentences(q.Text) {
				units = append(units, qunit{
					doc: d, quote: qi, text: s, norm: normText(s), words: min(words, wordCount(s)),
					toks: ts.of(s), ctx: ctx, spk: spk,
				})
			}
		}
	}
	return units
}

// linked scores and decides whether two quotation sentences of different documents
// render one utterance.
func (a *Aligner) linked(u, v *qunit) (float64, bool) {
	level := compat(u.spk, v.spk)
	if level == speakerClash {
		return 0, false
	}
	short := u.words <= 3 || v.words <= 3
	if short && level != speakerStrong {
		return 0, false
	}
	s := quoteScore(u, v, short)
	if level == speakerStrong {
		return s, s >= a.opt.MinScore
	}
	return s, s >= a.opt.WeakMinScore
}

// quoteScore is the similarity in [0, 1] of two quotation sentences: 1 for
// the same words, 0.95 when one is the other trimmed, else how much of each
// one's content words the other (with its surrounding sentence) carries,
// blended with their overlap coefficient.
func quoteScore(u, v *qunit, short bool) float64 {
	if u.norm != "" && u.norm == v.norm {
		return 1
	}
	sh, lo := u, v
	if len(sh.norm) > len(lo.norm) {
		sh, lo = lo, sh
	}
	if sh.norm != "" && strings.Contains(" "+lo.norm+" ", " "+sh.norm+" ") {
		if len(sh.toks) > 0 || sh.words >= 4 {
			return 0.95
		}
	}
	na, nb := len(u.toks), len(v.toks)
	if na == 0 || nb == 0 {
		return 0
	}
	inter := sortedset.Intersect(u.toks, v.toks)
	small := min(na, nb)
	overlap := float64(inter) / float64(small)
	if short && inter < small {
		return 0 // a short quotation links only when wholly contained
	}
	if overlap < 0.5 || (small >= 3 && inter < 2) {
		return 0
	}
	covU := float64(coverCount(u.toks, v.toks, v.ctx)) / float64(na)
	covV := float64(coverCount(v.toks, u.toks, u.ctx)) / float64(nb)
	return 0.75*min(covU, covV) + 0.25*overlap
}

// forCandidates calls fn(i, j), j < i, once for each pair of units of
// different documents that may share half of the smaller one's tokens. It
// uses prefix filtering: each unit's prefix is the rarer half of its tokens
// plus one, and two sets overlapping in at least half of the smaller one
// share a token between the smaller one's prefix and the other's full set.
// Units are indexed both ways, and each probe reads at most maxPost of the
// latest postings, so the cost grows near-linearly with the input.
func forCandidates(sets [][]int32, docOf func(int) int, maxPost int, fn func(i, j int)) {
	df := map[int32]int{}
	for _, s := range sets {
		for _, t := range s {
			df[t]++
		}
	}
	postPref := map[int32][]int32{}
	postAll := map[int32][]int32{}
	stamp := make([]int32, len(sets))
	for i := range stamp {
		stamp[i] = -1
	}
	visit := func(i int, p []int32) {
		for _, j := range p[max(0, len(p)-maxPost):] {
			if stamp[j] == int32(i) || docOf(int(j)) == docOf(i) {
				continue
			}
			stamp[j] = int32(i)
			fn(i, int(j))
		}
	}
	pref := make([]int32, 0, 16)
	for i, s := range sets {
		if len(s) == 0 {
			continue
		}
		pref = append(pref[:0], s...)
		sort.Slice(pref, func(a, b int) bool {
			if df[pref[a]] != df[pref[b]] {
				return df[pref[a]] < df[pref[b]]
			}
			return pref[a] < pref[b]
		})
		pref = pref[:min(len(pref), len(pref)/2+1)]
		for _, t := range s {
			visit(i, postPref[t])
		}
		for _, t := range pref {
			visit(i, postAll[t])
		}
		for _, t := range s {
			postAll[t] = append(postAll[t], int32(i))
		}
		for _, t := range pref {
			postPref[t] = append(postPref[t], int32(i))
		}
	}
}
