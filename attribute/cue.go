package attribute

import (
	"slices"
	"strings"
)

// isPunct reports whether t is one of the ASCII punctuation marks in set.
// (Punctuation tokens are one character each.)
func isPunct(t *ntok, set string) bool {
	if t.p == 0 || t.q >= 0 {
		return false
	}
	for i := 0; i < len(set); i++ {
		if set[i] == t.p {
			return true
		}
	}
	return false
}

// isComma reports whether t separates clauses: a comma or a dash.
func isComma(t *ntok) bool {
	return t.flags&cComma != 0
}

// boundaryAfter reports whether a clause boundary sits before nt[i]: a
// semicolon, or a comma or dash followed by a subordinating word or a
// participle.
func (d *doc) boundaryAt(nt []ntok, i int) bool {
	if i < 0 || i >= len(nt) {
		return false
	}
	if isPunct(&nt[i], ";") {
		return true
	}
	if !isComma(&nt[i]) || i+1 >= len(nt) {
		return false
	}
	w := d.lw(&nt[i+1])
	return nt[i+1].is(fBoundary) || (strings.HasSuffix(w, "ing") && len(w) > 5)
}

// leftCue attributes the quotation at nt[pos] from a cue before it in the
// same sentence ("X said that “…”", "Observed X: “…”", "according to X, “…”").
// It sets the whole of at, which is cleared when there is no such cue. (An
// attribution is too large to return without copying it twice.)
func (d *doc) leftCue(nt []ntok, pos int, at *attribution) {
	// Walk left from the quotation. The nearest cue attributes it, unless a
	// cue further left governs a "that" clause holding the nearer one ("X
	// confirmed that members conceded …"). A speech noun with an owner
	// ("Macron’s comments that he “…”") is the most specific attribution and
	// is kept once found.
	//
	// Up to the nearest cue, only a word with fCue or fAccording matters
	// (only those can be a cue, see cueAt; a quotation has no flags).
	best := -1
	var bestCue cue
	i := pos - 1
	for ; i >= 0; i-- {
		if t := &nt[i]; t.is(fCue|fAccording) && t.q < 0 {
			if c, ok := d.cueAt(nt, i, pos); ok {
				best, bestCue = i, c
				break
			}
		}
	}
	if best < 0 {
		*at = attribution{}
		return
	}
	// Once a cue is found, only a cue further left with a "that" between
	// can take its place: without a "that" to its left, or when it is a
	// speech noun, the walk is over. A quotation or a clause boundary
	// (only a semicolon, a comma or a dash can be one) ends it too.
	if bestCue.kind != cueNoun && hasWord(nt[:i], idThat) && !((nt[i].p == ';' || isComma(&nt[i])) && d.boundaryAt(nt, i)) {
		sawThat := false
		for i--; i >= 0; i-- {
			if nt[i].q >= 0 {
				break
			}
			if nt[i].isWord(idThat) {
				sawThat = true
			}
			// bestCue is no speech noun here: the walk ends at one.
			if nt[i].is(fCue|fAccording) && sawThat {
				if c, ok := d.cueAt(nt, i, pos); ok {
					best, bestCue, sawThat = i, c, false
					if c.kind == cueNoun || !hasWord(nt[:i], idThat) {
						break
					}
				}
			}
			if (nt[i].p == ';' || isComma(&nt[i])) && d.boundaryAt(nt, i) {
				break
			}
		}
	}
	d.fromCue(nt, best, bestCue, pos, at)
	if nt[best].is(fClaimVerb) {
		// The claim sweep may ask about this cue: keep what it would
		// read when it reads the cue the same way.
		if shape := shapeOf(bestCue); shape == claimShape(d.lw(&nt[best])) {
			d.cueReads.keep(nt[best].start, shape, at)
		}
	}
	if at.ok && at.channel == "" {
		at.channel = d.channel(nt, at.speaker)
	}
}

// hasWord reports whether a token of nt is the word with the fixed id id.
func hasWord(nt []ntok, id uint32) bool {
	for i := range nt {
		if nt[i].wid == id {
			return true
		}
	}
	return false
}

// cueAt reports whether nt[i] is a cue that can attribute the quotation at
// pos, skipping naming-as verbs without "as" and speech nouns without an owner.
// Only a word with fCue or fAccording can be one.
func (d *doc) cueAt(nt []ntok, i, pos int) (cue, bool) {
	w := d.lw(&nt[i])
	if w == "according" && i+1 < len(nt) && nt[i+1].isWord(idTo) {
		return cue{"according to", cueSource}, true
	}
	cs := d.info(&nt[i]).cues
	if len(cs) == 0 {
		return cue{}, false
	}
	if c, ok := cueIn(cs, cueNoun); ok {
		if _, owned := d.owner(nt, i); owned {
			return c, true
		}
	}
	for _, c := range cs {
		switch c.kind {
		case cueVerb, cueAdjective:
			if c.kind == cueVerb && i > 0 && (nt[i-1].isWord(idThe) || nt[i-1].isWord(idA) || nt[i-1].isWord(idAn) || nt[i-1].isWord(idHis) || nt[i-1].isWord(idHer) || nt[i-1].isWord(idIts) || nt[i-1].isWord(idTheir)) {
				continue // a noun: "the report", "his claims"
			}
			return c, true
		case cueNaming:
			return c, true
		case cueNamingAs:
			if pos-1 > i && nt[pos-1].isWord(idAs) {
				return c, true
			}
		case cueNoun:
			if _, ok := d.owner(nt, i); ok {
				return c, true
			}
		}
	}
	return cue{}, false
}

// owner finds the possessive owner of a speech noun: "Macron’s controversial
// statement" → the token index of "Macron’s".
func (d *doc) owner(nt []ntok, i int) (int, bool) {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		t := &nt[j]
		if t.q >= 0 || !t.is(cWord) {
			return 0, false
		}
		if t.is(cPossessive) {
			return j, true
		}
		if t.isWord(idHis) || t.isWord(idHer) || t.isWord(idTheir) {
			return j, true
		}
	}
	return 0, false
}

// cueShape is what the answer of fromCue depends on besides the sentence
// and the cue token: whether it reads the cue as a speech noun, and
// whether it reads a verb as "tell", after which comes the addressee; 0
// for "according to", whose answer depends on the quotation's place too.
type cueShape uint8

const (
	shapeNoun cueShape = iota + 1
	shapeTell
	shapeVerb
)

// shapeOf returns how fromCue reads the cue c.
func shapeOf(c cue) cueShape {
	switch {
	case c.lemma == "according to":
		return 0
	case c.kind == cueNoun:
		return shapeNoun
	case c.lemma == "tell":
		return shapeTell
	}
	return shapeVerb
}

// claimShape returns how fromCue reads the claim verb w as the claim sweep
// gives it (thatClaim).
func claimShape(w string) cueShape {
	return shapeOf(cue{w, cueVerb})
}

// cueReads are what leftCue read from cues, by the cue token's offset in
// the body and the cue's shape, for the claim sweep: a claim verb followed
// by a quotation ("X said that “…”") gives no claim, and asks only whether
// its cue names a speaker and which anonymous one, which leftCue may have
// found for the quotation already. fromCue's answer for the whole
// narration of a sentence depends on nothing else once the anonymous
// sources are found: its searches keep only what they would find again.
type cueReads []cueRead

// cueRead is what the claim sweep asks of an attribution read from a cue.
type cueRead struct {
	key       int // offset<<2 | shape
	speaker   string
	ok        bool
	anonymous bool
}

