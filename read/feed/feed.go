// Package feed reads news feeds — RSS 0.9x, 1.0 (RDF) and 2.0, Atom and
// JSON Feed — with gofeed and hands back each item's title, date, link and
// content. It also recognises a feed from its first bytes.
package feed

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/mmcdole/gofeed"
)

// Feed is a parsed feed.
type Feed struct {
	Title string // the feed's title, usually the outlet's name
	Link  string // the site's address
	Type  string // "rss", "atom" or "json"
	Items []Item
}

// Item is one entry of a feed.
type Item struct {
	N       int // 1 for the first item
	Title   string
	Link    string
	Date    string // YYYY-MM-DD of publication (or update) when known
	Content string // the fullest body the item has: its content, else its description or summary
	// Full reports whether Content came from the item's content element
	// (content:encoded, atom:content, content_html/content_text) rather
	// than a description or summary, which is often a teaser.
	Full bool
}

// Parse reads a feed from r, which must be at most a few tens of
// megabytes: gofeed holds it in memory.
func Parse(r io.Reader) (*Feed, error) {
	f, err := parse(r)
	if err != nil {
		return nil, err
	}
	out := &Feed{Title: oneLine(f.Title), Link: strings.TrimSpace(f.Link), Type: f.FeedType}
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		item := Item{N: i + 1, Title: oneLine(it.Title), Link: strings.TrimSpace(it.Link)}
		if item.Link == "" && len(it.Links) > 0 {
			item.Link = strings.TrimSpace(it.Links[0])
		}
		if item.Link == "" && isURL(it.GUID) {
			item.Link = strings.TrimSpace(it.GUID)
		}
		switch {
		case it.PublishedParsed != nil:
			item.Date = it.PublishedParsed.UTC().Format(time.DateOnly)
		case it.UpdatedParsed != nil:
			item.Date = it.UpdatedParsed.UTC().Format(time.DateOnly)
		}
		item.Content, item.Full = it.Content, true
		if strings.TrimSpace(item.Content) == "" {
			item.Content, item.Full = it.Description, false
		}
		out.Items = append(out.Items, item)
	}
	return out, nil
}

// parse runs gofeed, turning a panic in it (a bug on hostile input) into an
// error.
func parse(r io.Reader) (f *gofeed.Feed, err error) {
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, fmt.Errorf("feed parser failed: %v", p)
		}
	}()
	f, err = gofeed.NewParser().Parse(r)
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, errors.New("not an RSS, Atom or JSON feed")
		}
		return nil, fmt.Errorf("parsing feed: %w", err)
	}
	return f, nil
}

func isURL(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
}

// Sniff reports whether head, the first bytes of a file, starts a feed: an
// <rss>, <feed> (Atom) or <rdf:RDF> root element after any byte order mark,
// XML declaration, comments and processing instructions, or a JSON object
// naming a jsonfeed.org version.
func Sniff(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	head = bytes.TrimLeftFunc(head, unicode.IsSpace)
	if len(head) > 0 && head[0] == '{' {
		return bytes.Contains(head, []byte("jsonfeed.org/version/"))
	}
	for len(head) > 0 {
		head = bytes.TrimLeftFunc(head, unicode.IsSpace)
		switch {
		case bytes.HasPrefix(head, []byte("<?")):
			end := bytes.Index(head, []byte("?>"))
			if end < 0 {
				return false
			}
			head = head[end+2:]
		case bytes.HasPrefix(head, []byte("<!--")):
			end := bytes.Index(head, []byte("-->"))
			if end < 0 {
				return false
			}
			head = head[end+3:]
		case bytes.HasPrefix(head, []byte("<!DOCTYPE")), bytes.HasPrefix(head, []byte("<!doctype")):
			end := bytes.IndexByte(head, '>')
			if end < 0 {
				return false
			}
			head = head[end+1:]
		default:
			return rootTag(head, "rss") || rootTag(head, "feed") || rootTag(head, "rdf:RDF") ||
				rootTag(head, "RDF")
		}
	}
	return false
}

// rootTag reports whether b starts with the start tag <name, possibly with
// a namespace prefix on "feed" (<atom:feed>).
func rootTag(b []byte, name string) bool {
	if len(b) < 1 || b[0] != '<' {
		return false
	}
	b = b[1:]
	if name == "feed" {
		if i := bytes.IndexAny(b, ": \t\r\n>"); i > 0 && b[i] == ':' {
			b = b[i+1:]
		}
	}
	if !bytes.HasPrefix(b, []byte(name)) {
		return false
	}
	if len(b) == len(name) {
		return true
	}
	switch b[len(name)] {
	case '>', '/', ' ', '\t', '\n', '\r':
		return true
	}
	return false
}
