package attribute

import (
	"bytes"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/entity"
	"github.com/hearsaylab/hearsay/internal/wordscan"
)

// span is a half-open range of narration tokens.
type span struct{ lo, hi int }

var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true,
	"these": true, "those": true, "another": true}

var prepositions = map[string]bool{"with": true, "in": true, "on": true, "at": true, "after": true,
	"before": true, "during": true, "despite": true, "for": true, "from": true, "to": true,
	"as": true, "like": true, "unlike": true, "under": true, "since": true, "by": true, "of": true,
	"if": true, "when": true, "while": true, "although": true, "though": true, "because": true}

// subjectLeft finds the subject noun phrase of the verb at nt[ci], to its left.
func (d *doc) subjectLeft(nt []ntok, ci int) (span, bool) {
	j := ci - 1
	for j >= 0 && nt[j].q < 0 && (nt[j].is(fAdverb|fAuxiliary) || isAdverb(d.lw(&nt[j])) || nt[j].isWord(idVery) || nt[j].isWord(idSo) || nt[j].isWord(idQuite)) {
		j--
	}
	if j < 0 || nt[j].q >= 0 {
		return span{}, false
	}
	if nt[j].p == ')' {
		for j >= 0 && nt[j].p != '(' {
			j--
		}
		j--
	}
	if j < 0 {
		return span{}, false
	}
	if nt[j].is(fRelative) && !nt[j].isWord(idThat) {
		j--
		if j >= 0 && isComma(&nt[j]) {
			j--
		}
		if j < 0 || nt[j].q >= 0 {
			return span{}, false
		}
		return d.tightNP(nt, j), true
	} else if isComma(&nt[j]) {
		// An appositive or a parenthetical phrase between commas.
		k := j - 1
		for k >= 0 && !isComma(&nt[k]) && nt[k].q < 0 && !isPunct(&nt[k], ";:") {
			k--
		}
		seg := span{k + 1, j}
		if seg.hi <= seg.lo {
			return span{}, false
		}
		first := d.lw(&nt[seg.lo])
		if nt[seg.lo].is(fPreposition) || strings.HasSuffix(first, "ing") || first == "who" || first == "which" || first == "whose" {
			if k < 0 || !isComma(&nt[k]) {
				return span{}, false
			}
			j = k - 1
		} else if (first == "a" || first == "an" || first == "the" || nt[seg.lo].is(fTitle)) && k >= 0 && isComma(&nt[k]) {
			prev := d.clauseNP(nt, k-1)
			if d.hasName(nt, prev) {
				return prev, true
			}
			return seg, true
		} else {
			return seg, true
		}
	}
	if j < 0 || nt[j].q >= 0 || !nt[j].is(cWord) && nt[j].p != ')' {
		return span{}, false
	}
	if d.isPronoun(&nt[j]) {
		return span{j, j + 1}, true
	}
	if nt[j].isWord(idAnd) || nt[j].isWord(idBut) {
		// A second verb of the same subject: "X promised … and told …".
		return d.mainSubject(nt, j)
	}
	np := d.clauseNP(nt, j)
	return np, np.hi > np.lo
}

// trimSpace is strings.TrimSpace, without a call for the text of tokens,
// which mostly starts and ends with an ASCII byte that is no space.
func trimSpace(s string) string {
	if len(s) > 0 && ' ' < s[0] && s[0] < utf8.RuneSelf && ' ' < s[len(s)-1] && s[len(s)-1] < utf8.RuneSelf {
		return s
	}
	return strings.TrimSpace(s)
}

func isAdverb(w string) bool {
	return strings.HasSuffix(w, "ly") && len(w) > 4 && w != "only" && w != "italy" && w != "family" && w != "ally"
}

// clauseNP extends a noun phrase ending at nt[j] leftwards to the start of
// its clause.
func (d *doc) clauseNP(nt []ntok, j int) span {
	if j < 0 {
		return span{}
	}
	lo := j
	for lo-1 >= 0 {
		t := &nt[lo-1]
		if t.q >= 0 || isComma(t) || isPunct(t, ";:.!?") {
			break
		}
		if opensClause(d.lw(t)) {
			break
		}
		if t.is(fCueVerb) && lo-1 > 0 {
			break
		}
		lo--
	}
	if j-lo > 25 {
		lo = j - 25
	}
	return span{lo, j + 1}
}

