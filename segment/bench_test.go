package segment

import (
	"testing"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/internal/testtexts"
	"github.com/hearsaylab/hearsay/internal/wordscan"
)

// BenchmarkTokens tokenizes the example articles.
func BenchmarkTokens(b *testing.B) {
	texts := testtexts.Examples(b)
	n := testtexts.Size(texts)
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
	texts := testtexts.Examples(b)
	n := testtexts.Size(texts)
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
	texts := testtexts.Examples(b)
	n := testtexts.Size(texts)
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
