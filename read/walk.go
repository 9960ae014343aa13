package read

import (
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
	".json": true, ".jsonl": true, ".ndjson": true, ".css": true, ".js": true, ".map": true,
	".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true,
	".exe": true, ".dll": true, ".so": true, ".dylib": true, ".o": true, ".a": true,
	".bin": true, ".class": true, ".pyc": true, ".db": true, ".sqlite": true,
}

// skipName reports whether a file found in a folder or by a glob pattern
// should be left out: hidden files, editor backups and non-article types.
func skipName(name string) bool {
	base := filepath.Base(name)
	stem := strings.ToUpper(strings.TrimSuffix(base, filepath.Ext(base)))
	return strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") ||
		skipExt[strings.ToLower(filepath.Ext(base))] || projectDocs[stem]
}

// projectDocs are the stems of a folder's own documentation files (README.md,
// LICENSE), which describe a corpus rather than belong to it.
var projectDocs = map[string]bool{"README": true, "LICENSE": true, "LICENCE": true,
	"CHANGELOG": true, "COPYING": true, "NOTICE": true, "AUTHORS": true}

// Walk reads the inputs named by args and calls fn once per input, with
// the Source read from it or with an error saying why it could not be read.
// An argument is a file, a folder (read recursively in lexical order,
// leaving out hidden files and folders and files that are obviously not
// articles), a glob pattern (when it holds *, ? or [) or "-" for stdin.
// Source.Name is the path as given or found. Walk goes on after an input
// that fails to read; it stops and returns the error when fn returns one
// or when ctx is done.
func Walk(ctx context.Context, args []string, stdin io.Reader, fn func(article.Source, error) error) error {
	w := walker{ctx: ctx, fn: fn}
	for _, arg := range args {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case arg == "-":
			err = w.reader("-", stdin)
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

// walker carries Walk's context and callback.
type walker struct {
	ctx context.Context
	fn  func(article.Source, error) error
}

func (w walker) glob(pattern string) error {
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
func (w walker) path(p string, found bool) error {
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

func (w walker) file(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return w.fn(article.Source{Name: p}, err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > MaxFileSize {
		return w.fn(article.Source{Name: p}, fmt.Errorf("%s: file too large (%d bytes; the limit is %d MiB)", p, info.Size(), MaxFileSize>>20))
	}
	return w.reader(p, f)
}

// reader reads one input from r and hands it to fn.
func (w walker) reader(name string, r io.Reader) error {
	src, err := readSource(name, r)
	return w.fn(src, err)
}

// readSource reads one input, HTML or plain text, with the size cap.
func readSource(name string, r io.Reader) (article.Source, error) {
	src := article.Source{Name: name}
	b, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return src, fmt.Errorf("%s: %w", name, err)
	}
	if len(b) > MaxFileSize {
		return src, fmt.Errorf("%s: input too large (more than %d MiB)", name, MaxFileSize>>20)
	}
	if LooksHTML(name, b) {
		if len(b) > MaxHTMLSize {
			return src, fmt.Errorf("%s: HTML page too large (%d bytes; the limit is %d MiB)", name, len(b), MaxHTMLSize>>20)
		}
		return htmlSource(name, b, "")
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
