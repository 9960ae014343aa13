// Package conflict finds numbers that disagree: one counted thing (the same
// counted noun, in sentences that share context) given different values
// across or within documents, with qualifiers such as "at least" and
// "about" taken into account.
package conflict

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/hearsaylab/hearsay/internal/sortedset"

	"github.com/hearsaylab/hearsay/article"
)

// Severity of a disagreement.
const (
	// Hard: the values cannot both be right ("41" and "50", "at least 50" and "41").
	Hard = "hard"
	// Loose: an approximate value that differs ("about 100" and "97").
	Loose = "loose"
)

// Options tunes the search. The zero value takes the defaults.
type Options struct {
	// MaxRatio is the largest ratio between two values still read as one
	// count told differently rather than a total and its part (default 1.6).
	MaxRatio float64
	// MinContext is how many content words the two sentences must share,
	// besides the counted noun (default 2).
	MinContext int
	// MaxPostings bounds how many earlier numbers one counted word proposes
	// (default 256).
	MaxPostings int
}

func (o Options) withDefaults() Options {
	if o.MaxRatio == 0 {
		o.MaxRatio = 1.6
	}
	if o.MinContext == 0 {
		o.MinContext = 2
	}
	if o.MaxPostings == 0 {
		o.MaxPostings = 256
	}
	return o
}

// Ref names one number: an index into the documents and one into that
// document's Numbers.
type Ref struct {
	Doc, Number int
}

// Conflict is one counted thing given different values.
type Conflict struct {
	Counts   string // the counted noun phrase, as most members word it
	Severity string // Hard or Loose
	Members  []Ref  // sorted by document, then number
}

// item is one number prepared for comparison.
//
//go:embed outcomes.txt
var outcomesData string

// outcomes maps outcome words to their class; prefixes end in "*".
// defaultOutcomes parses the embedded outcome table once; the result is
// never modified.
var defaultOutcomes = sync.OnceValue(func() outcomes { return parseOutcomes(outcomesData) })

type outcomes struct {
	exact  map[string]string
	prefix [][2]string
	nouns  map[string][2]string // counted noun → (noun it stands for, outcome)
}

func parseOutcomes(data string) outcomes {
	o := outcomes{exact: map[string]string{}, nouns: map[string][2]string{}}
	for _, l := range strings.Split(data, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		class, words, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		if noun, found := strings.CutPrefix(class, "noun "); found {
			if f := strings.Fields(words); len(f) == 2 {
				o.nouns[strings.TrimSpace(noun)] = [2]string{f[0], f[1]}
			}
			continue
		}
		for _, w := range strings.Fields(words) {
			if strings.HasSuffix(w, "*") {
				o.prefix = append(o.prefix, [2]string{strings.TrimSuffix(w, "*"), class})
			} else {
				o.exact[w] = class
			}
		}
	}
	return o
}

func (o outcomes) class(w string) string {
	if c, ok := o.exact[w]; ok {
		return c
	}
	for _, p := range o.prefix {
		if strings.HasPrefix(w, p[0]) {
			return p[1]
		}
	}
	return ""
}

// outcomeOf finds the outcome a number states: first in the words after it
// (up to the next number or ten words: "41 people were killed"), else in the
// few words before it ("killing at least 41").
func (o outcomes) outcomeOf(doc *article.Document, k int, sent [2]int) string {
	n := doc.Numbers[k]
	end := sent[1]
	if k+1 < len(doc.Numbers) && doc.Numbers[k+1].Start < end && doc.Numbers[k+1].Start > n.End {
		end = doc.Numbers[k+1].Start
	}
	after := strings.Fields(strings.ToLower(doc.Body[n.End:end]))
	for i, w := range after {
		if i >= 10 {
			break
		}
		if c := o.class(strings.Trim(w, ".,;:!?\"'“”")); c != "" {
			return c
		}
	}
	start := sent[0]
	if k > 0 && doc.Numbers[k-1].End > start && doc.Numbers[k-1].End < n.Start {
		start = doc.Numbers[k-1].End
	}
	before := strings.Fields(strings.ToLower(doc.Body[start:n.Start]))
	for i := len(before) - 1; i >= 0 && i >= len(before)-6; i-- {
		if c := o.class(strings.Trim(before[i], ".,;:!?\"'“”")); c != "" {
			return c
		}
	}
	return ""
}

