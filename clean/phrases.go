package clean

import (
	"bufio"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// phraseSet is one section of a furniture list.
type phraseSet struct {
	exact  map[string]bool // key(line) equal to a phrase
	prefix []string        // key(line) starting with one of these, then a word boundary
	res    []*regexp.Regexp
}

// Parse returns a Cleaner for a furniture list in the format of the embedded
// furniture.txt: "[heading]" and "[line]" section markers, one phrase,
// "phrase*" or "/regexp/" per line, '#' comments.
func Parse(list string) (*Cleaner, error) {
	c := &Cleaner{}
	var set *phraseSet
	sc := bufio.NewScanner(strings.NewReader(list))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case line == "[heading]":
			set = &c.headings
			continue
		case line == "[line]":
			set = &c.lines
			continue
		case set == nil:
			return nil, fmt.Errorf("furniture list line %d: %q before any [heading] or [line] section", n, line)
		}
		if err := set.add(line); err != nil {
			return nil, fmt.Errorf("furniture list line %d: %w", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("furniture list: %w", err)
	}
	return c, nil
}

func (s *phraseSet) add(entry string) error {
	if len(entry) >= 2 && strings.HasPrefix(entry, "/") && strings.HasSuffix(entry, "/") {
		re, err := regexp.Compile(entry[1 : len(entry)-1])
		if err != nil {
			return fmt.Errorf("bad regexp %s: %w", entry, err)
		}
		s.res = append(s.res, re)
		return nil
	}
	prefix := strings.HasSuffix(entry, "*")
	k := key(strings.TrimSuffix(entry, "*"))
	if k == "" {
		return fmt.Errorf("phrase %q has no letters", entry)
	}
	if s.exact == nil {
		s.exact = make(map[string]bool)
	}
	s.exact[k] = true
	if prefix {
		s.prefix = append(s.prefix, k)
	}
	return nil
}

// match reports whether line l is furniture of this set. With long set,
// prefix entries may match longer link-like lines and regexps apply;
// otherwise only exact phrases match.
func (s *phraseSet) match(l string, long bool) bool {
	// Furniture is short: a line of many words is prose (checked without
	// allocating, since every paragraph passes through here).
	if len(l) > 4*maxFurnitureRunes || strings.Count(l, " ") >= maxPatternWords {
		return false
	}
	if utf8.RuneCountInString(l) > maxFurnitureRunes || len(strings.Fields(l)) > maxFurnitureWords {
		return false
	}
	k := key(l)
	if k == "" {
		return false
	}
	if s.exact[k] {
		return true
	}
	if !long {
		return false
	}
	if linkLike(l) {
		for _, p := range s.prefix {
			if strings.HasPrefix(k, p) {
				r, _ := utf8.DecodeRuneInString(k[len(p):])
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					return true
				}
			}
		}
	}
	low := strings.Join(strings.Fields(strings.ToLower(l)), " ")
	for _, re := range s.res {
		if re.MatchString(low) {
			return true
		}
	}
	return false
}

// key is the form in which a line is compared with phrases: lower-case,
// typographic apostrophes made plain, spaces folded, leading bullets and
// trailing punctuation, symbols and counts removed ("» Comments (3):" gives
// "comments").
func key(l string) string {
	l = strings.ToLower(strings.ReplaceAll(l, "’", "'"))
	l = strings.Join(strings.Fields(l), " ")
	l = strings.TrimLeftFunc(l, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return strings.TrimRightFunc(l, func(r rune) bool { return !unicode.IsLetter(r) })
}
