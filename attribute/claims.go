package attribute

import (
	"slices"
	"strings"

	"github.com/hearsaylab/hearsay/article"
)

// claimVerbs are the cues that report a claim with a "that" clause.
var claimVerbs = map[string]bool{"said": true, "says": true, "reported": true, "reports": true,
	"revealed": true, "reveals": true, "confirmed": true, "confirms": true, "announced": true,
	"claimed": true, "claims": true, "stated": true, "warned": true, "acknowledged": true,
	"admitted": true, "argued": true, "insisted": true, "suggested": true, "indicated": true,
	"told": true, "explained": true, "noted": true, "estimated": true, "assessed": true,
	"concluded": true, "added": true, "elaborated": true, "alleged": true, "disclosed": true,
	"found": true, "wrote": true, "conceded": true, "declared": true, "stressed": true,
	"maintained": true, "asserted": true, "contended": true, "denied": true, "observed": true}

// claims finds reported speech without quotation marks: "X revealed that …",
// "according to X, …" and "…, according to X".
func (d *doc) claims() []article.Claim {
	out := d.claimBuf[:0] // copied out once their number is known
	// f is what sentenceHas asks about, for each sentence.
	for si, f := range d.narrFlags {
		if f&(fClaimVerb|fAccording) == 0 {
			continue // no claim verb, no "according"
		}
		sent := d.in.Sentences[si]
		nt, lastQ := d.narration(si), d.narrLastQ[si]
		if c, ok := d.thatClaim(nt, d.triggers(si), lastQ, sent); ok {
			out = append(out, c)
			continue
		}
		if f&fAccording == 0 {
			continue
		}
		if c, ok := d.accordingClaim(nt, lastQ, sent); ok {
			out = append(out, c)
		}
	}
	d.claimBuf = out
	if len(out) == 0 {
		return nil
	}
	return slices.Clone(out)
}

// thatClaim finds a claim reported with a cue verb in the narration nt:
// "X said that …", "X said the aid would be delayed". trig holds the
// indexes of nt's tokens with triggerFlags, among them its claim verbs,
// and lastQ the index of its last quotation's placeholder, or -1.
func (d *doc) thatClaim(nt []ntok, trig []int32, lastQ int, sent article.Span) (article.Claim, bool) {
	for _, i32 := range trig {
		i := int(i32)
		if nt[i].q >= 0 || !nt[i].is(fClaimVerb) {
			continue
		}
		// "that" within a few words: "told the FT that", "said Tuesday that".
		t := -1
		for k := i + 1; k < len(nt) && k <= i+5; k++ {
			if tk := &nt[k]; tk.q >= 0 || tk.p == '.' || tk.p == ';' || tk.p == ':' {
				break
			}
			if nt[k].isWord(idThat) {
				t = k
				break
			}
		}
		if t < 0 && (nt[i].isWord(idSaid) || nt[i].isWord(idSays)) && i+1 < len(nt) && nt[i+1].q < 0 && !afterQuote(nt, i) &&
			nt[i+1].is(cWord) && !nt[i+1].is(cCapital) && !nt[i+1].is(fPreposition|fAdverb) {
			t = i // "X said the aid would be delayed": a bare complement
		}
		if t < 0 || t+1 >= len(nt) {
			continue
		}
		// The claim runs to the end of the sentence and holds no quotation;
		// with one, the cue may have been read for it already.
		c := cue{d.lw(&nt[i]), cueVerb}
		if lastQ > t {
			cr, ok := d.cueReads.find(nt[i].start, claimShape(c.lemma))
			if !ok {
				var at attribution
				d.fromCue(nt, i, c, t, &at)
				cr = cueRead{speaker: at.speaker, ok: at.ok, anonymous: at.anonymous}
			}
			if !cr.ok {
				continue
			}
			if cr.anonymous && !habitual(nt, i) {
				d.use(cr.speaker)
			}
			return article.Claim{}, false
		}
		var at attribution
		if d.fromCue(nt, i, c, t, &at); !at.ok {
			continue
		}
		if at.anonymous && !habitual(nt, i) {
			d.use(at.speaker)
		}
		end := sent.End
		for end > nt[t+1].start && isFullStop(d.body[end-1]) {
			end--
		}
		// A claim has no channel (article.Claim): none is sought.
		start := nt[t+1].start
		return article.Claim{Text: d.body[start:end], Source: at.speaker, Cue: at.cue, Start: start, End: end}, true
	}
	return article.Claim{}, false
}

