package web

import (
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/link"
)

// links makes the href of an element with the given id in the page of a
// story: a fragment in the one-file report, a path on the server.
type links interface {
	href(story int, id string) string
}

type fileLinks struct{}

func (fileLinks) href(_ int, id string) string { return "#" + id }

type serverLinks struct{}

func (serverLinks) href(story int, id string) string {
	if id == "" {
		return "/story/" + strconv.Itoa(story)
	}
	return "/story/" + strconv.Itoa(story) + "#" + id
}

// Element ids are made from indexes only, never from article text.
func docID(d int) string          { return "d" + strconv.Itoa(d) }
func quoteID(d, q int) string     { return fmt.Sprintf("d%d-q%d", d, q) }
func numberID(d, n int) string    { return fmt.Sprintf("d%d-n%d", d, n) }
func claimID(d, c int) string     { return fmt.Sprintf("d%d-c%d", d, c) }
func storyID(s int) string        { return "s" + strconv.Itoa(s) }
func quoteClusterID(i int) string { return "qc" + strconv.Itoa(i) }
func claimClusterID(i int) string { return "cc" + strconv.Itoa(i) }
func conflictID(i int) string     { return "nc" + strconv.Itoa(i) }
func speakerID(s, i int) string   { return fmt.Sprintf("s%d-sp%d", s, i) }

// model is a corpus arranged for the views.
type model struct {
	c       link.Corpus
	links   links
	byName  map[string]int // doc name → index
	home    []int          // doc index → the story whose page shows it
	stories []*storyView
}

type storyView struct {
	Index    int
	ID       string
	Href     string
	Label    string
	Other    bool // the documents of no story
	Docs     []*docView
	Articles []*docView // the documents shown in full on this story's page
	Matrix   matrixView
	Quotes   []*quoteClusterView
	Claims   []*claimClusterView
	Numbers  []*conflictView
	Graph    *graphView
	Speaker  []*speakerView
	Dups     []dupView
}

type docView struct {
	Index      int
	ID         string
	Href       string
	Doc        string
	Label      string // outlet, else the file's base name
	Title      string
	Outlet     string
	Date       string
	URL        string
	Terms      []article.Term
	Hedges     int
	HedgeWords string
	AnonShare  float64
	Quotes     int
	Numbers    int
	Claims     int
	Anonymous  int
	Segments   []segment
	Legend     []legendItem
	Kinds      []legendItem
}

type matrixView struct {
	Cols []*docView
	Rows []matrixRow
}

type matrixRow struct {
	Kind  string // "quote", "claim", "number"
	Label string
	Sub   string
	Href  string
	Cells []matrixCell
}

type matrixCell struct {
	State string // "carried", "missing" or "" (not in the coverage)
	Href  string
	Title string
}

type quoteClusterView struct {
	Index       int
	ID          string
	Href        string
	Label       string
	Speaker     string
	Primary     string
	PrimaryKind string
	Members     []memberView
	Missing     []*docView
}

type memberView struct {
	Doc       *docView
	Href      string
	Tokens    []token
	Reference bool
	Same      bool // word for word the reference
	Cue       string
	Channel   string
	Speaker   string
	Anonymous bool
}

type claimClusterView struct {
	Index       int
	ID          string
	Href        string
	Label       string
	Primary     string
	PrimaryKind string
	Members     []claimMemberView
	Missing     []*docView
}

type claimMemberView struct {
	Doc  *docView
	Href string
	Text string
}

type conflictView struct {
	Index    int
	ID       string
	Href     string
	Counts   string
	Severity string
	Members  []numberMemberView
	Missing  []*docView
}

type numberMemberView struct {
	Doc       *docView
	Href      string
	Text      string
	Value     string
	Qualifier string
}

type speakerView struct {
	ID        string
	Name      string
	Anonymous bool
	Quotes    []speakerQuote
}

type speakerQuote struct {
	Doc     *docView
	Href    string
	Text    string
	Cue     string
	Channel string
}

type dupView struct {
	Docs       []*docView
	Similarity string
}