// search returns where key is or would be in r, which is in order of keys.
func (r cueReads) search(key int) (int, bool) {
	lo, hi := 0, len(r)
	if hi > 0 && r[hi-1].key < key {
		return hi, false // cues come mostly in text order
	}
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if r[m].key < key {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(r) && r[lo].key == key
}

// keep notes at as the attribution of the cue at offset start of shape.
func (r *cueReads) keep(start int, shape cueShape, at *attribution) {
	cr := cueRead{key: start<<2 | int(shape), speaker: at.speaker, ok: at.ok, anonymous: at.anonymous}
	switch i, found := r.search(cr.key); {
	case found:
	case i == len(*r):
		*r = append(*r, cr)
	default:
		*r = slices.Insert(*r, i, cr)
	}
}

// find returns what was kept of the attribution of the cue at offset start
// of shape.
func (r cueReads) find(start int, shape cueShape) (cueRead, bool) {
	if i, found := r.search(start<<2 | int(shape)); found {
		return r[i], true
	}
	return cueRead{}, false
}

// fromCue builds the attribution of the cue at nt[ci] in at, all of which
// it sets.
func (d *doc) fromCue(nt []ntok, ci int, c cue, pos int, at *attribution) {
	*at = attribution{cue: d.cueText(&nt[ci])}
	var np span
	var ok bool
	switch {
	case c.lemma == "according to":
		at.cue = "according to"
		np, ok = d.objectNP(nt, ci+2)
		if ok {
			// "according to the FT" with another speaker in the sentence
			// gives a channel, not a speaker; the caller decides.
			if other := d.otherSpeaker(nt, ci, pos); other.ok {
				other.channel = d.outletIn(nt, np)
				*at = other
				return
			}
		}
	case c.kind == cueNoun:
		j, _ := d.owner(nt, ci)
		np, ok = span{j, j + 1}, true
	default:
		// Candidate subjects in order of preference; the first that
		// resolves to a speaker wins.
		var cands [5]subjectKind
		n := 0
		if ci+1 < len(nt) && nt[ci+1].isWord(idBy) {
			cands[n] = subjPassive // passive: "described by X as"
			n++
		}
		ing := strings.HasSuffix(d.lw(&nt[ci]), "ing")
		if ing && ci > 0 && (isComma(&nt[ci-1]) || nt[ci-1].isWord(idTo)) {
			cands[n] = subjMain
			n++
		}
		cands[n] = subjLeft
		n++
		// Inverted order only where the cue opens its clause ("Explained
		// Brenner:", "…, said the commander"); after "told" comes the addressee.
		if (ci == 0 || isComma(&nt[ci-1]) || nt[ci-1].q >= 0) && c.lemma != "tell" {
			cands[n] = subjInverted
			n++
		}
		if ing {
			cands[n] = subjMain
			n++
		}
		cue := at.cue
		for _, k := range cands[:n] {
			var np span
			var ok bool
			switch k {
			case subjPassive:
				np, ok = d.objectNP(nt, ci+2)
			case subjMain:
				np, ok = d.mainSubject(nt, ci)
			case subjLeft:
				np, ok = d.subjectLeft(nt, ci)
			case subjInverted:
				np, ok = d.objectNP(nt, ci+1)
			}
			if ok {
				*at = attribution{cue: cue}
				if d.resolve(nt, np, at); at.ok {
					return
				}
			}
		}
		*at = attribution{}
		return
	}
	if !ok {
		*at = attribution{}
		return
	}
	d.resolve(nt, np, at)
}

// otherSpeaker looks for a speaker in the sentence other than the object of
// "according to" at ci: a cue verb with a subject.
func (d *doc) otherSpeaker(nt []ntok, ci, pos int) attribution {
	for i := 0; i < pos && i < len(nt); i++ {
		if i == ci || i == ci+1 || nt[i].q >= 0 {
			continue
		}
		if !nt[i].is(fCue | fAccording) {
			continue // no cue (see cueAt)
		}
		c, ok := d.cueAt(nt, i, pos)
		if !ok || c.kind == cueSource {
			continue
		}
		var at attribution
		if d.fromCue(nt, i, c, pos, &at); at.ok {
			return at
		}
	}
	return attribution{}
}

// post attributes the quotation at nt[pos] from the words after it:
// "“…,” X said", "“…,” said X", "“…,” according to X". It sets the whole of
// at, which is cleared when they give none.
func (d *doc) post(nt []ntok, pos int, at *attribution) {
	i := pos + 1
	for i < len(nt) && nt[i].q < 0 && isPunct(&nt[i], ",:") {
		i++
	}
	if i >= len(nt) || nt[i].q >= 0 {
		*at = attribution{}
		return
	}
	end := len(nt)
	for k := i; k < len(nt); k++ {
		if nt[k].q >= 0 {
			end = k
			break
		}
	}
	r := nt[:end]
	if d.lw(&r[i]) == "according" && i+1 < end && r[i+1].isWord(idTo) {
		np, ok := d.objectNP(r, i+2)
		if !ok {
			*at = attribution{}
			return
		}
		*at = attribution{cue: "according to"}
		d.resolve(r, np, at)
		return
	}
	// "said X": a cue first, then its subject.
	if r[i].is(fCueVerb) {
		if np, ok := d.objectNP(r, i+1); ok {
			// "said the candidate, regional official X,": the name in the
			// appositive is the fuller reference.
			if np.hi < end && isComma(&r[np.hi]) && !d.hasName(r, np) {
				if app, ok := d.objectNP(r, np.hi+1); ok && d.hasName(r, app) {
					np = app
				}
			}
			*at = attribution{cue: d.cueText(&r[i])}
			d.resolve(r, np, at)
			if at.ok {
				at.channel = d.channel(r, at.speaker)
			}
			return
		}
	}
	// "X said": a noun phrase, then within a few words a cue; an appositive
	// may stand between ("X, director of the foundation, said").
	comma := -1
	for k := i + 1; k < end && k <= i+25; k++ {
		if isComma(&r[k]) && comma < 0 {
			comma = k
		}
		if k > i+12 && comma < 0 {
			break
		}
		if isPunct(&r[k], ".;:!?") {
			break
		}
		if c, ok := cueIn(d.info(&r[k]).cues, cueVerb); ok {
			if c.lemma == "quote" {
				// "People quoted him as saying": the object speaks, the
				// subject is the channel.
				if qa, ok := d.quotedAs(r, i, k, end); ok {
					*at = qa
					return
				}
			}
			j := k - 1
			for j > i && (r[j].is(fAdverb|fAuxiliary) || strings.HasSuffix(d.lw(&r[j]), "ly")) {
				j--
			}
			np := span{i, j + 1}
			if comma > i && comma < k {
				np = span{i, comma} // the name before its appositive
				// …or the name in it: "the candidate, regional official X, said".
				if app := (span{comma + 1, j + 1}); !d.hasName(r, np) && d.hasName(r, app) {
					np = app
				}
			}
			*at = attribution{cue: d.cueText(&r[k])}
			d.resolve(r, np, at)
			if at.ok {
				at.channel = d.channel(r, at.speaker)
			}
			return
		}
	}
	*at = attribution{}
}

// quotedAs reads "X quoted Y as saying" after a quotation: r[i:k] is X,
// r[k] the cue; Y is the speaker and X, when an outlet, the channel.
func (d *doc) quotedAs(r []ntok, i, k, end int) (attribution, bool) {
	as := -1
	for j := k + 1; j+1 < end && j <= k+8; j++ {
		if r[j].isWord(idAs) && (d.lw(&r[j+1]) == "saying" || d.lw(&r[j+1]) == "telling") {
			as = j
			break
		}
	}
	if as <= k+1 {
		return attribution{}, false
	}
	at := attribution{cue: d.cueText(&r[k])}
	d.resolve(r, span{k + 1, as}, &at)
	if !at.ok {
		return attribution{}, false
	}
	if ch := d.outletIn(r, span{i, k}); ch != "" {
		at.channel = ch
	} else if d.a.outlets != nil {
		// "X quoted Y as saying" makes X a medium: look its name up even
		// where the outlet table would not search for it ("People").
		if ch, ok := d.a.outlets.Canonical(d.body[r[i].start:r[k-1].end]); ok {
			at.channel = ch
		}
	}
	return at, true
}

// subjectKind is where fromCue looks for the subject of a cue.
type subjectKind uint8

const (
	subjPassive  subjectKind = iota // after "by"
	subjMain                        // the main subject of the sentence
	subjLeft                        // the subject to the left of the cue
	subjInverted                    // after the cue
)
