// Package attribute decides who said each quotation of an article, with which
// cue and through which channel, finds reported claims without quotation
// marks, and lists the article's anonymous sources and cited outlets. It reads
// the structure of the attributing sentence in both orders ("X said", "said
// X", "according to X", "X: …"), resolves pronouns and role nouns ("he", "the
// French president", "the newspaper") to the entity they were introduced
// with, and drops scare quotes that are nobody's speech.
package attribute

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/internal/strindex"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/entity"
	"github.com/hearsaylab/hearsay/internal/swar"
	"github.com/hearsaylab/hearsay/internal/wordscan"
	"github.com/hearsaylab/hearsay/quote"
	"github.com/hearsaylab/hearsay/segment"
)

// Attributor attributes quotations. It is safe for concurrent use.
type Attributor struct {
	lx       *lexicon
	vocab    *vocabulary
	gender   genderTable // the short given names of lx.gender (see doc.gender)
	entities *entity.Recognizer
	outlets  Outlets
	docs     sync.Pool // *doc, the working state of one call, reused
}

// Outlets maps an outlet's name or alias to its canonical name.
type Outlets interface {
	Canonical(name string) (string, bool)
}

// New builds an Attributor from the embedded lexicons.
func New(rec *entity.Recognizer, outlets Outlets) (*Attributor, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	vocab, err := buildVocabulary(lx, rec)
	if err != nil {
		return nil, err
	}
	return &Attributor{lx: lx, vocab: vocab, gender: newGenderTable(lx.gender), entities: rec, outlets: outlets}, nil
}

// OutletMention is an outlet named in the body.
type OutletMention struct {
	Start, End int
	Canonical  string
	Platform   bool // a social platform rather than a news outlet
}

// Input is one document as the earlier stages left it.
type Input struct {
	Body      string
	Paras     []segment.Paragraph
	Sentences []article.Span // sentences, with marked quotations kept whole
	Tokens    []segment.Token
	Quotes    []quote.Span
	Mentions  []entity.Mention
	Outlets   []OutletMention
	DocOutlet string // the document's own outlet, if known
	// Lower is Body in lower case when lower-casing keeps every offset (see
	// wordscan.Lower), or "" to have it computed here. The Result keeps
	// nothing of it, so it may be a view of a buffer the caller reuses.
	Lower string
	// Words, if not nil, holds the word scanner's tokens of Body, as
	// wordscan.Tokens or segment.AppendTokensWords give them: their
	// hashes rule out most words as trigger words without reading them
	// again.
	Words []wordscan.Token
	// Triggers, when TriggersNoted, holds the indexes in Words, in order,
	// of the words that may be trigger words, which a walk over Words
	// notes for the set Attributor.TriggerWords (see
	// wordscan.Pair.WalkWords). Without them, the words are looked for in
	// Words here.
	Triggers      []int
	TriggersNoted bool
}

// TriggerWords returns the words that may make a sentence without
// quotations worth reading, for a walk over the word scanner's tokens to
// note them in Input.Triggers (see wordscan.NewPairWords); nil when some
// is not a word of ASCII letters and digits, which the walk would miss.
func (a *Attributor) TriggerWords() *wordscan.WordSet {
	if !a.vocab.triggersASCII {
		return nil
	}
	return &a.vocab.triggerWords
}

// Result is what the attribution stage adds to a document.
type Result struct {
	Quotes    []article.Quote
	Claims    []article.Claim
	Anonymous []string
	Cited     []string
}

// Document attributes every quotation of in.
func (a *Attributor) Document(in Input) Result {
	d := a.newDoc(in)
	defer a.release(d)
	return d.result()
}

// result runs the document's sweeps and attributes its quotations.
func (d *doc) result() Result {
	in := d.in
	d.findAnonymous()
	d.docChannel = d.documentChannel()
	var res Result
	kept := d.kept[:0] // the index in in.Quotes of each quotation kept
	si := 0            // where the search for a quotation's sentence starts
	for qi := range in.Quotes {
		var ok bool
		if si, ok = d.attributeQuote(qi, si); ok {
			kept = append(kept, qi)
		}
	}
	d.kept = kept
	res.Claims = d.claims()
	d.useCited()
	// The quotations are made once their number is known. The strings
	// they point to, the anonymous sources and the cited outlets share one
	// block, made once their number is known (for the cited outlets, room
	// for every outlet mention).
	res.Quotes = make([]article.Quote, len(kept))
	n := d.quoteStrings(kept)
	na := n + len(d.usedOrder)
	var block []string
	if total := na + len(in.Outlets); total > 0 {
		block = make([]string, total)
	}
	d.fillAll(res.Quotes, kept, block[:n:n])
	res.Anonymous = d.anonymousList(block[n:na:na])
	res.Cited = d.cited(block[na:])
	d.backfillRunOn(res.Quotes, kept)
	d.attributeBlocks(res.Quotes)
	return res
}

