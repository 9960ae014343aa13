package pipeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/hearsaylab/hearsay/link/minhash"
)

func TestMain(m *testing.M) {
	ptest.MainWithDefault(m, "prism")
}

// analyze builds the main module's hearsay command once per test and runs
// `hearsay analyze --db none --json` on args.
func analyze(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"analyze", "--db", "none", "--json", "--quiet"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("hearsay analyze: %v\n%s", err, stderr.Bytes())
	}
	return out
}

// buildHearsay builds cmd/hearsay of the main module (two folders up) with
// the main module's own go.mod.
func buildHearsay(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "hearsay")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/hearsay")
	cmd.Dir = filepath.Join("..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building hearsay: %v\n%s", err, out)
	}
	return bin
}

// runPipeline runs the pipeline on prism over inputs and returns its output.
func runPipeline(t *testing.T, inputs ...string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "corpus.json")
	p, err := NewPipeline(Options{Inputs: inputs, Output: out})
	if err != nil {
		t.Fatal(err)
	}
	if err := ptest.Run(p); err != nil {
		t.Fatalf("running the pipeline: %v", err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// diffParts names the top-level fields of two corpus objects that differ.
// With unorderedQuotes, quote clusters are compared as a set.
func diffParts(want, got []byte, unorderedQuotes bool) ([]string, error) {
	var w, g map[string]json.RawMessage
	if err := json.Unmarshal(want, &w); err != nil {
		return nil, fmt.Errorf("analyze's output: %w", err)
	}
	if err := json.Unmarshal(got, &g); err != nil {
		return nil, fmt.Errorf("the pipeline's output: %w", err)
	}
	var diff []string
	for _, k := range []string{"documents", "duplicates", "stories", "quote_clusters", "claim_clusters", "number_conflicts", "provenance"} {
		a, b := w[k], g[k]
		if unorderedQuotes && k == "quote_clusters" {
			a, b = sortedItems(a), sortedItems(b)
		}
		if !bytes.Equal(a, b) {
			diff = append(diff, fmt.Sprintf("%s (analyze %d bytes, pipeline %d bytes)", k, len(a), len(b)))
		}
	}
	if len(w) != len(g) {
		diff = append(diff, fmt.Sprintf("%d fields against %d", len(w), len(g)))
	}
	return diff, nil
}

// sortedItems returns the items of a JSON array sorted, joined by newlines.
func sortedItems(a json.RawMessage) json.RawMessage {
	var items []json.RawMessage
	if err := json.Unmarshal(a, &items); err != nil {
		return a
	}
	s := make([]string, len(items))
	for i, it := range items {
		s[i] = string(it)
	}
	slices.Sort(s)
	return json.RawMessage(strings.Join(s, "\n"))
}

// TestMatchesAnalyze runs the pipeline on prism over examples/ and checks
// that it writes the bytes `hearsay analyze --json` writes. With
// HEARSAY_BEAM_CORPUS set to more inputs (separated by the list separator),
// it checks those too, with quote clusters compared as a set: align orders
// clusters of identical members nondeterministically, in analyze too.
func TestMatchesAnalyze(t *testing.T) {
	bin := buildHearsay(t)
	examples := filepath.Join("..", "..", "examples")
	want := analyze(t, bin, examples)
	got := runPipeline(t, examples)
	if !bytes.Equal(want, got) {
		diff, err := diffParts(want, got, false)
		if err != nil {
			t.Fatal(err)
		}
		t.Fatalf("the pipeline's output differs from analyze's (%d against %d bytes) in: %s", len(got), len(want), strings.Join(diff, "; "))
	}
	var c struct {
		Documents       []json.RawMessage `json:"documents"`
		Duplicates      []json.RawMessage `json:"duplicates"`
		Stories         []json.RawMessage `json:"stories"`
		QuoteClusters   []json.RawMessage `json:"quote_clusters"`
		ClaimClusters   []json.RawMessage `json:"claim_clusters"`
		NumberConflicts []json.RawMessage `json:"number_conflicts"`
	}
	if err := json.Unmarshal(got, &c); err != nil {
		t.Fatal(err)
	}
	t.Logf("identical: %d documents, %d duplicates, %d stories, %d quote clusters, %d claim clusters, %d number conflicts",
		len(c.Documents), len(c.Duplicates), len(c.Stories), len(c.QuoteClusters), len(c.ClaimClusters), len(c.NumberConflicts))
	if len(c.Documents) == 0 || len(c.Duplicates) == 0 || len(c.QuoteClusters) == 0 || len(c.NumberConflicts) == 0 {
		t.Error("examples/ no longer exercises every stage")
	}

	if extra := os.Getenv("HEARSAY_BEAM_CORPUS"); extra != "" {
		inputs := filepath.SplitList(extra)
		want, got := analyze(t, bin, inputs...), runPipeline(t, inputs...)
		diff, err := diffParts(want, got, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(diff) > 0 {
			t.Fatalf("on %s the pipeline's output differs from analyze's in: %s", extra, strings.Join(diff, "; "))
		}
	}
}

// TestBucketsMatchPairs checks that band keys, buckets and bucketFn find
// the pairs minhash.Index.Pairs finds.
func TestBucketsMatchPairs(t *testing.T) {
	base := strings.Fields("the dam above the valley gave way early on tuesday after days of heavy rain and the river rose through the night while officials said the evacuation of the lower town had begun before dawn and that more than two hundred families had left their homes")
	var texts []string
	for i := range 12 {
		w := slices.Clone(base)
		for k := 0; k < i; k++ { // change a word or two more in each copy
			w[(k*7+i)%len(w)] = fmt.Sprintf("word%d", k)
		}
		texts = append(texts, strings.Join(w, " "))
	}
	texts = append(texts, "", "an entirely different article about a football match and its score")
	p := minhash.DefaultParams()
	p.Threshold = DefaultDuplicateThreshold
	ix, err := minhash.NewIndex(p)
	if err != nil {
		t.Fatal(err)
	}
	buckets := map[string][]sigRec{}
	for i, text := range texts {
		if err := ix.Add(i, text); err != nil {
			t.Fatal(err)
		}
		sig, ok := ix.Signature(text)
		if !ok {
			continue
		}
		for b, key := range ix.BandKeys(sig) {
			k := fmt.Sprintf("%d:%08x", b, key)
			buckets[k] = append(buckets[k], sigRec{Pos: position(0, i), Sig: sig})
		}
	}
	want, err := ix.Pairs()
	if err != nil {
		t.Fatal(err)
	}
	fn := &bucketFn{Threshold: p.Threshold, MaxBucket: ix.Params().MaxBucket}
	c := &collected{}
	for k, in := range buckets {
		next := 0
		fn.ProcessElement(k, func(s *sigRec) bool {
			if next == len(in) {
				return false
			}
			*s, next = in[next], next+1
			return true
		}, func(_ int, p partRec) { c.pairs = append(c.pairs, p) })
	}
	var ents []entry
	for i := range texts {
		ents = append(ents, entry{pos: position(0, i), name: fmt.Sprint(i)})
	}
	got := c.duplicates(ents)
	if len(want) < 3 {
		t.Fatalf("only %d pairs: the test texts are too different", len(want))
	}
	if len(got) != len(want) {
		t.Fatalf("%d pairs, want %d: %v against %v", len(got), len(want), got, want)
	}
	for i, w := range want {
		g := got[i]
		if g.Docs[0] != fmt.Sprint(w.A) || g.Docs[1] != fmt.Sprint(w.B) || g.Similarity != round3(w.Similarity) {
			t.Errorf("pair %d: %v, want %+v", i, g, w)
		}
	}
}
