package attribute

import (
	"slices"
	"testing"

	"github.com/hearsaylab/hearsay/internal/testtexts"
)

// markQuotationsRef is markQuotations as it was before it marked the
// tokens of a quotation in text order as one run: it tests every token up
// to the closing mark. It is the oracle of TestMarkQuotationsRef and
// FuzzMarkQuotations.
func (d *doc) markQuotationsRef() {
	toks := d.in.Tokens
	d.quoteOf = slices.Grow(d.quoteOf[:0], len(toks))[:len(toks)]
	clear(d.quoteOf)
	d.quoteRun = slices.Grow(d.quoteRun[:0], len(d.in.Quotes))[:len(d.in.Quotes)]
	clear(d.quoteRun)
	d.quoted, d.quotedSorted = d.quoted[:0], true
	d.quotedRuns = d.quotedRuns[:0]
	next := 0 // the first token after the last quotation
	for k, q := range d.in.Quotes {
		if q.Block {
			continue
		}
		i := d.seekToken(next, q.Open)
		first := i // the first token inside the marks, but for one across the opening mark
		if first < len(toks) && toks[first].Start < q.Open {
			first++
		}
		lo, hi, n := -1, 0, 0
		for ; i < len(toks) && toks[i].End <= q.Close; i++ {
			if toks[i].Start >= q.Open && d.quoteOf[i] == 0 {
				d.quoteOf[i] = int32(k) + 1
				if lo < 0 {
					lo = i
				}
				hi, n = i+1, n+1
			}
		}
		if lo >= 0 && n == hi-lo {
			d.quoteRun[k] = tokenRun{lo, hi}
		}
		if lo >= 0 {
			if len(d.quoted) > 0 && d.quoted[len(d.quoted)-1][1] > q.Open {
				d.quotedSorted = false
			}
			d.quoted = append(d.quoted, [2]int{q.Open, q.Close})
		}
		if first < i {
			d.quotedRuns = append(d.quotedRuns, tokenRun{first, i})
		}
		next = i
	}
	d.quotedRuns = mergeRuns(d.quotedRuns)
}

// checkMarkQuotations fails t if markQuotations marks other tokens of in
// than its oracle, with the quotations in their order, backwards and with
// each one twice in a row (so that a quotation's tokens may be marked
// already).
func checkMarkQuotations(t *testing.T, a *Attributor, in Input) {
	orders := [][]int{nil, nil, nil}
	for k := range in.Quotes {
		orders[0] = append(orders[0], k)
		orders[1] = append(orders[1], len(in.Quotes)-1-k)
		orders[2] = append(orders[2], k, k)
	}
	for _, order := range orders {
		v := in
		v.Quotes = nil
		for _, k := range order {
			v.Quotes = append(v.Quotes, in.Quotes[k])
		}
		d := a.newDoc(v)
		d.markQuotations()
		quoteOf, quoteRun := slices.Clone(d.quoteOf), slices.Clone(d.quoteRun)
		quoted, sorted, runs := slices.Clone(d.quoted), d.quotedSorted, slices.Clone(d.quotedRuns)
		d.markQuotationsRef()
		if !slices.Equal(quoteOf, d.quoteOf) || !slices.Equal(quoteRun, d.quoteRun) || !slices.Equal(quoted, d.quoted) ||
			sorted != d.quotedSorted || !slices.Equal(runs, d.quotedRuns) {
			t.Errorf("%.60q: quotations %v:\nquoteOf %v\nquoteRun %v\nquoted %v %t\nruns %v\nwant\n%v\n%v\n%v %t\n%v",
				in.Body, order, quoteOf, quoteRun, quoted, sorted, runs, d.quoteOf, d.quoteRun, d.quoted, d.quotedSorted, d.quotedRuns)
		}
		a.release(d)
	}
}

var markQuotationsSeeds = []string{
	"“We will not back down,” said the French president. He added: “Never.”",
	"She called it “a ‘historic’ day” and “over”. «Non», dit-il. \"Yes\" he said, 'maybe'.",
	"“It runs on\n\n“and on,” he said. “A” “B” “C”.",
	"“Unclosed quotation, he said.",
}

// TestMarkQuotationsRef compares markQuotations with its oracle on the
// example articles and on texts made for it.
func TestMarkQuotationsRef(t *testing.T) {
	a := testAttributor(t)
	for _, text := range testtexts.Examples(t) {
		checkMarkQuotations(t, a, testInput(t, a, text))
	}
	for _, body := range markQuotationsSeeds {
		checkMarkQuotations(t, a, testInput(t, a, body))
	}
}

// FuzzMarkQuotations compares markQuotations with its oracle on any text.
func FuzzMarkQuotations(f *testing.F) {
	for _, s := range markQuotationsSeeds {
		f.Add(s)
	}
	a := testAttributor(f)
	f.Fuzz(func(t *testing.T, body string) {
		checkMarkQuotations(t, a, testInput(t, a, body))
	})
}
