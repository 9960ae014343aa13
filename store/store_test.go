package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/extract"
	"github.com/hearsaylab/hearsay/link"
	"github.com/hearsaylab/hearsay/link/provenance"
	"github.com/hearsaylab/hearsay/link/story"
	"github.com/hearsaylab/hearsay/read"
)

// TestMigrationsReopen: opening runs every migration once; re-opening (also
// twice at once) applies nothing and keeps the data.
func TestMigrationsReopen(t *testing.T) {
	ctx := context.Background()
	list, err := migrations(SQLite)
	if err != nil {
		t.Fatal(err)
	}
	pgList, err := migrations(Postgres)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(pgList) {
		t.Fatalf("%d SQLite migrations, %d PostgreSQL ones: the schemas must move together", len(list), len(pgList))
	}
	for i := range list {
		if list[i].version != pgList[i].version {
			t.Errorf("migration %d: SQLite %s, PostgreSQL %s", i, list[i].name, pgList[i].name)
		}
	}
	latest := list[len(list)-1].version
	forEachBackend(t, func(t *testing.T, b backend) {
		dsn := b.dsn(t)
		// Two processes opening a new database at once.
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s, err := Open(ctx, dsn)
				if err == nil {
					err = s.Close()
				}
				errs[i] = err
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatalf("concurrent Open: %v", err)
			}
		}
		s := openStore(t, dsn)
		if s.Backend() != b.name {
			t.Errorf("Backend() = %q, want %q", s.Backend(), b.name)
		}
		if err := s.PutDocuments(ctx, []Entry{entry(handDocs()[0])}); err != nil {
			t.Fatal(err)
		}
		s.Close()
		for i := 0; i < 2; i++ {
			s = openStore(t, dsn)
			v, err := s.SchemaVersion(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if v != latest {
				t.Errorf("schema version %d, want %d", v, latest)
			}
			var n int
			if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != len(list) {
				t.Errorf("schema_migrations has %d rows, want %d", n, len(list))
			}
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st.Documents != 1 || st.Quotes != 2 {
				t.Errorf("after re-open: %+v", st)
			}
			s.Close()
		}
	})
}

// TestSQLitePragmas: every connection has WAL, foreign keys, a busy
// timeout and synchronous=NORMAL.
func TestSQLitePragmas(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, backends(t)[0].dsn(t))
	conn, err := s.DB().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, c := range []struct {
		pragma string
		want   string
	}{
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"busy_timeout", "10000"},
		{"synchronous", "1"},
	} {
		var got string
		if err := conn.QueryRowContext(ctx, "PRAGMA "+c.pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("PRAGMA %s = %s, want %s", c.pragma, got, c.want)
		}
	}
}

// TestMemory: ":memory:" is a private database that works like a file.
func TestMemory(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, ":memory:")
	if err := s.PutDocuments(ctx, []Entry{entry(handDocs()[0])}); err != nil {
		t.Fatal(err)
	}
	hits, err := s.Search(ctx, ParseQuery("cracks"))
	if err != nil || len(hits) != 2 {
		t.Errorf("Search: %v, %v", keys(hits), err)
	}
	if err := s.EachQuote(ctx, func(QuoteRow) error { return nil }); err != nil {
		t.Error(err)
	}
}

// TestPutDocumentsIdempotent: storing the same batch again, or a batch
// with a hash twice, adds no rows.
func TestPutDocumentsIdempotent(t *testing.T) {
	ctx := context.Background()
	docs := handDocs()
	var batch []Entry
	for _, d := range docs {
		batch = append(batch, entry(d))
	}
	forEachBackend(t, func(t *testing.T, b backend) {
		s := openStore(t, b.dsn(t))
		if err := s.PutDocuments(ctx, nil); err != nil {
			t.Fatalf("empty batch: %v", err)
		}
		if err := s.PutDocuments(ctx, batch); err != nil {
			t.Fatal(err)
		}
		first, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := Stats{Documents: 3, Quotes: 5, Claims: 1, Numbers: 2}
		if first != want {
			t.Errorf("Stats = %+v, want %+v", first, want)
		}
		for _, again := range [][]Entry{batch, append(batch[1:], batch...), batch[:1]} {
			if err := s.PutDocuments(ctx, again); err != nil {
				t.Fatal(err)
			}
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st != first {
				t.Errorf("after storing again: %+v, want %+v", st, first)
			}
		}
		if err := s.PutDocuments(ctx, []Entry{{Doc: docs[0]}}); err == nil {
			t.Error("an entry without a hash was accepted")
		}
	})
}

