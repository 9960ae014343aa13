package read

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/read/feed"
	"github.com/hearsaylab/hearsay/read/jsonl"
	"github.com/hearsaylab/hearsay/read/warc"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// warc streams the records of a WARC archive and hands on each HTML
// response as an article. Other records are skipped and counted. A damaged
// record is reported and ends the file: the records after it cannot be
// found without trusting it.
func (w *walker) warc(name string, r io.Reader) error {
	wr, err := warc.NewReader(r, warc.Limits{})
	if err != nil {
		return w.fn(article.Source{Name: name}, fmt.Errorf("%s: %w", name, err))
	}
	var read, failed, skipped int
	defer func() {
		if skipped > 0 {
			w.log.Info("skipped WARC records that are not HTML responses", "file", name, "records", skipped)
		}
	}()
	for {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		rec, err := wr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var we *warc.Error
			label := name
			if errors.As(err, &we) {
				label, err = fmt.Sprintf("%s#%d", name, we.Record), we.Err
			}
			return w.fn(article.Source{Name: label}, fmt.Errorf("%s: %w", label, err))
		}
		label := name + rec.Name()
		body := &errReader{r: rec.Body}
		src, ok, err := warcSource(label, rec, body)
		if body.err != nil {
			// The record itself is damaged: report that, and stop.
			err := body.err
			var we *warc.Error
			if errors.As(err, &we) {
				err = we.Err
			}
			return w.fn(article.Source{Name: label}, fmt.Errorf("%s: %w", label, err))
		}
		if !ok {
			skipped++
			continue
		}
		if err != nil {
			failed++
		} else {
			read++
			src.Name = recordName(rec.TargetURI, fmt.Sprintf("%s#%d", name, rec.Number))
		}
		if err := w.fn(src, err); err != nil {
			return err
		}
	}
	if read == 0 && failed == 0 {
		return w.fn(article.Source{Name: name}, fmt.Errorf("%s: no HTML responses in the WARC archive (%d other records)", name, skipped))
	}
	return nil
}

func recordName(url, label string) string {
	if url != "" {
		return url
	}
	return label
}

// errReader keeps the first error of r other than io.EOF.
type errReader struct {
	r   io.Reader
	err error
}

func (e *errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF && e.err == nil {
		e.err = err
	}
	return n, err
}

// warcSource reads the HTML page of a WARC record. ok is false when the
// record is not an HTML page: not a response or resource, not a 2xx
// response, or not HTML.
func warcSource(label string, rec *warc.Record, body io.Reader) (src article.Source, ok bool, err error) {
	src = article.Source{Name: label}
	mt, params, _ := mime.ParseMediaType(rec.ContentType)
	var (
		r           io.Reader
		contentType string
	)
	switch {
	case rec.Type == "response" && mt == "application/http" && params["msgtype"] != "request":
		resp, err := http.ReadResponse(bufio.NewReader(body), nil)
		if err != nil {
			return src, true, fmt.Errorf("%s: malformed HTTP response: %w", label, err)
		}
		defer resp.Body.Close()
		if resp.StatusCode < 200 || resp.StatusCode > 299 {
			return src, false, nil
		}
		contentType = resp.Header.Get("Content-Type")
		if !htmlType(contentType) {
			return src, false, nil
		}
		r, err = decodeBody(resp.Body, resp.Header.Get("Content-Encoding"))
		if err != nil {
			return src, true, fmt.Errorf("%s: %w", label, err)
		}
	case rec.Type == "resource" && htmlType(rec.ContentType):
		r, contentType = body, rec.ContentType
	default:
		return src, false, nil
	}
	b, err := io.ReadAll(io.LimitReader(r, MaxHTMLSize+1))
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		// A payload cut short inside a whole record was truncated by the
		// crawler (WARC-Truncated); what there is of it is read.
		return src, true, fmt.Errorf("%s: reading the page: %w", label, err)
	}
	if len(b) > MaxHTMLSize {
		return src, true, fmt.Errorf("%s: HTML page larger than %d MiB (decoded)", label, MaxHTMLSize>>20)
	}
	src, err = htmlSource(label, b, rec.TargetURI, contentType)
	return src, true, err
}

