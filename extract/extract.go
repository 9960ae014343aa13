// Package extract runs hearsay's per-document pipeline on one article:
// clean → segment → quotations → entities → attribution → numbers → framing.
// It is the Go API of the extraction engine: build an Engine once and call
// Document for each article, from as many goroutines as you like.
package extract

import (
	"cmp"
	"fmt"
	"slices"
	"sync"
	"unsafe"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/attribute"
	"github.com/hearsaylab/hearsay/clean"
	"github.com/hearsaylab/hearsay/entity"
	"github.com/hearsaylab/hearsay/frame"
	"github.com/hearsaylab/hearsay/internal/wordscan"
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
	// gates holds the outlet table's and the framing terms' first words,
	// attribution's trigger words and the number words, for one walk
	gates    *wordscan.Pair
	triggers bool      // the walk notes the trigger words
	scratch  sync.Pool // *scratch, reused from call to call
}

// scratch holds the buffers of one call of Document; nothing it returns
// points into them.
type scratch struct {
	toks   []segment.Token
	words  []wordscan.Token
	along  outlet.Along // the outlet mentions and the candidates of the word scan
	found  frame.Found  // the framing terms and hedges
	marks  segment.Marks
	paras  []segment.Paragraph
	quotes []quote.Span
	marked []article.Span
	sents  []article.Span
	kept   []entity.Mention
	roles  entity.Roles // the storage of the roles of kept
	om     []attribute.OutletMention
	spans  []article.Span // the quotations, for framing
	lower  []byte
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
	tw := e.attr.TriggerWords()
	e.gates, e.triggers = wordscan.NewPairSets(e.outlets.Gate(), e.frames.Gate(), tw, e.numbers.StartWords()), tw != nil
	return &e, nil
}

// Document extracts everything hearsay knows how to find from one article.
func (e *Engine) Document(src article.Source) article.Document {
	sc, _ := e.scratch.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	defer e.scratch.Put(sc)
	return e.document(sc, src)
}

// document is Document with the scratch sc. The document returned keeps
// nothing of sc: sc.lower, the lower case of the body, is handed to the
// stages as a string without a copy, so it must not outlive the call
// (TestDocumentsOutliveScratch).
func (e *Engine) document(sc *scratch, src article.Source) article.Document {
	body := e.cleaner.Body(src.Text)
	doc := article.Document{Doc: src.Name, Body: body}
	setMeta(&doc, src.Title, e.canonicalOutlet(src.Outlet), src.Date, src.URL)
	lowered, ok := wordscan.AppendLower(sc.lower[:0], body)
	sc.lower = lowered
	var lower string
	if ok {
		lower = unsafe.String(unsafe.SliceData(lowered), len(lowered))
	}
	// One pass gives the tokens of the recogniser and of attribution, and
	// those of the word scan that the outlet table, the framing terms and
	// attribution's trigger words share, which go over them while they
	// are fresh in the cache.
	sc.marks.Reset()
	toks, words := segment.AppendTokensWords(sc.toks[:0], sc.words[:0], &sc.marks, body)
	sc.toks, sc.words = toks, words
	e.outlets.FindAlong(&sc.along, body, words, e.gates)
	outs, trig := sc.along.Mentions, sc.along.Words
	e.frames.FindCandidates(&sc.found, body, words, &sc.along.Other)
	paras := segment.AppendParagraphs(sc.paras[:0], body)
	sc.paras = paras
	quotes := quote.AppendScanMarked(sc.quotes[:0], body, paras, sc.marks.Quotes)
	sc.quotes = quotes
	marked := sc.marked[:0]
	for _, q := range quotes {
		if !q.Block {
			marked = append(marked, article.Span{Start: q.Open, End: q.Close})
		}
	}
	sc.marked = marked
	sents := sc.sents[:0]
	// The terminal marks and quotations before a paragraph are passed over
	// once for all, not again for every paragraph after them.
	terms, ends, skip := sc.marks.Terminals, sc.marks.Ends, marked
	for _, p := range paras {
		for len(terms) > 0 && terms[0] < p.Start {
			terms = terms[1:]
		}
		for len(ends) > 0 && ends[0] < p.Start {
			ends = ends[1:]
		}
		for len(skip) > 0 && skip[0].End <= p.Start {
			skip = skip[1:]
		}
		sents = segment.AppendSentencesEnds(sents, body, p.Span, skip, terms, ends)
	}
	sc.sents = sents
	mentions := e.mentions(sc, body, lower, toks, outs)
	sc.kept = mentions
	// Outlets: the table's, and names the recogniser knows for outlets by
	// their form ("Deseret News").
	om := sc.om[:0]
	for _, m := range mentions {
		if m.Type != entity.Outlet {
			continue
		}
		om = append(om, attribute.OutletMention{Start: m.Start, End: m.End, Canonical: m.Name, Platform: e.outlets.Type(m.Name) == "platform"})
	}
	sc.om = om
	res := e.attr.Document(attribute.Input{
		Body: body, Paras: paras, Sentences: sents, Tokens: toks, Quotes: quotes,
		Mentions: mentions, Outlets: om, DocOutlet: derefOr(doc.Outlet), Lower: lower, Words: words,
		Triggers: trig, TriggersNoted: e.triggers,
	})
	doc.Quotes = nonNil(res.Quotes)
	doc.Claims = nonNil(res.Claims)
	doc.AnonymousSources = nonNil(res.Anonymous)
	doc.CitedOutlets = nonNil(res.Cited)
	doc.Numbers = nonNil(e.numbers.FindMarkedHits(body, words, sc.marks.Numbers, sc.along.More))
	doc.Entities = nonNil(e.entities.Entities(mentions))
	spans := sc.spans[:0]
	anon := 0
	for _, q := range doc.Quotes {
		spans = append(spans, article.Span{Start: q.Start, End: q.End})
		if q.Anonymous {
			anon++
		}
	}
	sc.spans = spans
	doc.Framing = sc.found.Framing(spans, anon, len(doc.Quotes))
	if doc.Framing.Terms == nil {
		doc.Framing.Terms = []article.Term{}
	}
	sc.release()
	return doc
}

