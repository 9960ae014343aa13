package main

// Scale benchmark of `hearsay analyze --json` on synthetic corpora (see
// synth_test.go).
//
//	HEARSAY_SCALE=100000,1000000 go test ./cmd/hearsay -run '^TestScale$' -v -timeout 0
//
// runs, for each size, the analyze pipeline in a fresh subprocess (the test
// binary re-executed with HEARSAY_SCALE_ONE=size), so each size has its own
// peak RSS (VmHWM), and logs docs, MB of text, wall time, docs/s and peak
// RSS per size, then the ratio of the times of the largest and the smallest
// size. To profile one size in-process:
//
//	HEARSAY_SCALE_ONE=10000 go test ./cmd/hearsay -run '^TestScale$' -v -cpuprofile cpu.out
//
// HEARSAY_SCALE_HEAPPROFILE=file also writes the heap profile of the
// largest live heap seen (sampled twice a second) to file.
//
// BenchmarkAnalyze1k runs the same pipeline on 1,000 documents.
// TestScaleStories (HEARSAY_SCALE_STORIES=sizes) times the phases of story
// clustering alone; TestScaleDeterminism (HEARSAY_SCALE_DETERMINISM=size)
// checks that two runs give the same JSON.

import (
	"bufio"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/extract"
	"github.com/hearsaylab/hearsay/link"
	"github.com/hearsaylab/hearsay/link/minhash"
	"github.com/hearsaylab/hearsay/link/story"
)

// scaleResult is one measurement, passed from the subprocess as JSON.
type scaleResult struct {
	Docs       int     `json:"docs"`
	Bytes      int64   `json:"bytes"`
	Seconds    float64 `json:"seconds"`      // whole pipeline: generate+extract, link, encode
	Extract    float64 `json:"extract"`      // generation and extraction (streamed together)
	Generate   float64 `json:"generate"`     // of Extract, the time the feeder spent generating (concurrent with extraction)
	Duplicates float64 `json:"duplicates"`   // inside Analyze
	Stories    float64 `json:"stories"`      // inside Analyze
	Link       float64 `json:"link"`         // all of Analyze, duplicates and stories included
	Encode     float64 `json:"encode"`       // JSON to io.Discard
	PeakRSSMB  float64 `json:"peak_rss_mb"`  // VmHWM
	HeapMB     float64 `json:"heap_mb"`      // live heap after a GC at the end
	DocsHeapMB float64 `json:"docs_heap_mb"` // live heap after extraction (the documents)
	LinkHeapMB float64 `json:"link_heap_mb"` // live heap after link.Analyze (documents and corpus)
	OutMB      float64 `json:"out_mb"`       // size of the JSON
	OutHash    string  `json:"out_hash"`     // SHA-256 of the JSON, to compare runs
	Load       string  `json:"load"`         // /proc/loadavg at the end
	LoadStart  string  `json:"load_start"`
	Clusters   string  `json:"clusters"`
}

const scaleMarker = "HEARSAY-SCALE-RESULT "

