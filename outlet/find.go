package outlet

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/internal/wordscan"
)

// tokEqual compares a text token with an alias token.
func tokEqual(text, al string, fold bool) bool {
	if text == al {
		return true
	}
	if fold && strings.EqualFold(text, al) {
		return true
	}
	return len(text) <= 3 && wordscan.NormPunct(text) == al
}

func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// token is a scanned token.
type token struct {
	st, en int
	word   bool
	ok     bool // a token was scanned
}

// Find returns every mention of an outlet in text, in order, without overlaps.
// At each position the longest alias wins, so "The New York Times" is one
// mention and "Financial Times (FT)" is two. A capitalised "The" before the
// name of an outlet that styles itself with it ("The Guardian") is part of the
// mention; a lower-case "the" is not. Offsets are bytes.
func (t *Table) Find(text string) []Mention {
	return t.FindTokens(text, wordscan.Tokens(nil, text))
}

// FindTokens is Find for a text whose tokens, wordscan.Tokens(nil, text),
// are known.
func (t *Table) FindTokens(text string, toks []wordscan.Token) []Mention {
	// The mentions gather on the stack and are copied out once.
	var buf [16]Mention
	out := buf[:0]
	for i := t.gate.Skip(toks, 0); i < len(toks); i = t.gate.Skip(toks, i+1) {
		if m, last, ok := t.findAt(text, toks, i); ok {
			out = append(out, m)
			i = last
		}
	}
	return cloneMentions(out)
}

// Along is what FindAlong finds and notes in one walk over the tokens of
// a text. Its buffers are reused from call to call, so that a caller that
// goes over document after document allocates none of them again.
type Along struct {
	Mentions []Mention           // the table's mentions, as FindTokens finds them
	Other    wordscan.Candidates // the candidates of the pair's other gate
	Words    []int               // the tokens that may be words of the pair's word set
	More     []int               // the tokens that may be words of its second word set
	mine     wordscan.Candidates // the table's own candidates
}

// FindAlong is FindTokens that, in the same walk over the tokens, notes
// the candidates of another gate in al.Other: the tokens at which an
// entry of that gate's matcher (such as frame.Analyzer.FindCandidates)
// may start, which then need not walk the tokens again. pair is
// wordscan.NewPair(t.Gate(), other), wordscan.NewPairWords(t.Gate(),
// other, set) or wordscan.NewPairSets(t.Gate(), other, set, more), made
// once by the caller; the indexes of the tokens that may be words of set
// are noted in al.Words, and those of more in al.More (see
// wordscan.Pair.WalkSets). It overwrites what al held.
func (t *Table) FindAlong(al *Along, text string, toks []wordscan.Token, pair *wordscan.Pair) {
	al.mine, al.Other = wordscan.Candidates{}, wordscan.Candidates{}
	al.Words, al.More = pair.WalkSets(toks, &al.mine, &al.Other, al.Words[:0], al.More[:0])
	out := al.Mentions[:0]
	last := -1 // the last token of the last mention
	for _, i := range al.mine.At() {
		if int(i) <= last {
			continue
		}
		// findAt, written out: a call for each candidate costs more.
		cands, _ := t.firstT.Word(text, &toks[i])
		for _, a := range cands {
			if a.nextDiffers(toks, int(i)) {
				continue // as match would find, without the call
			}
			if m, l, ok := t.match(text, toks, int(i), a); ok {
				out = append(out, m)
				last = l
				break
			}
		}
	}
	for i := t.gate.Skip(toks, max(al.mine.Resume(len(toks)), last+1)); i < len(toks); i = t.gate.Skip(toks, i+1) {
		if m, l, ok := t.findAt(text, toks, i); ok {
			out = append(out, m)
			i = l
		}
	}
	al.Mentions = out
}

// Gate returns the gate of the table's first words, for wordscan.NewPair.
func (t *Table) Gate() *wordscan.Gate { return t.gate }

// cloneMentions returns a copy of ms on the heap, nil if it is empty.
func cloneMentions(ms []Mention) []Mention {
	if len(ms) == 0 {
		return nil
	}
	return slices.Clone(ms)
}

