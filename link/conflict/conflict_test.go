package conflict

import (
	"reflect"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/article"
)

type num struct {
	text, qual, counts, kind string
	value                    float64
}

// doc builds a document whose body holds sentence, and numbers found in it.
func doc(name, sentence string, nums ...num) article.Document {
	d := article.Document{Doc: name, Body: sentence}
	from := 0
	for _, n := range nums {
		i := from + strings.Index(sentence[from:], n.text)
		from = i + len(n.text)
		kind := n.kind
		if kind == "" {
			kind = "count"
		}
		d.Numbers = append(d.Numbers, article.Number{
			Text: n.text, Value: n.value, Qualifier: article.Str(n.qual), Kind: kind, Counts: n.counts,
			Start: i, End: i + len(n.text),
		})
	}
	return d
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		docs []article.Document
		want []Conflict
	}{
		{
			name: "bound, approximation and exact value",
			docs: []article.Document{
				doc("a", "At least 41 people died when the ferry capsized off Lamu island, police said.", num{"At least 41", "at least", "people", "", 41}),
				doc("b", "About 50 people were killed as the ferry sank near Lamu island.", num{"About 50", "about", "people", "", 50}),
				doc("c", "The ferry disaster near Lamu island left 41 dead people, officials said.", num{"41", "", "dead people", "", 41}),
			},
			want: []Conflict{{Counts: "people", Severity: Loose, Members: []Ref{{0, 0}, {1, 0}, {2, 0}}}},
		},
		{
			name: "a bound agrees with the value",
			docs: []article.Document{
				doc("a", "At least 41 people died when the ferry capsized off Lamu island.", num{"At least 41", "at least", "people", "", 41}),
				doc("c", "The ferry capsized off Lamu island and 41 people died.", num{"41", "", "people", "", 41}),
			},
		},
		{
			name: "exact values differ",
			docs: []article.Document{
				doc("a", "The ferry capsized off Lamu island and 41 people died.", num{"41", "", "people", "", 41}),
				doc("b", "The ferry capsized off Lamu island; 45 people died.", num{"45", "", "people", "", 45}),
			},
			want: []Conflict{{Counts: "people", Severity: Hard, Members: []Ref{{0, 0}, {1, 0}}}},
		},
		{
			name: "a value above an upper bound",
			docs: []article.Document{
				doc("a", "Up to 30 miners were trapped in the Karoo shaft.", num{"Up to 30", "up to", "miners", "", 30}),
				doc("b", "Rescuers say 36 miners were trapped in the Karoo shaft.", num{"36", "", "miners", "", 36}),
			},
			want: []Conflict{{Counts: "miners", Severity: Hard, Members: []Ref{{0, 0}, {1, 0}}}},
		},
		{
			name: "different counted heads",
			docs: []article.Document{
				doc("a", "The ministry sent 14 engineers to the Karoo shaft.", num{"14", "", "engineers", "", 14}),
				doc("b", "The ministry sent 15 medics to the Karoo shaft.", num{"15", "", "medics", "", 15}),
			},
		},
		{
			name: "different kinds",
			docs: []article.Document{
				doc("a", "The Karoo shaft rescue cost 40 million rand, the ministry said.", num{"40 million", "", "rand", "money", 40e6}),
				doc("b", "The Karoo shaft rescue needed 41 million rand workers, the ministry said.", num{"41 million", "", "rand", "count", 41e6}),
			},
		},
		{
			name: "parts listed in one sentence",
			docs: []article.Document{
				doc("a", "Kenya and Uganda sent 14 and 15 medics to the Karoo shaft.", num{"14", "", "medics", "", 14}, num{"15", "", "medics", "", 15}),
			},
		},
		{
			name: "no shared context",
			docs: []article.Document{
				doc("a", "Floods in Lamu left 41 people homeless.", num{"41", "", "people", "", 41}),
				doc("b", "The Berlin concert drew 45 people.", num{"45", "", "people", "", 45}),
			},
		},
		{
			name: "a total and its part",
			docs: []article.Document{
				doc("a", "The Karoo shaft collapse trapped 97 miners.", num{"97", "", "miners", "", 97}),
				doc("b", "Of those trapped in the Karoo shaft collapse, 14 miners were foreign.", num{"14", "", "miners", "", 14}),
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Find(tc.docs, Options{})
			if len(got) == 0 && len(tc.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Find = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestSubcountHeads(t *testing.T) {
	// "special forces soldiers" and "special forces" count the same thing.
	docs := []article.Document{
		doc("a", "Leaked files say at least 80 special forces soldiers from allied states operate in Varnia.", num{"at least 80", "at least", "special forces soldiers", "", 80}),
		doc("b", "Leaked files suggest allied states deployed about 90 special forces in Varnia.", num{"about 90", "about", "special forces", "", 90}),
	}
	got := Find(docs, Options{})
	if len(got) != 1 || got[0].Severity != Loose || len(got[0].Members) != 2 {
		t.Errorf("Find = %+v, want one loose conflict of two members", got)
	}
}

// TestOutcomes: one counted noun with different outcomes counts different
// people; nouns and tolls that carry an outcome count the same people.
func TestOutcomes(t *testing.T) {
	t.Run("killed and missing are different counts", func(t *testing.T) {
		docs := []article.Document{
			doc("a", "Floods in Varnia: at least 41 people were killed after the Tamsk dam burst.", num{"at least 41", "at least", "people", "", 41}),
			doc("b", "After the Tamsk dam burst in Varnia, 60 people are missing.", num{"60", "", "people", "", 60}),
		}
		if got := Find(docs, Options{}); len(got) != 0 {
			t.Errorf("Find = %+v, want none", got)
		}
	})
	t.Run("bodies and a toll count the dead", func(t *testing.T) {
		docs := []article.Document{
			doc("a", "After the Tamsk dam burst in Varnia the official toll stood at 41.", num{"41", "", "", "", 41}),
			doc("b", "Morgue workers in Varnia counted 55 bodies after the Tamsk dam burst.", num{"55", "", "bodies", "", 55}),
		}
		got := Find(docs, Options{})
		if len(got) != 1 || len(got[0].Members) != 2 || got[0].Severity != Hard {
			t.Errorf("Find = %+v, want one hard conflict of two members", got)
		}
	})
	t.Run("a figure repeated in one document counts once", func(t *testing.T) {
		docs := []article.Document{
			doc("a", "The Tamsk dam burst in Varnia killed 41 people. Officials in Varnia said 41 people were killed at Tamsk.", num{"41", "", "people", "", 41}, num{"41", "", "people", "", 41}),
			doc("b", "The Tamsk dam burst in Varnia killed 50 people.", num{"50", "", "people", "", 50}),
		}
		got := Find(docs, Options{})
		if len(got) != 1 || len(got[0].Members) != 2 {
			t.Errorf("Find = %+v, want one conflict of two members", got)
		}
	})
}

func TestPickLabel(t *testing.T) {
	for _, c := range []struct {
		labels map[string]int
		want   string
	}{
		{map[string]int{}, ""},
		{map[string]int{"": 3}, ""},
		// An empty label (a count found from the words before it) never
		// wins over a worded one, whatever the map's iteration order.
		{map[string]int{"": 1, "bodies": 1}, "bodies"},
		{map[string]int{"": 5, "bodies": 1}, "bodies"},
		{map[string]int{"soldiers": 2, "special forces soldiers": 1}, "soldiers"},
		{map[string]int{"troops": 1, "forces": 1}, "forces"},
		{map[string]int{"troops": 1, "forces": 1, "men": 1}, "men"},
	} {
		for range 20 { // map order varies from call to call
			if got := pickLabel(c.labels); got != c.want {
				t.Fatalf("pickLabel(%v) = %q, want %q", c.labels, got, c.want)
			}
		}
	}
}
