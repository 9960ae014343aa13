package clean

import (
	"os"
	"path/filepath"
	"testing"
)

// exampleTexts returns the example articles of the repository.
func exampleTexts(tb testing.TB) ([]string, int64) {
	files, _ := filepath.Glob(filepath.Join("..", "examples", "*.txt"))
	if len(files) == 0 {
		tb.Skip("no examples")
	}
	var texts []string
	var n int64
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(b))
		n += int64(len(b))
	}
	return texts, n
}

// BenchmarkBody cleans the example articles one at a time.
func BenchmarkBody(b *testing.B) {
	c := newCleaner(b)
	texts, n := exampleTexts(b)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			c.Body(t)
		}
	}
}