// findAt returns the mention of the longest alias that matches at the
// token toks[i], and the index of its last token.
func (t *Table) findAt(text string, toks []wordscan.Token, i int) (Mention, int, bool) {
	cands, _ := t.firstT.Word(text, &toks[i])
	for _, a := range cands {
		if m, last, ok := t.match(text, toks, i, a); ok {
			return m, last, true
		}
	}
	return Mention{}, i, false
}

// nextDiffers reports, cheaply, that alias a of two or more tokens does
// not match at toks[i]: the token after it is not a's second token, by
// the test that match makes first.
func (a *alias) nextDiffers(toks []wordscan.Token, i int) bool {
	if len(a.keys) < 2 || i+1 >= len(toks) {
		return false
	}
	tk := &toks[i+1]
	return tk.NL || a.keys[1].Differs(tk)
}

// match tries alias a at the token toks[i], one of the words that t.firstT
// finds a by, in the context of the token before it, toks[i-1] (also when
// that token ended an earlier mention). It returns the mention and the
// index of the last token consumed.
func (t *Table) match(text string, toks []wordscan.Token, i int, a *alias) (Mention, int, bool) {
	var m Mention
	if i+len(a.toks) > len(toks) {
		return m, i, false
	}
	// The cheap tests first, over all the alias's tokens: line breaks and
	// hashes. The next token rules out most aliases of two or more tokens
	// at once: "to", "on" and "by" start many (see nextDiffers). They pass
	// over the first token: its lower case is the key the table found a
	// by, a's first token in lower case, so it passes both, and when both
	// are ASCII and a ignores case, tokEqual too.
	for k := 1; k < len(a.keys); k++ {
		if tk := &toks[i+k]; tk.NL || a.keys[k].Differs(tk) {
			return m, i + k, false
		}
	}
	k0 := 0
	if a.fold && a.keys[0].ASCII && toks[i].ASCII {
		k0 = 1
	}
	for k := k0; k < len(a.toks); k++ {
		if tk := &toks[i+k]; !tokEqual(text[tk.St:tk.En], a.toks[k], a.fold) {
			return m, i + k, false
		}
	}
	ci := i + len(a.toks) - 1 // the last token of the alias
	return t.inContext(text, toks, i, ci, a, toks[i+a.spanFrom].St, toks[i+a.spanTo-1].En)
}

// inContext returns the mention of alias a, matched at the tokens toks[i]
// to toks[ci] with the name spanning text[spanSt:spanEn], when the tokens
// around it allow it ("the" before an outlet that needs it, no capitalised
// word next to a bare one), and ci.
func (t *Table) inContext(text string, toks []wordscan.Token, i, ci int, a *alias, spanSt, spanEn int) (Mention, int, bool) {
	var m Mention
	var prev token
	if i > 0 {
		p := &toks[i-1]
		prev = token{p.St, p.En, p.Word, true}
	}
	nlPrev := toks[i].NL
	// A one-letter name must not run on into a hyphenated word (X-ray).
	if a.spanTo-a.spanFrom == 1 && len(a.toks[a.spanFrom]) == 1 && spanEn < len(text) && text[spanEn] == '-' {
		return m, ci, false
	}
	prevText := ""
	if prev.ok && !nlPrev {
		prevText = text[prev.st:prev.en]
	}
	hasThe := prev.ok && prev.word && !nlPrev && (prevText == "the" || prevText == "The")
	if a.needCapThe && prevText != "The" || a.needThe && !hasThe {
		return m, ci, false
	}
	if a.bare {
		if prev.ok && prev.word && !nlPrev && !hasThe {
			switch prevText {
			case "of", "for", "and":
				return m, ci, false
			}
			if isUpperStart(prevText) {
				return m, ci, false
			}
		}
		if prev.ok && !prev.word && !nlPrev && prevText == "&" {
			return m, ci, false
		}
		if ci+1 < len(toks) {
			if nx := toks[ci+1]; nx.Word && !nx.NL && isUpperStart(text[nx.St:nx.En]) {
				return m, ci, false
			}
		}
	}
	name := t.entries[a.entry].Name
	if hasThe && prevText == "The" && a.spanFrom == 0 && strings.HasPrefix(name, "The ") {
		spanSt = prev.st
	}
	m = Mention{Start: spanSt, End: spanEn, Canonical: name, Text: text[spanSt:spanEn]}
	return m, ci, true
}
