// The recogniser as it was before the speed work: the oracle that
// TestFindDifferential and FuzzFindDifferential compare Recognizer with.
// Package-level names are prefixed with "ref"; Mention and the type
// constants are shared.

package entity

import (
	"bufio"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/segment"
)

// refRecognizer finds entity mentions. It is safe for concurrent use.
type refRecognizer struct {
	titles, demonyms, orgWords, stop map[string]bool
	outletWords                      map[string]bool
	orgs                             map[string]bool
	places                           map[string]string // spelling → canonical
	canon                            sync.Pool         // *refCanonScratch, reused by canonicalise
}

// refCanonScratch holds the maps of one call of canonicalise.
type refCanonScratch struct {
	full   map[string]string
	titled map[string]bool
}

// refNew builds a refRecognizer from the embedded word lists. Outlets are not its
// job: the outlet table finds them (see package outlet).
func refNew() (*refRecognizer, error) {
	r := &refRecognizer{places: map[string]string{}, orgs: map[string]bool{}}
	var err error
	load := func(name string) map[string]bool {
		if err != nil {
			return nil
		}
		var m map[string]bool
		m, err = refWordSet(name)
		return m
	}
	r.titles = load("data/titles.txt")
	r.demonyms = load("data/demonyms.txt")
	r.orgWords = load("data/orgwords.txt")
	r.stop = load("data/stop.txt")
	r.outletWords = load("data/outletwords.txt")
	if err != nil {
		return nil, err
	}
	if err := refEachLine("data/orgs.txt", func(l string) { r.orgs[l] = true }); err != nil {
		return nil, err
	}
	if err := refEachLine("data/places.tsv", func(l string) {
		canon, alts, _ := strings.Cut(l, "\t")
		r.places[canon] = canon
		for _, a := range strings.Split(alts, "|") {
			if a != "" {
				r.places[a] = canon
			}
		}
	}); err != nil {
		return nil, err
	}
	return r, nil
}

func refEachLine(name string, fn func(string)) error {
	f, err := data.Open(name)
	if err != nil {
		return fmt.Errorf("entity: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		fn(l)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("entity: reading %s: %w", name, err)
	}
	return nil
}

func refWordSet(name string) (map[string]bool, error) {
	m := map[string]bool{}
	err := refEachLine(name, func(l string) {
		for _, w := range strings.Fields(l) {
			m[w] = true
		}
	})
	return m, err
}

// IsTitle reports whether w (any case) is a title or office word.
func (r *refRecognizer) IsTitle(w string) bool { return r.titles[strings.ToLower(w)] }

// IsDemonym reports whether w (any case) is a nationality or region
// adjective, or its plural used as a noun ("Europeans").
func (r *refRecognizer) IsDemonym(w string) bool {
	lw := strings.ToLower(w)
	return r.demonyms[lw] || strings.HasSuffix(lw, "s") && r.demonyms[lw[:len(lw)-1]]
}

// IsOrgWord reports whether w (any case) is a word that makes a name an
// organisation ("ministry", "office", "agency").
func (r *refRecognizer) IsOrgWord(w string) bool { return r.orgWords[strings.ToLower(w)] }

// Vocabulary returns every word w in lower case for which IsTitle(w),
// IsDemonym(w) or IsOrgWord(w) can be true, so that a caller can index the
// answers once for the words it meets.
func (r *refRecognizer) Vocabulary() []string {
	var out []string
	for _, m := range []map[string]bool{r.titles, r.demonyms, r.orgWords} {
		for w := range m {
			out = append(out, w, w+"s")
		}
	}
	sort.Strings(out)
	return out
}

// PlaceName returns the canonical name of a place spelling.
func (r *refRecognizer) PlaceName(s string) (string, bool) {
	c, ok := r.places[s]
	return c, ok
}

// refConnectors may stand inside a multi-word name.
var refConnectors = map[string]bool{"of": true, "for": true, "de": true, "du": true, "des": true,
	"von": true, "van": true, "der": true, "den": true, "la": true, "le": true, "al": true,
	"bin": true, "el": true, "da": true, "di": true}

// Find returns the entity mentions of body; toks are body's tokens.
func (r *refRecognizer) Find(body string, toks []segment.Token) []Mention {
	return r.FindLower(body, "", toks)
}

// FindLower is Find for a body whose lower case is known: lower is
// wordscan.Lower(body), with every offset of body, or "" when unknown.
func (r *refRecognizer) FindLower(body, lower string, toks []segment.Token) []Mention {
	return r.AppendLower(nil, body, lower, toks)
}

// AppendLower is FindLower appending the mentions to dst.
func (r *refRecognizer) AppendLower(dst []Mention, body, lower string, toks []segment.Token) []Mention {
	if len(lower) != len(body) {
		lower = ""
	}
	f := refFinder{r: r, body: body, lower: lower, toks: toks}
	base := len(dst)
	out := dst
	for i := 0; i < len(toks); {
		if !refNameLike(toks[i].Text) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			t := toks[j].Text
			if strings.ContainsRune(body[toks[j-1].End:toks[j].Start], '\n') {
				break // a name never runs over a line break
			}
			if refNameLike(t) && !refPossessive(toks[j-1].Text) {
				j++
				continue
			}
			if refConnectors[t] && j+1 < len(toks) && refNameLike(toks[j+1].Text) && !refPossessive(toks[j-1].Text) {
				j += 2
				continue
			}
			break
		}
		out = f.classify(i, j, out)
		i = j
	}
	r.canonicalise(out[base:])
	return out
}

