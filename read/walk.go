package read

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hearsaylab/hearsay/article"
)

// MaxFileSize is the largest input file Walk reads, in bytes.
const MaxFileSize = 64 << 20

// skipExt are extensions of files that are obviously not articles; Walk
// skips them in folders and glob matches (a file named on its own is
// always read).
var skipExt = map[string]bool{
	// images
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true,
	".ico": true, ".bmp": true, ".tif": true, ".tiff": true, ".avif": true, ".heic": true,
	// archives and compressed files
	".zip": true, ".gz": true, ".tgz": true, ".bz2": true, ".xz": true, ".zst": true,
	".7z": true, ".rar": true, ".tar": true,
	// audio and video
	".mp3": true, ".mp4": true, ".m4a": true, ".wav": true, ".ogg": true, ".flac": true,
	".mov": true, ".avi": true, ".mkv": true, ".webm": true,
	// documents hearsay cannot read yet
	".pdf": true, ".doc": true, ".docx": true, ".odt": true, ".rtf": true,
	".xls": true, ".xlsx": true, ".ppt": true, ".pptx": true, ".epub": true,
	// data, code and web assets
	".json": true, ".css": true, ".js": true, ".map": true,
	".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true,
	".exe": true, ".dll": true, ".so": true, ".dylib": true, ".o": true, ".a": true,
	".bin": true, ".class": true, ".pyc": true, ".db": true, ".sqlite": true,
}

// skipName reports whether a file found in a folder or by a glob pattern
// should be left out: hidden files, editor backups and non-article types.
func skipName(name string) bool {
	base := filepath.Base(name)
	lower := strings.ToLower(base)
	if strings.HasSuffix(lower, ".warc.gz") || lower == "feed.json" || strings.HasSuffix(lower, ".feed.json") {
		return strings.HasPrefix(base, ".")
	}
	stem := strings.ToUpper(strings.TrimSuffix(base, filepath.Ext(base)))
	return strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") ||
		skipExt[filepath.Ext(lower)] || projectDocs[stem]
}

// projectDocs are the stems of a folder's own documentation files (README.md,
// LICENSE), which describe a corpus rather than belong to it.
var projectDocs = map[string]bool{"README": true, "LICENSE": true, "LICENCE": true,
	"CHANGELOG": true, "COPYING": true, "NOTICE": true, "AUTHORS": true}

// Walk reads the inputs named by args with the default Options; see
// WalkWith.
func Walk(ctx context.Context, args []string, stdin io.Reader, fn func(article.Source, error) error) error {
	return WalkWith(ctx, args, stdin, Options{}, fn)
}

// WalkWith reads the inputs named by args and calls fn once per article,
// with the Source read or with an error saying which input (and which
// record or line of it) could not be read and why.
//
// An argument is a file, a folder (read recursively in lexical order,
// leaving out hidden files and folders and files that are obviously not
// articles), a glob pattern (when it holds *, ? or [), an http or https
// URL (fetched; see Options), or "-" for stdin. A file is plain text, an
// HTML page, a feed (RSS, Atom, JSON Feed), a WARC archive (.warc,
// .warc.gz) or JSON Lines (.jsonl, .ndjson), told apart by its name and
// its first bytes. A file holds one article, except containers — feeds,
// WARC archives and JSON Lines — which hold many; WARC and JSON Lines are
// streamed, so their size is not limited.
//
// Source.Name is the path or URL as given or found; for an article in a
// container it is the article's URL when it has one, else "FILE#N" (the
// N-th item or record) or "FILE:LINE" (JSON Lines). Errors name the same
// way.
//
// WalkWith goes on after an input or record that fails to read; it stops
// and returns the error when fn returns one or when ctx is done.
func WalkWith(ctx context.Context, args []string, stdin io.Reader, opt Options, fn func(article.Source, error) error) error {
	w := newWalker(ctx, opt, fn)
	for _, arg := range args {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case arg == "-":
			if stdin == nil {
				stdin = strings.NewReader("")
			}
			err = w.reader("-", stdin, -1)
		case isURL(arg):
			err = w.url(arg)
		case strings.ContainsAny(arg, "*?["):
			err = w.glob(arg)
		default:
			err = w.path(arg, false)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (w *walker) glob(pattern string) error {
	matches, err := filepath.Glob(pattern)
	if err != nil {
		return w.fn(article.Source{Name: pattern}, fmt.Errorf("%s: %w", pattern, err))
	}
	n := 0
	for _, m := range matches {
		if skipName(m) {
			continue
		}
		n++
		if err := w.path(m, true); err != nil {
			return err
		}
	}
	if n == 0 {
		return w.fn(article.Source{Name: pattern}, fmt.Errorf("%s: no files match", pattern))
	}
	return nil
}

// path reads a file or walks a folder.
func (w *walker) path(p string, found bool) error {
	info, err := os.Stat(p)
	if err != nil {
		return w.fn(article.Source{Name: p}, err) // *PathError names p
	}
	if !info.IsDir() {
		return w.file(p)
	}
	return filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
		if cerr := w.ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			// An unreadable folder or file: report it and go on.
			return w.fn(article.Source{Name: q}, err)
		}
		if q == p {
			return nil
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if skipName(q) {
			return nil
		}
		if !d.Type().IsRegular() {
			// A symbolic link is read when it leads to a file.
			if info, err := os.Stat(q); err != nil || !info.Mode().IsRegular() {
				return nil
			}
		}
		return w.file(q)
	})
}

