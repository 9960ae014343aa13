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
// compared only with the clusters that share its most distinctive features
// (an inverted index from those features to the clusters that recently used
// them), at most MaxCandidates of them, those sharing the most weight; it
// joins the cluster with the highest group-average cosine similarity when
// it reaches a threshold and starts a new cluster otherwise. Stories then
// merges close clusters (group average, candidates again from the inverted
// index), which yields topic-level groups, and splits each group with a
// local inverse document frequency learned inside the group: the words all
// its articles share (the topic) lose their weight, and the places, people
// and figures that tell one incident from another decide.
//
// Cost is near-linear in the number of articles: an article is compared
// with a bounded number of clusters (BlockTerms features, MaxPostings
// clusters per feature, MaxCandidates scored), centroids are sparse vectors
// of at most 2·MaxFeatures entries scored against a dense copy of the
// article, the merge pass rescores only pairs whose clusters changed, and
// the split of a group of n articles takes O(n²) time.
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
	Join          float64 // mean cosine to a cluster's articles needed to join it (default 0.20)
	Merge         float64 // mean cosine between two clusters' articles needed to merge them (default 0.10)
	NameWeight    float64 // weight of name-like tokens relative to content words (default 3)
	NumWeight     float64 // weight of numbers (default 1.5)
	TitleBoost    int     // times the title's features are counted (default 2)
	BlockTerms    int     // most distinctive features of an article used to find candidate clusters (default 12)
	MaxPostings   int     // clusters listed per blocking feature; older ones drop out (default 16)
	Background    float64 // pseudo-documents without the feature added to every idf, so a small batch about one story keeps weight on what all its articles share (default 20)
	Split         float64 // group-average similarity, under local weights, that keeps articles together when a coarse group is split (default 0.07)
	LocalSmooth   float64 // added to local document frequencies (default 3)
	MaxRefine     int     // largest coarse group that is split (default 500)
	MaxFeatures   int     // largest number of features kept in a centroid (default 400)
	MaxCandidates int     // clusters an article (in the merge pass, a cluster) is compared with: those sharing the most blocking weight (default 8)
}

// DefaultParams returns the default parameters.
func DefaultParams() Params {
	return Params{
		Join: 0.20, Merge: 0.10, NameWeight: 3, NumWeight: 1.5, TitleBoost: 2,
		Background: 20, Split: 0.07, LocalSmooth: 3, MaxRefine: 500,
		BlockTerms: 12, MaxPostings: 16, MaxFeatures: 400, MaxCandidates: 8,
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
	p.MaxCandidates = cmp.Or(p.MaxCandidates, d.MaxCandidates)
	p.Split = cmp.Or(p.Split, d.Split)
	p.Background = cmp.Or(p.Background, d.Background)
	p.LocalSmooth = cmp.Or(p.LocalSmooth, d.LocalSmooth)
	p.MaxRefine = cmp.Or(p.MaxRefine, d.MaxRefine)
	return p
}

// Cluster groups docs into stories. It is a thin wrapper over Clusterer:
// the document frequencies are learned from all docs first, then the docs
// are added in order of (Date, ID), so the result does not depend on the
// order of docs. Each document's features are extracted once: the counts
// from the learning pass are kept and added, which gives the same result as
// Observe followed by Add. Stories come largest first.
func Cluster(docs []Doc, p Params) []Story {
	c := NewClusterer(p)
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(docs[a].Date, docs[b].Date), cmp.Compare(docs[a].ID, docs[b].ID))
	})
	ms := make([]member, len(order))
	for k, i := range order {
		ms[k] = c.count(docs[i])
	}
	for _, m := range ms {
		c.recount(m)
		c.assign(m, c.reweight(m, nil))
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
	docs []member
	// centroid is the sum of the unit vectors of its documents, as a
	// sparse vector sorted by feature id.
	ids   []uint32
	ws    []float64
	block vec   // blocking features of the centroid, empty until needed or after a change
	tops  []int // the clusters it was last compared with in the merge pass
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
	merged   []int32   // per cluster: the cluster it was merged into, or -1
	postings [][]int32 // per feature id: clusters that used it for blocking (most recent last)

	// Scratch space, reused between calls.
	dense    []float64 // per feature id: the weights of the vector being compared, zero elsewhere
	seen     []uint32  // per cluster: the topCandidates call that last listed it
	seenGen  uint32
	evidence []float64 // per cluster: blocking evidence, in topCandidates
	cands    []int     // the result of topCandidates
	fids     []uint32  // feature ids of one document, before counting
	ex       extractor // buffers of feature extraction

	spill *spill // where members' features wait, when set
}

