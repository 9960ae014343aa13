package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/hearsaylab/hearsay/store"
	"github.com/hearsaylab/hearsay/web"
)

// cmdReport writes the stored corpus as one self-contained HTML file,
// analysing PATHs into the store first when they are given.
func cmdReport(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv env, log *slog.Logger) int {
	fset := flag.NewFlagSet("report", flag.ContinueOnError)
	fset.SetOutput(stderr)
	db := fset.String("db", "hearsay.db", "the store: a SQLite file or a postgres:// URL")
	out := fset.String("o", "hearsay-report.html", "the HTML file to write (- for standard output)")
	title := fset.String("title", "", "the report's title (default \"hearsay report\")")
	fset.Usage = func() {
		fmt.Fprintf(stderr, "Usage: hearsay report [--db PATH] [-o FILE] [PATH...]\n\n%s\n\nFlags:\n",
			"Writes the stored corpus as one HTML file that opens offline: per story the documents,\n"+
				"coverage, shared quotations side by side, conflicting numbers, provenance and quotes by\n"+
				"speaker, then every article with its quotes, numbers and sources highlighted, and a\n"+
				"search box. With PATHs, they are analysed into the store first (as hearsay analyze --db).")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if *db == "" || *db == "none" {
		fmt.Fprintln(stderr, "hearsay report: --db must name a store")
		return exitUsage
	}
	code := exitOK
	if fset.NArg() > 0 {
		code = cmdAnalyze(ctx, append([]string{"--db", *db, "--json"}, fset.Args()...), stdin, io.Discard, stderr, getenv, log)
		if code != exitOK && code != exitInput {
			return code
		}
	} else if !isURL(*db) {
		if _, err := os.Stat(*db); errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(stderr, "hearsay report: no store at %s: give PATHs to analyse, or --db\n", *db)
			return exitUsage
		}
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "hearsay report: %v\n", err)
		return exitFailure
	}
	defer st.Close()
	c, err := st.LoadCorpus(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "hearsay report: loading the corpus: %v\n", err)
		return exitFailure
	}
	opt := web.Options{Title: *title}
	if *out == "-" {
		if err := web.Render(stdout, c, opt); err != nil {
			fmt.Fprintf(stderr, "hearsay report: writing output: %v\n", err)
			return exitFailure
		}
		return code
	}
	if err := writeFileAtomic(*out, func(w io.Writer) error { return web.Render(w, c, opt) }); err != nil {
		fmt.Fprintf(stderr, "hearsay report: %v\n", err)
		return exitFailure
	}
	fmt.Fprintf(stderr, "hearsay: wrote %s (%s, %s)\n", *out, plural(len(c.Documents), "document", "documents"), plural(len(c.Stories), "story", "stories"))
	return code
}

func isURL(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// writeFileAtomic writes a file through a temporary file beside it, so
// that a failed run leaves the old file in place.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
