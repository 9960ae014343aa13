package web

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/link"
)

func serve(t *testing.T, h http.Handler, method, target string, body io.Reader) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestHandlerRoutes(t *testing.T) {
	fb := &fakeBackend{c: fixtureCorpus()}
	h := NewHandler(fb, Options{})
	tests := []struct {
		method, target string
		status         int
		ctype          string
		contains       []string
	}{
		{"GET", "/", 200, "text/html", []string{"Amaranth, Tessel, ferry", `href="/story/0#s0"`, "/export/quotes.csv"}},
		{"HEAD", "/", 200, "text/html", nil},
		{"GET", "/story/0", 200, "text/html", []string{`id="qc0"`, `href="/story/0#d1-q0"`, `id="d1-q0"`, "<svg"}},
		{"GET", "/story/1", 200, "text/html", []string{"Articles in no story", "Reading is for everyone"}},
		{"GET", "/story/2", 404, "text/html", []string{"No such story"}},
		{"GET", "/story/-1", 404, "text/html", nil},
		{"GET", "/story/x", 404, "text/html", nil},
		{"GET", "/nowhere", 404, "text/html", []string{"Not found"}},
		{"GET", "/search?q=crew", 200, "text/html", []string{"3 results", `href="/story/0#d0-q0"`}},
		{"GET", "/search?q=", 200, "text/html", nil},
		{"GET", "/search?q=" + strings.Repeat("a", 600), 200, "text/html", []string{"too long"}},
		{"GET", "/doc?name=misc/library.txt", 303, "", nil},
		{"GET", "/doc?name=nope", 404, "text/html", nil},
		{"GET", "/api/corpus", 200, "application/json", []string{`"documents":[`, `"provenance":`}},
		{"GET", "/api/stories", 200, "application/json", []string{`"label":"Amaranth, Tessel, ferry"`}},
		{"GET", "/api/documents", 200, "application/json", []string{`"doc":"wire/ferry.txt"`, `"api":"/api/documents/wire/ferry.txt"`}},
		{"GET", "/api/documents/wire/ferry.txt", 200, "application/json", []string{`"body":"Ferry runs aground`}},
		{"GET", "/api/documents/local%2Fcourier.html", 200, "application/json", []string{`"doc":"local/courier.html"`}},
		{"GET", "/api/documents/none.txt", 404, "application/json", []string{`"error"`}},
		{"GET", "/api/nothing", 404, "application/json", []string{`"error"`}},
		{"GET", "/api/search?q=speaker:Quell+crew", 200, "application/json", []string{`"hits":[`, `"kind":"quote"`}},
		{"GET", "/api/search?q=", 200, "application/json", []string{`"hits":[]`}},
		{"GET", "/api/search?q=" + strings.Repeat("a", 600), 400, "application/json", []string{"too long"}},
		{"GET", "/export/quotes.csv", 200, "text/csv", []string{"doc,outlet,date,quote,start,end,text,speaker"}},
		{"GET", "/export/claims.csv", 200, "text/csv", []string{"the vessel was overloaded"}},
		{"GET", "/export/numbers.csv", 200, "text/csv", []string{"At least 12"}},
		{"GET", "/export/other.csv", 404, "text/html", nil},
		{"GET", "/export/quotes", 404, "text/html", nil},
		{"POST", "/api/corpus", 405, "", nil},
		{"PUT", "/", 405, "", nil},
		{"DELETE", "/story/0", 405, "", nil},
		{"GET", "/?" + strings.Repeat("x=1&", 600), 414, "", nil},
		{"GET", "/" + strings.Repeat("p", 3000), 414, "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.method+" "+tc.target[:min(len(tc.target), 40)], func(t *testing.T) {
			rec := serve(t, h, tc.method, tc.target, nil)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d: %.300s", rec.Code, tc.status, rec.Body.String())
			}
			if ct := rec.Header().Get("Content-Type"); tc.ctype != "" && !strings.HasPrefix(ct, tc.ctype) {
				t.Errorf("Content-Type %q, want %s", ct, tc.ctype)
			}
			for _, want := range tc.contains {
				if !strings.Contains(rec.Body.String(), want) {
					t.Errorf("body lacks %q:\n%.500s", want, rec.Body.String())
				}
			}
			hd := rec.Header()
			if hd.Get("X-Content-Type-Options") != "nosniff" || hd.Get("Referrer-Policy") != "no-referrer" || hd.Get("Content-Security-Policy") == "" {
				t.Errorf("security headers missing: %v", hd)
			}
			if tc.method == "HEAD" && rec.Body.Len() != 0 {
				t.Error("HEAD has a body")
			}
		})
	}
}