// htmlType reports whether a Content-Type is an HTML page.
func htmlType(contentType string) bool {
	mt, _, _ := mime.ParseMediaType(contentType)
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// decodeBody undoes an HTTP Content-Encoding. The caller caps what it
// reads, so a compression bomb costs no more than the cap.
func decodeBody(r io.Reader, encoding string) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "identity":
		return r, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("gzip-encoded body: %w", err)
		}
		return zr, nil
	case "deflate":
		zr, err := zlib.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("deflate-encoded body: %w", err)
		}
		return zr, nil
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %q", encoding)
	}
}

// jsonl reads JSON Lines, one article per line.
func (w *walker) jsonl(name string, r io.Reader) error {
	jr := jsonl.NewReader(r, 0)
	n := 0
	for {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		rec, err := jr.Next()
		if err == io.EOF {
			break
		}
		n++
		var le *jsonl.LineError
		switch {
		case errors.As(err, &le):
			label := fmt.Sprintf("%s:%d", name, le.Line)
			if err := w.fn(article.Source{Name: label}, fmt.Errorf("%s: %w", label, le.Err)); err != nil {
				return err
			}
			continue
		case err != nil:
			return w.fn(article.Source{Name: name}, fmt.Errorf("%s: %w", name, err))
		}
		label := fmt.Sprintf("%s:%d", name, rec.Line)
		if err := w.fn(jsonlSource(label, rec)); err != nil {
			return err
		}
	}
	if n == 0 {
		return w.fn(article.Source{Name: name}, fmt.Errorf("%s: no JSON lines", name))
	}
	return nil
}

func jsonlSource(label string, rec jsonl.Record) (article.Source, error) {
	var (
		src article.Source
		err error
	)
	if strings.TrimSpace(rec.HTML) != "" {
		if len(rec.HTML) > MaxHTMLSize {
			return article.Source{Name: label}, fmt.Errorf("%s: HTML page larger than %d MiB", label, MaxHTMLSize>>20)
		}
		// The JSON string is UTF-8 whatever the page's meta tag says.
		src, err = htmlSource(label, []byte(rec.HTML), rec.URL, "text/html; charset=utf-8")
	} else {
		src, err = readBytes(label, []byte(rec.Text), false)
	}
	if err != nil {
		return article.Source{Name: label}, err
	}
	src.Name = recordName(rec.URL, label)
	override(&src, rec.Title, rec.Outlet, rec.Date, rec.URL)
	return src, nil
}

// override sets the metadata given with an article over what its page
// said.
func override(src *article.Source, title, outlet, date, url string) {
	if title != "" {
		src.Title = title
	}
	if outlet != "" {
		src.Outlet = outlet
	}
	if date != "" {
		src.Date = date
	}
	if url != "" {
		src.URL = url
	}
}

// minTeaserText is the least text a feed item's description or summary
// needs to count as the article's full text rather than a teaser.
const minTeaserText = 500

