package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/hearsaylab/hearsay/link"
)

// Corpus writes a story summary of a corpus for a person: stories, copies,
// quotations carried by several outlets with each rendering, conflicting
// numbers, and primary sources.
func Corpus(w io.Writer, c link.Corpus, st Style) error {
	ew := &errWriter{w: w}
	outlet := map[string]string{}
	for _, d := range c.Documents {
		if d.Outlet != nil {
			outlet[d.Doc] = *d.Outlet
		}
	}
	name := func(doc string) string {
		if o := outlet[doc]; o != "" {
			return o + " (" + doc + ")"
		}
		return doc
	}
	ew.printf("%s\n\n", st.paint("1", fmt.Sprintf("%d documents, %d stories", len(c.Documents), len(c.Stories))))
	for i, s := range c.Stories {
		ew.printf("%s %s\n", st.paint("1;34", fmt.Sprintf("Story %d:", i+1)), s.Label)
		for _, d := range s.Docs {
			ew.printf("  %s\n", name(d))
		}
	}
	if len(c.Duplicates) > 0 {
		ew.printf("\n%s\n", st.paint("1;34", "Near-duplicate copies"))
		for _, d := range c.Duplicates {
			ew.printf("  %.2f  %s\n", d.Similarity, strings.Join(d.Docs, "  ≈  "))
		}
	}
	if len(c.QuoteClusters) > 0 {
		ew.printf("\n%s\n", st.paint("1;34", "The same quotation in several outlets"))
		for _, q := range c.QuoteClusters {
			ew.printf("  %s %s\n", st.paint("1;36", q.Speaker+":"), clip(q.Label, 100))
			for _, m := range q.Members {
				ew.printf("    %-40s “%s”\n", clip(name(m.Doc), 40), clip(oneLine(m.Text), 140))
			}
		}
	}
	if len(c.ClaimClusters) > 0 {
		ew.printf("\n%s\n", st.paint("1;34", "The same claim in several outlets"))
		for _, cl := range c.ClaimClusters {
			ew.printf("  %s\n", clip(cl.Label, 120))
			for _, m := range cl.Members {
				ew.printf("    %-40s %s\n", clip(name(m.Doc), 40), clip(oneLine(m.Text), 140))
			}
		}
	}
	if len(c.NumberConflicts) > 0 {
		ew.printf("\n%s\n", st.paint("1;34", "Numbers that disagree"))
		for _, n := range c.NumberConflicts {
			ew.printf("  %s\n", st.paint("33", n.Counts))
			for _, m := range n.Members {
				ew.printf("    %-40s %s\n", clip(name(m.Doc), 40), m.Text)
			}
		}
	}
	ew.printf("\n")
	return ew.err
}
