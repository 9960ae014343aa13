package wordscan

import (
	"math"
	"strings"
)

// hashSet is a bit set of 32-bit word hashes (Hash), indexed by their top
// and bottom bits. With a few hundred hashes in its 32,768 bits, it answers
// "not in the set" for all but one or two words in a hundred. It is small
// (4 KiB) because a scan reads it all over again for each text: the other
// stages push it out of the first-level cache between texts.
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

// Gate rules out, by the hashes of a word and of the token after it, nearly
// every ASCII word at which no entry of a lexicon (a list of phrases of one
// or more tokens, as Next finds them) can start, before a matcher looks the
// word up in its Table. Most words that start an entry of two or more
// tokens ("to", "on", "it", "said") do not start one there: the token after
// them is not the entries' second token, or not even of its kind (a word or
// punctuation: a token of the one kind never equals one of the other, also
// up to case or NormPunct). A word that is not ASCII has no hash and is
// never ruled out. The zero Gate holds no entries; Add adds them. A Gate is
// read-only after that and safe for concurrent use.
type Gate struct {
	first hashSet // the first tokens of the entries
	// loose holds the first tokens of the entries that any ASCII word may
	// follow: those of one token, and those whose second token is a word
	// that is not ASCII (compared in full).
	loose hashSet
	// pairs holds pairHash(h, h1) of the hashes of the first and second
	// tokens of each entry whose second token is an ASCII word.
	pairs hashSet
	// follow holds, for each entry, its first token's hash h salted with
	// what token that is not an ASCII word may follow it: h^saltAlone for
	// an entry of one token (any token, and the end of the text),
	// h^saltPunct for one whose second token is punctuation (a punctuation
	// token) and h^saltWord for one whose second token is a word (a word
	// that is not ASCII, compared in full).
	follow hashSet
}

// Salts of the first token's hash in Gate.follow.
const (
	saltAlone = 0x5bd1e995
	saltPunct = 0x27d4eb2f
	saltWord  = 0x165667b1
)

// Add lets the entry with the tokens toks and their keys (KeyOf of each)
// through the gate.
func (g *Gate) Add(toks []string, keys []Key) {
	h := Hash(strings.ToLower(toks[0]))
	g.first.add(h)
	switch {
	case len(toks) == 1:
		g.loose.add(h)
		g.follow.add(h ^ saltAlone)
	case !isWord(toks[1]):
		g.follow.add(h ^ saltPunct)
	case keys[1].ASCII:
		g.pairs.add(pairHash(h, keys[1].Hash))
		g.follow.add(h ^ saltWord)
	default:
		g.loose.add(h)
		g.follow.add(h ^ saltWord)
	}
}

// isWord reports whether tok, one token as Next finds it, is a word rather
// than punctuation.
func isWord(tok string) bool {
	_, _, word, _ := Next(tok, 0)
	return word
}

// Skip returns the index of the first token from toks[i] on at which an
// entry of the gate may start, or len(toks): the next word that may be a
// first token. ASCII words pass by their hashes; other words, which have
// none, all pass. The loop is a function of its own, so that a scan keeps
// few values live in it.
func (g *Gate) Skip(toks []Token, i int) int {
	first := &g.first
	rest := toks[i:]
	for k := range rest {
		if rest[k].ASCII {
			if first.has(rest[k].Hash) && g.next(toks, i+k) {
				return i + k
			}
		} else if rest[k].Word {
			return i + k
		}
	}
	return len(toks)
}

// next reports whether an entry of the gate may start at toks[i], an ASCII
// word whose hash is in g.first, given the token after it. An entry of two
// or more tokens cannot start where the text ends, where a line break
// follows, or where the next token is not of the kind of the entry's second
// token, nor where the next token is an ASCII word with another hash than
// an ASCII second word.
func (g *Gate) next(toks []Token, i int) bool {
	h := toks[i].Hash
	if i+1 >= len(toks) || toks[i+1].NL {
		return g.alone(h)
	}
	if nx := &toks[i+1]; nx.ASCII {
		return g.beforeASCII(h, pairHash(h, nx.Hash))
	} else if nx.Word {
		return g.beforeOther(h, h^saltWord)
	}
	return g.beforeOther(h, h^saltPunct)
}

// alone reports whether an entry of one token may start at a word with the
// hash h: one that is among both loose and follow.
func (g *Gate) alone(h uint32) bool {
	return g.loose.has(h) && g.follow.has(h^saltAlone)
}

// beforeASCII reports whether an entry may start at a word with the hash h
// before an ASCII word, pair being pairHash of their hashes.
func (g *Gate) beforeASCII(h, pair uint32) bool {
	return g.loose.has(h) || g.pairs.has(pair)
}

