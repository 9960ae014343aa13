package quote

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hearsaylab/hearsay/segment"
)

// BenchmarkScan finds the quotations of the example articles.
func BenchmarkScan(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "examples", "*.txt"))
	if len(files) == 0 {
		b.Skip("no examples")
	}
	var texts []string
	var paras [][]segment.Paragraph
	var n int64
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		paras = append(paras, segment.Paragraphs(string(t)))
		n += int64(len(t))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for i, t := range texts {
			Scan(t, paras[i])
		}
	}
}
