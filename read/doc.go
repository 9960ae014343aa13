// Package read turns outside input into article.Source values: it decodes
// plain text files (UTF-8, UTF-16 with a byte order mark, Windows-1252),
// reduces HTML pages to their main text and metadata with go-trafilatura,
// and walks the files, folders, glob patterns and standard input named on
// a command line.
package read