// doc is the working state for one document. Its buffers are reused from
// call to call; nothing in a Result points into them.
type doc struct {
	a     *Attributor
	in    Input
	body  string
	lower string // body in lower case, or "" when offsets would change
	// per token: its own lower case, when lower is "" (see ntok.q)
	lowTok  []string
	lx      *lexicon
	vocab   *vocabulary
	quoteOf []int32 // per token: 1 + the index of the quotation it is in, or 0
	// per quotation: the tokens inside it when they are all those of a
	// run (quoteOf is 1 + its index for each), else the empty run
	quoteRun   []tokenRun
	anon       []referent // anonymous descriptions in narration, in text order
	anonLong   int        // the length of the longest of anon
	used       map[string]bool
	usedOrder  []string
	attrs      []attribution // per quotation (in.Quotes order)
	channeled  bool          // whether an attribution with a channel is among attrs
	docChannel string
	refChannel map[string]string // speaker → channel it was introduced with
	narr       []ntok            // the narrations of all sentences, one after another
	narrSpan   []span            // per sentence: its narration in narr, or {-1, -1} before it is built
	sentTok    []int             // per sentence: the index of its first token
	narrFlags  []wflag           // per sentence: the triggerFlags of its narration's tokens, or-ed
	// per sentence: the index in its narration of its last quotation's
	// placeholder, or -1 (or anything before it is built)
	narrLastQ []int
	// the indexes in narr of the tokens with one of the triggerFlags, in
	// order, and per sentence the part of them in its narration
	trig     []int32
	trigSpan []span
	// while narratePlain notes trigger words in d.trig: the index in the
	// narration of its first token, and the flags of those noted, or-ed
	trigBase  int32
	trigFlags wflag
	// the people named with roles, once known (peopleKnown), their
	// numbers by name and the role groups of their roles (see collectPeople)
	people      []personRoles
	peopleKnown bool
	peopleIndex strindex.Index
	groupBuf    []string
	roleBuf     []string // the roles of the people named with roles more than once
	// per role noun and modifiers: how far the mentions have been scanned
	// for its antecedent, and the last match so far (see antecedent)
	scans map[string]antecedentScan
	// the mentions that a role noun can refer back to, among the first
	// anteKnown (see nameCandidates)
	ante      []anteCandidate
	anteKnown int
	// per mention: what the antecedent and pronoun searches ask of it,
	// filled in on demand
	mfacts       []mentionFacts
	inQuoteKnown bool // mfacts holds inQuote of every mention
	// the marks (Open, Close) of the quotations holding a token, in the
	// order of d.in.Quotes, and whether they are in text order without
	// overlapping
	quoted       [][2]int
	quotedSorted bool
	// the tokens inside quotations as runs in order, disjoint
	quotedRuns []tokenRun
	// tokens per byte of the body, in 16.16 fixed point, by which
	// seekToken guesses where an offset's token is
	tokDensity uint64
	// whether needsNarrationByWords stands in for needsNarration; the
	// indexes of the word scanner's tokens that may be trigger words
	// (Input.Triggers, or found in newDoc); where it goes on in them and
	// in d.quotedRuns; and the index of a word scanner's token less that
	// of the token holding it, as found last (see tokenOfWord)
	byWords    bool
	trigWords  []int
	trigBuf    []int
	nextTrig   int
	nextRun    int
	narrRun    int // where buildNarration goes on in d.quotedRuns
	wordShift  int
	maxMention int      // the length of the longest mention, at least 1
	mbounds    [][2]int // per mention: its Start and End
	cueReads   cueReads // the attributions leftCue read from cues
	outletBuf  []int    // the outlets over a sentence (see outletsOver)
	// scratch buffers
	kept      []int           // per quotation kept in a Result: its index in Input.Quotes
	claimBuf  []article.Claim // the claims found, before they are copied out
	headWords []string        // the words of the last phrase head read
	keyBuf    []byte          // the key of d.scans being looked up
}

type referent struct {
	start, end int // the description in body
	text       string
	head       string
	channel    string
	group      bool
}

type attribution struct {
	ok        bool
	speaker   string
	mention   string
	anonymous bool
	cue       string
	channel   string
}

func (a *Attributor) newDoc(in Input) *doc {
	d, _ := a.docs.Get().(*doc)
	if d == nil {
		d = &doc{used: map[string]bool{}, refChannel: map[string]string{}, scans: map[string]antecedentScan{}}
	}
	d.a, d.in, d.body, d.lx, d.vocab = a, in, in.Body, a.lx, a.vocab
	d.lower = in.Lower
	if d.lower == "" || len(d.lower) != len(d.body) {
		d.lower, _ = wordscan.Lower(d.body)
	}
	d.tokDensity = uint64(len(in.Tokens)) << 16 / uint64(max(len(d.body), 1))
	d.markQuotations()
	d.byWords, d.nextTrig, d.nextRun, d.narrRun, d.wordShift = d.byWordsOK(), 0, 0, 0, 0
	if d.byWords {
		d.trigWords = in.Triggers
		if !in.TriggersNoted {
			d.trigBuf = d.findTriggerWords(d.trigBuf[:0])
			d.trigWords = d.trigBuf
		}
	}
	d.boundMentions()
	d.lowerTokens()
	d.attrs = slices.Grow(d.attrs[:0], len(in.Quotes))[:len(in.Quotes)]
	clear(d.attrs)
	d.channeled = false
	d.buildNarrations()
	return d
}

