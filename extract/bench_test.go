package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/article"
)

// benchCorpus builds about size bytes of article text from the examples,
// varied per copy (names, numbers) so that no two documents are identical.
func benchCorpus(tb testing.TB, size int) []article.Source {
	files, _ := filepath.Glob(filepath.Join("..", "examples", "*.txt"))
	if len(files) == 0 {
		tb.Skip("no examples")
	}
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	names := []string{"Varga", "Brenner", "Reusch", "Lindqvist", "Aldrich"}
	var out []article.Source
	total := 0
	for i := 0; total < size; i++ {
		t := texts[i%len(texts)]
		n := names[i%len(names)]
		t = strings.ReplaceAll(t, n, fmt.Sprintf("%s%c", n, 'a'+rune(i%26)))
		t = strings.ReplaceAll(t, "41", fmt.Sprint(30+i%50))
		out = append(out, article.Source{Name: fmt.Sprintf("doc%d.txt", i), Text: t})
		total += len(t)
	}
	return out
}

// BenchmarkExtract measures extraction on one core over at least 50 MB of
// article text; the MB/s figure is per core.
func BenchmarkExtract(b *testing.B) {
	e := engine(b)
	docs := benchCorpus(b, 50<<20)
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	b.SetBytes(n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			e.Document(d)
		}
	}
}

// BenchmarkExtractDoc measures one average article, for profiling.
func BenchmarkExtractDoc(b *testing.B) {
	e := engine(b)
	docs := benchCorpus(b, 1<<20)
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	b.SetBytes(n / int64(len(docs)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.Document(docs[i%len(docs)])
	}
}