type legendItem struct {
	Label string
	Class string
	Count int
}

// searchItem is one entry of the report's client-side search index.
type searchItem struct {
	Kind      string `json:"k"`
	Text      string `json:"t"`
	Speaker   string `json:"s,omitempty"`
	Outlet    string `json:"o,omitempty"`
	Doc       string `json:"d"`
	Anonymous bool   `json:"a,omitempty"`
	Href      string `json:"h"`
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// palette is the number of speaker colours in the stylesheet (sp-0 …).
const palette = 10

func newModel(c link.Corpus, l links) *model {
	m := &model{c: c, links: l, byName: docIndex(c)}
	var groups []group
	m.home, groups = storyHomes(c, m.byName)
	// Documents first, so that the views below can refer to them.
	docViews := make([]*docView, len(c.Documents))
	for i := range c.Documents {
		docViews[i] = m.docView(i)
	}
	for si, g := range groups {
		sv := &storyView{Index: si, ID: storyID(si), Href: m.links.href(si, storyID(si)), Label: g.label, Other: g.other}
		if sv.Label == "" {
			sv.Label = "Story " + strconv.Itoa(si+1)
		}
		for _, i := range g.docs {
			sv.Docs = append(sv.Docs, docViews[i])
			if m.home[i] == si {
				sv.Articles = append(sv.Articles, docViews[i])
			}
		}
		m.stories = append(m.stories, sv)
	}
	storyOf := func(names []string) int {
		count := map[int]int{}
		best := -1
		for _, n := range names {
			if i, ok := m.byName[n]; ok {
				s := m.home[i]
				count[s]++
				if best < 0 || count[s] > count[best] || count[s] == count[best] && s < best {
					best = s
				}
			}
		}
		return best
	}
	for ci, qc := range c.QuoteClusters {
		if s := storyOf(memberDocs(qc.Members, func(mb link.QuoteMember) string { return mb.Doc })); s >= 0 {
			m.stories[s].Quotes = append(m.stories[s].Quotes, m.quoteCluster(ci, qc, s, docViews))
		}
	}
	for ci, cc := range c.ClaimClusters {
		if s := storyOf(memberDocs(cc.Members, func(mb link.ClaimMember) string { return mb.Doc })); s >= 0 {
			m.stories[s].Claims = append(m.stories[s].Claims, m.claimCluster(ci, cc, s, docViews))
		}
	}
	for ci, nc := range c.NumberConflicts {
		if s := storyOf(memberDocs(nc.Members, func(mb link.NumberMember) string { return mb.Doc })); s >= 0 {
			m.stories[s].Numbers = append(m.stories[s].Numbers, m.conflict(ci, nc, s, docViews))
		}
	}
	for _, d := range c.Duplicates {
		var dv dupView
		s := -1
		for _, n := range d.Docs {
			if i, ok := m.byName[n]; ok {
				dv.Docs = append(dv.Docs, docViews[i])
				if s < 0 {
					s = m.home[i]
				}
			}
		}
		if s >= 0 && len(dv.Docs) > 1 {
			dv.Similarity = fmt.Sprintf("%.0f%%", d.Similarity*100)
			m.stories[s].Dups = append(m.stories[s].Dups, dv)
		}
	}
	for _, sv := range m.stories {
		sv.Matrix = m.matrix(sv)
		sv.Speaker = m.speakers(sv)
		sv.Graph = m.graph(sv)
	}
	return m
}

// group is a story's documents, by index; the last group may hold the
// documents of no story.
type group struct {
	label string
	docs  []int
	other bool
}

// storyHomes places every document on the page of the first story that
// has it, or of a last group of documents in no story.
func storyHomes(c link.Corpus, byName map[string]int) ([]int, []group) {
	home := make([]int, len(c.Documents))
	for i := range home {
		home[i] = -1
	}
	var groups []group
	for _, s := range c.Stories {
		var g group
		g.label = s.Label
		for _, name := range s.Docs {
			if i, ok := byName[name]; ok {
				g.docs = append(g.docs, i)
			}
		}
		groups = append(groups, g)
	}
	for si, g := range groups {
		for _, i := range g.docs {
			if home[i] < 0 {
				home[i] = si
			}
		}
	}
	var rest []int
	for i := range c.Documents {
		if home[i] < 0 {
			home[i] = len(groups)
			rest = append(rest, i)
		}
	}
	if len(rest) > 0 {
		groups = append(groups, group{label: "Articles in no story", docs: rest, other: true})
	}
	return home, groups
}

func docIndex(c link.Corpus) map[string]int {
	byName := map[string]int{}
	for i, d := range c.Documents {
		if _, ok := byName[d.Doc]; !ok {
			byName[d.Doc] = i
		}
	}
	return byName
}

func docLabel(d article.Document) string {
	if o := strings.TrimSpace(str(d.Outlet)); o != "" {
		return o
	}
	name := strings.TrimRight(d.Doc, "/")
	if b := path.Base(strings.ReplaceAll(name, "\\", "/")); b != "" && b != "." && b != "/" {
		return b
	}
	if d.Doc == "" {
		return "(unnamed)"
	}
	return d.Doc
}

func (m *model) docView(i int) *docView {
	d := m.c.Documents[i]
	s := m.home[i]
	dv := &docView{
		Index: i, ID: docID(i), Href: m.links.href(s, docID(i)),
		Doc: d.Doc, Label: docLabel(d),
		Title: str(d.Title), Outlet: str(d.Outlet), Date: str(d.Date), URL: str(d.URL),
		Terms: d.Framing.Terms, Hedges: d.Framing.Hedges, AnonShare: d.Framing.AnonymousShare,
		Quotes: len(d.Quotes), Numbers: len(d.Numbers), Claims: len(d.Claims), Anonymous: len(d.AnonymousSources),
	}
	var hw []string
	for _, h := range d.Framing.HedgeWords {
		hw = append(hw, fmt.Sprintf("%s ×%d", h.Term, h.Count))
	}
	dv.HedgeWords = strings.Join(hw, ", ")
	dv.Segments, dv.Legend, dv.Kinds = m.highlight(i)
	return dv
}

func (m *model) coverageDocs(names []string, docViews []*docView) []*docView {
	var out []*docView
	for _, n := range names {
		if i, ok := m.byName[n]; ok {
			out = append(out, docViews[i])
		}
	}
	return out
}

func (m *model) quoteCluster(ci int, qc link.QuoteCluster, s int, docViews []*docView) *quoteClusterView {
	v := &quoteClusterView{
		Index: ci, ID: quoteClusterID(ci), Href: m.links.href(s, quoteClusterID(ci)),
		Label: qc.Label, Speaker: qc.Speaker, Primary: qc.PrimarySource,
		PrimaryKind: kindOfID(qc.PrimarySourceID),
		Missing:     m.coverageDocs(qc.Coverage.MissingFrom, docViews),
	}
	var ref []string
	for k, mb := range qc.Members {
		i, ok := m.byName[mb.Doc]
		if !ok {
			continue
		}
		mv := memberView{Doc: docViews[i], Href: docViews[i].Href}
		if q, ok := m.quote(i, mb.Quote); ok {
			mv.Href = m.links.href(m.home[i], quoteID(i, mb.Quote))
			mv.Cue, mv.Channel, mv.Speaker, mv.Anonymous = str(q.Cue), str(q.Channel), str(q.Speaker), q.Anonymous
		}
		words := splitWords(mb.Text)
		if k == 0 || ref == nil {
			mv.Reference = true
			ref = words
			mv.Tokens = plainTokens(words)
		} else {
			mv.Tokens, mv.Same = diffWords(ref, words)
		}
		v.Members = append(v.Members, mv)
	}
	return v
}

func (m *model) quote(d, q int) (article.Quote, bool) {
	qs := m.c.Documents[d].Quotes
	if q < 0 || q >= len(qs) {
		return article.Quote{}, false
	}
	return qs[q], true
}

func kindOfID(id string) string {
	if i := strings.IndexByte(id, ':'); i > 0 {
		switch id[:i] {
		case "doc":
			return "document"
		case "org":
			return "organization"
		}
		return id[:i]
	}
	return ""
}

func (m *model) claimCluster(ci int, cc link.ClaimCluster, s int, docViews []*docView) *claimClusterView {
	v := &claimClusterView{
		Index: ci, ID: claimClusterID(ci), Href: m.links.href(s, claimClusterID(ci)),
		Label: cc.Label, Primary: cc.PrimarySource, PrimaryKind: kindOfID(cc.PrimarySourceID),
		Missing: m.coverageDocs(cc.Coverage.MissingFrom, docViews),
	}
	for _, mb := range cc.Members {
		i, ok := m.byName[mb.Doc]
		if !ok {
			continue
		}
		cm := claimMemberView{Doc: docViews[i], Href: docViews[i].Href, Text: mb.Text}
		for k, c := range m.c.Documents[i].Claims {
			if c.Start >= mb.Start && c.End <= mb.End {
				cm.Href = m.links.href(m.home[i], claimID(i, k))
				break
			}
		}
		v.Members = append(v.Members, cm)
	}
	return v
}

func (m *model) conflict(ci int, nc link.NumberConflict, s int, docViews []*docView) *conflictView {
	v := &conflictView{
		Index: ci, ID: conflictID(ci), Href: m.links.href(s, conflictID(ci)),
		Counts: nc.Counts, Severity: nc.Severity,
		Missing: m.coverageDocs(nc.Coverage.MissingFrom, docViews),
	}
	for _, mb := range nc.Members {
		i, ok := m.byName[mb.Doc]
		if !ok {
			continue
		}
		nm := numberMemberView{Doc: docViews[i], Href: docViews[i].Href, Text: mb.Text, Value: formatValue(mb.Value), Qualifier: str(mb.Qualifier)}
		if mb.Number >= 0 && mb.Number < len(m.c.Documents[i].Numbers) {
			nm.Href = m.links.href(m.home[i], numberID(i, mb.Number))
		}
		v.Members = append(v.Members, nm)
	}
	return v
}

// formatValue writes a number with thousands separators and no needless
// decimals: 12000 → "12,000", 2.5 → "2.5".
func formatValue(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if len(intPart) > 3 && !strings.ContainsAny(intPart, "e+") {
		var b strings.Builder
		pre := len(intPart) % 3
		if pre > 0 {
			b.WriteString(intPart[:pre])
		}
		for k := pre; k < len(intPart); k += 3 {
			if b.Len() > 0 {
				b.WriteByte(',')
			}
			b.WriteString(intPart[k : k+3])
		}
		intPart = b.String()
	}
	if hasFrac {
		intPart += "." + frac
	}
	if neg {
		intPart = "-" + intPart
	}
	return intPart
}

// matrix is the coverage of a story: which documents carry each linked
// quote, claim and number.
func (m *model) matrix(sv *storyView) matrixView {
	mv := matrixView{Cols: sv.Docs}
	col := map[string]int{}
	for k, d := range sv.Docs {
		col[d.Doc] = k
	}
	row := func(kind, label, sub, href string, cov link.Coverage, member map[string]string) {
		r := matrixRow{Kind: kind, Label: label, Sub: sub, Href: href, Cells: make([]matrixCell, len(sv.Docs))}
		for _, n := range cov.MissingFrom {
			if k, ok := col[n]; ok {
				r.Cells[k] = matrixCell{State: "missing", Title: "not in " + sv.Docs[k].Label}
			}
		}
		for _, n := range cov.CarriedBy {
			if k, ok := col[n]; ok {
				r.Cells[k] = matrixCell{State: "carried", Href: member[n], Title: "carried by " + sv.Docs[k].Label}
			}
		}
		mv.Rows = append(mv.Rows, r)
	}
	for _, q := range sv.Quotes {
		member := map[string]string{}
		for _, mb := range q.Members {
			if _, ok := member[mb.Doc.Doc]; !ok {
				member[mb.Doc.Doc] = mb.Href
			}
		}
		row("quote", q.Label, q.Speaker, q.Href, m.c.QuoteClusters[q.Index].Coverage, member)
	}
	for _, n := range sv.Numbers {
		member := map[string]string{}
		for _, mb := range n.Members {
			if _, ok := member[mb.Doc.Doc]; !ok {
				member[mb.Doc.Doc] = mb.Href
			}
		}
		row("number", n.Counts, n.Severity, n.Href, m.c.NumberConflicts[n.Index].Coverage, member)
	}
	for _, c := range sv.Claims {
		member := map[string]string{}
		for _, mb := range c.Members {
			if _, ok := member[mb.Doc.Doc]; !ok {
				member[mb.Doc.Doc] = mb.Href
			}
		}
		row("claim", c.Label, c.Primary, c.Href, m.c.ClaimClusters[c.Index].Coverage, member)
	}
	return mv
}

// speakers lists the quotations of a story's documents by speaker, the
// most quoted first.
func (m *model) speakers(sv *storyView) []*speakerView {
	by := map[string]*speakerView{}
	var order []*speakerView
	for _, dv := range sv.Docs {
		d := m.c.Documents[dv.Index]
		for qi, q := range d.Quotes {
			name := strings.TrimSpace(str(q.Speaker))
			if name == "" {
				name = "(unattributed)"
			}
			key := name
			if q.Anonymous {
				key = "\x00anon:" + name
			}
			v := by[key]
			if v == nil {
				v = &speakerView{Name: name, Anonymous: q.Anonymous}
				by[key] = v
				order = append(order, v)
			}
			v.Quotes = append(v.Quotes, speakerQuote{
				Doc: dv, Href: m.links.href(m.home[dv.Index], quoteID(dv.Index, qi)),
				Text: q.Text, Cue: str(q.Cue), Channel: str(q.Channel),
			})
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if a.Anonymous != b.Anonymous {
			return !a.Anonymous
		}
		return len(a.Quotes) > len(b.Quotes)
	})
	for i, v := range order {
		v.ID = speakerID(sv.Index, i)
	}
	return order
}

func (m *model) summary() summary {
	s := summary{
		Documents: len(m.c.Documents), Stories: len(m.c.Stories),
		QuoteClusters: len(m.c.QuoteClusters), ClaimClusters: len(m.c.ClaimClusters),
		NumberConflicts: len(m.c.NumberConflicts), Duplicates: len(m.c.Duplicates),
	}
	for _, d := range m.c.Documents {
		s.Quotes += len(d.Quotes)
	}
	return s
}

// searchData is the report's search index: every document, quotation,
// claim and number, with the link to it.
func (m *model) searchData() []searchItem {
	out := []searchItem{}
	for i, d := range m.c.Documents {
		s := m.home[i]
		label := docLabel(d)
		outlet := str(d.Outlet)
		out = append(out, searchItem{Kind: "document", Text: strings.TrimSpace(str(d.Title) + " " + d.Doc), Outlet: outlet, Doc: label, Href: m.links.href(s, docID(i))})
		for k, q := range d.Quotes {
			out = append(out, searchItem{Kind: "quote", Text: q.Text, Speaker: str(q.Speaker), Outlet: outlet, Doc: label, Anonymous: q.Anonymous, Href: m.links.href(s, quoteID(i, k))})
		}
		for k, c := range d.Claims {
			out = append(out, searchItem{Kind: "claim", Text: c.Text, Speaker: c.Source, Outlet: outlet, Doc: label, Href: m.links.href(s, claimID(i, k))})
		}
		for k, n := range d.Numbers {
			t := n.Text
			if n.Counts != "" {
				t += " " + n.Counts
			}
			out = append(out, searchItem{Kind: "number", Text: t, Outlet: outlet, Doc: label, Href: m.links.href(s, numberID(i, k))})
		}
	}
	return out
}

// memberDocs returns the document of each member of a cluster.
func memberDocs[M any](members []M, doc func(M) string) []string {
	names := make([]string, len(members))
	for i, mb := range members {
		names[i] = doc(mb)
	}
	return names
}