// markQuotations fills d.quoteOf and d.quoteRun: which tokens are inside
// which marked quotation. Quotations come in text order, most often, so
// that no token after the last one marked is in an earlier quotation: then
// the tokens inside the marks are one run, found by their ends alone and
// marked in one loop.
func (d *doc) markQuotations() {
	toks := d.in.Tokens
	d.quoteOf = slices.Grow(d.quoteOf[:0], len(toks))[:len(toks)]
	clear(d.quoteOf)
	d.quoteRun = slices.Grow(d.quoteRun[:0], len(d.in.Quotes))[:len(d.in.Quotes)]
	clear(d.quoteRun)
	d.quoted, d.quotedSorted = d.quoted[:0], true
	d.quotedRuns = d.quotedRuns[:0]
	next := 0   // the first token after the last quotation
	unseen := 0 // no token from this one on is in a quotation marked so far
	for k, q := range d.in.Quotes {
		if q.Block {
			continue
		}
		i := d.seekToken(next, q.Open)
		first := i // the first token inside the marks, but for one across the opening mark
		if first < len(toks) && toks[first].Start < q.Open {
			first++
		}
		lo, hi, n := -1, 0, 0
		if first >= unseen && (first == i || toks[i].End <= q.Close) {
			// Every token from first on starts inside the marks and is
			// in no quotation yet: those that end inside them are this
			// quotation's, marked as they are found.
			qo, v := d.quoteOf[:len(toks)], int32(k)+1
			for i = first; i < len(toks) && toks[i].End <= q.Close; i++ {
				qo[i] = v
			}
			if first < i {
				lo, hi, n = first, i, i-first
			}
		} else {
			for ; i < len(toks) && toks[i].End <= q.Close; i++ {
				if toks[i].Start >= q.Open && d.quoteOf[i] == 0 {
					d.quoteOf[i] = int32(k) + 1
					if lo < 0 {
						lo = i
					}
					hi, n = i+1, n+1
				}
			}
		}
		unseen = max(unseen, i)
		if lo >= 0 && n == hi-lo {
			d.quoteRun[k] = tokenRun{lo, hi}
		}
		if lo >= 0 {
			if len(d.quoted) > 0 && d.quoted[len(d.quoted)-1][1] > q.Open {
				d.quotedSorted = false
			}
			d.quoted = append(d.quoted, [2]int{q.Open, q.Close})
		}
		if first < i {
			// Every token from first to i is in this quotation or an
			// earlier one.
			d.quotedRuns = append(d.quotedRuns, tokenRun{first, i})
		}
		next = i
	}
	d.quotedRuns = mergeRuns(d.quotedRuns)
}

// mergeRuns orders the runs rs by their start and merges those that
// overlap or touch, in place, so that the runs are disjoint and in order.
func mergeRuns(rs []tokenRun) []tokenRun {
	if !slices.IsSortedFunc(rs, func(a, b tokenRun) int { return a.lo - b.lo }) {
		slices.SortFunc(rs, func(a, b tokenRun) int { return a.lo - b.lo })
	}
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 && r.lo <= out[n-1].hi {
			out[n-1].hi = max(out[n-1].hi, r.hi)
			continue
		}
		out = append(out, r)
	}
	return out
}

// lowerTokens sets d.lowTok when the body has no lower case with the same
// offsets.
func (d *doc) lowerTokens() {
	clear(d.lowTok)
	d.lowTok = d.lowTok[:0]
	if d.lower != "" {
		return
	}
	for _, t := range d.in.Tokens {
		d.lowTok = append(d.lowTok, lower(t.Text))
	}
}

// tokenRun is a range of tokens, all inside the same marked quotation.
type tokenRun struct{ lo, hi int }

// release clears d of the document and returns it to the pool.
func (a *Attributor) release(d *doc) {
	d.in, d.body, d.lower, d.trigWords = Input{}, "", "", nil
	clear(d.lowTok)
	clear(d.anon)
	d.anon, d.anonLong = d.anon[:0], 0
	clear(d.used)
	clear(d.usedOrder)
	d.usedOrder = d.usedOrder[:0]
	clear(d.attrs)
	d.docChannel = ""
	clear(d.refChannel)
	d.narr = d.narr[:0]
	clear(d.people)
	d.people, d.peopleKnown = d.people[:0], false
	clear(d.groupBuf)
	d.groupBuf = d.groupBuf[:0]
	clear(d.roleBuf)
	d.roleBuf = d.roleBuf[:0]
	clear(d.scans)
	clear(d.ante)
	d.ante, d.anteKnown = d.ante[:0], 0
	clear(d.cueReads)
	d.cueReads = d.cueReads[:0]
	d.maxMention = 0
	clear(d.mfacts)
	d.mfacts = d.mfacts[:0]
	d.inQuoteKnown = false
	clear(d.headWords)
	d.headWords = d.headWords[:0]
	clear(d.claimBuf)
	d.claimBuf = d.claimBuf[:0]
	a.docs.Put(d)
}

// ntok is a narration token: a body token, or a placeholder for a whole
// marked quotation (q ≥ 0). It holds no pointers: its text in lower case is
// doc.lower[start:end], or for a body without a lower case of the same
// offsets the token's own lower case, which q tells (see doc.lw). It is
// 32 bytes, written for every token of a narration: with an offset range
// of its own into the lower case it was 40, and narratePlain 1.7 M
// instructions and 35 K data cache write misses dearer per 1,000 articles
// (lw's test of q costs its callers 0.6 M of that).
type ntok struct {
	start, end int
	// q is the index of the quotation of a placeholder; for a body token,
	// -1, or when d.lower is "", -2 less the index of the token, whose
	// lower case is d.lowTok[-2-q].
	q int32
	// flags holds what the lexicons say about lower and the class flags
	// of the token's text (cWord…); 0 for a quotation.
	flags wflag
	wid   uint32 // the id of lower in the vocabulary (0: none)
	p     byte   // the token's one byte, for a one-byte token
}

// lw returns the token t in lower case; "" for a quotation.
func (d *doc) lw(t *ntok) string {
	if q := t.q; q != -1 {
		if q >= 0 {
			return ""
		}
		return d.lowTok[-2-q]
	}
	return d.lower[t.start:t.end]
}

// cueText returns the token's lower case as a string of its own for the
// results: the vocabulary's copy of the word, or a copy of it. The text lw
// gives may lie in the caller's buffer (Input.Lower), which the results
// must not keep.
func (d *doc) cueText(t *ntok) string {
	if t.wid != 0 {
		return d.vocab.infos[t.wid].word
	}
	return strings.Clone(d.lw(t))
}

// isWord reports whether the token is the word with the fixed id id (see
// fixedWords): whether its lower case is that word.
func (t *ntok) isWord(id uint32) bool { return t.wid == id }

// is reports whether the token is a word with one of the flags f.
func (t *ntok) is(f wflag) bool { return t.flags&f != 0 }

