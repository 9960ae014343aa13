package store

import (
	"context"
	"os"
	"testing"
)

// batchSize is the batch of the benchmarks: what an import would use.
const batchSize = 500

// BenchmarkPutDocuments stores batches of 500 new documents of realistic
// size (3 KB body, 5 quotations, 2 claims, 5 numbers) and reports
// documents per second.
//
//	go test -run='^$' -bench=PutDocuments ./store
func BenchmarkPutDocuments(b *testing.B) {
	ctx := context.Background()
	for _, be := range backends(b) {
		b.Run(be.name, func(b *testing.B) {
			s := openStore(b, be.dsn(b))
			next := 0
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				batch := synthEntries(next, batchSize)
				next += batchSize
				b.StartTimer()
				if err := s.PutDocuments(ctx, batch); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N*batchSize)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

// BenchmarkSearch runs a free-text search with a filter over 2,000 stored
// documents.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	for _, be := range backends(b) {
		b.Run(be.name, func(b *testing.B) {
			s := openStore(b, be.dsn(b))
			for first := 0; first < 2000; first += batchSize {
				if err := s.PutDocuments(ctx, synthEntries(first, batchSize)); err != nil {
					b.Fatal(err)
				}
			}
			q := ParseQuery("outlet:reuters flood engineers")
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := s.Search(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestDatabaseSizePer1000 stores 1,000 realistic documents and logs the
// size of the database (SQLite: the file after a checkpoint; PostgreSQL:
// the tables with their indexes and TOAST) against the text stored.
func TestDatabaseSizePer1000(t *testing.T) {
	if testing.Short() {
		t.Skip("stores 1,000 documents")
	}
	ctx := context.Background()
	const n = 1000
	entries := synthEntries(0, n)
	text := 0
	for _, e := range entries {
		text += len(e.Doc.Body)
	}
	forEachBackend(t, func(t *testing.T, b backend) {
		dsn := b.dsn(t)
		s := openStore(t, dsn)
		for i := 0; i < n; i += batchSize {
			if err := s.PutDocuments(ctx, entries[i:i+batchSize]); err != nil {
				t.Fatal(err)
			}
		}
		var size int64
		switch b.name {
		case SQLite:
			if _, err := s.DB().ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
				t.Fatal(err)
			}
			for _, f := range []string{dsn, dsn + "-wal"} {
				if fi, err := os.Stat(f); err == nil {
					size += fi.Size()
				}
			}
		case Postgres:
			if _, err := s.DB().ExecContext(ctx, `VACUUM ANALYZE`); err != nil {
				t.Fatal(err)
			}
			err := s.DB().QueryRowContext(ctx, `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint
				FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = current_schema() AND c.relkind = 'r'`).Scan(&size)
			if err != nil {
				t.Fatal(err)
			}
		}
		if size == 0 {
			t.Fatal("database size 0")
		}
		t.Logf("%s: %.1f MB per 1,000 articles (%.1f KB of body text each; %.1f× the text)",
			b.name, float64(size)/1e6*1000/n, float64(text)/n/1e3, float64(size)/float64(text))
	})
}
