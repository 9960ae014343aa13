// Package provenance traces who relays whom: a graph from documents to the
// outlets they cite and the speakers and anonymous sources behind their
// quotations and claims, and the primary source of a linked quote or claim.
package provenance

import (
	"bufio"
	"cmp"
	"encoding/json"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/hearsaylab/hearsay/article"
)

// Node kinds.
const (
	KindDocument     = "document"
	KindOutlet       = "outlet"
	KindPerson       = "person"
	KindAnonymous    = "anonymous"
	KindOrganization = "organization"
)

// Node is one document or source.
type Node struct {
	ID   string `json:"id"`
	Kind string `json:"kind"`
}

// Edge says that From relays To, with the cue that says so.
type Edge struct {
	From string `json:"from"`
	To   string `json:"to"`
	Via  string `json:"via"`
}

// Graph is the provenance graph of a corpus. Nodes and edges are sorted.
type Graph struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
}

// Source is the origin of a quote or claim.
type Source struct {
	Name string
	ID   string // the node id, "" when unknown
	Kind string
}

// NodeID returns the id of a node: its kind's prefix and its name.
func NodeID(kind, name string) string {
	prefix := map[string]string{
		KindDocument: "doc", KindOutlet: "outlet", KindPerson: "person",
		KindAnonymous: "anonymous", KindOrganization: "org",
	}[kind]
	if prefix == "" {
		prefix = kind
	}
	return prefix + ":" + name
}

// Tracer classifies source names against what a corpus says about them.
type Tracer struct {
	docs    []article.Document
	outlets map[string]string // normalised name → canonical outlet name
}

// NewTracer gathers the outlets a corpus names (see Observe) and traces
// within docs.
func NewTracer(docs []article.Document) *Tracer {
	t := New()
	for i := range docs {
		t.Observe(&docs[i])
	}
	return t.View(docs)
}

// New returns a Tracer that knows no outlets yet: Observe every document of
// the corpus, then trace with View.
func New() *Tracer {
	return &Tracer{outlets: map[string]string{}}
}

// Observe gathers the outlets d names: cited outlets, quote channels and
// outlet entities. A name is classified as an outlet when any document of
// the corpus names it as one, so observe them all before tracing.
func (t *Tracer) Observe(d *article.Document) {
	add := func(name string) {
		if k := key(name); k != "" {
			if _, ok := t.outlets[k]; !ok {
				t.outlets[k] = name
			}
		}
	}
	for _, o := range d.CitedOutlets {
		add(o)
	}
	for _, q := range d.Quotes {
		if q.Channel != nil {
			add(*q.Channel)
		}
	}
	for _, e := range d.Entities {
		if e.Type == "outlet" {
			add(e.Name)
		}
	}
}

// View returns a Tracer with t's outlets over docs: the document indexes
// that Build, PrimaryOfQuotes and PrimaryOfSentences take refer to docs.
// Views share t's outlets; do not Observe while views are in use.
func (t *Tracer) View(docs []article.Document) *Tracer {
	return &Tracer{docs: docs, outlets: t.outlets}
}

// key normalises a source name for comparison: lower case, no leading
// article, words only.
func key(s string) string {
	if k, ok := asciiKey(s); ok {
		return k
	}
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(f) > 0 && f[0] == "the" {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// asciiKey is key for an ASCII name, in one pass and without allocating when
// the name is its own key; ok is false for a name with other characters.
func asciiKey(s string) (string, bool) {
	var arr [64]byte
	b := arr[:0]
	word := 0     // bytes in the current word
	first := true // the current word is the first
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return "", false
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			if word == 0 && len(b) > 0 {
				b = append(b, ' ')
			}
			b = append(b, c)
			word++
		default:
			if word > 0 && first {
				first = false
				if string(b) == "the" {
					b = b[:0] // a leading article
				}
			}
			word = 0
		}
	}
	if word > 0 && first && string(b) == "the" {
		b = b[:0]
	}
	if string(b) == s {
		return s, true
	}
	return string(b), true
}

