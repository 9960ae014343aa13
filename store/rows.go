package store

import (
	"context"
	"database/sql"
	"fmt"
)

// DocumentRow is one stored document without its body, for listings and
// CSV export. Title, Outlet, Date and URL are "" when unknown.
type DocumentRow struct {
	Hash    string `json:"hash"`
	Doc     string `json:"doc"`
	Title   string `json:"title"`
	Outlet  string `json:"outlet"`
	Date    string `json:"date"`
	URL     string `json:"url"`
	AddedAt string `json:"added_at"` // when it was stored, UTC: 2006-01-02T15:04:05.000Z
	Quotes  int    `json:"quotes"`
	Claims  int    `json:"claims"`
	Numbers int    `json:"numbers"`
}

// QuoteRow is one stored quotation with its document's name and outlet.
// Nullable fields are "" when unknown.
type QuoteRow struct {
	Doc            string `json:"doc"`
	Outlet         string `json:"outlet"`
	Date           string `json:"date"`
	Index          int    `json:"index"` // into the document's quotes
	Text           string `json:"text"`
	Start          int    `json:"start"`
	End            int    `json:"end"`
	Speaker        string `json:"speaker"`
	SpeakerMention string `json:"speaker_mention"`
	Anonymous      bool   `json:"anonymous"`
	Cue            string `json:"cue"`
	Channel        string `json:"channel"`
	Block          bool   `json:"block"`
}

// ClaimRow is one stored claim with its document's name and outlet.
type ClaimRow struct {
	Doc    string `json:"doc"`
	Outlet string `json:"outlet"`
	Date   string `json:"date"`
	Index  int    `json:"index"` // into the document's claims
	Text   string `json:"text"`
	Source string `json:"source"`
	Cue    string `json:"cue"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// NumberRow is one stored number with its document's name and outlet.
// ValueHigh is nil unless the number is a range.
type NumberRow struct {
	Doc       string   `json:"doc"`
	Outlet    string   `json:"outlet"`
	Date      string   `json:"date"`
	Index     int      `json:"index"` // into the document's numbers
	Text      string   `json:"text"`
	Value     float64  `json:"value"`
	ValueHigh *float64 `json:"value_high"`
	Qualifier string   `json:"qualifier"`
	Kind      string   `json:"kind"`
	Counts    string   `json:"counts"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
}

// each runs query and calls scan for every row, in order, stopping at the
// first error (fn's errors are returned as they are).
func (s *Store) each(ctx context.Context, what, query string, scan func(*sql.Rows) error) error {
	rows, err := s.db.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("store: listing %s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: listing %s: %w", what, err)
	}
	return nil
}

// scanErr wraps a Scan error; errors from the caller's fn pass unchanged.
func scanErr(what string, err error) error {
	return fmt.Errorf("store: listing %s: %w", what, err)
}

// EachDocument calls fn for every stored document in the order they were
// stored, stopping at fn's first error, which it returns. A query stays
// open while fn runs; fn may use the store, except on an in-memory SQLite
// database (one connection), where it must not.
func (s *Store) EachDocument(ctx context.Context, fn func(DocumentRow) error) error {
	added := "added_at"
	if s.backend == Postgres {
		added = `to_char(added_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
	}
	return s.each(ctx, "documents", `SELECT hash, name, coalesce(title, ''), coalesce(outlet, ''), coalesce(date, ''),
		coalesce(url, ''), `+added+`,
		(SELECT count(*) FROM quotes x WHERE x.document_id = d.id),
		(SELECT count(*) FROM claims x WHERE x.document_id = d.id),
		(SELECT count(*) FROM numbers x WHERE x.document_id = d.id)
		FROM documents d ORDER BY d.id`, func(rows *sql.Rows) error {
		var r DocumentRow
		if err := rows.Scan(&r.Hash, &r.Doc, &r.Title, &r.Outlet, &r.Date, &r.URL, &r.AddedAt, &r.Quotes, &r.Claims, &r.Numbers); err != nil {
			return scanErr("documents", err)
		}
		return fn(r)
	})
}

// EachQuote calls fn for every stored quotation, in document order and
// then quote order, stopping at fn's first error, which it returns. The
// same restrictions on fn apply as for EachDocument.
func (s *Store) EachQuote(ctx context.Context, fn func(QuoteRow) error) error {
	return s.each(ctx, "quotes", `SELECT d.name, coalesce(d.outlet, ''), coalesce(d.date, ''), x.idx, x.text,
		x.span_start, x.span_end, coalesce(x.speaker, ''), coalesce(x.speaker_mention, ''), x.anonymous,
		coalesce(x.cue, ''), coalesce(x.channel, ''), x.block
		FROM quotes x JOIN documents d ON d.id = x.document_id ORDER BY d.id, x.idx`, func(rows *sql.Rows) error {
		var r QuoteRow
		if err := rows.Scan(&r.Doc, &r.Outlet, &r.Date, &r.Index, &r.Text, &r.Start, &r.End, &r.Speaker,
			&r.SpeakerMention, &r.Anonymous, &r.Cue, &r.Channel, &r.Block); err != nil {
			return scanErr("quotes", err)
		}
		return fn(r)
	})
}

// EachClaim calls fn for every stored claim, in document order and then
// claim order, stopping at fn's first error, which it returns. The same
// restrictions on fn apply as for EachDocument.
func (s *Store) EachClaim(ctx context.Context, fn func(ClaimRow) error) error {
	return s.each(ctx, "claims", `SELECT d.name, coalesce(d.outlet, ''), coalesce(d.date, ''), x.idx, x.text,
		x.source, x.cue, x.span_start, x.span_end
		FROM claims x JOIN documents d ON d.id = x.document_id ORDER BY d.id, x.idx`, func(rows *sql.Rows) error {
		var r ClaimRow
		if err := rows.Scan(&r.Doc, &r.Outlet, &r.Date, &r.Index, &r.Text, &r.Source, &r.Cue, &r.Start, &r.End); err != nil {
			return scanErr("claims", err)
		}
		return fn(r)
	})
}

// EachNumber calls fn for every stored number, in document order and then
// number order, stopping at fn's first error, which it returns. The same
// restrictions on fn apply as for EachDocument.
func (s *Store) EachNumber(ctx context.Context, fn func(NumberRow) error) error {
	return s.each(ctx, "numbers", `SELECT d.name, coalesce(d.outlet, ''), coalesce(d.date, ''), x.idx, x.text,
		x.value, x.value_high, coalesce(x.qualifier, ''), x.kind, x.counts, x.span_start, x.span_end
		FROM numbers x JOIN documents d ON d.id = x.document_id ORDER BY d.id, x.idx`, func(rows *sql.Rows) error {
		var r NumberRow
		var high sql.NullFloat64
		if err := rows.Scan(&r.Doc, &r.Outlet, &r.Date, &r.Index, &r.Text, &r.Value, &high, &r.Qualifier,
			&r.Kind, &r.Counts, &r.Start, &r.End); err != nil {
			return scanErr("numbers", err)
		}
		if high.Valid {
			v := high.Float64
			r.ValueHigh = &v
		}
		return fn(r)
	})
}