// normalise rewrites a counted noun that carries its outcome ("bodies")
// as the noun and outcome it stands for ("people", killed).
func (o outcomes) normalise(it *item) {
	if len(it.counts) == 0 {
		return
	}
	if nv, ok := o.nouns[it.counts[len(it.counts)-1]]; ok {
		it.counts = append(it.counts[:len(it.counts)-1:len(it.counts)-1], nv[0])
		if it.outcome == "" {
			it.outcome = nv[1]
		}
	}
}

type item struct {
	outcome  string // what happened to what is counted: killed, missing, …
	ref      Ref
	kind     string
	lo, hi   float64 // the value, or the range it gives
	class    qualClass
	counts   []string // lemmas of the counted phrase
	ctx      []string // sorted lemmas of the surrounding sentence, counted words removed
	sentence [2]int
	label    string
}

type qualClass int

const (
	exact  qualClass = iota
	lower            // at least, more than, over
	upper            // up to, at most, fewer than
	approx           // about, roughly, some
)

// Find returns the conflicts among the numbers of docs, sorted by their first
// member.
func Find(docs []article.Document, opt Options) []Conflict {
	opt = opt.withDefaults()
	oc := defaultOutcomes()
	var items []item
	for d := range docs {
		seen := map[string]bool{}
		for k, n := range docs[d].Numbers {
			it, ok := prepare(&docs[d], d, k, n)
			if !ok {
				continue
			}
			if it.sentence[0] >= 0 {
				it.outcome = oc.outcomeOf(&docs[d], k, it.sentence)
			}
			oc.normalise(&it)
			// One document repeating the same figure counts once.
			key := n.Text + "\x00" + strings.Join(it.counts, " ") + "\x00" + it.outcome
			if seen[key] {
				continue
			}
			seen[key] = true
			items = append(items, it)
		}
	}
	parent := make([]int, len(items))
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	type edge struct {
		i, j int
		sev  string
	}
	var edges []edge
	post := map[string][]int{}
	stamp := make([]int, len(items))
	for i := range stamp {
		stamp[i] = -1
	}
	for i := range items {
		a := &items[i]
		for _, w := range a.counts {
			key := a.kind + "\x00" + w
			p := post[key]
			for _, j := range p[max(0, len(p)-opt.MaxPostings):] {
				if stamp[j] == i {
					continue
				}
				stamp[j] = i
				if sameThing(a, &items[j], opt) {
					ri, rj := find(i), find(j)
					if ri != rj {
						parent[max(ri, rj)] = min(ri, rj)
					}
					edges = append(edges, edge{j, i, disagree(&items[j], a)})
				}
			}
			post[key] = append(p, i)
		}
	}
	sev := map[int]string{}
	for _, e := range edges {
		r := find(e.i)
		if e.sev == Hard || e.sev == Loose && sev[r] == "" {
			sev[r] = e.sev
		}
	}
	// Groups in order of their first item, sorted stably: the order never
	// depends on map iteration.
	groups := map[int][]int{}
	var roots []int
	for i := range items {
		if r := find(i); sev[r] != "" {
			if _, ok := groups[r]; !ok {
				roots = append(roots, r)
			}
			groups[r] = append(groups[r], i)
		}
	}
	var out []Conflict
	for _, r := range roots {
		g := groups[r]
		c := Conflict{Severity: sev[r]}
		labels := map[string]int{}
		for _, i := range g {
			c.Members = append(c.Members, items[i].ref)
			labels[items[i].label]++
		}
		sort.SliceStable(c.Members, func(i, j int) bool { return lessRef(c.Members[i], c.Members[j]) })
		c.Counts = pickLabel(labels)
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool { return lessRef(out[i].Members[0], out[j].Members[0]) })
	return out
}

