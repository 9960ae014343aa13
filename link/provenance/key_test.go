package provenance

import (
	"strings"
	"testing"
	"unicode"
)

// keyRef is key as it was before its ASCII fast path: the oracle.
func keyRef(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(f) > 0 && f[0] == "the" {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

var keyCases = []string{
	"", "the", "The", "the the", "The the Times", "Times the", "  The  New York Times ", "reuters", "Reuters",
	"the-guardian", "BBC News", "A.F.P.", "theory", "The 2 Sides", "Le Monde", "Süddeutsche Zeitung", "İstanbul Post",
	"x\x00y", "\xff bad", "a senior European defense official", strings.Repeat("long name ", 20),
}

func TestKeyMatchesReference(t *testing.T) {
	for _, s := range keyCases {
		if got, want := key(s), keyRef(s); got != want {
			t.Errorf("key(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range keyCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := key(s), keyRef(s); got != want {
			t.Errorf("key(%q) = %q, want %q", s, got, want)
		}
	})
}
