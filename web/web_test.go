package web

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/link"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func render(t *testing.T, c link.Corpus) string {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, c, Options{}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestRenderGolden pins the report of the fixture corpus.
// Regenerate with: go test ./web -run Golden -update
func TestRenderGolden(t *testing.T) {
	got := render(t, fixtureCorpus())
	path := filepath.Join("testdata", "report.golden.html")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		lo := max(0, i-200)
		t.Errorf("report differs from %s at byte %d (run with -update to accept):\ngot:  %q\nwant: %q", path, i, got[lo:min(len(got), i+200)], string(want[lo:min(len(want), i+200)]))
	}
}

func TestRenderContents(t *testing.T) {
	out := render(t, fixtureCorpus())
	for _, want := range []string{
		`id="s0"`, `id="qc0"`, `id="nc0"`, `id="cc0"`, `id="d0"`, `id="d0-q0"`, `id="d1-n0"`, `id="d3"`, // story, clusters, articles
		`href="#d1-q0"`,                 // cluster member → article quote
		`<del>every</del>`,              // the Courier dropped a word: shown against the wire's version
		"Articles in no story",          // the library note
		`class="cell missing"`,          // coverage matrix
		"<svg", `class="node k-outlet"`, // provenance graph
		`data-q="d1-q2"`,  // highlighted quotation
		`class="lbl num"`, // number label
		"anon-src",        // anonymous source
		`class="outlet"`,  // cited outlet
		"12", "20", "15",  // conflict values
		"Content-Security-Policy",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, bad := range []string{"true", "false"} {
		// hearsay never labels anything true or false
		if strings.Contains(visibleText(t, out), " "+bad+" ") {
			t.Errorf("report shows a %q label", bad)
		}
	}
}

// visibleText returns the text of the page outside scripts and styles.
func visibleText(t *testing.T, page string) string {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(page))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.StartTagToken:
			n, _ := z.TagName()
			if string(n) == "script" || string(n) == "style" {
				skip++
			}
		case html.EndTagToken:
			n, _ := z.TagName()
			if string(n) == "script" || string(n) == "style" {
				skip--
			}
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		}
	}
}

// checkSafe parses a page and fails on anything the hostile text could
// have turned into markup: a script that is not the page's own, an event
// handler attribute, a javascript: URL, or an element the templates never
// write.
func checkSafe(t *testing.T, page string, wantScripts int) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(page))
	scripts := 0
	inScript := false
	scriptType := ""
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script":
				scripts++
				inScript = true
				scriptType = ""
				for _, a := range tok.Attr {
					if a.Key == "type" {
						scriptType = a.Val
					}
				}
			case "img", "iframe", "object", "embed", "b", "base", "form" + "x":
				t.Errorf("unexpected element <%s> in page", tok.Data)
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					t.Errorf("event handler attribute %s=%q on <%s>", a.Key, a.Val, tok.Data)
				}
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if (a.Key == "href" || a.Key == "src" || a.Key == "action") && strings.HasPrefix(v, "javascript:") {
					t.Errorf("javascript: URL in %s of <%s>", a.Key, tok.Data)
				}
			}
		case html.EndTagToken:
			if n, _ := z.TagName(); string(n) == "script" {
				inScript = false
			}
		case html.TextToken:
			if !inScript {
				break
			}
			text := string(z.Text())
			switch scriptType {
			case "application/json":
				// data only: no raw markup characters, and valid JSON
				if strings.ContainsAny(text, "<>") || !json.Valid([]byte(text)) {
					t.Errorf("page data is not inert JSON: %.120q", text)
				}
			default:
				if text != appJS {
					t.Errorf("a script that is not the page's own: %.120q", text)
				}
			}
		case html.CommentToken:
			t.Errorf("comment in page: %.80q", z.Text())
		}
	}
	if scripts != wantScripts {
		t.Errorf("page has %d script elements, want %d", scripts, wantScripts)
	}
}

var hostileStrings = []struct{ name, s string }{
	{"script", hostile},
	{"end-script", `</script><script>window.__pwned=1</script>`},
	{"attr", `" onerror="window.__pwned=1" x="`},
	{"js-url", `javascript:window.__pwned=1`},
	{"html-in-name", `<b>Eve</b> & <i>Mallory</i>`},
	{"json-breaker", `"}]</script><script>window.__pwned=1//`},
	{"unicode", "\u2028\u2029<\u00a0>\x00"},
}

