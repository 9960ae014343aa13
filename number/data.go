package number

import (
	"bufio"
	"embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/internal/wordscan"
)

//go:embed words.txt qualifiers.txt currencies.txt units.txt context.txt stopwords.txt
var dataFS embed.FS

// wordInfo is one entry of words.txt.
type wordInfo struct {
	v      float64
	scale  bool // hundred, thousand, million, billion, trillion, dozen
	suffix bool // bn, m, k after digits
}

// unitKind is the role of a word after a number (units.txt).
type unitKind uint8

const (
	unitNone unitKind = iota
	unitDistance
	unitSkip
	unitTime
)

// wordFlags says what a word is in the lists whose words are looked up in
// lower case; bits 14 and 15 hold the word's unitKind, and the bits from
// qualShift on the qualifier phrases it ends.
type wordFlags uint32

const (
	flagNumber    wordFlags = 1 << iota // words.txt, any role
	flagQualifier                       // a qualifier of one word
	flagCurrency                        // a currency word
	flagCode                            // the lower case of a currency code
	flagLabel                           // context.txt
	flagMonth                           // the lower case of a month
	flagYear
	flagAge
	flagGroup
	flagStop  // stopwords.txt
	flagPhone // context.txt: a telephone number follows
	flagBe    // context.txt: an age follows after "he", "she" or "who"

	unitShift = 14 // the unitKind of a unit word, in two bits
	// qualShift is the first of the bits that hold the index, plus one,
	// of the tree in lexicon.quals of the qualifier phrases a word ends
	// (0 for none).
	qualShift = 16
)

// labelFlags are the flags of the words before a number in digits that
// make it no quantity (or, for a month, may): "article 5", "aged 34",
// "called 911", "February 28".
const labelFlags = flagLabel | flagAge | flagPhone | flagMonth

// unit returns the unit kind in fl.
func (fl wordFlags) unit() unitKind { return unitKind(fl >> unitShift & 3) }

// quals returns the index in lexicon.quals of the tree of the qualifier
// phrases that a word with flags fl ends, plus one, or 0 when it ends
// none.
func (fl wordFlags) quals() int { return int(fl >> qualShift) }

// qualNode is a node of a tree of qualifier phrases read from their last
// word backwards: the root holds the last word of the phrases, and every
// other node a word before that of its parent.
type qualNode struct {
	word string     // in lower case
	text string     // the phrase of the words from word to the root, if one
	kids []qualNode // the nodes of the words before word
}

// lexicon holds the word lists a Finder reads; it is built once by New and
// never written afterwards.
type lexicon struct {
	words foldTable[wordInfo]
	// wordShapes has bit n of wordShapes[p] set when a number word that is
	// not a suffix has n bytes and its first two letters make p (see
	// shape); Find and readWord skip the map lookup for any other word.
	wordShapes [shapes]uint16
	// startShapes is wordShapes with the articles "a" and "an" added: the
	// words that may start a number.
	startShapes [shapes]uint16
	// startLens has bit n of startLens[c] set when a word of startShapes
	// has n bytes and starts with c in either case.
	startLens [256]uint16
	// startPairs has bit n of startPairs[pairKey(c0, c1)] set when a word
	// of startShapes has n bytes and starts with c0 and c1 in either case;
	// a word of one byte has its bit with any c1 (the byte after it).
	startPairs [pairs]uint16
	// starts holds the hashes of the number words that are no suffix and
	// 0: FindTokens passes over a word whose hash it does not hold. The
	// articles, which start a number only before a scale word ("a
	// dozen"), it takes up at the word after them (see passTokens).
	starts startSet
	// wordStarts is starts without 0: FindMarked reads the hash of every
	// token that the leads it is given do not note, and passes over one
	// whose hash wordStarts does not hold, punctuation (hash 0) included.
	wordStarts startSet
	// wordStartsMixed holds the hashes of wordStarts mixed (see mixHash):
	// a second test, on other bits of the hash, that FindMarked makes at a
	// word that wordStarts holds, which rules out nearly all the words it
	// holds by chance (a word's hash shares its bit with some word of
	// wordStarts for about one word in two hundred).
	wordStartsMixed startSet
	// startWords holds the words of wordStarts, for a walk over the word
	// scanner's tokens to note them (see Finder.StartWords).
	startWords wordscan.WordSet
	// labels holds the hashes of the words with labelFlags: FindTokens
	// looks up the word before a number in digits only when its hash is
	// one of them.
	labels startSet
	// measures holds the hashes of the unit words that make no count and
	// of the months: FindTokens looks up the word after a number in
	// digits only when its hash is one of them.
	measures startSet
	// scaleLens has bit n of scaleLens[c] set when a scale word that is no
	// suffix has n bytes and starts with c in either case: skip looks up
	// the word after "a" only when it may be one.
	scaleLens [256]uint16
	// flags tells, in one lookup, what a word is in all the lists looked
	// up in lower case.
	flags foldTable[wordFlags]
	// quals holds the qualifier phrases by their last word, as trees:
	// the flags of the word tell which (see wordFlags.quals), so that the
	// lookup of the flags of the word before a number, which build makes
	// anyway, tells the phrases too.
	quals []qualNode
	// qualLens has bit n of qualLens[c] set when the last word of a
	// qualifier phrase has n bytes and starts with c in either case:
	// bareYear rules out most words before a year as the end of a
	// qualifier without looking them up.
	qualLens [256]uint16
	// asciiSigns marks the currency signs in ASCII ("$"), signs holds the
	// others.
	asciiSigns [utf8.RuneSelf]bool
	signs      []rune
	codes      map[string]bool // upper case
	// codeStarts has the first byte of every key of codes: isCode rejects
	// most words with it, before any lookup.
	codeStarts [256]bool
}

