package attribute

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/entity"
	"github.com/hearsaylab/hearsay/internal/swar"
)

// findAnonymous finds the descriptions of unnamed sources in the narration
// ("a senior European defense official", "French officials", "people
// familiar with the matter"), in text order.
func (d *doc) findAnonymous() {
	// f is what sentenceHas asks about, for each sentence.
	for si, f := range d.narrFlags {
		if f&fAnonHead == 0 {
			continue
		}
		nt := d.narration(si)
		ch, chKnown := "", false // the sentence's channel, found once
		var r referent
		for _, i32 := range d.triggers(si) {
			i := int(i32)
			if nt[i].q >= 0 || !nt[i].is(fAnonHead) {
				continue
			}
			if !d.anonNP(nt, i, &r) {
				continue
			}
			if !chKnown {
				ch, chKnown = d.channel(nt, ""), true
			}
			r.channel = ch
			if len(d.anon) == 0 || d.anon[len(d.anon)-1].start != r.start {
				d.anon = append(d.anon, r)
				d.anonLong = max(d.anonLong, r.end-r.start)
				if ch != "" {
					if _, seen := d.refChannel[r.text]; !seen {
						d.refChannel[r.text] = ch
					}
				}
			}
		}
	}
}

// anonNP reads the anonymous description headed by nt[h] into r, and
// reports whether there is one (r is left as it was when not). A referent
// is too large to return without copying it twice.
func (d *doc) anonNP(nt []ntok, h int, r *referent) bool {
	// Leftwards: modifiers back to a determiner.
	lo := h
	det := false
	adjs := 0
	for lo-1 >= 0 {
		t := &nt[lo-1]
		if t.q >= 0 || !t.is(cWord) {
			break
		}
		if t.is(fAnonDet) {
			lo--
			det = true
			break
		}
		if t.isWord(idThe) || t.is(fPronoun) && !t.is(cUS) || t.is(fAuxiliary) || t.is(fPreposition) && !t.isWord(idAnd) {
			break
		}
		if t.is(fCueVerb) {
			break
		}
		lo--
		adjs++
	}
	// The modifiers walked over; a name among them makes the description
	// named, which is asked once the cheaper tests have let it pass.
	mods := span{h - adjs, h}
	// A conjunction does not open a description ("… and officials said").
	for lo < h && (nt[lo].isWord(idAnd) || nt[lo].isWord(idOr) || nt[lo].isWord(idBut)) {
		lo++
		adjs--
	}
	head := d.lw(&nt[h])
	plural := strings.HasSuffix(head, "s") || head == "people"
	familiar := h+1 < len(nt) && (nt[h+1].isWord(idFamiliar) || nt[h+1].isWord(idClose) || nt[h+1].isWord(idKnowledgeable) || nt[h+1].isWord(idBriefed))
	if !det && !familiar {
		// A bare plural needs a nationality or institution before it:
		// "French officials", "U.S. officials", "Western diplomats".
		if !plural || (adjs == 0 || !d.namedGroup(nt, lo, h)) && !isBareSource(head) {
			return false
		}
		if lo < h && (d.lw(&nt[lo]) == "many" || d.lw(&nt[lo]) == "most" || d.lw(&nt[lo]) == "all") {
			return false
		}
	}
	for i := mods.lo; i < mods.hi; i++ {
		if m, ok := d.mentionAt(nt[i].start); ok && !nt[i].is(fDemonym) && !isOrgOrPlace(m) {
			return false // "Ministry spokesman Tomas Berg" is named
		}
	}
	// A name right after the head makes it named: "official John Smith".
	if h+1 < len(nt) && nt[h+1].is(cCapital) {
		if m, ok := d.mentionAt(nt[h+1].start); ok && m.Type == "person" {
			return false
		}
	}
	// Rightwards: post-modifiers ("for the White House", "familiar with the
	// matter", "whose phone was tapped").
	hi := h + 1
	relative := false
	for hi < len(nt) {
		t := &nt[hi]
		if t.q >= 0 || isComma(t) || isPunct(t, ".;:!?") {
			break
		}
		if t.isWord(idWhose) || t.isWord(idWho) {
			relative = true
		}
		if t.is(fCueVerb) && !strings.HasSuffix(d.lw(t), "ing") {
			if hi > h+1 || !relative {
				break
			}
		}
		if !relative && (t.is(fAuxiliary) || isAdverb(d.lw(t)) || t.isWord(idThat)) {
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
	*r = referent{start: nt[lo].start, end: nt[hi-1].end, text: text, head: head, group: plural}
	return true
}

// isOrgOrPlace reports whether the mention names an organisation or a place.
func isOrgOrPlace(m *entity.Mention) bool {
	return m.Type == "organization" || m.Type == "place"
}

// anonIn returns the first anonymous description that overlaps [start,
// end). The descriptions are in text order, and none is longer than
// d.anonLong: only those that start after start-d.anonLong can end after
// start, and only those up to the first that starts at or after end start
// before it.
func (d *doc) anonIn(start, end int) (*referent, bool) {
	as := d.anon
	k, hi := 0, len(as) // the first description starting after start-d.anonLong, by bisection
	for k < hi {
		if m := int(uint(k+hi) >> 1); as[m].start > start-d.anonLong {
			hi = m
		} else {
			k = m + 1
		}
	}
	for ; k < len(as) && as[k].start < end; k++ {
		if as[k].end > start {
			return &as[k], true
		}
	}
	return nil, false
}

// isAnonDescription reports whether a quoted text is itself the description
// of a source ("several current and former intelligence officials"): a
// label, not speech. lt is the text in lower case. Its last word, found
// from the end, rules out nearly every quotation before its fields are
// counted.
func (d *doc) isAnonDescription(lt string) bool {
	// The description ends with its head: most quotations end, past
	// spaces and ".,;:", with two bytes that no head ends with.
	if i := lastWordByte(lt); i >= 0 && !d.vocab.mayEndAnonHead(lt[:i+1]) {
		return false
	}
	if last, ok := lastASCIIField(lt); ok {
		if f, _ := d.vocab.lookup(trimPunct(last)); f&fAnonHead == 0 {
			return false
		}
	}
	qf := countFields(lt, 9)
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

// lastWordByte returns the index of the last byte of s that is neither an
// ASCII space nor one of ".,;:", when it is ASCII: the last byte of the
// last field of s trimmed of ".,;:" (trimPunct), when that is not empty;
// -1 when there is no such byte or it is not ASCII, as a space that is not
// ASCII may come before it.
func lastWordByte(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if c := s[i]; fieldClass[c] != fieldSpace && !isPunctMark(c) {
			if fieldClass[c] != fieldASCII {
				return -1
			}
			return i
		}
	}
	return -1
}

// lastASCIIField returns the last field of s as strings.Fields splits it,
// when that field and the spaces after it are ASCII; ok is false when
// s has no field or a byte that is not ASCII stands in the way, for the
// caller to count the fields from the start.
func lastASCIIField(s string) (field string, ok bool) {
	en := len(s)
	for en > 0 && fieldClass[s[en-1]] == fieldSpace {
		en--
	}
	st := en
	for st > 0 && fieldClass[s[st-1]] == fieldASCII {
		st--
	}
	if st == en || st > 0 && fieldClass[s[st-1]] != fieldSpace {
		return "", false
	}
	return s[st:en], true
}

// use records an anonymous source as a source of the article.
func (d *doc) use(desc string) {
	if desc == "" || d.used[desc] {
		return
	}
	d.used[desc] = true
	d.usedOrder = append(d.usedOrder, desc)
}

// useCited notes as sources of the article (use) the anonymous sources it
// cites or calls anonymous.
func (d *doc) useCited() {
	for k := range d.anon {
		if r := &d.anon[k]; d.citedAnonymously(r) {
			d.use(r.text)
		}
	}
}

// anonymousList returns the anonymous sources the article draws on (once
// useCited has noted them): those it quotes or whose claims it reports,
// and those it cites or calls anonymous. They are written into dst, which
// has room for them; nil if there are none.
func (d *doc) anonymousList(dst []string) []string {
	if len(d.usedOrder) == 0 {
		return nil
	}
	out := append(dst[:0], d.usedOrder...)
	if len(out) < 2 {
		return out // nothing to put in order
	}
	// Keep text order of first mention; a source never described in the
	// narration goes after those that were.
	var buf [8]int
	pos := firstMentions(d.anon, out, buf[:0])
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && pos[j] < pos[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
			pos[j], pos[j-1] = pos[j-1], pos[j]
		}
	}
	return out
}

// citedAnonymously reports whether the description r is cited ("citing
// …", "according to …", "information from …") or said to speak
// anonymously ("… anonymously", "… on condition of anonymity"), by the
// words around it.
func (d *doc) citedAnonymously(r *referent) bool {
	// The words before end, past spaces, with one of "g", "o" or "m"; those
	// after hold "anonym": most descriptions are ruled out by a byte or
	// two before the text is read again.
	if before := trimRightSpace(d.lowerOf(max(0, r.start-24), r.start)); before != "" {
		switch before[len(before)-1] {
		case 'g', 'o', 'm':
			if strings.HasSuffix(before, "citing") || strings.HasSuffix(before, "according to") ||
				strings.HasSuffix(before, "information from") {
				return true
			}
		}
	}
	after := d.lowerOf(r.end, min(len(d.body), r.end+40))
	if !strings.Contains(after, "anonym") {
		return false
	}
	return strings.HasPrefix(strings.TrimSpace(after), "anonymously") || strings.Contains(after, "on condition of anonymity")
}

// trimRightSpace returns s without the white space at its end, as
// strings.TrimSpace leaves it there.
func trimRightSpace(s string) string {
	for len(s) > 0 {
		c := s[len(s)-1]
		if c >= utf8.RuneSelf {
			return strings.TrimRightFunc(s, unicode.IsSpace)
		}
		if fieldClass[c] != fieldSpace {
			break
		}
		s = s[:len(s)-1]
	}
	return s
}

// firstMentions appends to pos, for each text of out, where the first of
// the descriptions anon (in text order) with that text starts, or 1<<30
// when none has it, and returns the extended pos. The texts of out are
// distinct and few: a look through them for each description is cheaper
// than a map, but a map of them is made when there are many.
func firstMentions(anon []referent, out []string, pos []int) []int {
	for range out {
		pos = append(pos, 1<<30)
	}
	if len(out) > 8 {
		index := make(map[string]int, len(out))
		for i, s := range out {
			index[s] = i
		}
		for k := len(anon) - 1; k >= 0; k-- {
			if i, ok := index[anon[k].text]; ok {
				pos[i] = anon[k].start
			}
		}
		return pos
	}
	left := len(out) // the texts not yet found
	for k := 0; k < len(anon) && left > 0; k++ {
		for i, s := range out {
			if pos[i] == 1<<30 && s == anon[k].text {
				pos[i] = anon[k].start
				left--
				break
			}
		}
	}
	return pos
}

// isBareSource reports whether head is a plural head that names unnamed
// sources even with no modifier ("officials said", "sources told
// Reuters"): a switch, which costs a sixth of a map look-up (bareSource in
// the tests is the set as a map).
func isBareSource(head string) bool {
	switch head {
	case "officials", "sources", "diplomats", "insiders", "aides":
		return true
	}
	return false
}

// namedGroup reports whether the modifiers nt[lo:h] of a bare plural tie it
// to a country or institution ("French officials", "Pentagon officials"),
// without a possessive ("the coalition’s members" is no source).
func (d *doc) namedGroup(nt []ntok, lo, h int) bool {
	ok := false
	for i := lo; i < h; i++ {
		t := &nt[i]
		if t.is(cPossessive) {
			return false
		}
		if t.is(fDemonym) || t.is(cCapital) {
			ok = true
		}
	}
	return ok
}

// quoteFields is what the tests of a quotation ask of its fields (as
// strings.Fields splits it): their number up to a limit, and the bounds of
// the first and the last when there are fewer than the limit.
type quoteFields struct {
	n           int
	first, last [2]int
}

// countFields returns the fields of s, counted up to limit: n is
// len(strings.Fields(s)), or limit when that is more.
func countFields(s string, limit int) quoteFields {
	var qf quoteFields
	if limit <= 0 {
		return qf
	}
	// One walk over the bytes, as nextField would take them field by
	// field: st is the start of the field being read, or -1 between two.
	st := -1
	for i := 0; i < len(s); {
		if st >= 0 && i+8 <= len(s) {
			// Inside a field: pass its printable ASCII bytes eight at a
			// time, up to the first other byte, which is read below.
			m := unprintable8(swar.Load8(s, i))
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) / 8
		}
		c, size := fieldClass[s[i]], 1
		if c == fieldASCII {
			if st < 0 {
				st = i
			}
			i++
			continue
		}
		space := c == fieldSpace
		if c == fieldOther {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case !space && st < 0:
			st = i
		case space && st >= 0:
			if qf.add(st, i); qf.n == limit {
				return qf
			}
			st = -1
		}
		i += size
	}
	if st >= 0 {
		qf.add(st, len(s))
	}
	return qf
}

