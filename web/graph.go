package web

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/link/provenance"
)

// graphView is a story's provenance graph laid out in layers, left to
// right: documents, the outlets they cite, and the speakers, organisations
// and anonymous sources behind them.
type graphView struct {
	Width, Height int
	Columns       []graphColumn
	Nodes         []graphNode
	Edges         []graphEdge
}

type graphColumn struct {
	X     int
	Label string
}

type graphNode struct {
	ID         string // the provenance id (untrusted text; shown, never used as an element id)
	X, Y, W, H int
	TX, TY     int // label position
	Label      string
	Full       string
	Kind       string
	Href       string
}

type graphEdge struct {
	Path      string
	Arrow     string
	Via       string
	LX, LY    int
	From, To  string
	SameLayer bool
	ShowVia   bool // the label found a free place
}

type rect struct{ x0, y0, x1, y1 int }

func (r rect) overlapsAny(list []rect) bool {
	for _, o := range list {
		if r.x0 < o.x1 && o.x0 < r.x1 && r.y0 < o.y1 && o.y0 < r.y1 {
			return true
		}
	}
	return false
}

// bezier is one coordinate of a cubic Bézier curve at t.
func bezier(t float64, p0, p1, p2, p3 int) int {
	u := 1 - t
	return int(u*u*u*float64(p0) + 3*u*u*t*float64(p1) + 3*u*t*t*float64(p2) + t*t*t*float64(p3) + 0.5)
}

const (
	nodeH    = 26
	nodeGap  = 10
	colGap   = 150
	charW    = 7
	maxLabel = 30
	padTop   = 34
)

func layerOf(kind string) int {
	switch kind {
	case provenance.KindDocument:
		return 0
	case provenance.KindOutlet:
		return 1
	}
	return 2
}

