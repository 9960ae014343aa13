// Package entity recognises the named people, organisations, outlets and
// places of an article, records the titles and descriptions they are
// introduced with ("French President", "a DC-based think tank"), and merges
// their mentions under one canonical name (Macron → Emmanuel Macron, Kiev →
// Kyiv, FT → Financial Times).
package entity

import (
	"bufio"
	"embed"
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/internal/strindex"
	"github.com/hearsaylab/hearsay/internal/swar"
	"github.com/hearsaylab/hearsay/internal/wordscan"
	"github.com/hearsaylab/hearsay/segment"
)

//go:embed data/*.txt data/*.tsv
var data embed.FS

// Types of entity.
const (
	Person       = "person"
	Organization = "organization"
	Outlet       = "outlet"
	Place        = "place"
)

// Recognizer finds entity mentions. It is safe for concurrent use.
type Recognizer struct {
	lex   *wordscan.Table[wordFlags] // lower-case word → what it is
	short *shortTable                // lex's words of up to maxShort bytes
	mid   *midTable                  // lex's words of maxShort+1 to maxMid bytes
	names *wordscan.Table[nameInfo]  // word or name as written → what it is
	// Most words are in neither table and are ruled out by these
	// filters without being hashed.
	lexKeys  prefilter
	nameKeys namePrefilter
	// Narrower filters for the questions asked of the words around a
	// person's name: lex words that are roles before a name (titles and
	// demonyms), that describe one after it (see describes), and the
	// known organisations.
	roleKeys, describerKeys, orgKeys prefilter
	// beforeKeys holds roleKeys' keys and the known organisations in
	// lower case: the words rolesBefore may take, tested in place in a
	// body's lower case.
	beforeKeys prefilter
	// roleStart marks the bytes a token may start with when it is a title
	// or demonym in any case, or a known organisation: every byte from
	// 0x80 up, and the letters those words start with.
	roleStart [256]bool
	connKeys  prefilter // the connectors
	vocab     []string  // see Vocabulary
	pool      sync.Pool // *scratch, reused from call to call
	numbers   sync.Pool // *numbering, for Entities
}

// wordFlags say what a lower-case word is in the word lists.
type wordFlags uint8

const (
	fTitle         wordFlags = 1 << iota // a title or office word
	fDemonym                             // a nationality or region adjective
	fDemonymPlural                       // a demonym followed by "s"
	fOrgWord                             // a word that makes a name an organisation
	fStop                                // a sentence-opening function word
	fConnector                           // may stand inside a multi-word name
)

// nameInfo says what a word or name, as written, is in the word lists.
type nameInfo struct {
	place      string // canonical name of the place it spells, or ""
	org        bool   // a well-known organisation
	outletWord bool   // makes a name ending in it an outlet
}

// scratch holds the buffers of one call of AppendLower or
// AppendLowerMarked.
type scratch struct {
	run    []runToken // the tokens of the current run of capitalised words
	buf    []byte     // a run's words joined by spaces
	roles  []string   // a person's roles, before they are copied
	groups surnames   // canonicalise: the surnames, in groups
	sur    []surname  // canonicalise: the surnames of the document
	of     []int32    // canonicalise: surname of each mention, -1 when not a person
	names  []int      // AppendLower: the tokens that may start a name
}

// release drops the references of the buffers into the last document, so
// that a pooled scratch does not keep it alive.
func (sc *scratch) release() {
	clear(sc.roles[:cap(sc.roles)])
	sc.groups.reset(0)
}

// runToken is a token of the run being classified, looked up once. It
// holds no strings, so that filling the buffer writes no pointers.
type runToken struct {
	n     int       // the length of the token without a possessive
	flags wordFlags // the lex flags of the token in lower case, without it
}

// Mention is one mention of an entity.
type Mention struct {
	Start, End int    // the name as written, without titles or a possessive
	Text       string // body[Start:End]
	Name       string // canonical name of the entity
	Type       string
	Roles      []string // lower-case title and description words it was introduced with
	RoleStart  int      // start of the title words before the name (== Start when none)
	// Weak marks a lone capitalised word taken for a person with no title
	// and no fuller name in the document: it may be a place or a thing.
	Weak bool
}

// connectors may stand inside a multi-word name.
var connectors = []string{"of", "for", "de", "du", "des", "von", "van", "der", "den", "la", "le", "al", "bin", "el", "da", "di"}

// New builds a Recognizer from the embedded word lists. Outlets are not its
// job: the outlet table finds them (see package outlet).
func New() (*Recognizer, error) {
	lex, vocab, err := loadLex()
	if err != nil {
		return nil, err
	}
	names, err := loadNames()
	if err != nil {
		return nil, err
	}
	r := &Recognizer{lex: wordscan.NewTable(lex), short: newShortTable(lex), mid: newMidTable(lex), names: wordscan.NewTable(names), vocab: vocab}
	for w, fl := range lex {
		r.lexKeys.add(w)
		if fl&(fTitle|fDemonym) != 0 {
			r.addRole(w)
		}
		if describes(w, fl) {
			r.describerKeys.add(w)
		}
	}
	for _, w := range roleNouns {
		r.describerKeys.add(w)
	}
	for w, n := range names {
		r.nameKeys.add(w)
		if n.org {
			r.orgKeys.add(w)
			r.beforeKeys.add(strings.ToLower(w))
			r.markRoleStart(w)
		}
	}
	for _, w := range connectors {
		r.connKeys.add(w)
	}
	return r, nil
}

// loadLex reads the lower-case word lists into one map of flags, and
// returns the sorted Vocabulary.
func loadLex() (map[string]wordFlags, []string, error) {
	lex := map[string]wordFlags{}
	var vocab []string
	for _, l := range []struct {
		file  string
		flags wordFlags
		vocab bool // part of Vocabulary
	}{
		{"data/titles.txt", fTitle, true},
		{"data/demonyms.txt", fDemonym, true},
		{"data/orgwords.txt", fOrgWord, true},
		{"data/stop.txt", fStop, false},
	} {
		words, err := wordSet(l.file)
		if err != nil {
			return nil, nil, err
		}
		for w := range words {
			lex[w] |= l.flags
			if l.flags == fDemonym {
				lex[w+"s"] |= fDemonymPlural
			}
			if l.vocab {
				vocab = append(vocab, w, w+"s")
			}
		}
	}
	for _, w := range connectors {
		lex[w] |= fConnector
	}
	sort.Strings(vocab)
	return lex, vocab, nil
}

// loadNames reads the case-sensitive word lists, outlet words, known
// organisations and place spellings, into one map.
func loadNames() (map[string]nameInfo, error) {
	names := map[string]nameInfo{}
	set := func(w string, f func(*nameInfo)) {
		n := names[w]
		f(&n)
		names[w] = n
	}
	outletWords, err := wordSet("data/outletwords.txt")
	if err != nil {
		return nil, err
	}
	for w := range outletWords {
		set(w, func(n *nameInfo) { n.outletWord = true })
	}
	if err := eachLine("data/orgs.txt", func(l string) {
		set(l, func(n *nameInfo) { n.org = true })
	}); err != nil {
		return nil, err
	}
	if err := eachLine("data/places.tsv", func(l string) {
		canon, alts, _ := strings.Cut(l, "\t")
		for _, a := range append(strings.Split(alts, "|"), canon) {
			if a != "" {
				set(a, func(n *nameInfo) { n.place = canon })
			}
		}
	}); err != nil {
		return nil, err
	}
	return names, nil
}

