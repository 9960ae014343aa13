// Package jsonl reads articles from JSON Lines: one JSON object per line
// with the article's "text" or "html" and, optionally, its "url", "title",
// "outlet" and "date". Lines are read one at a time with a cap on their
// length, so a file of any size is read in bounded memory.
package jsonl

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// DefaultMaxLine is the default longest line a Reader accepts, in bytes.
const DefaultMaxLine = 32 << 20

// Record is one article of a JSON Lines file.
type Record struct {
	Line   int    // 1-based line number
	Text   string // plain text, when given
	HTML   string // an HTML page or fragment, when given
	URL    string
	Title  string
	Outlet string
	Date   string // YYYY-MM-DD when the line's date could be read, else ""
}

// LineError is an error in one line; the Reader can go on after it.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// Reader reads Records line by line.
type Reader struct {
	br      *bufio.Reader
	line    int
	maxLine int
	err     error // sticky I/O error
}

// NewReader returns a Reader of r whose lines may be at most maxLine bytes
// long (DefaultMaxLine when maxLine ≤ 0).
func NewReader(r io.Reader, maxLine int) *Reader {
	if maxLine <= 0 {
		maxLine = DefaultMaxLine
	}
	return &Reader{br: bufio.NewReaderSize(r, 64<<10), maxLine: maxLine}
}

// Next returns the next record, skipping blank lines, or io.EOF at the
// end. A line that is not a usable record is a *LineError, after which
// Next may be called again; any other error ends the stream.
func (r *Reader) Next() (Record, error) {
	for {
		if r.err != nil {
			return Record{}, r.err
		}
		b, tooLong, err := r.readLine()
		if err == io.EOF {
			// The last line may lack its line end; it is still read.
			r.err = io.EOF
			if len(b) == 0 && !tooLong {
				return Record{}, io.EOF
			}
		} else if err != nil {
			r.err = fmt.Errorf("line %d: %w", r.line+1, err)
			return Record{}, r.err
		}
		r.line++
		if tooLong {
			return Record{}, &LineError{r.line, fmt.Errorf("line longer than %d bytes", r.maxLine)}
		}
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		rec, perr := parse(b)
		if perr != nil {
			return Record{}, &LineError{r.line, perr}
		}
		rec.Line = r.line
		return rec, nil
	}
}

// readLine reads one line without its line end. A line over the cap is
// read to its end and dropped: tooLong is true.
func (r *Reader) readLine() (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		frag, err := r.br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(frag) > r.maxLine+1 { // +1: the line end
				tooLong, buf = true, nil
			} else {
				buf = append(buf, frag...)
			}
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
			return trimEOL(buf), tooLong, nil
		default:
			return trimEOL(buf), tooLong, err
		}
	}
}

func trimEOL(b []byte) []byte {
	n := len(b)
	if n > 0 && b[n-1] == '\n' {
		n--
		if n > 0 && b[n-1] == '\r' {
			n--
		}
	}
	return b[:n]
}

// line is the JSON shape of a record.
type line struct {
	Text   *string `json:"text"`
	HTML   *string `json:"html"`
	URL    string  `json:"url"`
	Title  string  `json:"title"`
	Outlet string  `json:"outlet"`
	Date   string  `json:"date"`
}

func parse(b []byte) (Record, error) {
	var l line
	if err := json.Unmarshal(b, &l); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			if te.Field == "" {
				return Record{}, fmt.Errorf("not a JSON object but a JSON %s", te.Value)
			}
			return Record{}, fmt.Errorf("field %q is not a string", te.Field)
		}
		return Record{}, fmt.Errorf("not a JSON object: %w", err)
	}
	rec := Record{URL: oneLine(l.URL), Title: oneLine(l.Title), Outlet: oneLine(l.Outlet), Date: isoDate(l.Date)}
	if l.Text != nil {
		rec.Text = *l.Text
	}
	if l.HTML != nil {
		rec.HTML = *l.HTML
	}
	if strings.TrimSpace(rec.Text) == "" && strings.TrimSpace(rec.HTML) == "" {
		return Record{}, errors.New(`no "text" or "html" field with content`)
	}
	return rec, nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// isoDate returns the date of s (YYYY-MM-DD, RFC 3339 or RFC 1123) as
// YYYY-MM-DD, or "" when s is none of these.
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.DateOnly, time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return ""
}
