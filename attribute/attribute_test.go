package attribute

import (
	"slices"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/internal/wordscan"
	"github.com/hearsaylab/hearsay/quote"
	"github.com/hearsaylab/hearsay/segment"
)

// TestLowerOf checks that lowerOf is strings.ToLower of the body's part,
// with a lower-case body and without, cut at characters and inside them.
func TestLowerOf(t *testing.T) {
	body := "Officials TOLD Le Monde: «Élysée» ÀB"
	low, ok := wordscan.Lower(body)
	if !ok {
		t.Fatal("wordscan.Lower failed")
	}
	for _, lower := range []string{low, ""} {
		d := &doc{body: body, lower: lower}
		for i := 0; i <= len(body); i++ {
			for j := i; j <= len(body); j++ {
				if got, want := d.lowerOf(i, j), strings.ToLower(body[i:j]); got != want {
					t.Errorf("lowerOf(%d, %d) with lower %t = %q, want %q", i, j, lower != "", got, want)
				}
			}
		}
	}
}

// testInput builds the attribution input of body the way extract does,
// without outlets.
func testInput(t testing.TB, a *Attributor, body string) Input {
	t.Helper()
	lower, _ := wordscan.Lower(body)
	paras := segment.Paragraphs(body)
	quotes := quote.Scan(body, paras)
	var marked, sents []article.Span
	for _, q := range quotes {
		if !q.Block {
			marked = append(marked, article.Span{Start: q.Open, End: q.Close})
		}
	}
	for _, p := range paras {
		sents = append(sents, segment.Sentences(body, p.Span, marked)...)
	}
	toks := segment.AppendTokens(nil, body, 0, len(body))
	words := wordscan.Tokens(nil, body)
	var ca, cb wordscan.Candidates
	trig := wordscan.NewPairWords(&wordscan.Gate{}, &wordscan.Gate{}, a.TriggerWords()).WalkWords(words, &ca, &cb, nil)
	return Input{Body: body, Paras: paras, Sentences: sents, Tokens: toks, Quotes: quotes,
		Mentions: a.entities.AppendLower(nil, body, lower, toks), Lower: lower, Words: words,
		Triggers: trig, TriggersNoted: a.TriggerWords() != nil}
}

// TestNarrationWithoutLower checks that the narrations built from the
// tokens' own lower cases, as for a body whose lower case changes its
// offsets, are those built from the lower-case body.
func TestNarrationWithoutLower(t *testing.T) {
	a := testAttributor(t)
	body := "“We will not back down,” said the French president, Émile Durand.\n\n" +
		"Officials at the Élysée told REUTERS that the plan’s costs had risen; SOURCES said it was late.\n\n" +
		"According to two senior officials, the Überblick report was “wrong”. ÀÉÎ spoke."
	in := testInput(t, a, body)
	want := a.newDoc(in)
	got := a.newDoc(in)
	got.lower = ""
	got.lowerTokens()
	got.narr = got.narr[:0]
	got.buildNarrations()
	if len(got.lowTok) != len(in.Tokens) {
		t.Fatalf("lowTok has %d entries, want %d", len(got.lowTok), len(in.Tokens))
	}
	for si := range in.Sentences {
		if w, g := want.triggers(si), got.triggers(si); !slices.Equal(w, g) {
			t.Errorf("sentence %d: trigger tokens %v, want %v", si, g, w)
		}
		w, g := want.narration(si), got.narration(si)
		if len(w) != len(g) {
			t.Fatalf("sentence %d: %d tokens, want %d", si, len(g), len(w))
		}
		for i := range w {
			wt, gt := w[i], g[i]
			if want.lw(&wt) != got.lw(&gt) || wt.start != gt.start || wt.end != gt.end || max(wt.q, -1) != max(gt.q, -1) ||
				wt.flags != gt.flags || wt.wid != gt.wid || wt.p != gt.p {
				t.Errorf("sentence %d token %d: %+v %q, want %+v %q", si, i, gt, got.lw(&gt), wt, want.lw(&wt))
			}
		}
	}
}

// TestTriggerSentences checks that a sentence with a trigger word, short or
// long, inside the text or at its end, in any case, is marked as having it
// where the word can give the sweeps something, and that one without is not
// and still has its narration on demand.
func TestTriggerSentences(t *testing.T) {
	a := testAttributor(t)
	// Each trigger word in a sentence where it matters.
	bodies := map[string][]string{"according": {"It rained, according to the report.", "It rained, ACCORDING to the report."}}
	for w := range claimVerbs {
		bodies[w] = []string{"Then he " + w + " that it rained at noon today.", "He " + strings.ToUpper(w) + " that it rained"}
	}
	for w := range a.lx.anonHead {
		bodies[w] = []string{"Then several " + w + " left the building at noon today.", "It was two " + w,
			"Then two " + strings.ToUpper(w) + " left the building at noon today."}
	}
	for w, bs := range bodies {
		f, _ := a.vocab.lookup(w)
		f &= triggerFlags
		if f == 0 {
			t.Fatalf("%q has no trigger flag", w)
		}
		for _, body := range bs {
			d := a.newDoc(testInput(t, a, body))
			if len(d.in.Sentences) != 1 || !d.sentenceHas(0, f) || d.narrSpan[0].lo < 0 {
				t.Errorf("%q: sentence not marked with %#x", body, f)
			} else if tr := d.triggers(0); len(tr) == 0 || !slices.ContainsFunc(tr, func(i int32) bool { return d.lw(&d.narration(0)[i]) == w }) {
				t.Errorf("%q: trigger tokens %v", body, tr)
			}
			a.release(d)
		}
	}
	d := a.newDoc(testInput(t, a, "The weather was fine at noon today."))
	if d.sentenceHas(0, triggerFlags) || d.narrSpan[0].lo >= 0 {
		t.Errorf("sentence without trigger words: flags %#x, narration built", d.narrFlags[0])
	}
	if nt := d.narration(0); len(nt) != 8 || d.lw(&nt[1]) != "weather" {
		t.Errorf("narration on demand: %d tokens", len(nt))
	}
	a.release(d)
}
