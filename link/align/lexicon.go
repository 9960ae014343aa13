package align

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed synonyms.txt
var synonymsData string

// Lexicon turns free text into comparable content tokens: lower-cased,
// lightly stemmed, mapped onto synonym groups, with negation kept on the
// word it governs ("couldn't rule out" → "!exclude").
type Lexicon struct {
	words      map[string]string   // stem → group name
	phrases    map[string][]phrase // first stem → multi-word phrases starting with it
	maxLen     int
	stop       map[string]bool // function words, never tokens
	negators   map[string]bool // negate the next content word
	preventers map[string]bool // negate the word after a following "from"
}

type phrase struct {
	stems []string
	group string
}

// NewLexicon parses the embedded synonym list.
func NewLexicon() (*Lexicon, error) {
	lex, err := ParseLexicon(strings.NewReader(synonymsData))
	if err != nil {
		return nil, fmt.Errorf("align: embedded synonyms.txt: %w", err)
	}
	return lex, nil
}

// MustLexicon is NewLexicon for callers that treat a broken embedded list
// as a programming error.
func MustLexicon() *Lexicon {
	lex, err := NewLexicon()
	if err != nil {
		panic(err)
	}
	return lex
}

// ParseLexicon reads synonym groups, one per line, members separated by "|";
// the first member names the group. A member that appears in two groups is an
// error, so that the mapping stays a function.
func ParseLexicon(r io.Reader) (*Lexicon, error) {
	lex := &Lexicon{
		words:      map[string]string{},
		phrases:    map[string][]phrase{},
		stop:       wordSet(stopwordList),
		negators:   wordSet(negatorList),
		preventers: wordSet(preventerList),
	}
	seen := map[string]int{}
	var errs []error
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		members := strings.Split(text, "|")
		group := strings.Join(stemWords(members[0]), "_")
		if group == "" {
			return nil, fmt.Errorf("line %d: empty group name", line)
		}
		for _, m := range members {
			stems := stemWords(m)
			if len(stems) == 0 {
				continue
			}
			key := strings.Join(stems, " ")
			if prev, dup := seen[key]; dup {
				if lexGroupOf(lex, stems) == group {
					continue // the same form listed twice in one group
				}
				errs = append(errs, fmt.Errorf("line %d: %q already in the group of line %d", line, strings.TrimSpace(m), prev))
				continue
			}
			seen[key] = line
			if len(stems) == 1 {
				lex.words[stems[0]] = group
				continue
			}
			lex.phrases[stems[0]] = append(lex.phrases[stems[0]], phrase{stems: stems, group: group})
			if len(stems) > lex.maxLen {
				lex.maxLen = len(stems)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading synonyms: %w", err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return lex, nil
}

func lexGroupOf(lex *Lexicon, stems []string) string {
	if len(stems) == 1 {
		return lex.words[stems[0]]
	}
	for _, p := range lex.phrases[stems[0]] {
		if strings.Join(p.stems, " ") == strings.Join(stems, " ") {
			return p.group
		}
	}
	return ""
}

// Groups reports how many distinct synonym groups the lexicon holds.
func (l *Lexicon) Groups() int {
	g := map[string]bool{}
	for _, v := range l.words {
		g[v] = true
	}
	for _, ps := range l.phrases {
		for _, p := range ps {
			g[p.group] = true
		}
	}
	return len(g)
}

// word is one lexical item of a text: its lower-cased form and stem, or a
// clause break.
type word struct {
	lower string
	stem  string
	brk   bool // clause punctuation: , ; : ( ) and dashes
}

// Tokens returns the content tokens of s in text order: synonym group names
// or stems, with "!" in front of a token governed by a negation.
func (l *Lexicon) Tokens(s string) []string {
	ws := splitWords(s)
	var out []string
	neg, negFrom := false, false
	for i := 0; i < len(ws); {
		w := ws[i]
		if w.brk {
			neg, negFrom = false, false
			i++
			continue
		}
		if w.lower == "no" && i+1 < len(ws) && (ws[i+1].lower == "longer" || ws[i+1].lower == "more") {
			neg = true
			i += 2
			continue
		}
		if l.negators[w.lower] {
			neg = true
			i++
			continue
		}
		if l.preventers[w.stem] {
			negFrom = true
			if w.stem == "prevent" {
				i++
				continue
			}
		}
		if negFrom && w.lower == "from" {
			neg, negFrom = true, false
			i++
			continue
		}
		tok, n := l.match(ws, i)
		i += n
		if tok == "" {
			continue
		}
		if neg {
			tok = "!" + tok
			neg = false
		}
		out = append(out, tok)
	}
	return out
}

// match maps the longest phrase or single word at ws[i] onto a token; an empty
// token means a stopword.
func (l *Lexicon) match(ws []word, i int) (string, int) {
	for _, p := range l.phrases[ws[i].stem] {
		if i+len(p.stems) > len(ws) {
			continue
		}
		ok := true
		for k, s := range p.stems {
			if ws[i+k].brk || ws[i+k].stem != s {
				ok = false
				break
			}
		}
		if ok {
			return p.group, len(p.stems)
		}
	}
	w := ws[i]
	if l.stop[w.lower] {
		return "", 1
	}
	if g, ok := l.words[w.stem]; ok {
		return g, 1
	}
	if g, ok := l.words[w.lower]; ok {
		return g, 1
	}
	return w.stem, 1
}

// splitWords lower-cases s, normalises quotes and dashes, expands "n't" into
// "not" and drops other clitics.
func splitWords(s string) []word {
	ws := make([]word, 0, len(s)/6+1)
	// buf holds the word being read: the lower case of s[from:i], which is
	// contiguous in s, as every character that is not kept ends the word.
	buf := make([]byte, 0, 32)
	from := 0
	digits := true // buf holds only digits, commas and periods
	// flush appends the word in buf, cut to n bytes, and starts a new one.
	flush := func(n int) {
		b := buf[:n]
		buf = buf[:0]
		digits = true
		if len(b) == 0 {
			return
		}
		// The word as it stands in s when lower-casing and normalising left
		// it alone, as they do for most words: no copy.
		var t string
		if from+len(b) <= len(s) && s[from:from+len(b)] == string(b) {
			t = s[from : from+len(b)]
		} else {
			t = string(b)
		}
		ws = appendWord(ws, strings.Trim(t, "'"))
	}
	i := 0
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch r {
		case '\u2019', '\u2018', '\u2032', '`':
			r = '\''
		case '\u00a0':
			r = ' '
		case '\u2011', '\u2010':
			r = '-'
		}
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			if len(buf) == 0 {
				from = i
			}
			buf = append(buf, byte(r))
			digits = digits && r <= '9'
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			if len(buf) == 0 {
				from = i
			}
			buf = append(buf, byte(r)+'a'-'A')
			digits = false
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if len(buf) == 0 {
				from = i
			}
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
			digits = digits && unicode.IsDigit(r)
		case r == '\'' && len(buf) > 0:
			buf = append(buf, '\'')
			digits = false
		case (r == ',' || r == '.') && len(buf) > 0 && digits:
			// keep "4,000" and "2.5" together; a trailing mark is trimmed below
			buf = append(buf, byte(r))
		default:
			if n := len(buf); n > 0 && (buf[n-1] == ',' || buf[n-1] == '.') {
				flush(len(bytes.TrimRight(buf, ",.")))
				ws = append(ws, word{brk: true})
				if !unicode.IsSpace(r) && isBreak(r) {
					ws = append(ws, word{brk: true})
				}
				break
			}
			flush(len(buf))
			if isBreak(r) {
				ws = append(ws, word{brk: true})
			}
		}
		i += size
	}
	flush(len(bytes.TrimRight(buf, ",.")))
	return ws
}