func TestScale(t *testing.T) {
	if one := os.Getenv("HEARSAY_SCALE_ONE"); one != "" {
		n, err := strconv.Atoi(one)
		if err != nil || n <= 0 {
			t.Fatalf("HEARSAY_SCALE_ONE=%q: not a positive size", one)
		}
		r := runScale(t, n, os.Stderr)
		b, _ := json.Marshal(r)
		fmt.Printf("%s%s\n", scaleMarker, b)
		logScale(t, r)
		return
	}
	spec := os.Getenv("HEARSAY_SCALE")
	if spec == "" {
		t.Skip("set HEARSAY_SCALE to a comma-separated list of corpus sizes, e.g. 100000,1000000")
	}
	var sizes []int
	for _, f := range strings.Split(spec, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			t.Fatalf("HEARSAY_SCALE=%q: %q is not a positive size", spec, f)
		}
		sizes = append(sizes, n)
	}
	var results []scaleResult
	for _, n := range sizes {
		r, err := scaleSubprocess(n)
		if err != nil {
			t.Fatalf("size %d: %v", n, err)
		}
		logScale(t, r)
		results = append(results, r)
	}
	if len(results) > 1 {
		lo, hi := results[0], results[0]
		for _, r := range results {
			if r.Docs < lo.Docs {
				lo = r
			}
			if r.Docs > hi.Docs {
				hi = r
			}
		}
		t.Logf("time ratio %d/%d docs: %.2f for %.1f× the documents (goal ≤ 12 for 10×); per-doc time ratio %.2f",
			hi.Docs, lo.Docs, hi.Seconds/lo.Seconds, float64(hi.Docs)/float64(lo.Docs),
			(hi.Seconds/float64(hi.Docs))/(lo.Seconds/float64(lo.Docs)))
		t.Logf("stage ratios: extract %.2f, duplicates %.2f, stories %.2f, link %.2f, encode %.2f",
			hi.Extract/lo.Extract, hi.Duplicates/lo.Duplicates, hi.Stories/lo.Stories, hi.Link/lo.Link, hi.Encode/lo.Encode)
	}
}

// scaleSubprocess re-executes the test binary for one size and returns its
// measurement. The child's stderr (progress) is passed through.
func scaleSubprocess(n int) (scaleResult, error) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestScale$", "-test.v", "-test.timeout=0", "-test.count=1")
	cmd.Env = append(os.Environ(), "HEARSAY_SCALE_ONE="+strconv.Itoa(n))
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return scaleResult{}, err
	}
	if err := cmd.Start(); err != nil {
		return scaleResult{}, err
	}
	var r scaleResult
	found := false
	sc := bufio.NewScanner(out)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, scaleMarker); ok {
			if err := json.Unmarshal([]byte(rest), &r); err != nil {
				return r, err
			}
			found = true
		}
	}
	if err := cmd.Wait(); err != nil {
		return r, fmt.Errorf("subprocess: %w", err)
	}
	if !found {
		return r, fmt.Errorf("subprocess printed no result")
	}
	return r, nil
}

func logScale(t *testing.T, r scaleResult) {
	t.Logf("docs %d  text %.1f MB  wall %.1f s  %.0f docs/s  peak RSS %.0f MB  (live heap: documents %.0f MB, +corpus %.0f MB, at end %.0f MB; JSON %.0f MB)",
		r.Docs, float64(r.Bytes)/1e6, r.Seconds, float64(r.Docs)/r.Seconds, r.PeakRSSMB, r.DocsHeapMB, r.LinkHeapMB, r.HeapMB, r.OutMB)
	t.Logf("  stages: generate+extract %.1f s (generator busy %.1f s of it), link.Analyze %.1f s (duplicates %.1f s, stories %.1f s, rest %.1f s), encode %.1f s",
		r.Extract, r.Generate, r.Link, r.Duplicates, r.Stories, r.Link-r.Duplicates-r.Stories, r.Encode)
	t.Logf("  output: %s; JSON sha256 %s; load average at start %s, at end %s", r.Clusters, r.OutHash, r.LoadStart, r.Load)
}