// classify returns the node of a speaker or source named in doc d.
func (t *Tracer) classify(d int, name string, anonymous bool) Node {
	name = strings.TrimSpace(name)
	kn := key(name)
	if o, ok := t.outlets[kn]; ok {
		return Node{NodeID(KindOutlet, o), KindOutlet}
	}
	doc := &t.docs[d]
	if !anonymous {
		for _, a := range doc.AnonymousSources {
			if key(a) == kn {
				anonymous = true
				break
			}
		}
	}
	if anonymous {
		return Node{NodeID(KindAnonymous, name), KindAnonymous}
	}
	for _, e := range doc.Entities {
		if key(e.Name) == kn {
			switch e.Type {
			case "organization", "place":
				return Node{NodeID(KindOrganization, name), KindOrganization}
			case "outlet":
				return Node{NodeID(KindOutlet, name), KindOutlet}
			}
			break
		}
	}
	return Node{NodeID(KindPerson, name), KindPerson}
}

// Build returns the provenance graph of docs: each document cites its
// outlets; quotations lead from the document, or from the outlet that
// carried them, to their speaker; claims lead to their source.
func (t *Tracer) Build() Graph {
	var g GraphBuilder
	t.AddTo(&g)
	return g.Graph()
}

// AddTo adds the edges of the tracer's documents to g.
func (t *Tracer) AddTo(g *GraphBuilder) {
	link := func(from, to Node, via string) {
		if via == "" {
			via = "quoted"
		}
		g.add(from, to, via)
	}
	for d := range t.docs {
		doc := &t.docs[d]
		dn := Node{NodeID(KindDocument, doc.Doc), KindDocument}
		g.node(dn)
		cited := map[string]bool{}
		for _, q := range doc.Quotes {
			if q.Speaker == nil || strings.TrimSpace(*q.Speaker) == "" {
				continue
			}
			sp := t.classify(d, *q.Speaker, q.Anonymous)
			cue := ""
			if q.Cue != nil {
				cue = *q.Cue
			}
			if q.Channel != nil && *q.Channel != "" {
				ch := t.classify(d, *q.Channel, false)
				link(dn, ch, "cites")
				cited[ch.ID] = true
				if ch.ID != sp.ID {
					link(ch, sp, cue)
				}
				continue
			}
			if sp.ID != dn.ID {
				link(dn, sp, cue)
			}
		}
		for _, c := range doc.Claims {
			if strings.TrimSpace(c.Source) == "" {
				continue
			}
			src := t.classify(d, c.Source, false)
			link(dn, src, c.Cue)
			cited[src.ID] = true
		}
		for _, o := range doc.CitedOutlets {
			on := t.classify(d, o, false)
			if !cited[on.ID] {
				link(dn, on, "cites")
			}
		}
	}
}

// GraphBuilder collects the nodes and edges of a provenance graph, each
// once. Node ids and cues are interned and an edge is three int32s, so a
// graph of millions of edges stays compact; WriteJSON streams it. The zero
// value is ready to use; a GraphBuilder is not safe for concurrent use.
type GraphBuilder struct {
	ids    map[string]int32 // node id or cue → index into names
	names  []string
	kinds  []string // per interned string: the node kind, "" for a cue
	nodes  []int32
	edges  [][3]int32 // from, to, via; duplicates removed by compact
	sorted int        // edges[:sorted] are sorted and unique
}

func (g *GraphBuilder) intern(s, kind string) int32 {
	if g.ids == nil {
		g.ids = map[string]int32{}
	}
	if i, ok := g.ids[s]; ok {
		if kind != "" && g.kinds[i] == "" {
			g.kinds[i] = kind
			g.nodes = append(g.nodes, i)
		}
		return i
	}
	i := int32(len(g.names))
	g.ids[s] = i
	g.names = append(g.names, s)
	g.kinds = append(g.kinds, kind)
	if kind != "" {
		g.nodes = append(g.nodes, i)
	}
	return i
}

