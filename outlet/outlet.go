// Package outlet holds the embedded table of news outlets and agencies, and
// finds them in text.
//
// The table (outlets.tsv) lists one outlet a line with its canonical name,
// type, country and aliases. Load parses it into a Table; Canonical maps any
// spelling of an outlet to its canonical name, and Find reports every mention
// of an outlet in a text in one pass over it.
package outlet

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/hearsaylab/hearsay/internal/wordscan"
)

//go:embed outlets.tsv
var outletsTSV string

// Types are the values of Entry.Type.
var types = map[string]bool{
	"newspaper": true, "agency": true, "broadcaster": true,
	"magazine": true, "online": true, "platform": true,
}

// Entry is one outlet of the table.
type Entry struct {
	Name    string   // canonical name, e.g. "The New York Times"
	Type    string   // newspaper, agency, broadcaster, magazine, online or platform
	Country string   // ISO 3166-1 alpha-2 code
	Aliases []string // other spellings, without the file's markers
}

// Mention is one occurrence of an outlet in a text: the half-open byte range
// [Start, End), the outlet's canonical name and the text as written.
type Mention struct {
	Start, End int
	Canonical  string
	Text       string
}

// alias is one searchable or mappable spelling of an outlet.
type alias struct {
	entry      int            // index into Table.entries
	text       string         // the spelling without markers and brackets
	toks       []string       // tokens; punctuation normalised by normPunct
	keys       []wordscan.Key // of toks
	fold       bool           // case-insensitive in running text
	canonFold  bool           // case-insensitive in Canonical
	find       bool           // searched by Find
	needThe    bool           // must follow "the"/"The"
	needCapThe bool           // must follow "The"
	bare       bool           // rejected next to a capitalised word
	spanFrom   int            // first token of the mention
	spanTo     int            // one past the last token of the mention
}

// Table is the parsed outlet table. It is read-only after Load and safe for
// concurrent use.
type Table struct {
	entries []Entry
	byName  map[string]int
	exact   map[string]int            // normalised spelling -> entry
	folded  map[string]int            // lower-cased normalised spelling -> entry
	first   map[string][]*alias       // lower-cased first token -> aliases, longest first
	firstT  *wordscan.Table[[]*alias] // first, for Find
	gate    *wordscan.Gate            // rules out most words before firstT
	aliases []*alias
}

// Load parses the embedded outlet table.
func Load() (*Table, error) {
	return parse(outletsTSV)
}

func parse(data string) (*Table, error) {
	t := &Table{
		byName: map[string]int{},
		exact:  map[string]int{},
		folded: map[string]int{},
		first:  map[string][]*alias{},
		gate:   &wordscan.Gate{},
	}
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := t.addLine(line); err != nil {
			return nil, fmt.Errorf("outlet: outlets.tsv line %d: %w", n+1, err)
		}
	}
	for _, as := range t.first {
		sort.SliceStable(as, func(i, j int) bool { return len(as[i].toks) > len(as[j].toks) })
	}
	t.firstT = wordscan.NewTable(t.first)
	return t, nil
}

func (t *Table) addLine(line string) error {
	f := strings.Split(line, "\t")
	if len(f) < 3 || len(f) > 4 {
		return fmt.Errorf("want 3 or 4 tab-separated fields, got %d", len(f))
	}
	e := Entry{Name: strings.TrimSpace(f[0]), Type: strings.TrimSpace(f[1]), Country: strings.TrimSpace(f[2])}
	if e.Name == "" {
		return fmt.Errorf("empty canonical name")
	}
	if !types[e.Type] {
		return fmt.Errorf("%s: unknown type %q", e.Name, e.Type)
	}
	if len(e.Country) != 2 || strings.ToUpper(e.Country) != e.Country {
		return fmt.Errorf("%s: bad country code %q", e.Name, e.Country)
	}
	if _, dup := t.byName[e.Name]; dup {
		return fmt.Errorf("%s: listed twice", e.Name)
	}
	idx := len(t.entries)
	var raw []string
	if len(f) == 4 && strings.TrimSpace(f[3]) != "" {
		raw = strings.Split(f[3], "|")
	}
	var parsed []*alias
	seen := map[string]bool{}
	for _, r := range raw {
		a, err := parseAlias(strings.TrimSpace(r))
		if err != nil {
			return fmt.Errorf("%s: %w", e.Name, err)
		}
		a.entry = idx
		parsed = append(parsed, a)
		seen[strings.ToLower(normName(a.text))] = true
	}
	// The canonical name is an alias unless the list restates it with markers.
	if !seen[strings.ToLower(normName(e.Name))] {
		a, err := parseAlias(e.Name)
		if err != nil {
			return fmt.Errorf("%s: %w", e.Name, err)
		}
		a.entry = idx
		parsed = append([]*alias{a}, parsed...)
	}
	listed := map[string]bool{e.Name: true}
	for _, a := range parsed {
		if !listed[a.text] {
			listed[a.text] = true
			e.Aliases = append(e.Aliases, a.text)
		}
		if err := t.addAlias(a); err != nil {
			return fmt.Errorf("%s: %w", e.Name, err)
		}
	}
	t.entries = append(t.entries, e)
	t.byName[e.Name] = idx
	return nil
}

