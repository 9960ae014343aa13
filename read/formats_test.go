package read

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/article"
)

// warcRecord is one record for writeWARC.
type warcRecord struct {
	typ, uri, ctype, block string
}

// writeWARC returns records as a CC-NEWS style WARC.gz: one gzip member
// per record.
func writeWARC(t testing.TB, recs ...warcRecord) []byte {
	t.Helper()
	var out bytes.Buffer
	for i, r := range recs {
		zw := gzip.NewWriter(&out)
		fmt.Fprintf(zw, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%036d>\r\nWARC-Date: 2025-02-11T08:00:00Z\r\n", r.typ, i)
		if r.uri != "" {
			fmt.Fprintf(zw, "WARC-Target-URI: %s\r\n", r.uri)
		}
		fmt.Fprintf(zw, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", r.ctype, len(r.block), r.block)
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return out.Bytes()
}

// httpResponse returns an HTTP response message with body.
func httpResponse(status, contentType, encoding, body string) string {
	h := "HTTP/1.1 " + status + "\r\nContent-Type: " + contentType + "\r\n"
	if encoding != "" {
		h += "Content-Encoding: " + encoding + "\r\n"
	}
	return h + fmt.Sprintf("Content-Length: %d\r\n\r\n", len(body)) + body
}

func gz(t testing.TB, s string) string {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.String()
}

// walked is one call of WalkWith's callback.
type walked struct {
	name, title, date, url, text string // text: first line
	err                          string // the error, "" for none
}

func walkAll(t *testing.T, opt Options, args ...string) []walked {
	t.Helper()
	var got []walked
	err := WalkWith(context.Background(), args, nil, opt, func(s article.Source, err error) error {
		w := walked{name: filepath.ToSlash(s.Name), title: s.Title, date: s.Date, url: s.URL, text: firstLine(s.Text)}
		if err != nil {
			w = walked{name: filepath.ToSlash(s.Name), err: filepath.ToSlash(err.Error())}
		}
		got = append(got, w)
		return nil
	})
	if err != nil {
		t.Fatalf("WalkWith: %v", err)
	}
	return got
}

func TestWalkWARC(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cd(t, dir)
	const u = "https://courier.example.org/news/canal-lock-reopens"
	archive := writeWARC(t,
		warcRecord{"warcinfo", "", "application/warc-fields", "software: hearsay test\r\n"},
		warcRecord{"request", u, "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n"},
		warcRecord{"response", u, "application/http; msgtype=response", httpResponse("200 OK", "text/html; charset=utf-8", "", string(page))},
		warcRecord{"response", "https://courier.example.org/logo.png", "application/http; msgtype=response", httpResponse("200 OK", "image/png", "", "\x89PNG")},
		warcRecord{"response", "https://courier.example.org/old", "application/http; msgtype=response", httpResponse("301 Moved Permanently", "text/html", "", "")},
		warcRecord{"response", "https://courier.example.org/gz", "application/http; msgtype=response", httpResponse("200 OK", "text/html", "gzip", gz(t, string(page)))},
		warcRecord{"response", "https://courier.example.org/br", "application/http; msgtype=response", httpResponse("200 OK", "text/html", "br", "xx")},
		warcRecord{"response", "https://courier.example.org/bad", "application/http; msgtype=response", "not HTTP at all"},
		warcRecord{"metadata", u, "application/warc-fields", "x: y\r\n"},
	)
	truncated := writeWARC(t,
		warcRecord{"response", u, "application/http; msgtype=response", httpResponse("200 OK", "text/html", "", string(page))},
		warcRecord{"response", "https://courier.example.org/2", "application/http; msgtype=response", httpResponse("200 OK", "text/html", "", string(page))},
	)
	truncated = truncated[:len(truncated)-200]
	writeTree(t, dir, map[string]string{
		"in/a.warc.gz":     string(archive),
		"in/b.warc":        "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: file:///x.html\r\nContent-Type: text/html\r\nContent-Length: " + fmt.Sprint(len(page)) + "\r\n\r\n" + string(page) + "\r\n\r\n",
		"in/c.warc.gz":     string(truncated),
		"in/d.warc":        "WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n",
		"in/noext":         string(archive[:len(writeWARC(t, warcRecord{"warcinfo", "", "application/warc-fields", "software: hearsay test\r\n"}))]),
		"in/other.gz":      gz(t, "some text"),
		"in/other.txt.gz~": "x",
	})
	title := "Canal Lock Reopens After Winter Repairs"
	want := []walked{
		{name: u, title: title, date: "2024-03-05", url: "https://courier.example.org/news/canal-lock-reopens", text: title},
		{name: "https://courier.example.org/gz", title: title, date: "2024-03-05", url: "https://courier.example.org/news/canal-lock-reopens", text: title},
		{name: "in/a.warc.gz#7 (https://courier.example.org/br)", err: `in/a.warc.gz#7 (https://courier.example.org/br): unsupported Content-Encoding "br"`},
		{name: "in/a.warc.gz#8 (https://courier.example.org/bad)", err: "in/a.warc.gz#8 (https://courier.example.org/bad): malformed HTTP response: "},
		{name: "file:///x.html", title: title, date: "2024-03-05", url: "https://courier.example.org/news/canal-lock-reopens", text: title},
		{name: u, title: title, date: "2024-03-05", url: "https://courier.example.org/news/canal-lock-reopens", text: title},
		{name: "in/c.warc.gz#2 (https://courier.example.org/2)", err: "in/c.warc.gz#2 (https://courier.example.org/2): truncated record: compressed stream cut short"},
		{name: "in/d.warc", err: "in/d.warc: no HTML responses in the WARC archive (1 other records)"},
		{name: "in/noext", err: "in/noext: no HTML responses in the WARC archive (1 other records)"},
	}
	got := walkAll(t, Options{}, "in")
	if len(got) != len(want) {
		t.Fatalf("got %d results, want %d:\n%+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] && !(want[i].err != "" && strings.HasPrefix(got[i].err, want[i].err)) {
			t.Errorf("result %d =\n%+v, want\n%+v", i, got[i], want[i])
		}
	}
	// A named .gz that is not a WARC archive is an error.
	if g := walkAll(t, Options{}, "in/other.gz"); len(g) != 1 || !strings.Contains(g[0].err, "not a WARC archive") {
		t.Errorf("other.gz: %+v", g)
	}
}

func TestWalkWgetWARC(t *testing.T) {
	got := walkAll(t, Options{}, filepath.Join("warc", "testdata", "ferry.warc.gz"))
	if len(got) != 1 || got[0].name != "http://127.0.0.1:18931/story.html" || got[0].title != "Ferry Service to Holm Island Resumes" || got[0].date != "2025-02-11" {
		t.Errorf("got %+v", got)
	}
}

func TestWalkJSONL(t *testing.T) {
	dir := t.TempDir()
	cd(t, dir)
	lines := strings.Join([]string{
		`{"text":"The mayor said the bridge would reopen in May.","url":"https://a.example/1","title":"Bridge","outlet":"A Daily","date":"2025-02-11T09:00:00Z"}`,
		`{"html":"<html><head><meta charset=\"windows-1252\"><title>Pier Closed</title></head><body><article><p>The harbour master said on Friday that the caf\u00e9 on the pier would stay closed until the storm damage had been surveyed by engineers.</p><p>The harbour master said on Friday that the pier would stay closed until the storm damage had been surveyed by engineers.</p></article></body></html>"}`,
		`not json`,
		`{"text":"binary \u0000 inside"}`,
		``,
		`{"text":"Plain, no URL."}`,
	}, "\n")
	writeTree(t, dir, map[string]string{"in/a.jsonl": lines, "in/b.ndjson": "\n\n", "in/c.txt": `{"text": "sniffed as JSON Lines"}`})
	want := []walked{
		{name: "https://a.example/1", title: "Bridge", date: "2025-02-11", url: "https://a.example/1", text: "The mayor said the bridge would reopen in May."},
		{name: "in/a.jsonl:2", title: "Pier Closed", text: "The harbour master said on Friday that the café on the pier would stay closed until the storm damage had been surveyed by engineers."},
		{name: "in/a.jsonl:3", err: "in/a.jsonl:3: not a JSON object"},
		{name: "in/a.jsonl:4", err: "in/a.jsonl:4: not a text file: contains NUL"},
		{name: "in/a.jsonl:6", text: "Plain, no URL."},
		{name: "in/b.ndjson", err: "in/b.ndjson: no JSON lines"},
		{name: "in/c.txt:1", text: "sniffed as JSON Lines"},
	}
	got := walkAll(t, Options{}, "in")
	if len(got) != len(want) {
		t.Fatalf("got %d results, want %d:\n%+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] && !(want[i].err != "" && strings.HasPrefix(got[i].err, want[i].err)) {
			t.Errorf("result %d =\n%+v, want\n%+v", i, got[i], want[i])
		}
	}
}

// feedPage is an article page the feed tests fetch.
const feedPage = `<html><head><title>School Wins Award</title></head><body><article>
<p>The primary school on Mill Lane won the county's reading award on Thursday, its head teacher said.</p>
<p>"The children worked hard all year," said the head teacher, Alma Reyes, who has led the school since 2019.</p>
</article></body></html>`

func TestWalkFeeds(t *testing.T) {
	var uas []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		uas = append(uas, r.UserAgent())
		switch r.URL.Path {
		case "/school":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, feedPage)
		case "/feed":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>Local</title><item><title>School</title><link>%s/school</link><description>Teaser.</description></item></channel></rss>`, "http://"+r.Host)
		case "/text":
			w.Header().Set("Content-Type", "text/plain; charset=iso-8859-1")
			io.WriteString(w, "Caf\xe9 owner said it was fine.")
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join("feed", "testdata", "feed.json"))
	if err != nil {
		t.Fatal(err)
	}
	cd(t, dir)
	jf := strings.ReplaceAll(string(b), "https://fenwick.example.org", srv.URL)
	writeTree(t, dir, map[string]string{
		"in/feed.json": jf,
		"in/news.rss":  "<rss version=\"2.0\"><channel><title>Broken</title><item><title>a</tit",
		"in/x.xml":     `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Empty</title></feed>`,
	})
	market := walked{name: srv.URL + "/market", title: "Market Hall Reopens", date: "2025-04-05", url: srv.URL + "/market", text: "The market hall reopened on Saturday after a year of work."}

	// Without --fetch-links the teaser-only item is skipped.
	got := walkAll(t, Options{}, "in")
	if len(got) != 3 || got[0] != market || !strings.HasPrefix(got[1].err, "in/news.rss: parsing feed") || got[2].err != "in/x.xml: feed has no items" {
		t.Errorf("without FetchLinks:\n%+v", got)
	}
	// With it, the item's page is fetched, but only when private
	// addresses are allowed (the test server is on loopback).
	got = walkAll(t, Options{FetchLinks: true}, "in/feed.json")
	if len(got) != 2 || !strings.HasPrefix(got[1].err, "in/feed.json#2 ("+srv.URL+"/school): fetching: ") || !strings.Contains(got[1].err, "refused: 127.0.0.1 is a loopback address") {
		t.Errorf("refused:\n%+v", got)
	}
	got = walkAll(t, Options{FetchLinks: true, AllowPrivate: true}, "in/feed.json")
	school := walked{name: srv.URL + "/school", title: "School Wins Award", date: "2025-04-06", url: srv.URL + "/school", text: "The primary school on Mill Lane won the county's reading award on Thursday, its head teacher said."}
	for i := range got {
		got[i].text = strings.TrimSuffix(got[i].text, ` "The children worked hard all year," said the head teacher, Alma Reyes, who has led the school since 2019.`)
	}
	if len(got) != 2 || got[1] != school {
		t.Errorf("fetched:\n%+v", got)
	}

	// URLs on the command line: a page, a feed, plain text in Latin-1.
	got = walkAll(t, Options{FetchLinks: true, AllowPrivate: true}, srv.URL+"/school", srv.URL+"/feed", srv.URL+"/text", srv.URL+"/nothing")
	for i := range got {
		got[i].text = strings.TrimSuffix(got[i].text, ` "The children worked hard all year," said the head teacher, Alma Reyes, who has led the school since 2019.`)
	}
	if len(got) != 4 || got[0].text != school.text || got[1].text != school.text || got[1].title != "School Wins Award" ||
		got[2].text != "Café owner said it was fine." || !strings.Contains(got[3].err, "/nothing: fetching: HTTP status 404") {
		t.Errorf("URLs:\n%+v", got)
	}
	if got := walkAll(t, Options{}, srv.URL+"/school"); len(got) != 1 || !strings.Contains(got[0].err, "loopback address (use --allow-private") {
		t.Errorf("URL without AllowPrivate: %+v", got)
	}
	for _, ua := range uas {
		if !strings.HasPrefix(ua, "hearsay/") {
			t.Errorf("User-Agent %q", ua)
		}
	}
}

func TestSniffFormat(t *testing.T) {
	tests := []struct {
		name, head string
		want       format
	}{
		{"a.warc", "", formatWARC},
		{"A.WARC.GZ", "", formatWARC},
		{"a.jsonl", "", formatJSONL},
		{"a.ndjson", "", formatJSONL},
		{"a.rss", "", formatFeed},
		{"a.atom", "", formatFeed},
		{"a.html", "<rss>", formatHTML},
		{"a.xml", `<?xml version="1.0"?><rss version="2.0">`, formatFeed},
		{"feed.json", `{"version":"https://jsonfeed.org/version/1.1"}`, formatFeed},
		{"x", "WARC/1.0\r\n", formatWARC},
		{"x", "\x1f\x8b\x08\x00", formatGzip},
		{"x", "<!DOCTYPE html><html>", formatHTML},
		{"x", `{"html": "<p>x</p>"}`, formatJSONL},
		{"x", `{"other": 1}`, formatText},
		{"x.txt", "Plain words.", formatText},
	}
	for _, tt := range tests {
		if got := sniffFormat(tt.name, []byte(tt.head)); got != tt.want {
			t.Errorf("sniffFormat(%q, %q) = %v, want %v", tt.name, tt.head, got, tt.want)
		}
	}
}

// FuzzInput feeds bytes through the whole reading of one input — format
// sniffing, then the text, HTML, feed, WARC or JSON Lines reader — under
// names that route it each way. Every error must name the input.
func FuzzInput(f *testing.F) {
	for _, s := range []string{
		"plain words", "<html><body><p>x</p></body></html>", `{"text":"a"}` + "\n" + `{"html":"<p>b</p>"}`,
		`<rss version="2.0"><channel><item><title>t</title><description>d</description></item></channel></rss>`,
		"WARC/1.1\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nContent-Length: 4\r\n\r\n<p>x\r\n\r\n",
		"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", "",
	} {
		for name := range 5 {
			f.Add(uint8(name), []byte(s))
		}
	}
	names := []string{"in.txt", "in.html", "in.rss", "in.warc", "in.jsonl"}
	f.Fuzz(func(t *testing.T, which uint8, b []byte) {
		name := names[int(which)%len(names)]
		w := newWalker(context.Background(), Options{}, func(s article.Source, err error) error {
			if err != nil {
				if !strings.HasPrefix(err.Error(), name) {
					t.Fatalf("error %q does not name %s", err, name)
				}
				return nil
			}
			if strings.TrimSpace(s.Text) == "" || s.Name == "" {
				t.Fatalf("source without text or name: %+v", s)
			}
			return nil
		})
		if err := w.reader(name, bytes.NewReader(b), int64(len(b))); err != nil {
			t.Fatalf("reader: %v", err)
		}
	})
}
