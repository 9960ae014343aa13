package attribute

import (
	"bufio"
	"embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/entity"
	"github.com/hearsaylab/hearsay/internal/swar"
	"github.com/hearsaylab/hearsay/internal/wordscan"
)

//go:embed data/*.txt data/*.tsv
var data embed.FS

// cueKind says how a cue word attributes speech.
type cueKind uint8

const (
	cueVerb cueKind = iota + 1
	cueNoun
	cueNaming
	cueNamingAs
	cueAdjective
	cueSource
)

// cue is one attribution cue form.
type cue struct {
	lemma string
	kind  cueKind
}

// lexicon holds the word lists of the attribution stage, read from the
// embedded data files.
type lexicon struct {
	cues      map[string][]cue // form → cues (a form may be a verb and a noun)
	anonHead  map[string]bool
	anonAny   map[string]bool // heads that refer back to any unnamed source
	anonDet   map[string]bool
	anonPost  map[string]bool
	anonStrip [][]string
	roleGroup map[string]string // role word → group name
	channels  []channelPhrase
	adverb    map[string]bool
	auxiliary map[string]bool
	pronoun   map[string]bool
	relative  map[string]bool
	boundary  map[string]bool
	// outletWords are the words that describe an outlet before its name
	// ("the German weekly Der Spiegel"): see doc.outletLead.
	outletWords map[string]bool
	gender      map[string]string // given name → "he" or "she"
}

type channelPhrase struct {
	words   []string
	channel string
}

func sections(name string, fn func(section, line string)) error {
	f, err := data.Open(name)
	if err != nil {
		return fmt.Errorf("attribute: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sec := ""
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]") {
			sec = l[1 : len(l)-1]
			continue
		}
		fn(sec, l)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("attribute: reading %s: %w", name, err)
	}
	return nil
}

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{
		cues: map[string][]cue{}, anonHead: map[string]bool{}, anonAny: map[string]bool{}, anonDet: map[string]bool{},
		anonPost: map[string]bool{}, roleGroup: map[string]string{}, adverb: map[string]bool{}, outletWords: map[string]bool{},
		auxiliary: map[string]bool{}, pronoun: map[string]bool{}, relative: map[string]bool{},
		boundary: map[string]bool{}, gender: map[string]string{},
	}
	kinds := map[string]cueKind{"verb": cueVerb, "noun": cueNoun, "naming": cueNaming,
		"naming-as": cueNamingAs, "adjective": cueAdjective, "source": cueSource}
	err := sections("data/cues.txt", func(sec, l string) {
		k := kinds[sec]
		f := strings.Fields(l)
		if sec == "adjective" {
			for _, w := range f {
				lx.cues[w] = append(lx.cues[w], cue{w, k})
			}
			return
		}
		for _, w := range f {
			lx.addCue(w, cue{f[0], k})
		}
	})
	if err != nil {
		return nil, err
	}
	err = sections("data/anonymous.txt", func(sec, l string) {
		switch sec {
		case "head":
			addAll(lx.anonHead, l)
		case "any":
			addAll(lx.anonAny, l)
		case "determiner":
			addAll(lx.anonDet, l)
		case "post":
			addAll(lx.anonPost, l)
		case "strip":
			lx.anonStrip = append(lx.anonStrip, strings.Fields(l))
		}
	})
	if err != nil {
		return nil, err
	}
	err = sections("data/roles.txt", func(_, l string) {
		f := strings.Fields(l)
		for _, w := range f {
			lx.roleGroup[w] = f[0]
		}
	})
	if err != nil {
		return nil, err
	}
	f, err := data.Open("data/channels.tsv")
	if err != nil {
		return nil, fmt.Errorf("attribute: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		phrase, ch, _ := strings.Cut(l, "\t")
		lx.channels = append(lx.channels, channelPhrase{strings.Fields(strings.ToLower(phrase)), strings.TrimSpace(ch)})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("attribute: reading channels: %w", err)
	}
	err = sections("data/names.txt", func(sec, l string) {
		for _, w := range strings.Fields(l) {
			lx.gender[w] = sec
		}
	})
	if err != nil {
		return nil, err
	}
	err = sections("data/words.txt", func(sec, l string) {
		m := map[string]map[string]bool{"adverb": lx.adverb, "auxiliary": lx.auxiliary,
			"pronoun": lx.pronoun, "relative": lx.relative, "boundary": lx.boundary,
			"outlet": lx.outletWords}[sec]
		if m != nil {
			addAll(m, l)
		}
	})
	if err != nil {
		return nil, err
	}
	return lx, nil
}

