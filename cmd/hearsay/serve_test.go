package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServe runs `hearsay serve` on a store of the examples, asks it for a
// page, the API and a search, and stops it through its context.
func TestServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "h.db")
	if _, stderr, code := runCLI(t, "", "analyze", "--db", db, "--json", "../../examples"); code != exitOK {
		t.Fatalf("analyze: exit %d: %s", code, stderr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, strings.NewReader(""), io.Discard, pw, func(string) string { return "" })
		pw.Close()
	}()
	urls := make(chan string, 1)
	var logs strings.Builder
	logDone := make(chan struct{})
	go func() {
		defer close(logDone)
		sc := bufio.NewScanner(pr)
		re := regexp.MustCompile(`url=(http://127\.0\.0\.1:\d+/)`)
		for sc.Scan() {
			logs.WriteString(sc.Text() + "\n")
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				urls <- m[1]
			}
		}
	}()
	var base string
	select {
	case base = <-urls:
	case code := <-done:
		t.Fatalf("serve stopped with %d", code)
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not start")
	}
	client := &http.Client{Timeout: 10 * time.Second}
	get := func(path string) (int, string, http.Header) {
		t.Helper()
		resp, err := client.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b), resp.Header
	}
	code, body, hd := get("")
	if code != 200 || !strings.Contains(body, `href="/story/0#s0"`) || !strings.Contains(hd.Get("Content-Security-Policy"), "nonce-") {
		t.Errorf("/: %d %.300s", code, body)
	}
	code, body, _ = get("story/0")
	if code != 200 || !strings.Contains(body, `id="d0-q0"`) {
		t.Errorf("/story/0: %d", code)
	}
	code, body, _ = get("api/search?q=speaker:Varga+hidden")
	var res struct{ Hits []struct{ Speaker string } }
	if code != 200 || json.Unmarshal([]byte(body), &res) != nil || len(res.Hits) == 0 {
		t.Errorf("/api/search: %d %.300s", code, body)
	}
	code, body, _ = get("export/numbers.csv")
	if code != 200 || !strings.HasPrefix(body, "doc,outlet,date,number") {
		t.Errorf("/export/numbers.csv: %d %.100s", code, body)
	}
	resp, err := client.Post(base+"api/corpus", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", resp.StatusCode)
	}
	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("serve exited %d", code)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	<-logDone
	if !strings.Contains(logs.String(), "msg=request") || !strings.Contains(logs.String(), "shutting down") {
		t.Errorf("logs:\n%s", logs.String())
	}
}

func TestServeUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"serve", "--db", filepath.Join(dir, "missing.db")},
		{"serve", "--db", "none"},
		{"serve", "extra"},
		{"serve", "--bogus"},
	} {
		if _, _, code := runCLI(t, "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}
