package number

import (
	"bufio"
	"embed"
	"fmt"
	"strconv"
	"strings"
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
	qualifiers  map[string]bool
	qualEnds    map[string]bool // the last word of every qualifier phrase
	maxQual     int             // most words in a qualifier phrase
	signs       map[rune]bool
	codes       map[string]bool // upper case
	currencies  map[string]bool
	units       map[string]unitKind
	labels      map[string]bool
	months      map[string]bool // as written, capitalised
	yearCtx     map[string]bool
	ages        map[string]bool
	groups      map[string]bool
	stop        map[string]bool
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
		qualifiers: map[string]bool{},
		qualEnds:   map[string]bool{},
		signs:      map[rune]bool{},
		codes:      map[string]bool{},
		currencies: map[string]bool{},
		units:      map[string]unitKind{},
		labels:     map[string]bool{},
		months:     map[string]bool{},
		yearCtx:    map[string]bool{},
		ages:       map[string]bool{},
		groups:     map[string]bool{},
		stop:       map[string]bool{},
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
		return nil
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
	}
	lx.startShapes = lx.wordShapes
	for _, w := range []string{"a", "an"} {
		p, _ := shape(w)
		lx.startShapes[p] |= 1 << len(w)
	}
	err = lines("qualifiers.txt", func(f []string) error {
		lx.qualifiers[strings.Join(f, " ")] = true
		lx.qualEnds[f[len(f)-1]] = true
		lx.maxQual = max(lx.maxQual, len(f))
		return nil
	})
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
			lx.signs[r[0]] = true
		case "code":
			lx.codes[f[1]] = true
		case "word":
			lx.currencies[f[1]] = true
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
			lx.units[f[1]] = unitDistance
		case "skip":
			lx.units[f[1]] = unitSkip
		case "time":
			lx.units[f[1]] = unitTime
		default:
			return fmt.Errorf("unknown kind %q", f[0])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = lines("context.txt", func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want kind and word, got %q", f)
		}
		m := map[string]map[string]bool{"label": lx.labels, "month": lx.months, "year": lx.yearCtx, "age": lx.ages, "group": lx.groups}[f[0]]
		if m == nil {
			return fmt.Errorf("unknown kind %q", f[0])
		}
		m[f[1]] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = lines("stopwords.txt", func(f []string) error {
		for _, w := range f {
			lx.stop[w] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return lx, nil
}