func (lx *lexicon) addCue(w string, c cue) {
	for _, old := range lx.cues[w] {
		if old.kind == c.kind {
			return
		}
	}
	lx.cues[w] = append(lx.cues[w], c)
}

func addAll(m map[string]bool, l string) {
	for _, w := range strings.Fields(l) {
		m[w] = true
	}
}

// cueIn returns the cue of kind k among cs, if any.
func cueIn(cs []cue, k cueKind) (cue, bool) {
	for _, c := range cs {
		if c.kind == k {
			return c, true
		}
	}
	return cue{}, false
}

// wflag marks what a lower-case word is to the attribution stage; the flags
// of a narration token are looked up once, when its narration is built.
type wflag uint32

const (
	fAnonHead wflag = 1 << iota
	fAnonDet
	fAnonPost
	fAdverb
	fAuxiliary
	fPronoun
	fRelative
	fBoundary
	fDeterminer
	fPreposition
	fClaimVerb
	fHabitual
	fLabelLead
	fDocumentNoun
	fLeakNoun
	fTitle
	fDemonym
	fOrgWord
	fCue // a cue of any kind
	fCueVerb
	fCueNoun
	fCueNaming
	fChannel   // the first word of a channel phrase
	fStrip     // the first word of an anonStrip phrase
	fAccording // "according", which opens a claim ("according to X, …")
	fCommonAdj // a common evaluative adjective (commonAdjectives)
)

// triggerFlags are the flags that the sweeps over every sentence look for
// (findAnonymous, claims): a sentence without them and without quotations
// needs no narration unless something else asks for it.
const triggerFlags = fAnonHead | fClaimVerb | fAccording

// Class flags: what a narration token's own text is (not its lower case),
// set when its narration is built. No word of the lexicons has them.
const (
	cWord       wflag = 1 << (iota + 26) // starts with a letter or digit
	cCapital                             // starts with an upper-case letter
	cPossessive                          // ends in "’s" or "'s"
	cUS                                  // is "US"
	cComma                               // a comma, en or em dash or parenthesis
)

// textClass returns the class flags of a token's text.
func textClass(s string) wflag {
	if s == "" {
		return 0
	}
	var f wflag
	if c := s[0]; c < utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			f = cWord
		case 'A' <= c && c <= 'Z':
			f = cWord | cCapital
			if s == "US" {
				f |= cUS
			}
		case c == ',' || c == '(' || c == ')':
			if len(s) == 1 {
				return cComma
			}
		}
	} else if len(s) >= 3 && c == 0xE2 && s[1] == 0x80 {
		// U+2000 to U+203F, General Punctuation: spaces, dashes, quotation
		// marks and the like, none a letter or digit, most of the tokens
		// outside ASCII here, which the tables of package unicode take
		// 0.4 M instructions more per 1,000 articles to tell.
		if s == "\u2013" || s == "\u2014" {
			f |= cComma
		}
	} else {
		r, _ := utf8.DecodeRuneInString(s)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			f = cWord
		}
		if unicode.IsUpper(r) {
			f |= cCapital
		}
		if s == "\u2013" || s == "\u2014" {
			f |= cComma
		}
	}
	if s[len(s)-1] == 's' && (strings.HasSuffix(s, "\u2019s") || strings.HasSuffix(s, "'s")) {
		f |= cPossessive
	}
	return f
}