func nameOfID(id string) string {
	if _, after, ok := strings.Cut(id, ":"); ok {
		return after
	}
	return id
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// graph lays out the part of the provenance graph reached from the
// story's documents.
func (m *model) graph(sv *storyView) *graphView {
	g := m.c.Provenance
	kind := map[string]string{}
	for _, n := range g.Nodes {
		kind[n.ID] = n.Kind
	}
	docOf := map[string]*docView{}
	reached := map[string]bool{}
	for _, d := range sv.Docs {
		id := provenance.NodeID(provenance.KindDocument, d.Doc)
		docOf[id] = d
		reached[id] = true
		if _, ok := kind[id]; !ok {
			kind[id] = provenance.KindDocument
		}
	}
	type pair struct{ from, to string }
	vias := map[pair][]string{}
	var pairs []pair
	// Edges from the story's documents, then on from the outlets and
	// sources they reach (never into another story's documents).
	for changed := true; changed; {
		changed = false
		for _, e := range g.Edges {
			if !reached[e.From] || kind[e.To] == provenance.KindDocument && docOf[e.To] == nil {
				continue
			}
			p := pair{e.From, e.To}
			if _, ok := vias[p]; !ok {
				pairs = append(pairs, p)
				vias[p] = nil
			}
			if !contains(vias[p], e.Via) {
				vias[p] = append(vias[p], e.Via)
			}
			if !reached[e.To] {
				reached[e.To] = true
				changed = true
			}
		}
	}
	if len(pairs) == 0 && len(sv.Docs) == 0 {
		return nil
	}
	// Columns, documents in story order.
	var cols [3][]string
	for _, d := range sv.Docs {
		cols[0] = append(cols[0], provenance.NodeID(provenance.KindDocument, d.Doc))
	}
	var others []string
	for id := range reached {
		if docOf[id] == nil {
			others = append(others, id)
		}
	}
	sort.Strings(others)
	for _, id := range others {
		l := layerOf(kind[id])
		cols[l] = append(cols[l], id)
	}
	neighbours := map[string][]string{}
	for _, p := range pairs {
		neighbours[p.to] = append(neighbours[p.to], p.from)
		neighbours[p.from] = append(neighbours[p.from], p.to)
	}
	pos := map[string]float64{}
	place := func(l int) {
		for i, id := range cols[l] {
			pos[id] = (float64(i) + 0.5) / float64(len(cols[l]))
		}
	}
	order := func(l int, from ...int) {
		allowed := map[int]bool{}
		for _, f := range from {
			allowed[f] = true
		}
		bary := map[string]float64{}
		for _, id := range cols[l] {
			sum, n := 0.0, 0
			for _, nb := range neighbours[id] {
				if allowed[layerOf(kind[nb])] {
					sum += pos[nb]
					n++
				}
			}
			if n > 0 {
				bary[id] = sum / float64(n)
			} else {
				bary[id] = pos[id]
			}
		}
		sort.SliceStable(cols[l], func(i, j int) bool { return bary[cols[l][i]] < bary[cols[l][j]] })
		place(l)
	}
	place(0)
	place(1)
	place(2)
	order(1, 0)
	order(2, 0, 1)
	order(1, 0, 2)
	order(2, 0, 1)

	gv := &graphView{}
	labelOf := func(id string) string {
		if d := docOf[id]; d != nil {
			return d.Label
		}
		return nameOfID(id)
	}
	colW := [3]int{}
	for l, c := range cols {
		for _, id := range c {
			w := utf8.RuneCountInString(truncate(labelOf(id), maxLabel))*charW + 20
			colW[l] = max(colW[l], w)
		}
	}
	names := [3]string{"Documents", "Outlets cited", "Speakers and sources"}
	x := 8
	tallest := 0
	for _, c := range cols {
		tallest = max(tallest, len(c))
	}
	colX := [3]int{}
	for l := range cols {
		if len(cols[l]) == 0 {
			continue
		}
		colX[l] = x
		gv.Columns = append(gv.Columns, graphColumn{X: x, Label: names[l]})
		x += colW[l] + colGap
	}
	gv.Width = x - colGap + 8
	gv.Height = padTop + tallest*(nodeH+nodeGap) + 8
	box := map[string]*graphNode{}
	speakerHref := map[string]string{}
	for _, sp := range sv.Speaker {
		if _, ok := speakerHref[sp.Name]; !ok {
			speakerHref[sp.Name] = m.links.href(sv.Index, sp.ID)
		}
	}
	for l, c := range cols {
		offset := (tallest - len(c)) * (nodeH + nodeGap) / 2
		for i, id := range c {
			lab := labelOf(id)
			n := graphNode{
				ID: id, X: colX[l], Y: padTop + offset + i*(nodeH+nodeGap), W: colW[l], H: nodeH,
				Label: truncate(lab, maxLabel), Full: lab, Kind: kind[id],
			}
			if kind[id] == "" {
				n.Kind = "person"
			}
			n.TX, n.TY = n.X+10, n.Y+nodeH/2+4
			if d := docOf[id]; d != nil {
				n.Href = d.Href
				n.Full = d.Doc
			} else if h, ok := speakerHref[nameOfID(id)]; ok {
				n.Href = h
			}
			gv.Nodes = append(gv.Nodes, n)
		}
	}
	for i := range gv.Nodes {
		box[gv.Nodes[i].ID] = &gv.Nodes[i]
	}
	// Via labels go where they overlap neither a node nor another label,
	// tried along the curve from its middle outwards; a label that fits
	// nowhere is left to the edge's tooltip and the table.
	var taken []rect
	for _, n := range gv.Nodes {
		taken = append(taken, rect{n.X - 2, n.Y - 2, n.X + n.W + 2, n.Y + n.H + 2})
	}
	for _, p := range pairs {
		a, b := box[p.from], box[p.to]
		if a == nil || b == nil {
			continue
		}
		e := graphEdge{Via: strings.Join(vias[p], ", "), From: a.Full, To: b.Full}
		y1, y2 := a.Y+nodeH/2, b.Y+nodeH/2
		var x1, c1, c2, x2 int
		if b.X > a.X {
			x1, x2 = a.X+a.W, b.X
			c1, c2 = (x1+x2)/2, (x1+x2)/2
			e.Arrow = fmt.Sprintf("M%d,%d L%d,%d L%d,%d Z", x2-7, y2-4, x2, y2, x2-7, y2+4)
		} else {
			// within a column (an outlet relaying an outlet): an arc on the right
			x1, x2 = a.X+a.W, b.X+b.W
			bulge := 40 + abs(y2-y1)/6
			c1, c2 = x1+bulge, x2+bulge
			e.SameLayer = true
			e.Arrow = fmt.Sprintf("M%d,%d L%d,%d L%d,%d Z", x2+7, y2-4, x2, y2, x2+7, y2+4)
		}
		e.Path = fmt.Sprintf("M%d,%d C%d,%d %d,%d %d,%d", x1, y1, c1, y1, c2, y2, x2, y2)
		w := utf8.RuneCountInString(e.Via)*6 + 6
		for _, t := range []float64{0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8} {
			px, py := bezier(t, x1, c1, c2, x2), bezier(t, y1, y1, y2, y2)
			r := rect{px - w/2, py - 10, px + w/2, py + 2}
			if !r.overlapsAny(taken) {
				taken = append(taken, r)
				e.LX, e.LY, e.ShowVia = px, py-1, true
				break
			}
		}
		gv.Edges = append(gv.Edges, e)
	}
	return gv
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