// runScale runs the analyze pipeline on n synthetic documents, writing
// progress to progress.
func runScale(tb testing.TB, n int, progress io.Writer) scaleResult {
	eng, err := extract.New()
	if err != nil {
		tb.Fatal(err)
	}
	r := scaleResult{Docs: n, LoadStart: loadavg()}
	if os.Getenv("GOMEMLIMIT") == "" { // as analyze does
		limit, err := parseSize(defaultMemory)
		if err != nil {
			tb.Fatal(err)
		}
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(limit))
	}
	if path := os.Getenv("HEARSAY_SCALE_HEAPPROFILE"); path != "" {
		stop := peakHeapProfile(tb, path)
		defer stop()
	}
	start := time.Now()
	var tick func(done int)
	if progress != nil {
		step := max(n/10, 1)
		tick = func(done int) {
			if done%step == 0 {
				fmt.Fprintf(progress, "scale %d: extracted %d docs in %.0f s, RSS %s\n", n, done, time.Since(start).Seconds(), procStatus("VmRSS"))
			}
		}
	}
	tmp := tb.TempDir()
	dup, err := link.MinHashDuplicates(duplicateThreshold, tmp)
	if err != nil {
		tb.Fatal(err)
	}
	tdup := &timedDup{DuplicateFinder: dup}
	sto, err := link.StoryClusters(story.DefaultParams(), tmp)
	if err != nil {
		tb.Fatal(err)
	}
	tsto := &timedStories{StoryFinder: sto}
	l, err := link.NewLinker(link.Options{Duplicates: tdup, Stories: tsto, TempDir: tmp})
	if err != nil {
		tb.Fatal(err)
	}
	corpus := newSynthCorpus(n)
	var gen time.Duration
	bytes := extractEach(eng, corpus.All(), tick, &gen, func(d article.Document) {
		if err := l.Add(d); err != nil {
			tb.Fatal(err)
		}
	})
	r.Generate = gen.Seconds()
	r.Bytes = bytes
	r.Extract = time.Since(start).Seconds()
	r.DocsHeapMB = liveHeapMB()

	t0 := time.Now()
	res, err := l.Finish(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	defer res.Close()
	r.Link = time.Since(t0).Seconds()
	r.Duplicates, r.Stories = tdup.d.Seconds(), tsto.d.Seconds()
	r.LinkHeapMB = liveHeapMB()
	if progress != nil {
		fmt.Fprintf(progress, "scale %d: linked in %.0f s (duplicates %.0f s, stories %.0f s), RSS %s, live heap %.0f MB (after extraction %.0f MB)\n",
			n, r.Link, r.Duplicates, r.Stories, procStatus("VmRSS"), r.LinkHeapMB, r.DocsHeapMB)
	}

	t0 = time.Now()
	cw := &countWriter{}
	w := bufio.NewWriter(cw)
	if err := res.WriteJSON(w); err != nil { // as the CLI writes it
		tb.Fatal(err)
	}
	w.Flush()
	r.Encode = time.Since(t0).Seconds()
	r.Seconds = r.Extract + r.Link + r.Encode // the forced GCs are left out
	r.OutMB = float64(cw.n) / 1e6
	r.OutHash = hex.EncodeToString(cw.h.Sum(nil))[:16]
	r.Clusters = resultSummary(res)
	r.PeakRSSMB = kbToMB(procStatus("VmHWM"))
	runtime.GC()
	r.HeapMB = liveHeapMB()
	r.Load = loadavg()
	return r
}

// timedDup and timedStories time the corpus-wide step of a finder.
type timedDup struct {
	link.DuplicateFinder
	d time.Duration
}

func (t *timedDup) Pairs() ([]minhash.Pair, error) {
	s := time.Now()
	defer func() { t.d = time.Since(s) }()
	return t.DuplicateFinder.Pairs()
}

type timedStories struct {
	link.StoryFinder
	d time.Duration
}

func (t *timedStories) Stories() ([]link.Story, error) {
	s := time.Now()
	defer func() { t.d = time.Since(s) }()
	return t.StoryFinder.Stories()
}

