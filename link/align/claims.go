package align

import (
	"sort"
	"strings"

	"github.com/hearsaylab/hearsay/internal/sortedset"

	"github.com/hearsaylab/hearsay/article"
)

// ClaimRef is one sentence of one document that states a claim, as a byte
// span of its body.
type ClaimRef struct {
	Doc        int
	Start, End int
	Text       string
}

// ClaimCluster is one factual claim restated in two or more documents.
type ClaimCluster struct {
	Label   string
	Members []ClaimRef // sorted by document, then offset
}

type cunit struct {
	ref     ClaimRef
	toks    []int32
	nums    []float64
	ents    []string // entity names mentioned in the sentence, lower-cased
	origins []string // sources the sentence credits: claim source, cited outlets
}

// Claims clusters the sentences of different documents that state the same
// fact: sentences holding a reported claim or a number, linked when they
// share content words together with numbers, named entities or a credited
// source.
func (a *Aligner) Claims(docs []article.Document) []ClaimCluster {
	units := a.claimUnits(docs, newTokenSets(a.lex))
	sets := make([][]int32, len(units))
	for i := range units {
		sets[i] = units[i].toks
	}
	docOf := func(i int) int { return units[i].ref.Doc }
	uf := newUnionFind(len(units))
	degree := make([]int, len(units))
	forCandidates(sets, docOf, a.opt.MaxPostings, func(i, j int) {
		if claimLinked(&units[i], &units[j]) {
			uf.union(int32(i), int32(j))
			degree[i]++
			degree[j]++
		}
	})
	// Groups in order of their first unit, sorted stably: the order never
	// depends on map iteration.
	groups := map[int32][]int{}
	var roots []int32
	for i := range units {
		r := uf.find(int32(i))
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	var out []ClaimCluster
	for _, r := range roots {
		g := groups[r]
		if len(g) < 2 || !spansDocs(g, docOf) {
			continue
		}
		var c ClaimCluster
		best := g[0]
		for _, i := range g {
			c.Members = append(c.Members, units[i].ref)
			if degree[i] > degree[best] {
				best = i
			}
		}
		sort.SliceStable(c.Members, func(i, j int) bool { return lessClaim(c.Members[i], c.Members[j]) })
		c.Label = trimLabel(units[best].ref.Text, 16)
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool { return lessClaim(out[i].Members[0], out[j].Members[0]) })
	return out
}

func lessClaim(x, y ClaimRef) bool {
	if x.Doc != y.Doc {
		return x.Doc < y.Doc
	}
	if x.Start != y.Start {
		return x.Start < y.Start
	}
	return x.End < y.End
}

func (a *Aligner) claimUnits(docs []article.Document, ts *tokenSets) []cunit {
	var units []cunit
	for d := range docs {
		doc := &docs[d]
		seen := map[[2]int]int{}
		add := func(lo, hi int, source string) {
			if k, ok := seen[[2]int{lo, hi}]; ok {
				if source != "" {
					units[k].origins = appendUnique(units[k].origins, normText(source))
				}
				return
			}
			text := strings.TrimSpace(doc.Body[lo:hi])
			u := cunit{ref: ClaimRef{Doc: d, Start: lo, End: hi, Text: text}, toks: ts.of(text)}
			if len(u.toks) < 3 {
				return
			}
			for _, n := range doc.Numbers {
				if n.Start >= lo && n.End <= hi && n.Kind != "distance" {
					u.nums = append(u.nums, n.Value)
				}
			}
			for _, e := range doc.Entities {
				for _, m := range e.Mentions {
					if m[0] >= lo && m[1] <= hi {
						u.ents = appendUnique(u.ents, normText(e.Name))
						break
					}
				}
			}
			lower := strings.ToLower(text)
			for _, o := range doc.CitedOutlets {
				if o != "" && strings.Contains(lower, strings.ToLower(strings.TrimPrefix(o, "The "))) {
					u.origins = appendUnique(u.origins, normText(o))
				}
			}
			if source != "" {
				u.origins = appendUnique(u.origins, normText(source))
			}
			seen[[2]int{lo, hi}] = len(units)
			units = append(units, u)
		}
		for _, c := range doc.Claims {
			if spanOK(doc.Body, c.Start, c.End) {
				lo, hi := sentenceBounds(doc.Body, c.Start, c.End, a.opt.ContextBytes)
				add(lo, hi, c.Source)
			}
		}
		// A quotation states its speaker's claim in their own words; a
		// paraphrase elsewhere ("they said that …") is the same claim.
		for _, q := range doc.Quotes {
			if q.Block || len(strings.Fields(q.Text)) < 6 || !spanOK(doc.Body, q.Start, q.End) {
				continue
			}
			lo, hi := sentenceBounds(doc.Body, q.Start, q.End, a.opt.ContextBytes)
			src := ""
			if q.Speaker != nil {
				src = *q.Speaker
			}
			add(lo, hi, src)
			if q.Channel != nil {
				add(lo, hi, *q.Channel)
			}
		}
		for _, n := range doc.Numbers {
			if spanOK(doc.Body, n.Start, n.End) && n.Kind != "distance" {
				lo, hi := sentenceBounds(doc.Body, n.Start, n.End, a.opt.ContextBytes)
				add(lo, hi, "")
			}
		}
	}
	return units
}

func appendUnique(s []string, v string) []string {
	if v == "" {
		return s
	}
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// claimLinked keeps claim links precise: content words must overlap, and
// more so when nothing else (a shared number, entity or credited source)
// ties the two sentences together.
func claimLinked(u, v *cunit) bool {
	inter := sortedset.Intersect(u.toks, v.toks)
	if inter < 3 {
		return false
	}
	dice := 2 * float64(inter) / float64(len(u.toks)+len(v.toks))
	nums := sharedNumbers(u.nums, v.nums)
	ents := sharedStrings(u.ents, v.ents)
	orig := sharedStrings(u.origins, v.origins)
	switch {
	case nums > 0 && (dice >= 0.25 || ents >= 2 || orig > 0):
		return true
	case orig > 0 && dice >= 0.3:
		return true
	case ents >= 1 && dice >= 0.45:
		return true
	}
	return dice >= 0.6
}

// sharedNumbers counts numbers of u that v repeats or approximates (within
// 5 %, so "about 100" meets "97").
func sharedNumbers(u, v []float64) int {
	n := 0
	for _, x := range u {
		if x < 2 {
			continue
		}
		for _, y := range v {
			if y >= x*0.95 && y <= x*1.05 || x >= y*0.95 && x <= y*1.05 {
				n++
				break
			}
		}
	}
	return n
}

func sharedStrings(a, b []string) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if x == y {
				n++
				break
			}
		}
	}
	return n
}