// prefilter rules out most words that are not keys of a table from their
// first and last bytes and their length, before the table hashes them.
type prefilter [1024]uint32 // length bits of the keys, by edgeSlot

// add notes the key w.
func (p *prefilter) add(w string) {
	if w != "" {
		p[edgeSlot(w)] |= lenBit(w)
	}
}

// mayHave reports whether w may be a key: false when it is certainly not.
func (p *prefilter) mayHave(w string) bool {
	n := len(w)
	return n != 0 && p[edgeSlotOf(w[0], w[n-1])]>>min(n, 31)&1 != 0
}

// mayHaveSpan is mayHave(s[i:j]), without cutting s: s[i:j] must be a
// valid span of s.
func (p *prefilter) mayHaveSpan(s string, i, j int) bool {
	return j > i && p[edgeSlotOf(s[i], s[j-1])]&(1<<min(j-i, 31)) != 0
}

// namePrefilter is a prefilter for the names table, which also tells
// words apart by their middle byte: many capitalised words share their
// first and last letters and their length with a name.
type namePrefilter [1024]uint32 // bits of the keys (nameBit), by edgeSlot

// add notes the key w.
func (p *namePrefilter) add(w string) {
	if n := len(w); n != 0 {
		p[edgeSlot(w)] |= 1 << nameBit(n, w[n>>1])
	}
}

// mayHave reports whether w may be a key: false when it is certainly not.
func (p *namePrefilter) mayHave(w string) bool {
	n := len(w)
	return n != 0 && p[edgeSlotOf(w[0], w[n-1])]>>nameBit(n, w[n>>1])&1 != 0
}

// nameBit is the bit of a namePrefilter slot standing for a word of n
// bytes whose middle byte, of index n/2, is mid. Words that differ in
// length by less than 32 and have the same middle byte, or have the same
// length and middle letters of one case, have different bits.
func nameBit(n int, mid byte) uint {
	return uint(n+3*int(mid)) & 31
}

// edgeSlot is the slot of the non-empty word w in a prefilter.
func edgeSlot(w string) int {
	return edgeSlotOf(w[0], w[len(w)-1])
}

// edgeSlotOf is the slot of a word from its first and last bytes.
func edgeSlotOf(first, last byte) int {
	return (int(first)<<5 ^ int(last)) & 1023
}

// lenBit is the bit of a prefilter slot standing for the length of w;
// lengths from 31 up share one.
func lenBit(w string) uint32 {
	return 1 << min(len(w), 31)
}

