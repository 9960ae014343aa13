package quote

import (
	"testing"

	"github.com/hearsaylab/hearsay/internal/testtexts"
	"github.com/hearsaylab/hearsay/segment"
)

// BenchmarkScan finds the quotations of the example articles.
func BenchmarkScan(b *testing.B) {
	texts := testtexts.Examples(b)
	var paras [][]segment.Paragraph
	for _, t := range texts {
		paras = append(paras, segment.Paragraphs(t))
	}
	n := testtexts.Size(texts)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for i, t := range texts {
			Scan(t, paras[i])
		}
	}
}
