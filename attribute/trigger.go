package attribute

import (
	"sort"
	"strings"

	"github.com/hearsaylab/hearsay/internal/swar"
	"github.com/hearsaylab/hearsay/segment"
)

// needsNarration reports whether one of the tokens from index i that start
// before end is inside a quotation or is a trigger word that can give the
// document's sweeps something (see triggerMatters); if not, it returns the
// index of the first token after them. i is the first token of a sentence.
func (d *doc) needsNarration(i, end int) (int, bool) {
	first := i
	toks := d.in.Tokens
	low, short, long := d.lower, d.vocab.triggerShort, d.vocab.triggerLong
	for ; i < len(toks) && toks[i].Start < end; i++ {
		if d.quoteOf[i] != 0 {
			return i, true
		}
		// Most words fail the trigger filters at once.
		if st, n := toks[i].Start, toks[i].End-toks[i].Start; low != "" && n > 0 && n <= 7 && st+8 <= len(low) {
			h := shortTriggerHash(swar.Load8(low, st)&(1<<(8*n)-1) | uint64(n)<<56)
			if short[h>>6]&(1<<(h&63)) == 0 {
				continue
			}
		} else if low != "" && n > 7 {
			if h := longHash(low[st : st+n]); long[h>>6]&(1<<(h&63)) == 0 {
				continue
			}
		}
		if f := d.triggerAt(i); f != 0 && d.triggerMatters(first, i, end, f) {
			return i, true
		}
	}
	return i, false
}

// byWordsOK reports whether needsNarrationByWords can stand in for
// needsNarration: when the word scanner's tokens are at hand, every trigger
// word is of ASCII letters and digits and the body has a lower case with
// the same offsets. Then a token whose lower case is a trigger word is all
// ASCII letters and digits, and so one word of the scanner, whose hash is
// that of the trigger word (see vocabulary.triggerWords).
func (d *doc) byWordsOK() bool {
	return d.in.Words != nil && d.lower != "" && d.vocab.triggersASCII
}

// findTriggerWords appends to ws the indexes of the word scanner's tokens
// that may be trigger words, as wordscan.Pair.WalkWords notes them for
// vocabulary.triggerWords, and returns it.
func (d *doc) findTriggerWords(ws []int) []int {
	set := &d.vocab.triggerWords
	for k := range d.in.Words {
		if w := &d.in.Words[k]; w.ASCII && set.MayHave(w.Hash) {
			ws = append(ws, k)
		}
	}
	return ws
}

// needsNarrationByWords answers as needsNarration does, when d.byWords,
// without reading the tokens for the index after the sentence, which
// seekToken finds from i at less cost than a search: it asks d.quotedRuns
// whether a token of the sentence is inside a quotation, and then looks
// only at the tokens that hold one of the word scanner's tokens that may
// be trigger words (d.trigWords). i is the first token of the sentence,
// whose tokens start before end.
func (d *doc) needsNarrationByWords(i, end int) bool {
	toks := d.in.Tokens
	if i >= len(toks) || toks[i].Start >= end {
		return false
	}
	if d.quotedFrom(i, end) {
		return true
	}
	ws, tw := d.in.Words, d.trigWords
	pos := toks[i].Start
	c := d.nextTrig
	if c > len(tw) || c > 0 && ws[tw[c-1]].St >= pos {
		// Out of order: search from the start.
		c = sort.Search(len(tw), func(c int) bool { return ws[tw[c]].St >= pos })
	}
	for c < len(tw) && ws[tw[c]].St < pos {
		c++
	}
	d.nextTrig = c
	for j := i; c < len(tw) && ws[tw[c]].St < end; c++ {
		if j = d.tokenOfWord(j, tw[c]); j >= len(toks) {
			break // no token holds the word: Words are not of Body
		}
		if f := d.triggerAt(j); f != 0 && d.triggerMatters(i, j, end, f) {
			return true
		}
	}
	return false
}

// tokenOfWord returns the index of the token that holds the word scanner's
// token k, which is token j or one after it, from d.wordShift, the
// difference of the indexes found last, when it can, else by a seek. The
// two streams of tokens go in step but for words with joiners ("U.S.") and
// marks the word scanner takes for spaces, so that d.wordShift nearly
// always tells it.
func (d *doc) tokenOfWord(j, k int) int {
	toks, st := d.in.Tokens, d.in.Words[k].St
	if g := k - d.wordShift; g >= j && g < len(toks) && toks[g].Start <= st && st < toks[g].End {
		return g
	}
	j = d.seekToken(j, st)
	d.wordShift = k - j
	return j
}

// quotedFrom reports whether a token from index i that starts before end
// is inside a marked quotation, searching d.quotedRuns from d.nextRun.
func (d *doc) quotedFrom(i, end int) bool {
	rs := d.quotedRuns
	r := d.nextRun
	if r > len(rs) || r > 0 && rs[r-1].hi > i {
		r = 0 // out of order: search from the start
	}
	for r < len(rs) && rs[r].hi <= i {
		r++
	}
	d.nextRun = r
	return r < len(rs) && d.in.Tokens[max(rs[r].lo, i)].Start < end
}

// searchTokens returns the index of the first token of toks from index i
// that ends after pos, by a binary search; no token before i may end after
// pos.
func searchTokens(toks []segment.Token, i, pos int) int {
	hi := len(toks)
	for i < hi {
		m := int(uint(i+hi) >> 1)
		if toks[m].End <= pos {
			i = m + 1
		} else {
			hi = m
		}
	}
	return i
}

