package number

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzFind(f *testing.F) {
	seeds := []string{
		"At least 40 miners were trapped.",
		"Roughly 6–7,000 volunteers; between 4,000 and 5,000 workers.",
		"$3 billion dollars’ worth of supplies, £2bn and US$12 million.",
		"twenty-five protesters, two-thirds of voters, a dozen reporters",
		"Call 555-0143 or +44 20 7946 0000; F‑16 and MI‑6; article 5; [4]",
		"some 300 feet away, 40 km/h, 12%, 9/11, 24/7, 9 p.m., 10:30",
		"1.2.3 1,2 0.5 007 5,000, 5- –5 -- ‑ ’22 2022’s",
		"\u00a0150\u00a0meters\u200b2\u00a0years ago",
		"a", "$", "–", "one", "a billion", "between 4 and", "4–", "Two or",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	fd := newFinder(f)
	f.Fuzz(func(t *testing.T, text string) {
		got := fd.Find(text)
		checkSpans(t, text, got)
		for _, n := range got {
			if !utf8.ValidString(n.Counts) && utf8.ValidString(text) {
				t.Fatalf("Counts %q is not valid UTF-8", n.Counts)
			}
		}
	})
}

// benchText builds about size bytes of news-like text from invented
// sentences, with a fixed seed so that runs compare.
func benchText(size int) string {
	parts := []string{
		"The ministry said at least 1,200 soldiers from five countries had arrived.",
		"Officials estimated that roughly 4–5,000 contractors were working for the agency in 2021.",
		"Donors pledged $3.5 billion in aid on March 14, according to a statement.",
		"“We will not send troops,” the spokesman told reporters on Tuesday.",
		"Two senior diplomats resigned, and a dozen staff members left the embassy.",
		"The F-16 jets flew some 300 feet above the convoy near Route 9.",
		"Turnout fell 12% as thousands of voters stayed home [3].",
		"Of the 80 candidates on the list, 30 were women, the commission said.",
		"Prices rose for the third month in a row, analysts at the bank wrote.",
		"The committee, which meets twice a year, has 27 members and a budget of €40 million.",
		"Четыре tänään naïve café résumé — unrelated words in other scripts.",
	}
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for b.Len() < size {
		b.WriteString(parts[r.IntN(len(parts))])
		if r.IntN(5) == 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func BenchmarkFind(b *testing.B) {
	f := newFinder(b)
	text := benchText(4 << 20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		f.Find(text)
	}
}