func eachLine(name string, fn func(string)) error {
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

func wordSet(name string) (map[string]bool, error) {
	m := map[string]bool{}
	err := eachLine(name, func(l string) {
		for _, w := range strings.Fields(l) {
			m[w] = true
		}
	})
	return m, err
}

// flags returns the word-list flags of the lower-case word lw.
func (r *Recognizer) flags(lw string) wordFlags {
	if !r.lexKeys.mayHave(lw) {
		return 0
	}
	return r.lookFlags(lw)
}

// lookFlags is flags for a word that r.lexKeys may have. The hottest
// callers test the filter inline and call it only then.
func (r *Recognizer) lookFlags(lw string) wordFlags {
	if isShort(lw) {
		return r.short.get(lw)
	}
	if isMid(lw) {
		return r.mid.get(lw)
	}
	f, _ := r.lex.Get(lw)
	return f
}

// name returns what the word or name w, as written, is in the word lists.
func (r *Recognizer) name(w string) nameInfo {
	if !r.nameKeys.mayHave(w) {
		return nameInfo{}
	}
	return r.lookName(w)
}

// lookName is name for a word that r.nameKeys may have. The hottest
// callers test the filter inline and call it only then.
func (r *Recognizer) lookName(w string) nameInfo {
	n, _ := r.names.Get(w)
	return n
}

// IsTitle reports whether w (any case) is a title or office word.
func (r *Recognizer) IsTitle(w string) bool { return r.flags(strings.ToLower(w))&fTitle != 0 }

// IsDemonym reports whether w (any case) is a nationality or region
// adjective, or its plural used as a noun ("Europeans").
func (r *Recognizer) IsDemonym(w string) bool {
	return r.flags(strings.ToLower(w))&(fDemonym|fDemonymPlural) != 0
}

// IsOrgWord reports whether w (any case) is a word that makes a name an
// organisation ("ministry", "office", "agency").
func (r *Recognizer) IsOrgWord(w string) bool { return r.flags(strings.ToLower(w))&fOrgWord != 0 }

// Vocabulary returns every word w in lower case for which IsTitle(w),
// IsDemonym(w) or IsOrgWord(w) can be true, so that a caller can index the
// answers once for the words it meets.
func (r *Recognizer) Vocabulary() []string {
	return slices.Clone(r.vocab)
}

// PlaceName returns the canonical name of a place spelling.
func (r *Recognizer) PlaceName(s string) (string, bool) {
	c := r.name(s).place
	return c, c != ""
}

// Find returns the entity mentions of body; toks are body's tokens.
func (r *Recognizer) Find(body string, toks []segment.Token) []Mention {
	return r.FindLower(body, "", toks)
}

// FindLower is Find for a body whose lower case is known: lower is
// wordscan.Lower(body), with every offset of body, or "" when unknown.
func (r *Recognizer) FindLower(body, lower string, toks []segment.Token) []Mention {
	return r.AppendLower(nil, body, lower, toks)
}

// AppendLower is FindLower appending the mentions to dst.
func (r *Recognizer) AppendLower(dst []Mention, body, lower string, toks []segment.Token) []Mention {
	sc := r.getScratch()
	defer r.putScratch(sc)
	sc.names = nameStarts(sc.names[:0], toks)
	f := finder{r: r, body: body, lower: lower, toks: toks, sc: sc}
	return f.appendMarked(dst, sc.names)
}

// AppendLowerMarked is AppendLower for tokens that come with the entries,
// in order, of those that may start a name, as segment.AppendTokensWords
// notes them in Marks.Names: only those are looked at for the start of a
// name, and those noted as plain need no test.
//
// The roles of the mentions are cut from roles, when it is not nil, rather
// than from new blocks (see Roles). A role may be a slice of lower: the
// mentions live as long as lower does, and what Entities makes of them
// keeps nothing of it.
func (r *Recognizer) AppendLowerMarked(dst []Mention, roles *Roles, body, lower string, toks []segment.Token, names []int) []Mention {
	sc := r.getScratch()
	defer r.putScratch(sc)
	f := finder{r: r, body: body, lower: lower, toks: toks, sc: sc, roles: roles.take()}
	dst = f.appendMarked(dst, names)
	roles.keep(f.roles)
	return dst
}

// Roles is storage that the roles of a document's mentions
// (Mention.Roles) are cut from. A caller that recognises document after
// document, and is done with the mentions of one before it asks for those
// of the next, passes the same Roles every time: the roles of each
// document then take the storage of the last instead of new blocks. The
// zero value is ready to use. A Roles is for one call at a time.
type Roles struct {
	block []string
}

// maxKeptRoles is the most words of storage a Roles keeps from call to
// call, so that one very long text does not pin a large block.
const maxKeptRoles = 1 << 12

// take returns the storage of rs, empty, or nil when rs is nil.
func (rs *Roles) take() []string {
	if rs == nil {
		return nil
	}
	return rs.block[:0]
}

// keep gives rs the block the last roles were cut from, when it is larger
// than the one rs holds and not too large. The strings it holds stay in it
// until the next call writes over them.
func (rs *Roles) keep(block []string) {
	if rs != nil && cap(block) > cap(rs.block) && cap(block) <= maxKeptRoles {
		rs.block = block
	}
}

// nameStarts appends to dst entries such as segment.Marks.Names holds for
// toks, with none noted as plain: every token that starts with an ASCII
// capital or a byte outside ASCII, more than Marks.Names notes (it leaves
// out marks and words that start in lower case), which appendMarked rules
// out itself.
func nameStarts(dst []int, toks []segment.Token) []int {
	for k := range toks {
		if t := toks[k].Text; t != "" && nameStart[t[0]] {
			dst = append(dst, k<<1)
		}
	}
	return dst
}

// appendMarked is AppendLowerMarked for the finder f of the document.
//
// Most entries are passed over without a call: the words of the last run
// and the function words opening a sentence. The commonest run, two plain
// words, is classified by pair, the other runs of plain words are walked
// by loadPlain, and the rest by run. The mentions are appended to f.out,
// so that the loop carries no slice that the calls change.
func (f *finder) appendMarked(dst []Mention, names []int) []Mention {
	if len(f.lower) != len(f.body) {
		f.lower = ""
	}
	lower, toks, short := f.lower, f.toks, f.r.short
	base := len(dst)
	f.out = dst
	next := 0 // the first token after the last run
	for p, v := range names {
		// An entry notes the token of index i as 2i or 2i+1; a token
		// noted as plain is name-like. segment.Marks.Names notes no mark
		// and no word that starts in lower case, so that the others
		// are nearly all words of ASCII letters with an apostrophe, a
		// hyphen or a period ("Varga’s", "DC-based", "U.S.").
		i, plain := segment.NameAt(v)
		if i < next {
			continue // a word of the last run
		}
		t := toks[i].Text
		// The word without a possessive: a plain word has none. Two ifs,
		// not one condition: joined with &&, the answer was kept in
		// memory for every entry, the plain ones too, which cost 0.7 M
		// instructions per 1,000 articles more.
		w := t
		if !plain {
			if !capitalised(t) {
				continue
			}
			if mayBePossessive(t) {
				w = stripPossessive(t)
			}
		}
		// The word's flags, read as flagsAt reads them, without a call.
		var fl wordFlags
		if s, n := toks[i].Start, len(w); n > 0 && n <= maxShort && s+8 <= len(lower) {
			fl = short.getPacked(swar.Load8(lower, s)&firstBytes[n], n)
		} else if lower == "" || f.r.lexKeys.mayHaveSpan(lower, s, s+n) {
			fl = f.flagsAt(i, n) // most longer words are ruled out first
		}
		j := i + 1
		if fl&fStop != 0 || strings.HasSuffix(t, "ly") {
			// A function word opening a sentence, which classify and lone
			// drop: most are alone, and when a plain word follows, the run
			// classify would be left with is the one that word starts, as
			// no plain word ends a run.
			if j >= len(toks) || !f.mayJoin(toks[j].Text) || notesPlain(names, p+1, j) {
				continue
			}
			next = f.run(i)
			continue
		}
		if j < len(toks) && f.mayJoin(toks[j].Text) {
			// The loop keeps no word or flags across the calls: a run of
			// one word, which is rare, is looked up again.
			if plain && notesPlain(names, p+1, j) {
				if f.pair(i, fl) {
					next = i + 2
					continue
				}
				if next = f.loadPlain(i, fl, names, p); next != 0 {
					f.classify(i, next)
					continue
				}
			}
			if next = f.run(i); next == i+1 {
				f.loneAt(i)
			}
			continue
		}
		f.lone(i, w, fl)
	}
	out := f.out
	f.out = nil
	canonicalise(f.sc, out[base:])
	return out
}

// pair classifies the run of the two words toks[i] and toks[i+1], both
// noted as plain (ASCII letters and digits, with a final period at most),
// when it is the commonest run: the two words stand one space apart, the
// token after them cannot carry the run on (mayJoin), neither word is in
// the lower-case word lists (fa are the flags of toks[i]), and the first
// is neither a known organisation or place nor ends in "ly" or "ing". It
// reports whether it did; when it did not it has changed nothing, and the
// run is left to run.
//
// It decides as run would (runEnd, loadRun, classify, isOrg and person),
// without loading the run: the run is the two words, as no plain word is
// a possessive; classify drops no word and finds no connector; isOrg has
// only the whole name to look up, as no word is an organisation word; and
// person takes no word before the name as a title or a known name.
func (f *finder) pair(i int, fa wordFlags) bool {
	r, toks, body, lower := f.r, f.toks, f.body, f.lower
	a, b := &toks[i], &toks[i+1]
	if fa != 0 || b.Start != a.End+1 || body[a.End] != ' ' || i+2 < len(toks) && f.mayJoin(toks[i+2].Text) {
		return false
	}
	var fb wordFlags
	if s, n := b.Start, len(b.Text); n <= maxShort && s+8 <= len(lower) {
		fb = r.short.getPacked(swar.Load8(lower, s)&firstBytes[n], n)
	} else if lower == "" || r.lexKeys.mayHaveSpan(lower, s, s+n) {
		fb = f.flagsAt(i+1, n)
	}
	if fb != 0 || strings.HasSuffix(a.Text, "ly") || strings.HasSuffix(a.Text, "ing") ||
		r.nameKeys.mayHave(a.Text) && r.lookName(a.Text).known() {
		return false
	}
	f.sc.run = f.sc.run[:0] // no run is loaded (see roleFlags)
	start, end := a.Start, b.End
	text := body[start:end]
	var whole nameInfo
	if r.nameKeys.mayHave(text) {
		whole = r.lookName(text)
	}
	switch {
	case whole.place != "":
		f.add(start, end, text, whole.place, Place)
	case r.nameKeys.mayHave(b.Text) && r.lookName(b.Text).outletWord:
		f.add(start, end, text, text, Outlet)
	case whole.org:
		f.add(start, end, text, text, Organization)
	default:
		roles := f.sc.roles[:0]
		if f.mayHaveRolesBefore(i) {
			roles = f.rolesBefore(roles, i)
		}
		roles = f.appositive(roles, i+2)
		f.sc.roles = roles
		f.addPerson(start, end, text, f.keepRoles(roles), start)
	}
	return true
}

// loadPlain is runEnd and loadRun for a run of words noted as plain, from
// toks[i], noted in names[p], on, one space apart, and followed by a token
// that cannot carry the run on (mayJoin); fl are the flags of toks[i]. It
// returns the end of the run, or 0 when the run is not such a run, which
// is then left to run. As every plain word is name-like and none is a
// possessive or a connector, it walks the run without calling nameLike or
// possessive.
func (f *finder) loadPlain(i int, fl wordFlags, names []int, p int) int {
	toks, body, lower, short := f.toks, f.body, f.lower, f.r.short
	// The end of the run first, then the words' flags: the loop that
	// looks the words up makes no call but flagsAt, for a long word, and
	// carries less across it.
	j := i + 1
	for ; j < len(toks) && f.mayJoin(toks[j].Text); j++ {
		if !notesPlain(names, p+j-i, j) || toks[j].Start != toks[j-1].End+1 || body[toks[j-1].End] != ' ' {
			return 0
		}
	}
	run := slices.Grow(f.sc.run[:0], j-i)[:j-i]
	run[0] = runToken{n: len(toks[i].Text), flags: fl}
	all := fl
	for k := i + 1; k < j; k++ {
		t := &toks[k]
		if s, n := t.Start, len(t.Text); n <= maxShort && s+8 <= len(lower) {
			fl = short.getPacked(swar.Load8(lower, s)&firstBytes[n], n)
		} else if lower == "" || f.r.lexKeys.mayHaveSpan(lower, s, s+n) {
			fl = f.flagsAt(k, n)
		} else {
			fl = 0
		}
		all |= fl
		run[k-i] = runToken{n: len(t.Text), flags: fl}
	}
	f.sc.run = run
	f.runBase, f.runFlags, f.runSpaced = i, all, true
	return j
}

// notesPlain reports whether names[p], when there is one, notes the token
// of index j as plain (see segment.NameAt).
func notesPlain(names []int, p, j int) bool {
	if p >= len(names) {
		return false
	}
	n, plain := segment.NameAt(names[p])
	return n == j && plain
}

// run classifies the run of capitalised words that starts at toks[i], when
// it is of more than one word, and returns its end.
func (f *finder) run(i int) int {
	j := f.runEnd(i)
	if j > i+1 {
		f.loadRun(i, j)
		f.classify(i, j)
	}
	return j
}

// runEnd returns the end of the run of capitalised words, with connectors
// between them, that starts at toks[i]. It notes in f.runSpaced whether
// the run's words stand one space apart.
func (f *finder) runEnd(i int) int {
	toks := f.toks
	spaced := true
	j := i + 1
	for j < len(toks) {
		t, step := toks[j].Text, 0
		switch {
		case nameLike(t) && !possessive(toks[j-1].Text):
			step = 1
		case f.r.connKeys.mayHave(t) && f.r.isConnector(t) && j+1 < len(toks) && nameLike(toks[j+1].Text) && !possessive(toks[j-1].Text):
			step = 2
		}
		if step == 0 {
			break
		}
		// A name never runs over a line break. The gap is nearly always
		// one space.
		if !f.oneSpaceBefore(j) {
			if hasNewline(f.body[toks[j-1].End:toks[j].Start]) {
				break
			}
			spaced = false
		}
		if step == 2 && !f.oneSpaceBefore(j+1) {
			spaced = false
		}
		j += step
	}
	f.runSpaced = spaced
	return j
}

// oneSpaceBefore reports whether the gap between toks[j-1] and toks[j] is
// one space.
func (f *finder) oneSpaceBefore(j int) bool {
	e, s := f.toks[j-1].End, f.toks[j].Start
	return s == e+1 && f.body[e] == ' '
}

// mayJoin reports whether the token t after a capitalised word may carry
// its run on (see runEnd): t starts as a name may, or may be a connector.
// Most runs are one word followed by a token for which it is false.
func (f *finder) mayJoin(t string) bool {
	return t != "" && (nameStart[t[0]] || f.r.connKeys.mayHave(t))
}

// hasNewline reports whether the gap s between two tokens, nearly always a
// single space, holds a line feed.
func hasNewline(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			return true
		}
	}
	return false
}

