package attribute

import (
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/internal/testtexts"
)

// anonNPRef is anonNP as it was before it asked whether a modifier is a
// name after its cheaper tests: the oracle of TestAnonNPRef and
// FuzzAnonNP. It reads the anonymous description headed by nt[h].
func (d *doc) anonNPRef(nt []ntok, h int) (referent, bool) {
	// Leftwards: modifiers back to a determiner.
	lo := h
	det := false
	adjs := 0
	for lo-1 >= 0 {
		t := nt[lo-1]
		if t.q >= 0 || !t.is(cWord) {
			break
		}
		if t.is(fAnonDet) {
			lo--
			det = true
			break
		}
		if d.lw(&t) == "the" || t.is(fPronoun) && !t.is(cUS) || t.is(fAuxiliary) || t.is(fPreposition) && d.lw(&t) != "and" {
			break
		}
		if t.is(fCueVerb) {
			break
		}
		if m, ok := d.mentionAt(t.start); ok && !t.is(fDemonym) && !isOrgOrPlace(m) {
			return referent{}, false // "Ministry spokesman Tomas Berg" is named
		}
		lo--
		adjs++
	}
	// A conjunction does not open a description ("… and officials said").
	for lo < h && (d.lw(&nt[lo]) == "and" || d.lw(&nt[lo]) == "or" || d.lw(&nt[lo]) == "but") {
		lo++
		adjs--
	}
	head := d.lw(&nt[h])
	plural := strings.HasSuffix(head, "s") || head == "people"
	familiar := h+1 < len(nt) && (d.lw(&nt[h+1]) == "familiar" || d.lw(&nt[h+1]) == "close" || d.lw(&nt[h+1]) == "knowledgeable" || d.lw(&nt[h+1]) == "briefed")
	if !det && !familiar {
		// A bare plural needs a nationality or institution before it:
		// "French officials", "U.S. officials", "Western diplomats".
		if !plural || (adjs == 0 || !d.namedGroup(nt, lo, h)) && !bareSource[head] {
			return referent{}, false
		}
		if lo < h && (d.lw(&nt[lo]) == "many" || d.lw(&nt[lo]) == "most" || d.lw(&nt[lo]) == "all") {
			return referent{}, false
		}
	}
	// A name right after the head makes it named: "official John Smith".
	if h+1 < len(nt) && nt[h+1].is(cCapital) {
		if m, ok := d.mentionAt(nt[h+1].start); ok && m.Type == "person" {
			return referent{}, false
		}
	}
	// Rightwards: post-modifiers ("for the White House", "familiar with the
	// matter", "whose phone was tapped").
	hi := h + 1
	relative := false
	for hi < len(nt) {
		t := nt[hi]
		if t.q >= 0 || isComma(&t) || isPunct(&t, ".;:!?") {
			break
		}
		if d.lw(&t) == "whose" || d.lw(&t) == "who" {
			relative = true
		}
		if t.is(fCueVerb) && !strings.HasSuffix(d.lw(&t), "ing") {
			if hi > h+1 || !relative {
				break
			}
		}
		if !relative && (t.is(fAuxiliary) || isAdverb(d.lw(&t)) || d.lw(&t) == "that") {
			break
		}
		if hi == h+1 && !t.is(fAnonPost) {
			break
		}
		hi++
	}
	// Trailing "cited by the newspaper" is how it was reached, not who it is.
	s, _ := d.stripVia(nt, span{lo, hi})
	hi = s.hi
	// Do not end on a preposition, determiner or relative pronoun.
	for hi-1 > h && nt[hi-1].is(fPreposition|fDeterminer|fRelative) {
		hi--
	}
	text := trimSpace(d.body[nt[lo].start:nt[hi-1].end])
	return referent{start: nt[lo].start, end: nt[hi-1].end, text: text, head: head, group: plural}, true
}

// checkAnonNP fails t if anonNP reads another description than its oracle
// at a word of body's narration.
func checkAnonNP(t *testing.T, a *Attributor, body string) {
	d := a.newDoc(testInput(t, a, body))
	defer a.release(d)
	for si := range d.in.Sentences {
		nt := d.narration(si)
		for h := range nt {
			if nt[h].q >= 0 || !nt[h].is(cWord) {
				continue
			}
			var got referent
			ok := d.anonNP(nt, h, &got)
			want, wantOK := d.anonNPRef(nt, h)
			if ok != wantOK || got != want {
				t.Fatalf("%.60q: anonNP at %q: %+v %t, want %+v %t", body, d.lw(&nt[h]), got, ok, want, wantOK)
			}
		}
	}
}

var anonNPSeeds = []string{
	"Ministry spokesman Tomas Berg and French officials said so; senior U.S. officials familiar with the matter agreed.",
	"Many Western diplomats, two sources close to Smith and official John Doe spoke, as did Pentagon officials.",
}

// TestAnonNPRef compares anonNP with its oracle on the example articles
// and on sentences made for it.
func TestAnonNPRef(t *testing.T) {
	a := testAttributor(t)
	for _, text := range append(testtexts.WithECB(t), anonNPSeeds...) {
		checkAnonNP(t, a, text)
	}
}

// FuzzAnonNP compares anonNP with its oracle on any text.
func FuzzAnonNP(f *testing.F) {
	for _, s := range anonNPSeeds {
		f.Add(s)
	}
	a := testAttributor(f)
	f.Fuzz(func(t *testing.T, body string) {
		checkAnonNP(t, a, body)
	})
}

// anonInRef is anonIn as it was before it bisected for the descriptions
// that can overlap: it tries every one. It is the oracle of TestAnonInRef
// and FuzzAnonIn.
func (d *doc) anonInRef(start, end int) (referent, bool) {
	for _, r := range d.anon {
		if r.start < end && r.end > start {
			return r, true
		}
	}
	return referent{}, false
}