// fieldCount returns the number of fields of s, as strings.Fields splits
// it, counted up to limit: countFields(s, limit).n, for the callers that
// ask only how many. It reads eight bytes at once when they are all
// spaces (' ') and printable ASCII, as most of a quotation's are: a field
// starts at each of them other than a space that follows a space or the
// start, and bits.OnesCount64 counts those.
func fieldCount(s string, limit int) int {
	if limit <= 0 {
		return 0
	}
	n := 0
	in := uint64(0) // 0x80 when the byte before i is in a field, else 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			x := swar.Load8(s, i)
			if x&swar.Highs == 0 && (x+(0x80-' ')*swar.Ones)&swar.Highs == swar.Highs {
				// Every byte is from ' ' to 0x7F; the top bit of a byte
				// of inField is set for a byte other than ' '.
				inField := (x + (0x80-'!')*swar.Ones) & swar.Highs
				n += bits.OnesCount64(inField &^ (inField<<8 | in))
				if n >= limit {
					return limit
				}
				in = inField >> 56
				i += 8
				continue
			}
		}
		c, size := fieldClass[s[i]], 1
		space := c == fieldSpace
		if c == fieldOther {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case space:
			in = 0
		case in == 0:
			if n++; n == limit {
				return limit
			}
			in = 0x80
		}
		i += size
	}
	return n
}

