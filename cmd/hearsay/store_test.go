package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/hearsaylab/hearsay/store"
)

// writeSynthCorpus writes n synthetic articles as text files under dir.
func writeSynthCorpus(t *testing.T, dir string, n int) {
	t.Helper()
	for _, src := range newSynthCorpus(n).All() {
		p := filepath.Join(dir, filepath.Base(src.Name))
		if err := os.WriteFile(p, []byte(src.Title+"\n\n"+src.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// storeState returns what a store holds: its row counts and the corpus of
// its analysis as JSON.
func storeState(t *testing.T, dsn string) (store.Stats, []byte) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c, err := st.LoadCorpus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := c.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	return stats, b.Bytes()
}

// TestAnalyzeStoreRerun: analysing the same corpus twice into one store
// adds no rows and stores the same analysis, and the JSON printed is the
// same as without a store.
func TestAnalyzeStoreRerun(t *testing.T) {
	db := filepath.Join(t.TempDir(), "h.db")
	var plain bytes.Buffer
	if code := run(context.Background(), []string{"analyze", "--db", "none", "--json", "../../examples"}, nil, &plain, io.Discard, func(string) string { return "" }); code != 0 {
		t.Fatalf("analyze without store: exit %d", code)
	}
	var states [2]store.Stats
	var corpora [2][]byte
	for i := range 2 {
		var out, errb bytes.Buffer
		if code := run(context.Background(), []string{"analyze", "--db", db, "--json", "../../examples"}, nil, &out, &errb, func(string) string { return "" }); code != 0 {
			t.Fatalf("run %d: exit %d: %s", i, code, errb.String())
		}
		if !bytes.Equal(out.Bytes(), plain.Bytes()) {
			t.Errorf("run %d: output with a store differs from output without", i)
		}
		states[i], corpora[i] = storeState(t, db)
	}
	if states[0] != states[1] {
		t.Errorf("second run changed the row counts: %+v then %+v", states[0], states[1])
	}
	if states[0].Documents != 6 {
		t.Errorf("documents stored = %d, want 6", states[0].Documents)
	}
	if !bytes.Equal(corpora[0], corpora[1]) {
		t.Error("second run stored a different analysis")
	}
	if want := plain.Bytes(); !bytes.Equal(corpora[0], want) {
		t.Error("the stored corpus differs from the one printed")
	}
}

// TestAnalyzeStoreKilled: an analyze run killed with SIGKILL in the middle,
// then run again to the end, leaves the same database as one clean run.
func TestAnalyzeStoreKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and analyses 4,000 articles three times")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "hearsay")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	corpus := filepath.Join(tmp, "corpus")
	if err := os.Mkdir(corpus, 0o755); err != nil {
		t.Fatal(err)
	}
	const n = 4000
	writeSynthCorpus(t, corpus, n)
	analyze := func(db string) *exec.Cmd {
		return exec.Command(bin, "analyze", "--db", db, "--json", "--workers", "1", corpus)
	}

	clean := filepath.Join(tmp, "clean.db")
	if out, err := analyze(clean).CombinedOutput(); err != nil {
		t.Fatalf("clean run: %v\n%.2000s", err, out)
	}

	killed := filepath.Join(tmp, "killed.db")
	cmd := analyze(killed)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once at least one batch is stored and the run is not over.
	ctx := context.Background()
	stored := 0
	deadline := time.Now().Add(2 * time.Minute)
	for stored < storeBatch && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		st, err := store.Open(ctx, killed)
		if err != nil {
			continue // not created yet
		}
		if s, err := st.Stats(ctx); err == nil {
			stored = s.Documents
		}
		st.Close()
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if stored < storeBatch || stored >= n {
		t.Fatalf("killed with %d of %d documents stored; want a run killed in the middle", stored, n)
	}
	t.Logf("killed after %d of %d documents were stored", stored, n)
	if out, err := analyze(killed).CombinedOutput(); err != nil {
		t.Fatalf("run after the kill: %v\n%.2000s", err, out)
	}

	cs, cc := storeState(t, clean)
	ks, kc := storeState(t, killed)
	if !reflect.DeepEqual(cs, ks) {
		t.Errorf("row counts differ:\n clean  %+v\n killed %+v", cs, ks)
	}
	if !bytes.Equal(cc, kc) {
		t.Error("the analysis stored after the kill differs from the clean run's")
	}
	if cs.Documents != n {
		t.Errorf("documents = %d, want %d", cs.Documents, n)
	}
}