// info returns what the lexicons say about the token's word.
func (d *doc) info(t *ntok) *wordInfo { return &d.vocab.infos[t.wid] }

// narration returns the tokens of sentence si with each marked quotation
// folded into one placeholder; none for si < 0. The narrations of
// sentences without quotations or trigger words are built on demand.
func (d *doc) narration(si int) []ntok {
	if si < 0 {
		return nil
	}
	s := d.narrSpan[si]
	if s.lo < 0 {
		s.lo = len(d.narr)
		d.narr, _, _, d.narrLastQ[si] = d.buildNarration(d.narr, d.sentTok[si], d.in.Sentences[si].End)
		s.hi = len(d.narr)
		d.narrSpan[si] = s
	}
	return d.narr[s.lo:s.hi:s.hi]
}

// buildNarrations finds the first token of every sentence, seeking it
// from the first token after the sentence before when that sentence's
// narration was built and from that sentence's first token when not, and
// builds the narrations of those that hold a quotation or a trigger word
// (triggerFlags) that can give the document's sweeps something (see
// needsNarration): the ones they look into. The others wait for narration.
func (d *doc) buildNarrations() {
	n := len(d.in.Sentences)
	d.narrSpan = slices.Grow(d.narrSpan[:0], n)[:n]
	d.sentTok = slices.Grow(d.sentTok[:0], n)[:n]
	d.narrFlags = slices.Grow(d.narrFlags[:0], n)[:n]
	d.trigSpan = slices.Grow(d.trigSpan[:0], n)[:n]
	d.narrLastQ = slices.Grow(d.narrLastQ[:0], n)[:n]
	d.trig = d.trig[:0]
	i, qi := 0, 0
	for si, sp := range d.in.Sentences {
		i = d.seekToken(i, sp.Start)
		d.sentTok[si] = i
		next := i // where the next sentence's first token is sought from
		var need bool
		if d.byWords {
			// needsNarrationByWords asks d.quotedRuns first, which tells
			// what holdsQuotation would.
			need = d.needsNarrationByWords(i, sp.End)
		} else if qi, need = d.holdsQuotation(qi, sp); !need {
			next, need = d.needsNarration(i, sp.End)
		}
		if !need {
			d.narrSpan[si], d.narrFlags[si], d.trigSpan[si] = span{-1, -1}, 0, span{}
			i = next
			continue
		}
		lo, tlo := len(d.narr), len(d.trig)
		var f wflag
		d.narr, i, f, d.narrLastQ[si] = d.buildNarration(d.narr, i, sp.End)
		d.narrSpan[si], d.narrFlags[si] = span{lo, len(d.narr)}, f&triggerFlags
		d.trigSpan[si] = span{tlo, len(d.trig)}
	}
}

// holdsQuotation reports whether a quotation that holds a token lies
// wholly inside the sentence sp, so that one of the sentence's tokens is in
// it. Sentences come in text order: qi is where the search in d.quoted
// starts, and the index for the next sentence is returned with the answer.
// Without quotations in text order it reports false, and needsNarration
// looks at the tokens. (A narration built where none was needed changes
// nothing but the time taken: the sweeps find nothing in it.)
func (d *doc) holdsQuotation(qi int, sp article.Span) (int, bool) {
	if !d.quotedSorted {
		return qi, false
	}
	qs := d.quoted
	if qi > 0 && qi <= len(qs) && qs[qi-1][1] > sp.Start {
		qi = 0 // out of order: search from the start
	}
	for qi < len(qs) && qs[qi][1] <= sp.Start {
		qi++
	}
	return qi, qi < len(qs) && qs[qi][0] >= sp.Start && qs[qi][1] <= sp.End && qs[qi][0] < qs[qi][1]
}

// triggers returns the indexes in the narration of sentence si of its
// tokens with one of the triggerFlags, in order: none for a narration
// built on demand, whose trigger words can give the sweeps nothing.
func (d *doc) triggers(si int) []int32 {
	s := d.trigSpan[si]
	return d.trig[s.lo:s.hi]
}

// sentenceHas reports whether a token of the narration of sentence si has
// one of the flags f, which must be among triggerFlags; always false for a
// narration built on demand.
func (d *doc) sentenceHas(si int, f wflag) bool {
	return d.narrFlags[si]&f != 0
}

// firstTokenFrom returns the index of the first token of toks ending after
// pos, as searchTokens(toks, 0, pos) does; it walks on from i when no
// token before i ends after pos, and gallops ahead in growing steps when
// the walk is long, so that a near answer costs few probes and a far one
// no more than a search.
func firstTokenFrom(toks []segment.Token, i, pos int) int {
	if i > len(toks) || i > 0 && toks[i-1].End > pos {
		return searchTokens(toks, 0, pos)
	}
	for n := 0; i < len(toks) && toks[i].End <= pos; n++ {
		if n == 8 {
			return i + gallop(toks[i:], pos)
		}
		i++
	}
	return i
}

// gallop returns searchTokens(toks, 0, pos) for toks whose first token
// ends at or before pos, probing at growing steps from the start to bound
// the search.
func gallop(toks []segment.Token, pos int) int {
	lo, step := 1, 16 // every token before lo ends at or before pos
	for lo+step < len(toks) && toks[lo+step-1].End <= pos {
		lo += step
		step *= 2
	}
	hi := min(lo+step, len(toks))
	return searchTokens(toks[:hi], lo, pos)
}

