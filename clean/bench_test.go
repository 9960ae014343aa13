package clean

import (
	"testing"

	"github.com/hearsaylab/hearsay/internal/testtexts"
)

// BenchmarkBody cleans the example articles one at a time.
func BenchmarkBody(b *testing.B) {
	c := newCleaner(b)
	texts := testtexts.Examples(b)
	n := testtexts.Size(texts)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			c.Body(t)
		}
	}
}
