package pipeline

import (
	"cmp"
	"encoding/json"
	"fmt"

	"github.com/hearsaylab/hearsay/article"
)

// The records below travel between workers. They hold only numbers,
// strings and byte slices, so Beam's default coders encode them; documents
// and clusters travel as their JSON, which is also what is written at the
// end.

// input is one input argument and its place among them.
type input struct {
	Arg  int
	Path string
}

// srcRec is one article read: an article.Source and its place in input
// order.
type srcRec struct {
	Pos                                  int64
	Name, Title, Outlet, Date, URL, Text string
}

// docRec is one extracted document: its place in input order, its name and
// its JSON (an article.Document with empty rather than null lists).
type docRec struct {
	Pos  int64
	Name string
	JSON []byte
}

// sigRec is a document's MinHash signature.
type sigRec struct {
	Pos int64
	Sig []uint32
}

// storyIn is what story clustering reads of a document.
type storyIn struct {
	Pos                   int64
	ID, Title, Date, Body string
}

// rank is the place where an outlet name is first named: the document's
// place in input order and the name's place among those the document names.
type rank struct {
	Pos int64
	K   int
}

// Kinds of partRec.
const (
	partStart   = iota // an empty part, so that the writer runs on an empty corpus
	partPair           // a near-duplicate pair: A, B, Sim
	partStories        // the stories: Data is a JSON array of link.Story
	partGroup          // the clusters of story Story: Data is a groupOut
	partGraph          // a provenance node or edge: Data is a graph item
)

// partRec is one part of the output other than the documents.
type partRec struct {
	Kind  int
	A, B  int64
	Sim   float64
	Story int
	Data  []byte
}

// groupOut holds the clusters of one story as JSON arrays.
type groupOut struct {
	Quotes    json.RawMessage `json:"q"`
	Claims    json.RawMessage `json:"c"`
	Conflicts json.RawMessage `json:"n"`
}

// position returns the place of the seq-th article of input argument arg in
// input order.
func position(arg, seq int) int64 { return int64(arg)<<32 | int64(seq) }

// compare orders ranks: by document, then within the document.
func (r rank) compare(o rank) int { return cmp.Or(cmp.Compare(r.Pos, o.Pos), cmp.Compare(r.K, o.K)) }

// firstRank returns the earlier of two ranks: combined per outlet name, the
// place where the corpus first names it.
func firstRank(a, b rank) rank {
	if b.compare(a) < 0 {
		return b
	}
	return a
}

// decode returns the document of r.
func (r docRec) decode() (article.Document, error) {
	var d article.Document
	if err := json.Unmarshal(r.JSON, &d); err != nil {
		return d, fmt.Errorf("decoding document %s: %w", r.Name, err)
	}
	return d, nil
}
