package story

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// ecbFloor is the pairwise F1 the ECB+ evaluation must reach (the figure
// reached with DefaultParams, minus 0.01).
const ecbFloor = 0.909

// scores are the figures /work/shared/eval/stories.py prints.
type scores struct {
	P, R, F, BP, BR, BF float64
	Docs, Gold, Pred    int
}

// score computes pairwise and B-cubed precision/recall/F1 of pred against
// gold exactly as stories.py does: a gold document missing from pred is a
// story of its own.
func score(gold map[string]string, pred []Story) scores {
	label := map[string]int{}
	for n, s := range pred {
		for _, d := range s.Docs {
			label[filepath.Base(d)] = n
		}
	}
	docs := make([]string, 0, len(gold))
	for d := range gold {
		docs = append(docs, d)
	}
	slices.Sort(docs)
	next := len(pred)
	for _, d := range docs {
		if _, ok := label[d]; !ok {
			label[d] = next
			next++
		}
	}
	var tp, fp, fn float64
	for i, a := range docs {
		for _, b := range docs[i+1:] {
			g, p := gold[a] == gold[b], label[a] == label[b]
			switch {
			case g && p:
				tp++
			case p:
				fp++
			case g:
				fn++
			}
		}
	}
	var s scores
	s.P, s.R = 1, 1
	if tp+fp > 0 {
		s.P = tp / (tp + fp)
	}
	if tp+fn > 0 {
		s.R = tp / (tp + fn)
	}
	if s.P+s.R > 0 {
		s.F = 2 * s.P * s.R / (s.P + s.R)
	}
	// B-cubed, per document, over gold and predicted groups.
	goldSize, predSize, both := map[string]int{}, map[int]int{}, map[[2]any]int{}
	for _, d := range docs {
		goldSize[gold[d]]++
		predSize[label[d]]++
		both[[2]any{gold[d], label[d]}]++
	}
	for _, d := range docs {
		inter := float64(both[[2]any{gold[d], label[d]}])
		s.BP += inter / float64(predSize[label[d]])
		s.BR += inter / float64(goldSize[gold[d]])
	}
	s.BP /= float64(len(docs))
	s.BR /= float64(len(docs))
	if s.BP+s.BR > 0 {
		s.BF = 2 * s.BP * s.BR / (s.BP + s.BR)
	}
	s.Docs, s.Gold = len(docs), len(goldSize)
	preds := map[int]bool{}
	for _, d := range docs {
		preds[label[d]] = true
	}
	s.Pred = len(preds)
	return s
}

// readCorpus reads DIR/*.txt (title = first line, body = the rest) and
// DIR/stories.gold.json.
func readCorpus(dir string) ([]Doc, map[string]string, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, nil, fmt.Errorf("listing %s: %w", dir, err)
	}
	var docs []Doc
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, nil, fmt.Errorf("reading article: %w", err)
		}
		title, body, _ := strings.Cut(string(b), "\n")
		docs = append(docs, Doc{ID: filepath.Base(n), Title: strings.TrimSpace(title), Body: body})
	}
	b, err := os.ReadFile(filepath.Join(dir, "stories.gold.json"))
	if err != nil {
		return nil, nil, fmt.Errorf("reading gold: %w", err)
	}
	gold := map[string]string{}
	if err := json.Unmarshal(b, &gold); err != nil {
		return nil, nil, fmt.Errorf("parsing gold: %w", err)
	}
	return docs, gold, nil
}

// TestECBPlus clusters the ECB+ corpus prepared by
// /work/shared/eval/ecbplus_to_text.py into HEARSAY_ECB_DIR and checks the
// pairwise F1 against ecbFloor. With HEARSAY_ECB_OUT set it also writes the
// predicted stories as {"stories":[{"label":…,"docs":[…]}]}.
func TestECBPlus(t *testing.T) {
	dir := os.Getenv("HEARSAY_ECB_DIR")
	if dir == "" {
		t.Skip("HEARSAY_ECB_DIR not set")
	}
	docs, gold, err := readCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	p := DefaultParams()
	if js := os.Getenv("HEARSAY_ECB_PARAMS"); js != "" {
		if err := json.Unmarshal([]byte(js), &p); err != nil {
			t.Fatalf("HEARSAY_ECB_PARAMS: %v", err)
		}
	}
	stories := Cluster(docs, p)
	s := score(gold, stories)
	t.Logf("documents %d  gold stories %d  predicted stories %d", s.Docs, s.Gold, s.Pred)
	t.Logf("pairwise  P %.3f R %.3f F1 %.3f", s.P, s.R, s.F)
	t.Logf("b-cubed   P %.3f R %.3f F1 %.3f", s.BP, s.BR, s.BF)
	if out := os.Getenv("HEARSAY_ECB_OUT"); out != "" {
		type jstory struct {
			Label string   `json:"label"`
			Docs  []string `json:"docs"`
		}
		js := struct {
			Stories []jstory `json:"stories"`
		}{}
		for _, st := range stories {
			js.Stories = append(js.Stories, jstory(st))
		}
		b, err := json.MarshalIndent(js, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if s.F < ecbFloor {
		t.Errorf("pairwise F1 %.3f below floor %.3f", s.F, ecbFloor)
	}
}
