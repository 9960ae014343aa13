package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"math"
	mrand "math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/article"
)

// Environment variables of the PostgreSQL tests: a DSN of a database the
// tests may create schemas in (.ci/postgres.sh prints one), and whether a
// missing DSN fails the tests instead of skipping the PostgreSQL half.
const (
	envPostgres        = "HEARSAY_TEST_POSTGRES"
	envRequirePostgres = "HEARSAY_REQUIRE_POSTGRES"
)

// backend is one database the tests run against; dsn returns the DSN of a
// fresh, empty database (a file in t.TempDir(), or a schema of its own).
type backend struct {
	name string
	dsn  func(tb testing.TB) string
}

// backends returns SQLite, and PostgreSQL when HEARSAY_TEST_POSTGRES is
// set; with HEARSAY_REQUIRE_POSTGRES=1 a missing DSN is a failure.
func backends(tb testing.TB) []backend {
	out := []backend{{SQLite, func(tb testing.TB) string {
		return filepath.Join(tb.TempDir(), "hearsay.db")
	}}}
	base := os.Getenv(envPostgres)
	if base == "" {
		if os.Getenv(envRequirePostgres) == "1" {
			tb.Fatalf("%s=1 but %s is not set (run .ci/postgres.sh)", envRequirePostgres, envPostgres)
		}
		tb.Logf("%s not set: PostgreSQL not tested", envPostgres)
		return out
	}
	return append(out, backend{Postgres, func(tb testing.TB) string { return freshSchema(tb, base) }})
}

var nonWord = regexp.MustCompile(`[^a-z0-9]+`)

// freshSchema creates a schema of its own for the test in the database of
// base, drops it when the test ends, and returns base with its search_path
// set to it.
func freshSchema(tb testing.TB, base string) string {
	tb.Helper()
	var rnd [4]byte
	rand.Read(rnd[:])
	name := nonWord.ReplaceAllString(strings.ToLower(tb.Name()), "_")
	if len(name) > 40 {
		name = name[:40]
	}
	schema := "t_" + name + "_" + hex.EncodeToString(rnd[:])
	admin, err := sql.Open("pgx", base)
	if err != nil {
		tb.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		tb.Fatalf("creating schema for the test: %v", err)
	}
	tb.Cleanup(func() {
		admin, err := sql.Open("pgx", base)
		if err != nil {
			tb.Error(err)
			return
		}
		defer admin.Close()
		if _, err := admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			tb.Errorf("dropping the test's schema: %v", err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// forEachBackend runs fn as a subtest per back-end.
func forEachBackend(t *testing.T, fn func(t *testing.T, b backend)) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) { fn(t, b) })
	}
}

