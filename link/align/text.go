package align

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// normText lower-cases s, straightens quotes and dashes and keeps only words,
// so that typographic variants of one quotation compare equal.
func normText(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch r {
		case '\u2019', '\u2018', '\u2032', '\'', '"', '\u201c', '\u201d', '\u201e', '`':
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		space = true
	}
	return b.String()
}

// wordCount counts the words of s.
func wordCount(s string) int {
	return len(strings.Fields(normText(s)))
}

// splitSentences cuts a quotation into its sentences: after . ! or ? that is
// followed by a space and an upper-case letter or an opening mark.
func splitSentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == '"' || s[j] == '\'') {
			j++
		}
		if j >= len(s) || (s[j] != ' ' && s[j] != '\n') {
			continue
		}
		k := j
		for k < len(s) && (s[k] == ' ' || s[k] == '\n') {
			k++
		}
		if k >= len(s) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[k:])
		if !unicode.IsUpper(r) && r != '"' && r != '\u201c' && r != '\u2018' {
			continue
		}
		if isAbbrevBefore(s, i) {
			continue
		}
		out = append(out, strings.TrimSpace(s[start:j]))
		start = k
		i = k - 1
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// isAbbrevBefore reports whether the full stop at i ends a short abbreviation
// such as "Mr." or "U.S.".
func isAbbrevBefore(s string, i int) bool {
	if s[i] != '.' {
		return false
	}
	j := i
	for j > 0 && s[j-1] != ' ' && s[j-1] != '\n' {
		j--
	}
	w := strings.ToLower(s[j:i])
	switch w {
	case "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "st", "lt", "col", "gov", "prof", "jr", "sr", "vs":
		return true
	}
	return strings.Contains(w, ".") || (len(w) == 1 && unicode.IsLetter(rune(w[0])))
}

// sentenceBounds returns the start of the sentence holding pos (scanning back
// over at most limit bytes) and the end of the sentence holding end.
func sentenceBounds(body string, pos, end, limit int) (int, int) {
	lo := pos
	for lo > 0 && pos-lo < limit {
		c := body[lo-1]
		if c == '\n' {
			break
		}
		if (c == ' ') && lo >= 2 && strings.IndexByte(".!?", body[lo-2]) >= 0 && lo < pos {
			break
		}
		lo--
	}
	hi := end
	for hi < len(body) && hi-end < limit {
		c := body[hi]
		if c == '\n' {
			break
		}
		hi++
		if strings.IndexByte(".!?", c) >= 0 && (hi == len(body) || body[hi] == ' ' || body[hi] == '\n') && hi > end+1 {
			break
		}
	}
	return lo, hi
}

// spanOK reports whether [start, end) is a usable span of body.
func spanOK(body string, start, end int) bool {
	return start >= 0 && end > start && end <= len(body)
}

// maskSpans returns body[lo:hi] with the given spans blanked out.
func maskSpans(body string, lo, hi int, spans [][2]int) string {
	b := []byte(body[lo:hi])
	for _, sp := range spans {
		s, e := sp[0], sp[1]
		if e <= lo || s >= hi {
			continue
		}
		s, e = max(s, lo), min(e, hi)
		for k := s; k < e; k++ {
			b[k-lo] = ' '
		}
	}
	return string(b)
}

// trimLabel turns a text into a short cluster label.
func trimLabel(s string, maxWords int) string {
	s = strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != ']' && r != ')'
	})
	f := strings.Fields(s)
	if len(f) > maxWords {
		return strings.Join(f[:maxWords], " ") + " …"
	}
	return strings.Join(f, " ")
}

// tokenSet interns tokens and returns the sorted set of their ids.
type interner map[string]int32

// tokenSets gives the interned token set of a text, once per distinct text:
// the articles of one story repeat many sentences word for word (wire copy,
// reprints), and the lexicon's tokenizing is the costliest part of aligning.
// The sets it returns are shared and must not be modified.
type tokenSets struct {
	lex  *Lexicon
	in   interner
	memo map[string][]int32
}

func newTokenSets(lex *Lexicon) *tokenSets {
	return &tokenSets{lex: lex, in: interner{}, memo: map[string][]int32{}}
}

// of returns the sorted, interned token set of text.
func (ts *tokenSets) of(text string) []int32 {
	if set, ok := ts.memo[text]; ok {
		return set
	}
	set := ts.in.set(ts.lex.Tokens(text))
	ts.memo[text] = set
	return set
}

func (in interner) set(toks []string) []int32 {
	out := make([]int32, 0, len(toks))
	for _, t := range toks {
		id, ok := in[t]
		if !ok {
			id = int32(len(in))
			in[t] = id
		}
		out = append(out, id)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	k := 0
	for i, v := range out {
		if i == 0 || v != out[k-1] {
			out[k] = v
			k++
		}
	}
	return out[:k]
}

// coverCount counts the elements of a found in b or c (all sorted sets).
func coverCount(a, b, c []int32) int {
	n := 0
	for _, x := range a {
		if contains(b, x) || contains(c, x) {
			n++
		}
	}
	return n
}

func contains(s []int32, x int32) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i] >= x })
	return i < len(s) && s[i] == x
}

// unionFind is a disjoint-set forest over 0..n-1.
type unionFind []int32

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = int32(i)
	}
	return u
}

func (u unionFind) find(x int32) int32 {
	for u[x] != x {
		u[x] = u[u[x]]
		x = u[x]
	}
	return x
}

func (u unionFind) union(a, b int32) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if ra < rb {
		u[rb] = ra
	} else {
		u[ra] = rb
	}
}