// feed reads the items of a feed held in b. An item with its full text is
// an article; one with only a teaser and a link is fetched when
// Options.FetchLinks is set, else skipped and counted.
func (w *walker) feed(name string, b []byte) error {
	f, err := feed.Parse(bytes.NewReader(b))
	if err != nil {
		return w.fn(article.Source{Name: name}, fmt.Errorf("%s: %w", name, err))
	}
	if len(f.Items) == 0 {
		return w.fn(article.Source{Name: name}, fmt.Errorf("%s: feed has no items", name))
	}
	linkOnly := 0
	defer func() {
		if linkOnly > 0 {
			w.log.Info("skipped feed items without full text (--fetch-links fetches their pages)", "file", name, "items", linkOnly)
		}
	}()
	for _, it := range f.Items {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		label := fmt.Sprintf("%s#%d", name, it.N)
		text, err := fragmentText(it.Content)
		if err != nil {
			if err := w.fn(article.Source{Name: label}, fmt.Errorf("%s: item content: %w", label, err)); err != nil {
				return err
			}
			continue
		}
		var src article.Source
		switch {
		case text != "" && (it.Full || len(text) >= minTeaserText):
			if err := checkText(text); err != nil {
				err = fmt.Errorf("%s: item content: %w", label, err)
				if err := w.fn(article.Source{Name: label}, err); err != nil {
					return err
				}
				continue
			}
			src = article.Source{Text: text}
		case it.Link != "" && w.opt.FetchLinks:
			var page fetched
			page, err = w.fetchSource(fmt.Sprintf("%s (%s)", label, it.Link), it.Link)
			if errors.Is(err, errIsFeed) {
				err = fmt.Errorf("%s (%s): the item's link is a feed, not an article", label, it.Link)
			}
			if err != nil {
				if err := w.fn(article.Source{Name: label}, err); err != nil {
					return err
				}
				continue
			}
			src = page.Source
		default:
			linkOnly++
			continue
		}
		src.Name = recordName(it.Link, label)
		if src.Title == "" {
			src.Title = it.Title
		}
		if src.Date == "" {
			src.Date = it.Date
		}
		if src.URL == "" {
			src.URL = it.Link
		}
		if src.Outlet == "" {
			src.Outlet = f.Title
		}
		if err := w.fn(src, nil); err != nil {
			return err
		}
	}
	return nil
}

// fragmentText returns the text of a feed item's content, HTML or plain,
// paragraphs separated by blank lines.
func fragmentText(s string) (string, error) {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if !strings.Contains(s, "<") {
		return cleanParagraphs(html.UnescapeString(s)), nil
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return "", fmt.Errorf("parsing HTML: %w", err)
	}
	return blockText(doc), nil
}

// cleanParagraphs normalises the line ends and blank lines of plain text.
func cleanParagraphs(s string) string {
	var out []string
	for _, p := range strings.Split(normaliseNewlines(s), "\n\n") {
		if p = cleanText(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// url fetches an http or https argument.
func (w *walker) url(u string) error {
	src, err := w.fetchSource(u, u)
	if errors.Is(err, errIsFeed) {
		return w.feed(u, src.feedBody)
	}
	if err != nil {
		return w.fn(article.Source{Name: u}, err)
	}
	src.Name = u
	return w.fn(src.Source, nil)
}

// errIsFeed says that a fetched page is a feed.
var errIsFeed = errors.New("a feed")

// fetched is a fetched article, or the body of a fetched feed.
type fetched struct {
	article.Source
	feedBody []byte
}

// fetchSource fetches u and reads it as an HTML page or plain text;
// errors start with label. A feed is returned in feedBody with errIsFeed.
func (w *walker) fetchSource(label, u string) (fetched, error) {
	page, err := w.fetcher().Get(w.ctx, u)
	if err != nil {
		return fetched{}, fmt.Errorf("%s: fetching: %w", label, err)
	}
	switch {
	case page.MediaType == "application/rss+xml", page.MediaType == "application/atom+xml",
		page.MediaType == "application/rdf+xml", page.MediaType == "application/feed+json",
		feed.Sniff(page.Body):
		return fetched{feedBody: page.Body}, errIsFeed
	case page.MediaType == "text/html", page.MediaType == "application/xhtml+xml", LooksHTML("", page.Body):
		ct := page.ContentType
		if page.MediaType != "text/html" && page.MediaType != "application/xhtml+xml" {
			ct = "text/html"
		}
		src, err := htmlSource(label, page.Body, page.URL, ct)
		if err != nil {
			return fetched{}, err
		}
		return fetched{Source: src}, nil
	case page.MediaType == "text/plain", page.MediaType == "":
		b := page.Body
		if _, params, err := mime.ParseMediaType(page.ContentType); err == nil && params["charset"] != "" {
			if enc, _ := charset.Lookup(params["charset"]); enc != nil {
				if utf, err := enc.NewDecoder().Bytes(b); err == nil {
					b = utf
				}
			}
		}
		src, err := readBytes(label, b, false)
		if err != nil {
			return fetched{}, err
		}
		src.URL = page.URL
		return fetched{Source: src}, nil
	}
	return fetched{}, fmt.Errorf("%s: content type %q holds no article", label, page.MediaType)
}