// isConnector reports whether t is one of the connectors, exactly. Most
// words are ruled out by r.connKeys first, which the caller tests inline.
func (r *Recognizer) isConnector(t string) bool {
	if isShort(t) {
		return r.short.get(t)&fConnector != 0
	}
	return r.flags(t)&fConnector != 0
}

// nameLike reports whether a token can be part of a name: capitalised, not
// a hyphenated compound with a lower-case part ("DC-based").
func nameLike(t string) bool {
	return t != "" && mayStartName(t[0]) && capitalised(t)
}

// mayStartName reports whether a token starting with byte c can be
// capitalised: c is an ASCII capital or starts a multi-byte character.
func mayStartName(c byte) bool {
	return nameStart[c]
}

// nameStart is mayStartName by byte: one load instead of two tests.
var nameStart = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= utf8.RuneSelf || 'A' <= c && c <= 'Z'
	}
	return t
}()

// capitalised is nameLike for a token that starts with a capital letter or
// a non-ASCII character.
func capitalised(t string) bool {
	if t[0] < utf8.RuneSelf {
		// Only a hyphen (ASCII or U+2011, which ends with 0x91) can
		// start a part that must be checked. The first byte is neither,
		// and a word of four to sixteen bytes is tested at once, in one or
		// two packed words that may overlap. Testing the last byte of
		// U+2011 rather than its first (0xE2) lets words with ’ through
		// ("Varga’s"), the commonest with a byte outside ASCII.
		if n := len(t); n >= 4 && n <= 16 {
			var h uint64
			if n <= 8 {
				h = hyphenBytes(swar.Load4(t, 0) | swar.Load4(t, n-4)<<32)
			} else {
				h = hyphenBytes(swar.Load8(t, 0)) | hyphenBytes(swar.Load8(t, n-8))
			}
			return h == 0 || partsCapitalised(t)
		}
		for i := 1; i < len(t); i++ {
			if c := t[i]; c == '-' || c == 0x91 {
				return partsCapitalised(t)
			}
		}
		return true
	}
	if generalPunct(t) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) && partsCapitalised(t)
}

// hyphenBytes returns a word that is not zero when a byte of the eight
// packed in x is '-' or 0x91, the last byte of U+2011.
func hyphenBytes(x uint64) uint64 {
	return zeroBytes(x^'-'*swar.Ones) | zeroBytes(x^0x91*swar.Ones)
}

// zeroBytes returns a word that is not zero when a byte of x is zero.
func zeroBytes(x uint64) uint64 {
	return (x - swar.Ones) &^ x & swar.Highs
}

// generalPunct reports whether t starts with a character from U+2000 to
// U+207F, punctuation such as “ or —, which holds no capital: most tokens
// that start with a multi-byte character.
func generalPunct(t string) bool {
	return t[0] == 0xE2 && len(t) > 1 && t[1] < 0x82
}

