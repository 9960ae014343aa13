// Command hearsay shows who says what, on whose word, in a pile of news
// articles: every quotation with its speaker, cue and channel; reported
// claims; named and anonymous sources; numbers with what they count; and,
// across articles, how quotes, claims and numbers travel between outlets.
//
// Usage:
//
//	hearsay extract [--json] PATH...   one record per article
//	hearsay analyze [--json] PATH...   the corpus: copies, stories, clusters, conflicts
//
// PATH is a file, a folder (read recursively), a glob, or - for standard
// input. Exit status: 0 all inputs read, 1 some inputs failed, 2 usage error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

const usage = `hearsay shows who says what, on whose word, in news articles.

Usage:
  hearsay extract [flags] PATH...   quotations, speakers, claims, sources, numbers per article
  hearsay analyze [flags] PATH...   the same across articles: copies, stories, shared quotes,
                                    conflicting numbers, provenance
  hearsay report [flags] [PATH...]  the stored corpus as one HTML file that opens offline
  hearsay serve [flags]             the same views, search, JSON and CSV over HTTP
  hearsay help COMMAND              flags of a command

PATH is a file, a folder (read recursively), a glob, or - for standard input.
Text (UTF-8, UTF-16 with BOM, Windows-1252) and saved web pages (HTML) are read.
`

// exit codes
const (
	exitOK      = 0
	exitInput   = 1 // some inputs could not be read
	exitUsage   = 2
	exitFailure = 3 // output could not be written or the engine failed to start
)

// outBufSize is the size of the buffer before standard output: large
// enough that a corpus's JSON goes out in a few large writes.
const outBufSize = 256 << 10

type env func(string) string

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv env) int {
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "extract":
		return cmdExtract(ctx, rest, stdin, stdout, stderr, getenv, log)
	case "analyze", "analyse":
		return cmdAnalyze(ctx, rest, stdin, stdout, stderr, getenv, log)
	case "report":
		return cmdReport(ctx, rest, stdin, stdout, stderr, getenv, log)
	case "serve":
		return cmdServe(ctx, rest, stdin, stdout, stderr, getenv, log)
	case "help", "-h", "--help":
		if len(rest) > 0 {
			return run(ctx, []string{rest[0], "-h"}, stdin, stdout, stderr, getenv)
		}
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "hearsay: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	}
}

// commonFlags are the flags every reading command takes.
type commonFlags struct {
	json    bool
	workers int
	color   string
	quiet   bool

	allowPrivate bool   // fetch URLs on loopback, private and link-local addresses
	fetchLinks   bool   // fetch the pages of feed items without full text
	cpuProfile   string // write a pprof CPU profile of the run here
}

func newFlagSet(name, synopsis string, stderr io.Writer, cf *commonFlags) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&cf.json, "json", false, "print JSON (see spec/output.md) instead of a digest for people")
	fs.IntVar(&cf.workers, "workers", 0, "documents processed in parallel (0: one per CPU)")
	fs.StringVar(&cf.color, "color", "auto", "colour the digest: auto (only on a terminal, never with NO_COLOR), always, never")
	fs.BoolVar(&cf.quiet, "quiet", false, "do not report unreadable inputs on standard error")
	fs.BoolVar(&cf.allowPrivate, "allow-private", false, "let URLs reach loopback, private and link-local addresses (refused by default)")
	fs.BoolVar(&cf.fetchLinks, "fetch-links", false, "fetch the page of a feed item that has only a teaser and a link")
	fs.StringVar(&cf.cpuProfile, "cpuprofile", "", "write a CPU profile of the run to this file (for go tool pprof)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: hearsay %s [flags] PATH...\n\n%s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; ok is false (with the exit code) when the command
// should stop.
func parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	if fs.NArg() == 0 {
		fmt.Fprintf(fs.Output(), "hearsay %s: no input given (a file, folder, glob or -)\n", fs.Name())
		return exitUsage, false
	}
	return 0, true
}

// startProfile starts the CPU profile that --cpuprofile asks for; stop ends
// it. ok is false when the profile cannot be written.
func (cf *commonFlags) startProfile(stderr io.Writer) (stop func(), ok bool) {
	if cf.cpuProfile == "" {
		return func() {}, true
	}
	f, err := os.Create(cf.cpuProfile)
	if err != nil {
		fmt.Fprintf(stderr, "hearsay: --cpuprofile: %v\n", err)
		return nil, false
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		fmt.Fprintf(stderr, "hearsay: --cpuprofile: %v\n", err)
		return nil, false
	}
	return func() {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			fmt.Fprintf(stderr, "hearsay: --cpuprofile: %v\n", err)
		}
	}, true
}

func useColor(mode string, w io.Writer, getenv env) bool {
	switch mode {
	case "always":
		return getenv("NO_COLOR") == ""
	case "never":
		return false
	}
	if getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
