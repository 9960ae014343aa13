package attribute

import (
	"testing"

	"github.com/hearsaylab/hearsay/internal/testtexts"
)

// leftCueRef is leftCue as it was before it stopped walking once no cue
// further left could take the place of the one found: it walks on to the
// start of the sentence, a quotation or a boundary. It is the oracle of
// TestLeftCueRef and FuzzLeftCue.
func (d *doc) leftCueRef(nt []ntok, pos int) attribution {
	best := -1
	var bestCue cue
	sawThat := false
	for i := pos - 1; i >= 0; i-- {
		if nt[i].q >= 0 {
			if best >= 0 {
				break
			}
			continue
		}
		if d.lw(&nt[i]) == "that" {
			sawThat = true
		}
		if nt[i].is(fCue | fAccording) {
			if c, ok := d.cueAt(nt, i, pos); ok && (best < 0 || (sawThat && bestCue.kind != cueNoun)) {
				best, bestCue, sawThat = i, c, false
			}
		}
		if best >= 0 && (nt[i].p == ';' || isComma(&nt[i])) && d.boundaryAt(nt, i) {
			break
		}
	}
	if best < 0 {
		return attribution{}
	}
	var at attribution
	d.fromCue(nt, best, bestCue, pos, &at)
	if nt[best].is(fClaimVerb) {
		if shape := shapeOf(bestCue); shape == claimShape(d.lw(&nt[best])) {
			d.cueReads.keep(nt[best].start, shape, &at)
		}
	}
	if at.ok && at.channel == "" {
		at.channel = d.channel(nt, at.speaker)
	}
	return at
}

// checkLeftCue fails t if leftCue reads another attribution than its
// oracle for a quotation of in, or for any token of a narration taken as
// the place of one.
func checkLeftCue(t *testing.T, a *Attributor, in Input) {
	d := a.newDoc(in)
	defer a.release(d)
	d.findAnonymous()
	for si := range d.in.Sentences {
		nt := d.narration(si)
		for pos := range len(nt) + 1 {
			var got attribution
			d.leftCue(nt, pos, &got)
			if want := d.leftCueRef(nt, pos); got != want {
				t.Fatalf("%.60q: sentence %d, quotation at %d: %+v, want %+v", in.Body, si, pos, got, want)
			}
		}
	}
}

var leftCueSeeds = []string{
	"The minister confirmed that officials conceded he said, according to aides, “it works”.",
	"Macron’s comments that he told reporters “nothing” were, she said; X wrote that “no”.",
	"Officials said the report, which the agency described as “late”, was praised by the FT, who noted “yes”.",
}

// TestLeftCueRef compares leftCue with its oracle on the example articles
// and on sentences made for it.
func TestLeftCueRef(t *testing.T) {
	a := testAttributor(t)
	for _, text := range append(testtexts.Examples(t), leftCueSeeds...) {
		checkLeftCue(t, a, testInput(t, a, text))
	}
}

// FuzzLeftCue compares leftCue with its oracle on any text.
func FuzzLeftCue(f *testing.F) {
	for _, s := range leftCueSeeds {
		f.Add(s)
	}
	a := testAttributor(f)
	f.Fuzz(func(t *testing.T, body string) {
		checkLeftCue(t, a, testInput(t, a, body))
	})
}
