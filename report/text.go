// Package report renders hearsay's results for a person: a plain-text
// digest of each document (quotations grouped by speaker with cue and channel,
// claims, numbers, sources, framing) for the terminal.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/hearsaylab/hearsay/article"
)

// Style says how to decorate text output.
type Style struct {
	Color bool // ANSI colour; only for a terminal, never with NO_COLOR set
	Width int  // wrap quotations at this many columns (0: 100)
}

func (s Style) paint(code, text string) string {
	if !s.Color {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

// Text writes the digest of one document.
func Text(w io.Writer, d article.Document, st Style) error {
	ew := &errWriter{w: w}
	title := d.Doc
	if d.Title != nil {
		title = *d.Title + "  (" + d.Doc + ")"
	}
	ew.printf("%s\n", st.paint("1", title))
	var meta []string
	for _, kv := range [][2]*string{{str("outlet"), d.Outlet}, {str("date"), d.Date}, {str("url"), d.URL}} {
		if kv[1] != nil {
			meta = append(meta, *kv[0]+": "+*kv[1])
		}
	}
	if len(meta) > 0 {
		ew.printf("%s\n", st.paint("2", strings.Join(meta, "  ")))
	}
	ew.printf("\n")
	writeQuotes(ew, d, st)
	if len(d.Claims) > 0 {
		ew.printf("%s\n", st.paint("1;34", fmt.Sprintf("Reported claims (%d)", len(d.Claims))))
		for _, c := range d.Claims {
			ew.printf("  %s %s: %s\n", st.paint("36", c.Source), st.paint("2", c.Cue), clip(c.Text, 160))
		}
		ew.printf("\n")
	}
	if len(d.Numbers) > 0 {
		ew.printf("%s\n", st.paint("1;34", fmt.Sprintf("Numbers (%d)", len(d.Numbers))))
		for _, n := range d.Numbers {
			counts := n.Counts
			if counts == "" {
				counts = "?"
			}
			ew.printf("  %-22s %s\n", st.paint("33", n.Text), counts)
		}
		ew.printf("\n")
	}
	if len(d.AnonymousSources) > 0 || len(d.CitedOutlets) > 0 {
		ew.printf("%s\n", st.paint("1;34", "Sources"))
		if len(d.CitedOutlets) > 0 {
			ew.printf("  cited outlets: %s\n", strings.Join(d.CitedOutlets, ", "))
		}
		for _, a := range d.AnonymousSources {
			ew.printf("  anonymous: %s\n", st.paint("35", a))
		}
		ew.printf("\n")
	}
	writeFraming(ew, d.Framing, st)
	ew.printf("\n")
	return ew.err
}

func str(s string) *string { return &s }

func writeQuotes(ew *errWriter, d article.Document, st Style) {
	if len(d.Quotes) == 0 {
		return
	}
	ew.printf("%s\n", st.paint("1;34", fmt.Sprintf("Quotations (%d)", len(d.Quotes))))
	type group struct {
		speaker string
		anon    bool
		quotes  []article.Quote
	}
	var groups []*group
	idx := map[string]*group{}
	for _, q := range d.Quotes {
		sp := "(unattributed)"
		if q.Speaker != nil {
			sp = *q.Speaker
		}
		g := idx[sp]
		if g == nil {
			g = &group{speaker: sp, anon: q.Anonymous}
			idx[sp] = g
			groups = append(groups, g)
		}
		g.quotes = append(g.quotes, q)
	}
	sort.SliceStable(groups, func(i, j int) bool { return len(groups[i].quotes) > len(groups[j].quotes) })
	for _, g := range groups {
		label := g.speaker
		if g.anon {
			label += " [anonymous]"
		}
		ew.printf("  %s\n", st.paint("1;36", label))
		for _, q := range g.quotes {
			var how []string
			if q.Cue != nil {
				how = append(how, *q.Cue)
			}
			if q.Channel != nil {
				how = append(how, "via "+*q.Channel)
			}
			if q.Block {
				how = append(how, "block")
			}
			if q.SpeakerMention != nil && *q.SpeakerMention != g.speaker {
				how = append(how, "as “"+*q.SpeakerMention+"”")
			}
			ew.printf("    “%s”", clip(oneLine(q.Text), 220))
			if len(how) > 0 {
				ew.printf(" %s", st.paint("2", "("+strings.Join(how, ", ")+")"))
			}
			ew.printf("\n")
		}
	}
	ew.printf("\n")
}

func writeFraming(ew *errWriter, f article.Framing, st Style) {
	ew.printf("%s\n", st.paint("1;34", "Framing"))
	if len(f.Terms) > 0 {
		var parts []string
		for _, t := range f.Terms {
			parts = append(parts, fmt.Sprintf("%s ×%d [%s]", t.Term, t.Count, t.Family))
		}
		ew.printf("  terms: %s\n", strings.Join(parts, "; "))
	}
	ew.printf("  hedges: %d   anonymous share of quotes: %.0f%%\n", f.Hedges, f.AnonymousShare*100)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err != nil {
		return
	}
	_, e.err = fmt.Fprintf(e.w, format, args...)
}