// partsCapitalised reports whether no part of t between hyphens starts in
// lower case.
func partsCapitalised(t string) bool {
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

// possessive reports whether t ends in a possessive: 's, ’s, s' or s’.
func possessive(t string) bool {
	n := len(t)
	if n < 2 {
		return false
	}
	switch t[n-1] {
	case 's':
		return t[n-2] == '\'' || strings.HasSuffix(t[:n-1], "\u2019")
	case '\'':
		return t[n-2] == 's'
	case 0x99: // the last byte of ’ (U+2019)
		return strings.HasSuffix(t, "s\u2019")
	}
	return false
}

// mayBePossessive reports whether t ends in a byte a possessive ends in,
// 's' or the last byte of ’: when it does not, stripPossessive(t) is t.
// The hottest callers test it inline before calling stripPossessive.
func mayBePossessive(t string) bool {
	n := len(t)
	return n > 1 && (t[n-1] == 's' || t[n-1] == 0x99)
}

// stripPossessive returns t without a final 's or ’s, or without the
// apostrophe of a final s’.
func stripPossessive(t string) string {
	n := len(t)
	if n < 2 {
		return t
	}
	switch t[n-1] {
	case 's':
		if t[n-2] == '\'' {
			return t[:n-2]
		}
		if strings.HasSuffix(t[:n-1], "\u2019") {
			return t[:n-1-len("\u2019")]
		}
	case 0x99:
		if strings.HasSuffix(t, "s\u2019") {
			return t[:n-len("\u2019")]
		}
	}
	return t
}

// finder is the state of one call of AppendLower.
type finder struct {
	r       *Recognizer
	body    string
	lower   string // body in lower case, or ""
	toks    []segment.Token
	sc      *scratch
	runBase int // the index in toks of sc.run[0]
	// runSpaced says whether the words of the loaded run stand one space
	// apart, and runFlags holds the flags of every word of it.
	runSpaced bool
	runFlags  wordFlags
	// roles is the block the mentions' roles are cut from; it belongs to
	// the mentions, not to the scratch.
	roles []string
	out   []Mention // the mentions found so far
}

// low returns the lower case of w, which is toks[k].Text or a prefix of it.
func (f *finder) low(k int, w string) string {
	if f.lower == "" {
		return strings.ToLower(w)
	}
	return f.lower[f.toks[k].Start:][:len(w)]
}

// loadRun looks up the tokens toks[i:j] of a run once, for classify.
func (f *finder) loadRun(i, j int) {
	run := slices.Grow(f.sc.run[:0], j-i)[:j-i]
	var all wordFlags
	for k := range run {
		w := f.toks[i+k].Text
		if mayBePossessive(w) {
			w = stripPossessive(w)
		}
		fl := f.flagsAt(i+k, len(w))
		run[k] = runToken{n: len(w), flags: fl}
		all |= fl
	}
	f.sc.run = run
	f.runBase, f.runFlags = i, all
}

// flagsAt returns the flags of the first n bytes of toks[k] in lower case,
// r.flags(f.low(k, toks[k].Text[:n])). A word of up to maxShort bytes
// whose lower case is known is read from it in one load, packed as
// packWord packs it, and looked up in r.short without a prefilter or a
// string cut from lower.
func (f *finder) flagsAt(k, n int) wordFlags {
	if s := f.toks[k].Start; n > 0 && n <= maxShort && s+8 <= len(f.lower) {
		return f.r.short.getPacked(swar.Load8(f.lower, s)&firstBytes[n], n)
	}
	if lw := f.low(k, f.toks[k].Text[:n]); f.r.lexKeys.mayHave(lw) {
		return f.r.lookFlags(lw)
	}
	return 0
}

// word returns toks[k], a token of the current run, without a possessive.
func (f *finder) word(k int) string {
	return f.toks[k].Text[:f.tok(k).n]
}

// lowWord returns word(k) in lower case.
func (f *finder) lowWord(k int) string {
	return f.low(k, f.word(k))
}

// tok returns toks[k], a token of the current run, looked up.
func (f *finder) tok(k int) *runToken {
	return &f.sc.run[k-f.runBase]
}

// mayBeRole reports whether toks[k] may be a title or demonym, with or
// without a possessive: false when it is certainly not. It tests the first
// and last bytes and the length of the token in lower case, as roleKeys
// holds the possessive forms too, without cutting the possessive off.
func (f *finder) mayBeRole(k int) bool {
	if f.lower == "" {
		return true
	}
	t := &f.toks[k]
	return f.r.roleKeys.mayHaveSpan(f.lower, t.Start, t.Start+len(t.Text))
}

// roleFlags returns toks[k] without a possessive in lower case, and its
// flags: from the current run when it holds the token. The flags of a
// token outside the run are left out unless fTitle or fDemonym is among
// them.
func (f *finder) roleFlags(k int) (string, wordFlags) {
	if r := k - f.runBase; r >= 0 && r < len(f.sc.run) {
		return f.lowWord(k), f.sc.run[r].flags
	}
	lw := f.low(k, stripPossessive(f.toks[k].Text))
	if !f.r.roleKeys.mayHave(lw) {
		return lw, 0
	}
	return lw, f.r.flags(lw)
}

// rawFlags returns the flags of toks[k] in lower case, possessive and all.
func (f *finder) rawFlags(k int) wordFlags {
	t := f.tok(k)
	if t.n == len(f.toks[k].Text) {
		return t.flags
	}
	return f.flagsAt(k, len(f.toks[k].Text))
}

// classify turns the capitalised run toks[i:j] into mentions.
func (f *finder) classify(i, j int) {
	r, body, toks := f.r, f.body, f.toks
	// Drop sentence-opening function words ("The", "However").
	for i < j && (f.tok(i).flags&fStop != 0 || strings.HasSuffix(toks[i].Text, "ly") ||
		i+1 < j && strings.HasSuffix(toks[i].Text, "ing")) {
		i++
	}
	if i >= j {
		return
	}
	last := f.word(j - 1)
	start, end := toks[i].Start, toks[j-1].Start+len(last)
	text := body[start:end]
	var whole nameInfo
	if r.nameKeys.mayHave(text) {
		whole = r.lookName(text)
	}
	if c := whole.place; c != "" {
		f.add(start, end, text, c, Place)
		return
	}
	if j-i >= 2 && r.nameKeys.mayHave(last) && r.lookName(last).outletWord {
		f.add(start, end, text, text, Outlet)
		return
	}
	if f.isOrg(i, j, text, whole) {
		f.add(start, end, text, text, Organization)
		return
	}
	// A person's name holds no connector: "Anton Reusch of Nordvale" is a
	// person and a place.
	for c := i + 1; c < j-1; c++ {
		if toks[c].Text == "of" || toks[c].Text == "for" {
			f.classify(i, c)
			f.classify(c+1, j)
			return
		}
	}
	f.person(i, j, end)
}

// loneAt is lone for toks[i], which it looks up, unless the word is a
// function word opening a sentence or ends in "ly".
func (f *finder) loneAt(i int) {
	t := f.toks[i].Text
	w := stripPossessive(t)
	if fl := f.flagsAt(i, len(w)); fl&fStop == 0 && !strings.HasSuffix(t, "ly") {
		f.lone(i, w, fl)
	}
}

// lone is classify for a run of the one token toks[i], the common run,
// whose word without a possessive, w, has the flags fl and is neither a
// stop word nor ends in "ly" (the caller drops those): it looks the word
// up once, with no run buffer, and decides as classify would.
func (f *finder) lone(i int, w string, fl wordFlags) {
	r := f.r
	f.sc.run = f.sc.run[:0] // no run is loaded (see roleFlags)
	s := f.toks[i].Start
	e := s + len(w)
	var n nameInfo
	if r.nameKeys.mayHave(w) {
		n = r.lookName(w)
	}
	if c := n.place; c != "" {
		f.add(s, e, w, c, Place)
		return
	}
	// isOrg: the word is its run's text, joined.
	if n.org || fl&fOrgWord != 0 || fl&fDemonym == 0 && acronym(w) {
		f.add(s, e, w, w, Organization)
		return
	}
	// person: a lone word with no title before it in the run, whose
	// lower case, read in place when it is known, does not end in "ing".
	if fl&(fDemonym|fDemonymPlural|fTitle) != 0 {
		return
	}
	if lower := f.lower; lower != "" {
		if e-s >= 3 && lower[e-3:e] == "ing" {
			return
		}
	} else if strings.HasSuffix(strings.ToLower(w), "ing") {
		return
	}
	// Most have no title before them and no comma after them: no roles,
	// and nothing to write back to the scratch (appositive's test is
	// written out).
	before := f.mayHaveRolesBefore(i)
	if !before && (i+2 >= len(f.toks) || f.toks[i+1].Text != ",") {
		f.addPerson(s, e, w, nil, s)
		return
	}
	roles := f.sc.roles[:0]
	if before {
		roles = f.rolesBefore(roles, i)
	}
	roles = f.appositive(roles, i+1)
	f.sc.roles = roles
	f.addPerson(s, e, w, f.keepRoles(roles), s)
}

// person appends the person the capitalised run toks[i:j], ending at byte
// end, names, and the organisations and places among the words before the
// name, unless the run holds only titles or is a lone word that cannot be
// a name.
func (f *finder) person(i, j, end int) {
	r, body, toks := f.r, f.body, f.toks
	// Strip titles, nationalities and known organisations before the name
	// and keep them as roles.
	roles := f.sc.roles[:0] // copied into the mention at the end
	k := i
	for k < j-1 {
		if w := f.word(k); f.tok(k).flags&(fTitle|fDemonym|fConnector) != 0 || r.nameKeys.mayHave(w) && r.lookName(w).known() {
			roles = append(roles, f.lowWord(k))
			k++
			continue
		}
		break
	}
	// A title inside the run ends the words before the name: "Selka Hydro
	// CEO Tomas Brenner" is Tomas Brenner, CEO of Selka Hydro.
	for m := j - 2; m >= k && f.runFlags&fTitle != 0; m-- {
		if f.tok(m).flags&fTitle != 0 {
			for x := k; x <= m; x++ {
				roles = append(roles, f.lowWord(x))
			}
			k = m + 1
			break
		}
	}
	if k == j-1 && k > i && f.rawFlags(k)&(fTitle|fDemonym) != 0 {
		return // only titles: "Prime Minister"
	}
	if k > i {
		f.knownBefore(i, k)
	}
	if k == j-1 {
		w := f.word(k)
		if f.tok(k).flags&(fDemonym|fDemonymPlural|fTitle|fStop) != 0 || strings.HasSuffix(f.low(k, w), "ing") {
			return
		}
		if acronym(w) {
			s := toks[k].Start
			f.add(s, s+len(w), w, w, Organization)
			return
		}
		// A lone capitalised word opening a sentence with no title is too
		// weak a signal unless it recurs (handled by canonicalise).
	}
	ns := toks[k].Start
	if f.mayHaveRolesBefore(i) {
		roles = f.rolesBefore(roles, i)
	}
	roles = f.appositive(roles, j)
	f.sc.roles = roles
	roleStart := ns
	if k > i {
		roleStart = toks[i].Start
	}
	f.addPerson(ns, end, body[ns:end], f.keepRoles(roles), roleStart)
}

// addPerson appends to f.out the mention of the person name, from start to
// end, with the roles from roleStart on: the commonest mention, written in
// place rather than built aside and copied.
func (f *finder) addPerson(start, end int, name string, roles []string, roleStart int) {
	m := f.grow()
	m.Start, m.End, m.Text, m.Name, m.Type, m.Roles, m.RoleStart, m.Weak = start, end, name, name, Person, roles, roleStart, false
}

// add appends to f.out the mention text, from start to end, of an entity
// of the type typ named name, with no roles.
func (f *finder) add(start, end int, text, name, typ string) {
	m := f.grow()
	m.Start, m.End, m.Text, m.Name, m.Type, m.Roles, m.RoleStart, m.Weak = start, end, text, name, typ, nil, start, false
}

// grow lengthens f.out by one mention and returns it, not cleared: the
// caller sets every field, so that the mention is written once.
func (f *finder) grow() *Mention {
	n := len(f.out)
	if n == cap(f.out) {
		f.out = append(f.out, Mention{})
	}
	f.out = f.out[:n+1]
	return &f.out[n]
}

// known reports whether the name is a known organisation or place.
func (n nameInfo) known() bool { return n.org || n.place != "" }

// knownBefore appends the leading known words toks[i:k] before a person's
// name as mentions of their own when they are organisations or places
// ("NATO Secretary General …").
func (f *finder) knownBefore(i, k int) {
	for m := i; m < k; m++ {
		w := f.word(m)
		n := f.r.name(w)
		s := f.toks[m].Start
		if n.org {
			f.add(s, s+len(w), w, w, Organization)
		} else if c := n.place; c != "" {
			f.add(s, s+len(w), w, c, Place)
		}
	}
}

// acronym is isAcronym, with the answer for the common capitalised word,
// whose second byte is a lower-case letter, inlined.
func acronym(w string) bool {
	return len(w) > 1 && (w[1] < 'a' || w[1] > 'z') && isAcronym(w)
}

// isAcronym reports whether w has at least two upper-case letters and no
// lower-case one.
func isAcronym(w string) bool {
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return isAcronymRunes(w)
		}
		if 'a' <= c && c <= 'z' {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			n++
		}
	}
	return n >= 2
}

