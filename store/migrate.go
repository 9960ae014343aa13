package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// migrationFiles holds the schema, one numbered file per change and
// back-end: migrations/sqlite/0001_init.sql, migrations/postgres/0001_init.sql, …
// A released migration is never edited; a change is a new file with the
// next number, for both back-ends.
//
//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationFiles embed.FS

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the back-end's migrations in order.
func migrations(backend string) ([]migration, error) {
	dir := "migrations/" + backend
	entries, err := fs.ReadDir(migrationFiles, dir)
	if err != nil {
		return nil, fmt.Errorf("store: reading migrations: %w", err)
	}
	var out []migration
	seen := map[int]string{}
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("store: migration %s: name must start with a number and '_'", e.Name())
		}
		if prev, dup := seen[v]; dup {
			return nil, fmt.Errorf("store: migrations %s and %s have the same number", prev, e.Name())
		}
		seen[v] = e.Name()
		b, err := migrationFiles.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("store: reading migration %s: %w", e.Name(), err)
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// migrate applies the migrations the database has not seen, in order, each
// in its own transaction together with its row in schema_migrations. Two
// processes opening the same database at once are serialised: SQLite
// transactions begin IMMEDIATE (a write lock), PostgreSQL ones take an
// advisory lock, and each re-checks the version inside its transaction.
func (s *Store) migrate(ctx context.Context) error {
	list, err := migrations(s.backend)
	if err != nil {
		return err
	}
	create := `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`
	if s.backend == Postgres {
		create = `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    integer PRIMARY KEY,
			applied_at timestamptz NOT NULL DEFAULT now())`
	}
	if s.backend == Postgres {
		// CREATE TABLE IF NOT EXISTS can still fail on a concurrent
		// create; serialise it like the migrations.
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("store: migrations: %w", err)
		}
		defer tx.Rollback()
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7236981130)`); err != nil {
			return fmt.Errorf("store: migrations: lock: %w", err)
		}
		if _, err := tx.ExecContext(ctx, create); err != nil {
			return fmt.Errorf("store: creating schema_migrations: %w", err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("store: creating schema_migrations: %w", err)
		}
	} else if _, err := s.db.ExecContext(ctx, create); err != nil {
		return fmt.Errorf("store: creating schema_migrations: %w", err)
	}
	for _, m := range list {
		if err := s.apply(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

// apply runs one migration unless it has been applied.
func (s *Store) apply(ctx context.Context, m migration) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: migration %s: %w", m.name, err)
	}
	defer tx.Rollback()
	if s.backend == Postgres {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7236981130)`); err != nil {
			return fmt.Errorf("store: migration %s: lock: %w", m.name, err)
		}
	}
	var n int
	if err := tx.QueryRowContext(ctx, s.q(`SELECT count(*) FROM schema_migrations WHERE version = ?`), m.version).Scan(&n); err != nil {
		return fmt.Errorf("store: migration %s: %w", m.name, err)
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("store: migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version) VALUES (?)`), m.version); err != nil {
		return fmt.Errorf("store: migration %s: recording it: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: migration %s: commit: %w", m.name, err)
	}
	return nil
}

// SchemaVersion returns the highest migration applied to the database.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("store: reading the schema version: %w", err)
	}
	return v, nil
}
