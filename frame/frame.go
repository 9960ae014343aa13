// Package frame gathers framing evidence in one document: the term choices it
// makes among alternative words for the same thing (Kyiv or Kiev, invasion or
// special military operation) and the hedges with which its author distances
// themself from a statement (reportedly, allegedly, so-called).
//
// The term families are embedded from terms.tsv and the hedges from
// hedges.txt. Framing terms are counted everywhere in the body, inside
// quotations too, because the words an outlet chooses to quote are part of its
// framing. Hedges are counted only in the author's own text, outside the
// quotation spans given to Analyze.
package frame

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/hearsaylab/hearsay/internal/wordscan"

	"github.com/hearsaylab/hearsay/article"
)

//go:embed terms.tsv
var termsTSV string

//go:embed hedges.txt
var hedgesTxt string

// HedgeFamily is the Family of hedge words in Match and article.Term values.
const HedgeFamily = "hedge"

// Match is one occurrence of a framing term or hedge in a body: the half-open
// byte range [Start, End), the term as listed in the data files and its family
// (HedgeFamily for hedges).
type Match struct {
	Start, End int
	Term       string
	Family     string
}

// entry is one listed term or hedge.
type entry struct {
	term   string
	family string
	fam    int // index of family in Analyzer.famIndex order, for scan
	toks   []string
	keys   []wordscan.Key // of toks
	fold   bool
	hedge  bool // listed in hedges.txt
	// word tells an entry of one ASCII word that ignores case: it
	// matches at any ASCII word that the table finds it by (see matchAt).
	word bool
	// order ranks the entry by hedge, family and term: the order of the
	// terms and the hedges in article.Framing.
	order int
}

// index maps a lower-cased first token to the entries starting with it,
// longest first.
type index map[string][]*entry

// Analyzer finds framing terms and hedges. It is read-only after New and safe
// for concurrent use.
type Analyzer struct {
	families []string
	terms    index
	hedges   index
	// first maps a lower-cased first token to the terms and hedges that
	// start with it, so that one pass over a body finds both.
	first  map[string]*starting
	firstT *wordscan.Table[*starting] // first, for scan
	// gate rules out most words before they are looked up in firstT.
	gate *wordscan.Gate
	// famIndex numbers the families, the hedges' too, for entry.fam.
	famIndex map[string]int
}

// starting holds the entries that start with one token: the terms, then
// the hedges, each longest first.
type starting struct {
	entries []*entry
}

// New parses the embedded term families and hedge list.
func New() (*Analyzer, error) {
	return build(termsTSV, hedgesTxt)
}

func build(terms, hedges string) (*Analyzer, error) {
	a := &Analyzer{terms: index{}, hedges: index{}, famIndex: map[string]int{}, gate: &wordscan.Gate{}}
	seen := map[string]string{} // lower-cased term -> family
	fams := map[string]bool{}
	for n, line := range strings.Split(terms, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 || len(f) > 3 {
			return nil, fmt.Errorf("frame: terms.tsv line %d: want 2 or 3 tab-separated fields, got %d", n+1, len(f))
		}
		fam := strings.TrimSpace(f[0])
		if fam == "" || fam == HedgeFamily {
			return nil, fmt.Errorf("frame: terms.tsv line %d: bad family %q", n+1, fam)
		}
		e, err := a.newEntry(strings.TrimSpace(f[1]), fam)
		if err != nil {
			return nil, fmt.Errorf("frame: terms.tsv line %d: %w", n+1, err)
		}
		key := strings.ToLower(e.term)
		if other, ok := seen[key]; ok {
			return nil, fmt.Errorf("frame: terms.tsv line %d: term %q already in family %q", n+1, e.term, other)
		}
		seen[key] = fam
		if !fams[fam] {
			fams[fam] = true
			a.families = append(a.families, fam)
		}
		a.terms.add(e)
	}
	hseen := map[string]bool{}
	for n, line := range strings.Split(hedges, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		e, err := a.newEntry(line, HedgeFamily)
		if err != nil {
			return nil, fmt.Errorf("frame: hedges.txt line %d: %w", n+1, err)
		}
		if hseen[strings.ToLower(e.term)] {
			return nil, fmt.Errorf("frame: hedges.txt line %d: %q listed twice", n+1, e.term)
		}
		hseen[strings.ToLower(e.term)] = true
		a.hedges.add(e)
	}
	if len(a.families) == 0 || len(hseen) == 0 {
		return nil, fmt.Errorf("frame: no term families or no hedges")
	}
	sort.Strings(a.families)
	a.first = map[string]*starting{}
	for _, ix := range []index{a.terms, a.hedges} {
		for _, es := range ix {
			sort.SliceStable(es, func(i, j int) bool { return len(es[i].toks) > len(es[j].toks) })
		}
	}
	var all []*entry
	for _, ix := range []index{a.terms, a.hedges} {
		for k, es := range ix {
			st := a.starting(k)
			st.entries = append(st.entries, es...)
			for _, e := range es {
				a.gate.Add(e.toks, e.keys)
			}
			all = append(all, es...)
		}
	}
	a.firstT = wordscan.NewTable(a.first)
	sort.Slice(all, func(i, j int) bool { return all[i].before(all[j]) })
	for i, e := range all {
		e.order = i
	}
	return a, nil
}

// before reports whether e comes before f in article.Framing: the terms
// before the hedges, each sorted by family and then term.
func (e *entry) before(f *entry) bool {
	if e.hedge != f.hedge {
		return f.hedge
	}
	if e.family != f.family {
		return e.family < f.family
	}
	return e.term < f.term
}

// starting returns the entry of a.first for key k, adding it if needed.
func (a *Analyzer) starting(k string) *starting {
	st := a.first[k]
	if st == nil {
		st = &starting{}
		a.first[k] = st
	}
	return st
}

// newEntry parses one listed term or hedge of family.
func (a *Analyzer) newEntry(s, family string) (*entry, error) {
	fam, ok := a.famIndex[family]
	if !ok {
		fam = len(a.famIndex)
		a.famIndex[family] = fam
	}
	e := &entry{family: family, fam: fam, fold: true, hedge: family == HedgeFamily}
	if strings.HasPrefix(s, "=") {
		e.fold = false
		s = strings.TrimSpace(s[1:])
	}
	e.term = s
	for pos := 0; ; {
		st, en, _, _ := wordscan.Next(s, pos)
		if st < 0 {
			break
		}
		tok := wordscan.NormPunct(s[st:en])
		e.toks = append(e.toks, tok)
		e.keys = append(e.keys, wordscan.KeyOf(tok))
		pos = en
	}
	if len(e.toks) == 0 {
		return nil, fmt.Errorf("empty term")
	}
	e.word = len(e.toks) == 1 && e.fold && e.keys[0].ASCII
	return e, nil
}

func (ix index) add(e *entry) {
	k := strings.ToLower(e.toks[0])
	ix[k] = append(ix[k], e)
}

// Families returns the names of the term families, sorted.
func (a *Analyzer) Families() []string {
	return append([]string(nil), a.families...)
}

// Matches returns every framing term and hedge in body, ordered by Start and,
// at the same Start, longest first. Within one family matches do not overlap
// (the longest wins: "full-scale invasion", not also "invasion"); matches of
// different families may ("Kiev regime" is a regime term and contains the
// Kiev spelling).
func (a *Analyzer) Matches(body string) []Match {
	hits := a.scan(body, wordscan.Tokens(nil, body), nil)
	if len(hits) == 0 {
		return nil
	}
	ms := make([]Match, len(hits))
	for i, h := range hits {
		ms[i] = Match{Start: h.start, End: h.end, Term: h.e.term, Family: h.e.family}
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Start != ms[j].Start {
			return ms[i].Start < ms[j].Start
		}
		return ms[i].End > ms[j].End
	})
	return ms
}

// Analyze returns the framing evidence of body: the framing terms it uses
// (inside quotations too), the hedges in its author's own text (outside
// quoteSpans), and the share of quotes that are anonymous.
func (a *Analyzer) Analyze(body string, quoteSpans []article.Span, anonymousQuotes, totalQuotes int) article.Framing {
	return a.AnalyzeTokens(body, wordscan.Tokens(nil, body), quoteSpans, anonymousQuotes, totalQuotes)
}

