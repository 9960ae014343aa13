package minhash

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// wordsRef and lineWordsRef are words and lineWords as they were before they
// were made to copy less: the oracle of the differential tests below.
func wordsRef(text string) []string {
	var out []string
	for line := range strings.Lines(text) {
		lw := lineWordsRef(line)
		if len(lw) == 0 {
			continue
		}
		head := strings.ToLower(strings.TrimSpace(line))
		if cutsHere(head, len(lw)) {
			break
		}
		if len(lw) <= maxBoilerplateWords && hasAnyPrefix(head, boilerplateLine[:]) {
			continue
		}
		out = append(out, lw...)
	}
	return out
}

func lineWordsRef(line string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range line {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case isApostrophe(r) || unicode.Is(unicode.Mn, r):
			// inside-word marks: drop without splitting
		default:
			flush()
		}
	}
	flush()
	return out
}

var wordsCases = []string{
	"",
	"By Jane Doe\nThe Minister SAID, “we don’t”.\n\nRelated stories\nmore",
	"Photo: Reuters\nCafé naïve e\u0301t\u00e9 İstanbul ΣΟΦΙΑ\nRead more",
	"one two three four five six seven eight nine ten eleven twelve thirteen\nrelated",
	"bad \xff utf8 \xe2\x80 end\r\nx'y `z´w",
}

func TestWordsMatchReference(t *testing.T) {
	for _, s := range wordsCases {
		if got, want := words(s), wordsRef(s); !slices.Equal(got, want) {
			t.Errorf("words(%q)\n got %q\nwant %q", s, got, want)
		}
	}
}

func FuzzWordsReference(f *testing.F) {
	for _, s := range wordsCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := words(s), wordsRef(s); !slices.Equal(got, want) {
			t.Errorf("words(%q)\n got %q\nwant %q", s, got, want)
		}
	})
}