// The ids of the words that the readers of a narration test tokens for
// most: the vocabulary gives the words of fixedWords the ids 1, 2, … in
// their order, so that such a test is one comparison of the token's id
// (see ntok.isWord) instead of one of its text.
const (
	idThat uint32 = iota + 1
	idTo
	idAs
	idAnd
	idOr
	idBut
	idSo
	idYet
	idThe
	idA
	idAn
	idHis
	idHer
	idIts
	idTheir
	idWho
	idWhose
	idWhich
	idOf
	idIn
	idOn
	idAt
	idBy
	idSaid
	idSays
	idVery
	idQuite
	idFamiliar
	idClose
	idKnowledgeable
	idBriefed
	fixedEnd // one past the last fixed id
)

// fixedWords holds the word of each fixed id, at the id less one.
var fixedWords = [fixedEnd - 1]string{
	idThat - 1: "that", idTo - 1: "to", idAs - 1: "as", idAnd - 1: "and", idOr - 1: "or",
	idBut - 1: "but", idSo - 1: "so", idYet - 1: "yet", idThe - 1: "the", idA - 1: "a",
	idAn - 1: "an", idHis - 1: "his", idHer - 1: "her", idIts - 1: "its", idTheir - 1: "their",
	idWho - 1: "who", idWhose - 1: "whose", idWhich - 1: "which", idOf - 1: "of", idIn - 1: "in",
	idOn - 1: "on", idAt - 1: "at", idBy - 1: "by", idSaid - 1: "said", idSays - 1: "says",
	idVery - 1: "very", idQuite - 1: "quite", idFamiliar - 1: "familiar", idClose - 1: "close",
	idKnowledgeable - 1: "knowledgeable", idBriefed - 1: "briefed",
}

// wordInfo is what the lexicons say about one lower-case word.
type wordInfo struct {
	word      string // the word itself, the lexicon's copy
	flags     wflag
	cues      []cue  // lexicon.cues[w]
	roleGroup string // lexicon.roleGroup[w]
	channels  []int  // indexes of the channel phrases starting with w, ascending
	// the ids of the second words of those phrases; a phrase of one word
	// puts 0 among them, which stands for any next token
	channelNext []uint32
}

// vocabulary indexes every word of the lexicons with its flags. A word has
// an id, its index in infos; id 0 is no word of the lexicons.
type vocabulary struct {
	infos []wordInfo
	// shortSlots holds the words of up to 7 bytes, the most of a text's
	// tokens, as their bytes and length packed into a uint64 (shortKey),
	// with their flags and ids, in open addressing: one multiplication and
	// one comparison in one cache line find most, and rule out most other
	// words, as the table is at most half full.
	shortSlots *[shortTableSize]shortSlot
	// longBits has bit longHash(w) % (1<<longFilterBits) set for each
	// word w of 8 bytes or more, so that most other long words are ruled
	// out with one multiplication and no pass over their bytes; longSlots
	// holds the long words by their first and last 8 bytes and length
	// (longKey), in open addressing, and longWords those of more than 16
	// bytes, whose key does not hold all their bytes, by id.
	longBits  *[1 << longFilterBits / 64]uint64
	longSlots []longSlot
	longShift uint
	longWords []string
	// oneByte holds the flags and id of each word of one byte, by its
	// byte (the flags of most are 0).
	oneByte [256]shortSlot
	// channelIDs holds the ids of the words of each channel phrase
	// (lexicon.channels).
	channelIDs [][]uint32
	// triggerShort and triggerLong are filters of the words with
	// triggerFlags, by shortTriggerHash of the shortKey of a short word
	// and by longHash of a long one.
	triggerShort, triggerLong []uint64
	// triggerWords is a filter of the words with triggerFlags by their
	// wordscan.Hash, which the word scanner's tokens carry; it tells all of
	// them when triggersASCII, that is when they are all words of ASCII
	// letters and digits (see doc.byWordsOK).
	triggerWords  wordscan.WordSet
	triggersASCII bool
	// anonEnds has bit b<<8|c set for each word with fAnonHead that ends
	// with the bytes b and c, and for every b when the word is c alone.
	anonEnds *[1 << 16 / 64]uint64
}

