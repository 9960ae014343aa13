// Package store keeps a corpus and its analysis in an embedded SQLite
// database (modernc.org/sqlite, pure Go) or, for a shared deployment, in
// PostgreSQL (pgx), with the same schema on both: documents keyed by a
// content hash so that re-running on the same inputs adds nothing, their
// quotations, claims and numbers as rows for search and export, full-text
// search, and the latest cross-document analysis.
package store

// CONTRACT (written before the implementation; the implementation may add
// fields and methods but keeps these names and meanings):
//
//	func Open(ctx context.Context, dsn string) (*Store, error)
//	    dsn: a file path (SQLite; created when missing) or a
//	    postgres:// / postgresql:// URL. Migrations run on open.
//	func (s *Store) Close() error
//	func (s *Store) Backend() string                       // "sqlite" or "postgres"
//	func SourceHash(src article.Source) string             // hex SHA-256 of name, title, outlet, date, url, text
//	func (s *Store) Known(ctx, hash string) (article.Document, bool, error)
//	func (s *Store) PutDocuments(ctx, batch []Entry) error // one transaction; hashes already stored are skipped
//	type Entry struct { Hash string; Doc article.Document }
//	func (s *Store) SaveAnalysis(ctx, c link.Corpus, hashes []string) error
//	    one transaction; replaces the previous analysis. hashes[i] is the
//	    content hash of c.Documents[i] (documents are stored by PutDocuments
//	    before; SaveAnalysis records which ones, in which order, make up the
//	    analysed corpus, and its duplicates, stories, clusters, conflicts
//	    and provenance).
//	func (s *Store) LoadCorpus(ctx) (link.Corpus, error)  // the latest analysis, documents in order
//	func (s *Store) Search(ctx, q Query) ([]Hit, error)
//	func ParseQuery(s string) Query                       // `speaker:"Jane Doe" outlet:Reuters anonymous:yes free text`
//	type Query struct { Text, Speaker, Outlet string; Anonymous *bool; Limit int }
//	type Hit struct { Doc string; Kind string /* "document","quote","claim","number" */; Index int; Start, End int; Text, Speaker, Outlet string; Anonymous bool; Snippet string }
//	func (s *Store) Stats(ctx) (Stats, error)             // row counts per table, for tests and the closing note
