package web

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// segment is a run of body text under one set of highlights. A body is cut
// at every span boundary, so overlapping spans (a number inside a quote, a
// quote inside a claim sentence, two quotes that cross) need no nesting.
type segment struct {
	Text    string
	Class   string   // the classes of the spans over this run
	Quote   string   // the id of the quotation over this run
	Anchors []string // ids of spans that start here
	Labels  []label  // labels of spans that end here
}

type label struct {
	Text  string
	Class string
}

// Span layers: a claim sentence is underneath, a quotation above it, and
// numbers, anonymous sources and outlet names on top.
const (
	layerClaim = iota
	layerQuote
	layerInner
	layers
)

type hspan struct {
	start, end int
	layer      int
	class      string
	label      label
	id         string
	quote      string
}

// clampSpan makes [start, end) a valid range of body that does not split
// a UTF-8 sequence; ok is false when nothing of it is left.
func clampSpan(body string, start, end int) (int, int, bool) {
	if start < 0 {
		start = 0
	}
	if end > len(body) {
		end = len(body)
	}
	if start >= end {
		return 0, 0, false
	}
	for start > 0 && !utf8.RuneStart(body[start]) {
		start--
	}
	for end < len(body) && !utf8.RuneStart(body[end]) {
		end++
	}
	return start, end, true
}

// highlight cuts document d's body into segments and returns them with the
// legend of its speakers and of the other kinds of span it has.
func (m *model) highlight(d int) ([]segment, []legendItem, []legendItem) {
	doc := m.c.Documents[d]
	body := doc.Body
	var spans []hspan
	add := func(s hspan) {
		if a, b, ok := clampSpan(body, s.start, s.end); ok {
			s.start, s.end = a, b
			spans = append(spans, s)
		}
	}
	var legend []legendItem
	seen := map[string]int{}
	// Speakers are coloured in order of first quotation in this article,
	// so that no two speakers of one article share a colour (up to the
	// size of the palette).
	local := map[string]string{}
	colorOf := func(sp string, anonymous bool) string {
		if anonymous {
			return "sp-anon"
		}
		if sp == "" {
			return "sp-none"
		}
		if c, ok := local[sp]; ok {
			return c
		}
		c := "sp-" + strconv.Itoa(len(local)%palette)
		local[sp] = c
		return c
	}
	for i, c := range doc.Claims {
		add(hspan{start: c.Start, end: c.End, layer: layerClaim, class: "claim", id: claimID(d, i)})
	}
	for i, q := range doc.Quotes {
		sp := strings.TrimSpace(str(q.Speaker))
		color := colorOf(sp, q.Anonymous)
		name := sp
		if name == "" {
			name = "unattributed"
		}
		class := "q " + color
		id := quoteID(d, i)
		add(hspan{start: q.Start, end: q.End, layer: layerQuote, class: class, label: label{name, color}, id: id, quote: id})
		key := color + "\x00" + name
		if k, ok := seen[key]; ok {
			legend[k].Count++
		} else {
			seen[key] = len(legend)
			legend = append(legend, legendItem{Label: name, Class: color, Count: 1})
		}
	}
	kinds := []legendItem{}
	if n := len(doc.Numbers); n > 0 {
		kinds = append(kinds, legendItem{Label: "number", Class: "num", Count: n})
	}
	for i, n := range doc.Numbers {
		add(hspan{start: n.Start, end: n.End, layer: layerInner, class: "num", label: label{"NUM", "num"}, id: numberID(d, i)})
	}
	anon := 0
	for _, a := range uniqueStrings(doc.AnonymousSources) {
		for _, at := range occurrences(body, a) {
			add(hspan{start: at, end: at + len(a), layer: layerInner, class: "anon-src", label: label{"ANON", "anon-src"}})
			anon++
		}
	}
	if anon > 0 {
		kinds = append(kinds, legendItem{Label: "anonymous source", Class: "anon-src", Count: anon})
	}
	outlets := 0
	for _, e := range doc.Entities {
		if e.Type != "outlet" {
			continue
		}
		for _, mn := range e.Mentions {
			add(hspan{start: mn[0], end: mn[1], layer: layerInner, class: "outlet", label: label{"OUTLET", "outlet"}})
			outlets++
		}
	}
	if outlets > 0 {
		kinds = append(kinds, legendItem{Label: "outlet", Class: "outlet", Count: outlets})
	}
	if n := len(doc.Claims); n > 0 {
		kinds = append(kinds, legendItem{Label: "reported claim", Class: "claim", Count: n})
	}
	return cut(body, spans), legend, kinds
}

func uniqueStrings(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// occurrences returns the byte offsets of every non-overlapping s in body.
func occurrences(body, s string) []int {
	var out []int
	for from := 0; from < len(body); {
		i := strings.Index(body[from:], s)
		if i < 0 {
			break
		}
		out = append(out, from+i)
		from += i + len(s)
	}
	return out
}

// cut splits body at the boundaries of the spans.
func cut(body string, spans []hspan) []segment {
	if len(body) == 0 {
		return nil
	}
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end // the outer span first
	})
	bounds := []int{0, len(body)}
	for _, s := range spans {
		bounds = append(bounds, s.start, s.end)
	}
	sort.Ints(bounds)
	uniq := bounds[:1]
	for _, b := range bounds[1:] {
		if b != uniq[len(uniq)-1] {
			uniq = append(uniq, b)
		}
	}
	bounds = uniq
	var out []segment
	first := 0 // spans before this index end before the current run
	for k := 0; k+1 < len(bounds); k++ {
		a, b := bounds[k], bounds[k+1]
		seg := segment{Text: body[a:b]}
		var top [layers]*hspan
		var ending []*hspan
		for first < len(spans) && spans[first].end <= a {
			first++
		}
		for i := first; i < len(spans) && spans[i].start <= a; i++ {
			s := &spans[i]
			if s.end <= a {
				continue
			}
			if s.start == a && s.id != "" {
				seg.Anchors = append(seg.Anchors, s.id)
			}
			// the innermost span of a layer wins: the one that starts last
			if t := top[s.layer]; t == nil || s.start > t.start || s.start == t.start && s.end <= t.end {
				top[s.layer] = s
			}
			if s.end == b && s.label.Text != "" {
				ending = append(ending, s)
			}
		}
		var classes []string
		for _, t := range top {
			if t != nil {
				classes = append(classes, t.class)
			}
		}
		seg.Class = strings.Join(classes, " ")
		if t := top[layerQuote]; t != nil {
			seg.Quote = t.quote
		}
		// Inner labels first, so that a number's tag comes before the
		// speaker of the quote that ends with it.
		sort.SliceStable(ending, func(i, j int) bool { return ending[i].layer > ending[j].layer })
		for _, s := range ending {
			seg.Labels = append(seg.Labels, s.label)
		}
		out = append(out, seg)
	}
	return out
}