// NewClusterer returns an empty Clusterer with parameters p (zero fields
// take their defaults).
func NewClusterer(p Params) *Clusterer {
	return &Clusterer{
		p:      p.withDefaults(),
		featID: map[string]uint32{},
	}
}

// Observe counts d into the document frequencies without clustering it:
// use it to learn term rarity from a batch before adding it, or from a
// background corpus. Add counts documents too, so observing and then adding
// the same batch leaves the rarity estimates unchanged.
func (c *Clusterer) Observe(d Doc) {
	c.count(d)
}

// count extracts d's features, counts them into the document frequencies
// and returns d as a member: its distinct feature ids, sorted, with their
// term counts.
func (c *Clusterer) count(d Doc) member {
	fs := c.ex.extract(d.Title, d.Body, d.Entities, c.p.TitleBoost)
	ids := c.fids[:0]
	for _, f := range fs {
		id, ok := c.featID[f.key]
		if !ok {
			id = uint32(len(c.form))
			c.featID[f.key] = id
			c.form = append(c.form, f.form)
			c.kinds = append(c.kinds, f.kind)
			c.df = append(c.df, 0)
			c.postings = append(c.postings, nil)
		}
		ids = append(ids, id)
	}
	c.fids = ids
	slices.Sort(ids)
	distinct := 0
	for i, id := range ids {
		if i == 0 || id != ids[i-1] {
			distinct++
		}
	}
	// Exact sizes: a streaming corpus keeps every member until Stories.
	m := member{id: d.ID, ids: make([]uint32, 0, distinct), tf: make([]float32, 0, distinct)}
	for i, id := range ids {
		if i > 0 && id == ids[i-1] {
			m.tf[len(m.tf)-1]++
			continue
		}
		m.ids = append(m.ids, id)
		m.tf = append(m.tf, 1)
	}
	c.recount(m)
	return m
}

// recount counts an already extracted document into the document
// frequencies once more.
func (c *Clusterer) recount(m member) {
	for _, id := range m.ids {
		c.df[id]++
	}
	c.n++
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
	m := c.count(d)
	c.assign(m, c.reweight(m, nil))
}

// member is a clustered document: its ID and raw term counts, kept so the
// final pass can reweight it.
type member struct {
	id  string
	ids []uint32
	tf  []float32
	off int64 // where the features are in the spill file, when they are there and not here
}

// assign puts document m with unit vector v into a cluster.
func (c *Clusterer) assign(m member, v vec) {
	block := c.blockingFeatures(v)
	best, bestSim := -1, 0.0
	if cands := c.topCandidates(block); len(cands) > 0 {
		c.scatter(v.ids, func(i int) float64 { return float64(v.ws[i]) })
		for _, ci := range cands {
			cl := c.clusters[ci]
			// group average: the mean cosine to the cluster's documents
			if s := c.dotDense(cl) / float64(len(cl.docs)); s > bestSim || s == bestSim && ci < best {
				best, bestSim = ci, s
			}
		}
		c.unscatter(v.ids)
	}
	if best < 0 || bestSim < c.p.Join {
		best = len(c.clusters)
		c.clusters = append(c.clusters, &cluster{})
		c.merged = append(c.merged, -1)
	}
	cl := c.clusters[best]
	c.addToCentroid(cl, v)
	cl.docs = append(cl.docs, c.light(m))
	for _, f := range block.ids {
		c.post(f, best)
	}
}

// scatter writes the weights w(i) of the features ids into the dense
// scratch vector; unscatter clears them again.
func (c *Clusterer) scatter(ids []uint32, w func(i int) float64) {
	if len(c.dense) < len(c.form) {
		c.dense = append(c.dense, make([]float64, len(c.form)-len(c.dense))...)
	}
	for i, id := range ids {
		c.dense[id] = w(i)
	}
}

func (c *Clusterer) unscatter(ids []uint32) {
	for _, id := range ids {
		c.dense[id] = 0
	}
}

// dotDense is the dot product of cl's centroid with the scattered vector.
// Its cost is the centroid's length, at most 2·MaxFeatures, and it sums in
// order of feature id.
func (c *Clusterer) dotDense(cl *cluster) float64 {
	var s float64
	d := c.dense
	for i, id := range cl.ids {
		s += d[id] * cl.ws[i]
	}
	return s
}

