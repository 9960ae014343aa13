package attribute

import (
	"math/rand"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/entity"
	"github.com/hearsaylab/hearsay/internal/testtexts"
)

// lastPersonRef is lastPerson as it was before it walked back without
// copying its candidates or searching for their sentences: the oracle of
// TestLastPersonRef and FuzzLastPerson. It resolves a personal pronoun at pos: among the people named in
// narration before it, those of the nearest sentence that names any, and of
// them the first that is not a possessive — the subject, which is what a
// following "he" or "she" most often refers to.
func (d *doc) lastPersonRef(pos int, pron string) (entity.Mention, bool) {
	// The candidates are the agreeing people named before pos in the
	// sentence of the last of them; walking back from pos finds them
	// without rescanning the document for every pronoun.
	var cands []entity.Mention
	si := -1
	for k := d.mentionsBefore(pos) - 1; k >= 0; k-- {
		m := &d.in.Mentions[k]
		if m.Type != entity.Person || m.Weak {
			continue
		}
		if mf := d.mentionFacts(k); mf.inQuote || !d.agreesAt(k, mf, pron) {
			continue
		}
		s, _ := d.sentenceAt(m.Start)
		if si >= 0 && s != si {
			break
		}
		si = s
		cands = append(cands, *m)
	}
	if len(cands) == 0 {
		return entity.Mention{}, false
	}
	slices.Reverse(cands)
	for _, m := range cands {
		if !d.possessiveAt(m.End) {
			return m, true
		}
	}
	return cands[0], true
}

// checkLastPerson fails t if lastPerson resolves "he" or "she" otherwise
// than lastPersonRef at the start of a token or mention of body, or if
// sentenceAt finds another sentence than sort.Search there.
func checkLastPerson(t *testing.T, a *Attributor, body string) {
	d := a.newDoc(testInput(t, a, body))
	defer a.release(d)
	var at []int
	for _, tok := range d.in.Tokens {
		at = append(at, tok.Start, tok.End)
	}
	for _, m := range d.in.Mentions {
		at = append(at, m.Start-1, m.Start, m.End)
	}
	at = append(at, -1, len(body)+1)
	ss := d.in.Sentences
	for _, pos := range at {
		for _, pron := range []string{"he", "she"} {
			got, ok := d.lastPerson(pos, pron)
			want, wantOK := d.lastPersonRef(pos, pron)
			if ok != wantOK || ok && !reflect.DeepEqual(*got, want) {
				t.Fatalf("%.60q: lastPerson(%d, %s) = %v %t, want %v %t", body, pos, pron, got, ok, want, wantOK)
			}
		}
		i := sort.Search(len(ss), func(i int) bool { return ss[i].End > pos })
		want := article.Span{}
		if i < len(ss) {
			want = ss[i]
		} else {
			i = -1
		}
		if si, sp := d.sentenceAt(pos); si != i || sp != want {
			t.Fatalf("%.60q: sentenceAt(%d) = %d %v, want %d %v", body, pos, si, sp, i, want)
		}
	}
}

var lastPersonSeeds = []string{
	"John Smith met Mary Jones. He said it was over. Smith's aide and Jones spoke; she said “no”.",
	"“We won,” said Anna Berg, who met Peter Holm. Holm’s lawyer and Berg left. He said so. She agreed.",
}

// TestLastPersonRef compares lastPerson with its oracle on the example
// articles and on sentences made for it.
func TestLastPersonRef(t *testing.T) {
	a := testAttributor(t)
	for _, text := range testtexts.Examples(t) {
		checkLastPerson(t, a, text)
	}
	for _, body := range lastPersonSeeds {
		checkLastPerson(t, a, body)
	}
}

// FuzzLastPerson compares lastPerson with its oracle on any text.
func FuzzLastPerson(f *testing.F) {
	for _, s := range lastPersonSeeds {
		f.Add(s)
	}
	a := testAttributor(f)
	f.Fuzz(func(t *testing.T, body string) {
		checkLastPerson(t, a, body)
	})
}

// TestSearchBounds compares searchBounds with sort.Search on bounds in
// order, with repeated values, at every position around them.
func TestSearchBounds(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 40; n++ {
		bs := make([][2]int, n)
		for i := range bs {
			bs[i] = [2]int{r.Intn(50), r.Intn(50)}
		}
		for side := 0; side < 2; side++ {
			slices.SortFunc(bs, func(a, b [2]int) int { return a[side] - b[side] })
			for pos := -2; pos < 53; pos++ {
				want := sort.Search(len(bs), func(i int) bool { return bs[i][side] > pos })
				if got := searchBounds(bs, side, pos); got != want {
					t.Fatalf("searchBounds(%v, %d, %d) = %d, want %d", bs, side, pos, got, want)
				}
			}
		}
	}
}