// triggerAt returns the triggerFlags of token i. Its callers have ruled
// out most other words with a filter of the trigger words, so that it asks
// the vocabulary at once: the trigger filters again cost 10 K data cache
// misses per 1,000 articles.
func (d *doc) triggerAt(i int) wflag {
	if d.lower == "" {
		f, _ := d.vocab.lookup(d.tokenLower(i))
		return f & triggerFlags
	}
	t := &d.in.Tokens[i]
	v := d.vocab
	var f wflag
	switch n := t.End - t.Start; {
	case n <= 0:
		return 0
	case n <= 7 && t.Start+8 <= len(d.lower):
		f, _ = v.lookupShort(swar.Load8(d.lower, t.Start)&(1<<(8*n)-1) | uint64(n)<<56)
	case n > 7:
		f, _ = v.lookupLong(d.lower[t.Start:t.End])
	default:
		f, _ = v.lookupAt(d.lower, t.Start, t.End)
	}
	return f & triggerFlags
}

// triggerMatters reports whether the trigger word at token j, with the
// triggerFlags f, can give the sweeps over the sentence something: a claim
// (thatClaim, accordingClaim) or an anonymous description (anonNP). The
// sentence's tokens start at index first and before end; those before j
// are outside quotations. It answers from the tokens, as the sweeps would
// from the narration, with tests that every word the sweeps take passes;
// where a quotation is in the way it says yes, as the sentence then needs
// its narration anyway.
func (d *doc) triggerMatters(first, j, end int, f wflag) bool {
	return f&fAccording != 0 && d.tokenIs(j+1, end, "to") ||
		f&fClaimVerb != 0 && d.claimMayFollow(j, end) ||
		f&fAnonHead != 0 && d.anonMayHead(first, j, end)
}

// tokenIs reports whether token i starts before end and is the word w in
// lower case, or is inside a quotation.
func (d *doc) tokenIs(i, end int, w string) bool {
	toks := d.in.Tokens
	return i < len(toks) && toks[i].Start < end && (d.quoteOf[i] != 0 || d.tokenLower(i) == w)
}

// claimMayFollow reports whether the claim verb at token i can open a
// claim as thatClaim reads one: "that" within five tokens, before any of
// ".;:", or, after "said" or "says", a bare complement opening with a word
// in lower case that is neither a preposition nor an adverb; and at least
// one token after the "that" or the verb.
func (d *doc) claimMayFollow(i, end int) bool {
	toks := d.in.Tokens
	in := func(k int) bool { return k < len(toks) && toks[k].Start < end }
	t := -1
	for k := i + 1; k <= i+5 && in(k); k++ {
		if d.quoteOf[k] != 0 {
			return true
		}
		if tx := toks[k].Text; len(tx) == 1 && (tx[0] == '.' || tx[0] == ';' || tx[0] == ':') {
			break
		}
		if d.tokenLower(k) == "that" {
			t = k
			break
		}
	}
	if w := d.tokenLower(i); t < 0 && (w == "said" || w == "says") && in(i+1) {
		// No quotation before i in the sentence: the verb does not
		// follow one (afterQuote).
		if d.quoteOf[i+1] != 0 {
			return true
		}
		if f := d.wordFlags(i + 1); f&cWord != 0 && f&(cCapital|fPreposition|fAdverb) == 0 {
			t = i
		}
	}
	return t >= 0 && in(t+1)
}

// anonMayHead reports whether the anonymous head at token h can head a
// description as anonNP reads one: with a determiner among its modifiers,
// "familiar", "close", "knowledgeable" or "briefed" after it, or in the
// plural, with a capitalised word or a demonym among its modifiers or
// heading a bare source ("officials"). The modifiers are the words before
// h, back to the first that anonNP stops at; the sentence's tokens start at
// index first.
func (d *doc) anonMayHead(first, h, end int) bool {
	toks := d.in.Tokens
	if k := h + 1; k < len(toks) && toks[k].Start < end {
		if d.quoteOf[k] != 0 {
			return true
		}
		switch d.tokenLower(k) {
		case "familiar", "close", "knowledgeable", "briefed":
			return true
		}
	}
	head := d.tokenLower(h)
	named := false
	for k := h - 1; k >= first; k-- {
		f := d.wordFlags(k)
		if f&cWord == 0 {
			break
		}
		if f&fAnonDet != 0 {
			return true
		}
		if w := d.tokenLower(k); w == "the" || f&fPronoun != 0 && f&cUS == 0 || f&(fAuxiliary|fCueVerb) != 0 || f&fPreposition != 0 && w != "and" {
			break
		}
		named = named || f&(cCapital|fDemonym) != 0
	}
	plural := strings.HasSuffix(head, "s") || head == "people"
	return plural && (named || isBareSource(head))
}

// tokenLower returns token i in lower case, as its narration token has it.
func (d *doc) tokenLower(i int) string {
	if d.lower == "" {
		return d.lowTok[i]
	}
	return d.lower[d.in.Tokens[i].Start:d.in.Tokens[i].End]
}

// wordFlags returns the flags of token i, outside any quotation, as its
// narration token has them: what the lexicons say about its lower case
// and the class of its text.
func (d *doc) wordFlags(i int) wflag {
	t := &d.in.Tokens[i]
	var f wflag
	if d.lower == "" {
		f, _ = d.vocab.lookup(d.tokenLower(i))
	} else {
		f, _ = d.vocab.lookupAt(d.lower, t.Start, t.End)
	}
	if c, ok := asciiClass(t.Text); ok { // most words, without textClass's call
		return f | c
	}
	return f | textClass(t.Text)
}
