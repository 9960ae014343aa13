package attribute

import (
	"slices"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/internal/testtexts"
)

// thatClaimRef is thatClaim as it was before it took what leftCue read
// from a cue followed by a quotation (cueReads): the oracle of
// TestClaimsRef and FuzzClaimsRef.
func (d *doc) thatClaimRef(nt []ntok, trig []int32, sent article.Span) (article.Claim, bool) {
	for _, i32 := range trig {
		i := int(i32)
		if nt[i].q >= 0 || !nt[i].is(fClaimVerb) {
			continue
		}
		// "that" within a few words: "told the FT that", "said Tuesday that".
		t := -1
		for k := i + 1; k < len(nt) && k <= i+5; k++ {
			if nt[k].q >= 0 || isPunct(&nt[k], ".;:") {
				break
			}
			if d.lw(&nt[k]) == "that" {
				t = k
				break
			}
		}
		if t < 0 && (d.lw(&nt[i]) == "said" || d.lw(&nt[i]) == "says") && i+1 < len(nt) && nt[i+1].q < 0 && !afterQuote(nt, i) &&
			nt[i+1].is(cWord) && !nt[i+1].is(cCapital) && !nt[i+1].is(fPreposition|fAdverb) {
			t = i // "X said the aid would be delayed": a bare complement
		}
		if t < 0 || t+1 >= len(nt) {
			continue
		}
		var at attribution
		if d.fromCue(nt, i, cue{d.lw(&nt[i]), cueVerb}, t, &at); !at.ok {
			continue
		}
		if at.anonymous && !habitual(nt, i) {
			d.use(at.speaker)
		}
		// The claim runs to the end of the sentence and holds no quotation.
		for k := t + 1; k < len(nt); k++ {
			if nt[k].q >= 0 {
				return article.Claim{}, false
			}
		}
		end := sent.End
		for end > nt[t+1].start && strings.ContainsRune(".!?", rune(d.body[end-1])) {
			end--
		}
		if at.channel == "" {
			at.channel = d.channel(nt, at.speaker)
		}
		start := nt[t+1].start
		return article.Claim{Text: d.body[start:end], Source: at.speaker, Cue: at.cue, Start: start, End: end}, true
	}
	return article.Claim{}, false
}

// resultRef is result with the claims found by thatClaimRef and the
// anonymous sources listed by anonymousListRef.
func (d *doc) resultRef() Result {
	d.cueReads = d.cueReads[:0]
	d.findAnonymous()
	d.docChannel = d.documentChannel()
	var res Result
	var kept []int
	for qi := range d.in.Quotes {
		if _, ok := d.attributeQuote(qi, 0); ok {
			kept = append(kept, qi)
		}
	}
	res.Quotes = make([]article.Quote, len(kept))
	d.fillAll(res.Quotes, kept, make([]string, d.quoteStrings(kept)))
	d.backfillRunOn(res.Quotes, kept)
	d.attributeBlocks(res.Quotes)
	for si, sent := range d.in.Sentences {
		if !d.sentenceHas(si, fClaimVerb|fAccording) {
			continue
		}
		nt := d.narration(si)
		if c, ok := d.thatClaimRef(nt, d.triggers(si), sent); ok {
			res.Claims = append(res.Claims, c)
			continue
		}
		if !d.sentenceHas(si, fAccording) {
			continue
		}
		if c, ok := d.accordingClaim(nt, lastQuote(nt), sent); ok {
			res.Claims = append(res.Claims, c)
		}
	}
	res.Anonymous = d.anonymousListRef()
	res.Cited = d.cited(nil)
	return res
}

// checkClaims fails t if the claims or anonymous sources of body differ
// from those the oracle finds.
func checkClaims(t *testing.T, a *Attributor, body string) {
	in := testInput(t, a, body)
	got := a.Document(in)
	d := a.newDoc(in)
	defer a.release(d)
	want := d.resultRef()
	if !slices.Equal(got.Claims, want.Claims) && !(len(got.Claims) == 0 && len(want.Claims) == 0) {
		t.Errorf("%.60q: claims\n%+v\nwant\n%+v", body, got.Claims, want.Claims)
	}
	if !slices.Equal(got.Anonymous, want.Anonymous) {
		t.Errorf("%.60q: anonymous %q, want %q", body, got.Anonymous, want.Anonymous)
	}
}

var claimSeeds = []string{
	"Senior officials said that “the talks failed.” Officials said that the talks failed.",
	"The minister told the FT that “we will win”, and he told reporters that it was over.",
	"A source familiar with the matter said the deal was “dead”. The source said the deal was dead.",
	"Officials have sometimes said that “nothing works.” Two diplomats said “it works”, officials said.",
	"Two senior officials spoke anonymously. A Western diplomat said “no”. Citing French officials , the paper said so; a source spoke on condition of anonymity.",
	"According to U.S. officials, it works. Information from two Pentagon aides \u00a0 said “fine”, a diplomat said. Officials said \u00a0anonymously that it fails.",
	// More than eight sources (firstMentions takes a map), the first
	// named before the others and quoted after them.
	"German officials met on Monday. “No 1,” Italian officials said. “No 2,” Spanish officials said. “No 3,” Polish officials said. " +
		"“No 4,” Dutch officials said. “No 5,” Swedish officials said. “No 6,” Greek officials said. “No 7,” Danish officials said. " +
		"“No 8,” Belgian officials said. “No 9,” Austrian officials said. “No 0,” German officials said.",
}

// TestClaimsRef compares the claims and anonymous sources found with the
// oracle's on the example articles and on sentences made for it.
func TestClaimsRef(t *testing.T) {
	a := testAttributor(t)
	for _, text := range testtexts.WithECB(t) {
		checkClaims(t, a, text)
	}
	for _, body := range claimSeeds {
		checkClaims(t, a, body)
	}
}

// FuzzClaimsRef compares the claims and anonymous sources found in any
// text with the oracle's.
func FuzzClaimsRef(f *testing.F) {
	for _, s := range claimSeeds {
		f.Add(s)
	}
	a := testAttributor(f)
	f.Fuzz(func(t *testing.T, body string) {
		checkClaims(t, a, body)
	})
}

// lastQuote returns the index in nt of its last quotation's placeholder,
// or -1, found by a scan: what buildNarration notes (doc.narrLastQ).
func lastQuote(nt []ntok) int {
	for k := len(nt) - 1; k >= 0; k-- {
		if nt[k].q >= 0 {
			return k
		}
	}
	return -1
}
