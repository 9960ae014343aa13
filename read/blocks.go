package read

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockTags end a paragraph where they start and where they end.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true,
	atom.Section: true, atom.Article: true, atom.Main: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Figure: true, atom.Figcaption: true,
	atom.Hr: true, atom.Address: true, atom.Details: true, atom.Summary: true,
	atom.Body: true, atom.Html: true,
}

// skipTags hold no readable text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Svg: true, atom.Math: true,
}

// paragraphs collects the text of an HTML tree paragraph by paragraph.
type paragraphs struct {
	done []string
	cur  strings.Builder
}

// blockText returns the text of n with its block elements (p, h1-h6, li,
// blockquote, pre, …) as paragraphs separated by blank lines and <br> as a
// line break. White space inside a paragraph is folded, except in pre.
func blockText(n *html.Node) string {
	var p paragraphs
	p.walk(n, false)
	p.flush()
	return strings.Join(p.done, "\n\n")
}

func (p *paragraphs) walk(n *html.Node, pre bool) {
	var a atom.Atom
	switch n.Type {
	case html.TextNode:
		if pre {
			p.cur.WriteString(n.Data)
		} else {
			p.text(n.Data)
		}
		return
	case html.ElementNode:
		a = tagAtom(n)
		if skipTags[a] {
			return
		}
		switch a {
		case atom.Br:
			p.cur.WriteString("\n")
			return
		case atom.Td, atom.Th:
			p.space()
		}
	case html.DocumentNode:
	default:
		return
	}
	block := blockTags[a]
	if block {
		p.flush()
	}
	pre = pre || a == atom.Pre
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.walk(c, pre)
	}
	if block {
		p.flush()
	}
}

// htmlSpace reports whether r is HTML white space. A no-break space is not:
// it belongs to the text.
func htmlSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

// tagAtom returns the atom of element n. Trafilatura builds elements
// without setting DataAtom, so the name is looked up when it is missing.
func tagAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

// text appends s with its white space folded to single spaces.
func (p *paragraphs) text(s string) {
	for i, f := range strings.FieldsFunc(s, htmlSpace) {
		if i > 0 || startsSpace(s) {
			p.space()
		}
		p.cur.WriteString(f)
	}
	if endsSpace(s) && strings.TrimFunc(s, htmlSpace) != "" {
		p.space()
	}
}

// space appends a space unless the paragraph is empty or already ends in
// white space.
func (p *paragraphs) space() {
	s := p.cur.String()
	if s != "" && !endsSpace(s) {
		p.cur.WriteByte(' ')
	}
}

func (p *paragraphs) flush() {
	if t := cleanText(p.cur.String()); t != "" {
		p.done = append(p.done, t)
	}
	p.cur.Reset()
}

// cleanText trims each line's trailing and the text's outer white space and
// drops blank lines, so that a paragraph never holds a paragraph break.
func cleanText(s string) string {
	lines := strings.Split(normaliseNewlines(s), "\n")
	out := lines[:0]
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

func startsSpace(s string) bool {
	return s != "" && htmlSpace(rune(s[0]))
}

func endsSpace(s string) bool {
	return s != "" && htmlSpace(rune(s[len(s)-1]))
}
