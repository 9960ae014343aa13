// Package story groups articles about the same real-world event into
// stories.
//
// Each article becomes a TF-IDF vector (sublinear term frequency, inverse
// document frequency learned from the articles themselves) over its content
// words plus heavily weighted name-like tokens (capitalised words and
// sequences confirmed mid-sentence, or the caller's entities) and numbers
// with the words they count. Topic words alone are weak evidence: two
// earthquakes in one week share "quake", "magnitude" and "killed" but not
// their places, dates and figures, so they end up in different stories.
//
// Clustering is single-pass and online, as in the news-stream clustering
// literature (Miranda et al. 2018; Laban & Hearst 2017): each article is
// compared only with the clusters that share one of its most distinctive
// features (an inverted index from rare features to clusters), joins the
// cluster with the highest group-average cosine similarity when it reaches
// a threshold and starts a new cluster otherwise. Stories then merges close
// clusters (group average, candidates again from the inverted index), which
// yields topic-level groups, and splits each group with a local inverse
// document frequency learned inside the group: the words all its articles
// share (the topic) lose their weight, and the places, people and figures
// that tell one incident from another decide. Cost is near-linear in the
// number of articles for bounded story sizes.
package story

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Doc is one article to cluster.
type Doc struct {
	ID       string
	Title    string
	Body     string
	Date     string   // ISO 8601 (YYYY-MM-DD) when known; used only for ordering
	Entities []string // optional names; when empty, name-like tokens are derived from Body
}

// Story is a group of articles about one event.
type Story struct {
	Label string   // the most distinctive terms of the story
	Docs  []string // document IDs, sorted
}

// Params tunes the clustering. The zero value of a field means its default;
// DefaultParams gives them all.
type Params struct {
	Join        float64 // mean cosine to a cluster's articles needed to join it (default 0.20)
	Merge       float64 // mean cosine between two clusters' articles needed to merge them (default 0.10)
	NameWeight  float64 // weight of name-like tokens relative to content words (default 3)
	NumWeight   float64 // weight of numbers (default 1.5)
	TitleBoost  int     // times the title's features are counted (default 2)
	BlockTerms  int     // most distinctive features of an article used to find candidate clusters (default 12)
	MaxPostings int     // clusters listed per blocking feature; older ones drop out (default 64)
	Background  float64 // pseudo-documents without the feature added to every idf, so a small batch about one story keeps weight on what all its articles share (default 20)
	Split       float64 // group-average similarity, under local weights, that keeps articles together when a coarse group is split (default 0.07)
	LocalSmooth float64 // added to local document frequencies (default 3)
	MaxRefine   int     // largest coarse group that is split (default 500)
	MaxFeatures int     // largest number of features kept in a centroid (default 400)
}

// DefaultParams returns the default parameters.
func DefaultParams() Params {
	return Params{
		Join: 0.20, Merge: 0.10, NameWeight: 3, NumWeight: 1.5, TitleBoost: 2,
		Background: 20, Split: 0.07, LocalSmooth: 3, MaxRefine: 500,
		BlockTerms: 12, MaxPostings: 64, MaxFeatures: 400,
	}
}

func (p Params) withDefaults() Params {
	d := DefaultParams()
	p.Join = cmp.Or(p.Join, d.Join)
	p.Merge = cmp.Or(p.Merge, d.Merge)
	p.NameWeight = cmp.Or(p.NameWeight, d.NameWeight)
	p.NumWeight = cmp.Or(p.NumWeight, d.NumWeight)
	p.TitleBoost = cmp.Or(p.TitleBoost, d.TitleBoost)
	p.BlockTerms = cmp.Or(p.BlockTerms, d.BlockTerms)
	p.MaxPostings = cmp.Or(p.MaxPostings, d.MaxPostings)
	p.MaxFeatures = cmp.Or(p.MaxFeatures, d.MaxFeatures)
	p.Split = cmp.Or(p.Split, d.Split)
	p.Background = cmp.Or(p.Background, d.Background)
	p.LocalSmooth = cmp.Or(p.LocalSmooth, d.LocalSmooth)
	p.MaxRefine = cmp.Or(p.MaxRefine, d.MaxRefine)
	return p
}