// TestRenderHostile puts hostile strings into every field and checks that
// they come out as text: never markup, never script, and intact in the
// search data.
func TestRenderHostile(t *testing.T) {
	for _, tc := range hostileStrings {
		t.Run(tc.name, func(t *testing.T) {
			out := render(t, hostileCorpus(tc.s))
			checkSafe(t, out, 2)
			text := visibleText(t, out)
			want := strings.ReplaceAll(tc.s, "\x00", "\ufffd")
			if strings.TrimSpace(want) != "" && !strings.Contains(text, strings.TrimSpace(want)) && !strings.Contains(text, want) {
				t.Errorf("the literal text %q is not visible", tc.s)
			}
			// The search data round-trips.
			data := between(out, `<script type="application/json" id="hs-data">`, `</script>`)
			var items []searchItem
			if err := json.Unmarshal([]byte(data), &items); err != nil {
				t.Fatalf("search data is not JSON: %v\n%.200s", err, data)
			}
			found := false
			for _, it := range items {
				if strings.Contains(it.Text, tc.s) || it.Speaker == tc.s {
					found = true
				}
			}
			if !found {
				t.Errorf("search data lost the text %q", tc.s)
			}
		})
	}
}

func between(s, a, b string) string {
	i := strings.Index(s, a)
	if i < 0 {
		return ""
	}
	s = s[i+len(a):]
	if j := strings.Index(s, b); j >= 0 {
		return s[:j]
	}
	return s
}

func TestRenderEmpty(t *testing.T) {
	for name, c := range map[string]link.Corpus{
		"zero":     {},
		"lists":    {Documents: []article.Document{}, Stories: []link.Story{}},
		"no-story": {Documents: []article.Document{{Doc: "a.txt", Body: ""}}},
		"story-of-unknown-docs": {Stories: []link.Story{{Label: "x", Docs: []string{"nowhere.txt"}}},
			QuoteClusters: []link.QuoteCluster{{Label: "q", Members: []link.QuoteMember{{Doc: "nowhere.txt", Quote: 3}}}}},
	} {
		t.Run(name, func(t *testing.T) {
			out := render(t, c)
			checkSafe(t, out, 2)
			if !strings.Contains(out, "</html>") {
				t.Error("page is cut short")
			}
		})
	}
}

func TestCut(t *testing.T) {
	body := "Zoë said “héllo wörld” to 12 people.\n\nThen left."
	q0s := strings.Index(body, "héllo")
	q0e := strings.Index(body, "”")
	tests := []struct {
		name  string
		spans []hspan
	}{
		{"none", nil},
		{"out of range", []hspan{{start: -10, end: 5, layer: layerQuote, class: "q", id: "a"}, {start: 40, end: 1 << 20, layer: layerInner, class: "num", id: "b"}, {start: 9999, end: 99999, class: "x"}}},
		{"reversed and empty", []hspan{{start: 10, end: 3, class: "q"}, {start: 5, end: 5, class: "q"}}},
		{"mid-rune", []hspan{{start: 2, end: q0s + 2, layer: layerQuote, class: "q"}}},
		{"overlapping", []hspan{
			{start: q0s, end: q0e, layer: layerQuote, class: "q sp-0", id: "q0", quote: "q0", label: label{"Zoë", "sp-0"}},
			{start: q0s + 3, end: len(body) - 3, layer: layerQuote, class: "q sp-1", id: "q1", quote: "q1", label: label{"X", "sp-1"}},
			{start: strings.Index(body, "12"), end: strings.Index(body, "12") + 2, layer: layerInner, class: "num", label: label{"NUM", "num"}},
			{start: 0, end: len(body), layer: layerClaim, class: "claim"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var spans []hspan
			for _, s := range tc.spans {
				if a, b, ok := clampSpan(body, s.start, s.end); ok {
					s.start, s.end = a, b
					spans = append(spans, s)
				}
			}
			segs := cut(body, spans)
			var b strings.Builder
			anchors := 0
			for _, s := range segs {
				if !utf8.ValidString(s.Text) {
					t.Errorf("segment %q splits a character", s.Text)
				}
				if s.Text == "" {
					t.Error("empty segment")
				}
				b.WriteString(s.Text)
				anchors += len(s.Anchors)
			}
			if b.String() != body {
				t.Errorf("segments make %q, want the body", b.String())
			}
			for _, s := range spans {
				if s.id == "" {
					continue
				}
				found := false
				for _, seg := range segs {
					for _, a := range seg.Anchors {
						found = found || a == s.id
					}
				}
				if !found {
					t.Errorf("no anchor for span %s", s.id)
				}
			}
		})
	}
}

func TestHighlightOutOfRange(t *testing.T) {
	c := fixtureCorpus()
	d := &c.Documents[0]
	d.Quotes = append(d.Quotes, article.Quote{Text: "x", Start: len(d.Body) - 2, End: len(d.Body) + 50}, article.Quote{Text: "y", Start: -3, End: -1})
	d.Numbers = append(d.Numbers, article.Number{Text: "z", Start: 1 << 40, End: 1<<40 + 3})
	d.Entities = append(d.Entities, article.Entity{Name: "O", Type: "outlet", Mentions: [][2]int{{5, 2}, {-1, 1 << 31}}})
	m := newModel(c, fileLinks{})
	segs, _, _ := m.highlight(0)
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
	}
	if b.String() != d.Body {
		t.Error("segments do not make the body")
	}
	render(t, c)
}

