package feed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParse(t *testing.T) {
	tests := []struct {
		file, typ, title string
		items            []Item // Content is compared as a prefix
	}{
		{"rss2.xml", "rss", "The Brackwater Gazette", []Item{
			{N: 1, Title: "Ferry Service to Holm Island Resumes", Link: "https://gazette.example.org/news/ferry-resumes", Date: "2025-02-11", Content: "<p>The ferry to Holm Island", Full: true},
			{N: 2, Title: "Library Extends Opening Hours", Link: "https://gazette.example.org/news/library-hours", Date: "2025-02-12", Content: "The town library"},
		}},
		{"rss091.xml", "rss", "Harbour Notes", []Item{
			{N: 1, Title: "Storm Closes the Pier", Link: "https://harbour.example.net/pier-closed", Content: "The harbour master said"},
		}},
		{"rss1.rdf", "rss", "Valley Herald", []Item{
			{N: 1, Title: "Old Bridge to Be Rebuilt", Link: "https://valley.example.com/bridge", Date: "2025-01-30", Content: "Engineers said"},
		}},
		{"atom.xml", "atom", "Northmoor Post", []Item{
			{N: 1, Title: "Council Approves New Cycle Lanes", Link: "https://post.example.com/cycle-lanes", Date: "2025-03-01", Content: "<p>Councillors voted 9 to 4", Full: true},
		}},
		{"feed.json", "json", "Fenwick Daily", []Item{
			{N: 1, Title: "Market Hall Reopens", Link: "https://fenwick.example.org/market", Date: "2025-04-05", Content: "The market hall reopened", Full: true},
			{N: 2, Title: "School Wins Award", Link: "https://fenwick.example.org/school", Date: "2025-04-06", Content: "A short teaser."},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			head := make([]byte, 512)
			n, _ := f.ReadAt(head, 0)
			if !Sniff(head[:n]) {
				t.Errorf("Sniff does not recognise %s", tt.file)
			}
			got, err := Parse(f)
			if err != nil {
				t.Fatal(err)
			}
			if got.Type != tt.typ || got.Title != tt.title || len(got.Items) != len(tt.items) {
				t.Fatalf("feed %q %q with %d items, want %q %q with %d", got.Type, got.Title, len(got.Items), tt.typ, tt.title, len(tt.items))
			}
			for i, want := range tt.items {
				g := got.Items[i]
				if !strings.HasPrefix(g.Content, want.Content) {
					t.Errorf("item %d content %.60q, want prefix %q", i+1, g.Content, want.Content)
				}
				g.Content = want.Content
				if g != want {
					t.Errorf("item %d = %+v, want %+v", i+1, g, want)
				}
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, wantErr string }{
		{"", "not an RSS, Atom or JSON feed"},
		{"just words", "not an RSS, Atom or JSON feed"},
		{`<rss version="2.0"><channel><title>x</title><item><title>a</ti`, "parsing feed"},
		{`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>a</title>`, "parsing feed"},
		{`{"version":"https://jsonfeed.org/version/1","items":[`, "parsing feed"},
	}
	for _, tt := range tests {
		if _, err := Parse(strings.NewReader(tt.in)); err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("Parse(%q) error = %v, want %q", tt.in, err, tt.wantErr)
		}
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{`<?xml version="1.0"?><rss version="2.0">`, true},
		{"\xef\xbb\xbf  <rss>", true},
		{`<!-- c --><?xml-stylesheet href="a"?><feed xmlns="http://www.w3.org/2005/Atom">`, true},
		{`<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">`, true},
		{`<rdf:RDF xmlns:rdf="x">`, true},
		{`{"version": "https://jsonfeed.org/version/1.1", "items": []}`, true},
		{`{"text": "an article"}`, false},
		{`<html><body>`, false},
		{`<rsstuff>`, false},
		{`<feedback>`, false},
		{`<!-- unclosed`, false},
		{"", false},
		{"The <rss> element", false},
	}
	for _, tt := range tests {
		if got := Sniff([]byte(tt.head)); got != tt.want {
			t.Errorf("Sniff(%q) = %v, want %v", tt.head, got, tt.want)
		}
	}
}

func FuzzFeed(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{"", "<rss>", "<feed>", `{"version":"https://jsonfeed.org/version/1"}`, "<rdf:RDF><item></item></rdf:RDF>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_ = Sniff(b)
		fd, err := Parse(strings.NewReader(string(b)))
		if err != nil {
			return
		}
		for i, it := range fd.Items {
			if it.N < i+1 || !utf8.ValidString(it.Title) {
				t.Fatalf("bad item %d: %+v", i, it)
			}
		}
	})
}
