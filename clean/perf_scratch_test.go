package clean

import (
	"strings"
	"testing"
	"time"
)

func TestPerfScratch(t *testing.T) {
	c := newCleaner(t)
	for _, in := range []string{
		strings.Repeat(lead+"\n\n", 20000),
		strings.Repeat("Some Short Headline Here\n", 20000),
		lead + strings.Repeat("\n\nA decision its members described as overdue.", 5000),
		strings.Repeat("a", 5<<20),
		strings.Repeat("Advertisement\n", 50000),
	} {
		st := time.Now()
		out := c.Body(in)
		t.Logf("%d -> %d in %v", len(in), len(out), time.Since(st))
	}
}