// mayEndAnonHead reports whether a word with fAnonHead may end s, which is
// not empty: whether one ends with its last two bytes.
func (v *vocabulary) mayEndAnonHead(s string) bool {
	n := len(s)
	k := uint64(s[n-1])
	if n >= 2 {
		k |= uint64(s[n-2]) << 8
	}
	return v.anonEnds[k>>6]&(1<<(k&63)) != 0
}

// addAnonEnd notes in v.anonEnds the end of w, a word with fAnonHead.
func (v *vocabulary) addAnonEnd(w string) {
	set := func(k uint64) { v.anonEnds[k>>6] |= 1 << (k & 63) }
	switch n := len(w); {
	case n >= 2:
		set(uint64(w[n-2])<<8 | uint64(w[n-1]))
	case n == 1:
		for b := range uint64(256) {
			set(b<<8 | uint64(w[0]))
		}
	}
}

// isASCIIWord reports whether w is a word of ASCII lower-case letters and
// digits, as the word scanner hashes them.
func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return w != ""
}

// shortKey packs a word of 1 to 7 bytes into a non-zero key: its bytes,
// and its length in the top byte.
func shortKey(w string) uint64 {
	k := uint64(len(w)) << 56
	for i := 0; i < len(w); i++ {
		k |= uint64(w[i]) << (8 * i)
	}
	return k
}

// lookup returns the flags and id of the lower-case word w.
func (v *vocabulary) lookup(w string) (wflag, uint32) {
	if len(w) <= 7 {
		if w == "" {
			return 0, 0
		}
		return v.lookupShort(shortKey(w))
	}
	return v.lookupLong(w)
}

// lookupAt returns the flags and id of the lower-case word s[i:j]; it reads
// the bytes of a short word with one load when s has 8 bytes from i.
func (v *vocabulary) lookupAt(s string, i, j int) (wflag, uint32) {
	n := j - i
	switch {
	case n <= 0:
		return 0, 0
	case n > 7:
		return v.lookupLong(s[i:j])
	case i+8 <= len(s):
		return v.lookupShort(swar.Load8(s, i)&(1<<(8*n)-1) | uint64(n)<<56)
	}
	return v.lookupShort(shortKey(s[i:j]))
}

// lookupShort returns the flags and id of the word of up to 7 bytes with
// the shortKey k.
func (v *vocabulary) lookupShort(k uint64) (wflag, uint32) {
	slots := v.shortSlots
	for h := shortSlotHash(k); ; h = (h + 1) % shortTableSize {
		s := &slots[h]
		switch s.key {
		case k:
			return s.flags, s.id
		case 0:
			return 0, 0
		}
	}
}

// shortTableBits is the number of bits of the index of
// vocabulary.shortSlots, and shortTableSize its size: a constant, so that
// a lookup keeps no size or shift in registers. buildVocabulary fails when
// the words of up to 7 bytes would fill more than half of it.
const (
	shortTableBits = 12
	shortTableSize = 1 << shortTableBits
)

// shortSlotHash returns the index in vocabulary.shortSlots where the
// search for the shortKey k starts.
func shortSlotHash(k uint64) uint64 {
	return (k * 0x9E3779B97F4A7C15) >> (64 - shortTableBits)
}

// shortSlot is a word of up to 7 bytes in vocabulary.shortSlots.
type shortSlot struct {
	key   uint64 // shortKey of the word; 0 for an empty slot
	flags wflag
	id    uint32
}

