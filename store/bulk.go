package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Column types of a bulk insert.
const (
	colInt      = "bigint"
	colFloat    = "float8"
	colText     = "text"
	colNullText = "ntext" // text or nil
	colJSON     = "json"  // JSON text
	colNullJSON = "njson" // JSON text or nil
)

// bulkRows is how many rows a PostgreSQL bulk insert sends at once.
const bulkRows = 5000

// bulk inserts rows into one table within a transaction: on SQLite through
// a prepared statement, row by row (no round trips to save); on PostgreSQL
// as arrays unnested by one statement per bulkRows rows. It keeps the
// first error; flush reports it.
type bulk struct {
	s     *Store
	ctx   context.Context
	tx    *sql.Tx
	table string
	cols  []string
	types []string
	rows  [][]any
	stmt  *sql.Stmt
	err   error
}

// newBulk starts a bulk insert into table; each column is "name:type".
func (s *Store) newBulk(ctx context.Context, tx *sql.Tx, table string, columns ...string) *bulk {
	b := &bulk{s: s, ctx: ctx, tx: tx, table: table}
	for _, c := range columns {
		name, typ, _ := strings.Cut(c, ":")
		b.cols = append(b.cols, name)
		b.types = append(b.types, typ)
	}
	if s.backend != Postgres {
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(b.cols)), ", ")
		b.stmt, b.err = tx.PrepareContext(ctx, "INSERT INTO "+table+" ("+strings.Join(b.cols, ", ")+") VALUES ("+marks+")")
		if b.err != nil {
			b.err = fmt.Errorf("store: preparing inserts into %s: %w", table, b.err)
		}
	}
	return b
}

// add inserts a row: int or int64 for bigint, float64, string, and string
// or nil for the nullable types.
func (b *bulk) add(vals ...any) {
	if b.err != nil {
		return
	}
	if len(vals) != len(b.cols) {
		b.err = fmt.Errorf("store: %s: %d values for %d columns", b.table, len(vals), len(b.cols))
		return
	}
	if b.stmt != nil {
		if _, err := b.stmt.ExecContext(b.ctx, vals...); err != nil {
			b.err = fmt.Errorf("store: inserting into %s: %w", b.table, err)
		}
		return
	}
	b.rows = append(b.rows, vals)
	if len(b.rows) >= bulkRows {
		b.send()
	}
}

// send inserts the pending rows on PostgreSQL.
func (b *bulk) send() {
	if b.err != nil || len(b.rows) == 0 {
		return
	}
	args := make([]any, len(b.cols))
	params := make([]string, len(b.cols))
	names := make([]string, len(b.cols))
	exprs := make([]string, len(b.cols))
	for i, typ := range b.types {
		names[i] = fmt.Sprintf("c%d", i)
		exprs[i] = names[i]
		switch typ {
		case colInt:
			col := make([]int64, len(b.rows))
			for r, row := range b.rows {
				switch v := row[i].(type) {
				case int:
					col[r] = int64(v)
				case int64:
					col[r] = v
				default:
					b.err = fmt.Errorf("store: %s.%s: %T is not an integer", b.table, b.cols[i], v)
					return
				}
			}
			args[i], params[i] = col, fmt.Sprintf("$%d::bigint[]", i+1)
		case colFloat:
			col := make([]float64, len(b.rows))
			for r, row := range b.rows {
				v, ok := row[i].(float64)
				if !ok {
					b.err = fmt.Errorf("store: %s.%s: %T is not a float64", b.table, b.cols[i], row[i])
					return
				}
				col[r] = v
			}
			args[i], params[i] = col, fmt.Sprintf("$%d::float8[]", i+1)
		case colText, colJSON:
			col := make([]string, len(b.rows))
			for r, row := range b.rows {
				v, ok := row[i].(string)
				if !ok {
					b.err = fmt.Errorf("store: %s.%s: %T is not a string", b.table, b.cols[i], row[i])
					return
				}
				col[r] = v
			}
			args[i], params[i] = col, fmt.Sprintf("$%d::text[]", i+1)
		case colNullText, colNullJSON:
			col := make([]*string, len(b.rows))
			for r, row := range b.rows {
				switch v := row[i].(type) {
				case nil:
				case string:
					col[r] = &v
				default:
					b.err = fmt.Errorf("store: %s.%s: %T is not a string", b.table, b.cols[i], v)
					return
				}
			}
			args[i], params[i] = col, fmt.Sprintf("$%d::text[]", i+1)
		default:
			b.err = fmt.Errorf("store: %s.%s: unknown column type %q", b.table, b.cols[i], typ)
			return
		}
		if typ == colJSON || typ == colNullJSON {
			exprs[i] += "::json"
		}
	}
	query := "INSERT INTO " + b.table + " (" + strings.Join(b.cols, ", ") + ") SELECT " + strings.Join(exprs, ", ") +
		" FROM unnest(" + strings.Join(params, ", ") + ") AS x (" + strings.Join(names, ", ") + ")"
	if _, err := b.tx.ExecContext(b.ctx, query, args...); err != nil {
		b.err = fmt.Errorf("store: inserting into %s: %w", b.table, err)
	}
	b.rows = b.rows[:0]
}

// flush sends what is pending, releases the statement and returns the
// first error.
func (b *bulk) flush() error {
	b.send()
	if b.stmt != nil {
		b.stmt.Close()
		b.stmt = nil
	}
	return b.err
}
