package story

import (
	"fmt"
	"os"
	"reflect"
	"testing"
)

// TestBatchSpill: a Batch that keeps feature counts in a temporary file
// gives the same stories as one that keeps them in memory, and removes the
// file.
func TestBatchSpill(t *testing.T) {
	var docs []Doc
	for k := range 6 { // enough articles per topic for the final split to run
		for _, d := range quakeDocs {
			d.ID = fmt.Sprintf("%d-%s", k, d.ID)
			docs = append(docs, d)
		}
	}
	run := func(dir string) []Story {
		b := NewBatch(Params{})
		if dir != "" {
			if err := b.SpillTo(dir); err != nil {
				t.Fatal(err)
			}
		}
		for _, d := range docs {
			b.Add(d)
		}
		st, err := b.Stories()
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	dir := t.TempDir()
	mem, spilled := run(""), run(dir)
	if !reflect.DeepEqual(mem, spilled) {
		t.Errorf("spilled:\n%+v\nin memory:\n%+v", spilled, mem)
	}
	if len(mem) < 2 {
		t.Errorf("%d stories; the test wants several", len(mem))
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("%d files left", len(left))
	}
}
