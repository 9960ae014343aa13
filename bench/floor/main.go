// Command floor is the bare tokenizing pass of the side-by-side benchmark
// (bench/run.sh): the least any extractor must do, read every byte once and
// split it into words. It loads the listed files into memory first, then
// times, on one goroutine, a hand-written word tokenizer over them: letters
// and digits (any script, with an ASCII fast path) make words, an apostrophe
// or hyphen between two word characters stays inside the word, everything
// else separates; every word's byte span is recorded, as a real tokenizer
// would hand them on. Run it with GOMAXPROCS=1.
//
// Usage: floor -list FILES.txt [-scope full] [-passes 3]
package main

import (
	"flag"
	"fmt"
	"os"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/bench/internal/benchrun"
)

// span is one word's byte offsets.
type span struct{ start, end int32 }

// tokenize appends the spans of the words of b to out.
func tokenize(b []byte, out []span) []span {
	start := -1
	for i := 0; i < len(b); {
		c := b[i]
		var word bool
		size := 1
		if c < utf8.RuneSelf {
			word = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
			if !word && (c == '\'' || c == '-') && start >= 0 && i+1 < len(b) {
				n := b[i+1]
				word = n >= 'a' && n <= 'z' || n >= 'A' && n <= 'Z' || n >= '0' && n <= '9'
			}
		} else {
			var r rune
			r, size = utf8.DecodeRune(b[i:])
			word = unicode.IsLetter(r) || unicode.IsDigit(r) || (r == '’' && start >= 0)
		}
		if word {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, span{int32(start), int32(i)})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, span{int32(start), int32(len(b))})
	}
	return out
}

func main() {
	list := flag.String("list", "", "file with the corpus paths, one a line")
	scope := flag.String("scope", "full", "label of the list: full or sample")
	passes := flag.Int("passes", 3, "timed passes; the best is reported")
	flag.Parse()
	paths, err := benchrun.ReadList(*list)
	if err != nil || len(paths) == 0 {
		fmt.Fprintln(os.Stderr, "floor: need -list with at least one path:", err)
		os.Exit(2)
	}
	r := benchrun.Result{Contender: "floor: bare word tokenizer (Go)", Scope: *scope}
	t0 := time.Now()
	docs := make([][]byte, 0, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(1)
		}
		docs = append(docs, b)
		r.Bytes += int64(len(b))
		r.Words += benchrun.Words(string(b))
	}
	r.Files = len(docs)
	r.ReadS = time.Since(t0).Seconds()
	var spans []span
	var tokens int
	benchrun.Best(&r, *passes, func() {
		tokens = 0
		for _, d := range docs {
			spans = tokenize(d, spans[:0])
			tokens += len(spans)
		}
	})
	r.Note = fmt.Sprintf("%d tokens", tokens)
	r.Print()
}