// TestKnown returns the stored document, equal to the one stored.
func TestKnown(t *testing.T) {
	ctx := context.Background()
	docs := handDocs()
	hostile := docs[2]
	hostile.Doc = "hostile.txt"
	hostile.Body += "NUL \x00 byte, bad UTF-8 \xff\xfe, emoji 🙂."
	tests := []struct {
		name  string
		put   []article.Document
		look  article.Document
		known bool
	}{
		{"stored", docs, docs[1], true},
		{"not stored", docs[:1], docs[1], false},
		{"NUL and invalid UTF-8", []article.Document{hostile}, hostile, true},
	}
	forEachBackend(t, func(t *testing.T, b backend) {
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				s := openStore(t, b.dsn(t))
				var batch []Entry
				for _, d := range tc.put {
					batch = append(batch, entry(d))
				}
				if err := s.PutDocuments(ctx, batch); err != nil {
					t.Fatal(err)
				}
				got, ok, err := s.Known(ctx, entry(tc.look).Hash)
				if err != nil {
					t.Fatal(err)
				}
				if ok != tc.known {
					t.Fatalf("Known = %v, want %v", ok, tc.known)
				}
				if ok && !reflect.DeepEqual(jsonRoundTrip(t, got), jsonRoundTrip(t, tc.look)) {
					t.Errorf("Known returned a different document:\n got %+v\nwant %+v", got, tc.look)
				}
			})
		}
	})
}

// TestSourceHash: every field counts, and moving text between fields
// changes the hash.
func TestSourceHash(t *testing.T) {
	base := article.Source{Name: "a.txt", Title: "T", Outlet: "O", Date: "2026-01-01", URL: "u", Text: "body"}
	seen := map[string]string{SourceHash(base): "base"}
	variants := map[string]article.Source{
		"name":         {Name: "b.txt", Title: "T", Outlet: "O", Date: "2026-01-01", URL: "u", Text: "body"},
		"title":        {Name: "a.txt", Title: "U", Outlet: "O", Date: "2026-01-01", URL: "u", Text: "body"},
		"outlet":       {Name: "a.txt", Title: "T", Outlet: "P", Date: "2026-01-01", URL: "u", Text: "body"},
		"date":         {Name: "a.txt", Title: "T", Outlet: "O", Date: "2026-01-02", URL: "u", Text: "body"},
		"url":          {Name: "a.txt", Title: "T", Outlet: "O", Date: "2026-01-01", URL: "v", Text: "body"},
		"text":         {Name: "a.txt", Title: "T", Outlet: "O", Date: "2026-01-01", URL: "u", Text: "body."},
		"shifted":      {Name: "a.txtT", Title: "", Outlet: "O", Date: "2026-01-01", URL: "u", Text: "body"},
		"separator in": {Name: "a.txt\x00T", Outlet: "O", Date: "2026-01-01", URL: "u", Text: "body"},
	}
	for name, v := range variants {
		h := SourceHash(v)
		if len(h) != 64 {
			t.Errorf("%s: hash %q is not hex SHA-256", name, h)
		}
		if prev, ok := seen[h]; ok {
			t.Errorf("%s has the same hash as %s", name, prev)
		}
		seen[h] = name
	}
	same := base
	if SourceHash(same) != SourceHash(base) {
		t.Error("SourceHash is not deterministic")
	}
}