// seekToken returns the index of the first token of d.in.Tokens ending
// after pos, as searchTokens does, for an offset pos that may be far from
// index i, where a walk or a gallop from i would take many probes: it
// guesses the index from the body's tokens per byte (d.tokDensity), which
// is seldom more than a few tokens off, and walks on from the guess,
// forwards or back, galloping or searching when the walk is long. It
// guesses from the start when a token before i ends after pos.
func (d *doc) seekToken(i, pos int) int {
	toks := d.in.Tokens
	if i > len(toks) || i > 0 && toks[i-1].End > pos {
		i = 0 // out of order: guess from the start
	}
	if i == len(toks) || toks[i].End > pos {
		return i
	}
	// Every token up to i ends at or before pos, so the answer is after i.
	g := i + int(min(uint64(pos-toks[i].Start)*d.tokDensity>>16, uint64(len(toks)-1-i)))
	if toks[g].End <= pos {
		return firstTokenFrom(toks, g+1, pos)
	}
	// The answer is in (i, g]: walk back.
	for n := 0; toks[g-1].End > pos; n++ {
		if n == 8 {
			return searchTokens(toks[:g], i+1, pos)
		}
		g--
	}
	return g
}

// seekStart returns the index of the first token from index i that starts
// at or after end, or len(d.in.Tokens): it guesses the index from the
// body's tokens per byte, as seekToken does, and walks on from the guess,
// searching when the walk is long.
func (d *doc) seekStart(i, end int) int {
	toks := d.in.Tokens
	if i >= len(toks) || toks[i].Start >= end {
		return i
	}
	// Every token up to i starts before end.
	g := i + int(min(uint64(end-toks[i].Start)*d.tokDensity>>16, uint64(len(toks)-1-i)))
	if toks[g].Start < end {
		for n := 0; ; n++ {
			if g++; g == len(toks) || toks[g].Start >= end {
				return g
			}
			if n == 8 {
				return searchStarts(toks, g, end)
			}
		}
	}
	// The answer is in (i, g]: walk back.
	for n := 0; toks[g-1].Start >= end; n++ {
		if n == 8 {
			return searchStarts(toks[:g], i+1, end)
		}
		g--
	}
	return g
}

// searchStarts returns the index of the first token of toks from index i
// that starts at or after pos, by a binary search; every token before i
// must start before pos.
func searchStarts(toks []segment.Token, i, pos int) int {
	hi := len(toks)
	for i < hi {
		m := int(uint(i+hi) >> 1)
		if toks[m].Start < pos {
			i = m + 1
		} else {
			hi = m
		}
	}
	return i
}

// buildNarration appends the narration of the tokens from index i that
// start before end to out, and returns it with the index of the first token
// after them, the triggerFlags of the tokens appended, or-ed, and the
// index of the last quotation's placeholder among them, or -1. It appends
// the indexes of the tokens with triggerFlags, counted from the first
// appended, to d.trig.
//
// It is the hottest loop of the stage. narratePlain takes the runs of
// tokens between quotations, but for the few it leaves to narrateToken,
// in a loop that makes no call, so that its values stay in registers.
func (d *doc) buildNarration(out []ntok, i, end int) ([]ntok, int, wflag, int) {
	if d.lower == "" {
		return d.buildNarrationLowTok(out, i, end)
	}
	toks := d.in.Tokens
	// Each token adds at most one entry: write them by index.
	out = slices.Grow(out, len(toks)-i)
	base := len(out)
	buf := out[base:cap(out)]
	n, lastQ := 0, -1
	var all wflag
	runs := d.quotedRuns
	r := d.narrRun // the first run that ends after i, as found last
	if r > len(runs) || r > 0 && runs[r-1].hi > i {
		r = searchRuns(runs, i) // out of order
	}
	// The tokens that start before end are those before e: found once,
	// so that narratePlain does not test each.
	e := d.seekStart(i, end)
	d.trigFlags = 0
	for i < e {
		// The tokens up to the next quotation's are outside quotations.
		for r < len(runs) && runs[r].hi <= i {
			r++
		}
		next := e
		if r < len(runs) {
			next = min(max(runs[r].lo, i), e)
		}
		if i == next {
			i, n = d.foldQuotation(buf, n, i, end)
			i, lastQ = i+1, n-1
			continue
		}
		for i < next {
			// Room in d.trig for a trigger word at every token; their
			// indexes are made indexes in the narration here.
			d.trig = slices.Grow(d.trig, next-i)
			d.trigBase = int32(n)
			k := d.narratePlain(buf[n:], toks[i:next])
			i, n = i+k, n+k
			if i >= next {
				break
			}
			// A token narratePlain leaves: a word of more than 16 bytes
			// that may be in the vocabulary, or one of a rare class.
			t := &toks[i]
			f, id, p := d.narrateToken(t)
			all |= f
			if f&triggerFlags != 0 {
				d.trig = append(d.trig, int32(n))
			}
			buf[n] = ntok{start: t.Start, end: t.End, q: -1, flags: f, wid: id, p: p}
			n++
			i++
		}
	}
	d.narrRun = r
	all |= d.trigFlags
	return out[:base+n], i, all & triggerFlags, lastQ
}

// searchRuns returns the index of the first of the runs rs that ends after
// token i, by a binary search.
func searchRuns(rs []tokenRun, i int) int {
	r, hi := 0, len(rs)
	for r < hi {
		m := int(uint(r+hi) >> 1)
		if rs[m].hi <= i {
			r = m + 1
		} else {
			hi = m
		}
	}
	return r
}

