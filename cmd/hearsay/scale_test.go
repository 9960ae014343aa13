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
// BenchmarkAnalyze1k runs the same pipeline on 1,000 documents.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/extract"
	"github.com/hearsaylab/hearsay/link"
)

// scaleResult is one measurement, passed from the subprocess as JSON.
type scaleResult struct {
	Docs       int     `json:"docs"`
	Bytes      int64   `json:"bytes"`
	Seconds    float64 `json:"seconds"`     // whole pipeline: generate+extract, link, encode
	Extract    float64 `json:"extract"`     // generation and extraction (streamed together)
	Duplicates float64 `json:"duplicates"`  // inside Analyze
	Stories    float64 `json:"stories"`     // inside Analyze
	Link       float64 `json:"link"`        // all of Analyze, duplicates and stories included
	Encode     float64 `json:"encode"`      // JSON to io.Discard
	PeakRSSMB  float64 `json:"peak_rss_mb"` // VmHWM
	HeapMB     float64 `json:"heap_mb"`     // live heap after a GC at the end
	DocsHeapMB float64 `json:"docs_heap_mb"` // live heap after extraction (the documents)
	LinkHeapMB float64 `json:"link_heap_mb"` // live heap after link.Analyze (documents and corpus)
	OutMB      float64 `json:"out_mb"`      // size of the JSON
	Load       string  `json:"load"`        // /proc/loadavg at the end
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
	t.Logf("  stages: generate+extract %.1f s, link.Analyze %.1f s (duplicates %.1f s, stories %.1f s, rest %.1f s), encode %.1f s",
		r.Extract, r.Link, r.Duplicates, r.Stories, r.Link-r.Duplicates-r.Stories, r.Encode)
	t.Logf("  output: %s; load average at start %s, at end %s", r.Clusters, r.LoadStart, r.Load)
}

// runScale runs the analyze pipeline on n synthetic documents, writing
// progress to progress.
func runScale(tb testing.TB, n int, progress io.Writer) scaleResult {
	eng, err := extract.New()
	if err != nil {
		tb.Fatal(err)
	}
	r := scaleResult{Docs: n, LoadStart: loadavg()}
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
	corpus := newSynthCorpus(n)
	docs, bytes := extractAll(eng, corpus.All(), n, tick)
	r.Bytes = bytes
	r.Extract = time.Since(start).Seconds()
	r.DocsHeapMB = liveHeapMB()

	t0 := time.Now()
	dup := func(d []article.Document) []link.Duplicate {
		s := time.Now()
		defer func() { r.Duplicates = time.Since(s).Seconds() }()
		return duplicates(d)
	}
	sto := func(d []article.Document) []link.Story {
		s := time.Now()
		defer func() { r.Stories = time.Since(s).Seconds() }()
		return stories(d)
	}
	corpusOut := link.Analyze(docs, link.Options{Duplicates: dup, Stories: sto})
	r.Link = time.Since(t0).Seconds()
	r.LinkHeapMB = liveHeapMB()
	if progress != nil {
		fmt.Fprintf(progress, "scale %d: linked in %.0f s (duplicates %.0f s, stories %.0f s), RSS %s, live heap %.0f MB (documents alone %.0f MB)\n",
			n, r.Link, r.Duplicates, r.Stories, procStatus("VmRSS"), r.LinkHeapMB, r.DocsHeapMB)
	}

	t0 = time.Now()
	cw := &countWriter{}
	w := bufio.NewWriter(cw)
	if err := json.NewEncoder(w).Encode(corpusOut); err != nil {
		tb.Fatal(err)
	}
	w.Flush()
	r.Encode = time.Since(t0).Seconds()
	r.Seconds = r.Extract + r.Link + r.Encode // the forced GCs are left out
	r.OutMB = float64(cw.n) / 1e6
	r.Clusters = clusterSummary(corpusOut)
	r.PeakRSSMB = kbToMB(procStatus("VmHWM"))
	runtime.KeepAlive(docs)
	runtime.KeepAlive(corpusOut)
	docs, corpusOut = nil, link.Corpus{}
	runtime.GC() // twice: encoding/json pools its encode buffer, which one GC
	r.HeapMB = liveHeapMB()
	r.Load = loadavg()
	return r
}

// extractAll extracts the documents of src on GOMAXPROCS workers, as
// `hearsay analyze` does, keeping them in input order. It returns them and
// the bytes of text read.
func extractAll(eng *extract.Engine, src func(func(int, article.Source) bool), n int, tick func(done int)) ([]article.Document, int64) {
	workers := runtime.GOMAXPROCS(0)
	type job struct {
		i   int
		src article.Source
	}
	jobs := make(chan job, workers)
	docs := make([]article.Document, n)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				docs[j.i] = eng.Document(j.src)
				if tick != nil {
					mu.Lock()
					done++
					tick(done)
					mu.Unlock()
				}
			}
		}()
	}
	var bytes int64
	for i, s := range src {
		bytes += int64(len(s.Text))
		jobs <- job{i, s}
	}
	close(jobs)
	wg.Wait()
	return docs, bytes
}

// liveHeapMB returns the live heap after a full GC (the second one empties
// the victim caches of sync.Pools, such as encoding/json's buffers).
func liveHeapMB() float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / 1e6
}

// clusterSummary counts what the corpus holds and the size of its largest
// clusters (a cluster that grows with the corpus is a scaling problem).
func clusterSummary(c link.Corpus) string {
	maxStory, maxQuote, maxClaim, maxConflict := 0, 0, 0, 0
	for _, s := range c.Stories {
		maxStory = max(maxStory, len(s.Docs))
	}
	for _, q := range c.QuoteClusters {
		maxQuote = max(maxQuote, len(q.Members))
	}
	for _, q := range c.ClaimClusters {
		maxClaim = max(maxClaim, len(q.Members))
	}
	for _, q := range c.NumberConflicts {
		maxConflict = max(maxConflict, len(q.Members))
	}
	return fmt.Sprintf("%d duplicates, %d stories (largest %d docs), %d quote clusters (largest %d), %d claim clusters (largest %d), %d number conflicts (largest %d), %d provenance nodes, %d edges",
		len(c.Duplicates), len(c.Stories), maxStory, len(c.QuoteClusters), maxQuote, len(c.ClaimClusters), maxClaim,
		len(c.NumberConflicts), maxConflict, len(c.Provenance.Nodes), len(c.Provenance.Edges))
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
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
		docs, _ := extractAll(eng, feed, n, nil)
		c := link.Analyze(docs, link.Options{Duplicates: duplicates, Stories: stories})
		w := bufio.NewWriter(io.Discard)
		if err := json.NewEncoder(w).Encode(c); err != nil {
			b.Fatal(err)
		}
		w.Flush()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