// longFilterBits is the number of the bits of longHash that index the
// filter vocabulary.longBits: 1 KB, which stays in the data cache better
// than the 8 KB of all 16 bits, while about 7 % of the other long words
// pass (1 % with 16 bits) and are looked up for nothing.
// Per 1,000 articles, 8 KB, 2 KB, 1 KB and 512 B gave 2.269 M, 2.240 M,
// 2.228 M and 2.218 M data cache read misses of the engine for 336.85 M,
// 336.85 M, 336.90 M and 336.95 M instructions.
const longFilterBits = 13

// mayHaveLong reports whether a word of 8 bytes or more whose longHash is
// h may be in the vocabulary: false for most other words.
func (v *vocabulary) mayHaveLong(h uint64) bool {
	return v.longBits[h>>6&(1<<longFilterBits/64-1)]&(1<<(h&63)) != 0
}

// lookupLong returns the flags and id of the word w of 8 bytes or more.
func (v *vocabulary) lookupLong(w string) (wflag, uint32) {
	if !v.mayHaveLong(longHash(w)) {
		return 0, 0
	}
	a, b, n := swar.Load8(w, 0), swar.Load8(w, len(w)-8), uint32(len(w)) // longKey, without a call
	slots := v.longSlots
	mask := uint64(len(slots) - 1)
	for h := longSlotHash(a, b, n) >> v.longShift; ; h = (h + 1) & mask {
		s := &slots[h]
		if s.n == 0 {
			return 0, 0
		}
		if s.a == a && s.b == b && s.n == n && (n <= 16 || v.longWords[s.id] == w) {
			return s.flags, s.id
		}
	}
}

// longSlot is a word of 8 bytes or more in vocabulary.longSlots: its
// longKey, id and flags.
type longSlot struct {
	a, b  uint64
	n, id uint32
	flags wflag
}

// longKey returns the first and the last 8 bytes of the word w of 8 bytes
// or more, and its length: all of w when it has at most 16 bytes.
func longKey(w string) (a, b uint64, n uint32) {
	return swar.Load8(w, 0), swar.Load8(w, len(w)-8), uint32(len(w))
}

// longSlotHash hashes a longKey to 64 bits, of which longSlots uses the
// top ones.
func longSlotHash(a, b uint64, n uint32) uint64 {
	return (a ^ (b+uint64(n))*0xC2B2AE3D27D4EB4F) * 0x9E3779B97F4A7C15
}

// buildLong fills longSlots and longWords with the nlong words of keys of
// 8 bytes or more, whose ids are ids.
func (v *vocabulary) buildLong(keys []string, ids map[string]uint32, nlong int) {
	bits := uint(4)
	for 1<<bits < 4*nlong {
		bits++
	}
	v.longSlots, v.longShift = make([]longSlot, 1<<bits), 64-bits
	v.longWords = make([]string, len(v.infos))
	mask := uint64(len(v.longSlots) - 1)
	for _, w := range keys {
		if len(w) <= 7 {
			continue
		}
		a, b, n := longKey(w)
		h := longSlotHash(a, b, n) >> v.longShift
		for v.longSlots[h].n != 0 {
			h = (h + 1) & mask
		}
		v.longSlots[h] = longSlot{a, b, n, ids[w], v.infos[ids[w]].flags}
		v.longWords[ids[w]] = w
	}
}

// shortTriggerHash hashes the shortKey k of a word to 14 bits, for the
// filter vocabulary.triggerShort.
func shortTriggerHash(k uint64) uint64 {
	return (k * 0x9E3779B97F4A7C15) >> 50
}

// longHash hashes the first 8 bytes and the length of a word of 8 bytes
// or more to 16 bits, for the filter vocabulary.longBits.
func longHash(w string) uint64 {
	return ((swar.Load8(w, 0) ^ uint64(len(w))) * 0x9E3779B97F4A7C15) >> 48
}

// info returns what the lexicons say about the lower-case word w.
func (v *vocabulary) info(w string) *wordInfo {
	_, id := v.lookup(w)
	return &v.infos[id]
}

