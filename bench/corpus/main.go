// Command corpus writes the generated part of the side-by-side benchmark's
// corpus (bench/run.sh): at least -mb megabytes of article text, one article
// per file, built deterministically from the hand-written demo articles in
// examples/ (all fictional, see examples/README.md).
//
// Articles come in stories of six (one per demo article, in a shuffled
// order). Every story gets its own people, places and company: each name of
// the demo event is replaced by one built from syllables, the same in all
// articles of the story, so stories differ in their names while the
// surrounding prose (quotations, attributions, numbers, furniture) keeps the
// constructions of real news copy. Each article also gets its own figures
// (about half of the digit runs are redrawn, keeping their length) and its
// own cut (some body paragraphs dropped, now and then two adjacent ones
// swapped), so no two articles are identical.
//
// Usage: corpus -examples examples -out DIR [-mb 50]
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The demo event's names, by kind. Longer spellings come first so that the
// variant (Korvetsk) is replaced before the name it extends (Korvets).
var (
	firstNames = []string{"Ilse", "Tomas", "Anton", "Petra", "Claire", "Jonas", "Daniel", "Radek", "Viktor", "Hanna"}
	surnames   = []string{"Varga", "Brenner", "Reusch", "Lindqvist", "Dubois", "Aldrich", "Mertens", "Sorin", "Halas", "Verhoeven"}
)

var (
	nameStarts = []string{"Al", "Be", "Ca", "Da", "El", "Fe", "Ga", "Ha", "Il", "Jo", "Ka", "Le", "Ma", "Ni", "Or", "Pe", "Ra", "Sa", "Te", "Va", "Wi", "Za", "Mi", "Lu", "To", "An", "Ro", "Si"}
	nameEnds   = []string{"na", "ra", "lia", "ssa", "ne", "dor", "rek", "tas", "mir", "ko", "van", "ris", "lan", "mon", "vid"}
	surStarts  = []string{"Bren", "Hol", "Var", "Kes", "Mor", "Dra", "Lin", "Tor", "Vel", "Sko", "Aur", "Pet", "Gral", "Ost", "Fen", "Kal", "Rus", "Sel", "Mar", "Hal", "Dun", "Ves", "Kor", "Bar"}
	surMids    = []string{"", "", "a", "e", "i", "o", "an", "er", "ov"}
	surEnds    = []string{"ga", "ner", "stad", "ovic", "berg", "ski", "man", "ssen", "ari", "enko", "ez", "quist", "dahl", "escu", "ani"}
	placeStart = []string{"Kor", "Vel", "Nord", "Ost", "Mar", "Sel", "Bran", "Dur", "Hal", "Lis", "Tam", "Gor", "Riv", "Zel", "Ard", "Bel", "Cor", "Fal", "Hav", "Kel", "Mor", "Pra", "Sor", "Val"}
	placeMids  = []string{"", "a", "e", "i", "o", "en", "an", "ar"}
	townEnds   = []string{"vets", "burg", "holm", "ovo", "ton", "vik", "grad", "heim", "ora", "ica", "stad", "ford"}
	regionEnds = []string{"vale", "land", "mark", "dal", "mont", "shire"}
	countryEnd = []string{"onia", "avia", "ania", "eria", "adia", "ovia", "esia"}
)

func pick(rng *rand.Rand, xs []string) string { return xs[rng.IntN(len(xs))] }

func place(rng *rand.Rand, ends []string) string {
	return pick(rng, placeStart) + pick(rng, placeMids) + pick(rng, ends)
}

