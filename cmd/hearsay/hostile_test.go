package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// goodArticle and goodPage are invented articles the hostile corpus
// carries beside its bad inputs.
const goodArticle = `Reservoir Levels Recover After Dry Summer

The Carrow reservoir is back above 80 percent of capacity after three weeks of rain, the regional water board said on Monday.

"We are no longer asking households to save water," said the board's operations director, Hanne Lisle. At least 12,000 homes had been under a hosepipe ban since July.
`

const goodPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Night Buses Return to Eastfold</title>
<meta property="og:site_name" content="Eastfold Evening Star"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Night Buses Return to Eastfold</h1>
<p>Night buses will run again between Eastfold and the city centre from Friday, the transport authority said, ending a two-year gap in the service.</p>
<p>"Shift workers have waited a long time for this," said the authority's chair, Pieter Vane. About 30 drivers have been hired for the new routes.</p>
</article><footer>Eastfold Evening Star</footer></body></html>`

// hostileInput is one input of the hostile corpus.
type hostileInput struct {
	name    string // file name in the corpus
	errName string // what the error line names, relative to the corpus ("" when the input is good)
	reason  string // what the error line says
	doc     string // a document the output must hold, relative to the corpus or a URL ("" when none)
}

// writeHostileCorpus writes the hostile corpus into dir and returns what
// each input should give.
func writeHostileCorpus(t testing.TB, dir string) []hostileInput {
	t.Helper()
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))

	// Binary data.
	bin := make([]byte, 64<<10)
	for i := range bin {
		bin[i] = byte(rng.UintN(256))
	}
	write("random.dat", bin)
	// Invalid UTF-8 that is not Windows-1252 either.
	write("invalid-utf8.txt", []byte("The minister said \xc3\x28 it was \x81\x8d\x8f\x90\x9d fine.\n"))
	// NUL bytes inside text.
	write("nul.txt", []byte("The minister said\x00 it was fine.\x00\n"))
	// A 100 MB file of real text.
	writeBig(t, filepath.Join(dir, "huge.txt"), 100<<20)
	// A 1 MB single line.
	var line strings.Builder
	for line.Len() < 1<<20 {
		fmt.Fprintf(&line, "The council said on day %d that the road would reopen, and \"nothing more\" would be said. ", line.Len())
	}
	write("long-line.txt", []byte(line.String()))
	// HTML nested 100,000 elements deep.
	write("deep.html", []byte("<html><body>"+strings.Repeat("<div>", 100000)+"deep"+strings.Repeat("</div>", 100000)+"</body></html>"))
	// Unbalanced quotation marks across a book-length text (800 KB):
	// every paragraph opens a quotation it never closes.
	var book strings.Builder
	for i := 0; book.Len() < 800<<10; i++ {
		if i%50 == 0 {
			fmt.Fprintf(&book, "Chapter %d. “The river rose again,” said Tomas Brenner, “and nobody listened in the village that year.\n\n", i/50+1)
			continue
		}
		fmt.Fprintf(&book, "“The water was cold on morning %d, and the boats stayed on the shingle while the wind turned east. \"Nobody went out\n\n", i)
	}
	write("book.txt", []byte(book.String()))
	// Empty files.
	write("empty.txt", nil)
	write("empty.warc.gz", nil)
	// Malformed feed XML.
	write("malformed.rss", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>One</title><description>x</descr`))
	// A good feed with a full-text item.
	write("good.rss", []byte(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Carrow Courier</title>
<item><title>Reservoir Recovers</title><link>https://courier.example.org/reservoir</link><pubDate>Mon, 06 Oct 2025 09:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>The Carrow reservoir is back above 80 percent of capacity, the water board said.</p><p>"We are no longer asking households to save water," said Hanne Lisle.</p>]]></content:encoded></item></channel></rss>`))
	// JSON Lines: a good line and a broken one.
	write("lines.jsonl", []byte(`{"text":"The harbour will reopen on Friday, the port authority said.","url":"https://port.example.net/harbour","title":"Harbour Reopens"}`+"\n"+`{"text": "unterminated`+"\n"))
	// A WARC with a gzip bomb between two good records, and a truncated WARC.
	write("bomb.warc.gz", bombWARC(t))
	write("truncated.warc", truncatedWARC(t))
	// Good articles.
	write("good-article.txt", []byte(goodArticle))
	write("good-page.html", []byte(goodPage))

	return []hostileInput{
		{name: "random.dat", errName: "random.dat", reason: "not a text file"},
		{name: "invalid-utf8.txt", errName: "invalid-utf8.txt", reason: "neither UTF-8 nor Windows-1252"},
		{name: "nul.txt", errName: "nul.txt", reason: "contains NUL"},
		{name: "huge.txt", errName: "huge.txt", reason: "file too large (104857600 bytes"},
		{name: "long-line.txt", doc: "long-line.txt"},
		{name: "deep.html", errName: "deep.html", reason: "open stack of elements exceeds 512 nodes"},
		{name: "book.txt", doc: "book.txt"},
		{name: "empty.txt", errName: "empty.txt", reason: "empty file"},
		{name: "empty.warc.gz", errName: "empty.warc.gz", reason: "empty file"},
		{name: "malformed.rss", errName: "malformed.rss", reason: "parsing feed"},
		{name: "good.rss", doc: "https://courier.example.org/reservoir"},
		{name: "lines.jsonl", errName: "lines.jsonl:2", reason: "not a JSON object", doc: "https://port.example.net/harbour"},
		{name: "bomb.warc.gz", errName: "bomb.warc.gz#3 (https://star.example.com/bomb)", reason: "HTML page larger than 32 MiB", doc: "https://star.example.com/before"},
		{name: "bomb.warc.gz", doc: "https://star.example.com/after"},
		{name: "truncated.warc", errName: "truncated.warc#2 (https://star.example.com/cut)", reason: "truncated record", doc: "https://star.example.com/whole"},
		{name: "good-article.txt", doc: "good-article.txt"},
		{name: "good-page.html", doc: "good-page.html"},
	}
}

// writeBig writes size bytes of plain text to path.
func writeBig(t testing.TB, path string, size int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("The spokesman said the figures would be published next week. "), 1<<14)
	for n := 0; n < size; n += len(chunk) {
		c := chunk
		if size-n < len(c) {
			c = c[:size-n]
		}
		if _, err := f.Write(c); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// warcRecord returns one WARC response record for uri whose HTTP message
// is head followed by body.
func warcRecord(uri, head string, body []byte) []byte {
	block := append([]byte(head), body...)
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2025-10-06T09:00:00Z\r\nWARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n",
		uri, "7b0d2c4e-0000-4000-8000-000000000000", len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

func gzipMember(t testing.TB, b []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&out, gzip.BestCompression)
	zw.Write(b)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

const htmlHead = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"

// bombWARC returns a CC-NEWS style WARC.gz: a warcinfo record, a good page,
// a page whose gzip Content-Encoding expands to 1 GiB of zeros from 1 MB,
// and another good page.
func bombWARC(t testing.TB) []byte {
	member := gzipMember(t, make([]byte, 1<<20))
	bomb := bytes.Repeat(member, 1024) // 1 GiB once inflated
	var out bytes.Buffer
	out.Write(gzipMember(t, []byte("WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n")))
	out.Write(gzipMember(t, warcRecord("https://star.example.com/before", htmlHead, []byte(goodPage))))
	out.Write(gzipMember(t, warcRecord("https://star.example.com/bomb", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n", bomb)))
	out.Write(gzipMember(t, warcRecord("https://star.example.com/after", htmlHead, []byte(strings.Replace(goodPage, "Night Buses", "Day Buses", -1)))))
	return out.Bytes()
}

// truncatedWARC returns an uncompressed WARC whose second record is cut
// short.
func truncatedWARC(t testing.TB) []byte {
	whole := warcRecord("https://star.example.com/whole", htmlHead, []byte(goodPage))
	cut := warcRecord("https://star.example.com/cut", htmlHead, []byte(goodPage))
	return append(whole, cut[:len(cut)/2]...)
}

// TestHostile runs extract and analyze on the hostile corpus: every bad
// input gets exactly one error line naming it and the reason, every good
// article is in the output, the exit status is 1, and it all ends quickly.
func TestHostile(t *testing.T) {
	dir := t.TempDir()
	inputs := writeHostileCorpus(t, dir)
	for _, cmd := range [][]string{
		{"extract", "--json", dir},
		{"analyze", "--db", "none", "--json", dir},
	} {
		t.Run(cmd[0], func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			var stdout, stderr bytes.Buffer
			start := time.Now()
			code := run(ctx, cmd, strings.NewReader(""), &stdout, &stderr, func(string) string { return "" })
			t.Logf("%s: exit %d in %v", cmd[0], code, time.Since(start).Round(time.Millisecond))
			if ctx.Err() != nil {
				t.Fatalf("%s did not finish within the deadline", cmd[0])
			}
			if code != exitInput {
				t.Errorf("exit status %d, want %d", code, exitInput)
			}
			var errLines []string
			for l := range strings.Lines(stderr.String()) {
				if strings.HasPrefix(l, "hearsay: ") {
					errLines = append(errLines, strings.TrimSpace(l))
				}
			}
			wantErrs := 0
			for _, in := range inputs {
				if in.errName == "" {
					continue
				}
				wantErrs++
				prefix := "hearsay: " + dir + string(filepath.Separator) + in.errName + ": "
				n := 0
				for _, l := range errLines {
					if strings.HasPrefix(l, prefix) {
						n++
						if !strings.Contains(l, in.reason) {
							t.Errorf("error line for %s does not say %q:\n%s", in.errName, in.reason, l)
						}
					}
				}
				if n != 1 {
					t.Errorf("%d error lines for %s, want 1", n, in.errName)
				}
			}
			if len(errLines) != wantErrs {
				t.Errorf("%d error lines, want %d:\n%s", len(errLines), wantErrs, strings.Join(errLines, "\n"))
			}
			docs := outputDocs(t, cmd[0], stdout.Bytes())
			for _, in := range inputs {
				if in.doc == "" {
					continue
				}
				want := in.doc
				if !strings.HasPrefix(want, "https://") {
					want = filepath.Join(dir, want)
				}
				if !docs[want] {
					t.Errorf("output lacks document %s", want)
				}
			}
			if t.Failed() {
				t.Logf("stderr:\n%s", stderr.String())
			}
		})
	}
}

// outputDocs returns the document names in extract's JSON Lines or
// analyze's JSON.
func outputDocs(t *testing.T, cmd string, out []byte) map[string]bool {
	t.Helper()
	docs := map[string]bool{}
	if cmd == "extract" {
		for l := range bytes.Lines(out) {
			var d struct {
				Doc string `json:"doc"`
			}
			if err := json.Unmarshal(l, &d); err != nil {
				t.Fatalf("bad JSON line: %v", err)
			}
			docs[d.Doc] = true
		}
		return docs
	}
	var c struct {
		Documents []struct {
			Doc string `json:"doc"`
		} `json:"documents"`
	}
	if err := json.Unmarshal(out, &c); err != nil {
		t.Fatalf("bad JSON: %v", err)
	}
	for _, d := range c.Documents {
		docs[d.Doc] = true
	}
	return docs
}

// TestHostilePeakMemory runs the command in a child process on a 100 MB
// file and logs its peak resident memory (VmHWM). With
// HEARSAY_PEAKMEM_STREAM=1 it also streams a 100 MB JSON Lines file and a
// 100 MB WARC.gz through extract, which takes longer.
func TestHostilePeakMemory(t *testing.T) {
	if args := os.Getenv("HEARSAY_PEAKMEM_CHILD"); args != "" {
		var stdout countingWriter // the output is counted, not kept: it is not the reader's memory
		var stderr bytes.Buffer
		code := run(context.Background(), strings.Split(args, "\x1f"), strings.NewReader(""), &stdout, &stderr, func(string) string { return "" })
		status, _ := os.ReadFile("/proc/self/status")
		for l := range strings.Lines(string(status)) {
			if strings.HasPrefix(l, "VmHWM:") {
				fmt.Printf("PEAK %s exit=%d outbytes=%d errlines=%d\n", strings.TrimSpace(strings.TrimPrefix(l, "VmHWM:")), code, stdout, strings.Count(stderr.String(), "\n"))
			}
		}
		os.Exit(0)
	}
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc/self/status")
	}
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.txt")
	writeBig(t, huge, 100<<20)
	cases := []struct {
		name string
		args []string
	}{
		{"baseline: one small article", []string{"extract", "--json", writeSmall(t, dir)}},
		{"100 MB text file", []string{"extract", "--json", huge}},
	}
	if os.Getenv("HEARSAY_PEAKMEM_STREAM") != "" {
		cases = append(cases,
			struct {
				name string
				args []string
			}{"100 MB JSON Lines", []string{"extract", "--json", writeBigJSONL(t, dir, 100<<20)}},
			struct {
				name string
				args []string
			}{"100 MB WARC.gz (uncompressed size)", []string{"extract", "--json", writeBigWARC(t, dir, 100<<20)}},
		)
	}
	for _, c := range cases {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHostilePeakMemory$")
		cmd.Env = append(os.Environ(), "HEARSAY_PEAKMEM_CHILD="+strings.Join(c.args, "\x1f"))
		start := time.Now()
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", c.name, err, out)
		}
		var peak string
		for l := range strings.Lines(string(out)) {
			if strings.HasPrefix(l, "PEAK ") {
				peak = strings.TrimSpace(strings.TrimPrefix(l, "PEAK "))
			}
		}
		if peak == "" {
			t.Fatalf("%s: child printed no peak:\n%s", c.name, out)
		}
		t.Logf("%s: VmHWM %s (%v)", c.name, peak, time.Since(start).Round(time.Millisecond))
	}
}

func writeSmall(t testing.TB, dir string) string {
	p := filepath.Join(dir, "small.txt")
	if err := os.WriteFile(p, []byte(goodArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// writeBigJSONL writes JSON Lines of invented articles, size bytes in all.
func writeBigJSONL(t testing.TB, dir string, size int) string {
	p := filepath.Join(dir, "big.jsonl")
	var b bytes.Buffer
	for i := 0; b.Len() < size; i++ {
		text := strings.Replace(goodArticle, "three weeks", strconv.Itoa(i%50+2)+" weeks", 1)
		line, _ := json.Marshal(map[string]string{"text": text, "url": fmt.Sprintf("https://water.example.org/%d", i)})
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// writeBigWARC writes a CC-NEWS style WARC.gz of invented pages, size
// bytes before compression.
func writeBigWARC(t testing.TB, dir string, size int) string {
	p := filepath.Join(dir, "big.warc.gz")
	var b bytes.Buffer
	n := 0
	for i := 0; n < size; i++ {
		rec := warcRecord(fmt.Sprintf("https://star.example.com/%d", i), htmlHead, []byte(strings.Replace(goodPage, "30 drivers", strconv.Itoa(i%90+10)+" drivers", 1)))
		n += len(rec)
		zw := gzip.NewWriter(&b)
		zw.Write(rec)
		zw.Close()
	}
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// countingWriter counts the bytes written to it.
type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}
