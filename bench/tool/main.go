// Command tool is the plumbing of the side-by-side benchmark (bench/run.sh):
//
//	tool lists -dir CORPUS -out DIR [-sample-mb 5]
//	    writes DIR/files.txt (every *.txt under CORPUS, sorted) and
//	    DIR/sample.txt (every k-th of them, about sample-mb megabytes: the
//	    deterministic sample for the slow peers, spread over the whole corpus)
//	tool measure [-name N -scope S -json] [-pin CPU] -- COMMAND ARGS...
//	    runs COMMAND and prints one result line (benchrun.Result). With -json
//	    the command prints its own (one) result line (timings of the processing
//	    alone) and tool adds the peak RSS; without, the command's output goes
//	    to nowhere and the result is its whole run: wall time, CPU time
//	    (user+system) and peak RSS, from the kernel's accounting of the child.
//	tool table -results FILE.jsonl [-meta FILE] [-o results.md]
//	    prints the results as a Markdown table with MB/s and words/s per core
//	    and the ratios to hearsay extract, and writes it to -o.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/hearsaylab/hearsay/bench/internal/benchrun"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: tool lists|measure|table ...")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "lists":
		err = lists(os.Args[2:])
	case "measure":
		err = measure(os.Args[2:])
	case "table":
		err = table(os.Args[2:])
	default:
		err = fmt.Errorf("unknown subcommand %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "tool:", err)
		os.Exit(1)
	}
}

func lists(args []string) error {
	fset := flag.NewFlagSet("lists", flag.ExitOnError)
	dir := fset.String("dir", "", "corpus folder")
	out := fset.String("out", "", "folder for files.txt and sample.txt")
	sampleMB := fset.Float64("sample-mb", 5, "size of the sample in MB (10^6 bytes)")
	fset.Parse(args)
	type file struct {
		path string
		size int64
	}
	var files []file
	var total int64
	err := filepath.WalkDir(*dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		files = append(files, file{p, info.Size()})
		total += info.Size()
		return nil
	})
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no .txt files under %s", *dir)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].path < files[j].path })
	k := max(1, int(math.Ceil(float64(total)/(*sampleMB*1e6))))
	var all, sample strings.Builder
	for i, f := range files {
		all.WriteString(f.path + "\n")
		if i%k == 0 {
			sample.WriteString(f.path + "\n")
		}
	}
	if err := os.WriteFile(filepath.Join(*out, "files.txt"), []byte(all.String()), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(*out, "sample.txt"), []byte(sample.String()), 0o644)
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return "?"
	}
	return f[0]
}

func measure(args []string) error {
	fset := flag.NewFlagSet("measure", flag.ExitOnError)
	name := fset.String("name", "", "contender name (without -json)")
	scope := fset.String("scope", "full", "full or sample (without -json)")
	note := fset.String("note", "", "note for the table (without -json)")
	asJSON := fset.Bool("json", false, "the command prints its own result line")
	pin := fset.String("pin", "", "the CPU the command is pinned to, for the record")
	fset.Parse(args)
	cmdArgs := fset.Args()
	if len(cmdArgs) == 0 {
		return fmt.Errorf("measure: no command")
	}
	cmd := exec.Command(cmdArgs[0], cmdArgs[1:]...)
	var stdout bytes.Buffer
	if *asJSON {
		cmd.Stdout = &stdout
	} else {
		cmd.Stdout = io.Discard
	}
	cmd.Stderr = os.Stderr
	before := loadavg()
	t0 := time.Now()
	err := cmd.Run()
	wall := time.Since(t0).Seconds()
	if err != nil {
		return fmt.Errorf("measure: %s: %w", strings.Join(cmdArgs, " "), err)
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	var r benchrun.Result
	if *asJSON {
		line := strings.TrimSpace(stdout.String())
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			return fmt.Errorf("measure: %s printed no result line: %w", cmdArgs[0], err)
		}
	} else {
		r = benchrun.Result{Contender: *name, Scope: *scope, Passes: 1, WallS: wall, Note: *note}
		if ru != nil {
			r.CPUS = time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
		}
	}
	if ru != nil {
		r.RSSKB = ru.Maxrss // kilobytes on Linux
	}
	r.Load = before + "→" + loadavg()
	r.Pin = *pin
	b, _ := json.Marshal(r)
	fmt.Println(string(b))
	return nil
}

