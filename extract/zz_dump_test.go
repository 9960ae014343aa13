package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/report"
)

func TestZZDump(t *testing.T) {
	glob := os.Getenv("DUMP")
	if glob == "" {
		t.Skip()
	}
	e := engine(t)
	files, _ := filepath.Glob(glob)
	for _, p := range files {
		b, _ := os.ReadFile(p)
		report.Text(os.Stdout, e.Document(article.Source{Name: p, Text: string(b)}), report.Style{})
	}
}
