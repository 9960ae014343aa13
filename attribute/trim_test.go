package attribute

import (
	"strings"
	"testing"
)

// TestTrimMarks checks trimMarks and trimPunct against strings.Trim,
// with marks at either end, inside, alone and next to other characters.
func TestTrimMarks(t *testing.T) {
	words := []string{"", "a", "word", "“word”", "\u2019", "\u2019\u2019", "word\u2019", "\u2019word\u2019s\u2019",
		"word.", ".,;:", "!word?", "'word'", "\"word\",", "o\u2019clock", "\u2018word\u2019", "word\u2019.",
		".\u2019.", "\u2019x", "é.", ".é", "\xe2\x80", "word\xe2\x80", "\xe2\x80\x99\xe2", "a.b", ":-)", "(word)"}
	for _, w := range words {
		if got, want := trimMarks(w), strings.Trim(w, ".,;:!?\u2019'\""); got != want {
			t.Errorf("trimMarks(%q) = %q, want %q", w, got, want)
		}
		if got, want := trimPunct(w), strings.Trim(w, ".,;:"); got != want {
			t.Errorf("trimPunct(%q) = %q, want %q", w, got, want)
		}
	}
}

// FuzzTrimMarks compares trimMarks and trimPunct with strings.Trim on any
// text, valid UTF-8 or not.
func FuzzTrimMarks(f *testing.F) {
	f.Add("\u2019word.\u2019")
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := trimMarks(w), strings.Trim(w, ".,;:!?\u2019'\""); got != want {
			t.Errorf("trimMarks(%q) = %q, want %q", w, got, want)
		}
		if got, want := trimPunct(w), strings.Trim(w, ".,;:"); got != want {
			t.Errorf("trimPunct(%q) = %q, want %q", w, got, want)
		}
	})
}
