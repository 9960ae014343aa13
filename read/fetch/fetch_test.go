package fetch

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"
)

func TestRefused(t *testing.T) {
	tests := []struct {
		ip, want string
	}{
		{"127.0.0.1", "loopback"}, {"::1", "loopback"}, {"10.1.2.3", "private"}, {"172.16.0.1", "private"},
		{"192.168.1.1", "private"}, {"fd00::1", "private"}, {"169.254.169.254", "link-local"}, {"fe80::1", "link-local"},
		{"0.0.0.0", "unspecified"}, {"::", "unspecified"}, {"224.0.0.1", "link-local"}, {"239.1.1.1", "multicast"}, {"ff02::1", "link-local"},
		{"100.64.0.1", "shared (CGNAT)"}, {"::ffff:127.0.0.1", "loopback"}, {"::ffff:10.0.0.1", "private"},
		{"255.255.255.255", "broadcast"}, {"0.1.2.3", "reserved"},
		{"93.184.215.14", ""}, {"2606:4700::1111", ""}, {"100.128.0.1", ""},
	}
	for _, tt := range tests {
		if got := Refused(netip.MustParseAddr(tt.ip)); got != tt.want {
			t.Errorf("Refused(%s) = %q, want %q", tt.ip, got, tt.want)
		}
	}
}

func TestMediaType(t *testing.T) {
	tests := []struct {
		ct, want string
		ok       bool
	}{
		{"text/html; charset=utf-8", "text/html", true},
		{"TEXT/HTML", "text/html", true},
		{"application/rss+xml", "application/rss+xml", true},
		{"application/xhtml+xml; charset=\"iso-8859-1\"", "application/xhtml+xml", true},
		{"image/png", "image/png", false},
		{"application/pdf", "application/pdf", false},
		{"", "", true},
		{"text/html; charset", "text/html", true},
		{"garbage", "", true},
	}
	for _, tt := range tests {
		got, ok := MediaType(tt.ct)
		if got != tt.want || ok != tt.ok {
			t.Errorf("MediaType(%q) = %q, %v; want %q, %v", tt.ct, got, ok, tt.want, tt.ok)
		}
	}
}

// server serves a few paths for the tests.
func server(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write([]byte("<html><body><p>caf\xe9 " + r.UserAgent() + "</p></body></html>"))
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG"))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(strings.Repeat("a", 5000)))
	})
	mux.HandleFunc("/chunked-big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for range 10 {
			w.Write([]byte(strings.Repeat("a", 1000)))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func TestGet(t *testing.T) {
	s := server(t)
	ctx := context.Background()
	c := New(Options{AllowPrivate: true, MaxBytes: 4096, Timeout: 500 * time.Millisecond})
	p, err := c.Get(ctx, s.URL+"/page")
	if err != nil {
		t.Fatal(err)
	}
	if p.MediaType != "text/html" || !strings.Contains(string(p.Body), DefaultUserAgent) || p.URL != s.URL+"/page" {
		t.Errorf("page %+v", p)
	}
	tests := []struct {
		path, wantErr string
	}{
		{"/image", `content type "image/png"`},
		{"/big", "over the limit"},
		{"/chunked-big", "over the limit"},
		{"/loop", "more than 5 redirects"},
		{"/slow", "Timeout"},
		{"/missing", "404"},
		{"/file", `redirect to a "file" URL`},
	}
	for _, tt := range tests {
		_, err := c.Get(ctx, s.URL+tt.path)
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("Get %s: error %v, want %q", tt.path, err, tt.wantErr)
		}
	}
	for _, u := range []string{"ftp://example.com/", "http://", "::"} {
		if _, err := c.Get(ctx, u); err == nil {
			t.Errorf("Get(%q) did not fail", u)
		}
	}
}

func TestGuard(t *testing.T) {
	s := server(t)
	ctx := context.Background()
	// Loopback by address and by name (after DNS).
	c := New(Options{})
	for _, u := range []string{s.URL + "/page", strings.Replace(s.URL, "127.0.0.1", "localhost", 1) + "/page"} {
		_, err := c.Get(ctx, u)
		if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "loopback") {
			t.Errorf("Get(%s) = %v, want refused as loopback", u, err)
		}
	}

	// A redirect from an allowed address to a refused one. Only
	// 127.0.0.1 counts as public here; the target listens on 127.0.0.2.
	l, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("no 127.0.0.2 to listen on: %v", err)
	}
	inner := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("secret"))
	}))
	inner.Listener.Close()
	inner.Listener = l
	inner.Start()
	defer inner.Close()
	outer := httptest.NewServer(http.RedirectHandler(inner.URL+"/x", http.StatusFound))
	defer outer.Close()
	c = New(Options{refuse: func(ip netip.Addr) string {
		if ip == netip.MustParseAddr("127.0.0.1") {
			return ""
		}
		return Refused(ip)
	}})
	if _, err := c.Get(ctx, outer.URL); !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "127.0.0.2") {
		t.Errorf("redirect to 127.0.0.2: %v, want refused", err)
	}
	if p, err := c.Get(ctx, inner.URL); err == nil {
		t.Errorf("direct fetch of 127.0.0.2 = %q, want refused", p.Body)
	}
	c = New(Options{AllowPrivate: true})
	if p, err := c.Get(ctx, outer.URL); err != nil || string(p.Body) != "secret" || p.URL != inner.URL+"/x" {
		t.Errorf("with AllowPrivate: %v, %v", p, err)
	}
}

func FuzzMediaType(f *testing.F) {
	for _, s := range []string{"text/html; charset=utf-8", "", "a/b;c", "text/html; charset=\"", ";;", "application/rss+xml"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		mt, ok := MediaType(s)
		if mt != strings.ToLower(mt) {
			t.Fatalf("MediaType(%q) = %q, not lower case", s, mt)
		}
		if ok && mt != "" && !accepted[mt] {
			t.Fatalf("MediaType(%q) accepts %q", s, mt)
		}
	})
}
