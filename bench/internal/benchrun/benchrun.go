// Package benchrun holds what the Go contenders of the side-by-side benchmark
// (bench/run.sh) share: reading the corpus file list, timing passes in wall
// and CPU time, and printing one result line that bench/table turns into the
// results table.
package benchrun

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"syscall"
	"time"
	"unicode"
)

// Result is one contender's measurement, printed as one JSON line. The node
// peers print the same fields.
type Result struct {
	Contender string  `json:"contender"`
	Scope     string  `json:"scope"` // "full" or "sample"
	Files     int     `json:"files"`
	Bytes     int64   `json:"bytes"`
	Words     int64   `json:"words"`  // whitespace-separated words of the input
	LoadS     float64 `json:"load_s"` // model or engine load, not in the timings below
	ReadS     float64 `json:"read_s"` // reading the files into memory, not in the timings below
	Passes    int     `json:"passes"`
	WallS     float64 `json:"wall_s"` // best pass, wall clock
	CPUS      float64 `json:"cpu_s"`  // best pass, CPU time (user+system) of the process
	Note      string  `json:"note,omitempty"`
	// Filled in by bench/tool measure, which runs the contender:
	RSSKB int64  `json:"rss_kb,omitempty"` // peak resident set of the process
	Load  string `json:"load,omitempty"`   // 1-minute load average before→after
	Pin   string `json:"pin,omitempty"`    // the CPU the process was pinned to, if any
}

// Print writes r to standard output as one JSON line.
func (r Result) Print() {
	b, err := json.Marshal(r)
	if err != nil {
		panic(err)
	}
	fmt.Println(string(b))
}

// ReadList returns the paths in a list file, one a line.
func ReadList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if p := strings.TrimSpace(sc.Text()); p != "" {
			out = append(out, p)
		}
	}
	return out, sc.Err()
}

// Words counts whitespace-separated words, the definition every contender
// uses for words/s (JavaScript's /\s+/ split agrees on this text).
func Words(s string) int64 {
	var n int64
	in := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// CPU returns the CPU time (user+system, all threads) the process has used.
func CPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Best runs pass n times and fills r's Passes, WallS and CPUS with the pass
// that took the least CPU time (on a shared machine the least disturbed one).
func Best(r *Result, n int, pass func()) {
	if n < 1 {
		n = 1
	}
	r.Passes = n
	for i := 0; i < n; i++ {
		w0, c0 := time.Now(), CPU()
		pass()
		wall, cpu := time.Since(w0).Seconds(), (CPU() - c0).Seconds()
		if i == 0 || cpu < r.CPUS {
			r.WallS, r.CPUS = wall, cpu
		}
	}
}
