package attribute

import (
	"slices"
	"testing"

	"github.com/hearsaylab/hearsay/internal/swar"
	"github.com/hearsaylab/hearsay/internal/testtexts"
)

// buildNarrationRef is buildNarration as it was before narratePlain took
// the tokens between quotations: the oracle of TestBuildNarrationRef and
// FuzzBuildNarration. It returns the flags of all the tokens appended,
// or-ed, of which buildNarration returns the triggerFlags.
func (d *doc) buildNarrationRef(out []ntok, i, end int) ([]ntok, int, wflag) {
	var all wflag
	toks := d.in.Tokens
	quoteOf := d.quoteOf[:len(toks)] // cut to the tokens: no bounds checks
	// Each token adds at most one entry: write them by index.
	base, n := len(out), len(out)
	out = slices.Grow(out, len(toks)-i)
	out = out[:cap(out)]
	for ; i < len(toks) && toks[i].Start < end; i++ {
		t := &toks[i]
		if q := quoteOf[i] - 1; q >= 0 {
			if n == base || out[n-1].q != int32(q) {
				qs := d.in.Quotes[q]
				out[n] = ntok{start: qs.Open, end: qs.Close, q: int32(q)}
				n++
			}
			// The rest of the quotation's tokens add nothing: skip them
			// when they are one run inside the span.
			if r := d.quoteRun[q]; i >= r.lo && i < r.hi && toks[r.hi-1].Start < end {
				i = r.hi - 1
			}
			continue
		}
		var f wflag
		var id uint32
		q := int32(-1)
		if len(t.Text) == 1 && d.lower != "" && t.End-t.Start == 1 {
			// A one-byte token, most often a punctuation mark: all that
			// is to know about it is in the vocabulary's byte tables.
			c := t.Text[0]
			e := &d.vocab.oneByte[d.lower[t.Start]]
			f = e.flags | oneByteClass[c]
			all |= f
			if f&triggerFlags != 0 {
				d.trig = append(d.trig, int32(n-base))
			}
			o := &out[n]
			o.start, o.end, o.q, o.flags, o.wid, o.p = t.Start, t.End, q, f, e.id, c
			n++
			continue
		}
		if d.lower != "" {
			switch n := t.End - t.Start; {
			case n > 0 && n <= 7 && t.Start+8 <= len(d.lower):
				f, id = d.vocab.lookupShort(swar.Load8(d.lower, t.Start)&(1<<(8*n)-1) | uint64(n)<<56)
			case n > 7:
				// Most long words are ruled out by the filter, without a
				// call.
				if w := d.lower[t.Start:t.End]; d.vocab.mayHaveLong(longHash(w)) {
					f, id = d.vocab.lookupLong(w)
				}
			default:
				f, id = d.vocab.lookupAt(d.lower, t.Start, t.End)
			}
		} else {
			q = -2 - int32(i)
			f, id = d.vocab.lookup(d.lowTok[i])
		}
		var p byte
		if len(t.Text) == 1 {
			p = t.Text[0]
		}
		// Most tokens are words that start with an ASCII byte and cannot
		// be possessives.
		if c, ok := asciiClass(t.Text); ok {
			f |= c
		} else {
			f |= textClass(t.Text)
		}
		all |= f
		if f&triggerFlags != 0 {
			d.trig = append(d.trig, int32(n-base))
		}
		// Field by field: cheaper than building the struct and copying it.
		o := &out[n]
		o.start, o.end, o.q, o.flags, o.wid, o.p = t.Start, t.End, q, f, id, p
		n++
	}
	return out[:n], i, all
}

