package outlet

import (
	"strings"

	"github.com/hearsaylab/hearsay/internal/wordscan"
)

// hashSet is a bit set of 32-bit word hashes (wordscan.Hash), indexed by
// their top and bottom bits. With a few hundred hashes in its 32,768 bits,
// it answers "not in the set" for all but one or two words in a hundred. It
// is small (4 KiB) because a scan reads it all over again for each text:
// the other stages push it out of the first-level cache between texts.
type hashSet [1 << 9]uint64

// add puts h in the set.
func (s *hashSet) add(h uint32) {
	s[h>>23] |= 1 << (h & 63)
}

// has reports whether h may be in the set: false means it certainly is not.
func (s *hashSet) has(h uint32) bool {
	return s[h>>23]&(1<<(h&63)) != 0
}

// pairHash combines the hashes of two successive words.
func pairHash(h0, h1 uint32) uint32 {
	return h0 ^ h1*0x9E3779B1
}

// gate rules out, by the hashes of a word and of the token after it, nearly
// every ASCII word at which no alias can start, before the word is looked up
// in Table.firstT. Most words that start an alias of two or more tokens
// ("to", "on", "by", "told") do not start one there: the token after them
// is not the aliases' second token, or not even of its kind (a word or
// punctuation: a token of the one kind never equals one of the other, also
// up to case or wordscan.NormPunct).
type gate struct {
	first hashSet // the first tokens of the aliases
	// follow holds, for each alias, its first token's hash h salted with
	// what may follow it: h^saltAlone for an alias of one token (anything),
	// h^saltPunct for one whose second token is punctuation (a punctuation
	// token), h^saltWord for one whose second token is a word (a word that
	// is not ASCII, compared in full), and besides pairHash(h, second
	// token's hash) for an ASCII second word (an ASCII word with that hash)
	// or h^saltAnyWord for one that is not ASCII (any ASCII word, compared
	// in full).
	follow hashSet
}

// Salts of the first token's hash in gate.follow.
const (
	saltAlone   = 0x5bd1e995
	saltPunct   = 0x27d4eb2f
	saltWord    = 0x165667b1
	saltAnyWord = 0x85ebca6b
)

// add lets the alias with the tokens toks and their keys through the gate.
func (g *gate) add(toks []string, keys []wordscan.Key) {
	h := wordscan.Hash(strings.ToLower(toks[0]))
	g.first.add(h)
	switch {
	case len(toks) == 1:
		g.follow.add(h ^ saltAlone)
	case !isWord(toks[1]):
		g.follow.add(h ^ saltPunct)
	case keys[1].ASCII:
		g.follow.add(h ^ saltWord)
		g.follow.add(pairHash(h, keys[1].Hash))
	default:
		g.follow.add(h ^ saltWord)
		g.follow.add(h ^ saltAnyWord)
	}
}

// isWord reports whether tok, one token as wordscan.Next finds it, is a
// word rather than punctuation.
func isWord(tok string) bool {
	_, _, word, _ := wordscan.Next(tok, 0)
	return word
}

// skip returns the index of the first token from toks[i] on at which an
// alias of the gate may start, or len(toks): the next word that may be a
// first token. ASCII words pass by their hashes; other words, which have
// none, all pass. The loop is a function of its own, so that a scan keeps
// few values live in it.
func (g *gate) skip(toks []wordscan.Token, i int) int {
	first := &g.first
	for k := range toks[i:] {
		tk := &toks[i:][k]
		if tk.ASCII {
			if first.has(tk.Hash) && g.next(toks, i+k) {
				return i + k
			}
		} else if tk.Word {
			return i + k
		}
	}
	return len(toks)
}

// next reports whether an alias of the gate may start at toks[i], an ASCII
// word whose hash is in g.first, given the token after it. An alias of two
// or more tokens cannot start where the text ends, where a line break
// follows, or where the next token is not of the kind of the alias's second
// token, nor where the next token is an ASCII word with another hash than
// an ASCII second word.
func (g *gate) next(toks []wordscan.Token, i int) bool {
	h := toks[i].Hash
	if g.follow.has(h ^ saltAlone) {
		return true
	}
	if i+1 >= len(toks) {
		return false
	}
	switch nx := &toks[i+1]; {
	case nx.NL:
		return false
	case nx.ASCII:
		return g.follow.has(pairHash(h, nx.Hash)) || g.follow.has(h^saltAnyWord)
	case nx.Word:
		return g.follow.has(h ^ saltWord)
	}
	return g.follow.has(h ^ saltPunct)
}
