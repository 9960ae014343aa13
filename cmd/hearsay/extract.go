package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"sync"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/extract"
	"github.com/hearsaylab/hearsay/read"
	"github.com/hearsaylab/hearsay/report"
)

func cmdExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv env, log *slog.Logger) int {
	var cf commonFlags
	fs := newFlagSet("extract", "Prints, for each article, its quotations with speaker, cue and channel, reported\nclaims, numbers, named and anonymous sources, cited outlets and framing evidence.\nWith --json: one JSON object per line, in input order.", stderr, &cf)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	stopProfile, ok := cf.startProfile(stderr)
	if !ok {
		return exitFailure
	}
	defer stopProfile()
	eng, ok := startEngine(stderr)
	if !ok {
		return exitFailure
	}
	out := bufio.NewWriterSize(stdout, outBufSize)
	st := report.Style{Color: useColor(cf.color, stdout, getenv)}
	var writeErr error
	var buf []byte
	failed := process(ctx, extracted(eng), fs.Args(), stdin, cf, stderr, func(it item) {
		d := it.doc
		if writeErr != nil {
			return
		}
		if cf.json {
			b, err := d.AppendJSON(buf[:0])
			if err != nil {
				writeErr = fmt.Errorf("%s: %w", d.Doc, err)
				return
			}
			buf = b
			out.Write(b)
			writeErr = out.WriteByte('\n')
			return
		}
		writeErr = report.Text(out, d, st)
	})
	if err := out.Flush(); err != nil && writeErr == nil {
		writeErr = err
	}
	if writeErr != nil {
		fmt.Fprintf(stderr, "hearsay: writing output: %v\n", writeErr)
		return exitFailure
	}
	if failed > 0 {
		return exitInput
	}
	return exitOK
}

// startEngine builds the extraction engine; on failure it says why on
// stderr.
func startEngine(stderr io.Writer) (*extract.Engine, bool) {
	eng, err := extract.New()
	if err != nil {
		fmt.Fprintf(stderr, "hearsay: %v\n", err)
		return nil, false
	}
	return eng, true
}

// item is one processed input: its document, the content hash of its
// source (when a store is in use) and whether the document came from the
// store rather than from extraction.
type item struct {
	doc    article.Document
	hash   string
	stored bool
}

// extracted returns a function that extracts a source's document.
func extracted(eng *extract.Engine) func(article.Source) item {
	return func(src article.Source) item { return item{doc: eng.Document(src)} }
}

// process reads every input, extracts the documents on a pool of workers and
// hands them to emit in input order. It returns how many inputs failed; each
// failure is reported on stderr with the input's name and the reason.
func process(ctx context.Context, docOf func(article.Source) item, paths []string, stdin io.Reader, cf commonFlags, stderr io.Writer, emit func(item)) int {
	failed := 0
	opt := read.Options{AllowPrivate: cf.allowPrivate, FetchLinks: cf.fetchLinks, Logger: slog.New(slog.NewTextHandler(stderr, nil))}
	inOrder(ctx, cf.workers, docOf, func(send func(article.Source) bool) {
		err := read.WalkWith(ctx, paths, stdin, opt, func(src article.Source, err error) error {
			if err != nil {
				failed++
				if !cf.quiet {
					fmt.Fprintf(stderr, "hearsay: %v\n", err)
				}
				return nil
			}
			if !send(src) {
				return ctx.Err()
			}
			return nil
		})
		if err != nil {
			failed++
			fmt.Fprintf(stderr, "hearsay: %v\n", err)
		}
	}, emit)
	return failed
}

// inOrder runs docOf on workers goroutines (0: one per CPU) over the
// sources that feed sends, and hands the results to emit, on the calling
// goroutine, in the order they were sent. send reports false once ctx is
// done; feed should then stop. inOrder returns when everything sent has
// been emitted; what feed does happens before it returns.
func inOrder(ctx context.Context, workers int, docOf func(article.Source) item, feed func(send func(article.Source) bool), emit func(item)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		i   int
		src article.Source
	}
	type result struct {
		i  int
		it item
	}
	jobs := make(chan job, workers)
	results := make(chan result, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- result{j.i, docOf(j.src)}
			}
		}()
	}
	go func() {
		n := 0
		feed(func(src article.Source) bool {
			select {
			case jobs <- job{n, src}:
				n++
				return true
			case <-ctx.Done():
				return false
			}
		})
		close(jobs)
		wg.Wait()
		close(results)
	}()
	pending := map[int]item{}
	next := 0
	for r := range results {
		pending[r.i] = r.it
		for {
			it, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			emit(it)
			next++
		}
	}
}
