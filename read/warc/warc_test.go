package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rec is a record to write.
type rec struct {
	typ, uri, ctype, block string
}

// build writes records as a WARC 1.1 stream; with gz each record is its
// own gzip member, as in CC-NEWS.
func build(t testing.TB, gz bool, recs ...rec) []byte {
	t.Helper()
	var out bytes.Buffer
	for i, r := range recs {
		var b bytes.Buffer
		fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\nWARC-Date: 2025-02-11T08:00:00Z\r\n", r.typ, i)
		if r.uri != "" {
			fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.uri)
		}
		if r.ctype != "" {
			fmt.Fprintf(&b, "Content-Type: %s\r\n", r.ctype)
		}
		fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s\r\n\r\n", len(r.block), r.block)
		if !gz {
			out.Write(b.Bytes())
			continue
		}
		zw := gzip.NewWriter(&out)
		zw.Write(b.Bytes())
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return out.Bytes()
}

// gzipAll compresses b as one gzip member.
func gzipAll(t testing.TB, b []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

const httpPage = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Hello</p></body></html>"

var sample = []rec{
	{"warcinfo", "", "application/warc-fields", "software: test\r\n"},
	{"request", "https://news.example.org/a", "application/http;msgtype=request", "GET /a HTTP/1.1\r\nHost: news.example.org\r\n\r\n"},
	{"response", "https://news.example.org/a", "application/http;msgtype=response", httpPage},
	{"metadata", "https://news.example.org/a", "application/warc-fields", "fetchTimeMs: 12\r\n"},
}

// got is what a stream read to its end yields.
type got struct {
	types  []string
	uris   []string
	blocks []string
	err    error
}

func readAll(t testing.TB, b []byte, lim Limits) got {
	t.Helper()
	var g got
	r, err := NewReader(bytes.NewReader(b), lim)
	if err != nil {
		g.err = err
		return g
	}
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return g
		}
		if err != nil {
			g.err = err
			return g
		}
		body, err := io.ReadAll(rec.Body)
		if err != nil {
			g.err = err
			return g
		}
		g.types = append(g.types, rec.Type)
		g.uris = append(g.uris, rec.TargetURI)
		g.blocks = append(g.blocks, string(body))
	}
}

func TestReader(t *testing.T) {
	plain := build(t, false, sample...)
	tests := []struct {
		name string
		in   []byte
	}{
		{"plain", plain},
		{"gzip member per record", build(t, true, sample...)},
		{"gzip one member", gzipAll(t, plain)},
		{"LF line ends in headers", bytes.ReplaceAll(plain, []byte("Z\r\nWARC-Type"), []byte("Z\nWARC-Type"))},
		{"extra padding", bytes.ReplaceAll(plain, []byte("\r\n\r\nWARC/1.1"), []byte("\r\n\r\n\r\n\nWARC/1.1"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := readAll(t, tt.in, Limits{})
			if g.err != nil {
				t.Fatalf("error: %v", g.err)
			}
			if len(g.types) != len(sample) {
				t.Fatalf("%d records, want %d", len(g.types), len(sample))
			}
			for i, s := range sample {
				if g.types[i] != s.typ || g.uris[i] != s.uri || g.blocks[i] != s.block {
					t.Errorf("record %d = %q %q %q, want %q %q %q", i+1, g.types[i], g.uris[i], g.blocks[i], s.typ, s.uri, s.block)
				}
			}
		})
	}
}

func TestReaderSkipsUnreadBodies(t *testing.T) {
	r, err := NewReader(bytes.NewReader(build(t, true, sample...)), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
		if rec.Number != n {
			t.Errorf("record number %d, want %d", rec.Number, n)
		}
		io.CopyN(io.Discard, rec.Body, 3) // read a little of each
	}
	if n != len(sample) || !r.Compressed() {
		t.Errorf("%d records, compressed %v", n, r.Compressed())
	}
}

func TestReaderFolding(t *testing.T) {
	in := "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: <http://example.com/x>\r\nX-Note: one\r\n  two\r\nContent-Length: 2\r\n\r\nhi\r\n\r\n"
	r, _ := NewReader(strings.NewReader(in), Limits{})
	rec, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	if rec.TargetURI != "http://example.com/x" || rec.Header.Get("x-note") != "one two" || rec.Version != "WARC/1.0" {
		t.Errorf("record %+v", rec)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("Next after last = %v, want EOF", err)
	}
}

// TestWgetFixture reads testdata/ferry.warc.gz, made with
// `wget --warc-file=ferry` against a local server with an invented page.
func TestWgetFixture(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "ferry.warc.gz"))
	if err != nil {
		t.Fatal(err)
	}
	g := readAll(t, b, Limits{})
	if g.err != nil {
		t.Fatal(g.err)
	}
	types := strings.Join(g.types, " ")
	if !strings.HasPrefix(types, "warcinfo request response request response") {
		t.Errorf("types %q", types)
	}
	if g.uris[2] != "http://127.0.0.1:18931/story.html" || !strings.Contains(g.blocks[2], "Ferry Service to Holm Island Resumes") {
		t.Errorf("response record: %q %.80q", g.uris[2], g.blocks[2])
	}
}

