package wordscan

import (
	"strings"
	"testing"
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
