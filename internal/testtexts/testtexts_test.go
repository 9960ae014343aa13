package testtexts

import (
	"os"
	"path/filepath"
	"testing"
)

func TestExamples(t *testing.T) {
	texts := Examples(t)
	files, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*.txt"))
	if len(texts) != len(files) || len(texts) == 0 {
		t.Fatalf("Examples gave %d texts for %d files", len(texts), len(files))
	}
	b, err := os.ReadFile(files[0])
	if err != nil || texts[0] != string(b) {
		t.Fatalf("Examples()[0] is not %s", files[0])
	}
	if Size(texts) < int64(len(b)) {
		t.Fatalf("Size = %d, less than one text", Size(texts))
	}
}

func TestWithECB(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.txt", "a.txt", "c.xml"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv(ECBEnv, dir)
	texts := WithECB(t)
	n := len(Examples(t))
	if got := texts[n:]; len(got) != 2 || got[0] != "a.txt" || got[1] != "b.txt" {
		t.Fatalf("WithECB added %q, want the .txt files in name order", got)
	}
}
