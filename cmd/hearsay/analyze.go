package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/extract"
	"github.com/hearsaylab/hearsay/link"
	"github.com/hearsaylab/hearsay/link/story"
	"github.com/hearsaylab/hearsay/report"
	"github.com/hearsaylab/hearsay/store"
)

func cmdAnalyze(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv env, log *slog.Logger) int {
	var cf commonFlags
	fs := newFlagSet("analyze", "Reads a corpus and shows how a story travels between outlets: near-duplicate\ncopies, stories, the same quotation or claim in several outlets (also translated\nor trimmed), numbers that disagree, and the chain of citation back to the\nprimary source. With --json: one JSON object (see spec/output.md).", stderr, &cf)
	db := fs.String("db", "hearsay.db", "keep the corpus and its analysis in this SQLite file, or a postgres:// URL; \"none\" keeps nothing")
	mem := fs.String("memory", defaultMemory, "soft memory limit of the run (e.g. 800MiB, 4GiB; 0: none); GOMEMLIMIT in the environment wins")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	stopProfile, ok := cf.startProfile(stderr)
	if !ok {
		return exitFailure
	}
	defer stopProfile()
	if getenv("GOMEMLIMIT") == "" {
		limit, err := parseSize(*mem)
		if err != nil {
			fmt.Fprintf(stderr, "hearsay analyze: --memory: %v\n", err)
			return exitUsage
		}
		if limit > 0 {
			// The limit is the process's; put the previous one back, for
			// callers that run more than one command in a process.
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(limit))
		}
	}
	eng, ok := startEngine(stderr)
	if !ok {
		return exitFailure
	}
	// A store named with --db must work; the default one is a convenience,
	// and a run in a read-only folder still prints its analysis.
	explicit := false
	fs.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "db" })
	var st *store.Store
	if *db != "none" && *db != "" {
		var err error
		if st, err = store.Open(ctx, *db); err != nil {
			if explicit {
				fmt.Fprintf(stderr, "hearsay: %v\n", err)
				return exitFailure
			}
			log.Warn("not keeping the corpus in the default store", "db", *db, "err", err)
			st = nil
		} else {
			defer st.Close()
		}
	}
	keep := newKeeper(ctx, st, eng)
	keep.optional, keep.log = !explicit, log
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
	failed := process(ctx, keep.docOf, fs.Args(), stdin, cf, stderr, func(it item) {
		bar.add()
		if addErr == nil {
			addErr = l.Add(it.doc)
		}
		if addErr == nil {
			addErr = keep.add(it)
		}
	})
	if addErr == nil {
		addErr = keep.flush()
	}
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
	// The corpus in memory, read back once for the digest and the store.
	corpus := sync.OnceValues(res.Corpus)
	out := bufio.NewWriterSize(stdout, outBufSize)
	if cf.json {
		err = res.WriteJSON(out)
	} else {
		var c link.Corpus
		if c, err = corpus(); err == nil {
			err = report.Corpus(out, c, report.Style{Color: useColor(cf.color, stdout, getenv)})
		}
	}
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintf(stderr, "hearsay: writing output: %v\n", err)
		return exitFailure
	}
	if err := keep.save(corpus); err != nil {
		fmt.Fprintf(stderr, "hearsay: %v\n", err)
		return exitFailure
	}
	if failed > 0 {
		return exitInput
	}
	return exitOK
}

// keeper puts analyze's documents and analysis into the store, when there
// is one: documents in batches of storeBatch, one transaction each, as they
// are read (so a run that is killed keeps what it stored), and documents
// already stored under the same content hash are taken from the store
// instead of being extracted again. With a nil store it only extracts.
type keeper struct {
	ctx      context.Context
	st       *store.Store
	eng      *extract.Engine
	pending  []store.Entry
	hashes   []string
	optional bool         // a failing store is dropped with a warning instead of failing the run
	log      *slog.Logger // for that warning
}

// failed handles a store error: fatal when the store was asked for,
// otherwise the store is dropped for the rest of the run.
func (k *keeper) failed(err error) error {
	if !k.optional {
		return err
	}
	k.log.Warn("not keeping the corpus in the default store", "err", err)
	k.st, k.pending, k.hashes = nil, nil, nil
	return nil
}

// storeBatch is the number of documents written per transaction.
const storeBatch = 500

func newKeeper(ctx context.Context, st *store.Store, eng *extract.Engine) *keeper {
	return &keeper{ctx: ctx, st: st, eng: eng}
}

// docOf returns the document of src: stored or extracted. It is called
// from several goroutines.
func (k *keeper) docOf(src article.Source) item {
	if k.st == nil {
		return item{doc: k.eng.Document(src)}
	}
	h := store.SourceHash(src)
	if d, ok, err := k.st.Known(k.ctx, h); err == nil && ok {
		return item{doc: d, hash: h, stored: true}
	}
	return item{doc: k.eng.Document(src), hash: h}
}

// add records an item in input order, storing new documents in batches.
func (k *keeper) add(it item) error {
	if k.st == nil {
		return nil
	}
	k.hashes = append(k.hashes, it.hash)
	if !it.stored {
		k.pending = append(k.pending, store.Entry{Hash: it.hash, Doc: it.doc})
	}
	if len(k.pending) >= storeBatch {
		return k.flush()
	}
	return nil
}

// flush stores the pending documents.
func (k *keeper) flush() error {
	if k.st == nil || len(k.pending) == 0 {
		return nil
	}
	if err := k.st.PutDocuments(k.ctx, k.pending); err != nil {
		return k.failed(fmt.Errorf("storing documents: %w", err))
	}
	k.pending = k.pending[:0]
	return nil
}

// save stores the analysis, replacing the previous one.
func (k *keeper) save(corpus func() (link.Corpus, error)) error {
	if k.st == nil {
		return nil
	}
	c, err := corpus()
	if err != nil {
		return err
	}
	if err := k.st.SaveAnalysis(k.ctx, c, k.hashes); err != nil {
		return k.failed(fmt.Errorf("storing the analysis: %w", err))
	}
	return nil
}

// defaultMemory is analyze's soft memory limit: the garbage collector
// works harder as the heap nears it, so that 1 GB of input (615,000
// synthetic articles) peaks at 811 MB RSS at the same speed; a corpus whose
// live data outgrows it still runs, with more time spent collecting.
const defaultMemory = "800MiB"

// parseSize reads a byte size: a number with an optional KiB, MiB, GiB, KB,
// MB or GB suffix.
func parseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"B", 1}} {
		if rest, ok := strings.CutSuffix(s, u.suffix); ok {
			s, mult = strings.TrimSpace(rest), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n < 0 || math.IsInf(n, 0) || n*float64(mult) > math.MaxInt64/2 {
		return 0, fmt.Errorf("%q is not a size such as 800MiB", s)
	}
	return int64(n * float64(mult)), nil
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
	dup, err := link.MinHashDuplicates(duplicateThreshold, tmp)
	if err != nil {
		return nil, err
	}
	sto, err := link.StoryClusters(story.DefaultParams(), tmp)
	if err != nil {
		return nil, err
	}
	return link.NewLinker(link.Options{Duplicates: dup, Stories: sto, TempDir: tmp})
}
