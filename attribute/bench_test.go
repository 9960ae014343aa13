package attribute_test

import (
	"bufio"
	"cmp"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/attribute"
	"github.com/hearsaylab/hearsay/clean"
	"github.com/hearsaylab/hearsay/entity"
	"github.com/hearsaylab/hearsay/internal/wordscan"
	"github.com/hearsaylab/hearsay/outlet"
	"github.com/hearsaylab/hearsay/quote"
	"github.com/hearsaylab/hearsay/segment"
)

// benchFiles returns the articles to benchmark: those listed one a line in
// the file named by $HEARSAY_ATTR_BENCH (at most 3000), else the examples.
func benchFiles(tb testing.TB) []string {
	var files []string
	if list := os.Getenv("HEARSAY_ATTR_BENCH"); list != "" {
		f, err := os.Open(list)
		if err != nil {
			tb.Fatal(err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() && len(files) < 3000 {
			files = append(files, sc.Text())
		}
	} else {
		files, _ = filepath.Glob(filepath.Join("..", "examples", "*.txt"))
	}
	if len(files) == 0 {
		tb.Skip("no articles")
	}
	return files
}

// benchInputs runs the stages before attribution on the articles, the way
// extract.Engine.Document does, and returns the attributor and its inputs.
func benchInputs(tb testing.TB) (*attribute.Attributor, []attribute.Input, int64) {
	cl, err := clean.New()
	if err != nil {
		tb.Fatal(err)
	}
	outs, err := outlet.Load()
	if err != nil {
		tb.Fatal(err)
	}
	rec, err := entity.New()
	if err != nil {
		tb.Fatal(err)
	}
	a, err := attribute.New(rec, outs)
	if err != nil {
		tb.Fatal(err)
	}
	var ins []attribute.Input
	var n int64
	for _, f := range benchFiles(tb) {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		body := cl.Body(string(b))
		n += int64(len(body))
		ins = append(ins, benchInput(rec, outs, body))
	}
	return a, ins, n
}

// benchInput builds the attribution input of one cleaned body.
func benchInput(rec *entity.Recognizer, outs *outlet.Table, body string) attribute.Input {
	lower, _ := wordscan.Lower(body)
	paras := segment.Paragraphs(body)
	quotes := quote.Scan(body, paras)
	var marked, sents []article.Span
	for _, q := range quotes {
		if !q.Block {
			marked = append(marked, article.Span{Start: q.Open, End: q.Close})
		}
	}
	for _, p := range paras {
		sents = append(sents, segment.Sentences(body, p.Span, marked)...)
	}
	toks := segment.AppendTokens(nil, body, 0, len(body))
	words := wordscan.Tokens(nil, body)
	found := outs.FindTokens(body, words)
	var ms []entity.Mention
	for _, m := range rec.AppendLower(nil, body, lower, toks) {
		overlap := false
		for _, o := range found {
			if m.Start < o.End && o.Start < m.End {
				overlap = true
				break
			}
		}
		if !overlap {
			ms = append(ms, m)
		}
	}
	for _, o := range found {
		ms = append(ms, entity.Mention{Start: o.Start, End: o.End, Text: o.Text, Name: o.Canonical, Type: entity.Outlet, RoleStart: o.Start})
	}
	slices.SortStableFunc(ms, func(a, b entity.Mention) int { return cmp.Compare(a.Start, b.Start) })
	var om []attribute.OutletMention
	for _, m := range ms {
		if m.Type == entity.Outlet {
			info, _ := outs.Info(m.Name)
			om = append(om, attribute.OutletMention{Start: m.Start, End: m.End, Canonical: m.Name, Platform: info.Type == "platform"})
		}
	}
	return attribute.Input{Body: body, Paras: paras, Sentences: sents, Tokens: toks, Quotes: quotes,
		Mentions: ms, Outlets: om, Lower: lower, Words: words}
}

// BenchmarkDocument measures the attribution stage alone; the MB/s figure
// is of article text. It also reports the process's CPU time per op
// (cpu-ms/op), which other load on the machine disturbs less than wall time.
func BenchmarkDocument(b *testing.B) {
	a, ins, n := benchInputs(b)
	b.SetBytes(n)
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, in := range ins {
			a.Document(in)
		}
	}
	if cpu0 >= 0 {
		b.ReportMetric(float64(cpuTime()-cpu0)/1e6/float64(b.N), "cpu-ms/op")
	}
}
