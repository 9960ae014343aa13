package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query is a search over the stored corpus: free text (full-text search
// over document bodies, titles, quotations and claims) narrowed by filters.
// The zero value matches everything.
type Query struct {
	Text      string // free text; words are ANDed
	Speaker   string // quotations whose speaker contains this (case-insensitive)
	Outlet    string // documents whose outlet contains this (case-insensitive)
	Anonymous *bool  // quotations by anonymous (true) or named (false) sources
	Limit     int    // most hits returned; 0 means 100
}

// Hit is one search result: a document, or a quotation, claim or number in
// one. Start and End are byte offsets into the document's body.
type Hit struct {
	Doc       string `json:"doc"`
	Kind      string `json:"kind"`  // "document", "quote", "claim" or "number"
	Index     int    `json:"index"` // index into the document's quotes, claims or numbers; -1 for a document
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
	Speaker   string `json:"speaker,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Anonymous bool   `json:"anonymous,omitempty"`
	Snippet   string `json:"snippet"` // a short excerpt of the body around the hit, plain text
}

// Hit kinds.
const (
	KindDocument = "document"
	KindQuote    = "quote"
	KindClaim    = "claim"
	KindNumber   = "number"
)

// DefaultLimit is the number of hits Search returns when Query.Limit is 0.
const DefaultLimit = 100

// ParseQuery parses the search box syntax:
//
//	speaker:"Jane Doe" outlet:Reuters anonymous:yes free words "a phrase"
//
// Filter names are case-insensitive; a value is a word or a quoted string;
// anonymous takes yes, no, true or false. Everything else — including a
// filter with an empty or unknown value — is free text, kept as written
// (words separated by one space, quoted phrases with their quotes). A later
// filter of the same name wins. ParseQuery never fails.
func ParseQuery(s string) Query {
	var q Query
	var free []string
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		start := i
		if key, ok := filterKey(s[i:]); ok {
			j := i + len(key) + 1
			val, end := readValue(s, j)
			i = end
			if applyFilter(&q, strings.ToLower(key), strings.TrimSpace(val)) {
				continue
			}
			free = append(free, s[start:end])
			continue
		}
		_, end := readValue(s, i)
		i = end
		free = append(free, s[start:end])
	}
	q.Text = strings.Join(free, " ")
	return q
}

// filterKey reports whether s starts with a filter name and a colon.
func filterKey(s string) (string, bool) {
	for _, k := range []string{"speaker", "outlet", "anonymous"} {
		if len(s) > len(k) && s[len(k)] == ':' && strings.EqualFold(s[:len(k)], k) {
			return s[:len(k)], true
		}
	}
	return "", false
}

// readValue reads a word or a quoted string starting at s[i]: it returns
// the value (without quotes) and the index after it. A quoted string runs
// to the next quote or the end; a word runs to the next space.
func readValue(s string, i int) (string, int) {
	if i < len(s) && s[i] == '"' {
		if j := strings.IndexByte(s[i+1:], '"'); j >= 0 {
			return s[i+1 : i+1+j], i + j + 2
		}
		return s[i+1:], len(s)
	}
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if unicode.IsSpace(r) {
			break
		}
		j += size
	}
	return s[i:j], j
}

// applyFilter sets a filter of q; it reports false for an empty or unknown
// value.
func applyFilter(q *Query, key, val string) bool {
	if val == "" {
		return false
	}
	switch key {
	case "speaker":
		q.Speaker = val
	case "outlet":
		q.Outlet = val
	case "anonymous":
		var b bool
		switch strings.ToLower(val) {
		case "yes", "true":
			b = true
		case "no", "false":
			b = false
		default:
			return false
		}
		q.Anonymous = &b
	default:
		return false
	}
	return true
}

// String formats q in the syntax ParseQuery reads (without Limit):
// ParseQuery(q.String()) gives back q for any q that ParseQuery returned.
func (q Query) String() string {
	var parts []string
	value := func(v string) string {
		if strings.IndexFunc(v, unicode.IsSpace) >= 0 || strings.HasPrefix(v, `"`) {
			return `"` + v + `"`
		}
		return v
	}
	if q.Speaker != "" {
		parts = append(parts, "speaker:"+value(q.Speaker))
	}
	if q.Outlet != "" {
		parts = append(parts, "outlet:"+value(q.Outlet))
	}
	if q.Anonymous != nil {
		if *q.Anonymous {
			parts = append(parts, "anonymous:yes")
		} else {
			parts = append(parts, "anonymous:no")
		}
	}
	if q.Text != "" {
		parts = append(parts, q.Text)
	}
	return strings.Join(parts, " ")
}

