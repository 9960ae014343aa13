package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/link"
	"github.com/hearsaylab/hearsay/link/provenance"
)

// ErrNoAnalysis is returned by LoadCorpus when no analysis has been saved.
var ErrNoAnalysis = errors.New("store: no analysis saved")

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
	w := &rowWriter{s: s, tx: tx, ctx: ctx}
	for i, d := range c.Duplicates {
		w.exec("duplicates", `INSERT INTO duplicates (position, docs, similarity) VALUES (?, ?, ?)`, i, w.json(d.Docs), d.Similarity)
	}
	for i, st := range c.Stories {
		w.exec("stories", `INSERT INTO stories (position, label, docs) VALUES (?, ?, ?)`, i, clean(st.Label), w.json(st.Docs))
		for j, doc := range st.Docs {
			w.exec("story_members", `INSERT INTO story_members (story, position, doc) VALUES (?, ?, ?)`, i, j, clean(doc))
		}
	}
	for i, qc := range c.QuoteClusters {
		w.exec("quote_clusters", `INSERT INTO quote_clusters (position, label, speaker, primary_source, primary_source_id, members, coverage)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, i, clean(qc.Label), clean(qc.Speaker), clean(qc.PrimarySource), clean(qc.PrimarySourceID),
			w.json(qc.Members), w.json(qc.Coverage))
	}
	for i, cc := range c.ClaimClusters {
		w.exec("claim_clusters", `INSERT INTO claim_clusters (position, label, primary_source, primary_source_id, members, coverage)
			VALUES (?, ?, ?, ?, ?, ?)`, i, clean(cc.Label), clean(cc.PrimarySource), clean(cc.PrimarySourceID),
			w.json(cc.Members), w.json(cc.Coverage))
	}
	for i, nc := range c.NumberConflicts {
		w.exec("number_conflicts", `INSERT INTO number_conflicts (position, counts, severity, members, coverage) VALUES (?, ?, ?, ?, ?)`,
			i, clean(nc.Counts), clean(nc.Severity), w.json(nc.Members), w.json(nc.Coverage))
	}
	for i, n := range c.Provenance.Nodes {
		w.exec("provenance_nodes", `INSERT INTO provenance_nodes (position, node_id, kind) VALUES (?, ?, ?)`, i, clean(n.ID), clean(n.Kind))
	}
	for i, e := range c.Provenance.Edges {
		w.exec("provenance_edges", `INSERT INTO provenance_edges (position, from_node, to_node, via) VALUES (?, ?, ?, ?)`,
			i, clean(e.From), clean(e.To), clean(e.Via))
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
	w.exec("analysis", `INSERT INTO analysis (id, documents, nulls) VALUES (1, ?, ?)`, len(c.Documents), strings.Join(nulls, ","))
	if w.err != nil {
		return w.err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: saving analysis: commit: %w", err)
	}
	return nil
}

// saveAnalysisDocs records which stored documents, in which order, make up
// the analysed corpus, storing any that are missing.
func (s *Store) saveAnalysisDocs(ctx context.Context, tx *sql.Tx, docs []article.Document, hashes []string) error {
	if len(docs) == 0 {
		return nil
	}
	find, err := tx.PrepareContext(ctx, s.q(`SELECT id, doc FROM documents WHERE hash = ?`))
	if err != nil {
		return fmt.Errorf("store: saving analysis: %w", err)
	}
	defer find.Close()
	add, err := tx.PrepareContext(ctx, s.q(`INSERT INTO analysis_docs (position, document_id, doc_override) VALUES (?, ?, ?)`))
	if err != nil {
		return fmt.Errorf("store: saving analysis: %w", err)
	}
	defer add.Close()
	var ins *inserter
	defer func() {
		if ins != nil {
			ins.close()
		}
	}()
	for i, d := range docs {
		raw, err := jsonText(d)
		if err != nil {
			return fmt.Errorf("store: saving analysis: encoding %s: %w", d.Doc, err)
		}
		var (
			id       int64
			stored   string
			override any
		)
		err = find.QueryRowContext(ctx, hashes[i]).Scan(&id, &stored)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if ins == nil {
				if ins, err = s.newInserter(ctx, tx); err != nil {
					return err
				}
			}
			if id, _, err = ins.put(ctx, hashes[i], d); err != nil {
				return err
			}
			if id == 0 {
				return fmt.Errorf("store: saving analysis: hash %s of %s given twice", hashes[i], d.Doc)
			}
		case err != nil:
			return fmt.Errorf("store: saving analysis: looking up %s: %w", d.Doc, err)
		case stored != raw:
			override = raw
		}
		if _, err := add.ExecContext(ctx, i, id, override); err != nil {
			return fmt.Errorf("store: saving analysis: document %d (%s): %w", i, d.Doc, err)
		}
	}
	return nil
}

// rowWriter runs inserts in a transaction until the first error, which it
// keeps.
type rowWriter struct {
	s   *Store
	tx  *sql.Tx
	ctx context.Context
	err error
}

// json is v as JSON text; an encoding error is kept.
func (w *rowWriter) json(v any) string {
	s, err := jsonText(v)
	if err != nil && w.err == nil {
		w.err = fmt.Errorf("store: saving analysis: encoding: %w", err)
	}
	return clean(s)
}

// exec runs one insert into table unless an earlier one failed.
func (w *rowWriter) exec(table, query string, args ...any) {
	if w.err != nil {
		return
	}
	if _, err := w.tx.ExecContext(w.ctx, w.s.q(query), args...); err != nil {
		w.err = fmt.Errorf("store: saving analysis: %s: %w", table, err)
	}
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
// order: a Corpus equal to the one given to SaveAnalysis. It returns
// ErrNoAnalysis when none has been saved.
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
		return link.Corpus{}, ErrNoAnalysis
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