// Cluster groups docs into stories. It is a thin wrapper over Clusterer:
// the document frequencies are learned from all docs first, then the docs
// are added in order of (Date, ID), so the result does not depend on the
// order of docs. Stories come largest first.
func Cluster(docs []Doc, p Params) []Story {
	c := NewClusterer(p)
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(docs[a].Date, docs[b].Date), cmp.Compare(docs[a].ID, docs[b].ID))
	})
	for _, i := range order {
		c.Observe(docs[i])
	}
	for _, i := range order {
		c.Add(docs[i])
	}
	return c.Stories()
}

// vec is a sparse vector sorted by feature id.
type vec struct {
	ids []uint32
	ws  []float32
}

// cluster is one story being built.
type cluster struct {
	docs     []member
	centroid map[uint32]float64 // sum of the unit vectors of its documents
	merged   int                // index of the cluster it was merged into, or -1
}

// Clusterer groups a stream of articles into stories. Add articles one at a
// time; Stories returns the grouping so far. Memory per article is its ID
// and its feature counts (kept for the final split), never its text. A Clusterer is not
// safe for concurrent use.
type Clusterer struct {
	p        Params
	featID   map[string]uint32
	form     []string  // surface form per feature id
	kinds    []kind    // kind per feature id
	df       []float64 // document frequency per feature id
	n        float64   // documents counted into df
	clusters []*cluster
	postings map[uint32][]int // feature id → clusters (most recent last)
	scratch  []feature
}

// NewClusterer returns an empty Clusterer with parameters p (zero fields
// take their defaults).
func NewClusterer(p Params) *Clusterer {
	return &Clusterer{
		p:        p.withDefaults(),
		featID:   map[string]uint32{},
		postings: map[uint32][]int{},
	}
}

// Observe counts d into the document frequencies without clustering it:
// use it to learn term rarity from a batch before adding it, or from a
// background corpus. Add counts documents too, so observing and then adding
// the same batch leaves the rarity estimates unchanged.
func (c *Clusterer) Observe(d Doc) {
	c.countDF(c.features(d))
}

func (c *Clusterer) features(d Doc) []feature {
	c.scratch = extract(d.Title, d.Body, d.Entities, c.p.TitleBoost)
	return c.scratch
}

// countDF adds one document's distinct features to the document
// frequencies and returns their ids with term counts, sorted by id.
func (c *Clusterer) countDF(fs []feature) (ids []uint32, tf []float64) {
	counts := map[uint32]float64{}
	for _, f := range fs {
		id, ok := c.featID[f.key]
		if !ok {
			id = uint32(len(c.form))
			c.featID[f.key] = id
			c.form = append(c.form, f.form)
			c.kinds = append(c.kinds, f.kind)
			c.df = append(c.df, 0)
		}
		counts[id]++
	}
	ids = make([]uint32, 0, len(counts))
	for id := range counts {
		ids = append(ids, id)
		c.df[id]++
	}
	slices.Sort(ids)
	tf = make([]float64, len(ids))
	for i, id := range ids {
		tf[i] = counts[id]
	}
	c.n++
	return ids, tf
}

func (c *Clusterer) idf(id uint32) float64 {
	return math.Log((c.n + c.p.Background + 1) / (c.df[id] + 1))
}

func (c *Clusterer) kindWeight(k kind) float64 {
	switch k {
	case kindName:
		return c.p.NameWeight
	case kindNumber:
		return c.p.NumWeight
	}
	return 1
}

// Add assigns d to the most similar story among those sharing one of its
// distinctive features, or starts a new story.
func (c *Clusterer) Add(d Doc) {
	v, m := c.vector(d)
	c.assign(m, v)
}

// member is a clustered document: its ID and raw term counts, kept so the
// final pass can reweight it.
type member struct {
	id  string
	ids []uint32
	tf  []float32
}

