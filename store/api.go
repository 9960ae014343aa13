// Package store keeps a corpus and its analysis in an embedded SQLite
// database (modernc.org/sqlite, pure Go) or, for a shared deployment, in
// PostgreSQL (pgx), with the same schema on both: documents keyed by a
// content hash so that re-running on the same inputs adds nothing, their
// quotations, claims and numbers as rows for search and export, full-text
// search, and the latest cross-document analysis.
package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/hearsaylab/hearsay/article"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
	"modernc.org/sqlite"               // database/sql driver "sqlite"
)

// Backend names, as Store.Backend returns them.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// busyTimeoutMS is how long an SQLite connection waits for another writer
// before giving up with SQLITE_BUSY.
const busyTimeoutMS = 10000

// Store is an open corpus database. It is safe for concurrent use; writes
// to an SQLite database are serialised by SQLite.
type Store struct {
	db      *sql.DB
	backend string
}

// Entry is one document to store: the document and the content hash of the
// source it was extracted from (SourceHash).
type Entry struct {
	Hash string
	Doc  article.Document
}

// Open opens the database named by dsn and brings its schema up to date.
// dsn is a file path (SQLite; the file is created when missing, its folder
// must exist; ":memory:" is a private in-memory database) or a postgres://
// or postgresql:// URL (PostgreSQL; the database must exist, the tables are
// created in the first schema of its search_path).
func Open(ctx context.Context, dsn string) (*Store, error) {
	s := &Store{}
	var err error
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		s.backend = Postgres
		s.db, err = sql.Open("pgx", dsn)
		if err != nil {
			return nil, fmt.Errorf("store: opening PostgreSQL: %w", err)
		}
		s.db.SetMaxIdleConns(4)
	} else {
		s.backend = SQLite
		name, memory, err := sqliteDSN(dsn)
		if err != nil {
			return nil, err
		}
		s.db, err = sql.Open("sqlite", name)
		if err != nil {
			return nil, fmt.Errorf("store: opening %s: %w", dsn, err)
		}
		if memory {
			// Every connection to ":memory:" is a database of its own.
			s.db.SetMaxOpenConns(1)
		}
	}
	if err := s.ping(ctx); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("store: connecting to the %s database: %w", s.backend, err)
	}
	if err := s.migrate(ctx); err != nil {
		s.db.Close()
		return nil, err
	}
	return s, nil
}

// sqliteDSN turns a file path into a modernc.org/sqlite DSN that sets the
// pragmas every connection needs: WAL journal, a busy timeout, foreign keys
// and synchronous=NORMAL (safe with WAL). Transactions begin IMMEDIATE, so
// that two writers wait for each other instead of failing on upgrade.
func sqliteDSN(path string) (dsn string, memory bool, err error) {
	if path == "" {
		return "", false, errors.New("store: empty database path")
	}
	params := url.Values{}
	params.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeoutMS))
	params.Add("_pragma", "foreign_keys(1)")
	params.Add("_txlock", "immediate")
	if path == ":memory:" {
		return "file::memory:?" + params.Encode(), true, nil
	}
	params.Add("_pragma", "journal_mode(WAL)")
	params.Add("_pragma", "synchronous(NORMAL)")
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false, fmt.Errorf("store: database path %s: %w", path, err)
	}
	u := url.URL{Path: filepath.ToSlash(abs)}
	return "file:" + u.EscapedPath() + "?" + params.Encode(), false, nil
}

// Close closes the database.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("store: closing: %w", err)
	}
	return nil
}

// Backend returns "sqlite" or "postgres".
func (s *Store) Backend() string { return s.backend }

// DB returns the underlying database handle, for read-only queries that the
// methods of Store do not cover. The schema is in migrations/.
func (s *Store) DB() *sql.DB { return s.db }

// SourceHash returns the content hash that identifies a source: the hex
// SHA-256 of its name, title, outlet, date, URL and text, each written with
// its length in front so that no two different sources share an input.
func SourceHash(src article.Source) string {
	h := sha256.New()
	h.Write([]byte("hearsay source v1\x00"))
	var n [binary.MaxVarintLen64]byte
	for _, f := range []string{src.Name, src.Title, src.Outlet, src.Date, src.URL, src.Text} {
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(f)))])
		h.Write([]byte(f))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Known returns the stored document with the given content hash, and