func TestDiffWords(t *testing.T) {
	tests := []struct {
		ref, v string
		want   string
		same   bool
	}{
		{"Nothing will be hidden.", "nothing will be hidden", "Nothing will be hidden.|", true},
		{"The crew followed every procedure,", "The crew followed procedure,", "The crew followed -every procedure,|", false},
		{"We are counting", "We are now counting", "We are +now counting|", false},
		{"", "new words", "+new +words|", false},
		{"a b", "", "-a -b|", false},
	}
	for _, tc := range tests {
		toks, same := diffWords(splitWords(tc.ref), splitWords(tc.v))
		var parts []string
		for _, tk := range toks {
			switch tk.Op {
			case "ins":
				parts = append(parts, "+"+tk.Text)
			case "del":
				parts = append(parts, "-"+tk.Text)
			default:
				parts = append(parts, tk.Text)
			}
		}
		got := strings.Join(parts, " ") + "|"
		want := tc.want
		if tc.same {
			want = strings.Join(splitWords(tc.v), " ") + "|"
		}
		if got != want || same != tc.same {
			t.Errorf("diff(%q, %q) = %q %v, want %q %v", tc.ref, tc.v, got, same, want, tc.same)
		}
	}
}

func TestFormatValue(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 12: "12", 12000: "12,000", 1234567.5: "1,234,567.5", -2300: "-2,300", 1e21: "1,000,000,000,000,000,000,000"} {
		if got := formatValue(in); got != want {
			t.Errorf("formatValue(%v) = %q, want %q", in, got, want)
		}
	}
}

func TestWriteCSV(t *testing.T) {
	c := fixtureCorpus()
	c.Documents[0].Quotes[0].Text = "=HYPERLINK(\"http://x\")"
	c.Documents[0].Quotes[0].Speaker = ptr("+Eve")
	c.Documents[0].Claims[0].Source = "@SUM(A1)"
	c.Documents[0].Numbers[0].Text = "-12"
	for _, kind := range []string{"quotes", "claims", "numbers"} {
		var b bytes.Buffer
		if err := WriteCSV(&b, c, kind); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, bad := range []string{",=HYP", "\"=HYP", ",+Eve", ",@SUM", ",-12,"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s.csv has an unguarded formula cell %q:\n%s", kind, bad, out)
			}
		}
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, c, "quotes"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"'=HYPERLINK(""http://x"")"`) || !strings.Contains(b.String(), ",'+Eve,") {
		t.Errorf("guarded cells missing:\n%s", b.String())
	}
	if err := WriteCSV(&b, c, "bogus"); err == nil {
		t.Error("no error for an unknown export")
	}
}
