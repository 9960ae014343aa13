package attribute

import "strings"

// channel finds the medium the words of a sentence were given through:
// "told the FT", "speaking to Kyiv Post", "according to the Financial
// Times" (when someone else than speaker is the speaker), "in a tweet".
func (d *doc) channel(nt []ntok, speaker string) string {
	if len(nt) == 0 {
		return ""
	}
	if over := d.outletsOver(nt[0].start, nt[len(nt)-1].end); len(over) > 0 {
		if ch := d.channelOutlet(nt, over, speaker); ch != "" {
			return ch
		}
	}
	// The first phrase of the list found anywhere in the sentence.
	best := -1
	for i := range nt {
		if !nt[i].is(fChannel) {
			continue
		}
		wi := d.info(&nt[i])
		if !channelMayStart(nt, i, wi) {
			continue // most "in" and "on" go on with no channel word
		}
		for _, p := range wi.channels {
			if best >= 0 && p >= best {
				break
			}
			if matchIDsAt(nt, i, d.vocab.channelIDs[p]) {
				best = p
				break
			}
		}
	}
	if best >= 0 {
		return d.lx.channels[best].channel
	}
	return ""
}

// outletsOver returns the indexes in d.in.Outlets of the outlet mentions
// that overlap [start, end), in order; they are valid until the next call.
func (d *doc) outletsOver(start, end int) []int {
	over := d.outletBuf[:0]
	for k := range d.in.Outlets {
		if o := &d.in.Outlets[k]; o.Start < end && o.End > start {
			over = append(over, k)
		}
	}
	d.outletBuf = over
	return over
}

// channelOutlet finds an outlet named in nt as the medium: "told the FT",
// "according to Le Monde"; "" if none, and never the speaker. over
// are the outlets that overlap nt (outletsOver): those that can cover one
// of its tokens.
func (d *doc) channelOutlet(nt []ntok, over []int, speaker string) string {
	for i := range nt {
		t := &nt[i]
		if t.q >= 0 {
			continue
		}
		om, ok := d.outletAmong(over, t.start)
		if !ok || om.Canonical == speaker {
			continue
		}
		j := d.outletLead(nt, i)
		if j < 0 || nt[j].q >= 0 {
			continue
		}
		switch d.lw(&nt[j]) {
		case "told", "tells", "tell", "telling", "to", "by", "with", "in", "for":
			if nt[j].isWord(idIn) && !d.wroteIn(nt, j) {
				continue
			}
			return om.Canonical
		}
		if j >= 1 && nt[j].isWord(idTo) && d.lw(&nt[j-1]) == "according" {
			return om.Canonical
		}
	}
	return ""
}

// maxOutletWords is how many words outletLead passes over before an
// outlet's name.
const maxOutletWords = 4

// outletLead returns the index in nt of the token before the outlet name
// that starts at nt[i] and the words before it that describe the outlet,
// maxOutletWords at most: "the", a demonym, a word of the outletWords list
// (a kind of outlet, "weekly", "broadcaster", or what it is, "state",
// "business") and capitalised words ("told the German weekly Der
// Spiegel", "to the state broadcaster NHK", "by the Kremlin-funded outlet
// RT"); -1 when nothing stands before them.
func (d *doc) outletLead(nt []ntok, i int) int {
	j := i - 1
	for n := 0; j >= 0 && n < maxOutletWords && nt[j].q < 0; n++ {
		t := &nt[j]
		if !t.isWord(idThe) && !t.is(fDemonym) && !d.lx.outletWords[d.lw(t)] &&
			(!t.is(cCapital) || t.is(fAdverb) || t.isWord(idTo)) {
			break
		}
		j--
	}
	return j
}

// channelMayStart reports whether a channel phrase can stand at nt[i],
// whose word has the vocabulary entry wi: whether one of its phrases has
// one word, or the next token is the second word of one.
func channelMayStart(nt []ntok, i int, wi *wordInfo) bool {
	// The id of the next token, or 0 when it is none or a quotation: 0
	// matches only the phrases of one word, as any next token does.
	next := uint32(0)
	if i+1 < len(nt) && nt[i+1].q < 0 {
		next = nt[i+1].wid
	}
	for _, id := range wi.channelNext {
		if id == next || id == 0 {
			return true
		}
	}
	return false
}

// matchIDsAt reports whether the words with the vocabulary ids ids stand at
// nt[i:], outside quotations.
func matchIDsAt(nt []ntok, i int, ids []uint32) bool {
	if i+len(ids) > len(nt) {
		return false
	}
	for k, id := range ids {
		if nt[i+k].q >= 0 || nt[i+k].wid != id {
			return false
		}
	}
	return true
}

// wroteIn reports whether "in OUTLET" at j follows a verb of writing or an
// interview ("wrote in Le Monde", "in an interview with").
func (d *doc) wroteIn(nt []ntok, j int) bool {
	for k := j - 1; k >= 0 && k >= j-3; k-- {
		switch d.lw(&nt[k]) {
		case "wrote", "writes", "writing", "published", "said", "told", "op-ed", "column":
			return true
		}
	}
	return false
}

// outletAt returns the outlet mention starting at or covering pos.
func (d *doc) outletAt(pos int) (OutletMention, bool) {
	for _, o := range d.in.Outlets {
		if pos >= o.Start && pos < o.End {
			return o, true
		}
	}
	return OutletMention{}, false
}

// outletAmong is outletAt among the outlets over, which must hold every
// outlet covering pos.
func (d *doc) outletAmong(over []int, pos int) (*OutletMention, bool) {
	for _, k := range over {
		if o := &d.in.Outlets[k]; pos >= o.Start && pos < o.End {
			return o, true
		}
	}
	return nil, false
}

// outletIn returns the canonical outlet named in the phrase, or "".
func (d *doc) outletIn(nt []ntok, s span) string {
	for i := s.lo; i < s.hi; i++ {
		if o, ok := d.outletAt(nt[i].start); ok {
			return o.Canonical
		}
	}
	return ""
}

// channelOfNP names the channel of a phrase such as "the newspaper" or "the
// FT" that follows "cited by".
func (d *doc) channelOfNP(nt []ntok, s span) string {
	for i := s.lo; i < s.hi; i++ {
		if o, ok := d.outletAt(nt[i].start); ok {
			return o.Canonical
		}
	}
	h, definite := d.headOf(nt, s)
	if definite && h >= 0 {
		if hw := d.info(&nt[h]); hw.roleGroup == "newspaper" {
			if name, _, _, ok := d.antecedent(d.lw(&nt[h]), hw, d.modifiers(nt, s.lo, h), nt[s.lo].start); ok {
				return name
			}
		}
	}
	return ""
}

// documentChannel finds the outlet whose report the whole article relays
// ("according to a report by The Telegraph" near the top): the anonymous
// sources of such an article are that outlet's.
func (d *doc) documentChannel() string {
	limit := 2
	if len(d.in.Paras) < limit {
		limit = len(d.in.Paras)
	}
	if limit == 0 {
		return ""
	}
	end := d.in.Paras[limit-1].End
	for _, o := range d.in.Outlets {
		if o.Start >= end || o.Platform {
			continue
		}
		before := d.lowerOf(max(0, o.Start-40), o.Start)
		if strings.Contains(before, "report by") || strings.Contains(before, "reported by") ||
			strings.Contains(before, "according to a report") || strings.Contains(before, "report in") {
			return o.Canonical
		}
	}
	return ""
}