// parseAlias reads the markers, brackets and tokens of one alias.
func parseAlias(s string) (*alias, error) {
	a := &alias{fold: true, canonFold: true, find: true}
	caseSensitive := false
markers:
	for len(s) > 0 {
		switch s[0] {
		case '=':
			caseSensitive = true
		case '!':
			a.find = false
		case '*':
			a.needThe = true
		case '^':
			a.needThe, a.needCapThe = true, true
		case '~':
			a.bare = true
		default:
			break markers
		}
		s = s[1:]
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, fmt.Errorf("empty alias")
	}
	// Drop a leading "The": it is optional everywhere, required with * and ^.
	body := s
	if len(body) > 4 && strings.EqualFold(body[:4], "the ") {
		body = strings.TrimSpace(body[4:])
	}
	a.spanFrom, a.spanTo = -1, -1
	for pos := 0; ; {
		st, en, _, _ := wordscan.Next(body, pos)
		if st < 0 {
			break
		}
		tok := body[st:en]
		switch tok {
		case "[":
			a.spanFrom = len(a.toks)
		case "]":
			a.spanTo = len(a.toks)
		default:
			a.toks = append(a.toks, wordscan.NormPunct(tok))
			a.keys = append(a.keys, wordscan.KeyOf(a.toks[len(a.toks)-1]))
		}
		pos = en
	}
	if len(a.toks) == 0 {
		return nil, fmt.Errorf("alias %q has no tokens", s)
	}
	if (a.spanFrom < 0) != (a.spanTo < 0) || a.spanFrom >= a.spanTo && a.spanFrom >= 0 {
		return nil, fmt.Errorf("alias %q: unbalanced brackets", s)
	}
	if a.spanFrom < 0 {
		a.spanFrom, a.spanTo = 0, len(a.toks)
	} else {
		a.needThe, a.needCapThe = false, false // context aliases carry their own context
	}
	a.text = strings.NewReplacer("[", "", "]", "").Replace(s)
	if a.spanTo-a.spanFrom < len(a.toks) {
		a.text = strings.Join(a.toks[a.spanFrom:a.spanTo], "")
	}
	short := countLetters(a.text) < 4
	a.fold = !short && !caseSensitive
	a.canonFold = !short && !(caseSensitive && !a.find)
	return a, nil
}

func (t *Table) addAlias(a *alias) error {
	t.aliases = append(t.aliases, a)
	if a.spanTo-a.spanFrom == len(a.toks) { // not a context alias
		key := normName(a.text)
		if old, ok := t.exact[key]; ok && old != a.entry {
			return fmt.Errorf("alias %q already belongs to %s", a.text, t.entries[old].Name)
		}
		t.exact[key] = a.entry
		if a.canonFold {
			lk := strings.ToLower(key)
			if old, ok := t.folded[lk]; ok && old != a.entry {
				return fmt.Errorf("alias %q already belongs to %s", a.text, t.entries[old].Name)
			}
			t.folded[lk] = a.entry
		}
	}
	if a.find {
		k := strings.ToLower(a.toks[0])
		t.first[k] = append(t.first[k], a)
		t.gate.Add(a.toks, a.keys)
	}
	return nil
}

// Canonical maps an outlet's name or alias to its canonical name. It ignores a
// leading "the", a possessive "'s" and surrounding punctuation and spaces, and
// compares case-insensitively except for spellings of fewer than four letters
// (FT, AP, RT, NYT …), which must match exactly.
func (t *Table) Canonical(name string) (string, bool) {
	key := normName(name)
	if key == "" {
		return "", false
	}
	if i, ok := t.exact[key]; ok {
		return t.entries[i].Name, true
	}
	if countLetters(key) >= 4 {
		if i, ok := t.folded[strings.ToLower(key)]; ok {
			return t.entries[i].Name, true
		}
	}
	return "", false
}

// Info returns the entry of a canonical name.
func (t *Table) Info(canonical string) (Entry, bool) {
	i, ok := t.byName[canonical]
	if !ok {
		return Entry{}, false
	}
	e := t.entries[i]
	e.Aliases = append([]string(nil), e.Aliases...)
	return e, true
}

// Type returns the type of the outlet with that canonical name ("" when the
// table has none): what Info(canonical).Type gives, without copying the
// entry's aliases.
func (t *Table) Type(canonical string) string {
	if i, ok := t.byName[canonical]; ok {
		return t.entries[i].Type
	}
	return ""
}

// Entries returns a copy of every entry, in file order.
func (t *Table) Entries() []Entry {
	out := make([]Entry, len(t.entries))
	for i, e := range t.entries {
		e.Aliases = append([]string(nil), e.Aliases...)
		out[i] = e
	}
	return out
}

// normName normalises a name for Canonical: curly apostrophes and odd spaces
// made plain, runs of space collapsed, surrounding punctuation, a possessive
// "'s" and a leading "the" removed.
func normName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '’', '‘', 'ʼ':
			return '\''
		case '‐', '‑':
			return '-'
		}
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	trim := func(s string) string {
		return strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	for {
		old := s
		s = trim(s)
		if strings.HasSuffix(s, "'s") || strings.HasSuffix(s, "'S") {
			s = s[:len(s)-2]
		}
		if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
			s = s[4:]
		}
		if s == old {
			return s
		}
	}
}

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
