package pipeline

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/extract"
	"github.com/hearsaylab/hearsay/link"
	"github.com/hearsaylab/hearsay/link/align"
	"github.com/hearsaylab/hearsay/link/minhash"
	"github.com/hearsaylab/hearsay/link/provenance"
	"github.com/hearsaylab/hearsay/read"
)

// Metric names: counters in namespace MetricNamespace.
const (
	MetricNamespace    = "hearsay"
	MetricArticlesRead = "articles_read" // articles read
	MetricReadErrors   = "read_errors"   // inputs or records that could not be read
)

var (
	articlesRead = beam.NewCounter(MetricNamespace, MetricArticlesRead)
	readErrors   = beam.NewCounter(MetricNamespace, MetricReadErrors)
)

// Counter returns the value of one of the pipeline's counters (see
// MetricReadErrors) in the result of a run, and false when the runner
// reported none.
func Counter(res beam.PipelineResult, name string) (int64, bool) {
	if res == nil {
		return 0, false
	}
	found := false
	var n int64
	for _, c := range res.Metrics().Query(func(r metrics.SingleResult) bool {
		return r.Namespace() == MetricNamespace && r.Name() == name
	}).Counters() {
		n += c.Result()
		found = true
	}
	return n, found
}

// readInput reads one input argument with read.Walk, as `hearsay analyze`
// does, and numbers its articles in order. An input or record that cannot
// be read is logged and counted (metric hearsay/read_errors), and the rest
// is read, as analyze does.
func readInput(ctx context.Context, in input, emit func(srcRec)) error {
	seq := 0
	err := read.Walk(ctx, []string{in.Path}, nil, func(src article.Source, err error) error {
		if err != nil {
			readErrors.Inc(ctx, 1)
			log.Warnf(ctx, "hearsay-beam: %v", err)
			return nil
		}
		articlesRead.Inc(ctx, 1)
		emit(srcRec{Pos: position(in.Arg, seq), Name: src.Name, Title: src.Title, Outlet: src.Outlet, Date: src.Date, URL: src.URL, Text: src.Text})
		seq++
		return nil
	})
	if err != nil {
		return fmt.Errorf("reading %s: %w", in.Path, err)
	}
	return nil
}

// extractFn extracts the document of each article, with one
// extract.Engine per DoFn instance.
type extractFn struct {
	eng *extract.Engine
}

// Setup loads the engine's lexicons.
func (f *extractFn) Setup() error {
	eng, err := extract.New()
	if err != nil {
		return fmt.Errorf("starting the extraction engine: %w", err)
	}
	f.eng = eng
	return nil
}

// ProcessElement extracts one article.
func (f *extractFn) ProcessElement(src srcRec, emit func(docRec)) error {
	d := f.eng.Document(article.Source{Name: src.Name, Title: src.Title, Outlet: src.Outlet, Date: src.Date, URL: src.URL, Text: src.Text})
	b, err := json.Marshal(link.Normalize(d))
	if err != nil {
		return fmt.Errorf("encoding document %s: %w", src.Name, err)
	}
	emit(docRec{Pos: src.Pos, Name: d.Doc, JSON: b})
	return nil
}

// featuresFn gives, per document, what the corpus-wide stages need: its
// MinHash signature under each of its LSH band keys, its story features'
// input, and the outlet names it names.
type featuresFn struct {
	// Threshold is the near-duplicate threshold (it does not change the
	// signatures, only checks the parameters).
	Threshold float64

	ix *minhash.Index
}

// Setup makes the MinHash hash family.
func (f *featuresFn) Setup() error {
	p := minhash.DefaultParams()
	p.Threshold = f.Threshold
	ix, err := minhash.NewIndex(p)
	if err != nil {
		return fmt.Errorf("duplicates: %w", err)
	}
	f.ix = ix
	return nil
}

// ProcessElement emits the band entries, the story input and the outlet
// names of one document.
func (f *featuresFn) ProcessElement(r docRec, band func(string, sigRec), stories func(int, storyIn), outlets func(string, rank)) error {
	d, err := r.decode()
	if err != nil {
		return err
	}
	if sig, ok := f.ix.Signature(d.Body); ok {
		for b, key := range f.ix.BandKeys(sig) {
			band(fmt.Sprintf("%d:%08x", b, key), sigRec{Pos: r.Pos, Sig: sig})
		}
	}
	in := storyIn{Pos: r.Pos, ID: d.Doc, Body: d.Body}
	if d.Title != nil {
		in.Title = *d.Title
	}
	if d.Date != nil {
		in.Date = *d.Date
	}
	stories(0, in)
	for k, name := range outletNames(&d) {
		outlets(name, rank{Pos: r.Pos, K: k})
	}
	return nil
}

// outletNames returns the names provenance.Tracer.Observe gathers from d,
// in the order it gathers them: cited outlets, quote channels, outlet
// entities.
func outletNames(d *article.Document) []string {
	var out []string
	out = append(out, d.CitedOutlets...)
	for _, q := range d.Quotes {
		if q.Channel != nil {
			out = append(out, *q.Channel)
		}
	}
	for _, e := range d.Entities {
		if e.Type == "outlet" {
			out = append(out, e.Name)
		}
	}
	return out
}

// bucketFn verifies the candidate pairs of one LSH bucket: every two
// documents in it whose signatures agree on at least Threshold of their
// entries. Buckets of more than MaxBucket documents are skipped, as
// minhash.Index.Pairs skips them. A pair found in several bands is emitted
// once per band; the writer keeps one.
type bucketFn struct {
	Threshold float64
	MaxBucket int
}