// AnalyzeTokens is Analyze for a body whose tokens, wordscan.Tokens(nil,
// body), are known.
func (a *Analyzer) AnalyzeTokens(body string, toks []wordscan.Token, quoteSpans []article.Span, anonymousQuotes, totalQuotes int) article.Framing {
	return a.FindTokens(body, toks).Framing(quoteSpans, anonymousQuotes, totalQuotes)
}

// Found holds the framing terms and hedges of a body, all of them, before
// Framing sets aside the hedges inside quotations.
type Found struct {
	hits []hit
}

// hit is one match of an entry in a body: the byte range [start, end).
type hit struct {
	start, end int
	e          *entry
}

// FindTokens finds the framing terms and hedges of a body whose tokens,
// wordscan.Tokens(nil, body), are known: the first half of AnalyzeTokens,
// for a caller that scans the tokens while they are at hand and learns the
// quotation spans later.
func (a *Analyzer) FindTokens(body string, toks []wordscan.Token) Found {
	var buf [32]hit
	hits := a.scan(body, toks, buf[:0])
	if len(hits) == 0 {
		return Found{}
	}
	return Found{slices.Clone(hits)}
}

// FindCandidates is FindTokens, into f, for a body whose candidate tokens
// for the gate of a (Gate) another matcher noted in its walk over toks
// (such as outlet.Table.FindAlong): it looks only at those, and at the
// tokens from cands.Resume on, instead of walking all of toks. It
// overwrites what f held and reuses its storage, so that a caller that
// goes over document after document with the same f allocates none.
func (a *Analyzer) FindCandidates(f *Found, body string, toks []wordscan.Token, cands *wordscan.Candidates) {
	var cov coverage
	hits := f.hits[:0]
	covered := cov.of(a)
	for _, i := range cands.At() {
		// scanAt and matchEntries, written out: the calls for each
		// candidate, one with more arguments than registers, cost more.
		st, ok := a.firstT.Word(body, &toks[i])
		if !ok {
			continue
		}
		start := toks[i].St
		for _, e := range st.entries {
			if covered[e.fam] > start {
				continue
			}
			// An entry of one word matches without a call.
			end, ok := toks[i].En, e.word && toks[i].ASCII
			if !ok {
				end, ok = matchAt(body, toks, int(i), e)
			}
			if ok {
				hits = append(hits, hit{start, end, e})
				covered[e.fam] = end
			}
		}
	}
	f.hits = a.scanFrom(body, toks, cands.Resume(len(toks)), covered, hits)
}

// Gate returns the gate of the terms and hedges, for a matcher that walks
// the tokens of a body and notes the candidates of FindCandidates.
func (a *Analyzer) Gate() *wordscan.Gate {
	return a.gate
}

// Framing is the second half of AnalyzeTokens: the framing evidence of the
// body whose terms and hedges f holds. It reorders f's storage: call it
// once for what FindTokens or FindCandidates found.
func (f Found) Framing(quoteSpans []article.Span, anonymousQuotes, totalQuotes int) article.Framing {
	var fr article.Framing
	kept := f.hits[:0] // the terms, and the hedges outside quoteSpans
	for _, h := range f.hits {
		if h.e.hedge {
			if inAny(h, quoteSpans) {
				continue
			}
			fr.Hedges++
		}
		kept = append(kept, h)
	}
	fr.Terms, fr.HedgeWords = tally(kept)
	if totalQuotes > 0 {
		fr.AnonymousShare = math.Round(float64(anonymousQuotes)/float64(totalQuotes)*1000) / 1000
	}
	return fr
}

// inAny reports whether h overlaps any of spans.
func inAny(h hit, spans []article.Span) bool {
	for _, s := range spans {
		if h.start < s.End && s.Start < h.end {
			return true
		}
	}
	return false
}

// tally counts the hits of each entry: the terms, then the hedges, each
// sorted by family and then term, nil where there are none. It sorts hits.
func tally(hits []hit) (terms, hedges []article.Term) {
	if len(hits) == 0 {
		return nil, nil
	}
	sortHits(hits)
	distinct, nTerms := 0, 0
	for i, h := range hits {
		if i == 0 || h.e != hits[i-1].e {
			distinct++
			if !h.e.hedge {
				nTerms++
			}
		}
	}
	out := make([]article.Term, 0, distinct)
	for i := 0; i < len(hits); {
		e, j := hits[i].e, i+1
		for j < len(hits) && hits[j].e == e {
			j++
		}
		out = append(out, article.Term{Term: e.term, Family: e.family, Count: j - i})
		i = j
	}
	if nTerms > 0 {
		terms = out[:nTerms:nTerms]
	}
	if nTerms < distinct {
		hedges = out[nTerms:]
	}
	return terms, hedges
}

