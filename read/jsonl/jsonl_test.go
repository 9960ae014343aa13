package jsonl

import (
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// step is one result of Next.
type step struct {
	line    int
	text    string // Text or HTML
	url     string
	date    string
	wantErr string // substring of a *LineError; "" for a record
}

func TestReader(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		max   int
		steps []step
	}{
		{"two records", `{"text":"One.","url":"https://a.example/1","date":"2025-02-11T09:30:00Z"}` + "\n" + `{"html":"<p>Two</p>","title":" T  x "}` + "\n",
			0, []step{{line: 1, text: "One.", url: "https://a.example/1", date: "2025-02-11"}, {line: 2, text: "<p>Two</p>"}}},
		{"CRLF, blank lines, no final newline", "\r\n{\"text\":\"a\"}\r\n\r\n{\"text\":\"b\",\"date\":\"2025-02-11\"}", 0,
			[]step{{line: 2, text: "a"}, {line: 4, text: "b", date: "2025-02-11"}}},
		{"bad lines go on", "{\"text\":\"a\"}\nnot json\n{\"text\":5}\n{\"url\":\"x\"}\n{\"text\":\"   \"}\n[1]\n{\"text\":\"b\"}\n", 0,
			[]step{{line: 1, text: "a"}, {line: 2, wantErr: "not a JSON object"}, {line: 3, wantErr: `field "text" is not a string`},
				{line: 4, wantErr: `no "text" or "html"`}, {line: 5, wantErr: `no "text" or "html"`}, {line: 6, wantErr: "not a JSON object"}, {line: 7, text: "b"}}},
		{"line too long", "{\"text\":\"" + strings.Repeat("x", 100) + "\"}\n{\"text\":\"ok\"}\n{\"text\":\"" + strings.Repeat("y", 5000) + "\"}", 64,
			[]step{{line: 1, wantErr: "longer than 64 bytes"}, {line: 2, text: "ok"}, {line: 3, wantErr: "longer than 64 bytes"}}},
		{"unparsable date dropped", `{"text":"a","date":"last Tuesday"}`, 0, []step{{line: 1, text: "a"}}},
		{"empty", "", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(strings.NewReader(tt.in), tt.max)
			for i, want := range tt.steps {
				rec, err := r.Next()
				if want.wantErr != "" {
					var le *LineError
					if !errors.As(err, &le) || le.Line != want.line || !strings.Contains(err.Error(), want.wantErr) {
						t.Fatalf("step %d: error %v, want line %d and %q", i, err, want.line, want.wantErr)
					}
					continue
				}
				if err != nil {
					t.Fatalf("step %d: %v", i, err)
				}
				if rec.Line != want.line || rec.Text+rec.HTML != want.text || rec.URL != want.url || rec.Date != want.date {
					t.Errorf("step %d: %+v, want %+v", i, rec, want)
				}
			}
			if _, err := r.Next(); err != io.EOF {
				t.Errorf("after the last step: %v, want EOF", err)
			}
		})
	}
}

func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		`{"text":"One.","url":"https://a.example/1","date":"2025-02-11"}` + "\n",
		`{"html":"<p>x</p>"}` + "\r\n\n" + `{"text":5}`,
		"not json\n{\n}\n", "\xff\xfe{\"text\":\"\x00\"}", `{"text":"\u0000\ud800"}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := NewReader(strings.NewReader(s), 256)
		last := 0
		for range len(s) + 2 {
			rec, err := r.Next()
			if err == io.EOF {
				return
			}
			var le *LineError
			line := rec.Line
			if errors.As(err, &le) {
				line = le.Line
			} else if err != nil {
				t.Fatalf("unexpected error %v", err)
			} else if strings.TrimSpace(rec.Text) == "" && strings.TrimSpace(rec.HTML) == "" {
				t.Fatalf("record without text: %+v", rec)
			}
			if line <= last {
				t.Fatalf("line %d after line %d", line, last)
			}
			last = line
			if !utf8.ValidString(rec.URL + rec.Title + rec.Outlet) {
				t.Fatalf("invalid UTF-8 in %+v", rec)
			}
		}
		t.Fatalf("Next never returned EOF")
	})
}
