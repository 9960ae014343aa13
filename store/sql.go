package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/article"
)

// q rewrites a statement written with ? placeholders for the back-end:
// PostgreSQL numbers them ($1, $2, …). Statements in this package have no ?
// inside string literals.
func (s *Store) q(query string) string {
	if s.backend != Postgres || !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// clean makes a string storable in a text column on both back-ends without
// moving any byte offset: NUL bytes become spaces and bytes that are not
// valid UTF-8 become '?', one for one. PostgreSQL rejects both in text.
func clean(s string) string {
	ok := true
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0 {
			ok = false
			break
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			ok = false
			break
		}
		i += size
	}
	if ok {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0 {
			b = append(b, ' ')
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, '?')
			i++
			continue
		}
		b = append(b, s[i:i+size]...)
		i += size
	}
	return string(b)
}

// nullable returns the cleaned string p points to, or nil (SQL NULL).
func nullable(p *string) any {
	if p == nil {
		return nil
	}
	return clean(*p)
}

// fold is the lower-cased form of a string that the speaker and outlet
// filters compare against (the same on both back-ends, whatever their
// collation).
func fold(p *string) string {
	if p == nil {
		return ""
	}
	return strings.ToLower(clean(*p))
}

// docJSON is d as JSON text, for the document column.
func docJSON(d *article.Document) (string, error) {
	b, err := d.AppendJSON(nil)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// jsonText is v as JSON text, for a JSON column.
func jsonText(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// inserter stores documents and their rows through statements prepared
// once per transaction.
type inserter struct {
	doc, quote, claim, number *sql.Stmt
}

// newInserter prepares the insert statements in tx.
func (s *Store) newInserter(ctx context.Context, tx *sql.Tx) (*inserter, error) {
	ins := &inserter{}
	stmts := []struct {
		p     **sql.Stmt
		query string
	}{
		{&ins.doc, `INSERT INTO documents (hash, name, title, outlet, outlet_fold, date, url, body, doc)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING RETURNING id`},
		{&ins.quote, `INSERT INTO quotes (document_id, idx, text, span_start, span_end, speaker, speaker_fold,
			speaker_mention, anonymous, cue, channel, block) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&ins.claim, `INSERT INTO claims (document_id, idx, text, source, cue, span_start, span_end)
			VALUES (?, ?, ?, ?, ?, ?, ?)`},
		{&ins.number, `INSERT INTO numbers (document_id, idx, text, value, value_high, qualifier, kind, counts,
			span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
	}
	for _, st := range stmts {
		var err error
		if *st.p, err = tx.PrepareContext(ctx, s.q(st.query)); err != nil {
			ins.close()
			return nil, fmt.Errorf("store: preparing inserts: %w", err)
		}
	}
	return ins, nil
}

// close releases the prepared statements.
func (ins *inserter) close() {
	for _, st := range []*sql.Stmt{ins.doc, ins.quote, ins.claim, ins.number} {
		if st != nil {
			st.Close()
		}
	}
}

// put stores one document unless its hash is stored already.
func (ins *inserter) put(ctx context.Context, hash string, d article.Document) error {
	raw, err := docJSON(&d)
	if err != nil {
		return fmt.Errorf("store: encoding %s: %w", d.Doc, err)
	}
	var id int64
	err = ins.doc.QueryRowContext(ctx, clean(hash), clean(d.Doc), nullable(d.Title), nullable(d.Outlet), fold(d.Outlet),
		nullable(d.Date), nullable(d.URL), clean(d.Body), raw).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // stored before
	}
	if err != nil {
		return fmt.Errorf("store: storing %s: %w", d.Doc, err)
	}
	for i, q := range d.Quotes {
		if _, err := ins.quote.ExecContext(ctx, id, i, clean(q.Text), q.Start, q.End, nullable(q.Speaker), fold(q.Speaker),
			nullable(q.SpeakerMention), q.Anonymous, nullable(q.Cue), nullable(q.Channel), q.Block); err != nil {
			return fmt.Errorf("store: storing quote %d of %s: %w", i, d.Doc, err)
		}
	}
	for i, c := range d.Claims {
		if _, err := ins.claim.ExecContext(ctx, id, i, clean(c.Text), clean(c.Source), clean(c.Cue), c.Start, c.End); err != nil {
			return fmt.Errorf("store: storing claim %d of %s: %w", i, d.Doc, err)
		}
	}
	for i, n := range d.Numbers {
		var high any
		if n.ValueHigh != nil {
			high = *n.ValueHigh
		}
		if _, err := ins.number.ExecContext(ctx, id, i, clean(n.Text), n.Value, high, nullable(n.Qualifier), clean(n.Kind),
			clean(n.Counts), n.Start, n.End); err != nil {
			return fmt.Errorf("store: storing number %d of %s: %w", i, d.Doc, err)
		}
	}
	return nil
}
