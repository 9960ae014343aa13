package attribute

import (
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/internal/testtexts"
)

// isAnonDescriptionRef is isAnonDescription as it was before it looked at
// the last word first: the oracle of TestQuoteTestsRef and its fuzz
// targets. qf are the fields of lt counted up to 9.
func (d *doc) isAnonDescriptionRef(lt string, qf quoteFields) bool {
	if qf.n < 2 || qf.n > 8 {
		return false
	}
	last := trimPunct(lt[qf.last[0]:qf.last[1]])
	if f, _ := d.vocab.lookup(last); f&fAnonHead == 0 {
		return false
	}
	f, _ := d.vocab.lookup(lt[qf.first[0]:qf.first[1]])
	return f&fAnonDet != 0 || strings.HasSuffix(last, "s")
}

// isLabelRef is isLabel as it was before it read the words before the
// quotation first, with nf the number of fields of lt counted up to 9.
func (d *doc) isLabelRef(nt []ntok, pos int, lt string, nf int) bool {
	if nf == 0 || nf > 4 {
		return false
	}
	for i := 0; ; {
		st, en := nextField(lt, i)
		if st < 0 {
			break
		}
		i = en
		w := trimMarks(lt[st:en])
		if f, _ := d.vocab.lookup(w); f&(fPronoun|fAuxiliary|fCommonAdj) != 0 || w == "no" || w == "not" || isAdverb(w) {
			return false
		}
		for _, s := range adjectiveSuffixes {
			if strings.HasSuffix(w, s) && len(w) > len(s)+3 {
				return false
			}
		}
	}
	if pos == 0 {
		return false
	}
	prev := nt[pos-1]
	if prev.q >= 0 {
		return false
	}
	for k := pos - 1; k >= 0 && k >= pos-4; k-- {
		if nt[k].is(fCueNaming) {
			return false
		}
	}
	if prev.is(fLabelLead) {
		return true
	}
	if !prev.is(cWord) || prev.is(cCapital) {
		return false
	}
	if prev.is(fCue) {
		return false
	}
	if prev.is(fAdverb) || isAdverb(d.lw(&prev)) || prev.is(fAuxiliary) || d.lw(&prev) == "as" || d.lw(&prev) == "that" || d.lw(&prev) == "only" {
		return false
	}
	return true
}

// checkQuoteTests fails t if isAnonDescription, isLabel or the count of
// fields attributeQuote asks for answers otherwise than the oracles for a
// quotation of body.
func checkQuoteTests(t *testing.T, a *Attributor, body string) {
	d := a.newDoc(testInput(t, a, body))
	defer a.release(d)
	for qi, q := range d.in.Quotes {
		if q.Block {
			continue
		}
		lt := d.lowerOf(q.Start, q.End)
		checkAnonDescription(t, d, lt)
		si, _ := d.sentenceAt(q.Open)
		nt := d.narration(si)
		for pos := range nt {
			if int(nt[pos].q) != qi {
				continue
			}
			nf := countFields(lt, 9).n
			if got, want := d.isLabel(nt, pos, lt), d.isLabelRef(nt, pos, lt, nf); got != want {
				t.Errorf("%.60q: quotation %q: isLabel %t, want %t", body, lt, got, want)
			}
			if got, want := countFields(lt, 7).n <= 6, nf <= 6; got != want {
				t.Errorf("%q: at most 6 fields %t, want %t", lt, got, want)
			}
			// attributeQuote drops a label before it seeks an
			// attribution, as it drops a quotation of at most 6 fields
			// without one.
			if d.isLabel(nt, pos, lt) && countFields(lt, 7).n > 6 {
				t.Errorf("%.60q: quotation %q: a label of more than 6 fields", body, lt)
			}
		}
	}
}

// checkAnonDescription fails t if isAnonDescription answers otherwise than
// its oracle for the lower-case text lt.
func checkAnonDescription(t *testing.T, d *doc, lt string) {
	if got, want := d.isAnonDescription(lt), d.isAnonDescriptionRef(lt, countFields(lt, 9)); got != want {
		t.Errorf("isAnonDescription(%q) = %t, want %t", lt, got, want)
	}
}