// checkAnonIn fails t if the anonymous descriptions of body are not in
// text order, or if anonIn finds another one than its oracle over any
// span of up to a few of its tokens.
func checkAnonIn(t *testing.T, a *Attributor, body string) {
	d := a.newDoc(testInput(t, a, body))
	defer a.release(d)
	d.findAnonymous()
	for k := 1; k < len(d.anon); k++ {
		if d.anon[k].start < d.anon[k-1].start {
			t.Fatalf("%.60q: description %d starts at %d, before %d", body, k, d.anon[k].start, d.anon[k-1].start)
		}
	}
	toks := d.in.Tokens
	for i := range toks {
		for j := i; j < len(toks) && j < i+6; j++ {
			start, end := toks[i].Start, toks[j].End
			got, ok := d.anonIn(start, end)
			want, wantOK := d.anonInRef(start, end)
			if ok != wantOK || ok && *got != want {
				t.Fatalf("%.60q: anonIn(%d, %d) = %+v %t, want %+v %t", body, start, end, got, ok, want, wantOK)
			}
		}
	}
}

// TestAnonInRef compares anonIn with its oracle on the example articles
// and on sentences made for it.
func TestAnonInRef(t *testing.T) {
	a := testAttributor(t)
	for _, text := range append(testtexts.Examples(t), anonNPSeeds...) {
		checkAnonIn(t, a, text)
	}
}

// FuzzAnonIn compares anonIn with its oracle on any text.
func FuzzAnonIn(f *testing.F) {
	for _, s := range anonNPSeeds {
		f.Add(s)
	}
	a := testAttributor(f)
	f.Fuzz(func(t *testing.T, body string) {
		checkAnonIn(t, a, body)
	})
}

// bareSource is the set isBareSource tells, as the map it was.
var bareSource = map[string]bool{"officials": true, "sources": true, "diplomats": true, "insiders": true, "aides": true}

// TestIsBareSource compares isBareSource with the set it stands for.
func TestIsBareSource(t *testing.T) {
	words := []string{"official", "source", "people", "", "officialss"}
	for w := range bareSource {
		words = append(words, w)
	}
	for _, w := range words {
		if got := isBareSource(w); got != bareSource[w] {
			t.Errorf("isBareSource(%q) = %t, want %t", w, got, bareSource[w])
		}
	}
}

// anonymousListRef is anonymousList as it was before it looked at a byte
// or two around a description first and put the sources in order without
// a map: the oracle of TestClaimsRef and FuzzClaimsRef (see resultRef).
func (d *doc) anonymousListRef() []string {
	for _, r := range d.anon {
		before := strings.TrimSpace(d.lowerOf(max(0, r.start-24), r.start))
		after := d.lowerOf(r.end, min(len(d.body), r.end+40))
		if strings.HasSuffix(before, "citing") || strings.HasSuffix(before, "according to") ||
			strings.HasSuffix(before, "information from") || strings.HasPrefix(strings.TrimSpace(after), "anonymously") ||
			strings.Contains(after, "on condition of anonymity") {
			d.use(r.text)
		}
	}
	out := append([]string(nil), d.usedOrder...)
	if len(out) < 2 {
		return out // nothing to put in order
	}
	// Keep text order of first mention.
	pos := map[string]int{}
	for _, r := range d.anon {
		if _, ok := pos[r.text]; !ok {
			pos[r.text] = r.start
		}
	}
	posOr := func(k string) int {
		if p, ok := pos[k]; ok {
			return p
		}
		return 1 << 30
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && posOr(out[j]) < posOr(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// checkFieldCount fails t if fieldCount answers otherwise than countFields
// and strings.Fields, its oracles, for s and every limit up to one more
// than its fields.
func checkFieldCount(t *testing.T, s string) {
	n := len(strings.Fields(s))
	for limit := -1; limit <= n+1; limit++ {
		want := countFields(s, limit).n
		if want != max(min(n, limit), 0) {
			t.Fatalf("countFields(%q, %d).n = %d, strings.Fields gives %d fields", s, limit, want, n)
		}
		if got := fieldCount(s, limit); got != want {
			t.Errorf("fieldCount(%q, %d) = %d, want %d", s, limit, got, want)
		}
	}
}

var fieldCountSeeds = []string{"", " ", "a", "liaison cells", "  two  spaced   words  here and there ",
	"eight by eight bytes...........", "caf\u00e9 au lait, s\u2019il vous pla\u00eet", "tab\tand\nnew line\r\n",
	"em\u2003space\u00a0no-break\u0085next x\u3000y", "\x01control\x7fbytes\x00here and there too",
	"\xff\xe2\x80 invalid \xe2\x80\x99 bytes", "abcdefg hijklmno pqrstuvw xyz01234 56789abc"}

// TestFieldCount compares fieldCount with its oracles on the quotations
// made for it, on every part of them, and on the example articles.
func TestFieldCount(t *testing.T) {
	for _, s := range fieldCountSeeds {
		for i := 0; i <= len(s); i++ {
			checkFieldCount(t, s[i:])
			checkFieldCount(t, s[:i])
		}
	}
	for _, text := range testtexts.Examples(t) {
		for i := 0; i+64 <= len(text); i += 61 {
			checkFieldCount(t, text[i:i+64])
		}
	}
}

// FuzzFieldCount compares fieldCount with its oracles on any text, valid
// UTF-8 or not.
func FuzzFieldCount(f *testing.F) {
	for _, s := range fieldCountSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkFieldCount(t, s)
	})
}