// keepTokens is the most tokens the pooled scratch keeps room for from call
// to call. The token buffers grow with the text, so that one very long
// text (a book, a 1 MB page) would otherwise pin tens of megabytes in the
// pool; 64 Ki tokens cover ordinary articles.
const keepTokens = 1 << 16

// keepLower is the most bytes of lower case the pooled scratch keeps room
// for, a text of some 64 Ki tokens.
const keepLower = 1 << 19

// release readies sc to go back to the pool. Its buffers are not cleared:
// what they point into (the last body, the names of its mentions) stays
// alive only until the next call overwrites them or, the pool being emptied
// at garbage collection, until sc itself is dropped; clearing them cost 1.5 %
// of the engine's time. Buffers grown past keepTokens (keepLower) are let
// go at once.
func (sc *scratch) release() {
	if cap(sc.toks) > keepTokens || cap(sc.words) > keepTokens {
		sc.toks, sc.words = nil, nil
	}
	if cap(sc.lower) > keepLower {
		sc.lower = nil
	}
}

// mentions merges the recogniser's mentions with the outlet table's, which
// are more precise for outlets ("the FT"), in sc.kept in order of their start
// (the recogniser's first on a tie). The recogniser appends to sc.kept
// itself, and the merge works in place: a mention is copied only when a
// dropped mention or an outlet comes before it.
func (e *Engine) mentions(sc *scratch, body, lower string, toks []segment.Token, outs []outlet.Mention) []entity.Mention {
	ms := e.entities.AppendLowerMarked(sc.kept[:0], &sc.roles, body, lower, toks, sc.marks.Names)
	if len(outs) == 0 {
		return ms
	}
	return mergeByStart(dropOverlapped(ms, outs), outs)
}

// dropOverlapped removes from ms, in place and keeping their order, the
// mentions that overlap one of outs. A mention outside the bytes from the
// first start to the last end of outs is kept without a look at each.
func dropOverlapped(ms []entity.Mention, outs []outlet.Mention) []entity.Mention {
	if len(outs) == 0 {
		return ms
	}
	lo, hi := outs[0].Start, outs[0].End
	for i := range outs {
		lo, hi = min(lo, outs[i].Start), max(hi, outs[i].End)
	}
	kept := 0
	for i := range ms {
		if m := &ms[i]; m.Start < hi && lo < m.End && overlapsAny(m, outs) {
			continue
		}
		if kept != i {
			ms[kept] = ms[i]
		}
		kept++
	}
	clear(ms[kept:]) // let the dropped mentions' strings go
	return ms[:kept]
}

// overlapsAny reports whether m overlaps one of outs.
func overlapsAny(m *entity.Mention, outs []outlet.Mention) bool {
	for i := range outs {
		if m.Start < outs[i].End && outs[i].Start < m.End {
			return true
		}
	}
	return false
}

// outletMention is the outlet table's mention o as an entity mention.
func outletMention(o *outlet.Mention) entity.Mention {
	return entity.Mention{Start: o.Start, End: o.End, Text: o.Text, Name: o.Canonical, Type: entity.Outlet, RoleStart: o.Start}
}

func byStart(a, b entity.Mention) int { return cmp.Compare(a.Start, b.Start) }

func outletByStart(a, b outlet.Mention) int { return cmp.Compare(a.Start, b.Start) }

// inOrder is slices.IsSortedFunc(ms, byStart), without a call (and a copy
// of two mentions) a pair.
func inOrder(ms []entity.Mention) bool {
	for i := 1; i < len(ms); i++ {
		if ms[i].Start < ms[i-1].Start {
			return false
		}
	}
	return true
}

// mergeByStart appends the mentions of outs to ms and orders them by Start
// as a stable sort would. Both ms and outs nearly always come in order
// already: then it merges them in place, from the back, leaving the
// mentions before the first of outs where they are, instead of sorting the
// whole.
func mergeByStart(ms []entity.Mention, outs []outlet.Mention) []entity.Mention {
	n := len(ms)
	if !inOrder(ms) || !slices.IsSortedFunc(outs, outletByStart) {
		for i := range outs {
			ms = append(ms, outletMention(&outs[i]))
		}
		slices.SortStableFunc(ms, byStart)
		return ms
	}
	ms = slices.Grow(ms, len(outs))[:n+len(outs)]
	i, j := n-1, len(outs)-1
	for k := len(ms) - 1; j >= 0; k-- {
		if i >= 0 && ms[i].Start > outs[j].Start {
			ms[k] = ms[i]
			i--
		} else {
			ms[k] = outletMention(&outs[j])
			j--
		}
	}
	return ms
}

// setMeta sets the title, outlet, date and URL of d, each nil when empty
// (article.Str), with the strings stored in one array instead of one
// allocation each.
func setMeta(d *article.Document, title, outlet, date, url string) {
	if title == "" && outlet == "" && date == "" && url == "" {
		return
	}
	vs := &[4]string{title, outlet, date, url}
	ptr := func(i int) *string {
		if vs[i] == "" {
			return nil
		}
		return &vs[i]
	}
	d.Title, d.Outlet, d.Date, d.URL = ptr(0), ptr(1), ptr(2), ptr(3)
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
