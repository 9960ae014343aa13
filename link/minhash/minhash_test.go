package minhash

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// Invented texts: a wire story, its reprint with small edits, and a second,
// different story on the same topic.
const wire = `The city council of Eastbrook voted 7 to 2 on Tuesday to approve a new flood barrier along the Marlow River, ending a debate that has lasted almost three years.
The barrier, estimated to cost 48 million dollars, will protect about 1,200 homes in the low-lying Riverside district, according to the council's engineering report.
"We have waited long enough," said council member Dana Okafor, who represents the district. "Every spring our residents pile sandbags against their doors."
Opponents argued that the plan would push floodwater downstream toward the neighbouring town of Hale, and asked for an independent study.
Construction is expected to begin next summer and take two years. The council said it would apply for a regional grant to cover a third of the cost.
The Marlow River burst its banks twice in the past decade, most recently in March, when 300 households were evacuated and the main bridge was closed for a week.`

const reprint = `By Sam Whitley, Staff Reporter

The city council of Eastbrook voted 7-2 on Tuesday to approve a new flood barrier along the Marlow River, ending a debate that has lasted almost three years.
The barrier, estimated to cost 48 million dollars, will protect about 1,200 homes in the low-lying Riverside district, according to the council’s engineering report.
“We have waited long enough,” said council member Dana Okafor, who represents the district. “Every spring our residents pile sandbags against their doors.”
Opponents argued that the plan would push floodwater downstream toward the neighbouring town of Hale — and asked for an independent study.
Construction is expected to start next summer and take two years. The council said it would apply for a regional grant to cover a third of the cost.
The Marlow River burst its banks twice in the past decade, most recently in March, when 300 households were evacuated and the main bridge was closed for a week.

Related stories
Eastbrook mayor announces budget review
Heavy rain expected across the region this weekend`

const sameTopic = `Residents of the village of Dunmore were told on Thursday to leave their homes as the Alder River rose to its highest level in forty years.
Emergency services said around 450 people had been moved to a school gym, and that the water was expected to peak overnight.
"We have never seen the river this high," said Pat Reyes, who runs a bakery near the old stone bridge. "The cellar flooded within an hour."
The regional government said it would review its flood defences once the water receded, after criticism that a barrier promised in 2019 was never built.
Forecasters expect more rain over the weekend, and the army has sent two trucks of sandbags to the area.`

func TestPairs(t *testing.T) {
	cases := []struct {
		name   string
		a, b   string
		paired bool
		minSim float64
	}{
		{"identical", wire, wire, true, 1},
		{"reprint with byline, edits, related block", wire, reprint, true, 0.8},
		{"case and whitespace", wire, strings.ToUpper(strings.Join(strings.Fields(wire), "   ")), true, 1},
		{"different story same topic", wire, sameTopic, false, 0},
		{"reprint vs different story", reprint, sameTopic, false, 0},
		{"empty texts", "", "", false, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ix, err := NewIndex(Params{})
			if err != nil {
				t.Fatal(err)
			}
			ix.Add(10, c.a)
			ix.Add(20, c.b)
			ps, err := ix.Pairs()
			if err != nil {
				t.Fatal(err)
			}
			if !c.paired {
				if len(ps) != 0 {
					t.Fatalf("got pairs %v, want none", ps)
				}
				return
			}
			if len(ps) != 1 || ps[0].A != 10 || ps[0].B != 20 {
				t.Fatalf("got pairs %v, want one pair 10–20", ps)
			}
			if ps[0].Similarity < c.minSim {
				t.Fatalf("similarity %.3f < %.3f", ps[0].Similarity, c.minSim)
			}
		})
	}
}

func TestExactJaccardOfReprint(t *testing.T) {
	// The normalisation alone (not the estimate) must make the reprint close.
	a, b := set(shingles(wire, 5)), set(shingles(reprint, 5))
	inter := 0
	for x := range a {
		if b[x] {
			inter++
		}
	}
	j := float64(inter) / float64(len(a)+len(b)-inter)
	if j < 0.8 {
		t.Fatalf("exact Jaccard of reprint %.3f < 0.8", j)
	}
}

