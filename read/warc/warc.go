// Package warc reads WARC files (ISO 28500, WARC 1.0 and 1.1) as a stream
// of records, plain or gzip-compressed (one gzip member per record, as in
// Common Crawl's CC-NEWS, or one member for the whole file). It holds every
// read to a limit — header lines, header size, record size, padding between
// records — so that a damaged or hostile file ends in an error naming the
// record, never in unbounded memory or time.
package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Limits bound what a Reader accepts. A zero field takes its default.
type Limits struct {
	MaxHeaderSize int64 // bytes of a record's header, version line included (default 64 KiB)
	MaxRecordSize int64 // a record's Content-Length (default 64 MiB)
	MaxPadding    int64 // bytes of blank lines between two records (default 4 KiB)
}

// Default limits.
const (
	DefaultMaxHeaderSize = 64 << 10
	DefaultMaxRecordSize = 64 << 20
	DefaultMaxPadding    = 4 << 10
)

func (l Limits) withDefaults() Limits {
	if l.MaxHeaderSize <= 0 {
		l.MaxHeaderSize = DefaultMaxHeaderSize
	}
	if l.MaxRecordSize <= 0 {
		l.MaxRecordSize = DefaultMaxRecordSize
	}
	if l.MaxPadding <= 0 {
		l.MaxPadding = DefaultMaxPadding
	}
	return l
}

// Record is one WARC record. Its Body is valid until the next call of
// Next.
type Record struct {
	Number        int    // 1 for the first record of the stream
	Version       string // "WARC/1.1", "WARC/1.0", …
	Header        Header
	Type          string // WARC-Type: warcinfo, response, resource, request, metadata, revisit, …
	TargetURI     string // WARC-Target-URI, without the angle brackets WARC 1.0 allowed
	ContentType   string // Content-Type of the block
	ContentLength int64
	Body          io.Reader // the record's block, exactly ContentLength bytes
}

// Name names the record in messages: "#N" and its target URI when it has
// one.
func (r *Record) Name() string {
	if r.TargetURI != "" {
		return fmt.Sprintf("#%d (%s)", r.Number, r.TargetURI)
	}
	return fmt.Sprintf("#%d", r.Number)
}

// Header holds a record's named fields in their order. Names compare
// without regard to case.
type Header []Field

// Field is one named field of a record header.
type Field struct {
	Name, Value string
}

// Get returns the value of the first field named name, or "".
func (h Header) Get(name string) string {
	for _, f := range h {
		if strings.EqualFold(f.Name, name) {
			return f.Value
		}
	}
	return ""
}

// Error is an error in one record of a stream; Record is its number.
type Error struct {
	Record int
	Err    error
}

func (e *Error) Error() string { return fmt.Sprintf("record #%d: %v", e.Record, e.Err) }
func (e *Error) Unwrap() error { return e.Err }

// ErrTruncated says that the stream ended inside a record.
var ErrTruncated = errors.New("truncated record")

// Reader reads the records of a WARC stream one by one.
type Reader struct {
	br     *bufio.Reader
	zr     *gzip.Reader // nil for an uncompressed stream
	lim    Limits
	n      int     // records started
	body   *body   // the current record's block
	err    error   // sticky: once set, Next returns it
	header []Field // reused
}

// NewReader returns a Reader of the WARC stream r, which may be
// gzip-compressed (detected by its magic number).
func NewReader(r io.Reader, lim Limits) (*Reader, error) {
	wr := &Reader{lim: lim.withDefaults()}
	br := bufio.NewReaderSize(r, 32<<10)
	magic, _ := br.Peek(2)
	if bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("reading gzip header: %w", err)
		}
		wr.zr = zr
		wr.br = bufio.NewReaderSize(zr, 32<<10)
	} else {
		wr.br = br
	}
	return wr, nil
}

// Compressed reports whether the stream is gzip-compressed.
func (w *Reader) Compressed() bool { return w.zr != nil }

// Next returns the next record, skipping what is left of the current one,
// or io.EOF at the end of the stream. An error in the stream is an *Error
// naming the record; after one, Next returns it again: a WARC stream
// cannot be resynchronised without trusting the damaged record.
func (w *Reader) Next() (*Record, error) {
	if w.err != nil {
		return nil, w.err
	}
	rec, err := w.next()
	if err != nil {
		var we *Error
		if err != io.EOF && !errors.As(err, &we) {
			err = &Error{Record: w.n, Err: err}
		}
		w.err = err
		return nil, err
	}
	return rec, nil
}

