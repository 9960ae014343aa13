package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// runCLI runs the command line in-process and returns stdout, stderr and
// the exit code.
func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb, func(string) string { return "" })
	return out.String(), errb.String(), code
}

// TestGolden pins the JSON and text outputs on the bundled examples.
// Regenerate with: go test ./cmd/hearsay -run Golden -update
func TestGolden(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"extract.jsonl", []string{"extract", "--json", "../../examples"}},
		{"analyze.json", []string{"analyze", "--db", "none", "--json", "../../examples"}},
		{"extract.txt", []string{"extract", "../../examples/04-opposition-daily.txt"}},
		{"analyze.txt", []string{"analyze", "--db", "none", "../../examples"}},
	}
	for _, tc := range tests {
		t.Run(tc.golden, func(t *testing.T) {
			got, stderr, code := runCLI(t, "", tc.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			path := filepath.Join("testdata", tc.golden)
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (run with -update to accept):\n%s", path, firstDiff(got, string(want)))
			}
		})
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + itoa(i+1) + ":\n got: " + clip(al[i]) + "\nwant: " + clip(bl[i])
		}
	}
	return "lengths differ"
}

func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestCLI(t *testing.T) {
	t.Run("no args is a usage error", func(t *testing.T) {
		if _, _, code := runCLI(t, ""); code != exitUsage {
			t.Errorf("exit %d, want %d", code, exitUsage)
		}
	})
	t.Run("unknown command", func(t *testing.T) {
		if _, _, code := runCLI(t, "", "frobnicate"); code != exitUsage {
			t.Errorf("exit %d, want %d", code, exitUsage)
		}
	})
	t.Run("help", func(t *testing.T) {
		_, stderr, code := runCLI(t, "", "extract", "-h")
		if code != exitOK || !strings.Contains(stderr, "--json") {
			t.Errorf("exit %d, stderr %q", code, stderr)
		}
	})
	t.Run("stdin", func(t *testing.T) {
		out, _, code := runCLI(t, "“We will rebuild,” Mayor Helga Strand said.", "extract", "--json", "-")
		if code != 0 || !strings.Contains(out, `"speaker":"Helga Strand"`) {
			t.Errorf("exit %d, out %q", code, out)
		}
	})
	t.Run("bad input is reported and the rest processed", func(t *testing.T) {
		dir := t.TempDir()
		good := filepath.Join(dir, "good.txt")
		bad := filepath.Join(dir, "bad.txt")
		os.WriteFile(good, []byte("“We will rebuild,” Mayor Helga Strand said."), 0o644)
		os.WriteFile(bad, []byte{0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 7}, 0o644)
		out, stderr, code := runCLI(t, "", "extract", "--json", bad, good)
		if code != exitInput {
			t.Errorf("exit %d, want %d", code, exitInput)
		}
		if !strings.Contains(stderr, "bad.txt") || strings.Count(out, "\n") != 1 {
			t.Errorf("stderr %q, out %q", stderr, out)
		}
	})
	t.Run("no colour when not a terminal", func(t *testing.T) {
		out, _, _ := runCLI(t, "“We will rebuild,” Mayor Helga Strand said.", "extract", "-")
		if strings.Contains(out, "\x1b[") {
			t.Errorf("colour codes in piped output")
		}
	})
}
