package story

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is the class of a feature; each class has its own weight.
type kind uint8

const (
	kindWord   kind = iota // lower-cased, lightly stemmed content word
	kindName               // name-like token: a capitalised word or sequence
	kindNumber             // a number, alone or with the word it counts
)

// feature is one extracted token before weighting.
type feature struct {
	key  string // "w:flood", "e:tara reid", "n:6.1", "n:5 people"
	kind kind
	form string // surface form for labels
}

// token is one word of a text with its position facts.
type token struct {
	text       string // as written
	lower      string
	startsSent bool // first word of a sentence, line or title
	capital    bool // starts with an upper-case letter
	number     bool // starts with a digit
}

// tokenize splits text into word tokens (letters, digits and inner
// apostrophes, periods, commas and hyphens between digits or letters) and
// marks sentence starts.
func tokenize(text string, out []token) []token {
	start := true
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			switch r {
			case '.', '!', '?', '\n', ':', ';', '"', '\u201c', '\u201d', '(', ')', '[', ']', '|', '\u2014', '\u2013':
				start = true
			}
			i += w
			continue
		}
		j := i + w
		for j < len(text) {
			r2, w2 := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r2) {
				j += w2
				continue
			}
			// inner punctuation: 6.1, 1,200, don't, well-known
			if (r2 == '.' || r2 == ',' || r2 == '\'' || r2 == '\u2019' || r2 == '-') && j+w2 < len(text) {
				prev, _ := utf8.DecodeLastRuneInString(text[:j])
				next, _ := utf8.DecodeRuneInString(text[j+w2:])
				digits := unicode.IsDigit(prev) && unicode.IsDigit(next)
				letters := unicode.IsLetter(prev) && unicode.IsLetter(next) && r2 != '.' && r2 != ','
				if digits || letters {
					j += w2
					continue
				}
			}
			break
		}
		word := text[i:j]
		first, _ := utf8.DecodeRuneInString(word)
		out = append(out, token{
			text:       word,
			lower:      strings.ToLower(word),
			startsSent: start,
			capital:    unicode.IsUpper(first),
			number:     unicode.IsDigit(first),
		})
		start = false
		i = j
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// extract returns the features of a document: content words of title and
// body, name-like tokens and numbers. A capitalised word counts as
// name-like when it appears capitalised somewhere other than at a sentence
// start in the body (so headline capitals and sentence-initial words are
// names only if the text confirms them). When entities is not empty it
// replaces the derived names.
func extract(title, body string, entities []string, titleBoost int) []feature {
	var x extractor
	return x.extract(title, body, entities, titleBoost)
}

// extractor holds the buffers of extract for reuse across documents.
type extractor struct {
	bt, tt []token
	names  map[string]bool
	out    []feature
}

// extract is extract with x's buffers; the result is valid until the next
// call.
func (x *extractor) extract(title, body string, entities []string, titleBoost int) []feature {
	x.bt = tokenize(body, x.bt[:0])
	x.tt = tokenize(title, x.tt[:0])
	bt, tt := x.bt, x.tt
	if x.names == nil {
		x.names = map[string]bool{}
	}
	clear(x.names)
	names := x.names
	for _, t := range bt {
		if t.capital && !t.startsSent && !stopword(t.lower) {
			names[t.lower] = true
		}
	}
	out := x.out[:0]
	for range titleBoost {
		out = appendFeatures(out, tt, names, entities == nil)
	}
	out = appendFeatures(out, bt, names, len(entities) == 0)
	for _, e := range entities {
		e = strings.Join(strings.Fields(strings.ToLower(e)), " ")
		if e == "" {
			continue
		}
		out = append(out, feature{"e:" + e, kindName, e})
		if parts := strings.Fields(e); len(parts) > 1 {
			for _, p := range parts {
				if !stopword(p) {
					out = append(out, feature{"e:" + p, kindName, p})
				}
			}
		}
	}
	x.out = out
	return out
}

// appendFeatures appends the features of one token sequence.
func appendFeatures(out []feature, ts []token, names map[string]bool, deriveNames bool) []feature {
	isName := func(t token) bool {
		return t.capital && names[t.lower] && !stopword(t.lower)
	}
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		switch {
		case t.number:
			num := strings.ReplaceAll(t.lower, ",", "")
			out = append(out, feature{"n:" + num, kindNumber, t.text})
			if i+1 < len(ts) && !ts[i+1].number && !stopword(ts[i+1].lower) && !ts[i+1].startsSent {
				n := stem(ts[i+1].lower)
				out = append(out, feature{"n:" + num + " " + n, kindNumber, t.text + " " + ts[i+1].text})
			}
			continue
		case deriveNames && isName(t):
			j := i + 1
			for j < len(ts) && isName(ts[j]) && !ts[j].startsSent {
				j++
			}
			if j-i > 1 {
				parts := make([]string, 0, j-i)
				forms := make([]string, 0, j-i)
				for _, u := range ts[i:j] {
					parts = append(parts, u.lower)
					forms = append(forms, u.text)
				}
				out = append(out, feature{"e:" + strings.Join(parts, " "), kindName, strings.Join(forms, " ")})
			}
			for _, u := range ts[i:j] {
				out = append(out, feature{"e:" + u.lower, kindName, u.text})
			}
			i = j - 1
			continue
		}
		if len(t.lower) < 3 || stopword(t.lower) {
			continue
		}
		out = append(out, feature{"w:" + stem(t.lower), kindWord, t.lower})
	}
	return out
}

// stem strips a few English inflections so that "quakes"/"quake" and
// "killed"/"kill" meet. It is deliberately light: over-stemming merges
// distinctive terms.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 5 && strings.HasSuffix(w, "ing"):
		return w[:n-3]
	case n > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed"):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

// stopword reports whether a lower-cased word is a function word or one of
// the very common reporting words and calendar names that never identify an
// event on their own.
func stopword(w string) bool {
	_, ok := stopwords[w]
	return ok
}

var stopwords = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself
no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that
the their theirs them themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves said says say told
according one two three four five six seven eight nine ten mr mrs ms dr new year years day days week weeks month
months time times people last first may might must shall us yet still since per via said year's
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight
january february march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
ap reuters afp cnn bbc photo video image copyright updated published posted read share email print comments click`) {
		m[w] = struct{}{}
	}
	return m
}()