// flagsOf returns the flags of the ASCII lower case of w.
func (lx *lexicon) flagsOf(w string) wordFlags {
	fl, _ := lx.flags.get(w)
	return fl
}

// isSign reports whether r is a currency sign.
func (lx *lexicon) isSign(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && lx.asciiSigns[r]
	}
	return slices.Contains(lx.signs, r)
}

// capitalized reports whether w is a capital ASCII letter and no other
// capital ASCII letters: how the months of context.txt are written.
func capitalized(w string) bool {
	if w == "" || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if 'A' <= w[i] && w[i] <= 'Z' {
			return false
		}
	}
	return true
}

// isMonth reports whether w is a month as written: a month of context.txt
// in any case (flagMonth) that is capitalized as they all are.
func (lx *lexicon) isMonth(w string) bool {
	return lx.flagsOf(w)&flagMonth != 0 && capitalized(w)
}

// isCode reports whether w is a currency code as written.
func (lx *lexicon) isCode(w string) bool {
	return w != "" && lx.codeStarts[w[0]] && lx.flagsOf(w)&flagCode != 0 && lx.codes[w]
}

// setFlag adds fl to the flags of word w, which must be in lower case
// unless lowerFirst is set.
func (lx *lexicon) setFlag(w string, fl wordFlags, lowerFirst bool) error {
	if lowerFirst {
		w = string(lower(make([]byte, 0, len(w)), w))
	}
	old, _ := lx.flags.get(w)
	if !lx.flags.add(w, old|fl) {
		return fmt.Errorf("%q is not a lower-case word of at most %d bytes", w, maxKey)
	}
	return nil
}

// setUnit sets the unit kind of word w.
func (lx *lexicon) setUnit(w string, k unitKind) error {
	old, _ := lx.flags.get(w)
	old &^= 3 << unitShift
	if !lx.flags.add(w, old|wordFlags(k)<<unitShift) {
		return fmt.Errorf("%q is not a lower-case word of at most %d bytes", w, maxKey)
	}
	return nil
}

// addQualifier adds the phrase of words f to lx.quals.
func (lx *lexicon) addQualifier(f []string) error {
	if len(f) > maxQualWords {
		return fmt.Errorf("more than %d words", maxQualWords)
	}
	last := f[len(f)-1]
	if len(last) > maxQualWord || !equalLower(last, last) {
		return fmt.Errorf("%q is not a lower-case word of at most %d bytes", last, maxQualWord)
	}
	q := lx.flagsOf(last).quals()
	if q == 0 {
		lx.quals = append(lx.quals, qualNode{word: last})
		q = len(lx.quals)
		if err := lx.setFlag(last, wordFlags(q)<<qualShift, false); err != nil {
			return err
		}
	}
	n := &lx.quals[q-1]
	for i := len(f) - 2; i >= 0; i-- {
		k := slices.IndexFunc(n.kids, func(c qualNode) bool { return c.word == f[i] })
		if k < 0 {
			n.kids = append(n.kids, qualNode{word: f[i]})
			k = len(n.kids) - 1
		}
		n = &n.kids[k]
	}
	n.text = strings.Join(f, " ")
	lx.qualLens[last[0]] |= 1 << len(last)
	lx.qualLens[upperASCII(last[0])] |= 1 << len(last)
	if len(f) == 1 {
		return lx.setFlag(f[0], flagQualifier, false)
	}
	return nil
}

