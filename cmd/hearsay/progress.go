package main

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress draws a progress bar with rate and ETA on standard error while
// analyze reads a corpus: only when standard error is a terminal and
// --quiet is not set. Its methods do nothing on a nil *progress.
type progress struct {
	bar *progressbar.ProgressBar
}

// newProgress returns a progress bar for reading paths, or nil when none
// should be drawn. The number of documents is estimated in the background
// from the files under paths; inputs that hold several articles per file
// (archives, feeds, JSON Lines), URLs and standard input leave it open, and
// the bar then shows the count and rate only.
func newProgress(stderr io.Writer, quiet bool, paths []string) *progress {
	f, ok := stderr.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	bar := progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription("reading"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("docs"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30),
	)
	p := &progress{bar: bar}
	go func() {
		if n, ok := countInputs(paths); ok && n > 0 {
			bar.ChangeMax64(int64(n))
		}
	}()
	return p
}

// countInputs counts the article files under paths; ok is false when the
// count cannot be known from the file names.
func countInputs(paths []string) (n int, ok bool) {
	for _, p := range paths {
		if p == "-" || strings.Contains(p, "://") || strings.ContainsAny(p, "*?[") {
			return 0, false
		}
		err := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			name := d.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if multiArticle(name) {
				return fs.SkipAll
			}
			n++
			return nil
		})
		if err == fs.SkipAll || err != nil {
			return 0, false
		}
	}
	return n, true
}

// multiArticle reports whether a file of this name may hold many articles.
func multiArticle(name string) bool {
	name = strings.ToLower(name)
	for _, ext := range []string{".warc", ".warc.gz", ".jsonl", ".ndjson", ".rss", ".atom", ".xml", ".json"} {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}

// add counts one document read.
func (p *progress) add() {
	if p != nil {
		p.bar.Add(1)
	}
}

// stage names what is being done now ("linking").
func (p *progress) stage(desc string) {
	if p != nil {
		p.bar.Describe(desc)
	}
}

// done removes the bar.
func (p *progress) done() {
	if p != nil {
		p.bar.Finish()
		p.bar.Clear()
	}
}