// vector counts d into the document frequencies and returns its unit
// TF-IDF vector.
func (c *Clusterer) vector(d Doc) (vec, member) {
	ids, tf := c.countDF(c.features(d))
	m := member{id: d.ID, ids: ids, tf: make([]float32, len(tf))}
	for i, x := range tf {
		m.tf[i] = float32(x)
	}
	v := vec{ids: ids, ws: make([]float32, len(ids))}
	var norm float64
	for i, id := range ids {
		w := (1 + math.Log(tf[i])) * c.idf(id) * c.kindWeight(c.kinds[id])
		v.ws[i] = float32(w)
		norm += w * w
	}
	if norm > 0 {
		inv := 1 / math.Sqrt(norm)
		for i := range v.ws {
			v.ws[i] *= float32(inv)
		}
	}
	return v, m
}

// assign puts document m with unit vector v into a cluster.
func (c *Clusterer) assign(m member, v vec) {
	block := c.blockingFeatures(v)
	best, bestSim := -1, 0.0
	for _, ci := range c.candidates(block) {
		cl := c.clusters[ci]
		if s := c.docSim(v, cl); s > bestSim || s == bestSim && ci < best {
			best, bestSim = ci, s
		}
	}
	if best < 0 || bestSim < c.p.Join {
		best = len(c.clusters)
		c.clusters = append(c.clusters, &cluster{centroid: map[uint32]float64{}, merged: -1})
	}
	cl := c.clusters[best]
	c.addToCentroid(cl, v)
	cl.docs = append(cl.docs, m)
	for _, f := range block {
		c.post(f, best)
	}
}

// docSim is the group-average similarity of a unit vector to a cluster's
// documents: the mean cosine, computed from the sum of their vectors.
func (c *Clusterer) docSim(v vec, cl *cluster) float64 {
	return dotMap(v, cl.centroid) / float64(len(cl.docs))
}

// addToCentroid adds unit vector v to cl's centroid, pruning the centroid to
// its MaxFeatures heaviest entries when it grows past twice that.
func (c *Clusterer) addToCentroid(cl *cluster, v vec) {
	for i, id := range v.ids {
		cl.centroid[id] += float64(v.ws[i])
	}
	if len(cl.centroid) > 2*c.p.MaxFeatures {
		ids := sortedKeys(cl.centroid)
		slices.SortStableFunc(ids, func(a, b uint32) int { return cmp.Compare(cl.centroid[b], cl.centroid[a]) })
		for _, id := range ids[c.p.MaxFeatures:] {
			delete(cl.centroid, id)
		}
	}
}

// blockingFeatures returns the ids of v's BlockTerms heaviest features.
func (c *Clusterer) blockingFeatures(v vec) []uint32 {
	idx := make([]int, len(v.ids))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(v.ws[b], v.ws[a]) })
	if len(idx) > c.p.BlockTerms {
		idx = idx[:c.p.BlockTerms]
	}
	out := make([]uint32, len(idx))
	for i, j := range idx {
		out[i] = v.ids[j]
	}
	return out
}