func (g *GraphBuilder) node(n Node) int32 { return g.intern(n.ID, n.Kind) }

func (g *GraphBuilder) add(from, to Node, via string) {
	f, t := g.node(from), g.node(to)
	g.edges = append(g.edges, [3]int32{f, t, g.intern(via, "")})
	if len(g.edges) >= 2*g.sorted+1<<16 {
		g.compact(nil)
	}
}

// compact sorts the edges (by interned index, or by rank when given) and
// removes duplicates.
func (g *GraphBuilder) compact(rank []int32) {
	key := func(e [3]int32) [3]int32 {
		if rank == nil {
			return e
		}
		return [3]int32{rank[e[0]], rank[e[1]], rank[e[2]]}
	}
	slices.SortFunc(g.edges, func(a, b [3]int32) int {
		ka, kb := key(a), key(b)
		return cmp.Or(cmp.Compare(ka[0], kb[0]), cmp.Compare(ka[1], kb[1]), cmp.Compare(ka[2], kb[2]))
	})
	g.edges = slices.Compact(g.edges)
	g.sorted = len(g.edges)
}

// order sorts nodes by id and edges by (from, to, via), comparing the
// strings, as Graph promises.
func (g *GraphBuilder) order() {
	idx := make([]int32, len(g.names))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(a, b int32) int { return strings.Compare(g.names[a], g.names[b]) })
	rank := make([]int32, len(g.names))
	for r, i := range idx {
		rank[i] = int32(r)
	}
	slices.SortFunc(g.nodes, func(a, b int32) int { return cmp.Compare(rank[a], rank[b]) })
	g.compact(rank)
}

// Graph returns the graph built so far, nodes and edges sorted.
func (g *GraphBuilder) Graph() Graph {
	g.order()
	out := Graph{Nodes: make([]Node, 0, len(g.nodes)), Edges: make([]Edge, 0, len(g.edges))}
	for _, i := range g.nodes {
		out.Nodes = append(out.Nodes, Node{g.names[i], g.kinds[i]})
	}
	for _, e := range g.edges {
		out.Edges = append(out.Edges, Edge{g.names[e[0]], g.names[e[1]], g.names[e[2]]})
	}
	return out
}

// Len returns the number of nodes and of distinct edges so far.
func (g *GraphBuilder) Len() (nodes, edges int) {
	g.compact(nil)
	return len(g.nodes), len(g.edges)
}

// WriteJSON writes the graph built so far as JSON: the same bytes as
// json.Marshal(g.Graph()), one node and edge at a time.
func (g *GraphBuilder) WriteJSON(w io.Writer) error {
	g.order()
	bw := bufio.NewWriter(w)
	bw.WriteString(`{"nodes":[`)
	for k, i := range g.nodes {
		if k > 0 {
			bw.WriteByte(',')
		}
		b, err := json.Marshal(Node{g.names[i], g.kinds[i]})
		if err != nil {
			return err
		}
		bw.Write(b)
	}
	bw.WriteString(`],"edges":[`)
	for k, e := range g.edges {
		if k > 0 {
			bw.WriteByte(',')
		}
		b, err := json.Marshal(Edge{g.names[e[0]], g.names[e[1]], g.names[e[2]]})
		if err != nil {
			return err
		}
		bw.Write(b)
	}
	bw.WriteString(`]}`)
	return bw.Flush()
}

// QuoteRef names one quotation by document and quote index.
type QuoteRef struct {
	Doc, Quote int
}