var quoteTestSeeds = []string{
	"He spoke to “three retired defence officials” on Monday.",
	"It used “senior officials”, “a source”, “officials.” and “two  sources  ” and “the\u00a0officials”.",
	"They formed “liaison cells” and sent military “training teams” to the “so-called” front.",
	"Officials called the report “disinformation”, and it was “very bad” and “not good”.",
	"“We will not back down,” he said. The “officials\u2003sources” and “caf\u00e9 officials” left.",
	"It was “\xff officials” or “officials \xe2\x80” and “ officials” as “its \u201cown\u201d people”.",
}

// TestQuoteTestsRef compares the quotation tests of attributeQuote with
// their oracles on the example articles (and the ECB+ texts, when given)
// and on quotations made for it.
func TestQuoteTestsRef(t *testing.T) {
	a := testAttributor(t)
	for _, text := range testtexts.WithECB(t) {
		checkQuoteTests(t, a, text)
	}
	for _, body := range quoteTestSeeds {
		checkQuoteTests(t, a, body)
	}
	d := a.newDoc(testInput(t, a, "x"))
	defer a.release(d)
	for _, lt := range []string{"", " ", "officials", "two officials", "two officials ", "two\u00a0officials",
		"a source.", "the sources", "x \xffofficials", "\xff officials", "1 2 3 4 5 6 7 8 officials", "1 2 3 4 5 6 7 officials",
		"two officials.", "two officials ;\t", "two officials\u00a0", "a senior official:", "a source . ,", "the said"} {
		checkAnonDescription(t, d, lt)
	}
}

// FuzzQuoteTests compares the quotation tests of attributeQuote with their
// oracles on the quotations of any text.
func FuzzQuoteTests(f *testing.F) {
	for _, s := range quoteTestSeeds {
		f.Add(s)
	}
	a := testAttributor(f)
	f.Fuzz(func(t *testing.T, body string) {
		checkQuoteTests(t, a, body)
		d := a.newDoc(testInput(t, a, "x"))
		defer a.release(d)
		checkAnonDescription(t, d, strings.ToLower(body))
	})
}

// adjectiveSuffixes are the suffixes hasAdjectiveSuffix tests, as the list
// labelWords walked before: the oracle of TestAdjectiveSuffix.
var adjectiveSuffixes = []string{"ous", "ive", "al", "ful", "less", "ic", "able", "ible", "ent", "ant", "ary", "ish"}

// hasAdjectiveSuffixRef is hasAdjectiveSuffix as a walk over
// adjectiveSuffixes.
func hasAdjectiveSuffixRef(w string) bool {
	for _, s := range adjectiveSuffixes {
		if strings.HasSuffix(w, s) && len(w) > len(s)+3 {
			return true
		}
	}
	return false
}

// TestAdjectiveSuffix compares hasAdjectiveSuffix with its oracle on every
// suffix with two to five bytes before it, and on other words.
func TestAdjectiveSuffix(t *testing.T) {
	words := []string{"", "s", "ous", "famous", "nervous", "active", "formal", "normal", "useful", "careful",
		"useless", "hopeless", "basic", "public", "usable", "capable", "visible", "recent", "current", "distant",
		"primary", "foolish", "english", "label", "teams", "experts", "sful", "aless", "xxable", "xxxible"}
	for _, s := range adjectiveSuffixes {
		for _, pre := range []string{"", "a", "ab", "abc", "abcd", "abcde", "f", "fu", "ful", "les"} {
			words = append(words, pre+s, pre+s+"s", pre+s[1:])
		}
	}
	for _, w := range words {
		if got, want := hasAdjectiveSuffix(w), hasAdjectiveSuffixRef(w); got != want {
			t.Errorf("hasAdjectiveSuffix(%q) = %t, want %t", w, got, want)
		}
	}
}

// FuzzAdjectiveSuffix compares hasAdjectiveSuffix with its oracle on any
// word.
func FuzzAdjectiveSuffix(f *testing.F) {
	f.Add("dangerous")
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := hasAdjectiveSuffix(w), hasAdjectiveSuffixRef(w); got != want {
			t.Errorf("hasAdjectiveSuffix(%q) = %t, want %t", w, got, want)
		}
	})
}
