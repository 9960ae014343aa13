// Package web shows a hearsay corpus to people: Render writes one
// self-contained HTML report (inline CSS and JavaScript, no network needed
// to open it), and NewHandler serves the same views over a store with
// search, a JSON API and CSV export.
//
// Every piece of article text — titles, outlet and speaker names, quotes,
// bodies, document names — is untrusted. It reaches the page only through
// html/template, which escapes it for the context it lands in (HTML text,
// attributes, URLs, and the JSON the page's script reads).
package web

import (
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"strings"

	"github.com/hearsaylab/hearsay/link"
)

//go:embed assets/page.html assets/style.css assets/app.js
var assets embed.FS

var (
	pageTmpl = template.Must(template.New("page.html").Funcs(funcs).ParseFS(assets, "assets/page.html"))
	styleCSS = mustRead("assets/style.css")
	appJS    = mustRead("assets/app.js")
	// Content hashes of the inline style and script, for the report
	// file's Content-Security-Policy (a file has no server to hand out
	// nonces).
	styleHash  = hashOf(styleCSS)
	scriptHash = hashOf(appJS)
)

func mustRead(name string) string {
	b, err := assets.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func hashOf(s string) string {
	h := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'"
}

// fileCSP is the policy of the report file: nothing is loaded from
// anywhere, and only the report's own style and script run.
var fileCSP = fmt.Sprintf("default-src 'none'; style-src %s; script-src %s; img-src data:; base-uri 'none'; form-action 'none'", styleHash, scriptHash)

// Options tune the report and the server.
type Options struct {
	// Title heads the page; "hearsay report" when empty.
	Title string
	// Generated is shown in the footer (for instance a date); empty
	// keeps the report byte-for-byte reproducible.
	Generated string
	// Logger receives the server's request errors; nil discards them.
	Logger *slog.Logger
}

func (o Options) title() string {
	if t := strings.TrimSpace(o.Title); t != "" {
		return t
	}
	return "hearsay report"
}

// Render writes the corpus as one self-contained HTML page: per story an
// overview of its documents, a coverage matrix, the quote clusters with
// each outlet's wording side by side, number conflicts, the provenance
// graph and the quotes by speaker; then every article with its quotes,
// numbers, anonymous sources and cited outlets highlighted; and a search
// box that runs in the page.
func Render(w io.Writer, c link.Corpus, opt Options) error {
	m := newModel(c, fileLinks{})
	p := &page{
		Title:     opt.title(),
		Generated: opt.Generated,
		File:      true,
		CSP:       fileCSP,
		Summary:   m.summary(),
		Stories:   m.stories,
		Data:      m.searchData(),
		Empty:     len(c.Documents) == 0,
	}
	return renderPage(w, p)
}

func renderPage(w io.Writer, p *page) error {
	p.CSS = template.CSS(styleCSS)
	p.JS = template.JS(appJS)
	return pageTmpl.Execute(w, p)
}

// page is what the template sees.
type page struct {
	Title     string
	Generated string
	File      bool   // the self-contained report (else a served page)
	CSP       string // the meta policy of the report file
	Nonce     string // the served page's script and style nonce
	CSS       template.CSS
	JS        template.JS
	Summary   summary
	Stories   []*storyView
	Data      []searchItem // the report's search index; nil when served
	Empty     bool

	// Served pages only.
	Index   bool // the list of stories
	Search  *searchPage
	Query   string
	Message string // a 404 or error page's text
}

type summary struct {
	Documents, Stories, Quotes, QuoteClusters, ClaimClusters, NumberConflicts, Duplicates int
}

type searchPage struct {
	Query string
	Hits  []hitView
	Err   string
}

type hitView struct {
	Kind, DocLabel, Doc, Text, Snippet, Speaker, Outlet string
	Anonymous                                           bool
	Href                                                string
}

var funcs = template.FuncMap{
	"pct":  func(f float64) string { return fmt.Sprintf("%.0f%%", f*100) },
	"plus": func(a, b int) int { return a + b },
}
