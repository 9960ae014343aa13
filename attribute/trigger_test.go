package attribute

import (
	"reflect"
	"slices"
	"testing"

	"github.com/hearsaylab/hearsay/internal/testtexts"
)

// TestNeedsNarration checks which sentences without quotations get their
// narration built: those with a trigger word that can give the sweeps
// something, and not those whose trigger words cannot.
func TestNeedsNarration(t *testing.T) {
	a := testAttributor(t)
	for _, c := range []struct {
		body string
		want bool
	}{
		{"The weather was fine.", false},
		{"He said that it rained.", true},
		{"He said it rained.", true},       // a bare complement
		{"He said.", false},                // nothing after the verb
		{"He said that", false},            // nothing after "that"
		{"He said Paris was fine.", false}, // a capital after "said"
		{"He said in Paris it rained.", false},
		{"He admitted, at last, that it rained.", true},
		{"He admitted it; that was all.", false},            // "that" after a semicolon
		{"He admitted it to the five men that day.", false}, // "that" too far
		{"It rained, according to the report.", true},
		{"It rained according.", false},
		{"A senior official left.", true}, // a determiner
		{"Officials familiar with it left.", true},
		{"The official left.", false},    // singular, without a determiner
		{"The people left.", false},      // plural, no named group
		{"French officials left.", true}, // bare source and a demonym
		{"Many people left.", true},      // "many" is a determiner
		{"He saw angry people.", false},
		{"Kremlin people left.", true},          // a capitalised modifier
		{"The Kremlin said people left.", true}, // a bare complement after "said"
		{"He met people.", false},
		{"He met members of the team.", false},
		{"She and several members left.", true},
		{"Several were people.", false}, // the walk stops at the auxiliary
		{"ÉLYSÉE officials left.", true},
		{"Überall people left.", true},
	} {
		for _, byWords := range []bool{true, false} {
			in := testInput(t, a, c.body)
			if !byWords {
				in.Words = nil
			}
			d := a.newDoc(in)
			if len(d.in.Sentences) != 1 {
				t.Fatalf("%q: %d sentences", c.body, len(d.in.Sentences))
			}
			if d.byWords != byWords {
				t.Errorf("%q: byWords %t, want %t", c.body, d.byWords, byWords)
			}
			if got := d.narrSpan[0].lo >= 0; got != c.want {
				t.Errorf("%q (by words %t): narration built %t, want %t", c.body, byWords, got, c.want)
			}
			a.release(d)
		}
	}
}

// TestWordFlags checks that wordFlags gives every token outside quotations
// the flags of its narration token, with a lower-case body and without.
func TestWordFlags(t *testing.T) {
	a := testAttributor(t)
	body := "“We will not back down,” said the French president, Émile Durand.\n\n" +
		"Officials at the Élysée told REUTERS that the plan’s costs had risen; SOURCES said it was late (US).\n\n" +
		"According to two senior officials — the Überblick report was “wrong”. ÀÉÎ spoke, a 2024 report's author said."
	for _, noLower := range []bool{false, true} {
		d := a.newDoc(testInput(t, a, body))
		if noLower {
			d.lower = ""
			d.lowerTokens()
		}
		for si := range d.in.Sentences {
			nt := d.narration(si)
			k := 0
			for i := d.sentTok[si]; i < len(d.in.Tokens) && d.in.Tokens[i].Start < d.in.Sentences[si].End; i++ {
				for k < len(nt) && nt[k].start < d.in.Tokens[i].Start {
					k++
				}
				if d.quoteOf[i] != 0 {
					continue
				}
				if k >= len(nt) || nt[k].start != d.in.Tokens[i].Start {
					t.Fatalf("token %d %q has no narration token", i, d.in.Tokens[i].Text)
				}
				if got, want := d.wordFlags(i), nt[k].flags; got != want {
					t.Errorf("lower %t: token %q: flags %#x, want %#x", !noLower, d.in.Tokens[i].Text, got, want)
				}
			}
		}
		a.release(d)
	}
}

// resultWithAllNarrations is Document with the narrations of all sentences
// built before the sweeps: the oracle for the sentences needsNarration
// leaves out, whose trigger words must give the sweeps nothing.
func resultWithAllNarrations(a *Attributor, in Input) Result {
	d := a.newDoc(in)
	defer a.release(d)
	d.narr, d.trig = d.narr[:0], d.trig[:0]
	for si, sp := range d.in.Sentences {
		lo, tlo := len(d.narr), len(d.trig)
		var f wflag
		d.narr, _, f, d.narrLastQ[si] = d.buildNarration(d.narr, d.sentTok[si], sp.End)
		d.narrSpan[si], d.narrFlags[si] = span{lo, len(d.narr)}, f&triggerFlags
		d.trigSpan[si] = span{tlo, len(d.trig)}
	}
	return d.result()
}

