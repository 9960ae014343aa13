package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/article"
)

// TestLongDocument: a book-length text with a cue in every paragraph
// ("said the ferryman", "he said") is attributed in time linear in its
// length. Resolving a role noun or a pronoun used to rescan every mention
// from the start of the document, which did not finish on 800 KB.
func TestLongDocument(t *testing.T) {
	eng, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i := 0; b.Len() < 800_000; i++ {
		fmt.Fprintf(&b, "Chapter %d. Mara Lind met the ferryman at the pier. “The river rose again,” said the ferryman, “and nobody listened.” “He said so,” she said.\n\n", i)
	}
	doc := eng.Document(article.Source{Name: "book.txt", Text: b.String()})
	if len(doc.Quotes) < 10_000 {
		t.Fatalf("%d quotes, want one per quotation (over 10,000)", len(doc.Quotes))
	}
	q := doc.Quotes[len(doc.Quotes)-1]
	if q.Speaker == nil || *q.Speaker != "Mara Lind" {
		t.Errorf("last quote's speaker = %v, want Mara Lind (she, the last woman named)", q.Speaker)
	}
}