// candidates returns the live clusters listed under any of the features.
func (c *Clusterer) candidates(feats []uint32) []int {
	var out []int
	for _, f := range feats {
		for _, ci := range c.postings[f] {
			out = append(out, c.live(ci))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// live follows merges to the cluster that now holds ci's documents.
func (c *Clusterer) live(ci int) int {
	for c.clusters[ci].merged >= 0 {
		ci = c.clusters[ci].merged
	}
	return ci
}

func (c *Clusterer) post(f uint32, ci int) {
	ps := c.postings[f]
	if len(ps) > 0 && ps[len(ps)-1] == ci {
		return
	}
	if i := slices.Index(ps, ci); i >= 0 {
		ps = slices.Delete(ps, i, i+1)
	}
	ps = append(ps, ci)
	if len(ps) > c.p.MaxPostings {
		ps = slices.Delete(ps, 0, len(ps)-c.p.MaxPostings)
	}
	c.postings[f] = ps
}

// Stories merges close clusters (agglomeratively, most similar pair first,
// candidates found through the inverted index) and returns the stories,
// largest first, then by first document ID. Merges are kept: later Adds
// see the merged clusters.
func (c *Clusterer) Stories() []Story {
	c.mergePass()
	var out []Story
	for _, cl := range c.clusters {
		if cl.merged >= 0 || len(cl.docs) == 0 {
			continue
		}
		for _, g := range c.refine(cl.docs) {
			docs := make([]string, len(g))
			for i, m := range g {
				docs[i] = m.id
			}
			slices.Sort(docs)
			out = append(out, Story{Label: c.label(g), Docs: docs})
		}
	}
	slices.SortFunc(out, func(a, b Story) int {
		return cmp.Or(cmp.Compare(len(b.Docs), len(a.Docs)), cmp.Compare(a.Docs[0], b.Docs[0]))
	})
	return out
}

type mergeCand struct {
	a, b int
	sim  float64
}

// mergePass merges clusters whose centroid cosine reaches Merge, repeating
// until no pair qualifies. Candidate pairs share a heavy centroid feature.
func (c *Clusterer) mergePass() {
	for {
		var cands []mergeCand
		for ai, a := range c.clusters {
			if a.merged >= 0 {
				continue
			}
			cv := c.centroidVec(a)
			for _, bi := range c.candidates(c.blockingFeatures(cv)) {
				if bi <= ai {
					continue
				}
				b := c.clusters[bi]
				// group average: mean cosine over all cross pairs
				s := dotMap(cv, b.centroid) / float64(len(a.docs)*len(b.docs))
				if s >= c.p.Merge {
					cands = append(cands, mergeCand{ai, bi, s})
				}
			}
		}
		if len(cands) == 0 {
			return
		}
		slices.SortFunc(cands, func(x, y mergeCand) int {
			return cmp.Or(cmp.Compare(y.sim, x.sim), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
		})
		touched := map[int]bool{}
		for _, m := range cands {
			if touched[m.a] || touched[m.b] {
				continue
			}
			touched[m.a], touched[m.b] = true, true
			c.merge(m.a, m.b)
		}
	}
}

// merge moves cluster b into cluster a.
func (c *Clusterer) merge(ai, bi int) {
	a, b := c.clusters[ai], c.clusters[bi]
	for _, id := range sortedKeys(b.centroid) {
		a.centroid[id] += b.centroid[id]
	}
	a.docs = append(a.docs, b.docs...)
	b.docs, b.centroid, b.merged = nil, nil, ai
	cv := c.centroidVec(a)
	for _, f := range c.blockingFeatures(cv) {
		c.post(f, ai)
	}
}

// centroidVec returns a cluster's centroid as a sorted sparse vector.
func (c *Clusterer) centroidVec(cl *cluster) vec { return vecOf(cl.centroid) }

func vecOf(m map[uint32]float64) vec {
	ids := sortedKeys(m)
	v := vec{ids: ids, ws: make([]float32, len(ids))}
	for i, id := range ids {
		v.ws[i] = float32(m[id])
	}
	return v
}

// label names a cluster by its three heaviest centroid features, preferring
// names and numbers.
func (c *Clusterer) label(g []member) string {
	sum := map[uint32]float64{}
	for _, m := range g {
		v := c.reweight(m, nil)
		for i, id := range v.ids {
			sum[id] += float64(v.ws[i])
		}
	}
	top := c.blockingFeatures(vecOf(sum))
	var parts []string
	seen := map[string]bool{}
	for _, id := range top {
		f := c.form[id]
		lf := strings.ToLower(f)
		if seen[lf] {
			continue
		}
		// Skip a word already inside a longer chosen name.
		dup := false
		for _, p := range parts {
			if strings.Contains(strings.ToLower(p), lf) {
				dup = true
			}
		}
		if dup {
			continue
		}
		seen[lf] = true
		parts = append(parts, f)
		if len(parts) == 3 {
			break
		}
	}
	return strings.Join(parts, ", ")
}

func dot(a, b vec) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			s += float64(a.ws[i]) * float64(b.ws[j])
			i++
			j++
		}
	}
	return s
}

func dotMap(v vec, m map[uint32]float64) float64 {
	var s float64
	for i, id := range v.ids {
		if w, ok := m[id]; ok {
			s += float64(v.ws[i]) * w
		}
	}
	return s
}

func sortedKeys(m map[uint32]float64) []uint32 {
	ids := make([]uint32, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