// openStore opens dsn and closes it when the test ends.
func openStore(tb testing.TB, dsn string) *Store {
	tb.Helper()
	s, err := Open(context.Background(), dsn)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// docBuilder writes a body and records the spans of what it writes.
type docBuilder struct {
	b strings.Builder
	d article.Document
}

func (db *docBuilder) text(s string) { db.b.WriteString(s) }

// quote writes a quotation in marks, attributed.
func (db *docBuilder) quote(text, speaker string, anonymous bool, cue, channel string) {
	db.b.WriteString("\u201c")
	start := db.b.Len()
	db.b.WriteString(text)
	end := db.b.Len()
	db.b.WriteString("\u201d " + cue + " " + speaker + ". ")
	db.d.Quotes = append(db.d.Quotes, article.Quote{Text: text, Start: start, End: end, Speaker: article.Str(speaker),
		SpeakerMention: article.Str(speaker), Anonymous: anonymous, Cue: article.Str(cue), Channel: article.Str(channel)})
	if anonymous {
		db.d.AnonymousSources = append(db.d.AnonymousSources, speaker)
	}
}

// claim writes a reported claim.
func (db *docBuilder) claim(source, cue, text string) {
	db.b.WriteString(source + " " + cue + " that ")
	start := db.b.Len()
	db.b.WriteString(text)
	end := db.b.Len()
	db.b.WriteString(". ")
	db.d.Claims = append(db.d.Claims, article.Claim{Text: text, Source: source, Cue: cue, Start: start, End: end})
}

// number writes a number and what it counts.
func (db *docBuilder) number(qualifier string, value float64, counts string) {
	text := fmt.Sprint(value)
	if qualifier != "" {
		text = qualifier + " " + text
	}
	start := db.b.Len()
	db.b.WriteString(text)
	end := db.b.Len()
	db.b.WriteString(" " + counts + ". ")
	db.d.Numbers = append(db.d.Numbers, article.Number{Text: text, Value: value, Qualifier: article.Str(qualifier),
		Kind: "count", Counts: counts, Start: start, End: end})
}

// doc finishes the document.
func (db *docBuilder) doc(name, title, outlet, date string) article.Document {
	d := db.d
	d.Doc, d.Title, d.Outlet, d.Date = name, article.Str(title), article.Str(outlet), article.Str(date)
	d.Body = db.b.String()
	d.Entities = []article.Entity{}
	d.CitedOutlets = []string{}
	if d.AnonymousSources == nil {
		d.AnonymousSources = []string{}
	}
	if d.Quotes == nil {
		d.Quotes = []article.Quote{}
	}
	if d.Claims == nil {
		d.Claims = []article.Claim{}
	}
	if d.Numbers == nil {
		d.Numbers = []article.Number{}
	}
	d.Framing.Terms = []article.Term{}
	return d
}

// entry is a document with a hash made from its name and body.
func entry(d article.Document) Entry {
	src := article.Source{Name: d.Doc, Text: d.Body}
	if d.Title != nil {
		src.Title = *d.Title
	}
	if d.Outlet != nil {
		src.Outlet = *d.Outlet
	}
	return Entry{Hash: SourceHash(src), Doc: d}
}

// handDocs is a small invented corpus with known quotes, claims and numbers.
func handDocs() []article.Document {
	var a docBuilder
	a.text("The Kessel dam collapsed on Tuesday night, flooding the valley. ")
	a.quote("We warned them about the cracks for years", "Jane Doe", false, "said", "")
	a.number("at least", 97, "people missing")
	a.claim("The Daily Courier", "reported", "inspectors had flagged the spillway")
	a.quote("The situation is under control", "a senior ministry official", true, "told", "Reuters")
	var b docBuilder
	b.text("Rescue teams searched the flooded villages below the Kessel reservoir. ")
	b.quote("Nobody could have predicted this", "John Smith", false, "insisted", "")
	b.number("about", 120, "people missing")
	b.quote("We warned them about the cracks", "Jane Doe", false, "told", "State TV")
	var c docBuilder
	c.text("Opinion: the collapse was a failure of oversight, not of nature. Parentheses (like these) and \"quotes\" and NEAR words appear here. ")
	c.quote("Someone must answer for this", "an engineer who asked not to be named", true, "said", "")
	return []article.Document{
		a.doc("01-wire.txt", "Dam collapses in Kessel valley", "Reuters", "2026-03-03"),
		b.doc("02-state.txt", "Rescue under way after dam failure", "State TV", "2026-03-04"),
		c.doc("03-opinion.txt", "Who failed the Kessel dam?", "The Opinion Daily", "2026-03-05"),
	}
}

// vocabulary for synthetic bodies.
var vocabulary = strings.Fields(`the a of to in and said government minister officials people city river
dam flood rescue teams water damage report according president police village region emergency
investigation engineers warned collapse infrastructure spokesman statement residents hospital
evacuated damaged bridge roads electricity repair weeks months years thousands hundreds national
international agency news press conference parliament opposition party budget funds inspection`)

// synthDoc is a realistic-sized document (a body of about 3 KB with four
// quotations, two claims and five numbers), different for every n.
func synthDoc(n int, r *mrand.Rand) article.Document {
	var db docBuilder
	words := func(k int) {
		for i := 0; i < k; i++ {
			if i > 0 {
				db.text(" ")
			}
			db.text(vocabulary[r.IntN(len(vocabulary))])
		}
		db.text(". ")
	}
	db.text(fmt.Sprintf("Story %d. ", n))
	for p := 0; p < 5; p++ {
		words(62)
		db.quote(fmt.Sprintf("quote %d-%d says that the %s %s %s", n, p, vocabulary[r.IntN(len(vocabulary))],
			vocabulary[r.IntN(len(vocabulary))], vocabulary[r.IntN(len(vocabulary))]),
			[]string{"Jane Doe", "John Smith", "a senior official", "Maria Rossi"}[r.IntN(4)], p == 2, "said", "")
		if p < 2 {
			db.claim("The Courier", "reported", fmt.Sprintf("claim %d-%d was made", n, p))
		}
		db.number("at least", math.Round(r.Float64()*1000), "people")
		db.text("\n\n")
	}
	outlets := []string{"Reuters", "State TV", "The Opinion Daily", "Associated Press"}
	return db.doc(fmt.Sprintf("synth-%07d.txt", n), fmt.Sprintf("Synthetic story %d", n), outlets[n%len(outlets)], "2026-03-03")
}

// synthEntries returns count synthetic entries numbered from first.
func synthEntries(first, count int) []Entry {
	r := mrand.New(mrand.NewPCG(uint64(first), 7))
	out := make([]Entry, count)
	for i := range out {
		out[i] = entry(synthDoc(first+i, r))
	}
	return out
}