// add counts the field s[st:en], the first when there is none yet.
func (qf *quoteFields) add(st, en int) {
	if qf.n == 0 {
		qf.first = [2]int{st, en}
	}
	qf.last = [2]int{st, en}
	qf.n++
}

// nextField returns the bounds of the first field of s at or after i, as
// strings.Fields splits it, or -1, -1.
func nextField(s string, i int) (int, int) {
	for i < len(s) {
		c := fieldClass[s[i]]
		if c == fieldASCII {
			break
		}
		if c == fieldSpace {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	if i >= len(s) {
		return -1, -1
	}
	st := i
	for i < len(s) {
		// A run of ASCII that is not space, in a tight loop.
		for i < len(s) && fieldClass[s[i]] == fieldASCII {
			i++
		}
		if i >= len(s) || fieldClass[s[i]] == fieldSpace {
			break
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return st, i
}

// unprintable8 returns the bytes of x, eight bytes read little-endian,
// that are ASCII space or control characters (up to ' ') or not ASCII, each
// as its top bit: every byte a field may end at.
func unprintable8(x uint64) uint64 {
	const low7 = 0x7F7F7F7F7F7F7F7F
	// A byte's low 7 bits plus 0x5F carry into its top bit when they are
	// '!' or more, and never into the next byte.
	printable := (x&low7 + (0x80-'!')*swar.Ones) & swar.Highs
	return (x&swar.Highs | ^printable) & swar.Highs
}

// Classes of bytes for nextField.
const (
	fieldASCII = iota // ASCII but not space
	fieldSpace        // ASCII space
	fieldOther        // part of a multi-byte character, or invalid
)

// fieldClass holds the class of each byte value.
var fieldClass = func() (t [256]uint8) {
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = fieldOther
	}
	for _, c := range "\t\n\v\f\r " {
		t[c] = fieldSpace
	}
	return t
}()
