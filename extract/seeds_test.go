package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/hearsaylab/hearsay/article"
)

// TestSeedScores runs the engine on the shared seed articles and scores it
// with the shared scorer against the hand-made gold, failing below the
// thresholds of the extraction issue. It skips when ../shared or python3 is
// absent. The seeds are read from ../shared, never copied into the repository.
func TestSeedScores(t *testing.T) {
	shared := filepath.Join("..", "..", "shared")
	seeds, _ := filepath.Glob(filepath.Join(shared, "seeds", "*.txt"))
	if len(seeds) == 0 {
		t.Skip("no ../shared/seeds")
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3")
	}
	e := engine(t)
	out := filepath.Join(t.TempDir(), "out.jsonl")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		j, err := json.Marshal(e.Document(article.Source{Name: p, Text: string(b)}))
		if err != nil {
			t.Fatal(err)
		}
		w.Write(j)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	cmd := exec.Command(py, filepath.Join(shared, "eval", "score.py"), "--gold", filepath.Join(shared, "gold", "seeds"), "--pred", out,
		"--min", "quotes.f1=0.95", "--min", "speaker.accuracy=0.92", "--min", "channel.accuracy=0.85",
		"--min", "numbers.f1=0.90", "--min", "outlets.f1=0.90", "--min", "anon.f1=0.85")
	res, err := cmd.CombinedOutput()
	t.Logf("%s", res)
	if err != nil {
		t.Fatalf("seed scores below the thresholds: %v", err)
	}
}