// whether there is one.
func (s *Store) Known(ctx context.Context, hash string) (article.Document, bool, error) {
	var raw string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT doc FROM documents WHERE hash = ?`), hash).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return article.Document{}, false, nil
	}
	if err != nil {
		return article.Document{}, false, fmt.Errorf("store: looking up %s: %w", hash, err)
	}
	var d article.Document
	if err := json.Unmarshal([]byte(raw), &d); err != nil {
		return article.Document{}, false, fmt.Errorf("store: decoding document %s: %w", hash, err)
	}
	return d, true, nil
}

// PutDocuments stores a batch of documents in one transaction, with their
// quotations, claims and numbers, in the order of the batch. Entries whose
// hash is already stored (before or earlier in the batch) are skipped, so
// storing the same inputs again adds nothing. On SQLite each row goes
// through a prepared statement; on PostgreSQL each table gets one
// statement for the whole batch.
func (s *Store) PutDocuments(ctx context.Context, batch []Entry) error {
	if len(batch) == 0 {
		return nil
	}
	for i, e := range batch {
		if e.Hash == "" {
			return fmt.Errorf("store: storing %s (entry %d): empty hash", e.Doc.Doc, i)
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: storing documents: %w", err)
	}
	defer tx.Rollback()
	if err := s.putEntries(ctx, tx, batch); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: storing documents: commit: %w", err)
	}
	return nil
}

// putEntries stores entries in tx, skipping hashes stored already.
func (s *Store) putEntries(ctx context.Context, tx *sql.Tx, batch []Entry) error {
	if s.backend == Postgres {
		return s.putPostgres(ctx, tx, batch)
	}
	ins, err := s.newInserter(ctx, tx)
	if err != nil {
		return err
	}
	defer ins.close()
	for _, e := range batch {
		if err := ins.put(ctx, e.Hash, e.Doc); err != nil {
			return err
		}
	}
	return nil
}

// Stats counts the rows of each table.
type Stats struct {
	Documents       int `json:"documents"`
	Quotes          int `json:"quotes"`
	Claims          int `json:"claims"`
	Numbers         int `json:"numbers"`
	AnalysisDocs    int `json:"analysis_docs"`
	Duplicates      int `json:"duplicates"`
	Stories         int `json:"stories"`
	StoryMembers    int `json:"story_members"`
	QuoteClusters   int `json:"quote_clusters"`
	ClaimClusters   int `json:"claim_clusters"`
	NumberConflicts int `json:"number_conflicts"`
	ProvenanceNodes int `json:"provenance_nodes"`
	ProvenanceEdges int `json:"provenance_edges"`
}

// Stats returns the row count of each table, in one consistent snapshot.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	tables := []struct {
		name string
		n    *int
	}{
		{"documents", &st.Documents},
		{"quotes", &st.Quotes},
		{"claims", &st.Claims},
		{"numbers", &st.Numbers},
		{"analysis_docs", &st.AnalysisDocs},
		{"duplicates", &st.Duplicates},
		{"stories", &st.Stories},
		{"story_members", &st.StoryMembers},
		{"quote_clusters", &st.QuoteClusters},
		{"claim_clusters", &st.ClaimClusters},
		{"number_conflicts", &st.NumberConflicts},
		{"provenance_nodes", &st.ProvenanceNodes},
		{"provenance_edges", &st.ProvenanceEdges},
	}
	parts := make([]string, len(tables))
	dest := make([]any, len(tables))
	for i, t := range tables {
		parts[i] = "(SELECT count(*) FROM " + t.name + ")"
		dest[i] = t.n
	}
	if err := s.db.QueryRowContext(ctx, "SELECT "+strings.Join(parts, ", ")).Scan(dest...); err != nil {
		return Stats{}, fmt.Errorf("store: counting rows: %w", err)
	}
	return st, nil
}

// ping makes the first connection. A SQLite file that another process is
// creating at the same moment can refuse a new connection with SQLITE_BUSY
// while it switches the file to WAL, without SQLite's busy handler waiting:
// ping then tries again, with growing pauses, for as long as the busy
// timeout.
func (s *Store) ping(ctx context.Context) error {
	deadline := time.Now().Add(busyTimeoutMS * time.Millisecond)
	for wait := 5 * time.Millisecond; ; wait = min(2*wait, 250*time.Millisecond) {
		err := s.db.PingContext(ctx)
		if err == nil || s.backend != SQLite || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
	}
}

// isBusy reports whether err is SQLite's SQLITE_BUSY (or an extended code of
// it).
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == 5 // SQLITE_BUSY
}
