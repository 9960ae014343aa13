// Package testtexts gives the tests and benchmarks of hearsay's stages the
// texts they run on: the repository's example articles and, when the
// environment names their folder, the ECB+ articles. It is meant for
// _test.go files only.
package testtexts

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// ECBEnv names the folder of the ECB+ articles as text files, made by
// ../shared/eval/ecbplus_to_text.py; the identity harness reads it too.
const ECBEnv = "HEARSAY_IDENTITY_ECB"

// Examples returns the example articles of the repository (examples/*.txt),
// in the order of their names; it skips tb when there are none.
func Examples(tb testing.TB) []string {
	texts := Files(tb, filepath.Join(Root(tb), "examples", "*.txt"))
	if len(texts) == 0 {
		tb.Skip("no example articles")
	}
	return texts
}

// WithECB returns Examples followed by the ECB+ articles when ECBEnv names
// their folder.
func WithECB(tb testing.TB) []string {
	texts := Examples(tb)
	if dir := os.Getenv(ECBEnv); dir != "" {
		texts = append(texts, Files(tb, filepath.Join(dir, "*.txt"))...)
	}
	return texts
}

// Files returns the contents of the files that match pattern, in the order
// of their names; it fails tb when one cannot be read.
func Files(tb testing.TB, pattern string) []string {
	tb.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil {
		tb.Fatalf("testtexts: %v", err)
	}
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatalf("testtexts: %v", err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

// Size returns the total length of texts in bytes, for testing.B.SetBytes.
func Size(texts []string) int64 {
	var n int64
	for _, t := range texts {
		n += int64(len(t))
	}
	return n
}

// Root returns the folder of the repository, found from this file's path.
func Root(tb testing.TB) string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		tb.Fatal("testtexts: no source path")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}
