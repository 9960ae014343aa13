package align

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// splitWordsRef is splitWords as it was before it was made to copy less: the
// oracle of the differential tests below.
func splitWordsRef(s string) []word {
	var ws []word
	var b strings.Builder
	flush := func() {
		if b.Len() == 0 {
			return
		}
		t := b.String()
		b.Reset()
		t = strings.Trim(t, "'")
		if t == "" {
			return
		}
		switch {
		case t == "cannot":
			ws = append(ws, mkWord("can"), mkWord("not"))
			return
		case t == "won't":
			ws = append(ws, mkWord("will"), mkWord("not"))
			return
		case t == "can't":
			ws = append(ws, mkWord("can"), mkWord("not"))
			return
		case strings.HasSuffix(t, "n't"):
			ws = append(ws, mkWord(strings.TrimSuffix(t, "n't")), mkWord("not"))
			return
		}
		if k := strings.IndexByte(t, '\''); k > 0 {
			switch t[k:] {
			case "'s", "'ve", "'re", "'ll", "'d", "'m":
				t = t[:k]
			}
		}
		ws = append(ws, mkWord(t))
	}
	for _, r := range s {
		switch r {
		case '\u2019', '\u2018', '\u2032', '`':
			r = '\''
		case '\u00a0':
			r = ' '
		case '\u2011', '\u2010':
			r = '-'
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' && b.Len() > 0:
			b.WriteRune(r)
		case (r == ',' || r == '.') && b.Len() > 0 && isDigits(b.String()):
			// keep "4,000" and "2.5" together; a trailing mark is trimmed below
			b.WriteRune(r)
		default:
			t := b.String()
			if strings.HasSuffix(t, ",") || strings.HasSuffix(t, ".") {
				b.Reset()
				b.WriteString(strings.TrimRight(t, ",."))
				flush()
				ws = append(ws, word{brk: true})
				if !unicode.IsSpace(r) && isBreak(r) {
					ws = append(ws, word{brk: true})
				}
				continue
			}
			flush()
			if isBreak(r) {
				ws = append(ws, word{brk: true})
			}
		}
	}
	t := b.String()
	b.Reset()
	b.WriteString(strings.TrimRight(t, ",."))
	flush()
	return ws
}

var splitWordsCases = []string{
	"",
	"Nothing should be excluded.",
	"He can't and won't, she cannot; they didn't",
	"It’s the president’s ‘view’ — isn’t it?",
	"about 4,000 troops, 2.5 percent, 1,2,3. and 7.",
	"ÉTAT Größe İstanbul ΣΟΦΙΑ ǅemal",
	"non\u00a0breaking\u2011hyphen\u2010dash `quoted'",
	"'' ' 'a' b'' 12'' 3,",
	"x,\u201cquote\u201d (paren) [b] a: b; c! d? e\u2013f\u2014g",
	"bad \xff utf8 \xe2\x80",
	"١٢٣ digits, ٤,٥. end",
}

// sameWords compares word lists, an empty one equal to nil.
func sameWords(a, b []word) bool {
	return len(a) == 0 && len(b) == 0 || reflect.DeepEqual(a, b)
}

func TestSplitWordsMatchesReference(t *testing.T) {
	for _, s := range splitWordsCases {
		if got, want := splitWords(s), splitWordsRef(s); !sameWords(got, want) {
			t.Errorf("splitWords(%q)\n got %v\nwant %v", s, got, want)
		}
	}
}

func FuzzSplitWords(f *testing.F) {
	for _, s := range splitWordsCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := splitWords(s), splitWordsRef(s); !sameWords(got, want) {
			t.Errorf("splitWords(%q)\n got %v\nwant %v", s, got, want)
		}
	})
}