// appendWord appends the word t, read by splitWords, to ws: "n't" becomes
// "not", other clitics ("'s", "'ve", …) are dropped.
func appendWord(ws []word, t string) []word {
	switch {
	case t == "":
		return ws
	case t == "cannot", t == "can't":
		return append(ws, mkWord("can"), mkWord("not"))
	case t == "won't":
		return append(ws, mkWord("will"), mkWord("not"))
	case strings.HasSuffix(t, "n't"):
		return append(ws, mkWord(strings.TrimSuffix(t, "n't")), mkWord("not"))
	}
	if k := strings.IndexByte(t, '\''); k > 0 {
		switch t[k:] {
		case "'s", "'ve", "'re", "'ll", "'d", "'m":
			t = t[:k]
		}
	}
	return append(ws, mkWord(t))
}

func isDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) && r != ',' && r != '.' {
			return false
		}
	}
	return s != ""
}

func isBreak(r rune) bool {
	switch r {
	case ',', ';', ':', '.', '!', '?', '(', ')', '\u2013', '\u2014', '"', '\u201c', '\u201d':
		return true
	}
	return false
}

func mkWord(t string) word {
	t = strings.ReplaceAll(t, ",", "")
	return word{lower: t, stem: stem(t)}
}

func stemWords(s string) []string {
	var out []string
	for _, w := range splitWords(s) {
		if !w.brk {
			out = append(out, w.stem)
		}
	}
	return out
}

// stem strips the regular English inflections -s, -es, -ies, -ed, -ied, -ing
// and a final -e, so that "excluded", "excludes" and "exclude" meet.
func stem(w string) string {
	if len(w) <= 3 || keepsEnding(w) || !isASCIILetters(w) {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") || strings.HasSuffix(w, "ied"):
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zes"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
	case strings.HasSuffix(w, "s"):
		w = w[:len(w)-1]
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		w = undouble(w[:len(w)-3])
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		w = undouble(w[:len(w)-2])
	}
	if len(w) > 3 && strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") {
		w = w[:len(w)-1]
	}
	return w
}

func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeioulsz", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

func isASCIILetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// keepsEnding lists words whose ending only looks like an inflection.
func keepsEnding(w string) bool {
	switch w {
	case "news", "this", "was", "has", "does", "always", "perhaps", "series", "species", "across",
		"thus", "unless", "less", "yes", "physics", "politics", "ongoing", "during", "nothing",
		"anything", "everything", "something", "thing", "king", "morning", "evening", "bring",
		"spring", "string", "being", "united", "red", "need", "speed", "seed", "feed", "bed":
		return true
	}
	return false
}

// negatorList negates the next content word.
const negatorList = `not no never nothing none nobody neither nor without nowhere noone`

// preventerList negates the verb after a following "from" ("prevent Russia
// from winning" ≈ "Russia cannot win").
const preventerList = `prevent stop keep bar deter discourage`

const stopwordList = `a an the and or but if then than so as of in on at by for from to into onto
	with within about above below over under between through during before after again further once
	here there when where why how all any both each few more most other some such own same
	only very too just also even still yet ever already
	i me my myself we us our ours ourselves you your yours yourself yourselves he him his himself she her hers
	herself it its itself they them their theirs themselves what which who whom whose this that these those
	am is are was were be been being have has had having do does did doing done
	will would shall should can could may might must ought going gonna let
	everyone everybody everything anyone anybody anything someone somebody something one ones
	said say says saying told tell tells according
	up down out off upon via per whether while because although though unless until
	really quite rather much many lot lots well now`

func wordSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}