// narratePlain writes to buf the narration tokens of the tokens of ts, none
// of which may be inside a quotation, and returns their number. It stops
// before a token it leaves to narrateToken: a word of more than 16 bytes
// that the vocabulary's filter does not rule out, and a token that is not
// one byte and does not start with an ASCII byte, may be a possessive or is
// "US". It appends to d.trig, which must have room for one entry a token,
// the index in the narration of each token with triggerFlags, d.trigBase
// more than its index in ts, and ors their flags into d.trigFlags (see
// noteTrigger). It needs d.lower.
//
// The trigger words, about one token in thirteen, are noted as the loop
// goes rather than each ending a call, and the loop makes no call (not
// even to longKey), so that the values of the most frequent path stay in
// registers: together 0.8 M instructions fewer per 1,000 articles. Its
// arguments are few, the rest read from d, for the same reason: 0.9 M
// fewer than with the lower case and the vocabulary passed in.
func (d *doc) narratePlain(buf []ntok, ts []segment.Token) int {
	low, v := d.lower, d.vocab
	buf = buf[:len(ts)] // one entry a token at most
	for k := range ts {
		t := &ts[k]
		st, en := t.Start, t.End
		txt := t.Text
		// The entry's bounds first, to free their registers; a token
		// left to narrateToken has its entry written again.
		o := &buf[k]
		o.start, o.end, o.q = st, en, -1
		if m := len(txt); m <= 1 {
			if m == 0 || en-st != 1 {
				return k
			}
			// A one-byte token, most often a punctuation mark: all that
			// is to know about it is in the vocabulary's byte tables.
			p := txt[0]
			e := &v.oneByte[low[st]]
			f := e.flags | oneByteClass[p]
			o.flags, o.wid, o.p = f, e.id, p
			if f&triggerFlags != 0 {
				d.noteTrigger(k, f)
			}
			continue
		} else if txt[m-1] == 's' && (txt[m-2] == '\'' || txt[m-2] == 0x99) {
			// A possessive, whose class asciiClass leaves.
			return k
		}
		// A word whose first byte tells its class (see asciiClass); the
		// rarer words whose first byte may not, those that start with a
		// byte outside ASCII or with 'U' ("US"), narrateLead marks with
		// cRecheck, to be told apart below with the trigger words.
		var f wflag
		var id uint32
		switch w := en - st; {
		case w > 0 && w <= 7 && st+8 <= len(low):
			// v.lookupShort, with the word read with one load.
			key := swar.Load8(low, st)&shortMasks[w] | uint64(w)<<56
			for h := shortSlotHash(key); ; h++ {
				s := &v.shortSlots[h%shortTableSize]
				if s.key == key {
					f, id = s.flags, s.id
					break
				}
				if s.key == 0 {
					break
				}
			}
		case w > 7:
			// Most long words are ruled out by the filter; the others of
			// up to 16 bytes are all in their key (v.lookupLong).
			if h := longHash(low[st:en]); v.longBits[h>>6&(1<<longFilterBits/64-1)]&(1<<(h&63)) != 0 {
				if w > 16 {
					return k
				}
				a, b, wn := swar.Load8(low, st), swar.Load8(low, en-8), uint32(w) // longKey, without a call
				ls := v.longSlots
				for h := longSlotHash(a, b, wn) >> v.longShift; ; h = (h + 1) & uint64(len(ls)-1) {
					s := &ls[h]
					if s.n == 0 {
						break
					}
					if s.a == a && s.b == b && s.n == wn {
						f, id = s.flags, s.id
						break
					}
				}
			}
		default:
			return k
		}
		f |= narrateLead[txt[0]]
		o.flags, o.wid, o.p = f, id, 0
		if f&(triggerFlags|cRecheck) != 0 {
			if f&cRecheck != 0 {
				if txt[0] >= utf8.RuneSelf || txt == "US" {
					return k
				}
				f &^= cRecheck
				o.flags = f
			}
			if f&triggerFlags != 0 {
				d.noteTrigger(k, f)
			}
		}
	}
	return len(ts)
}

// noteTrigger appends to d.trig, which must have room for it, the index in
// the narration of the token k of narratePlain, which has the trigger
// flags of f, and notes them in d.trigFlags: without the call to grow it
// that append would make, and without a loop of buildNarration over the
// entries after each call of narratePlain (0.4 M instructions more per
// 1,000 articles).
func (d *doc) noteTrigger(k int, f wflag) {
	t := d.trig
	t = t[:len(t)+1]
	t[len(t)-1] = int32(k) + d.trigBase
	d.trig = t
	d.trigFlags |= f
}

// shortMasks holds, by length, the mask of the bytes of a word of up to 7
// bytes read with one load.
var shortMasks = [8]uint64{0, 1<<8 - 1, 1<<16 - 1, 1<<24 - 1, 1<<32 - 1, 1<<40 - 1, 1<<48 - 1, 1<<56 - 1}

// narrateToken returns the flags, vocabulary id and byte (for a token of
// one byte) of the narration token of t, which is outside quotations, when
// d.lower is not "".
func (d *doc) narrateToken(t *segment.Token) (wflag, uint32, byte) {
	if len(t.Text) == 1 && t.End-t.Start == 1 {
		c := t.Text[0]
		e := &d.vocab.oneByte[d.lower[t.Start]]
		return e.flags | oneByteClass[c], e.id, c
	}
	f, id := d.vocab.lookupAt(d.lower, t.Start, t.End)
	if c, ok := asciiClass(t.Text); ok {
		return f | c, id, firstIfOne(t.Text)
	}
	return f | textClass(t.Text), id, firstIfOne(t.Text)
}

// foldQuotation adds to the narration being built in buf, n tokens long,
// the placeholder of the quotation holding token i, unless the token before
// is already that, and returns the index of the last token to pass over
// with the new length: the quotation's last token when its tokens are one
// run inside the span that ends before end, which add nothing more.
func (d *doc) foldQuotation(buf []ntok, n, i, end int) (int, int) {
	q := d.quoteOf[i] - 1
	if n == 0 || buf[n-1].q != q {
		qs := &d.in.Quotes[q]
		buf[n] = ntok{start: qs.Open, end: qs.Close, q: q}
		n++
	}
	if r := d.quoteRun[q]; i >= r.lo && i < r.hi && d.in.Tokens[r.hi-1].Start < end {
		i = r.hi - 1
	}
	return i, n
}

