package store

import (
	"context"
	"database/sql"
	"fmt"
)

// putPostgres stores a batch on PostgreSQL in four statements — documents,
// quotations, claims, numbers — each inserting all its rows from arrays
// (unnest), instead of one round trip per row. Documents keep the order of
// the batch; hashes stored before, or earlier in the batch, are skipped.
func (s *Store) putPostgres(ctx context.Context, tx *sql.Tx, batch []Entry) error {
	var (
		hash, name, body, doc, outletFold  []string
		title, outlet, date, url           []*string
		seen                               = map[string]bool{}
		kept                               []int
		encoded                            string
		err                                error
		cleanPtr                           = func(p *string) *string { return ptr(nullable(p)) }
		qDoc, qIdx, qStart, qEnd           []int64
		qText, qFold                       []string
		qSpeaker, qMention, qCue, qChannel []*string
		qAnon, qBlock                      []bool
		cDoc, cIdx, cStart, cEnd           []int64
		cText, cSource, cCue               []string
		nDoc, nIdx, nStart, nEnd           []int64
		nText, nKind, nCounts              []string
		nValue                             []float64
		nHigh                              []*float64
		nQual                              []*string
	)
	for i, e := range batch {
		if seen[e.Hash] {
			continue
		}
		seen[e.Hash] = true
		kept = append(kept, i)
		d := e.Doc
		if encoded, err = docJSON(&d); err != nil {
			return fmt.Errorf("store: encoding %s: %w", d.Doc, err)
		}
		hash, name, body, doc = append(hash, clean(e.Hash)), append(name, clean(d.Doc)), append(body, clean(d.Body)), append(doc, encoded)
		title, outlet, date, url = append(title, cleanPtr(d.Title)), append(outlet, cleanPtr(d.Outlet)), append(date, cleanPtr(d.Date)), append(url, cleanPtr(d.URL))
		outletFold = append(outletFold, fold(d.Outlet))
	}
	rows, err := tx.QueryContext(ctx, `INSERT INTO documents (hash, name, title, outlet, outlet_fold, date, url, body, doc)
		SELECT h, n, t, o, f, d, u, b, j::json
		FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
			WITH ORDINALITY AS x (h, n, t, o, f, d, u, b, j, ord)
		ORDER BY ord
		ON CONFLICT (hash) DO NOTHING RETURNING id, hash`,
		hash, name, title, outlet, outletFold, date, url, body, doc)
	if err != nil {
		return fmt.Errorf("store: storing documents: %w", err)
	}
	ids := map[string]int64{}
	for rows.Next() {
		var id int64
		var h string
		if err := rows.Scan(&id, &h); err != nil {
			rows.Close()
			return fmt.Errorf("store: storing documents: %w", err)
		}
		ids[h] = id
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: storing documents: %w", err)
	}
	for _, i := range kept {
		e := batch[i]
		id, ok := ids[clean(e.Hash)]
		if !ok {
			continue // stored before
		}
		for j, q := range e.Doc.Quotes {
			qDoc, qIdx, qStart, qEnd = append(qDoc, id), append(qIdx, int64(j)), append(qStart, int64(q.Start)), append(qEnd, int64(q.End))
			qText, qFold = append(qText, clean(q.Text)), append(qFold, fold(q.Speaker))
			qSpeaker, qMention = append(qSpeaker, cleanPtr(q.Speaker)), append(qMention, cleanPtr(q.SpeakerMention))
			qCue, qChannel = append(qCue, cleanPtr(q.Cue)), append(qChannel, cleanPtr(q.Channel))
			qAnon, qBlock = append(qAnon, q.Anonymous), append(qBlock, q.Block)
		}
		for j, c := range e.Doc.Claims {
			cDoc, cIdx, cStart, cEnd = append(cDoc, id), append(cIdx, int64(j)), append(cStart, int64(c.Start)), append(cEnd, int64(c.End))
			cText, cSource, cCue = append(cText, clean(c.Text)), append(cSource, clean(c.Source)), append(cCue, clean(c.Cue))
		}
		for j, n := range e.Doc.Numbers {
			nDoc, nIdx, nStart, nEnd = append(nDoc, id), append(nIdx, int64(j)), append(nStart, int64(n.Start)), append(nEnd, int64(n.End))
			nText, nKind, nCounts = append(nText, clean(n.Text)), append(nKind, clean(n.Kind)), append(nCounts, clean(n.Counts))
			nValue, nHigh, nQual = append(nValue, n.Value), append(nHigh, n.ValueHigh), append(nQual, cleanPtr(n.Qualifier))
		}
	}
	if len(qDoc) > 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO quotes (document_id, idx, text, span_start, span_end, speaker, speaker_fold,
			speaker_mention, anonymous, cue, channel, block)
			SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[],
				$8::text[], $9::bool[], $10::text[], $11::text[], $12::bool[])`,
			qDoc, qIdx, qText, qStart, qEnd, qSpeaker, qFold, qMention, qAnon, qCue, qChannel, qBlock); err != nil {
			return fmt.Errorf("store: storing quotes: %w", err)
		}
	}
	if len(cDoc) > 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO claims (document_id, idx, text, source, cue, span_start, span_end)
			SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[])`,
			cDoc, cIdx, cText, cSource, cCue, cStart, cEnd); err != nil {
			return fmt.Errorf("store: storing claims: %w", err)
		}
	}
	if len(nDoc) > 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO numbers (document_id, idx, text, value, value_high, qualifier, kind, counts,
			span_start, span_end)
			SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::float8[], $5::float8[], $6::text[], $7::text[],
				$8::text[], $9::int[], $10::int[])`,
			nDoc, nIdx, nText, nValue, nHigh, nQual, nKind, nCounts, nStart, nEnd); err != nil {
			return fmt.Errorf("store: storing numbers: %w", err)
		}
	}
	return nil
}

// ptr turns the result of nullable back into a pointer for an array
// element.
func ptr(v any) *string {
	if s, ok := v.(string); ok {
		return &s
	}
	return nil
}