// jsonRoundTrip is v after encoding to JSON and decoding into a value of
// the same type.
func jsonRoundTrip[T any](t *testing.T, v T) T {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out T
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// examplesCorpus extracts /work/main/examples and analyses it as `hearsay
// analyze` does; it returns the documents as extracted (before Analyze)
// with their hashes, and the corpus.
func examplesCorpus(t *testing.T) ([]Entry, link.Corpus) {
	t.Helper()
	eng, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	var entries []Entry
	err = read.Walk(context.Background(), []string{"../examples"}, nil, func(src article.Source, err error) error {
		if err != nil {
			return err
		}
		entries = append(entries, Entry{Hash: SourceHash(src), Doc: eng.Document(src)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 5 {
		t.Fatalf("read %d example documents", len(entries))
	}
	docs := make([]article.Document, len(entries))
	for i, e := range entries {
		docs[i] = e.Doc
	}
	// Stories and copies computed here, so that the test does not depend
	// on how link's finders are configured.
	in := make([]story.Doc, len(docs))
	for i, d := range docs {
		in[i] = story.Doc{ID: d.Doc, Body: d.Body}
		if d.Title != nil {
			in[i].Title = *d.Title
		}
		if d.Date != nil {
			in[i].Date = *d.Date
		}
	}
	var stories []link.Story
	for _, s := range story.Cluster(in, story.DefaultParams()) {
		stories = append(stories, link.Story{Label: s.Label, Docs: s.Docs})
	}
	c := link.Analyze(docs, link.Options{Stories: link.FixedStories(stories)})
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			if sim := jaccard(docs[i].Body, docs[j].Body); sim >= 0.5 {
				c.Duplicates = append(c.Duplicates, link.Duplicate{Docs: []string{docs[i].Doc, docs[j].Doc}, Similarity: sim})
			}
		}
	}
	return entries, c
}

// jaccard is the Jaccard similarity of the word sets of a and b.
func jaccard(a, b string) float64 {
	set := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields(strings.ToLower(s)) {
			m[w] = true
		}
		return m
	}
	x, y := set(a), set(b)
	both := 0
	for w := range x {
		if y[w] {
			both++
		}
	}
	if len(x)+len(y)-both == 0 {
		return 0
	}
	return float64(both) / float64(len(x)+len(y)-both)
}

// handCorpus is a corpus built by hand, with null lists where Analyze
// never leaves them, to check that LoadCorpus restores null and empty.
func handCorpus() (link.Corpus, []string) {
	docs := handDocs()
	docs[2].Quotes = nil // stored as null, analysed as null
	q := "about"
	c := link.Corpus{
		Documents:  docs,
		Duplicates: nil,
		Stories:    []link.Story{{Label: "Kessel dam", Docs: []string{"01-wire.txt", "02-state.txt"}}, {Label: "empty", Docs: nil}},
		QuoteClusters: []link.QuoteCluster{{Label: "We warned them", Speaker: "Jane Doe",
			Members:       []link.QuoteMember{{Doc: "01-wire.txt", Quote: 0, Text: "We warned them about the cracks for years"}, {Doc: "02-state.txt", Quote: 1, Text: "We warned them about the cracks"}},
			PrimarySource: "Jane Doe", PrimarySourceID: "person:Jane Doe",
			Coverage: link.Coverage{CarriedBy: []string{"01-wire.txt", "02-state.txt"}, MissingFrom: []string{}}}},
		ClaimClusters: []link.ClaimCluster{},
		NumberConflicts: []link.NumberConflict{{Counts: "people missing", Severity: "hard",
			Members: []link.NumberMember{{Doc: "01-wire.txt", Number: 0, Text: "at least 97", Value: 97}, {Doc: "02-state.txt", Number: 0, Text: "about 120", Value: 120.5, Qualifier: &q}}}},
		Provenance: provenance.Graph{Nodes: []provenance.Node{{ID: "doc:01-wire.txt", Kind: "document"}, {ID: "person:Jane Doe", Kind: "person"}}},
	}
	hashes := make([]string, len(docs))
	for i, d := range docs {
		hashes[i] = entry(d).Hash
	}
	return c, hashes
}

// TestLoadCorpusRoundTrip: LoadCorpus returns what SaveAnalysis saved, the
// same JSON bytes and equal after a JSON round trip, on the examples
// corpus and on a hand-made one with null lists.
func TestLoadCorpusRoundTrip(t *testing.T) {
	ctx := context.Background()
	entries, examples := examplesCorpus(t)
	exampleHashes := make([]string, len(entries))
	for i, e := range entries {
		exampleHashes[i] = e.Hash
	}
	hand, handHashes := handCorpus()
	// The same documents stored with null lists where the analysis has
	// empty ones (as link.Analyze makes them): the analysed form is kept.
	var nullLists []Entry
	for i, d := range hand.Documents {
		d.Entities, d.CitedOutlets = nil, nil
		nullLists = append(nullLists, Entry{Hash: handHashes[i], Doc: d})
	}
	// Big enough to be written and read in several chunks.
	big := synthEntries(0, lookupChunk+200)
	bigCorpus := link.Corpus{Duplicates: []link.Duplicate{}, Stories: []link.Story{}, QuoteClusters: []link.QuoteCluster{},
		ClaimClusters: []link.ClaimCluster{}, NumberConflicts: []link.NumberConflict{}}
	bigHashes := make([]string, len(big))
	for i, e := range big {
		bigCorpus.Documents = append(bigCorpus.Documents, e.Doc)
		bigHashes[i] = e.Hash
		for j := 0; j < 5; j++ {
			bigCorpus.Provenance.Edges = append(bigCorpus.Provenance.Edges,
				provenance.Edge{From: "doc:" + e.Doc.Doc, To: fmt.Sprintf("person:P%d", j), Via: "said"})
		}
		bigCorpus.Provenance.Nodes = append(bigCorpus.Provenance.Nodes, provenance.Node{ID: "doc:" + e.Doc.Doc, Kind: "document"})
	}
	tests := []struct {
		name   string
		put    []Entry // stored before SaveAnalysis
		corpus link.Corpus
		hashes []string
		// overrides is how many analysed documents differ from the
		// stored ones; -1: not checked.
		overrides int
	}{
		{"examples", entries, examples, exampleHashes, -1},
		{"examples, documents not stored before", nil, examples, exampleHashes, 0},
		{"hand-made with nulls", nil, hand, handHashes, 0},
		{"stored with null lists, analysed with empty ones", nullLists, hand, handHashes, len(hand.Documents)},
		{"big", big[:len(big)/2], bigCorpus, bigHashes, 0},
		{"empty", nil, link.Analyze(nil, link.Options{}), []string{}, 0},
	}
	if len(examples.QuoteClusters) == 0 || len(examples.Stories) == 0 || len(examples.Provenance.Edges) == 0 || len(examples.Duplicates) == 0 {
		t.Fatalf("the examples corpus is too thin for the test: %d quote clusters, %d stories, %d edges, %d duplicates",
			len(examples.QuoteClusters), len(examples.Stories), len(examples.Provenance.Edges), len(examples.Duplicates))
	}
	forEachBackend(t, func(t *testing.T, b backend) {
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				s := openStore(t, b.dsn(t))
				empty, err := s.LoadCorpus(ctx)
				if err != nil {
					t.Fatalf("LoadCorpus before any analysis: %v", err)
				}
				if !reflect.DeepEqual(empty, link.Analyze(nil, link.Options{})) {
					t.Errorf("LoadCorpus before any analysis = %+v, want the empty corpus", empty)
				}
				if err := s.PutDocuments(ctx, tc.put); err != nil {
					t.Fatal(err)
				}
				if err := s.SaveAnalysis(ctx, tc.corpus, tc.hashes); err != nil {
					t.Fatal(err)
				}
				if tc.overrides >= 0 {
					var n int
					if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM analysis_docs WHERE doc_override IS NOT NULL`).Scan(&n); err != nil {
						t.Fatal(err)
					}
					if n != tc.overrides {
						t.Errorf("%d analysed documents kept apart from the stored ones, want %d", n, tc.overrides)
					}
				}
				got, err := s.LoadCorpus(ctx)
				if err != nil {
					t.Fatal(err)
				}
				var want, have bytes.Buffer
				if err := tc.corpus.WriteJSON(&want); err != nil {
					t.Fatal(err)
				}
				if err := got.WriteJSON(&have); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(want.Bytes(), have.Bytes()) {
					t.Errorf("LoadCorpus JSON differs:\n got %.2000s\nwant %.2000s", have.String(), want.String())
				}
				if !reflect.DeepEqual(jsonRoundTrip(t, got), jsonRoundTrip(t, tc.corpus)) {
					t.Error("LoadCorpus differs after a JSON round trip")
				}
				if !reflect.DeepEqual(got, tc.corpus) {
					t.Error("LoadCorpus differs (reflect.DeepEqual)")
				}
			})
		}
	})
}

// TestSaveAnalysisTwice: saving the same analysis again leaves the same
// rows; saving another replaces it.
func TestSaveAnalysisTwice(t *testing.T) {
	ctx := context.Background()
	entries, examples := examplesCorpus(t)
	hashes := make([]string, len(entries))
	for i, e := range entries {
		hashes[i] = e.Hash
	}
	forEachBackend(t, func(t *testing.T, b backend) {
		s := openStore(t, b.dsn(t))
		if err := s.PutDocuments(ctx, entries); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveAnalysis(ctx, examples, hashes); err != nil {
			t.Fatal(err)
		}
		first, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if first.AnalysisDocs != len(entries) || first.QuoteClusters != len(examples.QuoteClusters) ||
			first.ProvenanceEdges != len(examples.Provenance.Edges) || first.Stories != len(examples.Stories) {
			t.Errorf("Stats after SaveAnalysis: %+v", first)
		}
		if err := s.SaveAnalysis(ctx, examples, hashes); err != nil {
			t.Fatal(err)
		}
		second, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if second != first {
			t.Errorf("saving twice: %+v, want %+v", second, first)
		}
		// A smaller analysis replaces the bigger one; documents stay.
		sub := link.Analyze([]article.Document{entries[0].Doc, entries[1].Doc}, link.Options{})
		if err := s.SaveAnalysis(ctx, sub, hashes[:2]); err != nil {
			t.Fatal(err)
		}
		third, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if third.AnalysisDocs != 2 || third.Documents != first.Documents || third.Stories != 0 {
			t.Errorf("after replacing the analysis: %+v", third)
		}
		got, err := s.LoadCorpus(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, sub) {
			t.Error("LoadCorpus does not return the latest analysis")
		}
		if err := s.SaveAnalysis(ctx, sub, hashes); err == nil {
			t.Error("SaveAnalysis accepted more hashes than documents")
		}
		// A failure half-way (a document that cannot be encoded, after the
		// old analysis was cleared) leaves the previous analysis.
		bad := link.Analyze([]article.Document{entries[0].Doc, entries[1].Doc}, link.Options{})
		bad.Documents[1].Numbers = append(bad.Documents[1].Numbers, article.Number{Value: math.NaN()})
		if err := s.SaveAnalysis(ctx, bad, []string{hashes[0], "not-stored"}); err == nil {
			t.Error("SaveAnalysis accepted a NaN")
		}
		got, err = s.LoadCorpus(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, sub) {
			t.Error("a failed SaveAnalysis changed the stored analysis")
		}
		if st, err := s.Stats(ctx); err != nil || st != third {
			t.Errorf("after a failed SaveAnalysis: %+v, want %+v (%v)", st, third, err)
		}
	})
}

// TestEachRows: the iterators list every row with its document's name and
// outlet, in document order.
func TestEachRows(t *testing.T) {
	ctx := context.Background()
	docs := handDocs()
	var batch []Entry
	for _, d := range docs {
		batch = append(batch, entry(d))
	}
	forEachBackend(t, func(t *testing.T, b backend) {
		s := openStore(t, b.dsn(t))
		if err := s.PutDocuments(ctx, batch); err != nil {
			t.Fatal(err)
		}
		var drows []DocumentRow
		if err := s.EachDocument(ctx, func(r DocumentRow) error { drows = append(drows, r); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(drows) != 3 || drows[0].Doc != "01-wire.txt" || drows[0].Outlet != "Reuters" || drows[0].Quotes != 2 ||
			drows[0].Numbers != 1 || drows[0].Claims != 1 || drows[0].AddedAt == "" || drows[0].Hash != batch[0].Hash {
			t.Errorf("EachDocument: %+v", drows)
		}
		var quotes []QuoteRow
		if err := s.EachQuote(ctx, func(r QuoteRow) error { quotes = append(quotes, r); return nil }); err != nil {
			t.Fatal(err)
		}
		wantQ := QuoteRow{Doc: "01-wire.txt", Outlet: "Reuters", Date: "2026-03-03", Index: 1, Text: "The situation is under control",
			Start: docs[0].Quotes[1].Start, End: docs[0].Quotes[1].End, Speaker: "a senior ministry official",
			SpeakerMention: "a senior ministry official", Anonymous: true, Cue: "told", Channel: "Reuters"}
		if len(quotes) != 5 || quotes[1] != wantQ || quotes[4].Doc != "03-opinion.txt" {
			t.Errorf("EachQuote: %+v", quotes)
		}
		var claims []ClaimRow
		if err := s.EachClaim(ctx, func(r ClaimRow) error { claims = append(claims, r); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(claims) != 1 || claims[0].Source != "The Daily Courier" || claims[0].Text != "inspectors had flagged the spillway" {
			t.Errorf("EachClaim: %+v", claims)
		}
		var numbers []NumberRow
		if err := s.EachNumber(ctx, func(r NumberRow) error { numbers = append(numbers, r); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(numbers) != 2 || numbers[1].Value != 120 || numbers[1].Qualifier != "about" || numbers[1].Counts != "people missing" ||
			numbers[1].Outlet != "State TV" || numbers[1].ValueHigh != nil {
			t.Errorf("EachNumber: %+v", numbers)
		}
		stop := errors.New("stop")
		n := 0
		err := s.EachQuote(ctx, func(QuoteRow) error { n++; return stop })
		if !errors.Is(err, stop) || n != 1 {
			t.Errorf("EachQuote with fn failing: err %v after %d calls", err, n)
		}
	})
}

// TestAnalysisVersion: the version is empty before any analysis and
// changes each time one is saved.
func TestAnalysisVersion(t *testing.T) {
	ctx := context.Background()
	entries, examples := examplesCorpus(t)
	hashes := make([]string, len(entries))
	for i, e := range entries {
		hashes[i] = e.Hash
	}
	forEachBackend(t, func(t *testing.T, b backend) {
		s := openStore(t, b.dsn(t))
		if v, err := s.AnalysisVersion(ctx); err != nil || v != "" {
			t.Fatalf("before any analysis: %q, %v; want empty", v, err)
		}
		if err := s.PutDocuments(ctx, entries); err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for range 3 {
			time.Sleep(5 * time.Millisecond) // the version carries the time of saving
			if err := s.SaveAnalysis(ctx, examples, hashes); err != nil {
				t.Fatal(err)
			}
			v, err := s.AnalysisVersion(ctx)
			if err != nil || v == "" || seen[v] {
				t.Fatalf("after a save: %q, %v; want a new version", v, err)
			}
			seen[v] = true
		}
	})
}
