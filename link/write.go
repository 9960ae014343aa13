package link

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"reflect"

	"github.com/hearsaylab/hearsay/article"
)

// WriteJSON writes the corpus as one JSON object followed by a newline, the
// same bytes as json.NewEncoder(w).Encode(c), but element by element, so
// that memory does not grow with the size of the output (a corpus of a
// million articles makes gigabytes of JSON).
func (c Corpus) WriteJSON(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(`{"documents":`)
	if c.Documents == nil {
		bw.WriteString("null")
	} else if err := writeDocs(bw, len(c.Documents), func(i int) (*article.Document, error) { return &c.Documents[i], nil }); err != nil {
		return fmt.Errorf("writing documents: %w", err)
	}
	fields := []struct {
		name string
		list any
	}{
		{"duplicates", c.Duplicates},
		{"stories", c.Stories},
		{"quote_clusters", c.QuoteClusters},
		{"claim_clusters", c.ClaimClusters},
		{"number_conflicts", c.NumberConflicts},
	}
	for _, f := range fields {
		fmt.Fprintf(bw, ",%q:", f.name)
		if err := writeList(bw, f.list); err != nil {
			return fmt.Errorf("writing %s: %w", f.name, err)
		}
	}
	bw.WriteString(`,"provenance":`)
	b, err := json.Marshal(c.Provenance)
	if err != nil {
		return fmt.Errorf("writing provenance: %w", err)
	}
	bw.Write(b)
	bw.WriteString("}\n")
	return bw.Flush()
}

// writeDocs writes n documents as a JSON array, document i from doc(i).
func writeDocs(w *bufio.Writer, n int, doc func(i int) (*article.Document, error)) error {
	var js []byte
	w.WriteByte('[')
	for i := range n {
		if i > 0 {
			w.WriteByte(',')
		}
		d, err := doc(i)
		if err != nil {
			return err
		}
		if js, err = d.AppendJSON(js[:0]); err != nil {
			return fmt.Errorf("document %d: %w", i, err)
		}
		if _, err := w.Write(js); err != nil {
			return err
		}
	}
	return w.WriteByte(']')
}

// writeList writes a slice as a JSON array, one element at a time; a nil
// slice is written as null, as encoding/json does.
func writeList(w *bufio.Writer, list any) error {
	v := reflect.ValueOf(list)
	if v.IsNil() {
		_, err := w.WriteString("null")
		return err
	}
	w.WriteByte('[')
	for i := 0; i < v.Len(); i++ {
		if i > 0 {
			w.WriteByte(',')
		}
		b, err := json.Marshal(v.Index(i).Interface())
		if err != nil {
			return err
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return w.WriteByte(']')
}