// sortHits sorts hits by their entries' order. A body has a dozen hits or
// so, which an insertion sort puts in order at less cost than
// slices.SortFunc's calls of a comparison; it takes more only from a few
// dozen on.
func sortHits(hits []hit) {
	if len(hits) > 32 {
		slices.SortFunc(hits, func(x, y hit) int { return x.e.order - y.e.order })
		return
	}
	for i := 1; i < len(hits); i++ {
		h, j := hits[i], i
		for ; j > 0 && hits[j-1].e.order > h.e.order; j-- {
			hits[j] = hits[j-1]
		}
		hits[j] = h
	}
}

// scan appends to hits the framing terms and the hedges of body, found in
// one pass over its tokens toks. At each token it takes, per family, the
// longest entry that matches there and does not overlap an earlier match of
// the same family: the terms first, then the hedges.
func (a *Analyzer) scan(body string, toks []wordscan.Token, hits []hit) []hit {
	var cov coverage
	return a.scanFrom(body, toks, 0, cov.of(a), hits)
}

// coverage holds, by entry.fam, the end of each family's last match
// during a scan: on the stack for up to 64 families.
type coverage [64]int

// of returns the coverage of the families of a, zero: c itself, or a slice
// on the heap if a has more families than c holds.
func (c *coverage) of(a *Analyzer) []int {
	if n := len(a.famIndex); n <= len(c) {
		return c[:n]
	}
	return make([]int, len(a.famIndex))
}

// scanFrom is scan from the token toks[i] on, with the families' coverage
// so far.
func (a *Analyzer) scanFrom(body string, toks []wordscan.Token, i int, covered []int, hits []hit) []hit {
	for i = a.gate.Skip(toks, i); i < len(toks); i = a.gate.Skip(toks, i+1) {
		hits = a.scanAt(body, toks, i, covered, hits)
	}
	return hits
}

// scanAt appends to hits the entries that match at the token toks[i], an
// ASCII word that passed the gate or another word.
func (a *Analyzer) scanAt(body string, toks []wordscan.Token, i int, covered []int, hits []hit) []hit {
	if cands, ok := a.firstT.Word(body, &toks[i]); ok {
		hits = matchEntries(body, toks, i, cands.entries, covered, hits)
	}
	return hits
}

// matchEntries appends to hits the entries of es that match at the token
// toks[i], at most one per family (the first of es that matches),
// skipping families whose last match in covered reaches past its start.
func matchEntries(body string, toks []wordscan.Token, i int, es []*entry, covered []int, hits []hit) []hit {
	st := toks[i].St
	for _, e := range es {
		if covered[e.fam] > st {
			continue
		}
		if end, ok := matchAt(body, toks, i, e); ok {
			hits = append(hits, hit{st, end, e})
			covered[e.fam] = end
		}
	}
	return hits
}

// matchAt reports whether e matches body at the token toks[i], one of the
// words that a.firstT finds e by, and where the match ends. A match does
// not span a line break.
func matchAt(body string, toks []wordscan.Token, i int, e *entry) (int, bool) {
	if i+len(e.toks) > len(toks) {
		return 0, false
	}
	// The cheap tests first, over all the tokens: line breaks and hashes.
	// They pass over the first token: its lower case is the key the table
	// found e by, e's first token in lower case, so it passes both, and
	// when both are ASCII and e ignores case, the comparison below too.
	for k := 1; k < len(e.toks); k++ {
		tk := &toks[i+k]
		if tk.NL || e.keys[k].Differs(tk) {
			return 0, false
		}
	}
	k0 := 0
	if e.fold && e.keys[0].ASCII && toks[i].ASCII {
		k0 = 1
	}
	for k := k0; k < len(e.toks); k++ {
		got, want := body[toks[i+k].St:toks[i+k].En], e.toks[k]
		if got != want && !(e.fold && strings.EqualFold(got, want)) && wordscan.NormPunct(got) != want {
			return 0, false
		}
	}
	return toks[i+len(e.toks)-1].En, true
}