// opensClause reports whether the word w opens a clause that a noun phrase
// does not reach back over: "that", "and", "but", "while", "when", "if".
func opensClause(w string) bool {
	switch len(w) {
	case 2:
		return w == "if"
	case 3:
		return w == "and" || w == "but"
	case 4:
		return w == "that" || w == "when"
	case 5:
		return w == "while"
	}
	return false
}

// documentNouns name texts that speak for their author.
var documentNouns = map[string]bool{"statement": true, "report": true, "release": true, "letter": true,
	"document": true, "email": true, "memo": true, "filing": true, "post": true, "tweet": true,
	"communique": true, "communiqué": true, "notice": true, "bulletin": true,
	"documents": true, "leak": true, "leaks": true, "files": true, "papers": true, "cables": true, "records": true}

// leakNouns are documents that are a source in their own right when no
// author is named: leaks, files, cables.
var leakNouns = map[string]bool{"document": true, "documents": true, "leak": true, "leaks": true,
	"files": true, "papers": true, "cables": true, "records": true, "memo": true, "report": true}

// describe returns the phrase as a source description: without a leading
// determiner, hedge or "the".
func (d *doc) describe(nt []ntok, np span) string {
	lo := np.lo
	for lo < np.hi-1 && (nt[lo].is(fDeterminer|fAnonDet) || d.lw(&nt[lo]) == "apparent" || d.lw(&nt[lo]) == "alleged" || d.lw(&nt[lo]) == "purported") {
		lo++
	}
	return trimSpace(d.body[nt[lo].start:nt[np.hi-1].end])
}

// mentionAfterPreposition finds the entity named after "from", "by" or "of"
// in the phrase ("a statement from the ministry").
func (d *doc) mentionAfterPreposition(nt []ntok, np span) (entity.Mention, bool) {
	for i := np.lo; i < np.hi; i++ {
		if w := d.lw(&nt[i]); w == "from" || w == "by" || w == "of" {
			for k := i + 1; k < np.hi; k++ {
				if m, ok := d.mentionAt(nt[k].start); ok && !m.Weak {
					return *m, true
				}
			}
			return entity.Mention{}, false
		}
	}
	return entity.Mention{}, false
}

// isPronoun reports whether t is a personal pronoun ("US" is a country).
func (d *doc) isPronoun(t *ntok) bool {
	return t.is(fPronoun) && !t.is(cUS)
}

// tightNP extends the name or description ending at nt[j] leftwards over
// capitalised words, titles and one determiner only: the antecedent of a
// relative clause ("…exemplified by former Prime Minister X, who said").
func (d *doc) tightNP(nt []ntok, j int) span {
	lo := j
	for lo-1 >= 0 {
		t := &nt[lo-1]
		if t.q >= 0 || !t.is(cWord) {
			break
		}
		if t.is(cCapital) || t.is(fTitle|fDemonym) || d.lw(t) == "former" || t.isWord(idOf) {
			lo--
			continue
		}
		if t.is(fDeterminer | fAnonDet) {
			lo--
		}
		break
	}
	return span{lo, j + 1}
}

// objectNP reads a noun phrase starting at nt[i]: the subject after an
// inverted cue ("said the commander") or the object of "according to" or "by".
func (d *doc) objectNP(nt []ntok, i int) (span, bool) {
	if i >= len(nt) || nt[i].q >= 0 {
		return span{}, false
	}
	k := i
	for k < len(nt) && nt[k].q < 0 {
		t := &nt[k]
		if isComma(t) || isPunct(t, ".;:!?[") {
			break
		}
		if k > i && (t.isWord(idWho) || t.isWord(idWhich) || t.isWord(idThat) || t.isWord(idAs) || t.isWord(idIn) || t.isWord(idOn) || t.isWord(idAt) || t.isWord(idAnd)) {
			break
		}
		if k > i && t.is(fCueVerb) {
			break
		}
		k++
	}
	if k == i || k-i > 20 {
		return span{}, false
	}
	return span{i, k}, true
}

