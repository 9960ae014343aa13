package web

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/hearsaylab/hearsay/link"
	"github.com/hearsaylab/hearsay/store"
)

// Backend is what the server reads: the latest analysis and a search over
// the stored documents. *store.Store satisfies it.
type Backend interface {
	LoadCorpus(ctx context.Context) (link.Corpus, error)
	Search(ctx context.Context, q store.Query) ([]store.Hit, error)
}

// Limits of what a request may ask.
const (
	maxQuery    = 500  // bytes of a search query
	maxRawQuery = 2048 // bytes of a URL's query string
	maxPath     = 2048 // bytes of a URL's path
	searchLimit = 200  // hits shown
)

// parseQuery reads a search box's text into a store query.
var parseQuery = store.ParseQuery

// NewHandler serves the report's views over a backend:
//
//	/                      the stories
//	/story/{n}             one story with its articles
//	/search?q=             search (free text, speaker:, outlet:, anonymous:yes)
//	/doc?name=             redirects to a document in its story
//	/api/corpus            the corpus JSON (spec/output.md)
//	/api/stories           the stories
//	/api/documents         the documents, without bodies
//	/api/documents/{doc}   one document
//	/api/search?q=         search hits
//	/export/quotes.csv     quotations, claims and numbers as CSV
//	/export/claims.csv
//	/export/numbers.csv
//
// Only GET and HEAD are allowed, requests may not carry a body, and every
// response has a restrictive Content-Security-Policy (the pages' script
// and style run by a per-response nonce).
func NewHandler(b Backend, opt Options) http.Handler {
	h := &handler{b: b, opt: opt, log: opt.Logger}
	if h.log == nil {
		h.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", h.index)
	mux.HandleFunc("GET /story/{n}", h.story)
	mux.HandleFunc("GET /search", h.search)
	mux.HandleFunc("GET /doc", h.doc)
	mux.HandleFunc("GET /api/corpus", h.apiCorpus)
	mux.HandleFunc("GET /api/stories", h.apiStories)
	mux.HandleFunc("GET /api/documents", h.apiDocuments)
	mux.HandleFunc("GET /api/documents/{doc...}", h.apiDocument)
	mux.HandleFunc("GET /api/search", h.apiSearch)
	mux.HandleFunc("GET /api/", func(w http.ResponseWriter, r *http.Request) {
		writeJSONError(w, http.StatusNotFound, "no such endpoint")
	})
	mux.HandleFunc("GET /export/{file}", h.export)
	mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		h.message(w, r, http.StatusNotFound, "Not found")
	})
	return guard(mux)
}

type handler struct {
	b   Backend
	opt Options
	log *slog.Logger

	mu      sync.Mutex  // guards the cached corpus
	cached  link.Corpus // the corpus last loaded, when the backend has versions
	version string      // its version; "" with nothing cached
}

// Versioned is a Backend that can tell when its analysis changed (see
// store.Store.AnalysisVersion): the handler then keeps the corpus in
// memory and loads it again only after a new analysis is saved, instead of
// on every request.
type Versioned interface {
	AnalysisVersion(ctx context.Context) (string, error)
}

// baseCSP is the policy of every response that is not a page.
const baseCSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

// guard sets the security headers and refuses what the server never
// needs: bodies, long URLs, methods other than GET and HEAD.
func guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", baseCSP)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		hd.Set("Cross-Origin-Resource-Policy", "same-origin")
		hd.Set("Cache-Control", "no-store")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			hd.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if r.ContentLength != 0 {
			http.Error(w, "requests take no body", http.StatusRequestEntityTooLarge)
			return
		}
		if len(r.URL.RawQuery) > maxRawQuery || len(r.URL.EscapedPath()) > maxPath {
			http.Error(w, "URL too long", http.StatusRequestURITooLong)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, 0)
		next.ServeHTTP(w, r)
	})
}

