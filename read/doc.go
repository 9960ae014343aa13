// Package read turns outside input into article.Source values: it decodes
// plain text files (UTF-8, UTF-16 with a byte order mark, Windows-1252),
// reduces HTML pages to their main text and metadata with go-trafilatura,
// reads the articles inside containers — RSS, Atom and JSON feeds
// (read/feed), WARC archives such as CC-NEWS (read/warc) and JSON Lines
// (read/jsonl) — fetches http(s) URLs safely (read/fetch), and walks the
// files, folders, glob patterns, URLs and standard input named on a
// command line. Every read is capped, containers are streamed, and a bad
// input, record or line is reported by name and skipped.
package read
