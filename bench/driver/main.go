// Command driver times hearsay's extraction engine for the side-by-side
// benchmark (bench/run.sh) without file I/O or output: it reads the listed
// files into memory (timed apart, as read_s), builds the engine (load_s),
// then runs extract.Engine.Document over every article on one goroutine,
// passes times, and reports the best pass. With -link it instead times the
// cross-document stage alone, as hearsay analyze runs it (near-duplicates,
// stories, quote/claim/number linking, provenance, JSON written to nowhere),
// on the documents of one untimed extraction pass; run apart so that each
// row's peak RSS is its own. Run it with GOMAXPROCS=1.
//
// Usage: driver -list FILES.txt [-scope full] [-passes 3] [-link]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/bench/internal/benchrun"
	"github.com/hearsaylab/hearsay/extract"
	"github.com/hearsaylab/hearsay/link"
	"github.com/hearsaylab/hearsay/link/story"
	"github.com/hearsaylab/hearsay/read"
)

// duplicateThreshold is the one hearsay analyze uses (cmd/hearsay).
const duplicateThreshold = 0.5

func main() {
	list := flag.String("list", "", "file with the corpus paths, one a line")
	scope := flag.String("scope", "full", "label of the list: full or sample")
	passes := flag.Int("passes", 3, "timed extraction passes; the best is reported")
	withLink := flag.Bool("link", false, "time the cross-document stage (one pass) instead of extraction")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the run to this file")
	memprofile := flag.String("memprofile", "", "write an allocation profile of the run to this file at the end")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "driver:", err)
			os.Exit(1)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "driver:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	if *memprofile != "" {
		runtime.MemProfileRate = 64 << 10
		defer func() {
			f, err := os.Create(*memprofile)
			if err == nil {
				err = pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, "driver:", err)
			}
		}()
	}
	paths, err := benchrun.ReadList(*list)
	if err != nil || len(paths) == 0 {
		fmt.Fprintln(os.Stderr, "driver: need -list with at least one path:", err)
		os.Exit(2)
	}
	ctx := context.Background()

	r := benchrun.Result{Contender: "hearsay extract (engine, in memory)", Scope: *scope}
	t0 := time.Now()
	var srcs []article.Source
	err = read.WalkWith(ctx, paths, nil, read.Options{}, func(src article.Source, err error) error {
		if err != nil {
			return err
		}
		srcs = append(srcs, src)
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "driver:", err)
		os.Exit(1)
	}
	r.ReadS = time.Since(t0).Seconds()
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, "driver:", err)
			os.Exit(1)
		}
		r.Bytes += st.Size()
	}
	for _, s := range srcs {
		r.Words += benchrun.Words(s.Text)
	}
	r.Files = len(srcs)

	t0 = time.Now()
	eng, err := extract.New()
	if err != nil {
		fmt.Fprintln(os.Stderr, "driver:", err)
		os.Exit(1)
	}
	r.LoadS = time.Since(t0).Seconds()

	if !*withLink {
		// Extraction: every document, one goroutine; the documents are
		// counted and dropped, as hearsay extract does once it has written
		// them.
		var quotes, entities, numbers int
		benchrun.Best(&r, *passes, func() {
			quotes, entities, numbers = 0, 0, 0
			for _, s := range srcs {
				d := eng.Document(s)
				quotes += len(d.Quotes)
				entities += len(d.Entities)
				numbers += len(d.Numbers)
			}
		})
		r.Note = fmt.Sprintf("%d quotes, %d entities, %d numbers", quotes, entities, numbers)
		r.Print()
		return
	}

	// Linking: the documents of one more (untimed) extraction pass, linked
	// in memory with the duplicate and story finders hearsay analyze uses.
	docs := make([]article.Document, len(srcs))
	for i, s := range srcs {
		docs[i] = eng.Document(s)
	}
	lr := r
	lr.Contender = "hearsay link stage only (in memory, after extract)"
	lr.LoadS = 0
	var clusters string
	benchrun.Best(&lr, 1, func() {
		dup, err := link.MinHashDuplicates(duplicateThreshold, "")
		if err != nil {
			panic(err)
		}
		sto, err := link.StoryClusters(story.DefaultParams(), "")
		if err != nil {
			panic(err)
		}
		l, err := link.NewLinker(link.Options{Duplicates: dup, Stories: sto, Workers: 1})
		if err != nil {
			panic(err)
		}
		for _, d := range docs {
			if err := l.Add(d); err != nil {
				panic(err)
			}
		}
		res, err := l.Finish(ctx)
		if err != nil {
			panic(err)
		}
		if err := res.WriteJSON(io.Discard); err != nil {
			panic(err)
		}
		q, c, n := res.Counts()
		clusters = fmt.Sprintf("%d quote clusters, %d claim clusters, %d number conflicts", q, c, n)
		res.Close()
	})
	lr.Note = clusters
	lr.Print()
}
