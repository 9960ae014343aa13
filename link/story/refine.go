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
	local := map[uint32]float64{}
	for _, m := range docs {
		for _, id := range m.ids {
			local[id]++
		}
	}
	vs := make([]vec, n)
	for i, m := range docs {
		vs[i] = c.reweight(m, func(id uint32) float64 {
			if local[id] < 2 {
				return 0 // shared with no other member: cannot tie it to any
			}
			return math.Log((float64(n) + c.p.LocalSmooth) / local[id])
		})
	}
	// sim[i][j]: total similarity between groups i and j.
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
		for j := range i {
			sim[i][j] = dot(vs[i], vs[j])
			sim[j][i] = sim[i][j]
		}
	}
	size := make([]float64, n)
	groups := make([][]int, n)
	alive := make([]bool, n)
	for i := range n {
		size[i], groups[i], alive[i] = 1, []int{i}, true
	}
	for {
		bi, bj, best := -1, -1, c.p.Split
		for i := range n {
			if !alive[i] {
				continue
			}
			for j := i + 1; j < n; j++ {
				if alive[j] {
					if s := sim[i][j] / (size[i] * size[j]); s >= best && (bi < 0 || s > best) {
						bi, bj, best = i, j, s
					}
				}
			}
		}
		if bi < 0 {
			break
		}
		for k := range n {
			sim[bi][k] += sim[bj][k]
			sim[k][bi] = sim[bi][k]
		}
		size[bi] += size[bj]
		groups[bi] = append(groups[bi], groups[bj]...)
		alive[bj] = false
	}
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