func set(xs []uint64) map[uint64]bool {
	m := make(map[uint64]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func TestWords(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Hello,  World!", "hello world"},
		{"don’t “quote” — me", "dont quote me"},
		{"By Jane Doe\nThe text.", "the text"},
		{"Body text here.\nRelated stories\nOther headline", "body text here"},
		{"By the time the long meeting ended, the mayor had left the building and gone home.", "by the time the long meeting ended the mayor had left the building and gone home"},
		{"", ""},
	}
	for _, c := range cases {
		if got := strings.Join(words(c.in), " "); got != c.want {
			t.Errorf("words(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParams(t *testing.T) {
	bad := []Params{{Hashes: 100, Bands: 32}, {Shingle: -1}, {Threshold: 1.5}, {MaxBucket: 1}}
	for _, p := range bad {
		if _, err := NewIndex(p); err == nil {
			t.Errorf("NewIndex(%+v): no error", p)
		}
	}
	ix, err := NewIndex(Params{})
	if err != nil {
		t.Fatal(err)
	}
	if ix.Params() != DefaultParams() {
		t.Errorf("defaults %+v, want %+v", ix.Params(), DefaultParams())
	}
}

func TestPairsSortedAndDeterministic(t *testing.T) {
	run := func() []Pair {
		ix, _ := NewIndex(Params{})
		docs := synthDocs(2000, 7)
		for i, d := range docs {
			ix.Add(len(docs)-i, d) // ids in reverse order of addition
		}
		ps, err := ix.Pairs()
		if err != nil {
			t.Fatal(err)
		}
		return ps
	}
	a, b := run(), run()
	if !slices.Equal(a, b) {
		t.Fatal("Pairs not deterministic")
	}
	if len(a) == 0 {
		t.Fatal("no pairs among synthetic near-duplicates")
	}
	for i, p := range a {
		if p.A >= p.B {
			t.Fatalf("pair %v: A >= B", p)
		}
		if i > 0 && (a[i-1].A > p.A || a[i-1].A == p.A && a[i-1].B >= p.B) {
			t.Fatalf("pairs not sorted at %d: %v, %v", i, a[i-1], p)
		}
	}
}

func FuzzShingles(f *testing.F) {
	f.Add("The quick brown fox jumps over the lazy dog.", 5)
	f.Add("“Quoted” — text, with   spaces\nand lines", 3)
	f.Add("", 1)
	f.Add("By X\nRelated\n", 2)
	f.Fuzz(func(t *testing.T, text string, k int) {
		k = k%8 + 1
		if k < 1 {
			k += 8
		}
		ws := words(text)
		sh := shingles(text, k)
		switch {
		case len(ws) == 0 && len(sh) != 0:
			t.Fatalf("no words but %d shingles", len(sh))
		case len(ws) > 0 && len(sh) != max(1, len(ws)-k+1):
			t.Fatalf("%d words, k=%d: %d shingles", len(ws), k, len(sh))
		}
		for _, w := range ws {
			if w == "" || strings.IndexFunc(w, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.ToLower(r) != r }) >= 0 {
				t.Fatalf("bad word %q", w)
			}
		}
		// Re-joining the normalised words changes nothing.
		if again := shinglesOf(lineWords(strings.Join(ws, " ")), k); !slices.Equal(again, sh) {
			t.Fatalf("shingles of normalised words differ: %q", ws)
		}
		if !slices.Equal(shingles(text, k), sh) {
			t.Fatal("not deterministic")
		}
	})
}

// synthDocs generates n documents of about 80 words from a 5000-word
// vocabulary; every fifth document is a lightly edited copy of the one before.
func synthDocs(n int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	vocab := make([]string, 5000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%x", i*2654435761%1000003)
	}
	docs := make([]string, n)
	var prev []string
	for i := range docs {
		var ws []string
		if i%5 == 4 {
			ws = slices.Clone(prev)
			ws[r.IntN(len(ws))] = vocab[r.IntN(len(vocab))]
		} else {
			ws = make([]string, 80)
			for j := range ws {
				ws[j] = vocab[r.IntN(len(vocab))]
			}
		}
		prev = ws
		docs[i] = strings.Join(ws, " ")
	}
	return docs
}

func BenchmarkAdd(b *testing.B) {
	docs := synthDocs(1000, 1)
	ix, _ := NewIndex(Params{})
	total := 0
	for _, d := range docs {
		total += len(d)
	}
	b.SetBytes(int64(total / len(docs)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ix.Add(i, docs[i%len(docs)])
	}
}

func BenchmarkPairs(b *testing.B) {
	docs := synthDocs(100_000, 2)
	ix, _ := NewIndex(Params{})
	for i, d := range docs {
		ix.Add(i, d)
	}
	docs = nil
	b.ReportAllocs()
	for b.Loop() {
		ps, err := ix.Pairs()
		if err != nil {
			b.Fatal(err)
		}
		if len(ps) < 10_000 {
			b.Fatalf("only %d pairs", len(ps))
		}
	}
}

// TestSpillSamePairs: with signatures in a temporary file, Pairs finds the
// same pairs as in memory, and Close removes the file.
func TestSpillSamePairs(t *testing.T) {
	docs := synthDocs(3000, 11)
	run := func(dir string, slots int) []Pair {
		ix, err := NewIndex(Params{Threshold: 0.5})
		if err != nil {
			t.Fatal(err)
		}
		ix.slots = slots
		if dir != "" {
			if err := ix.SpillTo(dir); err != nil {
				t.Fatal(err)
			}
		}
		for i, d := range docs {
			if err := ix.Add(i, d); err != nil {
				t.Fatal(err)
			}
		}
		ps, err := ix.Pairs()
		if err != nil {
			t.Fatal(err)
		}
		if err := ix.Close(); err != nil {
			t.Fatal(err)
		}
		return ps
	}
	dir := t.TempDir()
	mem := run("", 0)
	for _, slots := range []int{0, 7, 1} { // small caches: pairs whose documents share a slot
		if spilled := run(dir, slots); len(mem) == 0 || !slices.Equal(mem, spilled) {
			t.Errorf("cache of %d: spilled index found %d pairs, in memory %d; want the same, and some", slots, len(spilled), len(mem))
		}
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("%d files left after Close", len(left))
	}
}