func lessRef(a, b Ref) bool {
	return a.Doc < b.Doc || a.Doc == b.Doc && a.Number < b.Number
}

// pickLabel returns the most frequent non-empty label, the shortest and
// then the first in byte order on a tie, so that the choice never depends on
// map iteration; "" only when every label is empty.
func pickLabel(m map[string]int) string {
	best, found := "", false
	for l, n := range m {
		if l == "" {
			continue
		}
		if !found || n > m[best] || n == m[best] && (len(l) < len(best) || len(l) == len(best) && l < best) {
			best, found = l, true
		}
	}
	return best
}

func prepare(doc *article.Document, d, k int, n article.Number) (item, bool) {
	kind := n.Kind
	if kind == "" {
		kind = "count"
	}
	counts := lemmas(n.Counts, nil)
	if len(counts) == 0 && n.Start > 0 && n.Start <= len(doc.Body) {
		// "the toll stood at 41": the noun before the number is what it counts.
		before := strings.Fields(strings.ToLower(doc.Body[max(0, n.Start-40):n.Start]))
		for i := len(before) - 1; i >= 0 && i >= len(before)-4; i-- {
			if w := strings.Trim(before[i], ".,;:"); w == "toll" {
				counts = []string{"toll"}
				break
			}
		}
	}
	if len(counts) == 0 || n.Value <= 0 || kind == "distance" {
		return item{}, false
	}
	it := item{ref: Ref{d, k}, kind: kind, lo: n.Value, hi: n.Value, counts: counts, label: strings.TrimSpace(n.Counts)}
	if n.ValueHigh != nil && *n.ValueHigh > n.Value {
		it.hi = *n.ValueHigh
	}
	q := ""
	if n.Qualifier != nil {
		q = *n.Qualifier
	} else {
		q = leadingWords(n.Text)
	}
	it.class = classify(q)
	drop := map[string]bool{}
	for _, w := range counts {
		drop[w] = true
	}
	if n.Start >= 0 && n.End > n.Start && n.End <= len(doc.Body) {
		lo, hi := sentenceAround(doc.Body, n.Start, n.End)
		it.sentence = [2]int{lo, hi}
		it.ctx = lemmas(doc.Body[lo:hi], drop)
		sort.Strings(it.ctx)
		it.ctx = uniq(it.ctx)
	} else {
		it.sentence = [2]int{-1 - k, -1 - k} // unknown: never the same sentence
	}
	return it, true
}

// sameThing reports whether two numbers count the same thing: same kind,
// counted phrases where one holds the other or the head nouns agree, not
// one sentence's list of parts, values of comparable size, and sentences
// that share context.
func sameThing(a, b *item, opt Options) bool {
	if a.kind != b.kind {
		return false
	}
	if a.ref.Doc == b.ref.Doc && a.sentence == b.sentence {
		return false
	}
	if a.outcome != b.outcome {
		return false // "41 killed" and "60 missing" count different people
	}
	if !subset(a.counts, b.counts) && !subset(b.counts, a.counts) && a.counts[len(a.counts)-1] != b.counts[len(b.counts)-1] {
		return false
	}
	x, y := a.lo, b.lo
	if x > y {
		x, y = y, x
	}
	if y > x*opt.MaxRatio {
		return false
	}
	shared := sortedset.Intersect(a.ctx, b.ctx)
	if a.outcome != "" {
		shared++ // the same outcome ("killed") is shared context too
	}
	return shared >= opt.MinContext
}