// refNameLike reports whether a token can be part of a name: capitalised, not
// a hyphenated compound with a lower-case part ("DC-based").
func refNameLike(t string) bool {
	if t == "" {
		return false
	}
	if c := t[0]; c < utf8.RuneSelf && !('A' <= c && c <= 'Z') {
		return false // the common case, without decoding
	}
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) {
		return false
	}
	// No part between hyphens may start in lower case.
	start := true
	for _, r := range t {
		switch {
		case r == '-' || r == '\u2011':
			start = true
		case start:
			if unicode.IsLower(r) {
				return false
			}
			start = false
		}
	}
	return true
}

func refPossessive(t string) bool {
	return strings.HasSuffix(t, "\u2019s") || strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "s\u2019") || strings.HasSuffix(t, "s'")
}

func refStripPossessive(t string) string {
	for _, s := range []string{"\u2019s", "'s"} {
		if strings.HasSuffix(t, s) {
			return t[:len(t)-len(s)]
		}
	}
	if strings.HasSuffix(t, "s\u2019") {
		return t[:len(t)-len("\u2019")]
	}
	return t
}

// refFinder is the state of one call of FindLower.
type refFinder struct {
	r     *refRecognizer
	body  string
	lower string // body in lower case, or ""
	toks  []segment.Token
	buf   []byte
}

// low returns the lower case of w, which is toks[k].Text or a prefix of it.
func (f *refFinder) low(k int, w string) string {
	if f.lower != "" {
		s := f.toks[k].Start
		return f.lower[s : s+len(w)]
	}
	return strings.ToLower(w)
}

