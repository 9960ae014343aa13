package pipeline

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs" // gs:// outputs
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/hearsaylab/hearsay/link"
	"github.com/hearsaylab/hearsay/link/provenance"
)

// Graph items: one provenance node or edge as a string, so that the items
// of all documents can be deduplicated by value.
const (
	nodeTag = 'n'
	edgeTag = 'e'
)

// nodeItem returns the graph item of a node.
func nodeItem(n provenance.Node) string {
	b, _ := json.Marshal([]string{n.ID, n.Kind}) // strings always encode
	return string(nodeTag) + string(b)
}

// edgeItem returns the graph item of an edge.
func edgeItem(e provenance.Edge) string {
	b, _ := json.Marshal([]string{e.From, e.To, e.Via})
	return string(edgeTag) + string(b)
}

// writeFn assembles the corpus on one worker and writes it to Output, in
// the order and with the bytes of `hearsay analyze --json`: documents in
// input order, then duplicates, stories, quote clusters story by story in
// the stories' order, claim clusters, number conflicts and provenance.
// Documents are kept in a spill file until they are written.
type writeFn struct {
	Output string
}

// ProcessElement writes the corpus.
func (f *writeFn) ProcessElement(ctx context.Context, _ int, docs func(*docRec) bool, parts func(*partRec) bool) (err error) {
	sp, err := newSpill("hearsay-beam-docs-*.json")
	if err != nil {
		return err
	}
	defer func() {
		if cerr := sp.close(); err == nil {
			err = cerr
		}
	}()
	var ents []entry
	var r docRec
	for docs(&r) {
		off, err := sp.add(r.JSON)
		if err != nil {
			return err
		}
		ents = append(ents, entry{pos: r.Pos, name: r.Name, off: off, len: int64(len(r.JSON))})
	}
	if err := sp.flush(); err != nil {
		return err
	}
	slices.SortStableFunc(ents, func(a, b entry) int { return cmp.Compare(a.pos, b.pos) })

	c, err := collect(parts)
	if err != nil {
		return err
	}

	fs, err := filesystem.New(ctx, f.Output)
	if err != nil {
		return fmt.Errorf("output %s: %w", f.Output, err)
	}
	defer fs.Close()
	out, err := fs.OpenWrite(ctx, f.Output)
	if err != nil {
		return fmt.Errorf("output %s: %w", f.Output, err)
	}
	if err := c.write(out, sp, ents); err != nil {
		out.Close()
		return fmt.Errorf("writing %s: %w", f.Output, err)
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", f.Output, err)
	}
	return nil
}

// collected is the output other than the documents.
type collected struct {
	pairs   []partRec
	stories []byte
	groups  []partRec
	nodes   map[string]string // id → kind
	edges   []provenance.Edge
}

// collect gathers the parts.
func collect(parts func(*partRec) bool) (*collected, error) {
	c := &collected{stories: []byte("[]"), nodes: map[string]string{}}
	var p partRec
	for parts(&p) {
		switch p.Kind {
		case partPair:
			c.pairs = append(c.pairs, p)
		case partStories:
			c.stories = p.Data
		case partGroup:
			c.groups = append(c.groups, p)
		case partGraph:
			if err := c.addGraphItem(p.Data); err != nil {
				return nil, err
			}
		}
	}
	return c, nil
}

// addGraphItem adds a node or an edge of the provenance graph.
func (c *collected) addGraphItem(item []byte) error {
	if len(item) == 0 {
		return fmt.Errorf("empty provenance item")
	}
	var f []string
	if err := json.Unmarshal(item[1:], &f); err != nil {
		return fmt.Errorf("provenance item %q: %w", item, err)
	}
	switch {
	case item[0] == nodeTag && len(f) == 2:
		// The same id never comes with two kinds: the kind is its prefix.
		if k, ok := c.nodes[f[0]]; !ok || f[1] < k {
			c.nodes[f[0]] = f[1]
		}
	case item[0] == edgeTag && len(f) == 3:
		c.edges = append(c.edges, provenance.Edge{From: f[0], To: f[1], Via: f[2]})
	default:
		return fmt.Errorf("provenance item %q: malformed", item)
	}
	return nil
}