// mainSubject finds the subject of the sentence for a participle cue
// ("X encouraged escalation, arguing that …"): its first named or described
// speaker.
func (d *doc) mainSubject(nt []ntok, ci int) (span, bool) {
	for i := 0; i < ci; i++ {
		t := &nt[i]
		if t.q >= 0 {
			continue
		}
		if d.isPronoun(t) && d.lw(t) != "it" {
			return span{i, i + 1}, true
		}
		if m, ok := d.mentionAt(t.start); ok && m.Type != entity.Place {
			// The whole name phrase: titles and names run together
			// ("NATO Secretary General Jens Stoltenberg").
			j := i
			for j < ci && nt[j].q < 0 && (nt[j].is(cCapital) || nt[j].is(fTitle)) {
				j++
			}
			if j == i {
				j = i + 1
			}
			return span{i, j}, true
		}
		if ref, ok := d.anonAt(t.start); ok {
			j := i
			for j < ci && nt[j].end <= ref.end {
				j++
			}
			return span{i, j}, true
		}
	}
	return span{}, false
}

func (d *doc) hasName(nt []ntok, s span) bool {
	for i := s.lo; i < s.hi; i++ {
		if m, ok := d.mentionAt(nt[i].start); ok && m.Type == entity.Person {
			return true
		}
	}
	return false
}

// mentionAt returns the entity mention covering body offset pos. It
// searches the mentions' bounds (d.mbounds), which are small and close
// together, rather than the mentions.
func (d *doc) mentionAt(pos int) (*entity.Mention, bool) {
	mb := d.mbounds
	i := searchBounds(mb, 1, pos)
	for ; i < len(mb) && mb[i][0] <= pos; i++ {
		if pos >= mb[i][0] && pos < mb[i][1] {
			return &d.in.Mentions[i], true
		}
	}
	return nil, false
}

// boundMentions fills d.mbounds with the start and end of every mention,
// and d.maxMention with the length of the longest, at least 1.
func (d *doc) boundMentions() {
	ms := d.in.Mentions
	mb := slices.Grow(d.mbounds[:0], len(ms))[:len(ms)]
	longest := 1
	for i := range mb {
		st, en := ms[i].Start, ms[i].End
		mb[i] = [2]int{st, en}
		longest = max(longest, en-st)
	}
	d.mbounds, d.maxMention = mb, longest
}

func (d *doc) anonAt(pos int) (referent, bool) {
	for _, r := range d.anon {
		if pos >= r.start && pos < r.end {
			return r, true
		}
	}
	return referent{}, false
}