// buildVocabulary indexes the words of lx, of the package's word sets and
// those the recogniser knows as titles, demonyms and organisation words.
func buildVocabulary(lx *lexicon, rec *entity.Recognizer) (*vocabulary, error) {
	words := map[string]*wordInfo{}
	get := func(w string) *wordInfo {
		wi := words[w]
		if wi == nil {
			wi = &wordInfo{}
			words[w] = wi
		}
		return wi
	}
	set := func(m map[string]bool, f wflag) {
		for w, ok := range m {
			if ok && w != "" {
				get(w).flags |= f
			}
		}
	}
	set(lx.anonHead, fAnonHead)
	set(lx.anonDet, fAnonDet)
	set(lx.anonPost, fAnonPost)
	set(lx.adverb, fAdverb)
	set(lx.auxiliary, fAuxiliary)
	set(lx.pronoun, fPronoun)
	set(lx.relative, fRelative)
	set(lx.boundary, fBoundary)
	set(determiners, fDeterminer)
	set(prepositions, fPreposition)
	set(claimVerbs, fClaimVerb)
	set(habitualAdverbs, fHabitual)
	set(labelLead, fLabelLead)
	set(commonAdjectives, fCommonAdj)
	set(documentNouns, fDocumentNoun)
	set(leakNouns, fLeakNoun)
	get("according").flags |= fAccording
	for w, cs := range lx.cues {
		if w == "" || len(cs) == 0 {
			continue
		}
		wi := get(w)
		wi.flags |= fCue
		wi.cues = cs
		for _, c := range cs {
			switch c.kind {
			case cueVerb:
				wi.flags |= fCueVerb
			case cueNoun:
				wi.flags |= fCueNoun
			case cueNaming:
				wi.flags |= fCueNaming
			}
		}
	}
	for w, g := range lx.roleGroup {
		if w != "" && g != "" {
			get(w).roleGroup = g
		}
	}
	for i, cp := range lx.channels {
		if len(cp.words) > 0 && cp.words[0] != "" {
			wi := get(cp.words[0])
			wi.flags |= fChannel
			wi.channels = append(wi.channels, i)
		}
		for _, w := range cp.words {
			get(w) // every word of a phrase has an id (channelIDs)
		}
	}
	for _, s := range lx.anonStrip {
		if len(s) > 0 && s[0] != "" {
			get(s[0]).flags |= fStrip
		}
	}
	if rec != nil {
		for _, w := range rec.Vocabulary() {
			var f wflag
			if rec.IsTitle(w) {
				f |= fTitle
			}
			if rec.IsDemonym(w) {
				f |= fDemonym
			}
			if rec.IsOrgWord(w) {
				f |= fOrgWord
			}
			if f != 0 && w != "" {
				get(w).flags |= f
			}
		}
	}
	// Ids in sorted order of the words, so that they do not depend on map
	// iteration, after the fixed ids of fixedWords.
	for _, w := range fixedWords {
		get(w)
	}
	keys := make([]string, 0, len(words))
	for w := range words {
		if w != "" && !slices.Contains(fixedWords[:], w) {
			keys = append(keys, w)
		}
	}
	sort.Strings(keys)
	keys = append(fixedWords[:len(fixedWords):len(fixedWords)], keys...)
	v := &vocabulary{infos: make([]wordInfo, 1, len(keys)+1), longBits: new([1 << longFilterBits / 64]uint64), anonEnds: new([1 << 16 / 64]uint64)}
	ids := map[string]uint32{}
	nshort, nlong := 0, 0
	for _, w := range keys {
		ids[w] = uint32(len(v.infos))
		v.infos = append(v.infos, *words[w])
		v.infos[len(v.infos)-1].word = w
		if words[w].flags&fAnonHead != 0 {
			v.addAnonEnd(w)
		}
		if len(w) <= 7 {
			nshort++
		} else {
			h := longHash(w) % (1 << longFilterBits)
			v.longBits[h>>6] |= 1 << (h & 63)
			nlong++
		}
	}
	v.buildLong(keys, ids, nlong)
	v.channelIDs = make([][]uint32, len(lx.channels))
	for i, cp := range lx.channels {
		for _, w := range cp.words {
			v.channelIDs[i] = append(v.channelIDs[i], ids[w])
		}
		if ws := v.channelIDs[i]; len(ws) > 0 {
			wi := &v.infos[ws[0]]
			next := uint32(0)
			if len(ws) > 1 {
				next = ws[1]
			}
			if !slices.Contains(wi.channelNext, next) {
				wi.channelNext = append(wi.channelNext, next)
			}
		}
	}
	v.triggerShort, v.triggerLong = make([]uint64, 1<<14/64), make([]uint64, 1<<16/64)
	v.triggersASCII = true
	for _, w := range keys {
		if words[w].flags&triggerFlags == 0 {
			continue
		}
		v.triggerWords.Add(w)
		v.triggersASCII = v.triggersASCII && isASCIIWord(w)
		if len(w) <= 7 {
			h := shortTriggerHash(shortKey(w))
			v.triggerShort[h>>6] |= 1 << (h & 63)
		} else {
			h := longHash(w)
			v.triggerLong[h>>6] |= 1 << (h & 63)
		}
	}
	if 2*nshort > shortTableSize {
		return nil, fmt.Errorf("attribute: %d words of up to 7 bytes, more than the vocabulary's table holds", nshort)
	}
	v.shortSlots = new([shortTableSize]shortSlot)
	for _, w := range keys {
		if len(w) > 7 {
			continue
		}
		k := shortKey(w)
		h := shortSlotHash(k)
		for v.shortSlots[h].key != 0 {
			h = (h + 1) % shortTableSize
		}
		v.shortSlots[h] = shortSlot{k, v.infos[ids[w]].flags, ids[w]}
	}
	for c := range v.oneByte {
		f, id := v.lookup(string([]byte{byte(c)}))
		v.oneByte[c] = shortSlot{flags: f, id: id}
	}
	return v, nil
}

