package link

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/internal/jsonw"
	"github.com/hearsaylab/hearsay/link/align"
	"github.com/hearsaylab/hearsay/link/conflict"
	"github.com/hearsaylab/hearsay/link/provenance"
)

// Linker links a corpus given one document at a time, in two passes. Add
// (pass one) writes each document to a spill file and keeps in memory only
// what the corpus-wide stages need: the document's name, its near-duplicate
// signature, its story features and the outlets it names. Finish (pass two)
// finds the duplicates and stories, then reads back one story at a time to
// link its quotations, claims and numbers, writing the clusters to spill
// files as it goes. Memory therefore grows with the number of documents by
// a few hundred bytes each, not with their text. A Linker is not safe for
// concurrent use.
type Linker struct {
	opt   Options
	docs  *docList
	names []string
	tr    *provenance.Tracer
}

// NewLinker returns a Linker. With opt.TempDir empty, everything is held in
// memory (for small corpora and tests); otherwise documents and clusters go
// to temporary files in that folder, removed by Result.Close.
func NewLinker(opt Options) (*Linker, error) {
	if opt.Lexicon == nil {
		opt.Lexicon = align.MustLexicon()
	}
	docs, err := newDocList(opt.TempDir)
	if err != nil {
		return nil, err
	}
	return &Linker{opt: opt, docs: docs, tr: provenance.New()}, nil
}

// Add adds the next document.
func (l *Linker) Add(d article.Document) error {
	d = Normalize(d)
	i := len(l.names)
	if err := l.docs.add(d); err != nil {
		return fmt.Errorf("link: keeping %s: %w", d.Doc, err)
	}
	l.names = append(l.names, d.Doc)
	l.tr.Observe(&d)
	if l.opt.Duplicates != nil {
		l.opt.Duplicates.Add(i, &d)
	}
	if l.opt.Stories != nil {
		l.opt.Stories.Add(i, &d)
	}
	return nil
}

// Len returns the number of documents added.
func (l *Linker) Len() int { return len(l.names) }

// Finish links the documents added and returns the result; the Linker must
// not be used afterwards. Close the result to remove its temporary files.
func (l *Linker) Finish(ctx context.Context) (*Result, error) {
	r := &Result{
		docs:      l.docs,
		names:     l.names,
		Stories:   []Story{},
		quotes:    newList[QuoteCluster](l.opt.TempDir),
		claims:    newList[ClaimCluster](l.opt.TempDir),
		conflicts: newList[NumberConflict](l.opt.TempDir),
	}
	fail := func(err error) (*Result, error) {
		r.Close()
		return nil, err
	}
	if l.opt.Duplicates != nil {
		pairs, err := l.opt.Duplicates.Pairs()
		if err != nil {
			return fail(fmt.Errorf("link: near-duplicates: %w", err))
		}
		r.dups = make([]dupPair, len(pairs))
		for i, p := range pairs {
			r.dups[i] = dupPair{a: int32(p.A), b: int32(p.B), milli: uint16(int(p.Similarity*1000 + 0.5))}
		}
	}
	if l.opt.Stories != nil {
		s, err := l.opt.Stories.Stories()
		if err != nil {
			return fail(fmt.Errorf("link: stories: %w", err))
		}
		if s != nil {
			r.Stories = s
		}
	}
	if err := l.docs.sync(); err != nil {
		return fail(err)
	}
	if err := l.linkGroups(ctx, r, &r.graph); err != nil {
		return fail(err)
	}
	return r, nil
}

// groupResult is what linking one group of documents gives.
type groupResult struct {
	docs      []article.Document
	quotes    []QuoteCluster
	claims    []ClaimCluster
	conflicts []NumberConflict
	err       error
}

