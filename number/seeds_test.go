package number

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/article"
)

// goldNumber is one entry of the "numbers" array of a gold file in
// ../../shared/gold/seeds (see its README, section "Numbers").
type goldNumber struct {
	Text  string  `json:"text"`
	Value float64 `json:"value"`
	Kind  string  `json:"kind"`
}

// TestSeeds scores Find against the hand-made gold of the shared seed
// articles, matching by value as the project's scorer does. It is skipped
// when the shared folder is absent.
func TestSeeds(t *testing.T) {
	const shared = "../../shared"
	seeds, _ := filepath.Glob(filepath.Join(shared, "seeds", "*.txt"))
	if len(seeds) == 0 {
		t.Skip("no shared seeds")
	}
	f := newFinder(t)
	var tp, np, ng int
	for _, path := range seeds {
		base := strings.TrimSuffix(filepath.Base(path), ".txt")
		raw, err := os.ReadFile(filepath.Join(shared, "gold", "seeds", base+".json"))
		if err != nil {
			continue
		}
		var gold struct {
			Numbers []goldNumber `json:"numbers"`
		}
		if err := json.Unmarshal(raw, &gold); err != nil {
			t.Fatalf("%s: %v", base, err)
		}
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		got := f.Find(string(text))
		m := matchByValue(gold.Numbers, got)
		tp += m
		np += len(got)
		ng += len(gold.Numbers)
		for _, n := range got {
			t.Logf("%s: %q %v %v %s %q", base, n.Text, n.Value, deref(n.Qualifier), n.Kind, n.Counts)
		}
		if m != len(got) || m != len(gold.Numbers) {
			t.Logf("%s: matched %d of %d predicted, %d gold", base, m, len(got), len(gold.Numbers))
		}
	}
	p, r := ratio(tp, np), ratio(tp, ng)
	f1 := 0.0
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	t.Logf("seeds: precision %.3f (%d/%d) recall %.3f (%d/%d) F1 %.3f", p, tp, np, r, tp, ng, f1)
	if f1 < 0.95 {
		t.Errorf("seed F1 %.3f is below 0.95", f1)
	}
}

// matchByValue counts gold numbers matched one to one by a predicted number
// of the same value.
func matchByValue(gold []goldNumber, got []article.Number) int {
	used := make([]bool, len(got))
	m := 0
	for _, g := range gold {
		for i, n := range got {
			if !used[i] && math.Abs(n.Value-g.Value) <= 1e-6*math.Max(1, math.Abs(g.Value)) {
				used[i] = true
				m++
				break
			}
		}
	}
	return m
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func newFinder(tb testing.TB) *Finder {
	tb.Helper()
	f, err := New()
	if err != nil {
		tb.Fatal(err)
	}
	return f
}