// antecedentRef is antecedent as it was before it kept, per person, whether
// the person can be what the last role noun asked about refers back to,
// without the scans it resumes: the oracle of TestAntecedentRef and
// FuzzAntecedent.
func (d *doc) antecedentRef(head string, mods []string, pos int) (name string, anon, person, ok bool) {
	group := d.vocab.info(head).roleGroup
	if d.lx.anonHead[head] {
		k := sort.Search(len(d.anon), func(i int) bool { return d.anon[i].start >= pos })
		for k--; k >= 0; k-- {
			r := d.anon[k]
			if r.head == head || group != "" && d.vocab.info(r.head).roleGroup == group || d.lx.anonAny[head] {
				return r.text, true, false, true
			}
		}
	}
	best := -1
	for k := 0; k < d.mentionsBefore(pos); k++ {
		if d.antecedentMatchRef(k, head, group, mods) {
			best = k
		}
	}
	if best >= 0 {
		m := d.in.Mentions[best]
		return m.Name, false, m.Type == entity.Person, true
	}
	return "", false, false, false
}

// antecedentMatchRef is antecedentMatch as it was before it kept its
// answers per person.
func (d *doc) antecedentMatchRef(k int, head, group string, mods []string) bool {
	switch d.in.Mentions[k].Type {
	case entity.Outlet:
		return group == "newspaper" && !d.mentionFacts(k).inQuote
	case entity.Organization:
		switch group {
		case "company":
			return !d.mentionFacts(k).inQuote
		case "department", "tank":
			mf := d.mentionFacts(k)
			if mf.inQuote {
				return false
			}
			d.orgFacts(k, mf)
			return group == "department" && mf.department || group == "tank" && mf.tank
		}
	case entity.Person:
		pr := d.rolesOf(d.in.Mentions[k].Name)
		if pr == nil || d.mentionFacts(k).inQuote {
			return false
		}
		return d.personHasRole(pr, head, group, mods)
	}
	return false
}

// checkAntecedent fails t if antecedent resolves otherwise than its oracle
// the role nouns of body's narration, each with and without the word
// before it as a modifier, asked in text order and then backwards.
func checkAntecedent(t *testing.T, a *Attributor, body string) {
	d := a.newDoc(testInput(t, a, body))
	defer a.release(d)
	d.findAnonymous()
	type ask struct {
		head string
		mods []string
		pos  int
	}
	var asks []ask
	for si := range d.in.Sentences {
		nt := d.narration(si)
		for i := range nt {
			if nt[i].q >= 0 || !nt[i].is(cWord) {
				continue
			}
			head := d.lw(&nt[i])
			if d.info(&nt[i]).roleGroup == "" && !nt[i].is(fTitle|fAnonHead) {
				continue
			}
			asks = append(asks, ask{head, nil, nt[i].start})
			if i > 0 && nt[i-1].q < 0 {
				asks = append(asks, ask{head, []string{d.lw(&nt[i-1])}, nt[i].start})
			}
		}
	}
	for pass := 0; pass < 2; pass++ {
		for _, q := range asks {
			name, anon, person, ok := d.antecedent(q.head, a.vocab.info(q.head), q.mods, q.pos)
			wname, wanon, wperson, wok := d.antecedentRef(q.head, q.mods, q.pos)
			if name != wname || anon != wanon || person != wperson || ok != wok {
				t.Fatalf("%.60q: antecedent(%q, %q, %d) = %q %t %t %t, want %q %t %t %t", body, q.head, q.mods, q.pos,
					name, anon, person, ok, wname, wanon, wperson, wok)
			}
		}
		slices.Reverse(asks)
	}
}

var antecedentSeeds = []string{
	"President John Smith met Finance Minister Mary Jones. The president said “no”. The French minister left.",
	"The Interior Ministry and Acme Corp spoke. The ministry said so; the company agreed. The minister, Jones, smiled.",
}

// TestAntecedentRef compares antecedent with its oracle on the example
// articles and on sentences made for it.
func TestAntecedentRef(t *testing.T) {
	a := testAttributor(t)
	for _, text := range testtexts.Examples(t) {
		checkAntecedent(t, a, text)
	}
	for _, body := range antecedentSeeds {
		checkAntecedent(t, a, body)
	}
}