// storyReplacer maps the demo event's names to story s's names.
func storyReplacer(seed uint64, s int) *strings.Replacer {
	rng := rand.New(rand.NewPCG(seed, uint64(s)))
	country := place(rng, countryEnd) // ends in a: demonym + "n"
	region := place(rng, regionEnds)
	town := place(rng, townEnds)
	pairs := []string{
		"Dravonian", country + "n", "Dravonia", country,
		"Nordvalia", strings.TrimSuffix(region, region[len(region)-1:]) + "ia", "Nordvale", region,
		"Korvetsk", town + "a", "Korvets", town,
		"Velsburg", place(rng, townEnds),
		"Varnholm", place(rng, townEnds),
		"Halden", place(rng, townEnds),
		"Selka", pick(rng, surStarts) + pick(rng, surMids) + "a",
	}
	for k := 0; k < 12; k += 2 { // datelines spell places in capitals
		pairs = append(pairs, strings.ToUpper(pairs[k]), strings.ToUpper(pairs[k+1]))
	}
	for _, f := range firstNames {
		pairs = append(pairs, f, pick(rng, nameStarts)+pick(rng, nameEnds))
	}
	for _, n := range surnames {
		pairs = append(pairs, n, pick(rng, surStarts)+pick(rng, surMids)+pick(rng, surEnds))
	}
	return strings.NewReplacer(pairs...)
}

// vary returns article i's version of text: some body paragraphs dropped or
// swapped, about half of the digit runs redrawn.
func vary(seed uint64, i int, text string, rep *strings.Replacer) string {
	rng := rand.New(rand.NewPCG(seed^0x9e3779b97f4a7c15, uint64(i)))
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	out := paras[:min(2, len(paras))]
	body := append([]string(nil), paras[len(out):]...)
	if len(body) > 3 && rng.IntN(3) == 0 {
		k := rng.IntN(len(body) - 2) // keep the last paragraph last
		body[k], body[k+1] = body[k+1], body[k]
	}
	for k, p := range body {
		if k < len(body)-1 && rng.IntN(7) == 0 {
			continue
		}
		out = append(out, p)
	}
	t := rep.Replace(strings.Join(out, "\n\n"))
	var b strings.Builder
	b.Grow(len(t))
	for j := 0; j < len(t); {
		if t[j] < '0' || t[j] > '9' {
			b.WriteByte(t[j])
			j++
			continue
		}
		k := j
		for k < len(t) && t[k] >= '0' && t[k] <= '9' {
			k++
		}
		if rng.IntN(2) == 0 {
			b.WriteString(t[j:k])
		} else {
			for d := j; d < k; d++ {
				lo := 0
				if d == j && k-j > 1 {
					lo = 1
				}
				b.WriteByte(byte('0' + lo + rng.IntN(10-lo)))
			}
		}
		j = k
	}
	b.WriteByte('\n')
	return b.String()
}

func main() {
	examples := flag.String("examples", "examples", "folder of the demo articles (*.txt)")
	out := flag.String("out", "", "folder to write the articles to")
	mb := flag.Int("mb", 50, "megabytes (2^20 bytes) to write at least")
	flag.Parse()
	files, _ := filepath.Glob(filepath.Join(*examples, "*.txt"))
	sort.Strings(files)
	if len(files) == 0 || *out == "" {
		fmt.Fprintln(os.Stderr, "corpus: need -examples with *.txt files and -out")
		os.Exit(2)
	}
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, "corpus:", err)
			os.Exit(1)
		}
		texts = append(texts, string(b))
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
	const seed = 0x6ea45a7
	target := int64(*mb) << 20
	var total int64
	n := len(texts)
	var order []int
	var rep *strings.Replacer
	for i := 0; total < target; i++ {
		s := i / n
		if i%n == 0 {
			rep = storyReplacer(seed, s)
			order = rand.New(rand.NewPCG(seed, uint64(s)^0xabc)).Perm(n)
		}
		t := vary(seed, i, texts[order[i%n]], rep)
		name := filepath.Join(*out, fmt.Sprintf("%06d.txt", i))
		if err := os.WriteFile(name, []byte(t), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "corpus:", err)
			os.Exit(1)
		}
		total += int64(len(t))
	}
	fmt.Fprintf(os.Stderr, "corpus: wrote %.1f MB in %s\n", float64(total)/(1<<20), *out)
}