func (w *walker) file(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return w.fn(article.Source{Name: p}, err)
	}
	defer f.Close()
	size := int64(-1)
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		size = info.Size()
	}
	return w.reader(p, f, size)
}

// reader reads the input name from r, whose size is known when not
// negative, and hands its articles to fn.
func (w *walker) reader(name string, r io.Reader, size int64) error {
	br := w.br
	if br == nil {
		br = bufio.NewReaderSize(r, sniffSize)
		w.br = br
	} else {
		br.Reset(r)
	}
	defer br.Reset(nil)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return w.fn(article.Source{Name: name}, fmt.Errorf("%s: %w", name, err))
	}
	if len(head) == 0 {
		return w.fn(article.Source{Name: name}, fmt.Errorf("%s: empty file", name))
	}
	switch f := sniffFormat(name, head); f {
	case formatWARC:
		return w.warc(name, br)
	case formatJSONL:
		return w.jsonl(name, br)
	case formatGzip:
		return w.fn(article.Source{Name: name}, fmt.Errorf("%s: gzip-compressed file that is not a WARC archive", name))
	default:
		if size > MaxFileSize {
			return w.fn(article.Source{Name: name}, fmt.Errorf("%s: file too large (%d bytes; the limit is %d MiB)", name, size, MaxFileSize>>20))
		}
		b, err := readCapped(br, size, MaxFileSize)
		if err != nil {
			return w.fn(article.Source{Name: name}, fmt.Errorf("%s: %w", name, err))
		}
		if f == formatFeed {
			return w.feed(name, b)
		}
		return w.fn(readBytes(name, b, f == formatHTML))
	}
}

// readCapped reads all of r, at most max bytes; size, when not negative,
// is the expected size, read into a buffer allocated once (one byte more, to
// see the end without growing it), as os.ReadFile does.
func readCapped(r io.Reader, size, max int64) ([]byte, error) {
	if size < 0 || size > max {
		size = 512
	}
	r = io.LimitReader(r, max+1)
	b := make([]byte, 0, size+1)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("input too large (more than %d MiB)", max>>20)
	}
	return b, nil
}

// readBytes turns one article's bytes, HTML or plain text, into a Source.
func readBytes(name string, b []byte, isHTML bool) (article.Source, error) {
	src := article.Source{Name: name}
	if isHTML {
		if len(b) > MaxHTMLSize {
			return src, fmt.Errorf("%s: HTML page too large (%d bytes; the limit is %d MiB)", name, len(b), MaxHTMLSize>>20)
		}
		return htmlSource(name, b, "", "text/html")
	}
	text, err := Decode(name, b)
	if err != nil {
		return src, err
	}
	if strings.TrimSpace(text) == "" {
		return src, fmt.Errorf("%s: no text", name)
	}
	src.Text = text
	return src, nil
}