// firstIfOne returns the byte of a token of one byte, else 0.
func firstIfOne(s string) byte {
	if len(s) == 1 {
		return s[0]
	}
	return 0
}

// buildNarrationLowTok is buildNarration for a body without a lower case
// of the same offsets: the tokens' lower cases are d.lowTok.
func (d *doc) buildNarrationLowTok(out []ntok, i, end int) ([]ntok, int, wflag, int) {
	toks := d.in.Tokens
	out = slices.Grow(out, len(toks)-i)
	base := len(out)
	buf := out[base:cap(out)]
	n, lastQ := 0, -1
	var all wflag
	for ; i < len(toks) && toks[i].Start < end; i++ {
		if d.quoteOf[i] != 0 {
			i, n = d.foldQuotation(buf, n, i, end)
			lastQ = n - 1
			continue
		}
		t := &toks[i]
		f, id := d.vocab.lookup(d.lowTok[i])
		f |= textClass(t.Text)
		all |= f
		if f&triggerFlags != 0 {
			d.trig = append(d.trig, int32(n))
		}
		buf[n] = ntok{start: t.Start, end: t.End, q: -2 - int32(i), flags: f, wid: id, p: firstIfOne(t.Text)}
		n++
	}
	return out[:base+n], i, all & triggerFlags, lastQ
}

func (d *doc) sentenceAt(pos int) (int, article.Span) {
	ss := d.in.Sentences
	i, hi := 0, len(ss) // the first sentence ending after pos, by bisection
	for i < hi {
		if m := int(uint(i+hi) >> 1); ss[m].End > pos {
			hi = m
		} else {
			i = m + 1
		}
	}
	if i >= len(ss) {
		return -1, article.Span{}
	}
	return i, ss[i]
}

// sentenceFrom returns the index of the first sentence ending after pos, or
// -1, as sentenceAt does. It walks on from sentence si when no sentence
// before si ends after pos, as for the quotations in text order, for a few
// sentences, and bisects otherwise.
func (d *doc) sentenceFrom(si, pos int) int {
	ss := d.in.Sentences
	if si <= len(ss) && (si == 0 || ss[si-1].End <= pos) {
		for end := min(si+8, len(ss)); si < end; si++ {
			if ss[si].End > pos {
				return si
			}
		}
		if si == len(ss) {
			return -1
		}
	}
	si, _ = d.sentenceAt(pos)
	return si
}

