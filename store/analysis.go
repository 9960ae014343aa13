package store

import (
	"context"
	"crypto/md5"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/link"
	"github.com/hearsaylab/hearsay/link/provenance"
)

// analysisTables are the tables SaveAnalysis replaces, children first.
var analysisTables = []string{
	"story_members", "stories", "duplicates", "quote_clusters", "claim_clusters",
	"number_conflicts", "provenance_nodes", "provenance_edges", "analysis_docs", "analysis",
}

// Names of the corpus lists recorded in analysis.nulls when they are nil
// (JSON null) rather than empty.
const (
	nullDocuments       = "documents"
	nullDuplicates      = "duplicates"
	nullStories         = "stories"
	nullQuoteClusters   = "quote_clusters"
	nullClaimClusters   = "claim_clusters"
	nullNumberConflicts = "number_conflicts"
	nullNodes           = "provenance.nodes"
	nullEdges           = "provenance.edges"
)

// SaveAnalysis replaces the stored analysis with c, in one transaction.
// hashes[i] is the content hash of c.Documents[i]. The documents are
// normally stored by PutDocuments before; one that is not is stored here.
// When an analysed document differs from the stored one with its hash (link.Analyze
// turns null lists into empty ones), the analysed form is kept with the
// analysis, so that LoadCorpus returns exactly c.
func (s *Store) SaveAnalysis(ctx context.Context, c link.Corpus, hashes []string) error {
	if len(hashes) != len(c.Documents) {
		return fmt.Errorf("store: saving analysis: %d hashes for %d documents", len(hashes), len(c.Documents))
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: saving analysis: %w", err)
	}
	defer tx.Rollback()
	for _, t := range analysisTables {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+t); err != nil {
			return fmt.Errorf("store: saving analysis: clearing %s: %w", t, err)
		}
	}
	if err := s.saveAnalysisDocs(ctx, tx, c.Documents, hashes); err != nil {
		return err
	}
	dups := s.newBulk(ctx, tx, "duplicates", "position:bigint", "docs:json", "similarity:float8")
	for i, d := range c.Duplicates {
		dups.add(i, jsonOf(d.Docs), d.Similarity)
	}
	stories := s.newBulk(ctx, tx, "stories", "position:bigint", "label:text", "docs:json")
	for i, st := range c.Stories {
		stories.add(i, clean(st.Label), jsonOf(st.Docs))
	}
	members := s.newBulk(ctx, tx, "story_members", "story:bigint", "position:bigint", "doc:text")
	for i, st := range c.Stories {
		for j, doc := range st.Docs {
			members.add(i, j, clean(doc))
		}
	}
	qcs := s.newBulk(ctx, tx, "quote_clusters", "position:bigint", "label:text", "speaker:text", "primary_source:text",
		"primary_source_id:text", "members:json", "coverage:json")
	for i, qc := range c.QuoteClusters {
		qcs.add(i, clean(qc.Label), clean(qc.Speaker), clean(qc.PrimarySource), clean(qc.PrimarySourceID),
			jsonOf(qc.Members), jsonOf(qc.Coverage))
	}
	ccs := s.newBulk(ctx, tx, "claim_clusters", "position:bigint", "label:text", "primary_source:text",
		"primary_source_id:text", "members:json", "coverage:json")
	for i, cc := range c.ClaimClusters {
		ccs.add(i, clean(cc.Label), clean(cc.PrimarySource), clean(cc.PrimarySourceID), jsonOf(cc.Members), jsonOf(cc.Coverage))
	}
	ncs := s.newBulk(ctx, tx, "number_conflicts", "position:bigint", "counts:text", "severity:text", "members:json", "coverage:json")
	for i, nc := range c.NumberConflicts {
		ncs.add(i, clean(nc.Counts), clean(nc.Severity), jsonOf(nc.Members), jsonOf(nc.Coverage))
	}
	nodes := s.newBulk(ctx, tx, "provenance_nodes", "position:bigint", "node_id:text", "kind:text")
	for i, n := range c.Provenance.Nodes {
		nodes.add(i, clean(n.ID), clean(n.Kind))
	}
	edges := s.newBulk(ctx, tx, "provenance_edges", "position:bigint", "from_node:text", "to_node:text", "via:text")
	for i, e := range c.Provenance.Edges {
		edges.add(i, clean(e.From), clean(e.To), clean(e.Via))
	}
	for _, b := range []*bulk{dups, stories, members, qcs, ccs, ncs, nodes, edges} {
		if err := b.flush(); err != nil {
			return fmt.Errorf("store: saving analysis: %w", err)
		}
	}
	var nulls []string
	for _, l := range []struct {
		name string
		nil  bool
	}{
		{nullDocuments, c.Documents == nil},
		{nullDuplicates, c.Duplicates == nil},
		{nullStories, c.Stories == nil},
		{nullQuoteClusters, c.QuoteClusters == nil},
		{nullClaimClusters, c.ClaimClusters == nil},
		{nullNumberConflicts, c.NumberConflicts == nil},
		{nullNodes, c.Provenance.Nodes == nil},
		{nullEdges, c.Provenance.Edges == nil},
	} {
		if l.nil {
			nulls = append(nulls, l.name)
		}
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO analysis (id, documents, nulls) VALUES (1, ?, ?)`),
		len(c.Documents), strings.Join(nulls, ",")); err != nil {
		return fmt.Errorf("store: saving analysis: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: saving analysis: commit: %w", err)
	}
	return nil
}

// jsonOf is v as JSON text. The values SaveAnalysis encodes (strings,
// ints, finite floats) cannot fail to encode; a NaN similarity or value
// would, and is written as null.
func jsonOf(v any) string {
	s, err := jsonText(v)
	if err != nil {
		return "null"
	}
	return s
}

// docRef is a stored document found by its hash: its row id and the MD5
// of its JSON (to tell whether an analysed document differs from it).
type docRef struct {
	id  int64
	sum string
}

// lookupChunk is how many hashes saveAnalysisDocs looks up at once.
const lookupChunk = 1000

// saveAnalysisDocs records which stored documents, in which order, make up
// the analysed corpus, storing any that are missing and keeping the
// analysed form of any that differ from the stored one.
func (s *Store) saveAnalysisDocs(ctx context.Context, tx *sql.Tx, docs []article.Document, hashes []string) error {
	out := s.newBulk(ctx, tx, "analysis_docs", "position:bigint", "document_id:bigint", "doc_override:njson")
	for from := 0; from < len(docs); from += lookupChunk {
		to := min(from+lookupChunk, len(docs))
		raws := make([]string, to-from)
		for i := from; i < to; i++ {
			raw, err := docJSON(&docs[i])
			if err != nil {
				return fmt.Errorf("store: saving analysis: encoding %s: %w", docs[i].Doc, err)
			}
			raws[i-from] = raw
		}
		refs, err := s.lookup(ctx, tx, hashes[from:to])
		if err != nil {
			return err
		}
		var missing []Entry
		for i := from; i < to; i++ {
			if _, ok := refs[hashes[i]]; !ok {
				missing = append(missing, Entry{Hash: hashes[i], Doc: docs[i]})
			}
		}
		if len(missing) > 0 {
			if err := s.putEntries(ctx, tx, missing); err != nil {
				return err
			}
			more := make([]string, len(missing))
			for i, e := range missing {
				more[i] = e.Hash
			}
			added, err := s.lookup(ctx, tx, more)
			if err != nil {
				return err
			}
			for h, r := range added {
				refs[h] = r
			}
		}
		for i := from; i < to; i++ {
			ref, ok := refs[hashes[i]]
			if !ok {
				return fmt.Errorf("store: saving analysis: document %s (hash %s) could not be stored", docs[i].Doc, hashes[i])
			}
			var override any
			if ref.sum != md5Hex(raws[i-from]) {
				override = raws[i-from]
			}
			out.add(i, ref.id, override)
		}
	}
	if err := out.flush(); err != nil {
		return fmt.Errorf("store: saving analysis: %w", err)
	}
	return nil
}

// lookup finds stored documents by hash.
func (s *Store) lookup(ctx context.Context, tx *sql.Tx, hashes []string) (map[string]docRef, error) {
	refs := map[string]docRef{}
	if s.backend == Postgres {
		rows, err := tx.QueryContext(ctx, `SELECT hash, id, md5(doc::text) FROM documents WHERE hash = ANY($1::text[])`, hashes)
		if err != nil {
			return nil, fmt.Errorf("store: saving analysis: looking up documents: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var h string
			var r docRef
			if err := rows.Scan(&h, &r.id, &r.sum); err != nil {
				return nil, fmt.Errorf("store: saving analysis: looking up documents: %w", err)
			}
			refs[h] = r
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("store: saving analysis: looking up documents: %w", err)
		}
		return refs, nil
	}
	find, err := tx.PrepareContext(ctx, `SELECT id, doc FROM documents WHERE hash = ?`)
	if err != nil {
		return nil, fmt.Errorf("store: saving analysis: looking up documents: %w", err)
	}
	defer find.Close()
	for _, h := range hashes {
		var r docRef
		var doc string
		err := find.QueryRowContext(ctx, h).Scan(&r.id, &doc)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("store: saving analysis: looking up %s: %w", h, err)
		}
		r.sum = md5Hex(doc)
		refs[h] = r
	}
	return refs, nil
}

// md5Hex is the hex MD5 of s: a change check, as PostgreSQL's md5().
func md5Hex(s string) string {
	sum := md5.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}

// readTx begins a read-only transaction that sees one snapshot.
func (s *Store) readTx(ctx context.Context) (*sql.Tx, error) {
	opts := &sql.TxOptions{ReadOnly: true}
	if s.backend == Postgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	return s.db.BeginTx(ctx, opts)
}

// LoadCorpus returns the latest saved analysis with its documents in
// order: a Corpus equal to the one given to SaveAnalysis (for text that is
// valid UTF-8 without NUL bytes). Before any analysis is saved it returns
// an empty corpus (every list empty, not null), as link.Analyze(nil) does.
func (s *Store) LoadCorpus(ctx context.Context) (link.Corpus, error) {
	tx, err := s.readTx(ctx)
	if err != nil {
		return link.Corpus{}, fmt.Errorf("store: loading analysis: %w", err)
	}
	defer tx.Rollback()
	var (
		n        int
		nullList string
	)
	err = tx.QueryRowContext(ctx, `SELECT documents, nulls FROM analysis WHERE id = 1`).Scan(&n, &nullList)
	if errors.Is(err, sql.ErrNoRows) {
		return link.Corpus{Documents: []article.Document{}, Duplicates: []link.Duplicate{}, Stories: []link.Story{},
			QuoteClusters: []link.QuoteCluster{}, ClaimClusters: []link.ClaimCluster{}, NumberConflicts: []link.NumberConflict{},
			Provenance: provenance.Graph{Nodes: []provenance.Node{}, Edges: []provenance.Edge{}}}, nil
	}
	if err != nil {
		return link.Corpus{}, fmt.Errorf("store: loading analysis: %w", err)
	}
	nulls := map[string]bool{}
	for _, name := range strings.Split(nullList, ",") {
		nulls[name] = true
	}
	c := link.Corpus{}
	r := &rowReader{tx: tx, ctx: ctx}

	c.Documents = make([]article.Document, 0, n)
	r.each("documents", `SELECT coalesce(a.doc_override, d.doc) FROM analysis_docs a
		JOIN documents d ON d.id = a.document_id ORDER BY a.position`, func(rows *sql.Rows) error {
		var raw []byte
		var d article.Document
		if err := rows.Scan(&raw); err != nil {
			return err
		}
		if err := json.Unmarshal(raw, &d); err != nil {
			return err
		}
		c.Documents = append(c.Documents, d)
		return nil
	})
	c.Duplicates = []link.Duplicate{}
	r.each("duplicates", `SELECT docs, similarity FROM duplicates ORDER BY position`, func(rows *sql.Rows) error {
		var d link.Duplicate
		var docs []byte
		if err := rows.Scan(&docs, &d.Similarity); err != nil {
			return err
		}
		c.Duplicates = append(c.Duplicates, d)
		return json.Unmarshal(docs, &c.Duplicates[len(c.Duplicates)-1].Docs)
	})
	c.Stories = []link.Story{}
	r.each("stories", `SELECT label, docs FROM stories ORDER BY position`, func(rows *sql.Rows) error {
		var st link.Story
		var docs []byte
		if err := rows.Scan(&st.Label, &docs); err != nil {
			return err
		}
		if err := json.Unmarshal(docs, &st.Docs); err != nil {
			return err
		}
		c.Stories = append(c.Stories, st)
		return nil
	})
	c.QuoteClusters = []link.QuoteCluster{}
	r.each("quote_clusters", `SELECT label, speaker, primary_source, primary_source_id, members, coverage
		FROM quote_clusters ORDER BY position`, func(rows *sql.Rows) error {
		var qc link.QuoteCluster
		var members, coverage []byte
		if err := rows.Scan(&qc.Label, &qc.Speaker, &qc.PrimarySource, &qc.PrimarySourceID, &members, &coverage); err != nil {
			return err
		}
		if err := unmarshalBoth(members, &qc.Members, coverage, &qc.Coverage); err != nil {
			return err
		}
		c.QuoteClusters = append(c.QuoteClusters, qc)
		return nil
	})
	c.ClaimClusters = []link.ClaimCluster{}
	r.each("claim_clusters", `SELECT label, primary_source, primary_source_id, members, coverage
		FROM claim_clusters ORDER BY position`, func(rows *sql.Rows) error {
		var cc link.ClaimCluster
		var members, coverage []byte
		if err := rows.Scan(&cc.Label, &cc.PrimarySource, &cc.PrimarySourceID, &members, &coverage); err != nil {
			return err
		}
		if err := unmarshalBoth(members, &cc.Members, coverage, &cc.Coverage); err != nil {
			return err
		}
		c.ClaimClusters = append(c.ClaimClusters, cc)
		return nil
	})
	c.NumberConflicts = []link.NumberConflict{}
	r.each("number_conflicts", `SELECT counts, severity, members, coverage FROM number_conflicts ORDER BY position`, func(rows *sql.Rows) error {
		var nc link.NumberConflict
		var members, coverage []byte
		if err := rows.Scan(&nc.Counts, &nc.Severity, &members, &coverage); err != nil {
			return err
		}
		if err := unmarshalBoth(members, &nc.Members, coverage, &nc.Coverage); err != nil {
			return err
		}
		c.NumberConflicts = append(c.NumberConflicts, nc)
		return nil
	})
	c.Provenance.Nodes = []provenance.Node{}
	r.each("provenance_nodes", `SELECT node_id, kind FROM provenance_nodes ORDER BY position`, func(rows *sql.Rows) error {
		var nd provenance.Node
		if err := rows.Scan(&nd.ID, &nd.Kind); err != nil {
			return err
		}
		c.Provenance.Nodes = append(c.Provenance.Nodes, nd)
		return nil
	})
	c.Provenance.Edges = []provenance.Edge{}
	r.each("provenance_edges", `SELECT from_node, to_node, via FROM provenance_edges ORDER BY position`, func(rows *sql.Rows) error {
		var e provenance.Edge
		if err := rows.Scan(&e.From, &e.To, &e.Via); err != nil {
			return err
		}
		c.Provenance.Edges = append(c.Provenance.Edges, e)
		return nil
	})
	if r.err != nil {
		return link.Corpus{}, r.err
	}
	if len(c.Documents) != n {
		return link.Corpus{}, fmt.Errorf("store: loading analysis: %d of %d documents found", len(c.Documents), n)
	}
	if nulls[nullDocuments] && len(c.Documents) == 0 {
		c.Documents = nil
	}
	if nulls[nullDuplicates] && len(c.Duplicates) == 0 {
		c.Duplicates = nil
	}
	if nulls[nullStories] && len(c.Stories) == 0 {
		c.Stories = nil
	}
	if nulls[nullQuoteClusters] && len(c.QuoteClusters) == 0 {
		c.QuoteClusters = nil
	}
	if nulls[nullClaimClusters] && len(c.ClaimClusters) == 0 {
		c.ClaimClusters = nil
	}
	if nulls[nullNumberConflicts] && len(c.NumberConflicts) == 0 {
		c.NumberConflicts = nil
	}
	if nulls[nullNodes] && len(c.Provenance.Nodes) == 0 {
		c.Provenance.Nodes = nil
	}
	if nulls[nullEdges] && len(c.Provenance.Edges) == 0 {
		c.Provenance.Edges = nil
	}
	return c, nil
}

// unmarshalBoth decodes a cluster's members and coverage columns.
func unmarshalBoth(members []byte, m any, coverage []byte, cv any) error {
	if err := json.Unmarshal(members, m); err != nil {
		return fmt.Errorf("members: %w", err)
	}
	if err := json.Unmarshal(coverage, cv); err != nil {
		return fmt.Errorf("coverage: %w", err)
	}
	return nil
}

// rowReader runs queries in a transaction until the first error, which it
// keeps.
type rowReader struct {
	tx  *sql.Tx
	ctx context.Context
	err error
}

// each runs query and calls fn for each row, unless an earlier query failed.
func (r *rowReader) each(table, query string, fn func(*sql.Rows) error) {
	if r.err != nil {
		return
	}
	rows, err := r.tx.QueryContext(r.ctx, query)
	if err != nil {
		r.err = fmt.Errorf("store: loading analysis: %s: %w", table, err)
		return
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			r.err = fmt.Errorf("store: loading analysis: %s: %w", table, err)
			return
		}
	}
	if err := rows.Err(); err != nil {
		r.err = fmt.Errorf("store: loading analysis: %s: %w", table, err)
	}
}

// AnalysisVersion identifies the saved analysis: it changes whenever
// SaveAnalysis replaces it, and is "" while none is saved. A reader that
// keeps the corpus in memory (the web UI) compares it to know when to load
// the corpus again.
func (s *Store) AnalysisVersion(ctx context.Context) (string, error) {
	var saved string
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT CAST(saved_at AS TEXT), documents FROM analysis WHERE id = 1`).Scan(&saved, &n)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("store: analysis version: %w", err)
	}
	return fmt.Sprintf("%s/%d", saved, n), nil
}