// checkBuildNarration fails t if buildNarration gives a sentence of in
// other tokens, trigger indexes, flags or next token than its oracle, with
// the lower-case body and with the tokens' own lower cases, the sentences
// taken in order and then backwards.
func checkBuildNarration(t *testing.T, a *Attributor, in Input) {
	for _, noLower := range []bool{false, true} {
		d := a.newDoc(in)
		if noLower {
			d.lower = ""
			d.lowerTokens()
		}
		// In order, then backwards, as narration may build them.
		n := len(d.in.Sentences)
		for k := range 2 * n {
			si := k
			if k >= n {
				si = 2*n - 1 - k
			}
			sp := d.in.Sentences[si]
			for _, from := range []int{d.sentTok[si], d.sentTok[si] + 1} {
				if from > len(d.in.Tokens) {
					continue
				}
				d.trig = d.trig[:0]
				want, wantNext, wantF := d.buildNarrationRef(nil, from, sp.End)
				wantTrig := slices.Clone(d.trig)
				d.trig = d.trig[:0]
				// Something before, as in d.narr.
				got, next, f, lastQ := d.buildNarration(make([]ntok, 3, 5), from, sp.End)
				if next != wantNext || f != wantF&triggerFlags || !slices.Equal(got[3:], want) || !slices.Equal(d.trig, wantTrig) || lastQ != lastQuote(want) {
					t.Errorf("%.60q: lower %t: sentence %d from token %d: next %d flags %#x trig %v last quotation %d\n%+v\nwant next %d flags %#x trig %v last quotation %d\n%+v",
						in.Body, !noLower, si, from, next, f, d.trig, lastQ, got[3:], wantNext, wantF&triggerFlags, wantTrig, lastQuote(want), want)
				}
				checkIsWord(t, d, got[3:])
			}
		}
		a.release(d)
	}
}

var buildNarrationSeeds = []string{
	"“We will not back down,” said the French president, Émile Durand, to Reuters.",
	"Officials at the Élysée told REUTERS that the plan’s costs had risen; SOURCES said it was late (US).",
	"According to two senior officials — the Überblick report was “wrong”. ÀÉÎ spoke, a 2024 report's author said.",
	"The internationalization of counterintelligence, spokespeople acknowledged, “was ‘inevitable’” they said.",
	"He said: “It is” — “not” — over. Congresswoman O'Neill's spokeswoman's statement was a U.S. matter.",
	"Unnamed officials said US and UN rules, Uber's and Unilever’s, were unclear; Unidentified sources acknowledged it. Ünal said so.",
}

// TestNarrateLead checks that narrateLead is leadClass with cRecheck for
// the first bytes whose words asciiClass may leave, and no other.
func TestNarrateLead(t *testing.T) {
	for c := range 256 {
		want := leadClass[c]
		if c >= 0x80 || c == 'U' {
			want |= cRecheck
		}
		if narrateLead[c] != want {
			t.Errorf("narrateLead[%#x] = %#x, want %#x", c, narrateLead[c], want)
		}
	}
	// It must be no flag a lexicon or a token's text gives.
	for _, s := range []string{"Ab", "ab", "4b", "US", "’s", "Émile", "x's", ",", "—", "("} {
		if f := textClass(s); f&cRecheck != 0 {
			t.Errorf("textClass(%q) = %#x has cRecheck", s, f)
		}
	}
	if cRecheck&(cWord|cCapital|cPossessive|cUS|cComma|(cWord-1)) != 0 {
		t.Errorf("cRecheck %#x overlaps the other flags", cRecheck)
	}
}

// TestBuildNarrationRef compares buildNarration with its oracle on the
// sentences of the example articles and of texts made for it.
func TestBuildNarrationRef(t *testing.T) {
	a := testAttributor(t)
	for _, text := range testtexts.Examples(t) {
		checkBuildNarration(t, a, testInput(t, a, text))
	}
	for _, body := range buildNarrationSeeds {
		checkBuildNarration(t, a, testInput(t, a, body))
	}
}

// FuzzBuildNarration compares buildNarration with its oracle on the
// sentences of any text.
func FuzzBuildNarration(f *testing.F) {
	for _, s := range buildNarrationSeeds {
		f.Add(s)
	}
	a := testAttributor(f)
	f.Fuzz(func(t *testing.T, body string) {
		checkBuildNarration(t, a, testInput(t, a, body))
	})
}

// checkIsWord fails t if a token of nt is a fixed word by its id (isWord)
// but not by its lower case, or the other way round.
func checkIsWord(t *testing.T, d *doc, nt []ntok) {
	for i := range nt {
		for id := uint32(1); id < fixedEnd; id++ {
			if got, want := nt[i].isWord(id), d.lw(&nt[i]) == fixedWords[id-1]; got != want {
				t.Errorf("token %q: isWord(%q) = %t, want %t", d.lw(&nt[i]), fixedWords[id-1], got, want)
			}
		}
	}
}
