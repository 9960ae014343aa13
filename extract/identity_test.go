package extract

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hearsaylab/hearsay/article"
)

// TestIdentity guards optimisations of the engine: it runs the engine over
// the benchmark corpus, the shared seeds, the ECB+ texts (from
// HEARSAY_IDENTITY_ECB, a folder made by ../shared/eval/ecbplus_to_text.py)
// and the examples, and writes one line per document, its name and the
// SHA-256 of its JSON, to the file HEARSAY_IDENTITY names. With
// HEARSAY_IDENTITY_REF naming such a file from before a change, it fails at
// the first document whose output differs. It skips unless HEARSAY_IDENTITY
// is set.
func TestIdentity(t *testing.T) {
	out := os.Getenv("HEARSAY_IDENTITY")
	if out == "" {
		t.Skip("HEARSAY_IDENTITY not set")
	}
	e := engine(t)
	var srcs []article.Source
	for _, d := range benchCorpus(t, 50<<20) {
		d.Name = "bench/" + d.Name
		srcs = append(srcs, d)
	}
	add := func(label, pattern string) {
		files, _ := filepath.Glob(pattern)
		sort.Strings(files)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			srcs = append(srcs, article.Source{Name: label + "/" + filepath.Base(f), Text: string(b)})
		}
	}
	add("seeds", filepath.Join("..", "..", "shared", "seeds", "*.txt"))
	if dir := os.Getenv("HEARSAY_IDENTITY_ECB"); dir != "" {
		add("ecb", filepath.Join(dir, "*.txt"))
	}
	add("examples", filepath.Join("..", "examples", "*"))
	// A few sources with metadata, so the outlet and title paths are covered.
	for i, name := range []string{"Reuters", "the FT", "BBC News", "Unknown Gazette"} {
		srcs = append(srcs, article.Source{Name: fmt.Sprintf("meta/%d", i), Title: "T", Outlet: name, Date: "2026-01-02", URL: "http://x/y", Text: srcs[i].Text})
	}
	var ref map[string]string
	if p := os.Getenv("HEARSAY_IDENTITY_REF"); p != "" {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		ref = map[string]string{}
		for _, ln := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			name, sum, _ := strings.Cut(ln, " ")
			ref[name] = sum
		}
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	all := sha256.New()
	diffs := 0
	for _, s := range srcs {
		j, err := json.Marshal(e.Document(s))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(j)
		h := hex.EncodeToString(sum[:])
		all.Write(sum[:])
		fmt.Fprintf(w, "%s %s\n", s.Name, h)
		if ref != nil && ref[s.Name] != h {
			diffs++
			if diffs <= 5 {
				t.Errorf("%s: output differs from the reference", s.Name)
			}
		}
	}
	if ref != nil && len(ref) != len(srcs) {
		t.Errorf("reference has %d documents, now %d", len(ref), len(srcs))
	}
	t.Logf("%d documents, %d differ; total %x", len(srcs), diffs, all.Sum(nil))
}

// TestCPUSpeed measures extraction in CPU time rather than wall-clock time,
// which is steadier on a shared machine: it reports megabytes of article
// text per CPU second of the process (run it with GOMAXPROCS=1 for a
// per-core figure). It skips unless HEARSAY_CPUBENCH is set.
func TestCPUSpeed(t *testing.T) {
	if os.Getenv("HEARSAY_CPUBENCH") == "" {
		t.Skip("HEARSAY_CPUBENCH not set")
	}
	e := engine(t)
	docs := benchCorpus(t, 50<<20)
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	runtime.GC()
	u0 := cpuTime()
	for _, d := range docs {
		e.Document(d)
	}
	u := cpuTime() - u0
	t.Logf("%.1f MB in %.2f CPU s: %.2f MB/s per CPU second", float64(n)/1e6, u.Seconds(), float64(n)/1e6/u.Seconds())
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestConcurrent checks that documents extracted from several goroutines at
// once, which share the engine's pooled buffers, come out as they do one at
// a time.
func TestConcurrent(t *testing.T) {
	e := engine(t)
	docs := benchCorpus(t, 1<<20)
	want := make([][]byte, len(docs))
	for i, d := range docs {
		want[i], _ = json.Marshal(e.Document(d))
	}
	var wg sync.WaitGroup
	errs := make(chan string, len(docs))
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := g; i < len(docs); i += 2 {
				got, _ := json.Marshal(e.Document(docs[i]))
				if string(got) != string(want[i]) {
					errs <- docs[i].Name
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for name := range errs {
		t.Errorf("%s: concurrent output differs", name)
	}
}

// TestDocumentsOutliveScratch checks that a returned Document shares no
// memory with the engine's pooled buffers: documents kept while later ones
// are extracted (as the linker keeps them) still encode as they did when
// they were returned.
func TestDocumentsOutliveScratch(t *testing.T) {
	e := engine(t)
	srcs := benchCorpus(t, 1<<20)
	kept := make([]article.Document, len(srcs))
	want := make([][]byte, len(srcs))
	for i, s := range srcs {
		kept[i] = e.Document(s)
		want[i], _ = json.Marshal(kept[i])
	}
	for i, d := range kept {
		if got, _ := json.Marshal(d); string(got) != string(want[i]) {
			t.Errorf("%s: the document changed after later documents were extracted", srcs[i].Name)
		}
	}
	// The lower case is handed to the stages without a copy: spoiling it
	// after the call must change no document.
	var sc scratch
	for i, s := range srcs {
		d := e.document(&sc, s)
		for k := range sc.lower {
			sc.lower[k] = '#'
		}
		if got, _ := json.Marshal(d); string(got) != string(want[i]) {
			t.Errorf("%s: the document changed with the scratch's lower case", srcs[i].Name)
		}
	}
}
