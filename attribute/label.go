package attribute

import "strings"

var commonAdjectives = map[string]bool{"small": true, "big": true, "large": true, "huge": true,
	"great": true, "good": true, "bad": true, "worst": true, "best": true, "new": true, "old": true,
	"false": true, "true": true, "fake": true, "real": true, "clear": true, "wrong": true,
	"right": true, "absurd": true, "crazy": true, "insane": true, "rather": true, "very": true}

var labelLead = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true,
	"his": true, "her": true, "our": true, "of": true, "from": true, "in": true, "into": true,
	"for": true, "with": true, "so-called": true}

// isLabel reports whether a short quotation is a term the author borrows or
// flags inside a noun phrase ("sent in the form of “liaison cells”",
// "would deploy military “training teams”") rather than words a speaker said.
// lt is the text in lower case. The words before the quotation, which rule
// out most quotations, are read before its fields are counted.
func (d *doc) isLabel(nt []ntok, pos int, lt string) bool {
	return d.labelPlace(nt, pos) && d.labelWords(lt)
}

// labelWords reports whether the quoted text lt, in lower case, has the
// words of a label: one to four, none of them a pronoun, an auxiliary, a
// negation, an adverb or an evaluative adjective.
func (d *doc) labelWords(lt string) bool {
	if nf := fieldCount(lt, 5); nf == 0 || nf > 4 {
		return false
	}
	for i := 0; ; {
		st, en := nextField(lt, i)
		if st < 0 {
			break
		}
		i = en
		w := trimMarks(lt[st:en])
		if f, _ := d.vocab.lookup(w); f&(fPronoun|fAuxiliary|fCommonAdj) != 0 || w == "no" || w == "not" || isAdverb(w) {
			return false
		}
		if hasAdjectiveSuffix(w) {
			return false
		}
	}
	return true
}

// hasAdjectiveSuffix reports whether w ends with one of the suffixes of
// evaluative words ("-ous", "-ive", "-al", "-ful", "-less", "-ic",
// "-able", "-ible", "-ent", "-ant", "-ary", "-ish"), which make a short
// quotation a judgement someone voiced rather than a label the author
// borrowed, with more than three bytes before it. A switch on the last
// byte asks at most three of them, not all twelve.
func hasAdjectiveSuffix(w string) bool {
	n := len(w)
	if n < 6 {
		return false // the shortest suffixes have two bytes
	}
	switch w[n-1] {
	case 's':
		return n > 6 && w[n-3:] == "ous" || n > 7 && w[n-4:] == "less"
	case 'e':
		return n > 6 && w[n-3:] == "ive" || n > 7 && (w[n-4:] == "able" || w[n-4:] == "ible")
	case 'l':
		return w[n-2:] == "al" || n > 6 && w[n-3:] == "ful"
	case 'c':
		return w[n-2:] == "ic"
	case 't':
		return n > 6 && (w[n-3:] == "ent" || w[n-3:] == "ant")
	case 'y':
		return n > 6 && w[n-3:] == "ary"
	case 'h':
		return n > 6 && w[n-3:] == "ish"
	}
	return false
}

// labelPlace reports whether the quotation at nt[pos] stands where a label
// does: after a word in lower case that leads a noun phrase or could be a
// modifier, not after a cue, a naming verb nearby, an adverb or an
// auxiliary.
func (d *doc) labelPlace(nt []ntok, pos int) bool {
	if pos == 0 {
		return false
	}
	prev := &nt[pos-1]
	if prev.q >= 0 {
		return false
	}
	// A naming verb just before the quotation makes it speech:
	// "called the report “disinformation”".
	for k := pos - 1; k >= 0 && k >= pos-4; k-- {
		if nt[k].is(fCueNaming) {
			return false
		}
	}
	if prev.is(fLabelLead) {
		return true
	}
	if !prev.is(cWord) || prev.is(cCapital) {
		return false
	}
	if prev.is(fCue) {
		return false
	}
	if prev.is(fAdverb) || isAdverb(d.lw(prev)) || prev.is(fAuxiliary) || prev.isWord(idAs) || prev.isWord(idThat) || d.lw(prev) == "only" {
		return false
	}
	return true
}

// trimMarks returns w without the punctuation marks and quotation marks
// that may cling to a word at either end: strings.Trim(w,
// ".,;:!?\u2019'\"") with the set tested byte by byte.
func trimMarks(w string) string {
	for len(w) > 0 {
		if isClingMark(w[0]) {
			w = w[1:]
		} else if strings.HasPrefix(w, "\u2019") {
			w = w[len("\u2019"):]
		} else {
			break
		}
	}
	for len(w) > 0 {
		if isClingMark(w[len(w)-1]) {
			w = w[:len(w)-1]
		} else if strings.HasSuffix(w, "\u2019") {
			w = w[:len(w)-len("\u2019")]
		} else {
			break
		}
	}
	return w
}

// isClingMark reports whether c is one of the ASCII marks trimMarks drops.
func isClingMark(c byte) bool {
	switch c {
	case '.', ',', ';', ':', '!', '?', '\'', '"':
		return true
	}
	return false
}

// trimPunct returns strings.Trim(w, ".,;:") without building its set.
func trimPunct(w string) string {
	for len(w) > 0 && isPunctMark(w[0]) {
		w = w[1:]
	}
	for len(w) > 0 && isPunctMark(w[len(w)-1]) {
		w = w[:len(w)-1]
	}
	return w
}

// isPunctMark reports whether c is one of ".,;:".
func isPunctMark(c byte) bool {
	return c == '.' || c == ',' || c == ';' || c == ':'
}