// lines calls fn with the fields of every non-blank, non-comment line of the
// embedded file name.
func lines(name string, fn func(fields []string) error) error {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(strings.Fields(line)); err != nil {
			return fmt.Errorf("number: %s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{
		codes: map[string]bool{},
	}
	err := lines("words.txt", func(f []string) error {
		if len(f) < 2 || len(f) > 3 {
			return fmt.Errorf("want word, value and role, got %q", f)
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return err
		}
		wi := wordInfo{v: v}
		if len(f) == 3 {
			switch f[2] {
			case "scale":
				wi.scale = true
			case "suffix":
				wi.suffix = true
			default:
				return fmt.Errorf("unknown role %q", f[2])
			}
		}
		if !lx.words.add(f[0], wi) {
			return fmt.Errorf("%q is not a lower-case word", f[0])
		}
		return lx.setFlag(f[0], flagNumber, false)
	})
	if err != nil {
		return nil, err
	}
	for _, s := range lx.words.slots {
		w, wi := s.key, s.val
		if w == "" || wi.suffix {
			continue
		}
		p, ok := shape(w)
		if !ok || len(w) > maxNumberWord || strings.ToLower(w) != w {
			return nil, fmt.Errorf("number: words.txt: %q is not a word of at most %d lower-case ASCII letters", w, maxNumberWord)
		}
		lx.wordShapes[p] |= 1 << len(w)
		lx.starts.add(wordscan.Hash(w))
		lx.wordStarts.add(wordscan.Hash(w))
		lx.wordStartsMixed.add(mixHash(wordscan.Hash(w)))
		lx.startWords.Add(w)
		if wi.scale {
			lx.scaleLens[w[0]] |= 1 << len(w)
			lx.scaleLens[upperASCII(w[0])] |= 1 << len(w)
		}
	}
	lx.startShapes = lx.wordShapes
	for _, w := range []string{"a", "an"} {
		p, _ := shape(w)
		lx.startShapes[p] |= 1 << len(w)
	}
	lx.starts.add(0) // the hash of a token that is no ASCII word
	for p, lens := range lx.startShapes {
		c := 'a' + byte(p/27)
		lx.startLens[c] |= lens
		lx.startLens[c-'a'+'A'] |= lens
		if p%27 == 26 { // a word of one byte
			for c1 := range byte(32) {
				lx.startPairs[pairKey(c, c1)] |= lens
			}
		} else {
			lx.startPairs[pairKey(c, 'a'+byte(p%27))] |= lens
		}
	}
	err = lines("qualifiers.txt", lx.addQualifier)
	if err != nil {
		return nil, err
	}
	err = lines("currencies.txt", func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want kind and marker, got %q", f)
		}
		switch f[0] {
		case "sign":
			r := []rune(f[1])
			if len(r) != 1 {
				return fmt.Errorf("sign %q is not one character", f[1])
			}
			if r[0] < utf8.RuneSelf {
				lx.asciiSigns[r[0]] = true
			} else {
				lx.signs = append(lx.signs, r[0])
			}
		case "code":
			lx.codes[f[1]] = true
			lx.codeStarts[f[1][0]] = true
			return lx.setFlag(f[1], flagCode, true)
		case "word":
			return lx.setFlag(f[1], flagCurrency, false)
		default:
			return fmt.Errorf("unknown kind %q", f[0])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = lines("units.txt", func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want kind and unit, got %q", f)
		}
		switch f[0] {
		case "distance":
			return lx.setUnit(f[1], unitDistance)
		case "skip":
			return lx.setUnit(f[1], unitSkip)
		case "time":
			return lx.setUnit(f[1], unitTime)
		default:
			return fmt.Errorf("unknown kind %q", f[0])
		}
	})
	if err != nil {
		return nil, err
	}
	err = lines("context.txt", func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want kind and word, got %q", f)
		}
		switch f[0] {
		case "label":
			return lx.setFlag(f[1], flagLabel, false)
		case "month":
			if !capitalized(f[1]) {
				return fmt.Errorf("month %q is not written with a capital and lower-case letters", f[1])
			}
			return lx.setFlag(f[1], flagMonth, true)
		case "year":
			return lx.setFlag(f[1], flagYear, false)
		case "age":
			return lx.setFlag(f[1], flagAge, false)
		case "group":
			return lx.setFlag(f[1], flagGroup, false)
		case "phone":
			return lx.setFlag(f[1], flagPhone, false)
		case "be":
			return lx.setFlag(f[1], flagBe, false)
		}
		return fmt.Errorf("unknown kind %q", f[0])
	})
	if err != nil {
		return nil, err
	}
	err = lines("stopwords.txt", func(f []string) error {
		for _, w := range f {
			if err := lx.setFlag(w, flagStop, false); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, sl := range lx.flags.slots {
		if sl.key != "" && sl.val&labelFlags != 0 {
			lx.labels.add(wordscan.Hash(sl.key))
		}
		if u := sl.val.unit(); sl.key != "" && (u == unitSkip || u == unitTime || sl.val&flagMonth != 0) {
			lx.measures.add(wordscan.Hash(sl.key))
		}
	}
	return lx, nil
}
