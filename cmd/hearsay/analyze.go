package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/link"
	"github.com/hearsaylab/hearsay/link/minhash"
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
	var docs []article.Document
	failed := process(ctx, eng, fs.Args(), stdin, cf, stderr, func(d article.Document) { docs = append(docs, d) })
	corpus := link.Analyze(docs, link.Options{Duplicates: duplicates, Stories: stories})
	out := bufio.NewWriter(stdout)
	var err error
	if cf.json {
		err = corpus.WriteJSON(out)
	} else {
		err = report.Corpus(out, corpus, report.Style{Color: useColor(cf.color, stdout, getenv)})
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

// duplicates finds near-identical documents with MinHash LSH.
func duplicates(docs []article.Document) []link.Duplicate {
	p := minhash.DefaultParams()
	p.Threshold = duplicateThreshold
	ix, err := minhash.NewIndex(p)
	if err != nil {
		return nil
	}
	for i, d := range docs {
		ix.Add(i, d.Body)
	}
	var out []link.Duplicate
	for _, p := range ix.Pairs() {
		out = append(out, link.Duplicate{Docs: []string{docs[p.A].Doc, docs[p.B].Doc}, Similarity: round3(p.Similarity)})
	}
	return out
}

// stories groups documents about the same event.
func stories(docs []article.Document) []link.Story {
	in := make([]story.Doc, len(docs))
	for i, d := range docs {
		in[i] = story.Doc{ID: d.Doc, Body: d.Body}
		if d.Title != nil {
			in[i].Title = *d.Title
		}
		if d.Date != nil {
			in[i].Date = *d.Date
		}
	}
	var out []link.Story
	for _, s := range story.Cluster(in, story.DefaultParams()) {
		out = append(out, link.Story{Label: s.Label, Docs: s.Docs})
	}
	return out
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }
