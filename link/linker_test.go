package link

import (
	"bytes"
	"context"
	"os"
	"reflect"
	"testing"
)

// TestLinkerSpillMatchesMemory: a Linker that keeps documents and clusters
// in temporary files gives the same bytes and the same Corpus as one that
// keeps them in memory, and removes its files on Close.
func TestLinkerSpillMatchesMemory(t *testing.T) {
	docs, stories := synthetic(300, 7)
	var want bytes.Buffer
	wantC := Analyze(docs, Options{Stories: FixedStories(stories)})
	if err := wantC.WriteJSON(&want); err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 3} {
		dir := t.TempDir()
		l, err := NewLinker(Options{Stories: FixedStories(stories), TempDir: dir, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			if err := l.Add(d); err != nil {
				t.Fatal(err)
			}
		}
		r, err := l.Finish(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := r.WriteJSON(&got); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("workers %d: spilled output differs from in-memory output (%d vs %d bytes)", workers, got.Len(), want.Len())
		}
		c, err := r.Corpus()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(c.QuoteClusters, wantC.QuoteClusters) || !reflect.DeepEqual(c.NumberConflicts, wantC.NumberConflicts) || len(c.Documents) != len(wantC.Documents) {
			t.Errorf("workers %d: Corpus() differs from Analyze", workers)
		}
		if err := r.Close(); err != nil {
			t.Fatal(err)
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("workers %d: %d temporary files left after Close", workers, len(left))
		}
	}
}

// TestLinkerCancel: Finish stops when its context is done.
func TestLinkerCancel(t *testing.T) {
	docs, stories := synthetic(200, 3)
	l, err := NewLinker(Options{Stories: FixedStories(stories), TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if err := l.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if r, err := l.Finish(ctx); err == nil {
		r.Close()
		t.Fatal("Finish with a cancelled context succeeded")
	}
}
