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
	Pairs() ([]minhash.Pair, error)
}

// StoryFinder groups a stream of documents into stories.
type StoryFinder interface {
	// Add sees document i (numbered from 0 in order of addition).
	Add(i int, d *article.Document)
	// Stories returns the stories, naming documents by their Doc field.
	Stories() ([]Story, error)
}

// MinHashDuplicates returns a DuplicateFinder that pairs documents whose
// estimated Jaccard similarity of word shingles reaches threshold (MinHash
// with LSH banding: near-linear in the number of documents). With tempDir
// set, signatures go to a temporary file there and 128 bytes of band keys
// stay in memory per document; otherwise the 512-byte signatures stay too.
// Pairs removes the file.
func MinHashDuplicates(threshold float64, tempDir string) (DuplicateFinder, error) {
	p := minhash.DefaultParams()
	p.Threshold = threshold
	ix, err := minhash.NewIndex(p)
	if err != nil {
		return nil, err
	}
	if tempDir != "" {
		if err := ix.SpillTo(tempDir); err != nil {
			return nil, err
		}
	}
	return &minhashFinder{ix: ix}, nil
}

type minhashFinder struct {
	ix  *minhash.Index
	err error
}

func (f *minhashFinder) Add(i int, d *article.Document) {
	if f.err == nil {
		f.err = f.ix.Add(i, d.Body)
	}
}

func (f *minhashFinder) Pairs() ([]minhash.Pair, error) {
	ix := f.ix
	f.ix = nil // signatures and band keys are garbage once paired
	defer ix.Close()
	if f.err != nil {
		return nil, f.err
	}
	return ix.Pairs()
}

// StoryClusters returns a StoryFinder that clusters documents by event
// with package story, keeping only each document's feature counts: in
// memory, or with tempDir set in a temporary file there (removed by
// Stories).
func StoryClusters(p story.Params, tempDir string) (StoryFinder, error) {
	b := story.NewBatch(p)
	if tempDir != "" {
		if err := b.SpillTo(tempDir); err != nil {
			return nil, err
		}
	}
	return storyFinder{b}, nil
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

func (f storyFinder) Stories() ([]Story, error) {
	st, err := f.b.Stories()
	if err != nil {
		return nil, err
	}
	var out []Story
	for _, s := range st {
		out = append(out, Story{Label: s.Label, Docs: s.Docs})
	}
	return out, nil
}

// FixedStories returns a StoryFinder that ignores the documents and gives
// stories: for callers who group documents themselves.
func FixedStories(stories []Story) StoryFinder { return fixedStories(stories) }

type fixedStories []Story

func (fixedStories) Add(int, *article.Document)  {}
func (f fixedStories) Stories() ([]Story, error) { return f, nil }

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

// Normalize returns d with empty rather than nil list fields, so that
// they print as [] and not null: what a Linker does to every document it
// is given, for pipelines that write documents themselves.
func Normalize(d article.Document) article.Document {
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

// coverageIn returns the coverage of an item carried by the documents
// idx of group: which of them carry it, and which of the others leave it
// out. A group is one story, or the whole corpus without stories.
func coverageIn(group []article.Document, idx []int) Coverage {
	carried := make([]bool, len(group))
	for _, i := range idx {
		carried[i] = true
	}
	cov := Coverage{CarriedBy: []string{}, MissingFrom: []string{}}
	for i, d := range group {
		if carried[i] {
			cov.CarriedBy = append(cov.CarriedBy, d.Doc)
		} else {
			cov.MissingFrom = append(cov.MissingFrom, d.Doc)
		}
	}
	return cov
}