// resolve turns the noun phrase nt[np] into a speaker: it fills in at,
// which holds the cue, and sets at.ok, or clears at when the phrase names
// no speaker. (at is filled in place: an attribution is too large to copy
// in and out of every call.)
func (d *doc) resolve(nt []ntok, np span, at *attribution) {
	if np.hi <= np.lo {
		*at = attribution{}
		return
	}
	for np.hi-np.lo > 1 && (nt[np.lo].isWord(idBut) || nt[np.lo].isWord(idAnd) || nt[np.lo].isWord(idSo) || nt[np.lo].isWord(idYet)) {
		np.lo++
	}
	// Drop trailing "cited by the newspaper" and the like; they name a channel.
	np, via := d.stripVia(nt, np)
	start, end := nt[np.lo].start, nt[np.hi-1].end
	at.mention = trimSpace(d.body[start:end])
	if via.hi > via.lo {
		if ch := d.channelOfNP(nt, via); ch != "" {
			at.channel = ch
		}
	}
	first := d.lw(&nt[np.lo])
	if np.hi-np.lo == 1 && d.isPronoun(&nt[np.lo]) {
		if first == "he" || first == "she" || first == "him" || first == "her" {
			pron := "he"
			if first == "she" || first == "her" {
				pron = "she"
			}
			if m, ok := d.lastPerson(start, pron); ok {
				at.ok, at.speaker = true, m.Name
				return
			}
		}
		if first == "they" || first == "we" {
			if r, ok := d.lastGroup(start); ok {
				at.ok, at.speaker, at.anonymous = true, r.text, true
				return
			}
		}
		*at = attribution{}
		return
	}
	// An anonymous description.
	if r, ok := d.anonIn(start, end); ok {
		at.ok, at.speaker, at.anonymous = true, r.text, true
		if r.channel != "" && at.channel == "" {
			at.channel = r.channel
		}
		return
	}
	h, definite := d.headOf(nt, np)
	head, hw := "", &d.vocab.infos[0]
	if h >= 0 {
		head, hw = d.lw(&nt[h]), d.info(&nt[h])
	}
	// "Reid's rep", "the minister's spokesman": the possessor is not the
	// speaker; the description is.
	if d.possessedRole(nt, np, head, hw) {
		at.ok, at.speaker = true, at.mention
		return
	}
	// "a statement from the Interior Ministry", "a report by Reuters": the
	// source of the document speaks.
	if hw.flags&(fDocumentNoun|fCueNoun) != 0 {
		if m, ok := d.mentionAfterPreposition(nt, np); ok {
			at.ok, at.speaker = true, m.Name
			return
		}
		// "an apparent Pentagon leak revealed", "leaked documents showed":
		// the document is the source, not the body named inside it.
		if hw.flags&fLeakNoun != 0 {
			at.ok, at.speaker = true, d.describe(nt, np)
			return
		}
	}
	// A named entity in the head of the phrase.
	if m, ok := d.bestMention(start, end, nt, np); ok {
		at.ok, at.speaker = true, m.Name
		return
	}
	if head == "" {
		*at = attribution{}
		return
	}
	// A role noun referring back: "the French president", "the newspaper".
	if definite {
		if name, anon, _, ok := d.antecedent(head, hw, d.modifiers(nt, np.lo, h), start); ok {
			at.ok, at.speaker, at.anonymous = true, name, anon
			if anon {
				if ch := d.refChannel[name]; ch != "" && at.channel == "" {
					at.channel = ch
				}
			}
			return
		}
	}
	if hw.roleGroup == "" && hw.flags&(fTitle|fAnonHead|fOrgWord) == 0 {
		*at = attribution{}
		return
	}
	// An unresolved description is its own speaker: a unique office held by
	// an unnamed person ("France’s foreign minister") is not anonymous.
	desc := at.mention
	// Only ASCII letters lower-case to "the ".
	if len(desc) >= 4 && strings.EqualFold(desc[:4], "the ") {
		desc = desc[4:]
	}
	at.ok, at.speaker = true, desc
	at.anonymous = !definite && hw.flags&fAnonHead != 0
}

// possessedRole reports whether the phrase is a role owned by someone
// else: "Reid's rep", "the company's lawyer".
func (d *doc) possessedRole(nt []ntok, np span, head string, hw *wordInfo) bool {
	if hw.flags&(fTitle|fAnonHead) == 0 && hw.roleGroup == "" {
		return false
	}
	if d.lw(&nt[np.hi-1]) != head {
		return false
	}
	for i := np.lo; i < np.hi-1; i++ {
		if nt[i].is(cPossessive) {
			return true
		}
	}
	return false
}

// headOf returns the index in nt of the head noun of the phrase np (its
// last word, determiners left out, before a preposition or relative), or
// -1 when it has none, and whether the phrase is definite.
func (d *doc) headOf(nt []ntok, np span) (int, bool) {
	hi := np.hi
	for i := np.lo + 1; i < np.hi; i++ {
		if nt[i].is(fPreposition | fRelative) {
			hi = i
			break
		}
	}
	first := d.lw(&nt[np.lo])
	definite := first == "the" || first == "this" || strings.HasSuffix(first, "\u2019s") || strings.HasSuffix(first, "'s")
	for h := hi - 1; h >= np.lo; h-- {
		if nt[h].is(cWord) && !nt[h].is(fDeterminer) {
			return h, definite
		}
	}
	return -1, definite
}

// modifiers returns in lower case the words of nt[lo:h] but determiners:
// those that modify the head nt[h] of a phrase starting at lo (see
// headOf). They are valid until the next call.
func (d *doc) modifiers(nt []ntok, lo, h int) []string {
	words := d.headWords[:0]
	for i := lo; i < h; i++ {
		if nt[i].is(cWord) && !nt[i].is(fDeterminer) {
			words = append(words, d.lw(&nt[i]))
		}
	}
	d.headWords = words
	return words
}

// bestMention picks the entity a phrase names: a person before an outlet
// before an organisation before a place, ignoring names inside a post-modifier
// ("the prime minister of Estonia" names no one).
func (d *doc) bestMention(start, end int, nt []ntok, np span) (*entity.Mention, bool) {
	hi := end
	for i := np.lo + 1; i < np.hi; i++ {
		if nt[i].is(fPreposition) && !nt[i].isWord(idOf) || nt[i].is(fRelative) {
			hi = nt[i].start
			break
		}
		if nt[i].isWord(idOf) {
			// "of" after a title word starts a post-modifier.
			if nt[i-1].is(fTitle) || d.info(&nt[i-1]).roleGroup != "" {
				hi = nt[i].start
				break
			}
		}
	}
	rank := func(m *entity.Mention) int {
		if m.Weak {
			return 0
		}
		switch m.Type {
		case entity.Person:
			return 4
		case entity.Outlet:
			return 3
		case entity.Organization:
			return 2
		case entity.Place:
			return 1
		}
		return 0
	}
	best := -1
	// Mentions are in order of their starts: those ending after start
	// begin after start-maxLen, and none from the first beginning at hi.
	ms, mb := d.in.Mentions, d.mbounds
	for k := d.mentionsBefore(start - d.maxMention + 1); k < len(mb) && mb[k][0] < hi; k++ {
		if mb[k][1] <= start {
			continue
		}
		if best < 0 || rank(&ms[k]) > rank(&ms[best]) || (rank(&ms[k]) == rank(&ms[best]) && mb[k][0] > mb[best][0]) {
			best = k
		}
	}
	if best < 0 {
		return nil, false
	}
	return &ms[best], true
}

// lastPerson resolves a personal pronoun at pos: among the people named in
// narration before it, those of the nearest sentence that names any, and of
// them the first that is not a possessive — the subject, which is what a
// following "he" or "she" most often refers to.
func (d *doc) lastPerson(pos int, pron string) (*entity.Mention, bool) {
	// The candidates are the agreeing people named before pos in the
	// sentence of the last of them; walking back from pos finds them
	// without rescanning the document for every pronoun. The last found
	// is the first in text order, and so is the last found that is not a
	// possessive.
	first, subject := -1, -1
	from := math.MinInt // where the sentence of the candidates starts, once known
	for k := d.mentionsBefore(pos) - 1; k >= 0; k-- {
		m := &d.in.Mentions[k]
		if m.Start < from {
			// Before the sentence of the candidates, as every mention
			// after this one is: none of them is asked about.
			break
		}
		if m.Type != entity.Person || m.Weak {
			continue
		}
		if mf := d.mentionFacts(k); mf.inQuote || !d.agreesAt(k, mf, pron) {
			continue
		}
		if first < 0 {
			// The sentence of m is the first ending after m.Start; the
			// mentions before m are in it when they start after the
			// sentence before it ends.
			if si, _ := d.sentenceAt(m.Start); si > 0 {
				from = d.in.Sentences[si-1].End
			}
		}
		first = k
		if !d.possessiveAt(m.End) {
			subject = k
		}
	}
	switch {
	case subject >= 0:
		return &d.in.Mentions[subject], true
	case first >= 0:
		return &d.in.Mentions[first], true
	}
	return nil, false
}

// mentionsBefore returns the number of mentions that start before pos
// (mentions are in text order).
func (d *doc) mentionsBefore(pos int) int {
	return searchBounds(d.mbounds, 0, pos-1)
}