// graph returns the provenance graph, sorted as provenance.GraphBuilder
// sorts it.
func (c *collected) graph() provenance.Graph {
	g := provenance.Graph{Nodes: make([]provenance.Node, 0, len(c.nodes)), Edges: make([]provenance.Edge, 0, len(c.edges))}
	for id, kind := range c.nodes {
		g.Nodes = append(g.Nodes, provenance.Node{ID: id, Kind: kind})
	}
	sort.Slice(g.Nodes, func(i, j int) bool { return g.Nodes[i].ID < g.Nodes[j].ID })
	g.Edges = append(g.Edges, c.edges...)
	slices.SortFunc(g.Edges, func(a, b provenance.Edge) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To), cmp.Compare(a.Via, b.Via))
	})
	g.Edges = slices.Compact(g.Edges)
	return g
}

// duplicates returns the near-duplicate pairs by name, each once, sorted by
// the documents' places in input order as minhash.Index.Pairs sorts them.
func (c *collected) duplicates(ents []entry) []link.Duplicate {
	names := make(map[int64]string, len(ents))
	for _, e := range ents {
		names[e.pos] = e.name
	}
	slices.SortFunc(c.pairs, func(x, y partRec) int {
		return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B), cmp.Compare(y.Sim, x.Sim))
	})
	c.pairs = slices.CompactFunc(c.pairs, func(x, y partRec) bool { return x.A == y.A && x.B == y.B })
	out := []link.Duplicate{}
	for _, p := range c.pairs {
		out = append(out, link.Duplicate{Docs: []string{names[p.A], names[p.B]}, Similarity: round3(p.Sim)})
	}
	return out
}

// round3 rounds to three decimals as package link does.
func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// write writes the corpus JSON, followed by a newline.
func (c *collected) write(w io.Writer, sp *spill, ents []entry) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(`{"documents":[`)
	for i, e := range ents {
		if i > 0 {
			bw.WriteByte(',')
		}
		b, err := sp.get(e.off, e.len)
		if err != nil {
			return err
		}
		bw.Write(b)
	}
	bw.WriteString(`],"duplicates":`)
	b, err := json.Marshal(c.duplicates(ents))
	if err != nil {
		return fmt.Errorf("duplicates: %w", err)
	}
	bw.Write(b)
	bw.WriteString(`,"stories":`)
	bw.Write(c.stories)

	slices.SortStableFunc(c.groups, func(x, y partRec) int { return cmp.Compare(x.Story, y.Story) })
	groups := make([]groupOut, len(c.groups))
	for i, g := range c.groups {
		if err := json.Unmarshal(g.Data, &groups[i]); err != nil {
			return fmt.Errorf("clusters of story %d: %w", g.Story, err)
		}
	}
	for _, part := range []struct {
		name string
		list func(groupOut) json.RawMessage
	}{
		{"quote_clusters", func(g groupOut) json.RawMessage { return g.Quotes }},
		{"claim_clusters", func(g groupOut) json.RawMessage { return g.Claims }},
		{"number_conflicts", func(g groupOut) json.RawMessage { return g.Conflicts }},
	} {
		fmt.Fprintf(bw, ",%q:[", part.name)
		first := true
		for _, g := range groups {
			items := arrayItems(part.list(g))
			if len(items) == 0 {
				continue
			}
			if !first {
				bw.WriteByte(',')
			}
			bw.Write(items)
			first = false
		}
		bw.WriteByte(']')
	}
	bw.WriteString(`,"provenance":`)
	if b, err = json.Marshal(c.graph()); err != nil {
		return fmt.Errorf("provenance: %w", err)
	}
	bw.Write(b)
	bw.WriteString("}\n")
	return bw.Flush()
}

// arrayItems returns the items of a JSON array without its brackets: ""
// for an empty array or null.
func arrayItems(a json.RawMessage) []byte {
	a = bytes.TrimSpace(a)
	if len(a) < 2 || a[0] != '[' {
		return nil
	}
	return bytes.TrimSpace(a[1 : len(a)-1])
}
