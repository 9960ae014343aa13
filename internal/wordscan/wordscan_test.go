package wordscan

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNext(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by |, a leading ^ marks a token after a line break
	}{
		{"Kyiv’s mayor", "Kyiv|’|s|mayor"},
		{"a\nb", "a|^b"},
		{"  7,200 troops.", "7|,|200|troops|."},
		{"", ""},
		{"naïve café", "naïve|café"},
	}
	for _, tc := range tests {
		var got []string
		for i := 0; ; {
			st, en, _, nl := Next(tc.in, i)
			if st < 0 {
				break
			}
			tok := tc.in[st:en]
			if nl {
				tok = "^" + tok
			}
			got = append(got, tok)
			i = en
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("Next(%q) = %q, want %q", tc.in, strings.Join(got, "|"), tc.want)
		}
	}
	if NormPunct("’") != "'" || NormPunct("‑") != "-" || NormPunct("x") != "x" {
		t.Error("NormPunct")
	}
}

func TestLower(t *testing.T) {
	for _, s := range []string{"", "Hello World", "Ärger über Ölpreise’s", "ΣΑΣ", "x\xffy", "İstanbul", "\u212Aelvin", "\uFFFD ok"} {
		got, ok := Lower(s)
		want := strings.ToLower(s)
		if ok && got != want {
			t.Errorf("Lower(%q) = %q, want %q", s, got, want)
		}
		if !ok && utf8.ValidString(s) && len(want) == len(s) && s != "İstanbul" && s != "\u212Aelvin" {
			t.Errorf("Lower(%q) not ok", s)
		}
	}
	if _, ok := Lower("İstanbul"); ok {
		t.Errorf("Lower changes length of İ but reported ok")
	}
}

func TestTable(t *testing.T) {
	m := map[string]int{"the": 1, "of": 2, "said": 3, "": 4, "Überall": 5}
	for i := 0; i < 300; i++ {
		m[strings.Repeat("x", i%7+1)+string(rune('a'+i%26))+string(rune('a'+i/26))] = 10 + i
	}
	tb := NewTable(m)
	for k, v := range m {
		got, ok := tb.Get(k)
		gotB, okB := tb.GetBytes([]byte(k))
		if k == "" {
			if ok || okB {
				t.Errorf("empty key found")
			}
			continue
		}
		if !ok || got != v || !okB || gotB != v {
			t.Errorf("Get(%q) = %d, %v; want %d", k, got, ok, v)
		}
	}
	for _, k := range []string{"th", "thee", "said ", "x", "zz"} {
		if _, ok := tb.Get(k); ok {
			t.Errorf("Get(%q) found", k)
		}
		if _, ok := tb.GetBytes([]byte(k)); ok {
			t.Errorf("GetBytes(%q) found", k)
		}
	}
}

func TestTokens(t *testing.T) {
	s := "The “U.S.” said,\n  it’s 7,200 — x\u2028y"
	toks := Tokens(nil, s)
	pos, k := 0, 0
	for {
		st, en, word, nl := Next(s, pos)
		if st < 0 {
			break
		}
		if k >= len(toks) || toks[k] != (Token{st, en, word, nl}) {
			t.Fatalf("token %d: got %v, want %v", k, toks[k:], Token{st, en, word, nl})
		}
		k++
		pos = en
	}
	if k != len(toks) {
		t.Errorf("got %d tokens, want %d", len(toks), k)
	}
}