// isAcronymRunes is isAcronym for any text.
func isAcronymRunes(w string) bool {
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

// isOrg reports whether the run toks[i:j] names an organisation; text is
// body's span of it and whole what text is in the word lists.
func (f *finder) isOrg(i, j int, text string, whole nameInfo) bool {
	r := f.r
	if !f.joinedIs(i, j, text) {
		whole, _ = r.names.GetBytes(f.sc.buf)
	}
	if whole.org {
		return true
	}
	for k := i; k < j && f.runFlags&fOrgWord != 0; k++ {
		if f.tok(k).flags&fOrgWord != 0 {
			return true
		}
	}
	if j-i != 1 {
		return false
	}
	return acronym(f.word(i)) && f.tok(i).flags&fDemonym == 0
}

// joinedIs reports whether the words of toks[i:j], without possessives and
// joined by single spaces, are text; when they are not it leaves them in
// f.sc.buf.
func (f *finder) joinedIs(i, j int, text string) bool {
	if f.spaced(i, j) {
		return true
	}
	b := f.sc.buf[:0]
	for k := i; k < j; k++ {
		if k > i {
			b = append(b, ' ')
		}
		b = append(b, f.word(k)...)
	}
	f.sc.buf = b
	return string(b) == text
}

// spaced reports whether the words of toks[i:j], without possessives,
// stand one space apart in body: then, joined by single spaces, they are
// body from the first to the end of the last. (When it is false they may
// still be; joinedIs compares them.)
func (f *finder) spaced(i, j int) bool {
	if f.runSpaced {
		return true // toks[i:j] is the loaded run or a part of it
	}
	for k := i + 1; k < j; k++ {
		s := f.toks[k].Start
		if s != f.toks[k-1].Start+f.tok(k-1).n+1 || f.body[s-1] != ' ' {
			return false
		}
	}
	return true
}

// mayHaveRolesBefore reports whether rolesBefore(roles, i) may add a word:
// false when toks[i-1] is certainly no title, demonym or known
// organisation. The callers test it inline: most names have none.
func (f *finder) mayHaveRolesBefore(i int) bool {
	if i == 0 || f.lower == "" {
		return i > 0
	}
	t := &f.toks[i-1]
	return f.r.beforeKeys.mayHaveSpan(f.lower, t.Start, t.Start+len(t.Text))
}

// rolesBefore appends to roles the lower-case title words standing right
// before a name ("Ministry spokesman Tomas Berg", "international affairs
// specialist").
func (f *finder) rolesBefore(roles []string, i int) []string {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		t := f.toks[k].Text
		if t == "" || !f.r.roleStart[t[0]] {
			break // punctuation, mostly
		}
		if f.mayBeRole(k) {
			if lw, fl := f.roleFlags(k); fl&(fTitle|fDemonym) != 0 {
				roles = append(roles, lw)
				continue
			}
		}
		if !f.r.orgKeys.mayHave(t) || !f.r.name(t).org {
			break // no known organisation either
		}
		roles = append(roles, f.low(k, stripPossessive(t)))
	}
	return roles
}

// addRole notes the title or demonym w in roleKeys, with the forms its
// token may take with a possessive (see stripPossessive), and in roleStart.
func (r *Recognizer) addRole(w string) {
	for _, p := range []*prefilter{&r.roleKeys, &r.beforeKeys} {
		p.add(w)
		p.add(w + "'s")
		p.add(w + "\u2019s")
		if strings.HasSuffix(w, "s") {
			p.add(w + "\u2019")
		}
	}
	r.markRoleStart(w)
}

