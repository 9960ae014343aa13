package read

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/read/feed"
	"github.com/hearsaylab/hearsay/read/fetch"
)

// Options configure WalkWith. The zero value is ready to use: no private
// addresses, no fetching of feed items' links, default limits, no log.
type Options struct {
	// AllowPrivate lets URLs reach loopback, private, link-local and other
	// non-public addresses (refused by default, also after redirects).
	AllowPrivate bool
	// FetchLinks fetches the page of a feed item that has no full text
	// but a link. Without it such items are skipped and counted.
	FetchLinks bool
	// HTTPTimeout bounds one HTTP request, body included
	// (fetch.DefaultTimeout when zero).
	HTTPTimeout time.Duration
	// MaxFetchSize is the largest body fetched (fetch.DefaultMaxBytes when
	// zero).
	MaxFetchSize int64
	// UserAgent is sent with every request (fetch.DefaultUserAgent when
	// empty).
	UserAgent string
	// Logger gets one message per container with the records or items it
	// skipped (non-HTML WARC records, feed items without text). Nil: no
	// messages.
	Logger *slog.Logger
}

// walker carries WalkWith's context, options and callback.
type walker struct {
	ctx    context.Context
	opt    Options
	fn     func(article.Source, error) error
	log    *slog.Logger
	client *fetch.Client // made on first use
	br     *bufio.Reader // the reader of the input being read, reused from input to input
}

func newWalker(ctx context.Context, opt Options, fn func(article.Source, error) error) *walker {
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &walker{ctx: ctx, opt: opt, fn: fn, log: log}
}

func (w *walker) fetcher() *fetch.Client {
	if w.client == nil {
		w.client = fetch.New(fetch.Options{
			AllowPrivate: w.opt.AllowPrivate,
			Timeout:      w.opt.HTTPTimeout,
			MaxBytes:     w.opt.MaxFetchSize,
			UserAgent:    w.opt.UserAgent,
		})
	}
	return w.client
}

// format is the kind of a file.
type format int

const (
	formatText format = iota
	formatHTML
	formatFeed
	formatWARC
	formatJSONL
	formatGzip // compressed, and not a WARC archive
)

// sniffSize is how much of a file's head is read to tell its format.
const sniffSize = 4096

// sniffFormat tells the format of a file by its name and its head: first
// the extension (.warc, .warc.gz, .jsonl, .ndjson, .rss, .atom,
// .html, …), then the content: gzip, a WARC version line, a feed's root
// element or JSON Feed version, an HTML doctype or <html> tag, a JSON
// object with a "text" or "html" field on the first line.
func sniffFormat(name string, head []byte) format {
	lower := strings.ToLower(filepath.Base(name))
	ext := filepath.Ext(lower)
	switch {
	case strings.HasSuffix(lower, ".warc"), strings.HasSuffix(lower, ".warc.gz"):
		return formatWARC
	case ext == ".jsonl", ext == ".ndjson":
		return formatJSONL
	case ext == ".rss", ext == ".atom":
		return formatFeed
	case ext == ".html", ext == ".htm", ext == ".xhtml":
		return formatHTML
	}
	switch {
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		if gzipWARC(head) {
			return formatWARC
		}
		return formatGzip
	case bytes.HasPrefix(head, []byte("WARC/")):
		return formatWARC
	case feed.Sniff(head):
		return formatFeed
	case LooksHTML(name, head):
		return formatHTML
	case looksJSONL(head):
		return formatJSONL
	}
	return formatText
}

// gzipWARC reports whether the gzip stream starting with head decompresses
// to a WARC version line.
func gzipWARC(head []byte) bool {
	zr, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return false
	}
	b := make([]byte, 5)
	n, _ := io.ReadFull(zr, b)
	return string(b[:n]) == "WARC/"
}

// looksJSONL reports whether head starts with a JSON object that has a
// "text" or "html" field on its first line.
func looksJSONL(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	head = bytes.TrimLeftFunc(head, unicode.IsSpace)
	if !bytes.HasPrefix(head, []byte("{\"")) {
		return false
	}
	line, _, _ := bytes.Cut(head, []byte("\n"))
	return bytes.Contains(line, []byte(`"text"`)) || bytes.Contains(line, []byte(`"html"`))
}

// isURL reports whether arg is an http or https URL.
func isURL(arg string) bool {
	l := strings.ToLower(arg)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}