// beforeOther reports whether an entry may start at a word with the hash h
// before a token that is not an ASCII word, kind being h salted with the
// kind of that token (saltWord or saltPunct).
func (g *Gate) beforeOther(h, kind uint32) bool {
	return g.follow.has(kind) || g.follow.has(h^saltAlone)
}

// WordSet is a set of words of ASCII letters and digits, by the Hash of
// their lower case, whose tokens a walk over a text notes besides the
// candidates of two gates (see NewPairWords): a word whose hash is not in
// it is none of its words, and the words in it are nearly all its own. The
// zero WordSet holds no words; Add adds them. It is read-only after that
// and safe for concurrent use.
type WordSet struct {
	set hashSet
}

// Add puts the word w, of ASCII letters and digits in any case, in s.
func (s *WordSet) Add(w string) {
	s.set.add(Hash(strings.ToLower(w)))
}

// MayHave reports whether a word with the Hash h may be in s: false when
// no word of s has it.
func (s *WordSet) MayHave(h uint32) bool {
	return s.set.has(h)
}

// Pair is the union of two gates, for one walk over the tokens of a text
// on behalf of the matchers of both: a token passes it where an entry of
// either gate may start. It may note in the same walk the words of one
// or two WordSets for more matchers. It is read-only after NewPair and safe for
// concurrent use.
type Pair struct {
	a, b *Gate
	// first is the union of the first tokens of a and b, and also holds
	// the hash 0 (see Walk) and the hashes of words.
	first hashSet
	// loose and pairs are the union of those of a and b.
	loose, pairs hashSet
	// words is the union of the sets of the two WordSets whose words the
	// walk notes, w and x, each in a list of its own.
	words, w, x hashSet
	// gates is the union of the first tokens of a and b.
	gates hashSet
}

// NewPair returns the Pair of gates a and b.
func NewPair(a, b *Gate) *Pair {
	return NewPairWords(a, b, nil)
}

// NewPairWords returns the Pair of gates a and b whose walk notes the
// tokens of the words of w too; w may be nil.
func NewPairWords(a, b *Gate, w *WordSet) *Pair {
	return NewPairSets(a, b, w, nil)
}

// NewPairSets returns the Pair of gates a and b whose walk notes the
// tokens of the words of w and, in a list of their own, those of the words
// of x, for two more matchers; either may be nil.
func NewPairSets(a, b *Gate, w, x *WordSet) *Pair {
	if w == nil {
		w = &WordSet{}
	}
	if x == nil {
		x = &WordSet{}
	}
	p := &Pair{a: a, b: b, w: w.set, x: x.set}
	for i := range p.first {
		p.words[i] = w.set[i] | x.set[i]
		p.first[i] = a.first[i] | b.first[i] | p.words[i]
		p.gates[i] = a.first[i] | b.first[i]
		p.loose[i] = a.loose[i] | b.loose[i]
		p.pairs[i] = a.pairs[i] | b.pairs[i]
	}
	// Every token that is not an ASCII word has the hash 0: among the
	// first tokens, it reaches the test of its kind in Walk.
	p.first.add(0)
	return p
}

// Of reports whether p is the Pair of gates a and b.
func (p *Pair) Of(a, b *Gate) bool {
	return p.a == a && p.b == b
}

// Walk notes in ca the tokens of toks at which an entry of the pair's first
// gate may start, and in cb those of its second, in one walk over them:
// the tokens at which Skip of each gate stops. It walks the tokens as
// Gate.Skip would for a gate of the entries of both, but for the order of
// its tests and the commonest way out: the hash of a token is tested
// first, which rules out most words at once (a token that is not an ASCII
// word has the hash 0, which is among the first tokens); a word of the
// WordSet that starts no entry of either gate is ruled out once noted; and
// an ASCII word among the first tokens (a word like "to" or "it") that is
// followed by an ASCII word that no entry allows there is ruled out by two
// tests, of its hash among the words that any word may follow (loose) and
// of the pair's among the entries' first two words (pairs). Only then does
// it ask each gate, as Gate.next would, with the tests written out.
func (p *Pair) Walk(toks []Token, ca, cb *Candidates) {
	p.WalkWords(toks, ca, cb, nil)
}

// WalkWords is Walk that also appends to words, in order, the index of
// every ASCII word of toks whose hash is in the pair's WordSet, and returns
// it: every ASCII word whose lower case is one of the set's words, with a
// few others. A third matcher that looks for words of the set thus need
// not walk the tokens again.
func (p *Pair) WalkWords(toks []Token, ca, cb *Candidates, words []int) []int {
	words, _ = p.WalkSets(toks, ca, cb, words, nil)
	return words
}