// markRoleStart marks the first byte of the non-empty word w in
// roleStart, in both cases, and every byte from 0x80 up.
func (r *Recognizer) markRoleStart(w string) {
	c := w[0]
	r.roleStart[c] = true
	if 'a' <= c && c <= 'z' {
		r.roleStart[c-'a'+'A'] = true
	}
	if 'A' <= c && c <= 'Z' {
		r.roleStart[c-'A'+'a'] = true
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		r.roleStart[c] = true
	}
}

// appositive appends to roles the words of a description set off after a
// name ending at toks[j]: "Andriy Yusov, spokesman for …," or "the Quincy
// Institute, a think tank,". Most names are followed by no comma: the test
// is inlined in the callers.
func (f *finder) appositive(roles []string, j int) []string {
	if j+1 >= len(f.toks) || f.toks[j].Text != "," {
		return roles
	}
	return f.description(roles, j)
}

// description is appositive after the comma toks[j].
func (f *finder) description(roles []string, j int) []string {
	r, toks, lower := f.r, f.toks, f.lower
	first := f.low(j+1, toks[j+1].Text)
	if first == "who" || first == "which" || first == "whose" {
		return roles
	}
	if !f.described(j) {
		return roles
	}
	for k := j + 1; k < len(toks) && k < j+10; k++ {
		t := toks[k].Text
		if isApposEnd(t) {
			break
		}
		// f.low(k, t), read in place when the lower case is known.
		var lw string
		if s := toks[k].Start; lower != "" {
			lw = lower[s : s+len(t)]
		} else {
			lw = strings.ToLower(t)
		}
		if isArticle(lw) {
			continue
		}
		if nameLike(t) && (!r.lexKeys.mayHave(lw) || r.lookFlags(lw)&fTitle == 0) {
			continue
		}
		roles = append(roles, lw)
	}
	return roles
}

// described reports whether the words of the description after the name
// ending at toks[j], as appositive takes them, hold a title or a role
// noun. Most words are ruled out by a filter without being looked up.
func (f *finder) described(j int) bool {
	r, toks, lower := f.r, f.toks, f.lower
	for k := j + 1; k < len(toks) && k < j+10; k++ {
		t := toks[k].Text
		if isApposEnd(t) {
			break
		}
		// The filter and the short words' table read the lower case in
		// place when it is known.
		var lw string
		var fl wordFlags
		if s, n := toks[k].Start, len(t); lower != "" {
			if !r.describerKeys.mayHaveSpan(lower, s, s+n) {
				continue // no title, organisation word or role noun
			}
			if lw = lower[s : s+n]; isArticle(lw) {
				continue
			}
			if n <= maxShort && s+8 <= len(lower) {
				fl = r.short.getPacked(swar.Load8(lower, s)&firstBytes[n], n)
			} else {
				fl = r.flags(lw)
			}
		} else {
			if lw = strings.ToLower(t); !r.describerKeys.mayHave(lw) || isArticle(lw) {
				continue
			}
			fl = r.flags(lw)
		}
		if nameLike(t) && fl&fTitle == 0 {
			continue
		}
		if describes(lw, fl) {
			return true
		}
	}
	return false
}

// isApposEnd reports whether the token t ends an appositive.
func isApposEnd(t string) bool {
	return len(t) == 1 && (t[0] == ',' || t[0] == '.' || t[0] == ';' || t[0] == ')')
}

// isArticle reports whether the lower-case word w is an article, which
// appositive leaves out.
func isArticle(w string) bool { return w == "a" || w == "an" || w == "the" }

// keepRoles returns a copy of the words, or nil when there are none. The
// copies of a document are cut, at their size, from blocks of at least
// roleBlock words, each twice as large as the last, so that a document's
// roles take a few allocations, not one a mention.
func (f *finder) keepRoles(words []string) []string {
	if len(words) == 0 {
		return nil
	}
	if cap(f.roles)-len(f.roles) < len(words) {
		f.roles = make([]string, 0, max(roleBlock, 2*cap(f.roles), len(words)))
	}
	n := len(f.roles)
	f.roles = append(f.roles, words...)
	return f.roles[n:len(f.roles):len(f.roles)]
}

// roleBlock is the number of words of a block of keepRoles.
const roleBlock = 32

// describes reports whether an appositive word w with flags fl is a title,
// an organisation word or a role noun.
func describes(w string, fl wordFlags) bool {
	return fl&(fTitle|fOrgWord) != 0 || slices.Contains(roleNouns[:], w)
}

// roleNouns are the words besides titles and organisation words that make
// an appositive a description ("a think tank", "the daily").
var roleNouns = [...]string{"tank", "daily", "newspaper"}

// surname is what canonicalise learns about the persons sharing a surname.
type surname struct {
	full   string // the fullest name, the first of the longest ones
	titled bool   // whether a mention named full has roles
	weak   bool   // whether the mentions are weak: full is one word and untitled
}

// canonicalise gives every mention its entity's canonical name: a person's
// fullest name sharing the surname, an organisation's name without "the".
// A person's mention is weak when that name is a single word that no
// mention with roles bears.
func canonicalise(sc *scratch, ms []Mention) {
	sc.groups.reset(len(ms)) // room for every surname of ms
	sur := sc.sur[:0]
	of := slices.Grow(sc.of[:0], len(ms))[:len(ms)]
	for i := range ms {
		m := &ms[i]
		if m.Type != Person {
			of[i] = -1
			continue
		}
		// sc.groups.group(m.Name, next), with the common case inlined.
		var g int32
		var added bool
		if lo, hi, ok := packedSurname(m.Name); ok {
			g, added = sc.groups.groupPacked(lo, hi, int32(len(sur)))
		} else {
			g, added = sc.groups.groupOther(m.Name, int32(len(sur)))
		}
		of[i] = g
		titled := len(m.Roles) > 0
		if added {
			sur = append(sur, surname{full: m.Name, titled: titled})
			continue
		}
		// The first mention of the fullest name makes it the group's: no
		// mention before it bears it.
		switch s := &sur[g]; {
		case len(m.Name) > len(s.full):
			s.full, s.titled = m.Name, titled
		case titled && !s.titled && m.Name == s.full:
			s.titled = true
		}
	}
	for g := range sur {
		s := &sur[g]
		s.weak = !s.titled && !hasSpace(s.full)
	}
	for i, g := range of {
		if g >= 0 { // a person: no second test of the type
			s := &sur[g]
			ms[i].Name = s.full
			ms[i].Weak = s.weak
		}
	}
	clear(sur) // let the names go
	sc.sur, sc.of = sur[:0], of[:0]
}

// hasSpace reports whether s holds a space, strings.Contains(s, " "): a
// name of four to sixteen bytes, the common one, is tested at once, in one
// or two packed words that may overlap, without a call.
func hasSpace(s string) bool {
	const spaces = ' ' * swar.Ones
	switch n := len(s); {
	case n >= 4 && n <= 8:
		return zeroBytes((swar.Load4(s, 0)|swar.Load4(s, n-4)<<32)^spaces) != 0
	case n > 8 && n <= 16:
		return zeroBytes(swar.Load8(s, 0)^spaces)|zeroBytes(swar.Load8(s, n-8)^spaces) != 0
	}
	return strings.IndexByte(s, ' ') >= 0
}

