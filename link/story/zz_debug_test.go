package story

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestZZStats(t *testing.T) {
	for _, n := range []int{10_000, 100_000} {
		docs := synthCorpus(n)
		c := NewClusterer(Params{})
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
		var cands, cfeat, vlen int
		t0 := time.Now()
		for _, i := range order {
			v, m := c.vector(docs[i])
			cs := c.candidates(c.blockingFeatures(v))
			cands += len(cs)
			vlen += len(v.ids)
			for _, ci := range cs {
				cfeat += len(c.clusters[ci].centroid)
			}
			c.assign(m, v)
		}
		tadd := time.Since(t0)
		nc := len(c.clusters)
		t0 = time.Now()
		c.mergePass()
		tm := time.Since(t0)
		live := 0
		maxsz := 0
		var sizes []int
		for _, cl := range c.clusters {
			if cl.merged < 0 && len(cl.docs) > 0 {
				live++
				sizes = append(sizes, len(cl.docs))
				maxsz = max(maxsz, len(cl.docs))
			}
		}
		slices.Sort(sizes)
		big := 0
		for _, s := range sizes {
			if s > 500 {
				big += s
			}
		}
		t0 = time.Now()
		st := c.Stories()
		tr := time.Since(t0)
		fmt.Printf("n=%d add=%v merge=%v rest=%v clusters=%d live=%d stories=%d cands/doc=%.1f centroidfeat/cand=%.1f vlen=%.1f maxsz=%d top=%v docsInBig=%d feats=%d\n",
			n, tadd, tm, tr, nc, live, len(st), float64(cands)/float64(n), float64(cfeat)/float64(cands), float64(vlen)/float64(n), maxsz, sizes[max(0, len(sizes)-10):], big, len(c.form))
	}
}

func TestZZSynthF1(t *testing.T) {
	for _, n := range []int{10_000, 100_000} {
		docs := synthCorpus(n)
		t0 := time.Now()
		got := Cluster(docs, Params{})
		el := time.Since(t0)
		gold := map[string]string{}
		for _, d := range docs {
			gold[d.ID], _, _ = strings.Cut(d.ID, "-")
		}
		s := score(gold, got)
		fmt.Printf("synth n=%d time=%v stories=%d gold=%d P=%.3f R=%.3f F=%.3f BF=%.3f\n", n, el, s.Pred, s.Gold, s.P, s.R, s.F, s.BF)
	}
}