// ProcessElement verifies one bucket.
func (f *bucketFn) ProcessElement(_ string, sigs func(*sigRec) bool, emit func(int, partRec)) {
	var in []sigRec
	var s sigRec
	for sigs(&s) {
		in = append(in, s)
		if len(in) > f.MaxBucket {
			return
		}
	}
	slices.SortFunc(in, func(a, b sigRec) int { return cmp.Compare(a.Pos, b.Pos) })
	for i := range in {
		for j := i + 1; j < len(in); j++ {
			if in[i].Pos == in[j].Pos {
				continue
			}
			if sim := minhash.SignatureSimilarity(in[i].Sig, in[j].Sig); sim >= f.Threshold {
				emit(0, partRec{Kind: partPair, A: in[i].Pos, B: in[j].Pos, Sim: sim})
			}
		}
	}
}

// keyByName keys a document by its name.
func keyByName(r docRec) (string, docRec) { return r.Name, r }

// keyDoc keys a document for the writer.
func keyDoc(r docRec) (int, docRec) { return 0, r }

// startPart makes the writer's start part.
func startPart(_ []byte) (int, partRec) { return 0, partRec{Kind: partStart} }

// graphPart makes a writer's part of a provenance item.
func graphPart(item string) (int, partRec) {
	return 0, partRec{Kind: partGraph, Data: []byte(item)}
}

// joinStories pairs the stories that name a document with the document:
// for each mention of name in a story of two or more documents, the first
// document of that name in input order, as link.Linker resolves names.
func joinStories(_ string, docs func(*docRec) bool, stories func(*int) bool, emit func(int, docRec)) {
	var first docRec
	found := false
	var r docRec
	for docs(&r) {
		if !found || r.Pos < first.Pos {
			first, found = r, true
		}
	}
	if !found {
		return
	}
	var st int
	for stories(&st) {
		emit(st, first)
	}
}

// tracerOf returns a provenance tracer that has observed the outlet names,
// in the order in which the corpus first names them: the tracer that
// observed every document in input order.
func tracerOf(outlets func(*string, *rank) bool) *provenance.Tracer {
	type named struct {
		name string
		r    rank
	}
	var all []named
	var name string
	var r rank
	for outlets(&name, &r) {
		all = append(all, named{name, r})
	}
	slices.SortFunc(all, func(a, b named) int { return cmp.Or(a.r.compare(b.r), cmp.Compare(a.name, b.name)) })
	names := make([]string, len(all))
	for i, n := range all {
		names[i] = n.name
	}
	tr := provenance.New()
	tr.Observe(&article.Document{CitedOutlets: names})
	return tr
}

// linkFn links the quotations, claims and numbers of one story with
// link.LinkGroup, the function link.Linker calls per story.
type linkFn struct {
	lex *align.Lexicon
	tr  *provenance.Tracer // built from the side input on first use
}

// Setup loads the synonym lexicon.
func (f *linkFn) Setup() error {
	lex, err := align.NewLexicon()
	if err != nil {
		return fmt.Errorf("loading the synonym lexicon: %w", err)
	}
	f.lex = lex
	return nil
}

// ProcessElement links story st.
func (f *linkFn) ProcessElement(st int, docs func(*docRec) bool, outlets func(*string, *rank) bool, emit func(int, partRec)) error {
	if f.tr == nil {
		f.tr = tracerOf(outlets)
	}
	var recs []docRec
	var r docRec
	for docs(&r) {
		recs = append(recs, r)
	}
	slices.SortStableFunc(recs, func(a, b docRec) int { return cmp.Compare(a.Pos, b.Pos) })
	group := make([]article.Document, len(recs))
	for i, r := range recs {
		d, err := r.decode()
		if err != nil {
			return err
		}
		group[i] = d
	}
	quotes, claims, conflicts := link.LinkGroup(group, f.tr, link.Options{Lexicon: f.lex})
	var out groupOut
	var err error
	if out.Quotes, err = json.Marshal(quotes); err != nil {
		return fmt.Errorf("encoding quote clusters: %w", err)
	}
	if out.Claims, err = json.Marshal(claims); err != nil {
		return fmt.Errorf("encoding claim clusters: %w", err)
	}
	if out.Conflicts, err = json.Marshal(conflicts); err != nil {
		return fmt.Errorf("encoding number conflicts: %w", err)
	}
	b, err := json.Marshal(out)
	if err != nil {
		return fmt.Errorf("encoding the clusters of story %d: %w", st, err)
	}
	emit(0, partRec{Kind: partGroup, Story: st, Data: b})
	return nil
}

// provenanceFn gives each document's provenance nodes and edges as graph
// items (see graphItem).
type provenanceFn struct {
	tr *provenance.Tracer // built from the side input on first use
}

// ProcessElement traces one document.
func (f *provenanceFn) ProcessElement(r docRec, outlets func(*string, *rank) bool, emit func(string)) error {
	if f.tr == nil {
		f.tr = tracerOf(outlets)
	}
	d, err := r.decode()
	if err != nil {
		return err
	}
	g := f.tr.View([]article.Document{d}).Build()
	for _, n := range g.Nodes {
		emit(nodeItem(n))
	}
	for _, e := range g.Edges {
		emit(edgeItem(e))
	}
	return nil
}
