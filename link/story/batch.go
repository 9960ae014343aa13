package story

import (
	"cmp"
	"slices"
)

// Batch clusters a corpus given one article at a time, in two passes like
// Cluster but without holding the articles: Add extracts an article's
// features and keeps only its feature counts, date and ID; Stories learns
// the document frequencies from everything added, then clusters the
// articles in order of (Date, ID). With SpillTo, the feature counts wait in
// a temporary file too, and memory per article is its ID, date and a file
// offset. A Batch is not safe for concurrent use.
type Batch struct {
	c    *Clusterer
	ms   []member
	date []string
}

// NewBatch returns an empty Batch with parameters p (zero fields take their
// defaults).
func NewBatch(p Params) *Batch {
	return &Batch{c: NewClusterer(p)}
}

// SpillTo keeps feature counts in a temporary file in dir; call it before
// the first Add. Stories removes the file.
func (b *Batch) SpillTo(dir string) error {
	sp, err := newSpill(dir)
	if err != nil {
		return err
	}
	b.c.spill = sp
	return nil
}

// Add counts d's features; d's text is not kept.
func (b *Batch) Add(d Doc) {
	m := b.c.count(d)
	if b.c.spill != nil {
		m = b.c.spill.put(m)
	}
	b.ms = append(b.ms, m)
	b.date = append(b.date, d.Date)
}

// Len returns the number of articles added.
func (b *Batch) Len() int { return len(b.ms) }

// Stories clusters the articles added so far and returns the stories,
// largest first. Call it once: it lets go of everything the Batch held.
func (b *Batch) Stories() ([]Story, error) {
	order := make([]int, len(b.ms))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		return cmp.Or(cmp.Compare(b.date[x], b.date[y]), cmp.Compare(b.ms[x].id, b.ms[y].id))
	})
	for _, i := range order {
		m := b.c.features(b.ms[i])
		b.ms[i] = member{} // the cluster holds it from here on
		b.c.recount(m)
		b.c.assign(m, b.c.reweight(m, nil))
	}
	b.ms, b.date = nil, nil
	c := b.c
	b.c = nil // the clusters and their centroids are garbage from here on
	out := c.Stories()
	if sp := c.spill; sp != nil {
		c.spill = nil
		err := sp.err
		if cerr := sp.close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