func (w *Reader) next() (*Record, error) {
	if w.body != nil {
		if _, err := io.Copy(io.Discard, w.body); err != nil {
			return nil, err
		}
		w.body = nil
	}
	// Blank lines end the previous record (CRLF CRLF) and may pad the
	// stream; anything else must be the next version line.
	var padding int64
	var line []byte
	for {
		var err error
		line, err = w.readLine(w.lim.MaxHeaderSize)
		if err == io.EOF && len(line) == 0 {
			return nil, io.EOF
		}
		if err != nil && err != io.EOF {
			w.n++
			return nil, err
		}
		if len(bytes.TrimRight(line, "\r\n")) > 0 {
			break
		}
		padding += int64(len(line))
		if padding > w.lim.MaxPadding {
			w.n++
			return nil, fmt.Errorf("more than %d bytes of blank lines between records", w.lim.MaxPadding)
		}
	}
	w.n++
	version := string(bytes.TrimRight(line, "\r\n"))
	if !strings.HasPrefix(version, "WARC/") {
		return nil, fmt.Errorf("expected a WARC version line, found %s", quoteShort(version))
	}
	rec := &Record{Number: w.n, Version: version}
	size := int64(len(line))
	w.header = w.header[:0]
	for {
		line, err := w.readLine(w.lim.MaxHeaderSize - size)
		if err == io.EOF {
			return nil, fmt.Errorf("%w: the stream ends in the header", ErrTruncated)
		}
		if err != nil {
			return nil, err
		}
		size += int64(len(line))
		text := strings.TrimRight(string(line), "\r\n")
		if text == "" {
			break
		}
		if text[0] == ' ' || text[0] == '\t' {
			// A folded continuation of the previous field.
			if len(w.header) == 0 {
				return nil, fmt.Errorf("header continuation line before any field")
			}
			last := &w.header[len(w.header)-1]
			last.Value = strings.TrimSpace(last.Value + " " + strings.TrimSpace(text))
			continue
		}
		name, value, ok := strings.Cut(text, ":")
		if !ok || name == "" || strings.ContainsAny(name, " \t") {
			return nil, fmt.Errorf("malformed header line %s", quoteShort(text))
		}
		w.header = append(w.header, Field{Name: name, Value: strings.TrimSpace(value)})
	}
	rec.Header = append(Header(nil), w.header...)
	rec.Type = rec.Header.Get("WARC-Type")
	rec.TargetURI = strings.TrimSuffix(strings.TrimPrefix(rec.Header.Get("WARC-Target-URI"), "<"), ">")
	rec.ContentType = rec.Header.Get("Content-Type")
	cl := rec.Header.Get("Content-Length")
	if cl == "" {
		return nil, errors.New("no Content-Length field")
	}
	n, err := strconv.ParseInt(cl, 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("bad Content-Length %s", quoteShort(cl))
	}
	if n > w.lim.MaxRecordSize {
		return nil, fmt.Errorf("Content-Length %d is over the limit of %d bytes", n, w.lim.MaxRecordSize)
	}
	if rec.Type == "" {
		return nil, errors.New("no WARC-Type field")
	}
	rec.ContentLength = n
	w.body = &body{r: w.br, left: n, size: n, record: w.n}
	rec.Body = w.body
	return rec, nil
}

// readLine reads one line, its line end included, of at most max bytes.
// At the end of the stream it returns what it has with io.EOF.
func (w *Reader) readLine(max int64) ([]byte, error) {
	var out []byte
	for {
		frag, err := w.br.ReadSlice('\n')
		if int64(len(out)+len(frag)) > max {
			return nil, fmt.Errorf("header line longer than %d bytes", max)
		}
		out = append(out, frag...)
		switch err {
		case nil:
			return out, nil
		case bufio.ErrBufferFull:
			continue
		case io.EOF:
			return out, io.EOF
		case io.ErrUnexpectedEOF:
			return nil, fmt.Errorf("%w: compressed stream cut short", ErrTruncated)
		default:
			return nil, err
		}
	}
}

// body reads exactly size bytes of a record's block; a stream that ends
// early is ErrTruncated.
type body struct {
	r      io.Reader
	left   int64
	size   int64
	record int
}

func (b *body) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	if err == io.EOF {
		if b.left > 0 {
			return n, &Error{b.record, fmt.Errorf("%w: %d of %d bytes of the block are missing", ErrTruncated, b.left, b.size)}
		}
		err = nil
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return n, &Error{b.record, fmt.Errorf("%w: compressed stream cut short (%d of %d bytes of the block are missing)", ErrTruncated, b.left, b.size)}
	}
	if err != nil {
		return n, &Error{b.record, err}
	}
	return n, nil
}

// quoteShort quotes s, cut to 40 bytes.
func quoteShort(s string) string {
	if len(s) > 40 {
		return strconv.Quote(s[:40]) + "…"
	}
	return strconv.Quote(s)
}
