// Package extract runs hearsay's per-document pipeline on one article:
// clean → segment → quotations → entities → attribution → numbers → framing.
// It is the Go API of the extraction engine: build an Engine once and call
// Document for each article, from as many goroutines as you like.
package extract

import (
	"fmt"
	"sort"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/attribute"
	"github.com/hearsaylab/hearsay/clean"
	"github.com/hearsaylab/hearsay/entity"
	"github.com/hearsaylab/hearsay/frame"
	"github.com/hearsaylab/hearsay/number"
	"github.com/hearsaylab/hearsay/outlet"
	"github.com/hearsaylab/hearsay/quote"
	"github.com/hearsaylab/hearsay/segment"
)

// Engine holds the lexicons and tables of every stage. It is read-only after
// New and safe for concurrent use.
type Engine struct {
	cleaner  *clean.Cleaner
	outlets  *outlet.Table
	entities *entity.Recognizer
	attr     *attribute.Attributor
	numbers  *number.Finder
	frames   *frame.Analyzer
}

// New builds an Engine from the embedded data files.
func New() (*Engine, error) {
	var e Engine
	var err error
	if e.cleaner, err = clean.New(); err != nil {
		return nil, fmt.Errorf("extract: cleaner: %w", err)
	}
	if e.outlets, err = outlet.Load(); err != nil {
		return nil, fmt.Errorf("extract: outlets: %w", err)
	}
	if e.entities, err = entity.New(); err != nil {
		return nil, fmt.Errorf("extract: entities: %w", err)
	}
	if e.attr, err = attribute.New(e.entities, e.outlets); err != nil {
		return nil, fmt.Errorf("extract: attribution: %w", err)
	}
	if e.numbers, err = number.New(); err != nil {
		return nil, fmt.Errorf("extract: numbers: %w", err)
	}
	if e.frames, err = frame.New(); err != nil {
		return nil, fmt.Errorf("extract: framing: %w", err)
	}
	return &e, nil
}

// Document extracts everything hearsay knows how to find from one article.
func (e *Engine) Document(src article.Source) article.Document {
	body := e.cleaner.Body(src.Text)
	doc := article.Document{
		Doc: src.Name, Title: article.Str(src.Title), Outlet: article.Str(e.canonicalOutlet(src.Outlet)),
		Date: article.Str(src.Date), URL: article.Str(src.URL), Body: body,
	}
	paras := segment.Paragraphs(body)
	quotes := quote.Scan(body, paras)
	var marked []article.Span
	for _, q := range quotes {
		if !q.Block {
			marked = append(marked, article.Span{Start: q.Open, End: q.Close})
		}
	}
	var sents []article.Span
	for _, p := range paras {
		sents = append(sents, segment.Sentences(body, p.Span, marked)...)
	}
	toks := segment.Tokens(body, 0, len(body))
	outs := e.outlets.Find(body)
	mentions := e.mentions(body, toks, outs)
	// Outlets: the table's, and names the recogniser knows for outlets by
	// their form ("Deseret News").
	var om []attribute.OutletMention
	for _, m := range mentions {
		if m.Type != entity.Outlet {
			continue
		}
		info, _ := e.outlets.Info(m.Name)
		om = append(om, attribute.OutletMention{Start: m.Start, End: m.End, Canonical: m.Name, Platform: info.Type == "platform"})
	}
	res := e.attr.Document(attribute.Input{
		Body: body, Paras: paras, Sentences: sents, Tokens: toks, Quotes: quotes,
		Mentions: mentions, Outlets: om, DocOutlet: derefOr(doc.Outlet),
	})
	doc.Quotes = nonNil(res.Quotes)
	doc.Claims = nonNil(res.Claims)
	doc.AnonymousSources = nonNil(res.Anonymous)
	doc.CitedOutlets = nonNil(res.Cited)
	doc.Numbers = nonNil(e.numbers.Find(body))
	doc.Entities = nonNil(entity.Entities(mentions))
	var spans []article.Span
	anon := 0
	for _, q := range doc.Quotes {
		spans = append(spans, article.Span{Start: q.Start, End: q.End})
		if q.Anonymous {
			anon++
		}
	}
	doc.Framing = e.frames.Analyze(body, spans, anon, len(doc.Quotes))
	if doc.Framing.Terms == nil {
		doc.Framing.Terms = []article.Term{}
	}
	return doc
}

// mentions merges the recogniser's mentions with the outlet table's, which
// are more precise for outlets ("the FT").
func (e *Engine) mentions(body string, toks []segment.Token, outs []outlet.Mention) []entity.Mention {
	ms := e.entities.Find(body, toks)
	var kept []entity.Mention
	for _, m := range ms {
		overlap := false
		for _, o := range outs {
			if m.Start < o.End && o.Start < m.End {
				overlap = true
				break
			}
		}
		if !overlap {
			kept = append(kept, m)
		}
	}
	for _, o := range outs {
		kept = append(kept, entity.Mention{Start: o.Start, End: o.End, Text: o.Text, Name: o.Canonical, Type: entity.Outlet, RoleStart: o.Start})
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].Start < kept[j].Start })
	return kept
}

func (e *Engine) canonicalOutlet(name string) string {
	if c, ok := e.outlets.Canonical(name); ok {
		return c
	}
	return name
}

func derefOr(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