// accordingClaim finds a claim reported with "according to" in the
// narration nt, which holds no quotation (lastQ, the index of its last
// quotation's placeholder, is -1): "according to X, …", "…, according to X".
func (d *doc) accordingClaim(nt []ntok, lastQ int, sent article.Span) (article.Claim, bool) {
	for i := 0; i+1 < len(nt); i++ {
		if !nt[i].is(fAccording) || !nt[i+1].isWord(idTo) {
			continue
		}
		if lastQ >= 0 {
			return article.Claim{}, false
		}
		np, ok := d.objectNP(nt, i+2)
		if !ok {
			return article.Claim{}, false
		}
		at := attribution{cue: "according to"}
		d.resolve(nt, np, &at)
		if !at.ok {
			return article.Claim{}, false
		}
		if at.anonymous {
			d.use(at.speaker)
		}
		var start, end int
		if i == 0 || (i == 1 && isComma(&nt[0])) {
			k := np.hi
			for k < len(nt) && isComma(&nt[k]) {
				k++
			}
			if k >= len(nt) {
				return article.Claim{}, false
			}
			start, end = nt[k].start, nt[len(nt)-1].end
		} else {
			start = nt[0].start
			j := i - 1
			for j > 0 && isComma(&nt[j]) {
				j--
			}
			end = nt[j].end
		}
		for end > start && isFullStop(d.body[end-1]) {
			end--
		}
		if end <= start {
			return article.Claim{}, false
		}
		return article.Claim{Text: d.body[start:end], Source: at.speaker, Cue: "according to", Start: start, End: end}, true
	}
	return article.Claim{}, false
}

// isFullStop reports whether c is one of ".!?", which end a claim's
// sentence but not the claim.
func isFullStop(c byte) bool {
	return c == '.' || c == '!' || c == '?'
}

// cited lists the outlets the article names in its own narration, in order
// of first mention; platforms and the article's own outlet are left out.
// They are written into dst, when it has room for every outlet; nil if
// there are none.
func (d *doc) cited(dst []string) []string {
	out := dst[:0] // few: a look through it is cheaper than a map
	for k := range d.in.Outlets {
		o := &d.in.Outlets[k]
		if o.Platform || o.Canonical == d.in.DocOutlet || slices.Contains(out, o.Canonical) || d.insideQuote(o.Start) {
			continue
		}
		out = append(out, o.Canonical)
	}
	if len(out) == 0 {
		return nil
	}
	return out[:len(out):len(out)]
}

// attributeBlocks gives a block quotation with no introduction the speaker
// whose quoted words it repeats: a transcript excerpt set off at the end of
// an article about one speaker's briefing.
func (d *doc) attributeBlocks(quotes []article.Quote) {
	for bi := range quotes {
		b := &quotes[bi]
		if !b.Block || b.Speaker != nil || b.Cue != nil {
			continue
		}
		bt := strings.ToLower(b.Text)
		score := map[string]int{}
		best, bestN := "", 0
		for qi := range quotes {
			q := &quotes[qi]
			if q.Block || q.Speaker == nil || q.Start >= b.Start && q.End <= b.End {
				continue
			}
			words := strings.Fields(strings.ToLower(q.Text))
			for k := 0; k+1 < len(words); k++ {
				// Only pairs of some length count: the cheap test first.
				if len(words[k])+len(words[k+1]) > 8 && strings.Contains(bt, words[k]+" "+words[k+1]) {
					score[*q.Speaker]++
				}
			}
		}
		for s, n := range score {
			if n > bestN || n == bestN && s < best {
				best, bestN = s, n
			}
		}
		if bestN >= 2 {
			for _, q := range quotes {
				if q.Speaker != nil && *q.Speaker == best {
					b.Speaker, b.Anonymous = q.Speaker, q.Anonymous
					break
				}
			}
		}
	}
}

// habitualAdverbs make a statement generic ("officials have sometimes said
// things"): its subject is not a source of the article.
var habitualAdverbs = map[string]bool{"sometimes": true, "often": true, "frequently": true,
	"usually": true, "occasionally": true, "always": true, "long": true, "routinely": true, "generally": true}

// habitual reports whether the cue at nt[i] is qualified by a habitual
// adverb among the few words before it.
func habitual(nt []ntok, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if nt[k].is(fHabitual) {
			return true
		}
	}
	return false
}

// afterQuote reports whether the cue at nt[i] directly follows a quotation
// ("“…,” said the commander"): its words are an inverted attribution.
func afterQuote(nt []ntok, i int) bool {
	for k := i - 1; k >= 0; k-- {
		if nt[k].q >= 0 {
			return true
		}
		if !isPunct(&nt[k], ",") {
			return false
		}
	}
	return false
}
