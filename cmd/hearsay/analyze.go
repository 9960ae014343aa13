package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/link"
	"github.com/hearsaylab/hearsay/link/story"
	"github.com/hearsaylab/hearsay/report"
)

func cmdAnalyze(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv env, log *slog.Logger) int {
	var cf commonFlags
	fs := newFlagSet("analyze", "Reads a corpus and shows how a story travels between outlets: near-duplicate\ncopies, stories, the same quotation or claim in several outlets (also translated\nor trimmed), numbers that disagree, and the chain of citation back to the\nprimary source. With --json: one JSON object (see spec/output.md).", stderr, &cf)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	eng, ok := startEngine(stderr)
	if !ok {
		return exitFailure
	}
	tmp, err := os.MkdirTemp("", "hearsay-analyze-")
	if err != nil {
		fmt.Fprintf(stderr, "hearsay: %v\n", err)
		return exitFailure
	}
	defer os.RemoveAll(tmp)
	l, err := newLinker(tmp)
	if err != nil {
		fmt.Fprintf(stderr, "hearsay: %v\n", err)
		return exitFailure
	}
	bar := newProgress(stderr, cf.quiet, fs.Args())
	var addErr error
	failed := process(ctx, eng, fs.Args(), stdin, cf, stderr, func(d article.Document) {
		bar.add()
		if addErr == nil {
			addErr = l.Add(d)
		}
	})
	bar.stage("linking")
	if addErr != nil {
		fmt.Fprintf(stderr, "hearsay: %v\n", addErr)
		return exitFailure
	}
	res, err := l.Finish(ctx)
	bar.done()
	if err != nil {
		fmt.Fprintf(stderr, "hearsay: linking: %v\n", err)
		return exitFailure
	}
	defer res.Close()
	out := bufio.NewWriter(stdout)
	if cf.json {
		err = res.WriteJSON(out)
	} else {
		var corpus link.Corpus
		if corpus, err = res.Corpus(); err == nil {
			err = report.Corpus(out, corpus, report.Style{Color: useColor(cf.color, stdout, getenv)})
		}
	}
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintf(stderr, "hearsay: writing output: %v\n", err)
		return exitFailure
	}
	if failed > 0 {
		return exitInput
	}
	return exitOK
}

// duplicateThreshold is the least estimated Jaccard similarity of word
// 5-shingles for two documents to be reported as copies. Republished wire
// copy with a local edit or a dropped paragraph scores 0.6–0.9; different
// articles on one story score under 0.2.
const duplicateThreshold = 0.5

// newLinker returns the linker analyze uses: MinHash near-duplicates, story
// clustering, documents and clusters kept in files under tmp ("" for
// memory).
func newLinker(tmp string) (*link.Linker, error) {
	dup, err := link.MinHashDuplicates(duplicateThreshold)
	if err != nil {
		return nil, err
	}
	return link.NewLinker(link.Options{Duplicates: dup, Stories: link.StoryClusters(story.DefaultParams()), TempDir: tmp})
}
