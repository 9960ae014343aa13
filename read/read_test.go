package read

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/article"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// sample has characters outside ASCII that every encoding below can hold.
const sample = "Café “owner” said: it’s a – test.\r\nSecond line\rThird line"

// sampleLF is sample as Decode returns it.
const sampleLF = "Café “owner” said: it’s a – test.\nSecond line\nThird line"

func encode(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding sample: %v", err)
	}
	return b
}

func TestDecode(t *testing.T) {
	utf16le := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM)
	utf16be := xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM)
	tests := []struct {
		name    string
		in      []byte
		want    string
		wantErr string // substring of the error; "" for none
	}{
		{"empty", nil, "", ""},
		{"ascii", []byte("plain text\n"), "plain text\n", ""},
		{"utf-8", []byte(sample), sampleLF, ""},
		{"utf-8 BOM", append([]byte{0xEF, 0xBB, 0xBF}, sample...), sampleLF, ""},
		{"utf-16 LE", encode(t, utf16le, sample), sampleLF, ""},
		{"utf-16 BE", encode(t, utf16be, sample), sampleLF, ""},
		{"windows-1252", encode(t, charmap.Windows1252, sample), sampleLF, ""},
		{"no-break space kept", []byte("150\u00a0meters"), "150\u00a0meters", ""},
		{"NUL bytes", []byte("PK\x03\x04\x00\x00binary"), "", "NUL"},
		{"controls", bytes.Repeat([]byte("\x01\x02\x03a"), 10), "", "control characters"},
		{"undefined 1252 bytes", []byte("abc\x81\x8d\x8f def \xe9"), "", "Windows-1252"},
		{"utf-16 with NUL character", encode(t, utf16le, "a\x00b"), "", "NUL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode("in.txt", tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.HasPrefix(err.Error(), "in.txt: ") {
					t.Fatalf("Decode error = %v, want one naming in.txt and containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if got != tt.want {
				t.Errorf("Decode = %q, want %q", got, tt.want)
			}
		})
	}
}

// pageText is the main text of testdata/page.html.
const pageText = `Canal Lock Reopens After Winter Repairs

The Wexby canal lock reopened to boats on Monday after three months of repairs to its gates, the waterways trust said in a statement.

Workers replaced both lower gates and relined part of the chamber, a job the trust said had cost about £420,000. "The old gates had been leaking for years," said the trust's engineer, Colm Varley.

Boaters return

More than forty boats passed through the lock on the first day, according to the lock keeper, who said the queue stretched past the old mill.
Some crews had waited since January.

We are glad to have the water moving again, and the town with it.

The lock is open daily from eight until dusk.

Boaters must book passage at weekends during the summer season.

The trust said further work on the upper gates was planned for next winter, subject to funding from the county council.`

func TestHTMLPage(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := HTML("page.html", f, "https://mirror.example.net/copy")
	if err != nil {
		t.Fatalf("HTML: %v", err)
	}
	want := article.Source{
		Name:   "page.html",
		Title:  "Canal Lock Reopens After Winter Repairs",
		Outlet: "The Wexby Courier",
		Date:   "2024-03-05",
		URL:    "https://courier.example.org/news/canal-lock-reopens",
		Text:   pageText,
	}
	if got != want {
		t.Errorf("HTML =\n%#v\nwant\n%#v", got, want)
	}
}

func TestHTML(t *testing.T) {
	para := "<p>The harbour master said on Friday that the pier would stay closed until the storm damage had been surveyed by engineers.</p>"
	tests := []struct {
		name, page, pageURL string
		check               func(t *testing.T, s article.Source)
		wantErr             string
	}{
		{
			name:    "page URL when none in page",
			page:    "<html><head><title>Pier Closed</title></head><body><article>" + para + para + "</article></body></html>",
			pageURL: "https://example.com/pier",
			check: func(t *testing.T, s article.Source) {
				if s.URL != "https://example.com/pier" || s.Title != "Pier Closed" {
					t.Errorf("URL %q, Title %q", s.URL, s.Title)
				}
			},
		},
		{
			name: "windows-1252 page",
			page: "<html><head><meta charset=\"windows-1252\"></head><body><article><p>The caf\xe9 owner said the \x93new\x94 pier would open in spring, after a long and costly delay caused by the storms.</p>" + para + "</article></body></html>",
			check: func(t *testing.T, s article.Source) {
				if !strings.Contains(s.Text, "café owner said the “new” pier") {
					t.Errorf("Text %q lacks decoded characters", s.Text)
				}
			},
		},
		{
			name: "no-break space kept",
			page: "<html><body><article><p>The wall was 150&nbsp;meters long and had stood for two hundred years before the storm brought it down.</p>" + para + "</article></body></html>",
			check: func(t *testing.T, s article.Source) {
				if !strings.Contains(s.Text, "150\u00a0meters") {
					t.Errorf("Text %q lost the no-break space", s.Text)
				}
			},
		},
		{name: "empty page", page: "<html><body></body></html>", wantErr: "page.html: "},
		{name: "not even HTML", page: "", wantErr: "page.html: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := HTML("page.html", strings.NewReader(tt.page), tt.pageURL)
			if tt.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Fatalf("HTML error = %v, want prefix %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("HTML: %v", err)
			}
			if strings.Contains(s.Text, "\n\n\n") {
				t.Errorf("Text has more than one blank line between paragraphs: %q", s.Text)
			}
			tt.check(t, s)
		})
	}
}

func TestHTMLTooLarge(t *testing.T) {
	r := io.MultiReader(strings.NewReader("<html><body><p>"), neverEnding('a'))
	_, err := HTML("big.html", io.LimitReader(r, MaxHTMLSize+10), "")
	if err == nil || !strings.Contains(err.Error(), "big.html") || !strings.Contains(err.Error(), "larger") {
		t.Fatalf("HTML on an oversized page: err = %v", err)
	}
}

type neverEnding byte

func (b neverEnding) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b)
	}
	return len(p), nil
}

func TestLooksHTML(t *testing.T) {
	u16 := encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), "<!DOCTYPE html><html>")
	tests := []struct {
		name, head string
		want       bool
	}{
		{"a.html", "anything", true},
		{"a.HTM", "", true},
		{"a.xhtml", "", true},
		{"a.txt", "<!DOCTYPE html>\n<html>", true},
		{"a.txt", "  \n<!doctype HTML><html>", true},
		{"a.txt", "<html lang=\"en\">", true},
		{"a.txt", "<HTML>", true},
		{"a.txt", "\xef\xbb\xbf<html>", true},
		{"a.txt", "<!-- saved from url=(0040)https://example.com/ -->\n<html>", true},
		{"a.txt", "<?xml version=\"1.0\"?>\n<!DOCTYPE html>", true},
		{"a.txt", string(u16), true},
		{"a.txt", "<htmlish>", false},
		{"a.txt", "The <html> tag starts a page.", false},
		{"a.txt", "<!-- unclosed comment", false},
		{"a.txt", "", false},
		{"a", "plain words", false},
	}
	for _, tt := range tests {
		if got := LooksHTML(tt.name, []byte(tt.head)); got != tt.want {
			t.Errorf("LooksHTML(%q, %q) = %v, want %v", tt.name, tt.head, got, tt.want)
		}
	}
}

// writeTree creates files under dir; content "" makes a folder.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// result is one call of Walk's callback.
type result struct {
	name, text string
	err        bool
}

func collect(t *testing.T, args []string, stdin io.Reader) []result {
	t.Helper()
	var got []result
	err := Walk(context.Background(), args, stdin, func(s article.Source, err error) error {
		got = append(got, result{name: filepath.ToSlash(s.Name), text: firstLine(s.Text), err: err != nil})
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return got
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	page, err := os.ReadFile(filepath.Join("testdata", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, map[string]string{
		"a/1.txt":           "first\r\nfile",
		"a/b/2.txt":         "second",
		"a/b/saved.txt":     string(page),
		"a/.hidden.txt":     "hidden",
		"a/.git/x.txt":      "hidden folder",
		"a/photo.JPG":       "\xff\xd8\xff",
		"a/data.jsonl":      "{}",
		"a/backup.txt~":     "old",
		"a/c/binary.txt":    "\x00\x01\x02",
		"a/c/empty.txt":     " \n",
		"glob/x1.txt":       "x one",
		"glob/x2.txt":       "x two",
		"glob/x3.png":       "image",
		"named/picture.png": "not really a picture",
	})
	cd(t, dir)

	tests := []struct {
		name string
		args []string
		want []result
	}{
		{"folder", []string{"a"}, []result{
			{name: "a/1.txt", text: "first"},
			{name: "a/b/2.txt", text: "second"},
			{name: "a/b/saved.txt", text: "Canal Lock Reopens After Winter Repairs"},
			{name: "a/c/binary.txt", err: true},
			{name: "a/c/empty.txt", err: true},
			{name: "a/data.jsonl:1", err: true},
		}},
		{"glob", []string{"glob/x*"}, []result{
			{name: "glob/x1.txt", text: "x one"},
			{name: "glob/x2.txt", text: "x two"},
		}},
		{"named file is always read", []string{"named/picture.png"}, []result{
			{name: "named/picture.png", text: "not really a picture"},
		}},
		{"stdin and missing", []string{"-", "missing.txt", "nomatch*"}, []result{
			{name: "-", text: "from stdin"},
			{name: "missing.txt", err: true},
			{name: "nomatch*", err: true},
		}},
		{"bad pattern", []string{"["}, []result{{name: "[", err: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := collect(t, tt.args, strings.NewReader("from stdin\n"))
			if len(got) != len(tt.want) {
				t.Fatalf("Walk gave %d results, want %d:\n%v", len(got), len(tt.want), got)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("result %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// cd changes the working folder for the rest of the test.
func cd(t *testing.T, dir string) {
	t.Helper()
	t.Chdir(dir)
}

func TestWalkStops(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"1.txt": "one", "2.txt": "two", "3.txt": "three"})
	stop := errors.New("stop")
	n := 0
	err := Walk(context.Background(), []string{dir}, nil, func(article.Source, error) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 2 {
		t.Errorf("Walk = %v after %d calls, want stop after 2", err, n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	n = 0
	err = Walk(ctx, []string{dir, dir}, nil, func(article.Source, error) error { n++; return nil })
	if !errors.Is(err, context.Canceled) || n != 0 {
		t.Errorf("Walk with a cancelled context = %v after %d calls", err, n)
	}
}

func TestWalkTooLarge(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileSize + 1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	var gotErr error
	if err := Walk(context.Background(), []string{p}, nil, func(_ article.Source, err error) error {
		gotErr = err
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if gotErr == nil || !strings.Contains(gotErr.Error(), p) || !strings.Contains(gotErr.Error(), "67108865") {
		t.Errorf("error = %v, want one naming the file and its size", gotErr)
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"", "plain", sample, "\xef\xbb\xbfbom", "\xff\xfea\x00b\x00", "\xfe\xff\x00a\x00b",
		"\xff\xfe\x00\xd8", "caf\xe9", "\x81\x8d", "a\x00b", "\x01\x02\x03", "a\r\n\rb",
	} {
		f.Add([]byte(s))
	}
	f.Add(encode(f, charmap.Windows1252, sample))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := Decode("fuzz.txt", b)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.txt: ") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\r\x00") {
			t.Fatalf("Decode(%q) = %q: invalid UTF-8, CR or NUL", b, s)
		}
	})
}

func FuzzHTML(f *testing.F) {
	page, err := os.ReadFile(filepath.Join("testdata", "page.html"))
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		string(page), "", "<html>", "<p>one</p><p>two</p>", "<pre>a\n\n\nb</pre>",
		"<html><body><article><p>caf\xe9 \xff</p><br><br><li>x</li></article></body></html>",
		"<table><tr><td>a</td><td>b</td></tr></table>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src, err := HTML("fuzz.html", strings.NewReader(s), "")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.html: ") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		for _, v := range []string{src.Text, src.Title, src.Outlet, src.Date, src.URL} {
			if !utf8.ValidString(v) {
				t.Fatalf("HTML(%q): invalid UTF-8 in %q", s, v)
			}
		}
		if src.Text == "" || strings.Contains(src.Text, "\n\n\n") || strings.ContainsRune(src.Text, '\r') {
			t.Fatalf("HTML(%q): bad text %q", s, src.Text)
		}
	})
}

// TestReadCapped reads inputs shorter than, as long as and longer than their
// announced size, and over the cap, with a reader that hands out half of
// what is asked each time.
func TestReadCapped(t *testing.T) {
	const max = 100
	for _, tc := range []struct {
		name    string
		n, size int64
		wantErr bool
	}{
		{"empty", 0, 0, false},
		{"exact size", 40, 40, false},
		{"shorter than its size", 10, 40, false},
		{"longer than its size", 90, 3, false},
		{"size unknown", 70, -1, false},
		{"size over the cap", 50, 1000, false},
		{"exactly the cap", max, max, false},
		{"one byte over the cap", max + 1, max + 1, true},
		{"over the cap, size unknown", 3 * max, -1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := bytes.Repeat([]byte("abcdefg"), int(tc.n))[:tc.n]
			got, err := readCapped(iotest.HalfReader(bytes.NewReader(want)), tc.size, max)
			if tc.wantErr {
				if err == nil || !strings.Contains(err.Error(), "too large") {
					t.Fatalf("err = %v, want input too large", err)
				}
				return
			}
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("readCapped = %q, %v; want %q", got, err, want)
			}
		})
	}
}
