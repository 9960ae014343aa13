package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/article"
)

func TestText(t *testing.T) {
	sp := article.Str("Ilse Varga")
	d := article.Document{
		Doc: "a.txt", Title: article.Str("Dam bursts"),
		Quotes: []article.Quote{
			{Text: "Nothing will be hidden.", Speaker: sp, Cue: article.Str("said"), Channel: article.Str("Financial Times")},
			{Text: "We will rebuild.", Speaker: sp},
			{Text: "It was shelved.", Speaker: article.Str("a ministry official"), Anonymous: true},
		},
		Numbers:          []article.Number{{Text: "at least 41", Value: 41, Counts: "people"}},
		AnonymousSources: []string{"a ministry official"},
		CitedOutlets:     []string{"Financial Times"},
		Framing:          article.Framing{Terms: []article.Term{{Term: "Kiev", Family: "Kyiv/Kiev", Count: 2}}, Hedges: 1},
	}
	tests := []struct {
		name  string
		color bool
		want  []string
		not   []string
	}{
		{"plain", false, []string{"Dam bursts  (a.txt)", "Quotations (3)", "  Ilse Varga\n", "“Nothing will be hidden.” (said, via Financial Times)",
			"a ministry official [anonymous]", "at least 41", "people", "cited outlets: Financial Times", "Kiev ×2 [Kyiv/Kiev]"}, []string{"\x1b["}},
		{"colour", true, []string{"\x1b[1m", "\x1b[0m"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Text(&b, d, Style{Color: tc.color}); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(out, w) {
					t.Errorf("output has %q", w)
				}
			}
			// The speaker quoted twice is listed first.
			if i, j := strings.Index(out, "Ilse Varga"), strings.Index(out, "a ministry official [anonymous]"); !tc.color && (i < 0 || j < i) {
				t.Errorf("speakers out of order")
			}
		})
	}
}