func TestReaderErrors(t *testing.T) {
	good := build(t, false, sample[:1]...)
	resp := build(t, false, sample[2])
	var nl bytes.Buffer
	nl.Write(good)
	nl.Write(bytes.Repeat([]byte("\r\n"), 1<<20))
	tests := []struct {
		name    string
		in      []byte
		lim     Limits
		record  int    // record named by the error
		wantErr string // substring
	}{
		{"truncated block", append(append([]byte{}, good...), resp[:len(resp)-30]...), Limits{}, 2, "truncated record"},
		{"truncated header", append(append([]byte{}, good...), "WARC/1.1\r\nWARC-Type: resp"...), Limits{}, 2, "truncated record"},
		{"truncated gzip", gzipAll(t, resp)[:60], Limits{}, 1, "truncated record"},
		{"not a version line", append(append([]byte{}, good...), "HTTP/1.1 200 OK\r\n"...), Limits{}, 2, "expected a WARC version line"},
		{"no content length", []byte("WARC/1.1\r\nWARC-Type: resource\r\n\r\n"), Limits{}, 1, "no Content-Length"},
		{"bad content length", []byte("WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: -4\r\n\r\n"), Limits{}, 1, "bad Content-Length"},
		{"no type", []byte("WARC/1.1\r\nContent-Length: 0\r\n\r\n\r\n\r\n"), Limits{}, 1, "no WARC-Type"},
		{"malformed field", []byte("WARC/1.1\r\nno colon here\r\n\r\n"), Limits{}, 1, "malformed header line"},
		{"record too large", []byte("WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 99999999999\r\n\r\n"), Limits{}, 1, "over the limit"},
		{"header line too long", []byte("WARC/1.1\r\nX: " + strings.Repeat("a", 100<<10) + "\r\n"), Limits{}, 1, "longer than"},
		{"padding bomb", gzipAll(t, nl.Bytes()), Limits{}, 2, "blank lines"},
		{"zeros bomb", gzipAll(t, append(append([]byte{}, good...), make([]byte, 8<<20)...)), Limits{}, 2, "longer than"},
		{"not gzip after gzip", append(gzipAll(t, good), "WARC/1.1\r\n"...), Limits{}, 2, "gzip"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := readAll(t, tt.in, tt.lim)
			var we *Error
			if !errors.As(g.err, &we) || we.Record != tt.record || !strings.Contains(g.err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want one naming record #%d and containing %q", g.err, tt.record, tt.wantErr)
			}
		})
	}
}

func TestNextAfterError(t *testing.T) {
	r, _ := NewReader(strings.NewReader("junk\r\n"), Limits{})
	_, err1 := r.Next()
	_, err2 := r.Next()
	if err1 == nil || err1 != err2 {
		t.Errorf("errors %v then %v, want the same error twice", err1, err2)
	}
}

func FuzzWARC(f *testing.F) {
	f.Add(build(f, false, sample...))
	f.Add(build(f, true, sample...))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: resource\r\nX: a\r\n b\r\nContent-Length: 2\r\n\r\nhi\r\n\r\n"))
	f.Add([]byte("WARC/1.1\r\nContent-Length: 5\r\n\r\nab"))
	f.Add([]byte{0x1f, 0x8b})
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := NewReader(bytes.NewReader(b), Limits{MaxHeaderSize: 4 << 10, MaxRecordSize: 1 << 20})
		if err != nil {
			return
		}
		for i := 0; ; i++ {
			rec, err := r.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				var we *Error
				if !errors.As(err, &we) || we.Record < 1 {
					t.Fatalf("error %v names no record", err)
				}
				if _, err2 := r.Next(); err2 != err {
					t.Fatalf("error not sticky: %v then %v", err, err2)
				}
				return
			}
			if rec.Number != i+1 || rec.ContentLength < 0 || rec.ContentLength > 1<<20 || rec.Type == "" {
				t.Fatalf("bad record %+v", rec)
			}
			if i%2 == 0 {
				n, err := io.Copy(io.Discard, rec.Body)
				if err == nil && n != rec.ContentLength {
					t.Fatalf("body of %d bytes, Content-Length %d", n, rec.ContentLength)
				}
			}
		}
	})
}
