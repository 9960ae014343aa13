// Package link is hearsay's cross-document stage: given the per-document
// records of a corpus it links the same quotations, claims and counted
// things across articles, finds disagreeing numbers and traces who relays
// whom, and returns it all as one Corpus.
package link

import (
	"context"
	"sort"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/link/align"
	"github.com/hearsaylab/hearsay/link/conflict"
	"github.com/hearsaylab/hearsay/link/minhash"
	"github.com/hearsaylab/hearsay/link/story"
)

// Options configures a Linker or Analyze. The zero value runs every
// built-in stage with its defaults, leaves duplicates and stories empty and
// links the whole corpus as one group.
type Options struct {
	// Duplicates, when set, finds near-identical documents. It is fed every
	// document and used by one Linker only.
	Duplicates DuplicateFinder
	// Stories, when set, groups documents by story; quotations, claims and
	// numbers are then linked within each story, and coverage is counted
	// within a story instead of the whole corpus. Used by one Linker only.
	Stories StoryFinder
	// Lexicon is the synonym lexicon for alignment; nil loads the embedded
	// one. Pass one to reuse it across calls.
	Lexicon *align.Lexicon
	// Align tunes quote and claim alignment.
	Align align.Options
	// Conflict tunes number-conflict detection.
	Conflict conflict.Options
	// TempDir, when set, is where a Linker keeps documents and clusters
	// while it works; when empty it keeps them in memory.
	TempDir string
	// Workers is the number of stories linked in parallel (0: one per CPU).
	Workers int
}

// DuplicateFinder finds near-identical documents in a stream of them.
type DuplicateFinder interface {
	// Add sees document i (numbered from 0 in order of addition).
	Add(i int, d *article.Document)
	// Pairs returns the near-identical pairs, by document number.
	Pairs() []minhash.Pair
}

// StoryFinder groups a stream of documents into stories.
type StoryFinder interface {
	// Add sees document i (numbered from 0 in order of addition).
	Add(i int, d *article.Document)
	// Stories returns the stories, naming documents by their Doc field.
	Stories() []Story
}

// MinHashDuplicates returns a DuplicateFinder that pairs documents whose
// estimated Jaccard similarity of word shingles reaches threshold (MinHash
// with LSH banding: near-linear in the number of documents, 512 bytes kept
// per document).
func MinHashDuplicates(threshold float64) (DuplicateFinder, error) {
	p := minhash.DefaultParams()
	p.Threshold = threshold
	ix, err := minhash.NewIndex(p)
	if err != nil {
		return nil, err
	}
	return minhashFinder{ix}, nil
}

type minhashFinder struct{ ix *minhash.Index }

func (f minhashFinder) Add(i int, d *article.Document) { f.ix.Add(i, d.Body) }
func (f minhashFinder) Pairs() []minhash.Pair          { return f.ix.Pairs() }

// StoryClusters returns a StoryFinder that clusters documents by event
// with package story, keeping only each document's feature counts.
func StoryClusters(p story.Params) StoryFinder {
	return storyFinder{story.NewBatch(p)}
}

type storyFinder struct{ b *story.Batch }

func (f storyFinder) Add(_ int, d *article.Document) {
	sd := story.Doc{ID: d.Doc, Body: d.Body}
	if d.Title != nil {
		sd.Title = *d.Title
	}
	if d.Date != nil {
		sd.Date = *d.Date
	}
	f.b.Add(sd)
}

func (f storyFinder) Stories() []Story {
	var out []Story
	for _, s := range f.b.Stories() {
		out = append(out, Story{Label: s.Label, Docs: s.Docs})
	}
	return out
}

// FixedStories returns a StoryFinder that ignores the documents and gives
// stories: for callers who group documents themselves.
func FixedStories(stories []Story) StoryFinder { return fixedStories(stories) }

type fixedStories []Story

func (fixedStories) Add(int, *article.Document) {}
func (f fixedStories) Stories() []Story         { return f }

// Analyze links docs into a Corpus, in memory. The output depends only on
// docs and opt: clusters come story by story, members by document order.
func Analyze(docs []article.Document, opt Options) Corpus {
	opt.TempDir = ""
	l, err := NewLinker(opt)
	if err != nil {
		panic(err) // in memory: nothing can fail
	}
	for _, d := range docs {
		if err := l.Add(d); err != nil {
			panic(err)
		}
	}
	r, err := l.Finish(context.Background())
	if err != nil {
		panic(err)
	}
	c, err := r.Corpus()
	if err != nil {
		panic(err)
	}
	return c
}

// linkGroups returns the sets of document indices within which quotations,
// claims and numbers are linked: each story of two or more documents, or —
// when no story finder was given — the whole corpus.
func linkGroups(names []string, stories []Story, haveStories bool) [][]int {
	if !haveStories {
		all := make([]int, len(names))
		for i := range all {
			all[i] = i
		}
		return [][]int{all}
	}
	byName := indexNames(names)
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

// indexNames maps each document name to its first index.
func indexNames(names []string) map[string]int {
	byName := make(map[string]int, len(names))
	for i, n := range names {
		if _, ok := byName[n]; !ok {
			byName[n] = i
		}
	}
	return byName
}

// withEmptyLists returns d with empty rather than nil list fields, so that
// they print as [] and not null.
func withEmptyLists(d article.Document) article.Document {
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
	return d
}

// coverer answers which documents of a story leave out a linked item. It
// is read-only after newCoverer and safe for concurrent use.
type coverer struct {
	names   []string
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

func newCoverer(names []string, stories []Story) coverer {
	byName := indexNames(names)
	cv := coverer{names: names, byDoc: make([][]int, len(names))}
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
		scope = make([]int, len(cv.names))
		for i := range scope {
			scope[i] = i
		}
	}
	cov := Coverage{CarriedBy: []string{}, MissingFrom: []string{}}
	for _, i := range in {
		cov.CarriedBy = append(cov.CarriedBy, cv.names[i])
	}
	for _, i := range scope {
		if !carried[i] {
			cov.MissingFrom = append(cov.MissingFrom, cv.names[i])
		}
	}
	return cov
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }
