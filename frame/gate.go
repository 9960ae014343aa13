package frame

import (
	"strings"

	"github.com/hearsaylab/hearsay/internal/wordscan"
)

// hashSet is a bit set of 32-bit word hashes (wordscan.Hash), indexed by
// their top and bottom bits. With a few hundred hashes in its 65,536 bits,
// it answers "not in the set" for all but about one word in a hundred.
type hashSet [1 << 10]uint64

// add puts h in the set.
func (s *hashSet) add(h uint32) {
	s[h>>22] |= 1 << (h & 63)
}

// has reports whether h may be in the set: false means it certainly is not.
func (s *hashSet) has(h uint32) bool {
	return s[h>>22]&(1<<(h&63)) != 0
}

// pairHash combines the hashes of two successive words.
func pairHash(h0, h1 uint32) uint32 {
	return h0 ^ h1*0x9E3779B1
}

// gate rules out, by the hashes of a word and of the token after it, nearly
// every ASCII word at which no entry can start, before the word is looked up
// in Analyzer.firstT. Most words that start an entry of two or more tokens
// ("it", "is", "said", "not") do not start one there: the token after them
// differs from the entries' second tokens.
type gate struct {
	first hashSet // the first tokens of the entries
	alone hashSet // the first tokens of the entries the next token cannot rule out
	pair  hashSet // pairHash of the first two tokens of the other entries
}

// add lets the entry with the tokens toks and their keys through the gate.
func (g *gate) add(toks []string, keys []wordscan.Key) {
	h := wordscan.Hash(strings.ToLower(toks[0]))
	g.first.add(h)
	// The next token rules an entry out (wordscan.Key.Differs) only when
	// the entry's second token is ASCII.
	if len(keys) == 1 || !keys[1].ASCII {
		g.alone.add(h)
		return
	}
	g.pair.add(pairHash(h, keys[1].Hash))
}

// skip returns the index of the first token from toks[i] on at which an
// entry of the gate may start, or len(toks): the next word that may be a
// first token. ASCII words pass by their hashes; other words, which have
// none, all pass. The loop is a function of its own, so that a scan keeps
// few values live in it.
func (g *gate) skip(toks []wordscan.Token, i int) int {
	for ; i < len(toks); i++ {
		tk := &toks[i]
		if tk.ASCII {
			if g.first.has(tk.Hash) && g.next(toks, i) {
				return i
			}
		} else if tk.Word {
			return i
		}
	}
	return len(toks)
}

// next reports whether an entry of the gate may start at toks[i], an ASCII
// word whose hash is in g.first, given the token after it. An entry of two
// or more tokens cannot start where the text ends, where a line break
// follows, or where the next token is an ASCII word with another hash
// than the entry's second token.
func (g *gate) next(toks []wordscan.Token, i int) bool {
	h := toks[i].Hash
	if g.alone.has(h) {
		return true
	}
	if i+1 >= len(toks) {
		return false
	}
	nx := &toks[i+1]
	if nx.NL {
		return false
	}
	return !nx.ASCII || g.pair.has(pairHash(h, nx.Hash))
}