// searchBounds returns the first index i of bs with bs[i][side] > pos, or
// len(bs) if there is none, the bounds being in order of side: what
// sort.Search finds, without a call per probe.
func searchBounds(bs [][2]int, side, pos int) int {
	lo, hi := 0, len(bs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if bs[m][side&1] > pos {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// agreesAt reports whether the person named by mention k, whose facts are
// mf, can go with the pronoun: only given names known to go with the other
// pronoun disagree. The gender of the name is looked up once per mention.
func (d *doc) agreesAt(k int, mf *mentionFacts, pron string) bool {
	if !mf.genderKnown {
		mf.gender, mf.hasGender = d.gender(d.in.Mentions[k].Name)
		mf.genderKnown = true
	}
	return !mf.hasGender || mf.gender == pron
}

// possessiveAt reports whether the name ending at end is followed by "’s".
func (d *doc) possessiveAt(end int) bool {
	rest := d.body[end:]
	return strings.HasPrefix(rest, "\u2019s") || strings.HasPrefix(rest, "'s")
}

func (d *doc) lastGroup(pos int) (referent, bool) {
	var best referent
	found := false
	for _, r := range d.anon {
		if r.start < pos && r.group {
			best, found = r, true
		}
	}
	return best, found
}

func (d *doc) insideQuote(pos int) bool {
	i := searchTokens(d.in.Tokens, 0, pos)
	return i < len(d.in.Tokens) && d.in.Tokens[i].Start <= pos && d.quoteOf[i] != 0
}

// antecedent resolves a definite role noun to the entity it refers back
// to: the noun head, whose vocabulary entry is hw (vocabulary.info(head)),
// with the modifiers mods.
func (d *doc) antecedent(head string, hw *wordInfo, mods []string, pos int) (name string, anon, person, ok bool) {
	group := hw.roleGroup
	if hw.flags&fAnonHead != 0 { // a head of lexicon.anonHead
		// The last matching description before pos: walk back from pos.
		k := sort.Search(len(d.anon), func(i int) bool { return d.anon[i].start >= pos })
		if k > 0 && d.lx.anonAny[head] {
			return d.anon[k-1].text, true, false, true
		}
		for k--; k >= 0; k-- {
			if r := &d.anon[k]; r.head == head || group != "" && d.vocab.info(r.head).roleGroup == group {
				return r.text, true, false, true
			}
		}
	}
	// The last matching mention before pos. Cues come in text order, so
	// the scan for a role noun resumes where its previous one stopped:
	// linear in the document, not quadratic, when the noun matches nothing
	// ("said the ferryman" in every paragraph of a book).
	// The key of a role noun without modifiers is the noun, which lives as
	// long as the document; with modifiers, the words joined by zeros.
	key := head
	if len(mods) > 0 {
		kb := append(d.keyBuf[:0], head...)
		for _, m := range mods {
			kb = append(kb, 0)
			kb = append(kb, m...)
		}
		d.keyBuf = kb
		key = string(kb)
	}
	n := d.mentionsBefore(pos)
	d.nameCandidates(n)
	prev, ok := d.scans[key]
	sc := prev
	if !ok {
		sc = antecedentScan{best: -1, id: int32(len(d.scans)) + 1}
	} else if sc.scanned > n {
		sc = antecedentScan{best: -1, id: sc.id}
	}
	cs := d.ante
	j := sc.next
	for ; j < len(cs) && int(cs[j].k) < n; j++ {
		if d.antecedentMatch(&cs[j], sc.id, head, group, mods) {
			sc.best = int(cs[j].k)
		}
	}
	sc.scanned, sc.next = n, j
	if !ok || sc != prev {
		d.scans[key] = sc
	}
	if sc.best >= 0 {
		m := &d.in.Mentions[sc.best]
		return m.Name, false, m.Type == entity.Person, true
	}
	return "", false, false, false
}

// antecedentScan is how far the mentions have been scanned for the
// antecedent of one role noun, and the last match among them (-1: none).
type antecedentScan struct {
	scanned, best int
	next          int   // the first of d.ante not scanned
	id            int32 // the role noun's number in the document, from 1
}

// anteCandidate is a mention that a role noun can refer back to: an
// outlet, an organisation or a person named with roles, outside
// quotations.
type anteCandidate struct {
	k    int32 // its index in d.in.Mentions
	kind anteKind
	pr   *personRoles // a person's roles
}

// anteKind is the kind of a mention that can be an antecedent.
type anteKind uint8

const (
	anteOutlet anteKind = iota
	anteOrganization
	antePerson
)

// nameCandidates extends d.ante to the candidates among the first n
// mentions, so that the scans for the antecedents of several role nouns
// read what each mention is once.
func (d *doc) nameCandidates(n int) {
	for k := d.anteKnown; k < n; k++ {
		var c anteCandidate
		switch m := &d.in.Mentions[k]; m.Type {
		case entity.Outlet:
			c.kind = anteOutlet
		case entity.Organization:
			c.kind = anteOrganization
		case entity.Person:
			if c.pr = d.rolesOf(m.Name); c.pr == nil {
				continue
			}
			c.kind = antePerson
		default:
			continue
		}
		if d.mentionFacts(k).inQuote {
			continue
		}
		c.k = int32(k)
		d.ante = append(d.ante, c)
	}
	d.anteKnown = max(d.anteKnown, n)
}

// antecedentMatch reports whether the candidate c can be what a role noun
// (head with modifiers mods, in role group group, numbered id) refers back
// to.
func (d *doc) antecedentMatch(c *anteCandidate, id int32, head, group string, mods []string) bool {
	switch c.kind {
	case anteOutlet:
		return group == "newspaper"
	case anteOrganization:
		switch group {
		case "company": // "the company" is the last organisation named
			return true
		case "department", "tank":
			mf := d.mentionFacts(int(c.k))
			d.orgFacts(int(c.k), mf)
			return group == "department" && mf.department || group == "tank" && mf.tank
		}
		return false
	}
	// The answer is the same for every mention of the person: kept for
	// the last role noun asked about.
	if pr := c.pr; pr.nounID != id {
		pr.nounID, pr.nounHit = id, d.personHasRole(pr, head, group, mods)
	}
	return c.pr.nounHit
}

// mentionFacts is what the antecedent and pronoun searches ask of a
// mention, worked out once per document and each part only when asked.
type mentionFacts struct {
	inQuote    bool // it is inside a marked quotation (see markMentionsInQuote)
	orgKnown   bool // department and tank are known
	department bool // an organisation named a ministry or department
	tank       bool // an organisation named an institute or with the role "tank"
	// genderKnown is whether hasGender and gender are known: whether a
	// person's given name is known to go with a pronoun, and which
	genderKnown, hasGender bool
	gender                 string
}

// mentionSlot returns the facts of mention k as far as they are known.
func (d *doc) mentionSlot(k int) *mentionFacts {
	if len(d.mfacts) != len(d.in.Mentions) {
		d.mfacts = slices.Grow(d.mfacts[:0], len(d.in.Mentions))[:len(d.in.Mentions)]
		clear(d.mfacts)
	}
	return &d.mfacts[k]
}

// mentionFacts returns the facts of mention k with inQuote known.
func (d *doc) mentionFacts(k int) *mentionFacts {
	if !d.inQuoteKnown {
		d.markMentionsInQuote()
	}
	return &d.mfacts[k]
}

// markMentionsInQuote works out inQuote of every mention (insideQuote of
// its start) in one walk over the tokens, as mentions are in text order.
func (d *doc) markMentionsInQuote() {
	d.inQuoteKnown = true
	if len(d.in.Mentions) == 0 {
		return
	}
	d.mentionSlot(0) // sizes d.mfacts
	qs := d.quoted
	if !d.quotedSorted {
		for k := range d.mfacts {
			d.mfacts[k].inQuote = d.insideQuote(d.in.Mentions[k].Start)
		}
		return
	}
	// A token in a quotation lies inside the quotation's marks: only a
	// mention starting there can be in one.
	j, prev := 0, 0
	for k := range d.mfacts {
		pos := d.in.Mentions[k].Start
		if pos < prev {
			j = 0 // out of order: search from the start
		}
		prev = pos
		for j < len(qs) && qs[j][1] <= pos {
			j++
		}
		if j < len(qs) && qs[j][0] <= pos {
			d.mfacts[k].inQuote = d.insideQuote(pos)
		}
	}
}

// orgFacts works out department and tank of the organisation mention k,
// whose facts are mf.
func (d *doc) orgFacts(k int, mf *mentionFacts) {
	if mf.orgKnown {
		return
	}
	m := &d.in.Mentions[k]
	var buf [64]byte
	lname, ascii := wordscan.LowerKey(m.Name, buf[:0])
	if !ascii {
		lname = []byte(strings.ToLower(m.Name))
	}
	mf.orgKnown = true
	mf.department = bytes.Contains(lname, []byte("ministry")) || bytes.Contains(lname, []byte("department"))
	mf.tank = bytes.Contains(lname, []byte("institute")) || hasRole(m.Roles, "tank")
}

// personHasRole reports whether a person with the roles pr can be what a
// role noun refers back to.
func (d *doc) personHasRole(pr *personRoles, head, group string, mods []string) bool {
	if group != "" && pr.groups == nil {
		d.groupRoles(pr)
	}
	hit := false
	for j, r := range pr.roles {
		if r == head || (group != "" && pr.groups[j] == group) {
			hit = true
		}
	}
	if !hit {
		return false
	}
	for _, md := range mods {
		if d.a.entities.IsDemonym(md) && !hasRole(pr.roles, md) {
			return false
		}
	}
	return true
}

// groupRoles sets the role groups of pr, in d.groupBuf.
func (d *doc) groupRoles(pr *personRoles) {
	gs := d.groupBuf
	lo := len(gs)
	for _, r := range pr.roles {
		gs = append(gs, d.vocab.info(r).roleGroup)
	}
	pr.groups = gs[lo:len(gs):len(gs)]
	d.groupBuf = gs
}

// personRoles are the roles of a person named with roles: those collected
// on every mention of the name, in text order, and the role group of each
// (vocabulary.info(role).roleGroup), nil until asked for (groupRoles).
type personRoles struct {
	name          string
	roles, groups []string
	// whether the person can be what the role noun numbered nounID (see
	// antecedentScan) refers back to, once asked (nounID > 0)
	nounID  int32
	nounHit bool
}

// rolesOf returns the roles of the person name, or nil if none of its
// mentions has any.
func (d *doc) rolesOf(name string) *personRoles {
	if !d.peopleKnown {
		d.collectPeople()
	}
	if len(d.people) == 0 {
		return nil
	}
	return d.personNamed(name)
}

// personNamed returns the entry of d.people for name, or nil.
func (d *doc) personNamed(name string) *personRoles {
	if id, ok := d.peopleIndex.Lookup(name); ok {
		return &d.people[id]
	}
	return nil
}

// collectPeople fills d.people with the roles of every person named with
// roles, in one pass over the mentions, and d.peopleIndex with their
// numbers by name. A name's roles are its first mention's own, clipped so
// that appending more copies them instead of writing into the mention.
func (d *doc) collectPeople() {
	d.peopleKnown = true
	d.people = d.people[:0]
	d.peopleIndex.Reset(len(d.in.Mentions))
	for k := range d.in.Mentions {
		o := &d.in.Mentions[k] // not a copy: a mention is large
		if len(o.Roles) == 0 || o.Type != entity.Person {
			continue
		}
		if id, added := d.peopleIndex.ID(o.Name); !added {
			p := &d.people[id]
			p.roles = d.appendRoles(p.roles, o.Roles)
			continue
		}
		d.people = append(d.people, personRoles{name: o.Name, roles: slices.Clip(o.Roles)})
	}
	if len(d.people) == 1 && d.people[0].name == "" {
		// The empty name alone has roles: it names nobody.
		d.people = d.people[:0]
	}
}

// appendRoles returns roles followed by more, in d.roleBuf rather than in
// an allocation of their own: extended in place when roles are the last
// of d.roleBuf, else copied to its end.
func (d *doc) appendRoles(roles, more []string) []string {
	buf := d.roleBuf
	if n := len(roles); n == 0 || len(buf) == 0 || &roles[n-1] != &buf[len(buf)-1] {
		buf = append(buf, roles...)
	}
	buf = append(buf, more...)
	d.roleBuf = buf
	n := len(roles) + len(more)
	return buf[len(buf)-n : len(buf) : len(buf)]
}

func hasRole(roles []string, w string) bool {
	for _, r := range roles {
		if r == w {
			return true
		}
	}
	return false
}

// stripVia splits "a senior diplomatic source cited by the newspaper" into
// the description and the phrase naming the channel.
func (d *doc) stripVia(nt []ntok, np span) (span, span) {
	for i := np.lo + 1; i < np.hi; i++ {
		if !nt[i].is(fStrip) {
			continue // no phrase starts here
		}
		for _, s := range d.lx.anonStrip {
			if i+len(s) > np.hi {
				continue
			}
			match := true
			for k, w := range s {
				if d.lw(&nt[i+k]) != w {
					match = false
					break
				}
			}
			if match {
				return span{np.lo, i}, span{i + len(s), np.hi}
			}
		}
	}
	return np, span{}
}