// phrases splits free text into the phrases a hit must all contain: quoted
// strings and single words, with quotes removed and the text made safe for
// the database. Phrases without a letter or digit are dropped: they cannot
// match anything.
func phrases(text string) []string {
	text = clean(text)
	var out []string
	add := func(p string) {
		p = strings.Join(strings.Fields(strings.ReplaceAll(p, `"`, " ")), " ")
		if strings.IndexFunc(p, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			out = append(out, p)
		}
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		v, end := readValue(text, i)
		add(v)
		i = end
	}
	return out
}

// matchString is the full-text query for phrases: each phrase in double
// quotes, ANDed. Both FTS5 MATCH and PostgreSQL's websearch_to_tsquery read
// it as literal phrases (phrases contain no double quote), so no user input
// becomes query syntax.
func matchString(ps []string) string {
	quoted := make([]string, len(ps))
	for i, p := range ps {
		quoted[i] = `"` + strings.ReplaceAll(p, `"`, `""`) + `"`
	}
	return strings.Join(quoted, " ")
}

// searchPart builds the SELECT of one hit kind.
type searchPart struct {
	sql  string
	args []any
}

// Search runs a query. With free text it returns the documents (by title
// and body), quotations, claims and numbers (by what they count) that
// contain every word; without, the documents. A speaker or anonymous filter
// restricts the hits to quotations. Hits are ordered by relevance (FTS5
// bm25 on SQLite, ts_rank on PostgreSQL), then document order, then kind
// and index. A claim's Speaker is its source. No query string makes Search
// fail: words are passed to the database as quoted phrases in plain
// parameters, never as query syntax.
func (s *Store) Search(ctx context.Context, q Query) ([]Hit, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	ps := phrases(q.Text)
	text := len(ps) > 0
	match := matchString(ps)
	outlet := strings.ToLower(strings.TrimSpace(clean(q.Outlet)))
	speaker := strings.ToLower(strings.TrimSpace(clean(q.Speaker)))
	quoteOnly := speaker != "" || q.Anonymous != nil
	pg := s.backend == Postgres

	// ftsFrom returns, for the rows of table (aliased alias), the FROM
	// clause, the full-text condition, the score (lower is better) and the
	// condition's arguments.
	ftsFrom := func(table, alias string) (from, cond, score string, args []any) {
		if !text {
			return table + " " + alias, "1=1", "0.0", nil
		}
		if pg {
			return "qq, " + table + " " + alias, alias + ".tsv @@ qq.q", "-ts_rank(" + alias + ".tsv, qq.q)", nil
		}
		fts := table + "_fts"
		return fts + " JOIN " + table + " " + alias + " ON " + alias + ".id = " + fts + ".rowid",
			fts + " MATCH ?", "bm25(" + fts + ")", []any{match}
	}
	var parts []searchPart
	outletCond := func(p *searchPart) {
		if outlet != "" {
			p.sql += " AND " + s.contains("d.outlet_fold")
			p.args = append(p.args, outlet)
		}
	}
	if !quoteOnly {
		from, cond, score, args := ftsFrom("documents", "d")
		p := searchPart{
			sql: `SELECT 0 AS k, d.id AS doc_id, d.name, -1 AS idx, 0 AS span_start, 0 AS span_end,
				coalesce(d.title, d.name) AS text, NULL AS speaker, d.outlet, ` + s.boolean(false) + ` AS anonymous, ` + score + ` AS score
				FROM ` + from + ` WHERE ` + cond,
			args: args,
		}
		outletCond(&p)
		parts = append(parts, p)
	}
	if text || quoteOnly {
		from, cond, score, args := ftsFrom("quotes", "x")
		p := searchPart{
			sql: `SELECT 1 AS k, d.id AS doc_id, d.name, x.idx, x.span_start, x.span_end, x.text, x.speaker, d.outlet, x.anonymous, ` + score + ` AS score
				FROM ` + from + ` JOIN documents d ON d.id = x.document_id WHERE ` + cond,
			args: args,
		}
		if speaker != "" {
			p.sql += " AND " + s.contains("x.speaker_fold")
			p.args = append(p.args, speaker)
		}
		if q.Anonymous != nil {
			p.sql += " AND x.anonymous = ?"
			p.args = append(p.args, *q.Anonymous)
		}
		outletCond(&p)
		parts = append(parts, p)
	}
	if text && !quoteOnly {
		from, cond, score, args := ftsFrom("claims", "x")
		p := searchPart{
			sql: `SELECT 2 AS k, d.id AS doc_id, d.name, x.idx, x.span_start, x.span_end, x.text, x.source AS speaker, d.outlet, ` + s.boolean(false) + ` AS anonymous, ` + score + ` AS score
				FROM ` + from + ` JOIN documents d ON d.id = x.document_id WHERE ` + cond,
			args: args,
		}
		outletCond(&p)
		parts = append(parts, p)
		from, cond, score, args = ftsFrom("numbers", "x")
		p = searchPart{
			sql: `SELECT 3 AS k, d.id AS doc_id, d.name, x.idx, x.span_start, x.span_end, x.text, NULL AS speaker, d.outlet, ` + s.boolean(false) + ` AS anonymous, ` + score + ` AS score
				FROM ` + from + ` JOIN documents d ON d.id = x.document_id WHERE ` + cond,
			args: args,
		}
		outletCond(&p)
		parts = append(parts, p)
	}

	var b strings.Builder
	var args []any
	if pg && text {
		b.WriteString("WITH qq AS (SELECT websearch_to_tsquery('simple', ?) AS q) ")
		args = append(args, match)
	}
	b.WriteString("SELECT k, doc_id, name, idx, span_start, span_end, text, speaker, outlet, anonymous FROM (")
	for i, p := range parts {
		if i > 0 {
			b.WriteString(" UNION ALL ")
		}
		b.WriteString(p.sql)
		args = append(args, p.args...)
	}
	b.WriteString(") hits ORDER BY score, doc_id, k, idx LIMIT ?")
	args = append(args, limit)

	rows, err := s.db.QueryContext(ctx, s.q(b.String()), args...)
	if err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	defer rows.Close()
	kinds := []string{KindDocument, KindQuote, KindClaim, KindNumber}
	var hits []Hit
	var docIDs []int64
	for rows.Next() {
		var (
			h                Hit
			k                int
			docID            int64
			speaker, outletV sql.NullString
		)
		if err := rows.Scan(&k, &docID, &h.Doc, &h.Index, &h.Start, &h.End, &h.Text, &speaker, &outletV, &h.Anonymous); err != nil {
			return nil, fmt.Errorf("store: search: %w", err)
		}
		if k < 0 || k >= len(kinds) {
			return nil, fmt.Errorf("store: search: unknown hit kind %d", k)
		}
		h.Kind = kinds[k]
		h.Speaker, h.Outlet = speaker.String, outletV.String
		hits = append(hits, h)
		docIDs = append(docIDs, docID)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	rows.Close()
	bodies, err := s.bodies(ctx, docIDs)
	if err != nil {
		return nil, err
	}
	for i := range hits {
		h := &hits[i]
		body := bodies[docIDs[i]]
		if h.Kind == KindDocument {
			h.End = len(body)
			h.Snippet = snippet(body, firstMatch(body, ps))
			continue
		}
		h.Snippet = snippet(body, [2]int{h.Start, h.End})
	}
	return hits, nil
}

// contains is the condition that column contains the next argument (both
// lower-cased already), with no pattern characters to escape.
func (s *Store) contains(column string) string {
	if s.backend == Postgres {
		return "strpos(" + column + ", ?) > 0"
	}
	return "instr(" + column + ", ?) > 0"
}

// boolean is a boolean literal of the back-end.
func (s *Store) boolean(b bool) string {
	switch {
	case s.backend == Postgres && b:
		return "true"
	case s.backend == Postgres:
		return "false"
	case b:
		return "1"
	}
	return "0"
}

// bodies returns the bodies of the documents with the given ids.
func (s *Store) bodies(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	uniq := []any{}
	for _, id := range ids {
		if _, ok := out[id]; !ok {
			out[id] = ""
			uniq = append(uniq, id)
		}
	}
	if len(uniq) == 0 {
		return out, nil
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(uniq)), ", ")
	rows, err := s.db.QueryContext(ctx, s.q("SELECT id, body FROM documents WHERE id IN ("+marks+")"), uniq...)
	if err != nil {
		return nil, fmt.Errorf("store: search: reading bodies: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var body string
		if err := rows.Scan(&id, &body); err != nil {
			return nil, fmt.Errorf("store: search: reading bodies: %w", err)
		}
		out[id] = body
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: search: reading bodies: %w", err)
	}
	return out, nil
}

// firstMatch returns the span of the earliest word of the phrases found in
// body (case-insensitive), or an empty span at 0.
func firstMatch(body string, ps []string) [2]int {
	best := [2]int{-1, -1}
	for _, p := range ps {
		for _, w := range strings.FieldsFunc(p, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if at := indexFold(body, w); at >= 0 && (best[0] < 0 || at < best[0]) {
				best = [2]int{at, at + len(w)}
			}
		}
	}
	if best[0] < 0 {
		return [2]int{0, 0}
	}
	return best
}

// indexFold is strings.Index under Unicode case folding, for a word that
// starts at a word boundary.
func indexFold(s, sub string) int {
	if sub == "" {
		return -1
	}
	for i := 0; i+len(sub) <= len(s); {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			if i == 0 || !(unicode.IsLetter(prev) || unicode.IsDigit(prev)) {
				return i
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return -1
}

// Snippet sizes, in bytes: context on each side of a hit, and the most of a
// long hit shown.
const (
	snippetContext = 80
	snippetMaxHit  = 240
)

// snippet is a plain-text excerpt of body around span: some context on
// each side, cut at spaces, with white space collapsed and "…" where text
// was left out.
func snippet(body string, span [2]int) string {
	start, end := span[0], span[1]
	if start < 0 || start > len(body) {
		start = 0
	}
	if end < start || end > len(body) {
		end = start
	}
	if end-start > snippetMaxHit {
		end = start + snippetMaxHit
	}
	from, to := start-snippetContext, end+snippetContext
	if from <= 0 {
		from = 0
	} else if sp := strings.IndexFunc(body[from:start], unicode.IsSpace); sp >= 0 {
		from += sp
	}
	if to >= len(body) {
		to = len(body)
	} else if sp := strings.LastIndexFunc(body[end:to], unicode.IsSpace); sp >= 0 {
		to = end + sp
	}
	for from > 0 && from < len(body) && !utf8.RuneStart(body[from]) {
		from--
	}
	for to < len(body) && to > 0 && !utf8.RuneStart(body[to]) {
		to++
	}
	out := strings.Join(strings.Fields(strings.ToValidUTF8(body[from:to], "\uFFFD")), " ")
	if from > 0 {
		out = "…" + out
	}
	if to < len(body) {
		out += "…"
	}
	return out
}
