package attribute

import (
	"testing"

	"github.com/hearsaylab/hearsay/internal/testtexts"
)

// placeholderRef is how attributeQuote found a quotation's placeholder in
// its narration before placeholder bisected: the first token of nt that is
// the quotation qi, or -1. It is the oracle of TestQuoteSearchRef and
// FuzzQuoteSearch.
func placeholderRef(nt []ntok, qi int) int {
	for i := range nt {
		if int(nt[i].q) == qi {
			return i
		}
	}
	return -1
}

// checkQuoteSearch fails t if placeholder finds another placeholder than
// its oracle for a quotation of body, or if sentenceFrom, from any
// sentence, finds another sentence than sentenceAt for an offset of one.
func checkQuoteSearch(t *testing.T, a *Attributor, body string) {
	d := a.newDoc(testInput(t, a, body))
	defer a.release(d)
	for qi, q := range d.in.Quotes {
		for _, pos := range []int{q.Open - 1, q.Open, q.Start, q.End, q.Close} {
			want, _ := d.sentenceAt(pos)
			for si := 0; si <= len(d.in.Sentences)+1; si++ {
				if got := d.sentenceFrom(si, pos); got != want {
					t.Fatalf("%.60q: sentenceFrom(%d, %d) = %d, want %d", body, si, pos, got, want)
				}
			}
		}
		if q.Block {
			continue
		}
		si, _ := d.sentenceAt(q.Open)
		nt := d.narration(si)
		if got, want := d.placeholder(nt, si, qi), placeholderRef(nt, qi); got != want {
			t.Fatalf("%.60q: placeholder of quotation %d = %d, want %d", body, qi, got, want)
		}
	}
}

var quoteSearchSeeds = []string{
	"“A,” he said. “B” and “C” were said; “D.” Then “E, “F” and G,” she said.\n\n“H",
	"Officials said “no” and “yes”. “It is “over”,” said X. “Y” “Z”",
}

// TestQuoteSearchRef compares placeholder and sentenceFrom with their
// oracles on the example articles and on sentences made for them.
func TestQuoteSearchRef(t *testing.T) {
	a := testAttributor(t)
	for _, text := range append(testtexts.WithECB(t), quoteSearchSeeds...) {
		checkQuoteSearch(t, a, text)
	}
}

// FuzzQuoteSearch compares placeholder and sentenceFrom with their oracles
// on any text.
func FuzzQuoteSearch(f *testing.F) {
	for _, s := range quoteSearchSeeds {
		f.Add(s)
	}
	a := testAttributor(f)
	f.Fuzz(func(t *testing.T, body string) {
		checkQuoteSearch(t, a, body)
	})
}
