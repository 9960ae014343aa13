package number

import "testing"

// sentenceBreakRef is sentenceBreak as it was before it passed bytes by a
// table: the oracle of TestSentenceBreak and FuzzSentenceBreak.
func sentenceBreakRef(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			return true
		case '.', '!', '?', ';':
			if i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '"' || s[i+1] == '\n' || s[i+1] >= 0x80 {
				return true
			}
		}
	}
	return false
}

var sentenceBreakTexts = []string{
	"", " and ", ", ", ". ", ".", "a.b", "a. b", "a.\"", "a.\n", "\n", "x\ny", "1.5", "e.g", "No.5",
	"! ", "!x", "? ", "?", "; ", ";x", "a.\u00a0b", ".’", "..", ".!", "\r", ". and up to",
}

func TestSentenceBreak(t *testing.T) {
	for _, s := range sentenceBreakTexts {
		if got, want := sentenceBreak(s), sentenceBreakRef(s); got != want {
			t.Errorf("sentenceBreak(%q) = %v, want %v", s, got, want)
		}
	}
	// Every byte before every byte, and alone.
	for a := range 256 {
		for b := range 256 {
			s := string([]byte{'x', byte(a), byte(b)})
			if got, want := sentenceBreak(s), sentenceBreakRef(s); got != want {
				t.Fatalf("sentenceBreak(%q) = %v, want %v", s, got, want)
			}
			if got, want := sentenceBreak(s[:2]), sentenceBreakRef(s[:2]); got != want {
				t.Fatalf("sentenceBreak(%q) = %v, want %v", s[:2], got, want)
			}
		}
	}
}

func FuzzSentenceBreak(f *testing.F) {
	for _, s := range sentenceBreakTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := sentenceBreak(s), sentenceBreakRef(s); got != want {
			t.Fatalf("sentenceBreak(%q) = %v, want %v", s, got, want)
		}
	})
}
