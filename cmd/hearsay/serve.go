package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/hearsaylab/hearsay/store"
	"github.com/hearsaylab/hearsay/web"
)

// Server limits.
const (
	serveReadHeaderTimeout = 5 * time.Second
	serveReadTimeout       = 15 * time.Second
	serveWriteTimeout      = 2 * time.Minute // a large corpus's JSON or CSV takes a while
	serveIdleTimeout       = 2 * time.Minute
	serveMaxHeaderBytes    = 16 << 10
	serveShutdownTimeout   = 10 * time.Second
)

// cmdServe serves the stored corpus over HTTP until ctx ends.
func cmdServe(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv env, _ *slog.Logger) int {
	fset := flag.NewFlagSet("serve", flag.ContinueOnError)
	fset.SetOutput(stderr)
	db := fset.String("db", "hearsay.db", "the store: a SQLite file or a postgres:// URL")
	addr := fset.String("addr", "127.0.0.1:8080", "the address to listen on (HOST:PORT); keep it on loopback unless a proxy guards it")
	title := fset.String("title", "", "the pages' title (default \"hearsay report\")")
	fset.Usage = func() {
		fmt.Fprintf(stderr, "Usage: hearsay serve [--db PATH] [--addr HOST:PORT]\n\n%s\n\nFlags:\n",
			"Serves the stored corpus: the report's views per story, search (free text,\n"+
				"speaker:, outlet:, anonymous:yes), a JSON API under /api/ and CSV export under\n"+
				"/export/ (quotes.csv, claims.csv, numbers.csv). Stops on Ctrl-C.")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fset.NArg() > 0 {
		fmt.Fprintf(stderr, "hearsay serve: unexpected argument %q (analyse inputs with hearsay analyze --db)\n", fset.Arg(0))
		return exitUsage
	}
	if *db == "" || *db == "none" {
		fmt.Fprintln(stderr, "hearsay serve: --db must name a store")
		return exitUsage
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	if !isURL(*db) {
		if _, err := os.Stat(*db); err != nil {
			fmt.Fprintf(stderr, "hearsay serve: no store at %s (make one with hearsay analyze --db %s PATH...)\n", *db, *db)
			return exitUsage
		}
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "hearsay serve: %v\n", err)
		return exitFailure
	}
	defer st.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "hearsay serve: %v\n", err)
		return exitFailure
	}
	srv := &http.Server{
		Handler:           logRequests(log, web.NewHandler(st, web.Options{Title: *title, Logger: log})),
		ReadHeaderTimeout: serveReadHeaderTimeout,
		ReadTimeout:       serveReadTimeout,
		WriteTimeout:      serveWriteTimeout,
		IdleTimeout:       serveIdleTimeout,
		MaxHeaderBytes:    serveMaxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "db", *db, "backend", st.Backend())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		log.Error("server stopped", "err", err)
		return exitFailure
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), serveShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		log.Warn("shutdown", "err", err)
		srv.Close()
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Error("server", "err", err)
		return exitFailure
	}
	return exitOK
}

// statusWriter remembers the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// logRequests logs one line per request: method, path (without the query,
// which may hold what someone searched for), status, size and time.
func logRequests(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		log.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.status, "bytes", sw.bytes, "ms", time.Since(start).Milliseconds())
	})
}