// lastField returns the last of strings.Fields(s), which must have one.
func lastField(s string) string {
	// The common name: ASCII, with no white space but single spaces.
	i := plainTail(s)
	if i == 0 {
		return s
	}
	if s[i-1] == ' ' && i < len(s) {
		return s[i:]
	}
	return lastFieldRunes(s)
}

// plainTail returns the start of the longest suffix of s whose bytes are
// all printable ASCII, from '!' to 0x7F: eight bytes at a time, and a
// whole word of four to seven bytes at once.
func plainTail(s string) int {
	i := len(s)
	if i >= 4 && i < 8 && unplainBytes(swar.Load4(s, 0)|swar.Load4(s, i-4)<<32) == 0 {
		return 0
	}
	for ; i >= 8; i -= 8 {
		if m := unplainBytes(swar.Load8(s, i-8)); m != 0 {
			// The last marked byte is byte (56-LeadingZeros64(m))/8.
			return i - 8 + (56-bits.LeadingZeros64(m))/8 + 1
		}
	}
	for i > 0 && ' ' < s[i-1] && s[i-1] < utf8.RuneSelf {
		i--
	}
	return i
}

// unplainBytes returns the top bit of every byte of the eight packed in x
// that is not printable ASCII: below '!' or from 0x80 up. The low seven
// bits of a byte plus 0x80-'!' reach bit 7, without a carry out of the
// byte, when they are '!' or more.
func unplainBytes(x uint64) uint64 {
	geBang := (x&^swar.Highs + (0x80-'!')*swar.Ones) & swar.Highs
	return x&swar.Highs | ^geBang&swar.Highs
}

// lastFieldRunes is lastField for any text.
func lastFieldRunes(s string) string {
	s = trimRightSpace(s)
	i := lastSpace(s)
	if i < 0 {
		return s
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return s[i+n:]
}

// trimRightSpace is strings.TrimRightFunc(s, unicode.IsSpace), without
// decoding ASCII.
func trimRightSpace(s string) string {
	for len(s) > 0 {
		c := s[len(s)-1]
		if c < utf8.RuneSelf {
			if !asciiSpace(c) {
				return s
			}
			s = s[:len(s)-1]
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s)
		if !unicode.IsSpace(r) {
			return s
		}
		s = s[:len(s)-n]
	}
	return s
}

// lastSpace is strings.LastIndexFunc(s, unicode.IsSpace), without decoding
// ASCII.
func lastSpace(s string) int {
	for i := len(s); i > 0; {
		c := s[i-1]
		if c < utf8.RuneSelf {
			i--
			if asciiSpace(c) {
				return i
			}
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
		if unicode.IsSpace(r) {
			return i
		}
	}
	return -1
}

// asciiSpace reports whether the ASCII byte c is white space.
func asciiSpace(c byte) bool {
	return c == ' ' || '\t' <= c && c <= '\r'
}

// Entities merges mentions into the per-document entity list, ordered by
// first mention. Lone capitalised words that never recur are left out.
// The method Recognizer.Entities does the same with less garbage.
func Entities(ms []Mention) []article.Entity {
	var n numbering
	return n.entities(ms)
}

// Entities is the function Entities reusing its working memory from call
// to call: only the entity list it returns is new.
func (r *Recognizer) Entities(ms []Mention) []article.Entity {
	n, _ := r.numbers.Get().(*numbering)
	if n == nil {
		n = &numbering{}
	}
	out := n.entities(ms)
	r.numbers.Put(n)
	return out
}

// getScratch returns a scratch from the pool, or a new one.
func (r *Recognizer) getScratch() *scratch {
	if sc, _ := r.pool.Get().(*scratch); sc != nil {
		return sc
	}
	return &scratch{}
}

// putScratch releases sc and returns it to the pool.
func (r *Recognizer) putScratch(sc *scratch) {
	sc.release()
	r.pool.Put(sc)
}

// entities is Entities with n's working memory.
func (n *numbering) entities(ms []Mention) []article.Entity {
	n.number(ms)
	ent, ents := n.ent, n.ents
	if len(ents) == 0 {
		return nil
	}
	out := make([]article.Entity, len(ents))
	// Every slice is cut at its size from one array, at the entity's first
	// mention, as the entities are numbered in that order; an entity has no
	// more spellings than mentions.
	spans := make([][2]int, n.kept)
	spellings := make([]string, n.kept)
	for mi := range ms {
		i := ent[mi]
		if i < 0 {
			continue
		}
		m, e := &ms[mi], &out[i]
		if e.Mentions == nil {
			c := ents[i].count
			e.Name, e.Type = m.Name, m.Type
			e.Mentions, e.Spellings = spans[:1:c], spellings[:1:c]
			e.Mentions[0], e.Spellings[0] = [2]int{m.Start, m.End}, m.Text
			spans, spellings = spans[c:], spellings[c:]
			continue
		}
		e.Mentions = append(e.Mentions, [2]int{m.Start, m.End})
		if !contains(e.Spellings, m.Text) {
			e.Spellings = append(e.Spellings, m.Text)
		}
	}
	for i := range out {
		if len(out[i].Spellings) > 1 {
			slices.Sort(out[i].Spellings)
		}
	}
	return out
}

// entityCount is an entity numbering found: its first mention and the
// number of its mentions.
type entityCount struct {
	first, count int32
}

// numbering numbers the entities of a document's mentions; its buffers
// are reused from document to document. It holds no strings, so that a
// pooled numbering keeps no document alive.
type numbering struct {
	ent   []int32       // the entity of each mention, or -1 when it is weak
	ents  []entityCount // the entities in order of first mention
	kept  int           // the mentions that are not weak
	slots []int32       // open addressing over the entities: 1 + an entity, 0 when free
}

// number numbers the entities of the mentions, a name and a type each, in
// order of first mention: n.ent[i] is the entity of ms[i], or -1 when
// ms[i] is weak; n.ents are the entities and n.kept the mentions that are
// not weak. An entity is found by the hash of its name among the slots,
// and told apart from others there by the name and type of its first
// mention.
func (n *numbering) number(ms []Mention) {
	slots, mask := strindex.Slots(n.slots, len(ms))
	n.slots = slots
	ent := slices.Grow(n.ent[:0], len(ms))[:len(ms)]
	ents := n.ents[:0]
	kept := 0
	for mi := range ms {
		m := &ms[mi]
		if m.Weak {
			ent[mi] = -1
			continue
		}
		kept++
		// The hash of the name, from its first and last eight bytes, or
		// four, and its length: written out, as a call, with the spills
		// around it, cost 0.4 M instructions per 1,000 articles more.
		var x uint64
		switch name, l := m.Name, len(m.Name); {
		case l >= 8:
			x = swar.Load8(name, 0) ^ swar.Load8(name, l-8)*0xD6E8FEB86659FD93
		case l >= 4:
			x = swar.Load4(name, 0) | swar.Load4(name, l-4)<<32
		case l > 0:
			x = uint64(name[0]) | uint64(name[l/2])<<8 | uint64(name[l-1])<<16
		}
		var e int32
		for h := ((x ^ uint64(len(m.Name))<<59) * 0x9E3779B97F4A7C15) >> 32 & mask; ; h = (h + 1) & mask {
			if slots[h] == 0 {
				e = int32(len(ents))
				slots[h] = e + 1
				ents = append(ents, entityCount{first: int32(mi)})
				break
			}
			e = slots[h] - 1
			if f := &ms[ents[e].first]; f.Name == m.Name && f.Type == m.Type {
				break
			}
		}
		ents[e].count++
		ent[mi] = e
	}
	n.ent, n.ents, n.kept = ent, ents, kept
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