// FuzzAntecedent compares antecedent with its oracle on any text.
func FuzzAntecedent(f *testing.F) {
	for _, s := range antecedentSeeds {
		f.Add(s)
	}
	a := testAttributor(f)
	f.Fuzz(func(t *testing.T, body string) {
		checkAntecedent(t, a, body)
	})
}

var trimSeeds = []string{"", " ", "a", " a", "a ", "\u00a0x\u00a0", "x\u2003", "\u0085y", "said", "\tJohn Smith\n", "\xff", "a\xc2"}

// TestTrimSpace compares trimSpace with strings.TrimSpace.
func TestTrimSpace(t *testing.T) {
	for _, s := range trimSeeds {
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Errorf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzTrimSpace compares trimSpace with strings.TrimSpace on any text.
func FuzzTrimSpace(f *testing.F) {
	for _, s := range trimSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Errorf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestOpensClause compares opensClause with the words it stands for.
func TestOpensClause(t *testing.T) {
	for _, w := range []string{"", "i", "if", "of", "and", "but", "any", "that", "when", "than", "while", "whale", "whiles", "and "} {
		want := w == "that" || w == "and" || w == "but" || w == "while" || w == "when" || w == "if"
		if got := opensClause(w); got != want {
			t.Errorf("opensClause(%q) = %t, want %t", w, got, want)
		}
	}
}

// headRef is head as it was before the head was found as a token and
// its modifiers only when asked for (headOf, modifiers): the oracle of
// TestHeadRef and FuzzHead. It returns the head noun of the phrase (the last word before a
// preposition or relative), its lower-case modifiers and whether the phrase
// is definite. The modifiers are valid until the next call of head.
func (d *doc) headRef(nt []ntok, np span) (string, []string, bool) {
	hi := np.hi
	for i := np.lo + 1; i < np.hi; i++ {
		if nt[i].is(fPreposition | fRelative) {
			hi = i
			break
		}
	}
	first := d.lw(&nt[np.lo])
	definite := first == "the" || first == "this" || strings.HasSuffix(first, "\u2019s") || strings.HasSuffix(first, "'s")
	// The words go into a buffer of d, valid until the next call.
	var words []string
	for i := np.lo; i < hi; i++ {
		if nt[i].is(cWord) && !nt[i].is(fDeterminer) {
			words = append(words, d.lw(&nt[i]))
		}
	}
	if len(words) == 0 {
		return "", nil, definite
	}
	return words[len(words)-1], words[:len(words)-1], definite
}

// checkHead fails t if headOf and modifiers find another head, other
// modifiers or another definiteness than headRef in a phrase of up to
// eight tokens of body's narration, or if the head's vocabulary entry is
// not that of its word.
func checkHead(t *testing.T, a *Attributor, body string) {
	d := a.newDoc(testInput(t, a, body))
	defer a.release(d)
	for si := range d.in.Sentences {
		nt := d.narration(si)
		for lo := range nt {
			for hi := lo + 1; hi <= len(nt) && hi <= lo+8; hi++ {
				np := span{lo, hi}
				wantHead, wantMods, wantDef := d.headRef(nt, np)
				h, def := d.headOf(nt, np)
				var head string
				var mods []string
				if h >= 0 {
					head, mods = d.lw(&nt[h]), d.modifiers(nt, lo, h)
					if d.info(&nt[h]) != d.vocab.info(head) {
						t.Fatalf("%.60q: head %q has another entry than its word", body, head)
					}
				}
				if head != wantHead || !slices.Equal(mods, wantMods) || def != wantDef {
					t.Fatalf("%.60q: phrase %d-%d: head %q %q %t, want %q %q %t", body, lo, hi, head, mods, def, wantHead, wantMods, wantDef)
				}
			}
		}
	}
}

// TestHeadRef compares headOf and modifiers with their oracle on the
// example articles.
func TestHeadRef(t *testing.T) {
	a := testAttributor(t)
	for _, text := range testtexts.WithECB(t) {
		checkHead(t, a, text)
	}
	for _, body := range antecedentSeeds {
		checkHead(t, a, body)
	}
}

// FuzzHead compares headOf and modifiers with their oracle on any text.
func FuzzHead(f *testing.F) {
	for _, s := range antecedentSeeds {
		f.Add(s)
	}
	a := testAttributor(f)
	f.Fuzz(func(t *testing.T, body string) {
		checkHead(t, a, body)
	})
}