// addToCentroid adds unit vector v to cl's centroid, pruning the centroid to
// its MaxFeatures heaviest entries when it grows past twice that.
func (c *Clusterer) addToCentroid(cl *cluster, v vec) {
	cl.ids, cl.ws = addSorted(cl.ids, cl.ws, v.ids, func(i int) float64 { return float64(v.ws[i]) })
	cl.block = vec{}
	if len(cl.ids) <= 2*c.p.MaxFeatures {
		return
	}
	idx := make([]int, len(cl.ids))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(cl.ws[b], cl.ws[a]) })
	idx = idx[:c.p.MaxFeatures]
	slices.Sort(idx)
	for k, i := range idx {
		cl.ids[k], cl.ws[k] = cl.ids[i], cl.ws[i]
	}
	cl.ids, cl.ws = cl.ids[:len(idx)], cl.ws[:len(idx)]
}

// addSorted returns the sparse vector (ids, ws) plus the sparse vector with
// ids bids and weights bw(i), all sorted by id.
func addSorted(ids []uint32, ws []float64, bids []uint32, bw func(i int) float64) ([]uint32, []float64) {
	oi := make([]uint32, 0, len(ids)+len(bids))
	ow := make([]float64, 0, len(ids)+len(bids))
	i, j := 0, 0
	for i < len(ids) || j < len(bids) {
		switch {
		case j == len(bids) || i < len(ids) && ids[i] < bids[j]:
			oi, ow = append(oi, ids[i]), append(ow, ws[i])
			i++
		case i == len(ids) || bids[j] < ids[i]:
			oi, ow = append(oi, bids[j]), append(ow, bw(j))
			j++
		default:
			oi, ow = append(oi, ids[i]), append(ow, ws[i]+bw(j))
			i++
			j++
		}
	}
	return oi, ow
}

// blockingFeatures returns v's BlockTerms heaviest features, heaviest
// first, ties in order of id.
func (c *Clusterer) blockingFeatures(v vec) vec {
	idx := topK(v, c.p.BlockTerms)
	b := vec{ids: make([]uint32, len(idx)), ws: make([]float32, len(idx))}
	for i, j := range idx {
		b.ids[i], b.ws[i] = v.ids[j], v.ws[j]
	}
	return b
}

// topK returns the indexes of v's k heaviest features, heaviest first,
// ties in order of id. It selects with a bounded heap, in O(len(v)·log k).
func topK(v vec, k int) []int {
	k = min(k, len(v.ids))
	// worse reports whether entry a ranks below entry b.
	worse := func(a, b int) bool {
		return v.ws[a] < v.ws[b] || v.ws[a] == v.ws[b] && a > b
	}
	h := make([]int, k) // min-heap of the best k so far, worst at h[0]
	down := func(i int) {
		for {
			l := 2*i + 1
			if l >= k {
				return
			}
			if r := l + 1; r < k && worse(h[r], h[l]) {
				l = r
			}
			if !worse(h[l], h[i]) {
				return
			}
			h[i], h[l] = h[l], h[i]
			i = l
		}
	}
	for i := range h {
		h[i] = i
	}
	for i := k/2 - 1; i >= 0; i-- {
		down(i)
	}
	for i := k; i < len(v.ids); i++ {
		if worse(h[0], i) {
			h[0] = i
			down(0)
		}
	}
	slices.SortFunc(h, func(a, b int) int {
		if worse(b, a) {
			return -1
		}
		return 1
	})
	return h
}

// topCandidates returns the live clusters listed under the blocking
// features, at most MaxCandidates of them: those with the most evidence,
// the sum of the weights of the blocking features that list them, ties to
// the lower index. The slice is valid until the next call.
func (c *Clusterer) topCandidates(block vec) []int {
	c.newGen()
	if len(c.evidence) < len(c.clusters) {
		c.evidence = append(c.evidence, make([]float64, len(c.clusters)-len(c.evidence))...)
	}
	out := c.cands[:0]
	for i, f := range block.ids {
		w := float64(block.ws[i])
		for _, p := range c.postings[f] {
			ci := c.live(int(p))
			if c.seen[ci] != c.seenGen {
				c.seen[ci] = c.seenGen
				c.evidence[ci] = 0
				out = append(out, ci)
			}
			c.evidence[ci] += w
		}
	}
	c.cands = out
	k := c.p.MaxCandidates
	if len(out) <= k {
		return out
	}
	// Keep the k best in out[:k] as a min-heap on evidence, worst first.
	less := func(a, b int) bool { // a is worse than b
		ea, eb := c.evidence[a], c.evidence[b]
		return ea < eb || ea == eb && a > b
	}
	h := out[:k]
	down := func(i int) {
		for {
			l := 2*i + 1
			if l >= k {
				return
			}
			if r := l + 1; r < k && less(h[r], h[l]) {
				l = r
			}
			if !less(h[l], h[i]) {
				return
			}
			h[i], h[l] = h[l], h[i]
			i = l
		}
	}
	for i := k/2 - 1; i >= 0; i-- {
		down(i)
	}
	for _, ci := range out[k:] {
		if less(h[0], ci) {
			h[0] = ci
			down(0)
		}
	}
	return h
}

