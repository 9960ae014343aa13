package attribute

import (
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/entity"
)

func testAttributor(t *testing.T) *Attributor {
	t.Helper()
	rec, err := entity.New()
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(rec, nil)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestLookupAt checks that looking a word up in place, with the one-load
// fast path or without it, finds what looking the word up alone finds.
func TestLookupAt(t *testing.T) {
	a := testAttributor(t)
	v := a.vocab
	words := []string{"said", "a", "officials", "according", "the", "spokesman", "x", "zzzzzzz",
		"sources", "saidx", "communiqué", "été", "minister", "told", "people", "ab", ""}
	for _, w := range words {
		wantF, wantID := v.lookup(w)
		for _, ctx := range []struct{ pre, post string }{
			{"", ""}, {"", " and more text"}, {"the ", ""}, {"« ", " »…"}, {"x", "yz"},
		} {
			s := ctx.pre + w + ctx.post
			i := len(ctx.pre)
			f, id := v.lookupAt(s, i, i+len(w))
			if f != wantF || id != wantID {
				t.Errorf("lookupAt(%q, %d, %d) = %v, %d; lookup(%q) = %v, %d", s, i, i+len(w), f, id, w, wantF, wantID)
			}
		}
	}
	if f, _ := v.lookup("said"); f&fClaimVerb == 0 {
		t.Errorf("lookup(said) = %v, want fClaimVerb", f)
	}
	if f, _ := v.lookup(strings.ToUpper("said")); f != 0 {
		t.Errorf("lookup(SAID) = %v, want 0", f)
	}
}