// WalkSets is WalkWords that also appends to more, in order, the index of
// every ASCII word of toks whose hash is in the pair's second WordSet (see
// NewPairSets), and returns both lists, for a fourth matcher.
func (p *Pair) WalkSets(toks []Token, ca, cb *Candidates, words, more []int) ([]int, []int) {
	out := walkOut{ca, cb, words, more}
	p.walk(toks, &out)
	return out.words, out.more
}

// walkOut is what a walk notes. The walk keeps a pointer to it rather
// than its fields, so that its loop has few values live: with the
// fields, the loop reloads spilled values at every token and costs a
// third more.
type walkOut struct {
	ca, cb      *Candidates
	words, more []int
}

// walk is WalkSets, noting in out.
func (p *Pair) walk(toks []Token, out *walkOut) {
	first := &p.first
	for k := range toks {
		h := toks[k].Hash
		if !first.has(h) {
			continue
		}
		if h == 0 {
			// Punctuation or a word that is not ASCII (or, once in four
			// billion, an ASCII word with the hash 0): testing the hash,
			// already at hand, costs less than loading ASCII for every
			// token that passes.
			if !toks[k].Word {
				continue
			}
			if !toks[k].ASCII {
				out.ca.Add(k)
				out.cb.Add(k)
				continue
			}
		}
		if p.words.has(h) {
			if p.w.has(h) {
				out.words = append(out.words, k)
			}
			if p.x.has(h) {
				out.more = append(out.more, k)
			}
			if !p.gates.has(h) {
				continue // a word to note and no gate's first token
			}
		}
		// Each gate is asked as its next would ask it, with what is
		// common to both worked out once: calls of next would cost more
		// than the tests, and have the loop spill its values.
		var a, b bool
		switch {
		case k+1 >= len(toks):
			a = p.a.first.has(h) && p.a.alone(h)
			b = p.b.first.has(h) && p.b.alone(h)
		case toks[k+1].ASCII:
			// No entry of either gate starts at a word that an ASCII
			// word follows (with or without a line break between them)
			// where no entry may start before any ASCII word and no
			// entry's second word has that word's hash.
			pair := pairHash(h, toks[k+1].Hash)
			if !p.loose.has(h) && !p.pairs.has(pair) {
				continue
			}
			if toks[k+1].NL {
				a = p.a.first.has(h) && p.a.alone(h)
				b = p.b.first.has(h) && p.b.alone(h)
				break
			}
			a = p.a.first.has(h) && p.a.beforeASCII(h, pair)
			b = p.b.first.has(h) && p.b.beforeASCII(h, pair)
		case toks[k+1].NL:
			a = p.a.first.has(h) && p.a.alone(h)
			b = p.b.first.has(h) && p.b.alone(h)
		default:
			kind := h ^ saltPunct
			if toks[k+1].Word {
				kind = h ^ saltWord
			}
			a = p.a.first.has(h) && p.a.beforeOther(h, kind)
			b = p.b.first.has(h) && p.b.beforeOther(h, kind)
		}
		if a {
			out.ca.Add(k)
		}
		if b {
			out.cb.Add(k)
		}
	}
}

// maxCandidates is the number of token indices Candidates holds.
const maxCandidates = 64

// Candidates are the tokens of a text at which the entries of a Gate may
// start, noted by a walk over the tokens made for it and another gate
// (Pair.Walk), so that the matcher of the gate need not walk them itself:
// the first of them (At) and, when there are more than it holds, the index
// from which that matcher walks the rest itself (Resume). The zero value
// holds none, and has no rest.
type Candidates struct {
	at   [maxCandidates]int32
	n    int
	rest int // the first token not noted when full
	full bool
}

// Add notes the token index i, a candidate after those noted before. When
// Candidates holds no more (or i does not fit in an int32), it notes
// instead that the tokens from i on are still to be walked.
func (c *Candidates) Add(i int) {
	switch {
	case c.full:
	case c.n < len(c.at) && i <= math.MaxInt32:
		c.at[c.n] = int32(i)
		c.n++
	default:
		c.full, c.rest = true, i
	}
}

// At returns the token indices noted, in order.
func (c *Candidates) At() []int32 {
	return c.at[:c.n]
}

// Resume returns the index from which the matcher of the gate walks the
// tokens itself, with Skip, to find the candidates At leaves out: the first
// that Add could not note, or n, the number of tokens, when it noted all.
func (c *Candidates) Resume(n int) int {
	if c.full {
		return c.rest
	}
	return n
}