func table(args []string) error {
	fset := flag.NewFlagSet("table", flag.ExitOnError)
	results := fset.String("results", "", "result lines (JSON), one a line")
	meta := fset.String("meta", "", "Markdown to put before the table")
	out := fset.String("o", "", "Markdown file to write")
	fset.Parse(args)
	f, err := os.Open(*results)
	if err != nil {
		return err
	}
	defer f.Close()
	var rs []benchrun.Result
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var r benchrun.Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return fmt.Errorf("%s: %w", *results, err)
		}
		rs = append(rs, r)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	// Whole-run rows (the CLI) process the corpus of a row of the same
	// scope that counted it.
	size := map[string]benchrun.Result{}
	for _, r := range rs {
		if r.Bytes > 0 {
			if _, ok := size[r.Scope]; !ok {
				size[r.Scope] = r
			}
		}
	}
	for i := range rs {
		if rs[i].Bytes == 0 {
			s := size[rs[i].Scope]
			rs[i].Bytes, rs[i].Words, rs[i].Files = s.Bytes, s.Words, s.Files
		}
	}
	// The reference of each scope: hearsay's engine on the same text.
	ref := map[string]benchrun.Result{}
	for _, r := range rs {
		if strings.HasPrefix(r.Contender, "hearsay extract (engine") {
			ref[r.Scope] = r
		}
	}
	mbps := func(r benchrun.Result) float64 { return float64(r.Bytes) / 1e6 / r.CPUS }

	var b strings.Builder
	if *meta != "" {
		m, err := os.ReadFile(*meta)
		if err != nil {
			return err
		}
		b.Write(m)
		b.WriteString("\n")
	}
	b.WriteString("| contender | text | MB | words | passes | load s | CPU s | wall s | **MB/s per core** | words/s per core | peak RSS MB | hearsay extract ÷ this | load avg | notes |\n")
	b.WriteString("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|\n")
	for _, r := range rs {
		ratio := "–"
		if h, ok := ref[r.Scope]; ok && r.CPUS > 0 && h.CPUS > 0 {
			ratio = fmt.Sprintf("%.2f×", mbps(h)/mbps(r))
		}
		load := "–"
		if r.LoadS > 0 {
			load = fmt.Sprintf("%.2f", r.LoadS)
		}
		fmt.Fprintf(&b, "| %s | %s | %.1f | %s | %d | %s | %.2f | %.2f | **%.2f** | %s | %.0f | %s | %s | %s |\n",
			r.Contender, r.Scope, float64(r.Bytes)/1e6, thousands(r.Words), r.Passes, load, r.CPUS, r.WallS,
			mbps(r), thousands(int64(float64(r.Words)/r.CPUS)), float64(r.RSSKB)/1024, ratio, r.Load, r.Note)
	}
	b.WriteString("\n")
	b.WriteString(summary(rs, ref, mbps))
	fmt.Print(b.String())
	if *out != "" {
		return os.WriteFile(*out, []byte(b.String()), 0o644)
	}
	return nil
}

// summary states where hearsay extract stands: against the fastest peer
// (on the text the peer processed) and against the floor (full corpus).
func summary(rs []benchrun.Result, ref map[string]benchrun.Result, mbps func(benchrun.Result) float64) string {
	var s strings.Builder
	var fastest benchrun.Result
	for _, r := range rs {
		if strings.HasPrefix(r.Contender, "hearsay") || strings.HasPrefix(r.Contender, "floor") || r.CPUS == 0 {
			continue
		}
		if fastest.CPUS == 0 || mbps(r) > mbps(fastest) {
			fastest = r
		}
	}
	if h, ok := ref[fastest.Scope]; ok && fastest.CPUS > 0 {
		fmt.Fprintf(&s, "- hearsay extract vs the fastest peer (%s, on the %s text): %.2f MB/s vs %.2f MB/s per core, **%.1f×** (target ≥ 10×).\n",
			fastest.Contender, fastest.Scope, mbps(h), mbps(fastest), mbps(h)/mbps(fastest))
	}
	for _, r := range rs {
		if strings.HasPrefix(r.Contender, "floor") {
			if h, ok := ref[r.Scope]; ok && h.CPUS > 0 {
				fmt.Fprintf(&s, "- hearsay extract vs the bare tokenizing pass (%s text): %.2f MB/s vs %.2f MB/s per core: extraction takes **%.1f×** the floor's time (target ≤ 5×).\n",
					r.Scope, mbps(h), mbps(r), mbps(r)/mbps(h))
			}
		}
	}
	return s.String()
}

// thousands writes n with thin separators: 1,234,567.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