// linkGroups links quotations, claims and numbers within each group of
// documents (each story of two or more, or the whole corpus without a
// story finder) on a pool of workers, writes the clusters in group order,
// and adds every document's provenance edges to g.
func (l *Linker) linkGroups(ctx context.Context, r *Result, g *provenance.GraphBuilder) error {
	groups := linkGroups(l.names, r.Stories, l.opt.Stories != nil)
	al := align.New(l.opt.Lexicon, l.opt.Align)

	inGroup := make([]bool, len(l.names))
	for _, grp := range groups {
		for _, d := range grp {
			inGroup[d] = true
		}
	}
	// Documents in no group only add their provenance edges.
	for i, in := range inGroup {
		if in {
			continue
		}
		d, err := l.docs.get(i)
		if err != nil {
			return err
		}
		l.tr.View([]article.Document{d}).AddTo(g)
	}

	workers := l.opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// Results come back in group order through a window of channels.
	window := make(chan chan groupResult, 2*workers)
	jobs := make(chan struct {
		grp []int
		out chan groupResult
	})
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(window)
		defer close(jobs)
		for _, grp := range groups {
			out := make(chan groupResult, 1)
			select {
			case window <- out:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- struct {
				grp []int
				out chan groupResult
			}{grp, out}:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range workers {
		go func() {
			for j := range jobs {
				j.out <- l.linkGroup(j.grp, al)
			}
		}()
	}
	for out := range window {
		var res groupResult
		select {
		case res = <-out:
		case <-ctx.Done():
			return ctx.Err()
		}
		if res.err != nil {
			return res.err
		}
		l.tr.View(res.docs).AddTo(g)
		for _, c := range res.quotes {
			if err := r.quotes.add(c); err != nil {
				return err
			}
		}
		for _, c := range res.claims {
			if err := r.claims.add(c); err != nil {
				return err
			}
		}
		for _, c := range res.conflicts {
			if err := r.conflicts.add(c); err != nil {
				return err
			}
		}
	}
	return ctx.Err()
}

// linkGroup reads and links the documents of one group (indexes in corpus
// order).
func (l *Linker) linkGroup(grp []int, al *align.Aligner) groupResult {
	sub := make([]article.Document, len(grp))
	for i, d := range grp {
		doc, err := l.docs.get(d)
		if err != nil {
			return groupResult{err: err}
		}
		sub[i] = doc
	}
	res := groupResult{docs: sub}
	res.quotes, res.claims, res.conflicts = linkGroup(sub, l.tr.View(sub), al, l.opt.Conflict)
	return res
}

// LinkGroup links the quotations, claims and numbers of docs, the
// documents of one story (or of a whole corpus linked as one group), in
// document order. tr has observed every document of the corpus (see
// provenance.Tracer.Observe); coverage is counted within docs. Linker calls
// it once per story; a distributed pipeline can call it on each story's
// documents and get the same clusters.
func LinkGroup(docs []article.Document, tr *provenance.Tracer, opt Options) ([]QuoteCluster, []ClaimCluster, []NumberConflict) {
	lex := opt.Lexicon
	if lex == nil {
		lex = align.MustLexicon()
	}
	for i := range docs {
		docs[i] = Normalize(docs[i])
	}
	return linkGroup(docs, tr.View(docs), align.New(lex, opt.Align), opt.Conflict)
}

func linkGroup(sub []article.Document, tr *provenance.Tracer, al *align.Aligner, copt conflict.Options) (quotes []QuoteCluster, claims []ClaimCluster, conflicts []NumberConflict) {
	cov := func(idx []int) Coverage { return coverageIn(sub, idx) }
	for _, qc := range al.Quotes(sub) {
		out := QuoteCluster{Label: qc.Label, Speaker: qc.Speaker, Members: []QuoteMember{}}
		refs := make([]provenance.QuoteRef, 0, len(qc.Members))
		idx := make([]int, 0, len(qc.Members))
		for _, m := range qc.Members {
			out.Members = append(out.Members, QuoteMember{Doc: sub[m.Doc].Doc, Quote: m.Quote, Text: sub[m.Doc].Quotes[m.Quote].Text})
			refs = append(refs, provenance.QuoteRef{Doc: m.Doc, Quote: m.Quote})
			idx = append(idx, m.Doc)
		}
		src := tr.PrimaryOfQuotes(refs)
		out.PrimarySource, out.PrimarySourceID = src.Name, src.ID
		out.Coverage = cov(idx)
		quotes = append(quotes, out)
	}
	for _, cc := range al.Claims(sub) {
		out := ClaimCluster{Label: cc.Label, Members: []ClaimMember{}}
		spans := make([]provenance.Span, 0, len(cc.Members))
		idx := make([]int, 0, len(cc.Members))
		for _, m := range cc.Members {
			out.Members = append(out.Members, ClaimMember{Doc: sub[m.Doc].Doc, Start: m.Start, End: m.End, Text: m.Text})
			spans = append(spans, provenance.Span{Doc: m.Doc, Start: m.Start, End: m.End})
			idx = append(idx, m.Doc)
		}
		src := tr.PrimaryOfSentences(spans)
		out.PrimarySource, out.PrimarySourceID = src.Name, src.ID
		out.Coverage = cov(idx)
		claims = append(claims, out)
	}
	for _, nc := range conflict.Find(sub, copt) {
		out := NumberConflict{Counts: nc.Counts, Severity: nc.Severity, Members: []NumberMember{}}
		idx := make([]int, 0, len(nc.Members))
		for _, m := range nc.Members {
			n := sub[m.Doc].Numbers[m.Number]
			out.Members = append(out.Members, NumberMember{Doc: sub[m.Doc].Doc, Number: m.Number, Text: n.Text, Value: n.Value, Qualifier: n.Qualifier})
			idx = append(idx, m.Doc)
		}
		out.Coverage = cov(idx)
		conflicts = append(conflicts, out)
	}
	return quotes, claims, conflicts
}

// Result is a linked corpus as Linker.Finish returns it: the documents and
// clusters stay where the Linker put them (in memory or in temporary
// files) until WriteJSON or Corpus reads them. Close removes the files.
type Result struct {
	docs      *docList
	names     []string  // document names, in order of addition
	dups      []dupPair // near-duplicates, in output order
	Stories   []Story
	quotes    *list[QuoteCluster]
	claims    *list[ClaimCluster]
	conflicts *list[NumberConflict]
	graph     provenance.GraphBuilder
}

// dupPair is one near-duplicate pair held compactly (a corpus of syndicated
// copies has millions): the documents' positions and the similarity in
// thousandths, as the output rounds it.
type dupPair struct {
	a, b  int32
	milli uint16
}

func (p dupPair) similarity() float64 { return float64(p.milli) / 1000 }

// Duplicates returns the near-duplicate pairs.
func (r *Result) Duplicates() []Duplicate {
	out := make([]Duplicate, len(r.dups))
	for i, p := range r.dups {
		out[i] = Duplicate{Docs: []string{r.names[p.a], r.names[p.b]}, Similarity: p.similarity()}
	}
	return out
}

// DuplicateCount returns the number of near-duplicate pairs.
func (r *Result) DuplicateCount() int { return len(r.dups) }

// writeDuplicates writes the near-duplicate pairs as a JSON array, as
// encoding/json writes []Duplicate.
func (r *Result) writeDuplicates(w *bufio.Writer) error {
	b := make([]byte, 0, 256)
	w.WriteByte('[')
	for i, p := range r.dups {
		b = b[:0]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"docs":[`...)
		b = jsonw.AppendString(b, r.names[p.a])
		b = append(b, ',')
		b = jsonw.AppendString(b, r.names[p.b])
		b = append(b, `],"similarity":`...)
		b = jsonw.AppendFloat(b, p.similarity())
		b = append(b, '}')
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return w.WriteByte(']')
}

// Len returns the number of documents.
func (r *Result) Len() int { return r.docs.len() }

// Document returns document i, in order of addition.
func (r *Result) Document(i int) (article.Document, error) { return r.docs.get(i) }

// Counts returns the number of quote clusters, claim clusters and number
// conflicts.
func (r *Result) Counts() (quotes, claims, conflicts int) {
	return r.quotes.n, r.claims.n, r.conflicts.n
}

// GraphSize returns the number of nodes and edges of the provenance graph.
func (r *Result) GraphSize() (nodes, edges int) { return r.graph.Len() }

// WriteJSON writes the corpus as one JSON object followed by a newline: the
// same bytes as Corpus.WriteJSON of r.Corpus(), streamed from where the
// parts are kept.
func (r *Result) WriteJSON(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(`{"documents":`)
	if err := r.docs.writeJSON(bw); err != nil {
		return fmt.Errorf("writing documents: %w", err)
	}
	bw.WriteString(`,"duplicates":`)
	if err := r.writeDuplicates(bw); err != nil {
		return fmt.Errorf("writing duplicates: %w", err)
	}
	bw.WriteString(`,"stories":`)
	if err := writeList(bw, r.Stories); err != nil {
		return fmt.Errorf("writing stories: %w", err)
	}
	for _, part := range []struct {
		name string
		w    func(*bufio.Writer) error
	}{{"quote_clusters", r.quotes.writeJSON}, {"claim_clusters", r.claims.writeJSON}, {"number_conflicts", r.conflicts.writeJSON}} {
		fmt.Fprintf(bw, ",%q:", part.name)
		if err := part.w(bw); err != nil {
			return fmt.Errorf("writing %s: %w", part.name, err)
		}
	}
	bw.WriteString(`,"provenance":`)
	if err := r.graph.WriteJSON(bw); err != nil {
		return fmt.Errorf("writing provenance: %w", err)
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// Corpus returns the whole result in memory.
func (r *Result) Corpus() (Corpus, error) {
	c := Corpus{Duplicates: r.Duplicates(), Stories: r.Stories, Provenance: r.graph.Graph()}
	var err error
	if c.Documents, err = r.docs.all(); err != nil {
		return Corpus{}, err
	}
	if c.QuoteClusters, err = r.quotes.all(); err != nil {
		return Corpus{}, err
	}
	if c.ClaimClusters, err = r.claims.all(); err != nil {
		return Corpus{}, err
	}
	if c.NumberConflicts, err = r.conflicts.all(); err != nil {
		return Corpus{}, err
	}
	return c, nil
}

// Close removes the result's temporary files.
func (r *Result) Close() error {
	var first error
	for _, c := range []func() error{r.docs.close, r.quotes.close, r.claims.close, r.conflicts.close} {
		if err := c(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// spill is an append-only temporary file read back at offsets.
type spill struct {
	f  *os.File
	bw *bufio.Writer
	n  int64
}

func newSpill(dir, pattern string) (*spill, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, fmt.Errorf("link: spill file: %w", err)
	}
	return &spill{f: f, bw: bufio.NewWriterSize(f, 1<<20)}, nil
}

func (s *spill) write(b []byte) (int64, error) {
	off := s.n
	n, err := s.bw.Write(b)
	s.n += int64(n)
	if err != nil {
		return off, fmt.Errorf("link: writing %s: %w", s.f.Name(), err)
	}
	return off, nil
}

func (s *spill) sync() error {
	if err := s.bw.Flush(); err != nil {
		return fmt.Errorf("link: writing %s: %w", s.f.Name(), err)
	}
	return nil
}

func (s *spill) readAt(off, n int64) ([]byte, error) {
	b := make([]byte, n)
	if _, err := s.f.ReadAt(b, off); err != nil {
		return nil, fmt.Errorf("link: reading %s: %w", s.f.Name(), err)
	}
	return b, nil
}

// copyTo writes the whole spill to w.
func (s *spill) copyTo(w io.Writer) error {
	if err := s.sync(); err != nil {
		return err
	}
	if _, err := io.Copy(w, io.NewSectionReader(s.f, 0, s.n)); err != nil {
		return fmt.Errorf("link: copying %s: %w", s.f.Name(), err)
	}
	return nil
}

func (s *spill) close() error {
	name := s.f.Name()
	err := s.f.Close()
	if rerr := os.Remove(name); err == nil {
		err = rerr
	}
	return err
}

// docList holds the documents of a corpus in order: in memory, or in their
// binary form (article.Document.AppendBinary, which reads back ten times
// faster than JSON) in a spill file with their offsets.
type docList struct {
	mem  []article.Document
	sp   *spill
	offs []int64 // start of each document in sp, plus the end of the last
	buf  []byte  // the document being added, reused
}

func newDocList(dir string) (*docList, error) {
	if dir == "" {
		return &docList{mem: []article.Document{}}, nil
	}
	sp, err := newSpill(dir, "hearsay-docs-*.bin")
	if err != nil {
		return nil, err
	}
	return &docList{sp: sp, offs: []int64{0}}, nil
}

func (l *docList) len() int {
	if l.sp == nil {
		return len(l.mem)
	}
	return len(l.offs) - 1
}

func (l *docList) add(d article.Document) error {
	if l.sp == nil {
		l.mem = append(l.mem, d)
		return nil
	}
	b, err := d.AppendBinary(l.buf[:0])
	if err != nil {
		return err
	}
	l.buf = b
	if _, err := l.sp.write(b); err != nil {
		return err
	}
	l.offs = append(l.offs, l.sp.n)
	return nil
}

func (l *docList) sync() error {
	if l.sp == nil {
		return nil
	}
	return l.sp.sync()
}

// get returns document i. Documents read from a spill file are fresh
// copies, safe to use from several goroutines.
func (l *docList) get(i int) (article.Document, error) {
	if l.sp == nil {
		return l.mem[i], nil
	}
	b, err := l.sp.readAt(l.offs[i], l.offs[i+1]-l.offs[i])
	if err != nil {
		return article.Document{}, err
	}
	var d article.Document
	if err := d.UnmarshalBinary(b); err != nil {
		return article.Document{}, fmt.Errorf("link: reading back document %d: %w", i, err)
	}
	return d, nil
}

func (l *docList) all() ([]article.Document, error) {
	if l.sp == nil {
		return l.mem, nil
	}
	out := make([]article.Document, l.len())
	for i := range out {
		d, err := l.get(i)
		if err != nil {
			return nil, err
		}
		out[i] = d
	}
	return out, nil
}

// writeJSON writes the documents as a JSON array.
func (l *docList) writeJSON(w *bufio.Writer) error {
	if l.sp == nil {
		return writeDocs(w, len(l.mem), func(i int) (*article.Document, error) { return &l.mem[i], nil })
	}
	if err := l.sp.sync(); err != nil {
		return err
	}
	r := bufio.NewReaderSize(io.NewSectionReader(l.sp.f, 0, l.sp.n), 1<<20)
	var rec []byte
	var d article.Document
	return writeDocs(w, l.len(), func(i int) (*article.Document, error) {
		rec = slices.Grow(rec[:0], int(l.offs[i+1]-l.offs[i]))[:l.offs[i+1]-l.offs[i]]
		if _, err := io.ReadFull(r, rec); err != nil {
			return nil, fmt.Errorf("link: reading back documents: %w", err)
		}
		if err := d.UnmarshalBinary(rec); err != nil {
			return nil, fmt.Errorf("link: reading back document %d: %w", i, err)
		}
		return &d, nil
	})
}

func (l *docList) close() error {
	if l.sp == nil {
		return nil
	}
	return l.sp.close()
}

// list is an append-only list of clusters: in memory, or as JSON array
// elements in a spill file.
type list[T any] struct {
	mem []T
	dir string
	sp  *spill
	n   int
}

func newList[T any](dir string) *list[T] { return &list[T]{dir: dir, mem: []T{}} }

func (l *list[T]) add(v T) error {
	l.n++
	if l.dir == "" {
		l.mem = append(l.mem, v)
		return nil
	}
	if l.sp == nil {
		sp, err := newSpill(l.dir, "hearsay-clusters-*.json")
		if err != nil {
			return err
		}
		l.sp = sp
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if l.n > 1 {
		if _, err := l.sp.write([]byte{','}); err != nil {
			return err
		}
	}
	_, err = l.sp.write(b)
	return err
}

func (l *list[T]) writeJSON(w *bufio.Writer) error {
	if l.sp == nil {
		return writeList(w, l.mem)
	}
	w.WriteByte('[')
	if err := l.sp.copyTo(w); err != nil {
		return err
	}
	return w.WriteByte(']')
}

func (l *list[T]) all() ([]T, error) {
	if l.sp == nil {
		return l.mem, nil
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	if err := l.writeJSON(w); err != nil {
		return nil, err
	}
	w.Flush()
	out := []T{}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		return nil, fmt.Errorf("link: reading back clusters: %w", err)
	}
	return out, nil
}

func (l *list[T]) close() error {
	if l.sp == nil {
		return nil
	}
	return l.sp.close()
}