// analyzeDocs links docs as analyze does, in memory.
func analyzeDocs(tb testing.TB, docs []article.Document) link.Corpus {
	l, err := newLinker("")
	if err != nil {
		tb.Fatal(err)
	}
	for _, d := range docs {
		if err := l.Add(d); err != nil {
			tb.Fatal(err)
		}
	}
	res, err := l.Finish(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	c, err := res.Corpus()
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// extractAll extracts the documents of src and returns them in input order
// with the bytes of text read (see extractEach).
func extractAll(eng *extract.Engine, src func(func(int, article.Source) bool), n int, tick func(done int), genTime *time.Duration) ([]article.Document, int64) {
	docs := make([]article.Document, 0, n)
	bytes := extractEach(eng, src, tick, genTime, func(d article.Document) { docs = append(docs, d) })
	return docs, bytes
}

// extractEach extracts the documents of src on GOMAXPROCS workers, as
// `hearsay analyze` does (inOrder), and hands them to emit in input order.
// It returns the bytes of text read. When genTime is not nil it receives
// the time the feeding goroutine spent producing the sources (generating
// them).
func extractEach(eng *extract.Engine, src func(func(int, article.Source) bool), tick func(done int), genTime *time.Duration, emit func(article.Document)) int64 {
	var bytes int64
	done := 0
	inOrder(context.Background(), 0, extracted(eng), func(send func(article.Source) bool) {
		var blocked time.Duration
		start := time.Now()
		for _, s := range src {
			bytes += int64(len(s.Text))
			t := time.Now()
			send(s)
			blocked += time.Since(t)
		}
		if genTime != nil {
			*genTime = time.Since(start) - blocked // the feeder's time not spent waiting for a worker
		}
	}, func(it item) {
		done++
		if tick != nil {
			tick(done)
		}
		emit(it.doc)
	})
	return bytes
}

// peakHeapProfile writes to path, every time the heap reaches a new
// high, the heap profile as of the last GC, so the file ends up describing
// the live heap near the peak. It returns a function that stops it.
func peakHeapProfile(tb testing.TB, path string) func() {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		var peak uint64
		tick := time.NewTicker(500 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak+peak/20 {
				peak = v
				f, err := os.Create(path)
				if err != nil {
					tb.Error(err)
					return
				}
				pprof.Lookup("heap").WriteTo(f, 0)
				f.Close()
				fmt.Fprintf(os.Stderr, "heap profile: live heap %.0f MB\n", float64(v)/1e6)
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

// liveHeapMB returns the live heap after a full GC (the second one empties
// the victim caches of sync.Pools, such as encoding/json's buffers).
func liveHeapMB() float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / 1e6
}

// resultSummary is clusterSummary for a streamed result: counts only.
func resultSummary(r *link.Result) string {
	q, c, n := r.Counts()
	maxStory := 0
	for _, s := range r.Stories {
		maxStory = max(maxStory, len(s.Docs))
	}
	nodes, edges := r.GraphSize()
	return fmt.Sprintf("%d duplicates, %d stories (largest %d docs), %d quote clusters, %d claim clusters, %d number conflicts, %d provenance nodes, %d edges",
		r.DuplicateCount(), len(r.Stories), maxStory, q, c, n, nodes, edges)
}

// countWriter counts and hashes what is written to it, then drops it.
type countWriter struct {
	n int64
	h hash.Hash
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.h == nil {
		c.h = sha256.New()
	}
	c.n += int64(len(p))
	c.h.Write(p)
	return io.Discard.Write(p)
}

// procStatus returns a field of /proc/self/status ("VmHWM" → "123456 kB").
func procStatus(field string) string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "?"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, field+":"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "?"
}

func kbToMB(s string) float64 {
	f := strings.Fields(s)
	if len(f) == 0 {
		return 0
	}
	kb, _ := strconv.ParseFloat(f[0], 64)
	return kb / 1024
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

// BenchmarkAnalyze1k runs the analyze pipeline (extraction on GOMAXPROCS
// workers, link.Analyze with duplicates and stories, JSON encoding) on 1,000
// synthetic documents.
func BenchmarkAnalyze1k(b *testing.B) {
	const n = 1000
	eng, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	corpus := newSynthCorpus(n)
	srcs := make([]article.Source, 0, n)
	var bytes int64
	for _, s := range corpus.All() {
		srcs = append(srcs, s)
		bytes += int64(len(s.Text))
	}
	feed := func(yield func(int, article.Source) bool) {
		for i, s := range srcs {
			if !yield(i, s) {
				return
			}
		}
	}
	b.SetBytes(bytes)
	b.ResetTimer()
	for b.Loop() {
		docs, _ := extractAll(eng, feed, n, nil, nil)
		c := analyzeDocs(b, docs)
		w := bufio.NewWriter(io.Discard)
		if err := c.WriteJSON(w); err != nil {
			b.Fatal(err)
		}
		w.Flush()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// TestScaleDeterminism checks, on HEARSAY_SCALE_DETERMINISM documents (when
// set), that extraction and link.Analyze give the same JSON twice.
func TestScaleDeterminism(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("HEARSAY_SCALE_DETERMINISM"))
	if n <= 0 {
		t.Skip("set HEARSAY_SCALE_DETERMINISM to a corpus size")
	}
	eng, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	corpus := newSynthCorpus(n)
	digest := func(v any) string {
		h := sha256.New()
		if err := json.NewEncoder(h).Encode(v); err != nil {
			t.Fatal(err)
		}
		return hex.EncodeToString(h.Sum(nil))[:16]
	}
	var docHash, linkHash [2]string
	var runs [2]link.Corpus
	for k := range 2 {
		docs, _ := extractAll(eng, corpus.All(), n, nil, nil)
		docHash[k] = digest(docs)
		runs[k] = analyzeDocs(t, docs)
		linkHash[k] = digest(runs[k])
	}
	if docHash[0] != docHash[1] {
		t.Errorf("extraction differs between runs: %s %s", docHash[0], docHash[1])
	}
	if linkHash[0] != linkHash[1] {
		a, b := runs[0], runs[1]
		t.Errorf("link.Analyze differs between runs: %s %s; parts equal: duplicates %v, stories %v, quotes %v, claims %v, conflicts %v, provenance %v",
			linkHash[0], linkHash[1], digest(a.Duplicates) == digest(b.Duplicates), digest(a.Stories) == digest(b.Stories),
			digest(a.QuoteClusters) == digest(b.QuoteClusters), digest(a.ClaimClusters) == digest(b.ClaimClusters),
			digest(a.NumberConflicts) == digest(b.NumberConflicts), digest(a.Provenance) == digest(b.Provenance))
		t.Logf("claim clusters %d vs %d, quote clusters %d vs %d", len(a.ClaimClusters), len(b.ClaimClusters), len(a.QuoteClusters), len(b.QuoteClusters))
	}
}

// TestScaleStories times the phases of story clustering alone (the
// stories function of analyze, on the generated text without extraction)
// for each size in HEARSAY_SCALE_STORIES, to see which phase grows faster
// than the corpus.
func TestScaleStories(t *testing.T) {
	spec := os.Getenv("HEARSAY_SCALE_STORIES")
	if spec == "" {
		t.Skip("set HEARSAY_SCALE_STORIES to a comma-separated list of corpus sizes")
	}
	for _, f := range strings.Split(spec, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			t.Fatalf("bad size %q", f)
		}
		docs := make([]story.Doc, 0, n)
		for _, s := range newSynthCorpus(n).All() {
			docs = append(docs, story.Doc{ID: s.Name, Title: s.Title, Body: s.Text, Date: s.Date})
		}
		order := make([]int, n)
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int {
			return cmp.Or(cmp.Compare(docs[a].Date, docs[b].Date), cmp.Compare(docs[a].ID, docs[b].ID))
		})
		c := story.NewClusterer(story.DefaultParams())
		t0 := time.Now()
		for _, i := range order {
			c.Observe(docs[i])
		}
		t1 := time.Now()
		for _, i := range order {
			c.Add(docs[i])
		}
		t2 := time.Now()
		st := c.Stories()
		t3 := time.Now()
		t.Logf("stories %d docs: observe %.2f s, add %.2f s, stories (merge+refine) %.2f s; %d stories; live heap %.0f MB",
			n, t1.Sub(t0).Seconds(), t2.Sub(t1).Seconds(), t3.Sub(t2).Seconds(), len(st), liveHeapMB())
	}
}