// placeholder returns the index in nt, the narration of sentence si, of
// the first placeholder of the quotation qi, or -1. With the quotations in
// text order, apart from one another (d.quotedSorted), the narration is in
// text order and holds one placeholder of a quotation, which starts at its
// opening mark: it is the sentence's last (d.narrLastQ), as most are, or
// found by bisection.
func (d *doc) placeholder(nt []ntok, si, qi int) int {
	if d.quotedSorted {
		if si >= 0 {
			if lq := d.narrLastQ[si]; uint(lq) < uint(len(nt)) && int(nt[lq].q) == qi {
				return lq
			}
		}
		open := d.in.Quotes[qi].Open
		lo, hi := 0, len(nt)
		for lo < hi {
			if m := int(uint(lo+hi) >> 1); nt[m].start < open {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo < len(nt) && int(nt[lo].q) == qi {
			return lo
		}
	}
	for i := range nt {
		if int(nt[i].q) == qi {
			return i
		}
	}
	return -1
}

// attributeQuote attributes the marked or block quotation qi, and reports
// whether it is kept: not a scare quote that is nobody's speech. The search
// for the sentence of a marked quotation walks on from sentence si, that of
// the quotation before, which is returned for the next.
func (d *doc) attributeQuote(qi, si int) (int, bool) {
	q := &d.in.Quotes[qi]
	var at attribution
	if q.Block {
		if q.Intro {
			at = d.introAttribution(q.Para - 1)
		}
		d.setAttr(qi, at)
		return si, true
	}
	si = d.sentenceFrom(si, q.Open)
	nt := d.narration(si)
	pos := d.placeholder(nt, si, qi)
	if si < 0 {
		si = len(d.in.Sentences) // the quotations after this one are past the last too
	}
	if pos < 0 {
		return si, false
	}
	// The text in lower case: all that the tests below need to know.
	var lt string
	if d.lower != "" {
		lt = d.lower[q.Start:q.End]
	} else {
		lt = strings.ToLower(d.body[q.Start:q.End])
	}
	if d.isAnonDescription(lt) {
		if pos > 0 && (d.lw(&nt[pos-1]) == "from" || d.lw(&nt[pos-1]) == "citing") {
			d.use(strings.TrimSpace(d.body[q.Start:q.End]))
		}
		return si, false
	}
	// A label is no speech, attributed or not (it has at most four words,
	// which the test of a quotation without attribution below drops too):
	// it is dropped before its attribution is sought.
	if d.isLabel(nt, pos, lt) {
		return si, false
	}
	initial := !hasWords(nt[:pos])
	if initial {
		d.post(nt, pos, &at)
	}
	if !at.ok {
		d.leftCue(nt, pos, &at)
	}
	if !at.ok && !initial {
		d.post(nt, pos, &at)
	}
	if !at.ok && d.paragraphOpensWith(q) {
		at = d.introAttribution(q.Para - 1)
	}
	if !at.ok && initial {
		at = d.continuation(qi)
	}
	if !at.ok && (!initial || fieldCount(lt, 7) <= 6) {
		return si, false // a scare quote
	}
	if at.ok && at.channel == "" {
		at.channel = d.inheritChannel(qi, &at)
	}
	d.setAttr(qi, at)
	if at.ok && at.anonymous {
		d.use(at.speaker)
	}
	return si, true
}

// quoteStrings returns the number of strings that the attributions of the
// quotations kept point to (see fillAll).
func (d *doc) quoteStrings(kept []int) int {
	n := 0
	for _, qi := range kept {
		if at := &d.attrs[qi]; at.ok {
			n += nonEmpty(at.speaker) + nonEmpty(at.mention) + nonEmpty(at.cue) + nonEmpty(at.channel)
		}
	}
	return n
}

// fillAll fills in quotes, the quotation kept[i] of the input being
// quotes[i], with their attributions. The strings these point to are put
// in strs, which holds quoteStrings(kept) of them, rather than in one
// allocation a field.
func (d *doc) fillAll(quotes []article.Quote, kept []int, strs []string) {
	k := 0 // the strings of strs taken
	for i, qi := range kept {
		q, out := &d.in.Quotes[qi], &quotes[i]
		out.Text, out.Start, out.End, out.Block = d.body[q.Start:q.End], q.Start, q.End, q.Block
		at := &d.attrs[qi]
		if !at.ok {
			continue
		}
		out.Speaker, k = strAt(strs, k, at.speaker)
		out.SpeakerMention, k = strAt(strs, k, at.mention)
		out.Anonymous = at.anonymous
		out.Cue, k = strAt(strs, k, at.cue)
		out.Channel, k = strAt(strs, k, at.channel)
	}
}

// nonEmpty returns 1 if s is not "", else 0.
func nonEmpty(s string) int {
	if s == "" {
		return 0
	}
	return 1
}

// strAt is article.Str with the string put in strs[k], when it is not "":
// it returns the pointer and the index of the next string of strs.
func strAt(strs []string, k int, s string) (*string, int) {
	if s == "" {
		return nil, k
	}
	strs[k] = s
	return &strs[k], k + 1
}

func hasWords(nt []ntok) bool {
	for i := range nt {
		if t := &nt[i]; t.q < 0 && t.is(cWord) {
			return true
		}
	}
	return false
}

// paragraphOpensWith reports whether the quotation opens its paragraph.
func (d *doc) paragraphOpensWith(q *quote.Span) bool {
	return q.Para < len(d.in.Paras) && d.in.Paras[q.Para].Start == q.Open
}

// backfillRunOn gives a quotation that runs over paragraphs (its first
// paragraph has no closing mark) the attribution found in its last
// paragraph, where news copy puts it ("…,” she said.), unless it had one of
// its own.
func (d *doc) backfillRunOn(quotes []article.Quote, kept []int) {
	for i := len(quotes) - 2; i >= 0; i-- {
		q := &d.in.Quotes[kept[i]]
		next := &d.in.Quotes[kept[i+1]]
		if !q.Unclosed || next.Para != q.Para+1 || quotes[i].Cue != nil || quotes[i+1].Speaker == nil {
			continue
		}
		quotes[i].Speaker = quotes[i+1].Speaker
		quotes[i].SpeakerMention = quotes[i+1].SpeakerMention
		quotes[i].Anonymous = quotes[i+1].Anonymous
		quotes[i].Channel = quotes[i+1].Channel
		quotes[i].Cue = quotes[i+1].Cue
	}
}

// continuation gives a quotation that opens its sentence without any
// attribution the speaker of the quotation just before it, in the same
// paragraph or the one before.
func (d *doc) continuation(qi int) attribution {
	for p := qi - 1; p >= 0; p-- {
		prev := &d.in.Quotes[p]
		if prev.Block {
			continue
		}
		if d.in.Quotes[qi].Para-prev.Para > 1 {
			break
		}
		if d.attrs[p].ok {
			at := d.attrs[p]
			at.cue = ""
			return at
		}
	}
	return attribution{}
}

// introAttribution attributes text introduced by the paragraph pi that ends
// in a colon ("Explained Brenner:").
func (d *doc) introAttribution(pi int) attribution {
	if pi < 0 || pi >= len(d.in.Paras) {
		return attribution{}
	}
	p := d.in.Paras[pi]
	if !strings.HasSuffix(d.body[p.Start:p.End], ":") {
		return attribution{}
	}
	si, _ := d.sentenceAt(p.End - 1)
	nt := d.narration(si)
	var at attribution
	d.leftCue(nt, len(nt), &at)
	return at
}

// setAttr sets the attribution of quotation qi, and notes in d.channeled
// whether one with a channel has been set.
func (d *doc) setAttr(qi int, at attribution) {
	d.attrs[qi] = at
	d.channeled = d.channeled || at.ok && at.channel != ""
}

// inheritChannel gives a quotation without a channel of its own the channel
// its speaker was introduced with, or that of the document's reported source
// for an anonymous speaker.
func (d *doc) inheritChannel(qi int, at *attribution) string {
	if len(d.refChannel) > 0 {
		if ch := d.refChannel[at.speaker]; ch != "" {
			return ch
		}
	}
	for p := qi - 1; p >= 0 && d.channeled; p-- {
		if prev := &d.attrs[p]; prev.ok && prev.channel != "" && prev.speaker == at.speaker {
			return prev.channel
		}
	}
	if at.anonymous && d.docChannel != "" {
		return d.docChannel
	}
	return ""
}

// lowerOf returns strings.ToLower(d.body[i:j]): the slice of d.lower when
// there is one and i and j are character boundaries, so that it is the
// same text.
func (d *doc) lowerOf(i, j int) string {
	if d.lower != "" && (i == len(d.body) || utf8.RuneStart(d.body[i])) && (j == len(d.body) || utf8.RuneStart(d.body[j])) {
		return d.lower[i:j]
	}
	return strings.ToLower(d.body[i:j])
}

// lower returns s in lower case, without allocating when it already is.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}