// disagree grades two numbers of one counted thing: "" when they can both be
// true, Loose when an approximate value differs, Hard otherwise.
func disagree(a, b *item) string {
	if a.lo <= b.hi && b.lo <= a.hi && (a.lo != a.hi || b.lo != b.hi) {
		return "" // ranges that overlap
	}
	if a.lo == b.lo {
		return ""
	}
	if a.class == approx || b.class == approx {
		return Loose
	}
	consistent := func(p, q *item) bool { // p exact, q bounded
		switch q.class {
		case lower:
			return p.lo >= q.lo
		case upper:
			return p.lo <= q.lo
		}
		return false
	}
	switch {
	case a.class == exact && b.class == exact:
		return Hard
	case a.class == exact:
		if consistent(a, b) {
			return ""
		}
		return Hard
	case b.class == exact:
		if consistent(b, a) {
			return ""
		}
		return Hard
	case a.class == b.class:
		return "" // two lower (or two upper) bounds never contradict
	}
	l, u := a, b
	if a.class == upper {
		l, u = b, a
	}
	if l.lo <= u.lo {
		return ""
	}
	return Hard
}

func classify(q string) qualClass {
	q = strings.ToLower(strings.TrimSpace(q))
	switch q {
	case "", "exactly", "precisely", "just":
		return exact
	case "at least", "more than", "over", "upwards of", "no fewer than", "no less than", "in excess of", "above", "at minimum":
		return lower
	case "up to", "at most", "fewer than", "less than", "under", "no more than", "below", "as many as", "a maximum of":
		return upper
	}
	return approx
}

// leadingWords returns the words before the first digit of a number's text:
// its qualifier when the extractor gave none.
func leadingWords(text string) string {
	i := strings.IndexFunc(text, unicode.IsDigit)
	if i < 0 {
		return ""
	}
	return strings.TrimRight(strings.TrimSpace(text[:i]), "$€£")
}

// sentenceAround returns the bounds of the sentence holding [start, end).
func sentenceAround(body string, start, end int) (int, int) {
	lo := start
	for lo > 0 && start-lo < 500 {
		c := body[lo-1]
		if c == '\n' || c == ' ' && lo >= 2 && strings.IndexByte(".!?", body[lo-2]) >= 0 {
			break
		}
		lo--
	}
	hi := end
	for hi < len(body) && hi-end < 500 {
		c := body[hi]
		if c == '\n' {
			break
		}
		hi++
		if strings.IndexByte(".!?", c) >= 0 && (hi == len(body) || body[hi] == ' ' || body[hi] == '\n') {
			break
		}
	}
	return lo, hi
}

// lemmas returns the lower-cased, singular content words of s, without the
// words in drop.
func lemmas(s string, drop map[string]bool) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '-'
	}) {
		w = strings.Trim(w, "-")
		if len(w) < 2 || isStop(w) {
			continue
		}
		w = singular(w)
		if drop[w] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// singular strips a plural ending.
func singular(w string) string {
	switch {
	case len(w) <= 3, strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

func isStop(w string) bool {
	switch w {
	case "the", "an", "and", "or", "but", "of", "in", "on", "at", "by", "for", "from", "to", "into",
		"with", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "it",
		"its", "this", "that", "these", "those", "there", "their", "they", "them", "he", "she", "his",
		"her", "we", "our", "you", "your", "who", "which", "what", "when", "where", "than", "then",
		"so", "not", "no", "about", "some", "more", "most", "least", "up", "over", "under",
		"said", "says", "say", "according", "also", "all", "any", "other", "such", "only", "just",
		"would", "could", "should", "will", "can", "may", "might", "must", "do", "does", "did",
		"including", "while", "after", "before", "since", "last", "year", "years", "time":
		return true
	}
	return false
}

func uniq(s []string) []string {
	k := 0
	for i, v := range s {
		if i == 0 || v != s[k-1] {
			s[k] = v
			k++
		}
	}
	return s[:k]
}

func subset(a, b []string) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