// PrimaryOfQuotes returns the original source of an utterance quoted by the
// given quotations: the speaker when on the record, or else the outlet the
// unnamed source spoke to ("told the FT" → the Financial Times).
func (t *Tracer) PrimaryOfQuotes(refs []QuoteRef) Source {
	speakers := map[string]int{}
	channels := map[string]int{}
	anon := 0
	for _, r := range refs {
		q := t.docs[r.Doc].Quotes[r.Quote]
		if q.Channel != nil && *q.Channel != "" {
			channels[*q.Channel]++
		}
		if q.Speaker == nil || *q.Speaker == "" {
			continue
		}
		n := t.classify(r.Doc, *q.Speaker, q.Anonymous)
		if n.Kind == KindAnonymous {
			anon++
			continue
		}
		speakers[*q.Speaker]++
	}
	if len(speakers) > 0 && len(speakers) >= anon {
		name := pick(speakers)
		for _, r := range refs {
			q := t.docs[r.Doc].Quotes[r.Quote]
			if q.Speaker != nil && *q.Speaker == name {
				n := t.classify(r.Doc, name, q.Anonymous)
				return Source{Name: name, ID: n.ID, Kind: n.Kind}
			}
		}
	}
	if len(channels) > 0 {
		name := pick(channels)
		return Source{Name: name, ID: NodeID(KindOutlet, t.canonicalOutlet(name)), Kind: KindOutlet}
	}
	for _, r := range refs {
		q := t.docs[r.Doc].Quotes[r.Quote]
		if q.Speaker != nil && *q.Speaker != "" {
			n := t.classify(r.Doc, *q.Speaker, q.Anonymous)
			return Source{Name: *q.Speaker, ID: n.ID, Kind: n.Kind}
		}
	}
	return Source{}
}

func (t *Tracer) canonicalOutlet(name string) string {
	if o, ok := t.outlets[key(name)]; ok {
		return o
	}
	return name
}

// Span is a byte range of one document's body.
type Span struct {
	Doc, Start, End int
}

// PrimaryOfSentences returns the origin of a claim stated by the given
// sentences: an outlet that relays it (a quote channel, or a cited outlet
// the sentence names), else the source most of its reported claims credit,
// else the speaker of a quotation inside it.
func (t *Tracer) PrimaryOfSentences(spans []Span) Source {
	outlets := map[string]int{}
	sources := map[string]int{}
	speakers := map[string]int{}
	where := map[string]int{}
	for _, s := range spans {
		doc := &t.docs[s.Doc]
		inside := func(a, b int) bool { return a >= s.Start && b <= s.End && b > a }
		for _, q := range doc.Quotes {
			if !inside(q.Start, q.End) {
				continue
			}
			if q.Channel != nil && *q.Channel != "" {
				outlets[t.canonicalOutlet(*q.Channel)]++
			} else if q.Speaker != nil && *q.Speaker != "" && !q.Anonymous {
				speakers[*q.Speaker]++
				where[*q.Speaker] = s.Doc
			}
		}
		for _, c := range doc.Claims {
			if inside(c.Start, c.End) && c.Source != "" {
				sources[c.Source]++
				where[c.Source] = s.Doc
			}
		}
		if s.Start >= 0 && s.End <= len(doc.Body) && s.Start < s.End {
			text := strings.ToLower(doc.Body[s.Start:s.End])
			for _, o := range doc.CitedOutlets {
				if k := key(o); k != "" && strings.Contains(text, k) {
					outlets[t.canonicalOutlet(o)]++
				}
			}
		}
	}
	if len(outlets) > 0 {
		name := pick(outlets)
		return Source{Name: name, ID: NodeID(KindOutlet, name), Kind: KindOutlet}
	}
	for _, m := range []map[string]int{sources, speakers} {
		if len(m) > 0 {
			name := pick(m)
			n := t.classify(where[name], name, false)
			return Source{Name: name, ID: n.ID, Kind: n.Kind}
		}
	}
	return Source{}
}

// pick returns the most frequent name, the longest on a tie, then the first
// in order.
func pick(m map[string]int) string {
	best := ""
	for n, k := range m {
		if best == "" || k > m[best] || k == m[best] && (len(n) > len(best) || len(n) == len(best) && n < best) {
			best = n
		}
	}
	return best
}
