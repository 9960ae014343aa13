package story

import (
	"math"
	"slices"
)

// refine splits one coarse cluster into stories. The online pass groups
// articles by everything they share, which at a low threshold means by
// topic; inside such a group the words every member shares (the topic:
// "quake", "magnitude", the company both incidents involve) say nothing about
// which incident an article reports. refine therefore reweights the members
// with a local inverse document frequency, learned from the group itself,
// times the global weight, so the features that divide the group (places,
// people, figures of one incident) dominate, then runs group-average
// agglomerative clustering with threshold Split. A split is kept only when
// at least two parts hold two or more articles each: a single odd article is
// put back with the part it is closest to. Groups larger than MaxRefine are
// returned whole.
func (c *Clusterer) refine(docs []member) [][]member {
	n := len(docs)
	if n < 4 || n > c.p.MaxRefine {
		return [][]member{docs}
	}
	full := make([]member, n)
	for i, m := range docs {
		full[i] = c.features(m)
	}
	local := map[uint32]float64{}
	for _, m := range full {
		for _, id := range m.ids {
			local[id]++
		}
	}
	vs := make([]vec, n)
	for i, m := range full {
		vs[i] = c.reweight(m, func(id uint32) float64 {
			if local[id] < 2 {
				return 0 // shared with no other member: cannot tie it to any
			}
			return math.Log((float64(n) + c.p.LocalSmooth) / local[id])
		})
	}
	// sim[i][j]: total similarity between groups i and j. Row i is
	// computed by scattering vs[i] into the dense scratch vector.
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
	}
	for i := range n {
		c.scatter(vs[i].ids, func(k int) float64 { return float64(vs[i].ws[k]) })
		for j := range i {
			var s float64
			for k, id := range vs[j].ids {
				s += c.dense[id] * float64(vs[j].ws[k])
			}
			sim[i][j], sim[j][i] = s, s
		}
		c.unscatter(vs[i].ids)
	}
	size := make([]float64, n)
	groups := make([][]int, n)
	alive := make([]bool, n)
	for i := range n {
		size[i], groups[i], alive[i] = 1, []int{i}, true
	}
	agglomerate(sim, size, groups, alive, c.p.Split)
	var big, small []int
	for i := range n {
		switch {
		case !alive[i]:
		case size[i] >= 2:
			big = append(big, i)
		default:
			small = append(small, i)
		}
	}
	if len(big) < 2 {
		return [][]member{docs}
	}
	for _, s := range small {
		best, bs := big[0], math.Inf(-1)
		for _, b := range big {
			if x := sim[s][b] / size[b]; x > bs {
				best, bs = b, x
			}
		}
		groups[best] = append(groups[best], groups[s]...)
	}
	out := make([][]member, 0, len(big))
	for _, b := range big {
		g := slices.Clone(groups[b])
		slices.Sort(g)
		ms := make([]member, len(g))
		for i, k := range g {
			ms[i] = docs[k]
		}
		out = append(out, ms)
	}
	return out
}

// reweight returns m's unit vector under the final document frequencies,
// each weight multiplied by extra(id) when extra is not nil.
func (c *Clusterer) reweight(m member, extra func(uint32) float64) vec {
	v := vec{ids: m.ids, ws: make([]float32, len(m.ids))}
	var norm float64
	for i, id := range m.ids {
		w := (1 + math.Log(float64(m.tf[i]))) * c.idf(id) * c.kindWeight(c.kinds[id])
		if extra != nil {
			w *= max(0, extra(id))
		}
		v.ws[i] = float32(w)
		norm += w * w
	}
	if norm > 0 {
		inv := 1 / math.Sqrt(norm)
		for i := range v.ws {
			v.ws[i] *= float32(inv)
		}
	}
	return v
}

// agglomerate runs group-average agglomerative clustering down to
// similarity threshold: it merges the most similar pair of groups, by mean
// similarity between their articles, as long as that reaches threshold.
// sim holds total similarities between groups; merging j into i (i < j)
// adds row and column j to i, adds size[j] to size[i], moves groups[j] to
// groups[i] and clears alive[j].
//
// It uses the nearest-neighbour chain algorithm, which gives the same
// merges as repeatedly picking the best pair because group average is
// reducible (a merged group is never more similar to a third than the
// closer of its parts), in O(n²) time instead of O(n³). A group whose best
// similarity is under threshold is set aside for good: merges elsewhere
// cannot bring another group closer to it.
func agglomerate(sim [][]float64, size []float64, groups [][]int, alive []bool, threshold float64) {
	n := len(sim)
	active := make([]bool, n) // alive and possibly still merging
	copy(active, alive)
	next := 0 // no active group below next starts a chain
	var chain []int
	for {
		if len(chain) == 0 {
			for next < n && !active[next] {
				next++
			}
			if next == n {
				return
			}
			chain = append(chain, next)
		}
		a := chain[len(chain)-1]
		prev := -1
		if len(chain) > 1 {
			prev = chain[len(chain)-2]
		}
		// a's nearest neighbour; on a tie the previous link of the chain,
		// then the lowest index, so the chain cannot cycle.
		b, bs := -1, math.Inf(-1)
		for k := range n {
			if k == a || !active[k] {
				continue
			}
			s := sim[a][k] / (size[a] * size[k])
			if s > bs || s == bs && k == prev {
				b, bs = k, s
			}
		}
		if b < 0 || bs < threshold {
			// Every link of the chain is at most as similar as a's best,
			// so no group on it can reach the threshold any more.
			for _, k := range chain {
				active[k] = false
			}
			chain = chain[:0]
			continue
		}
		if b != prev {
			chain = append(chain, b)
			continue
		}
		i, j := min(a, b), max(a, b)
		for k := range n {
			sim[i][k] += sim[j][k]
			sim[k][i] = sim[i][k]
		}
		size[i] += size[j]
		groups[i] = append(groups[i], groups[j]...)
		alive[j], active[j] = false, false
		chain = chain[:len(chain)-2]
	}
}