// classify turns the capitalised run toks[i:j] into mentions.
func (f *refFinder) classify(i, j int, out []Mention) []Mention {
	r, body, toks := f.r, f.body, f.toks
	// Drop sentence-opening function words ("The", "However").
	for i < j && (r.stop[f.low(i, refStripPossessive(toks[i].Text))] || strings.HasSuffix(toks[i].Text, "ly") ||
		i+1 < j && strings.HasSuffix(toks[i].Text, "ing")) {
		i++
	}
	if i >= j {
		return out
	}
	start, end := toks[i].Start, toks[j-1].Start+len(refStripPossessive(toks[j-1].Text))
	text := body[start:end]
	if c, ok := r.places[text]; ok {
		return append(out, Mention{Start: start, End: end, Text: text, Name: c, Type: Place, RoleStart: start})
	}
	if j-i >= 2 && r.outletWords[refStripPossessive(toks[j-1].Text)] {
		return append(out, Mention{Start: start, End: end, Text: text, Name: text, Type: Outlet, RoleStart: start})
	}
	if f.isOrg(i, j) {
		return append(out, Mention{Start: start, End: end, Text: text, Name: text, Type: Organization, RoleStart: start})
	}
	// A person's name holds no connector: "Anton Reusch of Nordvale" is a
	// person and a place.
	for c := i + 1; c < j-1; c++ {
		if toks[c].Text == "of" || toks[c].Text == "for" {
			out = f.classify(i, c, out)
			return f.classify(c+1, j, out)
		}
	}
	// A person: strip titles, nationalities and known organisations before
	// the name and keep them as roles.
	var roles []string
	k := i
	for k < j-1 {
		w := refStripPossessive(toks[k].Text)
		lw := f.low(k, w)
		if r.titles[lw] || r.demonyms[lw] || r.orgs[w] || r.places[w] != "" || refConnectors[lw] {
			roles = append(roles, lw)
			k++
			continue
		}
		break
	}
	// A title inside the run ends the words before the name: "Selka Hydro
	// CEO Tomas Brenner" is Tomas Brenner, CEO of Selka Hydro.
	for m := j - 2; m >= k; m-- {
		if lw := f.low(m, refStripPossessive(toks[m].Text)); r.titles[lw] && m+1 < j {
			for x := k; x <= m; x++ {
				roles = append(roles, f.low(x, refStripPossessive(toks[x].Text)))
			}
			k = m + 1
			break
		}
	}
	if k == j-1 && k > i && (r.titles[f.low(k, toks[k].Text)] || r.demonyms[f.low(k, toks[k].Text)]) {
		return out // only titles: "Prime Minister"
	}
	if k > i {
		// The leading known words are mentions of their own when they are
		// organisations or places ("NATO Secretary General …").
		for m := i; m < k; m++ {
			w := refStripPossessive(toks[m].Text)
			if r.orgs[w] {
				out = append(out, Mention{Start: toks[m].Start, End: toks[m].Start + len(w), Text: w, Name: w, Type: Organization, RoleStart: toks[m].Start})
			} else if c := r.places[w]; c != "" {
				out = append(out, Mention{Start: toks[m].Start, End: toks[m].Start + len(w), Text: w, Name: c, Type: Place, RoleStart: toks[m].Start})
			}
		}
	}
	nameToks := toks[k:j]
	if len(nameToks) == 1 {
		w := refStripPossessive(nameToks[0].Text)
		lw := f.low(k, w)
		if r.IsDemonym(lw) || r.titles[lw] || r.stop[lw] || strings.HasSuffix(lw, "ing") {
			return out
		}
		if refIsAcronym(w) {
			return append(out, Mention{Start: nameToks[0].Start, End: nameToks[0].Start + len(w), Text: w, Name: w, Type: Organization, RoleStart: nameToks[0].Start})
		}
		// A lone capitalised word opening a sentence with no title is too
		// weak a signal unless it recurs (handled by canonicalise).
	}
	ns := nameToks[0].Start
	roles = f.rolesBefore(roles, i)
	roles = append(roles, f.appositive(j)...)
	roleStart := ns
	if k > i {
		roleStart = toks[i].Start
	}
	return append(out, Mention{Start: ns, End: end, Text: body[ns:end], Name: body[ns:end], Type: Person, Roles: roles, RoleStart: roleStart})
}

func refIsAcronym(w string) bool {
	n := 0
	for _, c := range w {
		if unicode.IsLower(c) {
			return false
		}
		if unicode.IsUpper(c) {
			n++
		}
	}
	return n >= 2
}

// isOrg reports whether the run toks[i:j] names an organisation.
func (f *refFinder) isOrg(i, j int) bool {
	r, toks := f.r, f.toks
	b := f.buf[:0]
	for k := i; k < j; k++ {
		if k > i {
			b = append(b, ' ')
		}
		b = append(b, refStripPossessive(toks[k].Text)...)
	}
	f.buf = b
	if r.orgs[string(b)] {
		return true
	}
	for k := i; k < j; k++ {
		if r.orgWords[f.low(k, refStripPossessive(toks[k].Text))] {
			return true
		}
	}
	if j-i != 1 {
		return false
	}
	w := refStripPossessive(toks[i].Text)
	return refIsAcronym(w) && !r.demonyms[f.low(i, w)]
}

// rolesBefore appends to roles the lower-case title words standing right
// before a name ("Ministry spokesman Tomas Berg", "international affairs
// specialist").
func (f *refFinder) rolesBefore(roles []string, i int) []string {
	r, toks := f.r, f.toks
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		lw := f.low(k, refStripPossessive(toks[k].Text))
		if r.titles[lw] || r.demonyms[lw] || r.orgs[toks[k].Text] {
			roles = append(roles, lw)
			continue
		}
		break
	}
	return roles
}