// checkAllNarrations fails t if the result of body differs from the one
// with every narration built and without the word scanner's tokens, or if
// needsNarrationByWords and needsNarration disagree on a sentence.
func checkAllNarrations(t *testing.T, a *Attributor, body string) {
	in := testInput(t, a, body)
	bare := in
	bare.Words = nil
	if got, want := a.Document(in), resultWithAllNarrations(a, bare); !reflect.DeepEqual(got, want) {
		t.Errorf("%.60q: result %+v, with all narrations %+v", body, got, want)
	}
	checkNeedsNarration(t, a, in)
}

// checkNeedsNarration fails t if needsNarrationByWords gives another
// answer than needsNarration for a sentence of in, or its oracle another
// answer or next token for one that needs no narration, with the trigger words noted by the
// walk and found by the attributor, the sentences taken in order and
// backwards; or if the two find other trigger words; or if d.quotedRuns
// holds other tokens than those inside quotations; or if a sentence's first
// token is not the one a search finds.
func checkNeedsNarration(t *testing.T, a *Attributor, in Input) {
	noted := in
	in.Triggers, in.TriggersNoted = nil, false
	for _, order := range []int{1, -1} {
		checkNeedsNarrationIn(t, a, in, order)
		if noted.TriggersNoted {
			checkNeedsNarrationIn(t, a, noted, order)
		}
	}
	if noted.TriggersNoted && noted.Words != nil {
		d := a.newDoc(in)
		if d.byWords && !slices.Equal(d.trigWords, noted.Triggers) {
			t.Errorf("%.60q: trigger words %v, walk notes %v", in.Body, d.trigWords, noted.Triggers)
		}
		a.release(d)
	}
}

// checkNeedsNarrationIn is checkNeedsNarration for one input, visiting the
// sentences in order (order 1) or backwards (-1).
func checkNeedsNarrationIn(t *testing.T, a *Attributor, in Input, order int) {
	d := a.newDoc(in)
	defer a.release(d)
	quoted := make([]bool, len(in.Tokens))
	for _, r := range d.quotedRuns {
		for i := r.lo; i < r.hi; i++ {
			quoted[i] = true
		}
	}
	for i, q := range d.quoteOf {
		if quoted[i] != (q != 0) {
			t.Fatalf("%.60q: token %d %q: in quotedRuns %t, quotation %d", in.Body, i, in.Tokens[i].Text, quoted[i], q)
		}
	}
	for si, sp := range d.in.Sentences {
		if got, want := d.sentTok[si], sortSearch(d.in.Tokens, sp.Start); got != want {
			t.Fatalf("%.60q: sentence %d: first token %d, search finds %d", in.Body, si, got, want)
		}
	}
	if !d.byWords {
		return
	}
	n := len(d.in.Sentences)
	for k := range n {
		si := k
		if order < 0 {
			si = n - 1 - k
		}
		sp := d.in.Sentences[si]
		i := d.sentTok[si]
		next, need := d.needsNarration(i, sp.End)
		refNext, refNeed := d.needsNarrationByWordsRef(i, sp.End)
		gotNeed := d.needsNarrationByWords(i, sp.End)
		if gotNeed != need || refNeed != need || !need && refNext != next {
			t.Errorf("%.60q: sentence %d: needsNarrationByWords = %t; needsNarration = %d, %t; needsNarrationByWordsRef = %d, %t",
				d.body[sp.Start:sp.End], si, gotNeed, next, need, refNext, refNeed)
		}
	}
}

// TestAllNarrations compares the results of the example articles and of
// sentences whose trigger words matter or not with those with every
// narration built.
func TestAllNarrations(t *testing.T) {
	a := testAttributor(t)
	for _, text := range testtexts.Examples(t) {
		checkAllNarrations(t, a, text)
	}
	for _, body := range allNarrationSeeds {
		checkAllNarrations(t, a, body)
	}
}

var allNarrationSeeds = []string{
	"Several officials said that the plan failed. The people left. “It failed,” he said.",
	"French officials familiar with the talks told Reuters that the aid would be delayed, according to the FT.",
	"The minister said the aid was late. Kremlin insiders said it, and the official agreed that it was.",
	"“We lost,” a senior official said; people said “no” that day. According to sources, it rained.",
	"ÉLYSÉE SOURCES SAID THAT IT RAINED. Überall people said it was late, officials said.",
}

// FuzzAllNarrations compares the result of any text with the one with every
// narration built.
func FuzzAllNarrations(f *testing.F) {
	for _, s := range allNarrationSeeds {
		f.Add(s)
	}
	a := testAttributor(f)
	f.Fuzz(func(t *testing.T, body string) {
		checkAllNarrations(t, a, body)
	})
}