// newGen starts a new generation of the seen marks, so that no cluster
// counts as seen.
func (c *Clusterer) newGen() {
	c.seenGen++
	if c.seenGen == 0 { // wrapped: forget all marks
		clear(c.seen)
		c.seenGen = 1
	}
	if len(c.seen) < len(c.clusters) {
		c.seen = append(c.seen, make([]uint32, len(c.clusters)-len(c.seen))...)
	}
}

// live follows merges to the cluster that now holds ci's documents.
func (c *Clusterer) live(ci int) int {
	for c.merged[ci] >= 0 {
		ci = int(c.merged[ci])
	}
	return ci
}

// post lists cluster ci last under feature f, keeping the MaxPostings most
// recent clusters.
func (c *Clusterer) post(f uint32, ci int) {
	p := int32(ci)
	ps := c.postings[f]
	if len(ps) > 0 && ps[len(ps)-1] == p {
		return
	}
	if i := slices.Index(ps, p); i >= 0 {
		ps = slices.Delete(ps, i, i+1)
	}
	ps = append(ps, p)
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
		if len(cl.docs) == 0 {
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

// mergePass merges clusters whose group-average similarity reaches Merge,
// repeating until no pair qualifies. In each round every live cluster a is
// compared with its candidates (topCandidates of its centroid's blocking
// features) that come later; the qualifying pairs are merged most similar
// first, each cluster at most once per round.
//
// After the first round a pair is scored again only when one of the two was
// merged into in the previous round or b was not among a's candidates
// then: otherwise neither centroid has changed since the pair was last
// scored, and it did not qualify (had it qualified, one of the two would
// have been merged). So every round costs the merges of the round before,
// not a comparison of all clusters again.
func (c *Clusterer) mergePass() {
	var touched []bool // clusters merged into in the previous round; nil in the first
	for {
		var cands []mergeCand
		for ai, a := range c.clusters {
			if len(a.docs) == 0 {
				continue
			}
			if a.block.ids == nil {
				a.block = c.blockingFeatures(c.centroidVec(a))
			}
			aNew := touched == nil || touched[ai]
			scattered := false
			prev := a.tops
			a.tops = slices.Clone(c.topCandidates(a.block))
			for _, bi := range a.tops {
				if bi <= ai || !aNew && !touched[bi] && slices.Contains(prev, bi) {
					continue
				}
				if !scattered {
					// a's centroid at float32 precision, as its blocking
					// features were chosen
					c.scatter(a.ids, func(i int) float64 { return float64(float32(a.ws[i])) })
					scattered = true
				}
				b := c.clusters[bi]
				// group average: mean cosine over all cross pairs
				s := c.dotDense(b) / float64(len(a.docs)*len(b.docs))
				if s >= c.p.Merge {
					cands = append(cands, mergeCand{ai, bi, s})
				}
			}
			if scattered {
				c.unscatter(a.ids)
			}
		}
		if len(cands) == 0 {
			return
		}
		slices.SortFunc(cands, func(x, y mergeCand) int {
			return cmp.Or(cmp.Compare(y.sim, x.sim), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
		})
		touched = make([]bool, len(c.clusters))
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
	a.ids, a.ws = addSorted(a.ids, a.ws, b.ids, func(i int) float64 { return b.ws[i] })
	a.docs = append(a.docs, b.docs...)
	b.docs, b.ids, b.ws, b.block, b.tops = nil, nil, nil, vec{}, nil
	c.merged[bi] = int32(ai)
	a.block = c.blockingFeatures(c.centroidVec(a))
	for _, f := range a.block.ids {
		c.post(f, ai)
	}
}

// centroidVec returns a cluster's centroid at float32 precision.
func (c *Clusterer) centroidVec(cl *cluster) vec {
	v := vec{ids: cl.ids, ws: make([]float32, len(cl.ids))}
	for i, w := range cl.ws {
		v.ws[i] = float32(w)
	}
	return v
}

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
		v := c.reweight(c.features(m), nil)
		for i, id := range v.ids {
			sum[id] += float64(v.ws[i])
		}
	}
	top := c.blockingFeatures(vecOf(sum))
	var parts []string
	seen := map[string]bool{}
	for _, id := range top.ids {
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

func sortedKeys(m map[uint32]float64) []uint32 {
	ids := make([]uint32, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
