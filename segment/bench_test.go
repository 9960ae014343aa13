package segment

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/internal/wordscan"
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

// BenchmarkTokens tokenizes the example articles.
func BenchmarkTokens(b *testing.B) {
	texts, n := exampleTexts(b)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Tokens(t, 0, len(t))
		}
	}
}

// BenchmarkSentences splits the example articles into paragraphs and
// sentences.
func BenchmarkSentences(b *testing.B) {
	texts, n := exampleTexts(b)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			for _, p := range Paragraphs(t) {
				Sentences(t, p.Span, []article.Span(nil))
			}
		}
	}
}

// BenchmarkTokensWords tokenizes the example articles for both token
// streams at once, as the engine does.
func BenchmarkTokensWords(b *testing.B) {
	texts, n := exampleTexts(b)
	b.SetBytes(n)
	b.ReportAllocs()
	var toks []Token
	var words []wordscan.Token
	var marks Marks
	for b.Loop() {
		for _, t := range texts {
			marks.Reset()
			toks, words = AppendTokensWords(toks[:0], words[:0], &marks, t)
		}
	}
}