func TestHandlerCSP(t *testing.T) {
	h := NewHandler(&fakeBackend{c: fixtureCorpus()}, Options{})
	a := serve(t, h, "GET", "/story/0", nil)
	b := serve(t, h, "GET", "/story/0", nil)
	csp := a.Header().Get("Content-Security-Policy")
	m := regexp.MustCompile(`script-src 'nonce-([A-Za-z0-9_-]{16,})'`).FindStringSubmatch(csp)
	if m == nil {
		t.Fatalf("no script nonce in %q", csp)
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("policy allows inline code: %q", csp)
	}
	if !strings.Contains(a.Body.String(), `<script nonce="`+m[1]+`">`) {
		t.Error("the page's script does not carry the policy's nonce")
	}
	if b.Header().Get("Content-Security-Policy") == csp {
		t.Error("the nonce is the same for two responses")
	}
	api := serve(t, h, "GET", "/api/corpus", nil)
	if got := api.Header().Get("Content-Security-Policy"); !strings.HasPrefix(got, "default-src 'none'") {
		t.Errorf("API policy %q", got)
	}
}

func TestHandlerBody(t *testing.T) {
	h := NewHandler(&fakeBackend{c: fixtureCorpus()}, Options{})
	rec := serve(t, h, "GET", "/api/corpus", strings.NewReader(strings.Repeat("x", 1<<20)))
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("a GET with a body: status %d", rec.Code)
	}
}

func TestHandlerSearchFilters(t *testing.T) {
	fb := &fakeBackend{c: fixtureCorpus()}
	h := NewHandler(fb, Options{})
	rec := serve(t, h, "GET", `/api/search?q=`+strings.NewReplacer(" ", "+", `"`, "%22").Replace(`speaker:"Mara Quell" outlet:Courier anonymous:no crew`), nil)
	if rec.Code != 200 {
		t.Fatal(rec.Code, rec.Body.String())
	}
	q := fb.queries[len(fb.queries)-1]
	if q.Speaker != "Mara Quell" || q.Outlet != "Courier" || q.Anonymous == nil || *q.Anonymous || q.Text != "crew" || q.Limit != searchLimit {
		t.Errorf("query %+v", q)
	}
	var res struct {
		Hits []struct{ Doc, Kind, Text string }
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].Doc != "local/courier.html" {
		t.Errorf("hits %+v", res.Hits)
	}
	serve(t, h, "GET", "/search?q=anonymous:yes", nil)
	q = fb.queries[len(fb.queries)-1]
	if q.Anonymous == nil || !*q.Anonymous {
		t.Errorf("anonymous:yes gave %+v", q)
	}
}

func TestHandlerErrors(t *testing.T) {
	h := NewHandler(&fakeBackend{err: errors.New("disk on fire")}, Options{})
	for _, target := range []string{"/", "/story/0", "/api/corpus", "/api/search?q=x", "/export/quotes.csv", "/search?q=x"} {
		rec := serve(t, h, "GET", target, nil)
		if rec.Code != 500 {
			t.Errorf("%s: status %d", target, rec.Code)
		}
		if strings.Contains(rec.Body.String(), "disk on fire") {
			t.Errorf("%s: the error leaks to the client", target)
		}
	}
}

func TestHandlerEmpty(t *testing.T) {
	h := NewHandler(&fakeBackend{c: link.Corpus{}}, Options{})
	for _, target := range []string{"/", "/api/corpus", "/api/stories", "/api/documents", "/export/quotes.csv"} {
		rec := serve(t, h, "GET", target, nil)
		if rec.Code != 200 {
			t.Errorf("%s: status %d", target, rec.Code)
		}
	}
	rec := serve(t, h, "GET", "/api/stories", nil)
	if strings.TrimSpace(rec.Body.String()) != "[]" {
		t.Errorf("stories of an empty corpus: %q", rec.Body.String())
	}
}

// TestHandlerHostile serves the hostile corpus: every page must keep the
// text inert, and the CSV must guard formulas.
func TestHandlerHostile(t *testing.T) {
	for _, tc := range hostileStrings {
		t.Run(tc.name, func(t *testing.T) {
			c := hostileCorpus(tc.s)
			h := NewHandler(&fakeBackend{c: c}, Options{Title: tc.s})
			for _, target := range []string{"/", "/story/0", "/story/1", "/search?q=crew", "/nowhere"} {
				rec := serve(t, h, "GET", target, nil)
				checkSafe(t, rec.Body.String(), 1)
			}
			rec := serve(t, h, "GET", "/export/quotes.csv", nil)
			rows, err := csv.NewReader(rec.Body).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rows {
				for _, cell := range r {
					if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
						t.Errorf("unguarded cell %q", cell)
					}
				}
			}
		})
	}
	// A document name that is a path with odd characters still resolves.
	c := fixtureCorpus()
	c.Documents[0].Doc = "a b/<x>?y#z.txt"
	c.Stories[0].Docs[0] = c.Documents[0].Doc
	h := NewHandler(&fakeBackend{c: c}, Options{})
	rec := serve(t, h, "GET", "/api/documents/"+escapeDocPath(c.Documents[0].Doc), nil)
	var d article.Document
	if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &d) != nil || d.Doc != c.Documents[0].Doc {
		t.Errorf("status %d for an odd document name: %s", rec.Code, rec.Body.String())
	}
}