func newNonce() string {
	var b [18]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// page writes a rendered page with a fresh nonce.
func (h *handler) page(w http.ResponseWriter, r *http.Request, status int, p *page) {
	p.Nonce = newNonce()
	if p.Title == "" {
		p.Title = h.opt.title()
	}
	var buf bytes.Buffer
	if err := renderPage(&buf, p); err != nil {
		h.fail(w, r, "rendering page", err)
		return
	}
	hd := w.Header()
	hd.Set("Content-Security-Policy", fmt.Sprintf("default-src 'none'; script-src 'nonce-%[1]s'; style-src 'nonce-%[1]s'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'", p.Nonce))
	hd.Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

func (h *handler) message(w http.ResponseWriter, r *http.Request, status int, msg string) {
	h.page(w, r, status, &page{Message: msg})
}

func (h *handler) fail(w http.ResponseWriter, r *http.Request, what string, err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	h.log.Error(what, "path", r.URL.Path, "err", err)
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSONError(w, http.StatusInternalServerError, "internal error")
		return
	}
	http.Error(w, "internal error", http.StatusInternalServerError)
}

func (h *handler) corpus(w http.ResponseWriter, r *http.Request) (link.Corpus, bool) {
	vb, ok := h.b.(Versioned)
	if !ok {
		c, err := h.b.LoadCorpus(r.Context())
		if err != nil {
			h.fail(w, r, "loading corpus", err)
			return link.Corpus{}, false
		}
		return c, true
	}
	v, err := vb.AnalysisVersion(r.Context())
	if err != nil {
		h.fail(w, r, "loading corpus", err)
		return link.Corpus{}, false
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if v != "" && v == h.version {
		return h.cached, true
	}
	c, err := h.b.LoadCorpus(r.Context())
	if err != nil {
		h.fail(w, r, "loading corpus", err)
		return link.Corpus{}, false
	}
	h.cached, h.version = c, v
	return c, true
}

func (h *handler) index(w http.ResponseWriter, r *http.Request) {
	c, ok := h.corpus(w, r)
	if !ok {
		return
	}
	m := newModel(c, serverLinks{})
	h.page(w, r, http.StatusOK, &page{Index: true, Summary: m.summary(), Stories: m.stories, Empty: len(c.Documents) == 0})
}

func (h *handler) story(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 0 {
		h.message(w, r, http.StatusNotFound, "No such story")
		return
	}
	c, ok := h.corpus(w, r)
	if !ok {
		return
	}
	m := newModel(c, serverLinks{})
	if n >= len(m.stories) {
		h.message(w, r, http.StatusNotFound, "No such story")
		return
	}
	s := m.stories[n]
	h.page(w, r, http.StatusOK, &page{Title: s.Label + " — " + h.opt.title(), Stories: []*storyView{s}})
}

func (h *handler) doc(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	c, ok := h.corpus(w, r)
	if !ok {
		return
	}
	byName := docIndex(c)
	i, found := byName[name]
	if !found {
		h.message(w, r, http.StatusNotFound, "No such document")
		return
	}
	home, _ := storyHomes(c, byName)
	http.Redirect(w, r, serverLinks{}.href(home[i], docID(i)), http.StatusSeeOther)
}

// runSearch parses and runs a query; msg is a problem to show the user.
func (h *handler) runSearch(w http.ResponseWriter, r *http.Request) (q string, hits []store.Hit, msg string, ok bool) {
	q = r.URL.Query().Get("q")
	if len(q) > maxQuery {
		return q, nil, fmt.Sprintf("The query is too long (at most %d characters).", maxQuery), true
	}
	if strings.TrimSpace(q) == "" {
		return q, nil, "", true
	}
	query := parseQuery(q)
	if query.Limit <= 0 || query.Limit > searchLimit {
		query.Limit = searchLimit
	}
	hits, err := h.b.Search(r.Context(), query)
	if err != nil {
		h.fail(w, r, "searching", err)
		return q, nil, "", false
	}
	return q, hits, "", true
}

func (h *handler) search(w http.ResponseWriter, r *http.Request) {
	q, hits, msg, ok := h.runSearch(w, r)
	if !ok {
		return
	}
	sp := &searchPage{Query: q, Err: msg, Hits: []hitView{}}
	if len(hits) > 0 {
		c, ok := h.corpus(w, r)
		if !ok {
			return
		}
		byName := docIndex(c)
		home, _ := storyHomes(c, byName)
		for _, hit := range hits {
			hv := hitView{Kind: hit.Kind, Doc: hit.Doc, DocLabel: hit.Doc, Text: hit.Text, Snippet: hit.Snippet, Speaker: hit.Speaker, Outlet: hit.Outlet, Anonymous: hit.Anonymous}
			if i, ok := byName[hit.Doc]; ok {
				hv.DocLabel = docLabel(c.Documents[i])
				id := docID(i)
				switch hit.Kind {
				case "quote":
					id = quoteID(i, hit.Index)
				case "claim":
					id = claimID(i, hit.Index)
				case "number":
					id = numberID(i, hit.Index)
				}
				hv.Href = serverLinks{}.href(home[i], id)
			} else {
				hv.Href = "/doc?name=" + url.QueryEscape(hit.Doc)
			}
			if hv.Snippet == hv.Text {
				hv.Snippet = ""
			}
			sp.Hits = append(sp.Hits, hv)
		}
	}
	h.page(w, r, http.StatusOK, &page{Title: "Search — " + h.opt.title(), Search: sp, Query: q})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.Encode(v)
}

func writeJSONError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

func (h *handler) apiCorpus(w http.ResponseWriter, r *http.Request) {
	c, ok := h.corpus(w, r)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if r.Method == http.MethodHead {
		return
	}
	if err := c.WriteJSON(w); err != nil {
		h.log.Warn("writing corpus", "err", err)
	}
}

type apiStory struct {
	Index int      `json:"index"`
	Label string   `json:"label"`
	Docs  []string `json:"docs"`
	Href  string   `json:"href"`
}

func (h *handler) apiStories(w http.ResponseWriter, r *http.Request) {
	c, ok := h.corpus(w, r)
	if !ok {
		return
	}
	out := []apiStory{}
	for i, s := range c.Stories {
		docs := s.Docs
		if docs == nil {
			docs = []string{}
		}
		out = append(out, apiStory{Index: i, Label: s.Label, Docs: docs, Href: serverLinks{}.href(i, "")})
	}
	writeJSON(w, http.StatusOK, out)
}

type apiDoc struct {
	Index     int     `json:"index"`
	Doc       string  `json:"doc"`
	Title     *string `json:"title"`
	Outlet    *string `json:"outlet"`
	Date      *string `json:"date"`
	URL       *string `json:"url"`
	Quotes    int     `json:"quotes"`
	Claims    int     `json:"claims"`
	Numbers   int     `json:"numbers"`
	Anonymous int     `json:"anonymous_sources"`
	API       string  `json:"api"`  // this document's JSON
	Page      string  `json:"page"` // its place in the story's page
}

func (h *handler) apiDocuments(w http.ResponseWriter, r *http.Request) {
	c, ok := h.corpus(w, r)
	if !ok {
		return
	}
	home, _ := storyHomes(c, docIndex(c))
	out := []apiDoc{}
	for i, d := range c.Documents {
		out = append(out, apiDoc{
			Index: i, Doc: d.Doc, Title: d.Title, Outlet: d.Outlet, Date: d.Date, URL: d.URL,
			Quotes: len(d.Quotes), Claims: len(d.Claims), Numbers: len(d.Numbers), Anonymous: len(d.AnonymousSources),
			API: "/api/documents/" + escapeDocPath(d.Doc), Page: serverLinks{}.href(home[i], docID(i)),
		})
	}
	writeJSON(w, http.StatusOK, out)
}

// escapeDocPath escapes a document name for /api/documents/{doc}, keeping
// its slashes.
func escapeDocPath(name string) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

func (h *handler) apiDocument(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("doc")
	c, ok := h.corpus(w, r)
	if !ok {
		return
	}
	if i, found := docIndex(c)[name]; found {
		writeJSON(w, http.StatusOK, c.Documents[i])
		return
	}
	writeJSONError(w, http.StatusNotFound, "no such document")
}

func (h *handler) apiSearch(w http.ResponseWriter, r *http.Request) {
	q, hits, msg, ok := h.runSearch(w, r)
	if !ok {
		return
	}
	if msg != "" {
		writeJSONError(w, http.StatusBadRequest, msg)
		return
	}
	if hits == nil {
		hits = []store.Hit{}
	}
	writeJSON(w, http.StatusOK, struct {
		Query string      `json:"query"`
		Hits  []store.Hit `json:"hits"`
	}{q, hits})
}

func (h *handler) export(w http.ResponseWriter, r *http.Request) {
	file := r.PathValue("file")
	kind := strings.TrimSuffix(file, ".csv")
	if kind == file || !validCSV(kind) {
		h.message(w, r, http.StatusNotFound, "Not found")
		return
	}
	c, ok := h.corpus(w, r)
	if !ok {
		return
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, c, kind); err != nil {
		h.fail(w, r, "writing CSV", err)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", "text/csv; charset=utf-8")
	hd.Set("Content-Disposition", `attachment; filename="hearsay-`+kind+`.csv"`)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}
