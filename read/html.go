package read

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/hearsaylab/hearsay/article"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/unicode/norm"
)

// MaxHTMLSize is the largest HTML page HTML reads, in bytes.
const MaxHTMLSize = 32 << 20

// HTML reads an HTML page from r and returns its main text, paragraphs
// separated by blank lines, with the title, publication date (YYYY-MM-DD),
// site name and URL found in the page's metadata. pageURL, when not empty,
// is where the page came from; the page's own canonical URL takes
// precedence. A page larger than MaxHTMLSize, or one without extractable
// text, is an error.
func HTML(name string, r io.Reader, pageURL string) (article.Source, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxHTMLSize+1))
	if err != nil {
		return article.Source{Name: name}, fmt.Errorf("%s: %w", name, err)
	}
	if len(b) > MaxHTMLSize {
		return article.Source{Name: name}, fmt.Errorf("%s: HTML page larger than %d MiB", name, MaxHTMLSize>>20)
	}
	return htmlSource(name, b, pageURL, "text/html")
}

// htmlSource reads an HTML page held in b. contentType is the page's
// Content-Type header when known (its charset parameter then decides the
// encoding), else "text/html": the encoding comes from a byte order mark,
// a meta tag or a guess.
func htmlSource(name string, b []byte, pageURL, contentType string) (article.Source, error) {
	src := article.Source{Name: name}
	enc, _, _ := charset.DetermineEncoding(b, contentType)
	utf, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return src, fmt.Errorf("%s: decoding HTML: %w", name, err)
	}
	utf = norm.NFC.Bytes(bytes.ToValidUTF8(utf, []byte("\uFFFD")))
	doc, err := html.Parse(bytes.NewReader(utf))
	if err != nil {
		return src, fmt.Errorf("%s: parsing HTML: %w", name, err)
	}
	// Trafilatura folds all Unicode white space, no-break spaces included;
	// they belong to the text (150\u00a0meters), so they travel through it
	// disguised as a noncharacter.
	keepNBSP := !bytes.Contains(utf, []byte(nbspStandIn))
	if keepNBSP {
		replaceText(doc, "\u00a0", nbspStandIn)
	}
	opts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
	}
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err == nil {
			opts.OriginalURL = u
		}
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return src, fmt.Errorf("%s: extracting article text: %w", name, err)
	}
	if res.ContentNode != nil {
		src.Text = blockText(res.ContentNode)
	}
	if src.Text == "" {
		src.Text = cleanText(res.ContentText)
	}
	m := res.Metadata
	src.Title = oneLine(m.Title)
	src.Outlet = oneLine(m.Sitename)
	if keepNBSP {
		r := strings.NewReplacer(nbspStandIn, "\u00a0")
		src.Text, src.Title, src.Outlet = r.Replace(src.Text), r.Replace(src.Title), r.Replace(src.Outlet)
	}
	// Tested once the no-break spaces are back: a page of nothing else has
	// no text either.
	if strings.TrimSpace(src.Text) == "" {
		return article.Source{Name: name}, fmt.Errorf("%s: no article text found in the HTML page", name)
	}
	if !m.Date.IsZero() {
		src.Date = m.Date.Format("2006-01-02")
	}
	src.URL = oneLine(m.URL)
	if src.URL == "" {
		src.URL = pageURL
	}
	return src, nil
}

// nbspStandIn stands for U+00A0 while trafilatura works on a page.
const nbspStandIn = "\uFDD0"

// replaceText replaces from with to in the text nodes of the tree at n.
func replaceText(n *html.Node, from, to string) {
	if n.Type == html.TextNode {
		n.Data = strings.ReplaceAll(n.Data, from, to)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		replaceText(c, from, to)
	}
}

// oneLine folds the white space of a metadata value.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
}

// LooksHTML reports whether a file is an HTML page, judging by its name's
// extension (.html, .htm, .xhtml) or by its first bytes: a doctype or
// <html> tag, after any byte order mark, white space, comments (as in a
// browser's saved page) and XML declaration.
func LooksHTML(name string, head []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	if len(head) > 4096 {
		head = head[:4096]
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		s, err := Decode(name, head[:len(head)&^1])
		if err != nil {
			return false
		}
		head = []byte(s)
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		head = head[3:]
	}
	for {
		head = bytes.TrimLeftFunc(head, unicode.IsSpace)
		switch {
		case hasPrefixFold(head, "<!--"):
			end := bytes.Index(head, []byte("-->"))
			if end < 0 {
				return false
			}
			head = head[end+3:]
		case hasPrefixFold(head, "<?xml"):
			end := bytes.Index(head, []byte("?>"))
			if end < 0 {
				return false
			}
			head = head[end+2:]
		default:
			return hasPrefixFold(head, "<!doctype html") || hasTag(head, "<html")
		}
	}
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && bytes.EqualFold(b[:len(prefix)], []byte(prefix))
}

// hasTag reports whether b starts with the tag opener tag followed by the
// end of the tag or an attribute.
func hasTag(b []byte, tag string) bool {
	if !hasPrefixFold(b, tag) {
		return false
	}
	if len(b) == len(tag) {
		return true
	}
	switch b[len(tag)] {
	case '>', '/', ' ', '\t', '\n', '\r', '\f':
		return true
	}
	return false
}
