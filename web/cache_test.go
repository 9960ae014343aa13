package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/hearsaylab/hearsay/link"
)

// versionedBackend counts corpus loads and reports a version.
type versionedBackend struct {
	fakeBackend
	mu      sync.Mutex
	version string
	loads   int
}

func (v *versionedBackend) LoadCorpus(ctx context.Context) (link.Corpus, error) {
	v.mu.Lock()
	v.loads++
	v.mu.Unlock()
	return v.fakeBackend.LoadCorpus(ctx)
}

func (v *versionedBackend) AnalysisVersion(context.Context) (string, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.version, nil
}

// TestCorpusCache: with a versioned backend the corpus is loaded once per
// version, and pages served from the cache concurrently are the same.
func TestCorpusCache(t *testing.T) {
	b := &versionedBackend{fakeBackend: fakeBackend{c: fixtureCorpus()}, version: "v1"}
	h := NewHandler(b, Options{})
	get := func(path string) int {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec.Code
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, p := range []string{"/", "/story/1", "/api/corpus", "/export/quotes.csv"} {
				if code := get(p); code != http.StatusOK {
					t.Errorf("GET %s: %d", p, code)
				}
			}
		}()
	}
	wg.Wait()
	if b.loads != 1 {
		t.Errorf("%d loads for one version, want 1", b.loads)
	}
	b.mu.Lock()
	b.version = "v2"
	b.mu.Unlock()
	get("/")
	get("/")
	if b.loads != 2 {
		t.Errorf("%d loads after a new version, want 2", b.loads)
	}
}