// appositive collects the words of a description set off after a name:
// "Andriy Yusov, spokesman for …," or "the Quincy Institute, a think tank,".
func (f *refFinder) appositive(j int) []string {
	r, toks := f.r, f.toks
	if j+1 >= len(toks) || toks[j].Text != "," {
		return nil
	}
	first := f.low(j+1, toks[j+1].Text)
	if first == "who" || first == "which" || first == "whose" {
		return nil
	}
	var roles []string
	for k := j + 1; k < len(toks) && k < j+10; k++ {
		t := toks[k].Text
		if t == "," || t == "." || t == ";" || t == ")" {
			break
		}
		lw := f.low(k, t)
		if lw == "a" || lw == "an" || lw == "the" {
			continue
		}
		if r.titles[lw] || !refNameLike(t) {
			roles = append(roles, lw)
		}
	}
	if len(roles) == 0 || !r.describes(roles) {
		return nil
	}
	return roles
}

// describes reports whether appositive words contain a title or role noun.
func (r *refRecognizer) describes(words []string) bool {
	for _, w := range words {
		if r.titles[w] || r.orgWords[w] || w == "tank" || w == "daily" || w == "newspaper" {
			return true
		}
	}
	return false
}

// canonicalise gives every mention its entity's canonical name: a person's
// fullest name sharing the surname, an organisation's name without "the".
func (r *refRecognizer) canonicalise(ms []Mention) {
	cs, _ := r.canon.Get().(*refCanonScratch)
	if cs == nil {
		cs = &refCanonScratch{full: map[string]string{}, titled: map[string]bool{}}
	}
	defer func() {
		clear(cs.full)
		clear(cs.titled)
		r.canon.Put(cs)
	}()
	full := cs.full // surname → fullest name
	for _, m := range ms {
		if m.Type != Person {
			continue
		}
		last := refLastField(m.Name)
		if len(m.Name) > len(full[last]) {
			full[last] = m.Name
		}
	}
	titled := cs.titled
	for _, m := range ms {
		if m.Type == Person && len(m.Roles) > 0 {
			titled[m.Name] = true
		}
	}
	for i := range ms {
		if ms[i].Type == Person {
			ms[i].Name = full[refLastField(ms[i].Name)]
			ms[i].Weak = !strings.Contains(ms[i].Name, " ") && !titled[ms[i].Name]
		}
	}
}

// refLastField returns the last of strings.Fields(s), which must have one.
func refLastField(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return s[i+n:]
}

// refEntities merges mentions into the per-document entity list, ordered by
// first mention. Lone capitalised words that never recur are left out.
func refEntities(ms []Mention) []article.Entity {
	type key struct{ name, typ string }
	idx := map[key]int{}
	// First pass: the entities in order of first mention and the number of
	// mentions of each, so that every slice is made at its size.
	var counts []int
	ent := make([]int32, len(ms)) // entity of each mention, -1 for weak ones
	for mi, m := range ms {
		if m.Weak {
			ent[mi] = -1
			continue
		}
		k := key{m.Name, m.Type}
		i, ok := idx[k]
		if !ok {
			i = len(counts)
			idx[k] = i
			counts = append(counts, 0)
		}
		counts[i]++
		ent[mi] = int32(i)
	}
	if len(counts) == 0 {
		return nil
	}
	out := make([]article.Entity, len(counts))
	total := 0
	for _, c := range counts {
		total += c
	}
	spans := make([][2]int, total)
	for i, c := range counts {
		out[i].Mentions = spans[:0:c]
		spans = spans[c:]
	}
	for mi, m := range ms {
		i := ent[mi]
		if i < 0 {
			continue
		}
		e := &out[i]
		if len(e.Mentions) == 0 {
			e.Name, e.Type = m.Name, m.Type
		}
		e.Mentions = append(e.Mentions, [2]int{m.Start, m.End})
		if !refContains(e.Spellings, m.Text) {
			e.Spellings = append(e.Spellings, m.Text)
		}
	}
	for i := range out {
		sort.Strings(out[i].Spellings)
	}
	return out
}

func refContains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
