package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "h.db")
	out := filepath.Join(dir, "report.html")
	_, stderr, code := runCLI(t, "", "report", "--db", db, "-o", out, "../../examples")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	first, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	page := string(first)
	for _, want := range []string{"<!doctype html>", "01-wire-agency.txt", `id="qc0"`, `id="d0-q0"`, "<svg", `id="hs-data"`, "Content-Security-Policy", "</html>"} {
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(page, "http://") && strings.Contains(page, `src="http`) {
		t.Error("report loads something from the network")
	}
	// From the store alone, the same page.
	out2 := filepath.Join(dir, "again.html")
	if _, stderr, code := runCLI(t, "", "report", "--db", db, "-o", out2); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	second, _ := os.ReadFile(out2)
	if string(second) != page {
		t.Error("the report from the store differs from the first")
	}
	stdout, stderr, code := runCLI(t, "", "report", "--db", db, "-o", "-")
	if code != exitOK || stdout != page {
		t.Errorf("-o -: exit %d, %d bytes: %s", code, len(stdout), stderr)
	}
}

func TestReportUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"report", "--db", filepath.Join(dir, "missing.db"), "-o", filepath.Join(dir, "r.html")},
		{"report", "--db", "none", "x"},
		{"report", "--bogus"},
	} {
		if _, _, code := runCLI(t, "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); err == nil {
		t.Error("report created a store it was not asked to fill")
	}
	if _, _, code := runCLI(t, "", "report", "-h"); code != exitOK {
		t.Errorf("-h: exit %d", code)
	}
}