// oneByteClass holds textClass of each token of one byte, by its byte.
var oneByteClass = func() (t [256]wflag) {
	for c := range t {
		t[c] = textClass(string([]byte{byte(c)}))
	}
	return t
}()

// cRecheck marks, in narrateLead, the first bytes of the words whose class
// their first byte may not tell: any byte outside ASCII, and 'U' ("US").
// It is no class of a token's text and never stays in a narration token.
const cRecheck wflag = 1 << 31

// narrateLead is leadClass with cRecheck for the bytes outside ASCII and
// for 'U', so that narratePlain can test for the words asciiClass leaves
// with the trigger words it tests for anyway.
var narrateLead = func() (t [256]wflag) {
	t = leadClass
	for c := utf8.RuneSelf; c < len(t); c++ {
		t[c] |= cRecheck
	}
	t['U'] |= cRecheck
	return t
}()

// asciiClass returns textClass(s) for a token s of two bytes or more that
// starts with an ASCII byte, is not "US" and does not end in "'s" or "’s",
// whose class depends on its first byte alone; ok is false for the others.
func asciiClass(s string) (f wflag, ok bool) {
	n := len(s)
	if n < 2 || s[0] >= utf8.RuneSelf || s[n-1] == 's' && (s[n-2] == '\'' || s[n-2] == 0x99) || s == "US" {
		return 0, false
	}
	return leadClass[s[0]], true
}

// leadClass holds, by its first byte, textClass of each token that
// asciiClass takes; 0 for the other bytes, which have one entry each so
// that an index by a byte needs no check.
var leadClass = func() (t [256]wflag) {
	for c := range utf8.RuneSelf {
		t[c] = textClass(string([]byte{byte(c), 'x'}))
	}
	return t
}()
