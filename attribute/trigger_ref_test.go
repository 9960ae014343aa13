package attribute

import "github.com/hearsaylab/hearsay/internal/wordscan"

// needsNarrationByWordsRef is needsNarrationByWords as it was before the
// walk of the outlet table noted the trigger words: it goes over the word
// scanner's tokens of the sentence itself and looks only at those with the
// hash of a trigger word. It is an oracle of checkNeedsNarration, with
// needsNarration.
func (d *doc) needsNarrationByWordsRef(i, end int) (int, bool) {
	toks := d.in.Tokens
	if i >= len(toks) || toks[i].Start >= end {
		return i, false
	}
	if d.quotedFrom(i, end) {
		return i, true
	}
	ws := d.in.Words
	set := &d.vocab.triggerWords
	for k, j := searchWords(ws, toks[i].Start), i; k < len(ws) && ws[k].St < end; k++ {
		if !ws[k].ASCII || !set.MayHave(ws[k].Hash) {
			continue
		}
		if j = searchTokens(toks, j, ws[k].St); j >= len(toks) {
			break // no token holds the word: Words are not of Body
		}
		if f := d.triggerAt(j); f != 0 && d.triggerMatters(i, j, end, f) {
			return i, true
		}
	}
	e := searchTokens(toks, i, end)
	if e < len(toks) && toks[e].Start < end {
		e++ // a token that runs past end starts in the sentence
	}
	return e, false
}

// searchWords returns the index of the first of the word scanner's tokens
// ws that starts at or after pos, by a binary search.
func searchWords(ws []wordscan.Token, pos int) int {
	k, hi := 0, len(ws)
	for k < hi {
		m := int(uint(k+hi) >> 1)
		if ws[m].St < pos {
			k = m + 1
		} else {
			hi = m
		}
	}
	return k
}
