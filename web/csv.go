package web

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/link"
)

func validCSV(kind string) bool {
	return kind == "quotes" || kind == "claims" || kind == "numbers"
}

// safeCell keeps a spreadsheet from reading article text as a formula: a
// cell that starts with = + - @ (or a tab or carriage return) gets a
// leading apostrophe.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// WriteCSV writes the quotations, claims or numbers (kind "quotes",
// "claims", "numbers") of every document as CSV with a header row. Text
// cells are guarded against formula injection; offsets are byte offsets
// into the document's body.
func WriteCSV(w io.Writer, c link.Corpus, kind string) error {
	cw := csv.NewWriter(w)
	meta := func(d article.Document) []string {
		return []string{safeCell(d.Doc), safeCell(str(d.Outlet)), safeCell(str(d.Date))}
	}
	itoa := strconv.Itoa
	var err error
	write := func(rec []string) {
		if err == nil {
			err = cw.Write(rec)
		}
	}
	switch kind {
	case "quotes":
		write([]string{"doc", "outlet", "date", "quote", "start", "end", "text", "speaker", "speaker_mention", "anonymous", "cue", "channel", "block"})
		for _, d := range c.Documents {
			for i, q := range d.Quotes {
				write(append(meta(d), itoa(i), itoa(q.Start), itoa(q.End), safeCell(q.Text), safeCell(str(q.Speaker)), safeCell(str(q.SpeakerMention)),
					strconv.FormatBool(q.Anonymous), safeCell(str(q.Cue)), safeCell(str(q.Channel)), strconv.FormatBool(q.Block)))
			}
		}
	case "claims":
		write([]string{"doc", "outlet", "date", "claim", "start", "end", "text", "source", "cue"})
		for _, d := range c.Documents {
			for i, cl := range d.Claims {
				write(append(meta(d), itoa(i), itoa(cl.Start), itoa(cl.End), safeCell(cl.Text), safeCell(cl.Source), safeCell(cl.Cue)))
			}
		}
	case "numbers":
		write([]string{"doc", "outlet", "date", "number", "start", "end", "text", "value", "value_high", "qualifier", "kind", "counts"})
		for _, d := range c.Documents {
			for i, n := range d.Numbers {
				high := ""
				if n.ValueHigh != nil {
					high = strconv.FormatFloat(*n.ValueHigh, 'f', -1, 64)
				}
				write(append(meta(d), itoa(i), itoa(n.Start), itoa(n.End), safeCell(n.Text), strconv.FormatFloat(n.Value, 'f', -1, 64), high,
					safeCell(str(n.Qualifier)), safeCell(n.Kind), safeCell(n.Counts)))
			}
		}
	default:
		return fmt.Errorf("web: no CSV export of %q", kind)
	}
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}
