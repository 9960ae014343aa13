package frame

import (
	"math"
	"sort"
	"strings"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/internal/wordscan"
)

// This file keeps the earlier scan and tally of the framing terms and
// hedges, without the gate and with a map, as the oracle of the
// differential tests.

// analyzeRef is Analyze as it was.
func (a *Analyzer) analyzeRef(body string, quoteSpans []article.Span, anonymousQuotes, totalQuotes int) article.Framing {
	terms, all := a.scanTokensRef(body, wordscan.Tokens(nil, body))
	var fr article.Framing
	fr.Terms = countRef(terms)
	var hedges []Match
	for _, m := range all {
		if !inAnyRef(m, quoteSpans) {
			hedges = append(hedges, m)
		}
	}
	fr.Hedges = len(hedges)
	fr.HedgeWords = countRef(hedges)
	if totalQuotes > 0 {
		fr.AnonymousShare = math.Round(float64(anonymousQuotes)/float64(totalQuotes)*1000) / 1000
	}
	return fr
}

// matchesRef is Matches as it was.
func (a *Analyzer) matchesRef(body string) []Match {
	terms, hedges := a.scanTokensRef(body, wordscan.Tokens(nil, body))
	ms := append(terms, hedges...)
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Start != ms[j].Start {
			return ms[i].Start < ms[j].Start
		}
		return ms[i].End > ms[j].End
	})
	return ms
}

// scanTokensRef finds the terms and the hedges of body, looking every word
// up.
func (a *Analyzer) scanTokensRef(body string, toks []wordscan.Token) (terms, hedges []Match) {
	covered := make([]int, len(a.famIndex))
	for i := range toks {
		tk := &toks[i]
		if a.firstT.Absent(tk) {
			continue
		}
		k := strings.ToLower(body[tk.St:tk.En])
		terms = matchEntriesRef(body, toks, i, a.terms[k], covered, terms)
		hedges = matchEntriesRef(body, toks, i, a.hedges[k], covered, hedges)
	}
	return terms, hedges
}

// matchEntriesRef is matchEntries with Match results.
func matchEntriesRef(body string, toks []wordscan.Token, i int, es []*entry, covered []int, out []Match) []Match {
	st := toks[i].St
	for _, e := range es {
		if covered[e.fam] > st {
			continue
		}
		if end, ok := matchAt(body, toks, i, e); ok {
			out = append(out, Match{Start: st, End: end, Term: e.term, Family: e.family})
			covered[e.fam] = end
		}
	}
	return out
}

// inAnyRef reports whether m overlaps any of spans.
func inAnyRef(m Match, spans []article.Span) bool {
	for _, s := range spans {
		if m.Start < s.End && s.Start < m.End {
			return true
		}
	}
	return false
}

// countRef tallies matches per term, sorted by family then term.
func countRef(ms []Match) []article.Term {
	type key struct{ fam, term string }
	n := map[key]int{}
	for _, m := range ms {
		n[key{m.Family, m.Term}]++
	}
	if len(n) == 0 {
		return nil
	}
	out := make([]article.Term, 0, len(n))
	for k, c := range n {
		out = append(out, article.Term{Term: k.term, Family: k.fam, Count: c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Family != out[j].Family {
			return out[i].Family < out[j].Family
		}
		return out[i].Term < out[j].Term
	})
	return out
}
