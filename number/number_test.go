package number

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/article"
)

// want is the expected part of one article.Number; high 0 means no range.
type want struct {
	text   string
	value  float64
	high   float64
	qual   string
	kind   string
	counts string
}

func TestFind(t *testing.T) {
	f := newFinder(t)
	cases := []struct {
		name string
		in   string
		want []want
	}{
		// Dates with abbreviated months, telephone numbers and ages.
		{"abbreviated month", "On Oct. 19 the rally drew 500 people.",
			[]want{{"500", 500, 0, "", "count", "people"}}},
		{"emergency number", "The clerk called 911 and 12 officers came.",
			[]want{{"12", 12, 0, "", "count", "officers"}}},
		{"age after was", "She was 91 when she retired.", nil},
		{"age after turned", "The senator turned 80 last week.", nil},
		// Digits, separators, decimals and scale words.
		{"separator", "The province has 3,400 police officers on duty.",
			[]want{{"3,400", 3400, 0, "", "count", "police officers"}}},
		{"decimal scale", "The flood displaced 2.5 million people in a week.",
			[]want{{"2.5 million", 2500000, 0, "", "count", "people"}}},
		{"decimal scale exact", "Officials counted 1.7 million voters.",
			[]want{{"1.7 million", 1700000, 0, "", "count", "voters"}}},
		{"millions of groups", "The treasury holds 1,250,000 bonds.",
			[]want{{"1,250,000", 1250000, 0, "", "count", "bonds"}}},
		// Money.
		{"dollar sign scale", "Congress approved $45 billion in emergency funding on Tuesday.",
			[]want{{"$45 billion", 45e9, 0, "", "money", "emergency funding"}}},
		{"sign and currency word", "Donors pledged $3 billion dollars’ worth of medical supplies.",
			[]want{{"$3 billion", 3e9, 0, "", "money", "medical supplies"}}},
		{"a billion dollars", "Lisbon offered roughly a billion dollars to the fund.",
			[]want{{"roughly a billion", 1e9, 0, "roughly", "money", ""}}},
		{"euro sign", "The club paid €80 million for the striker.",
			[]want{{"€80 million", 80e6, 0, "", "money", ""}}},
		{"pound suffix", "The council faces a £2bn shortfall.",
			[]want{{"£2bn", 2e9, 0, "", "money", "shortfall"}}},
		{"currency word after", "Each family received 500 euros from the state.",
			[]want{{"500", 500, 0, "", "money", ""}}},
		{"US dollar sign", "The deal is worth US$12 million.",
			[]want{{"US$12 million", 12e6, 0, "", "money", ""}}},
		// Number words.
		{"two at sentence start", "Two senior diplomats resigned over the leak.",
			[]want{{"Two", 2, 0, "", "count", "senior diplomats"}}},
		{"number word mid sentence", "Troops from six Baltic states joined the drill.",
			[]want{{"six", 6, 0, "", "count", "Baltic states"}}},
		{"hyphenated tens", "Police arrested twenty-five protesters near the square.",
			[]want{{"twenty-five", 25, 0, "", "count", "protesters"}}},
		{"a dozen", "A dozen reporters waited outside the court.",
			[]want{{"A dozen", 12, 0, "", "count", "reporters"}}},
		{"two hundred", "The ship carried two hundred and forty passengers.",
			[]want{{"two hundred and forty", 240, 0, "", "count", "passengers"}}},
		{"word scale", "Nearly three million households lost power.",
			[]want{{"Nearly three million", 3e6, 0, "nearly", "count", "households"}}},
		// Qualifiers.
		{"at least", "At least 40 miners were trapped underground.",
			[]want{{"At least 40", 40, 0, "at least", "count", "miners"}}},
		{"more than", "More than 1,200 flights were cancelled.",
			[]want{{"More than 1,200", 1200, 0, "more than", "count", "flights"}}},
		{"up to", "The hall seats up to 800 delegates.",
			[]want{{"up to 800", 800, 0, "up to", "count", "delegates"}}},
		{"as many as", "As many as 60 ministers could attend.",
			[]want{{"As many as 60", 60, 0, "as many as", "count", "ministers"}}},
		{"an estimated", "An estimated 9,000 fans marched through the city.",
			[]want{{"An estimated 9,000", 9000, 0, "an estimated", "count", "fans"}}},
		{"fewer than", "Fewer than 30 inspectors remain in the zone.",
			[]want{{"Fewer than 30", 30, 0, "fewer than", "count", "inspectors"}}},
		{"at most", "The lifeboat holds at most 12 people.",
			[]want{{"at most 12", 12, 0, "at most", "count", "people"}}},
		{"emphatic all of", "The village, with all of 350 residents, voted no.",
			[]want{{"350", 350, 0, "", "count", "residents"}}},
		{"emphatic whopping", "The agency runs a whopping 18 field offices abroad.",
			[]want{{"18", 18, 0, "", "count", "field offices"}}},
		{"at least one", "Investigators say at least one of the drivers was armed.",
			[]want{{"at least one", 1, 0, "at least", "count", "drivers"}}},
		// Ranges.
		{"en dash magnitude", "Approximately 6–7,000 volunteers signed up.",
			[]want{{"Approximately 6–7,000", 6000, 7000, "approximately", "count", "volunteers"}}},
		{"hyphen plain", "Each patrol has 10-15 officers.",
			[]want{{"10-15", 10, 15, "", "count", "officers"}}},
		{"between and", "The strike drew between 4,000 and 5,000 workers.",
			[]want{{"between 4,000 and 5,000", 4000, 5000, "", "count", "workers"}}},
		{"to with scale", "The repairs will cost $2 to 3 million.",
			[]want{{"$2 to 3 million", 2e6, 3e6, "", "money", ""}}},
		{"word range", "Two or three guards stood at the gate.",
			[]want{{"Two or three", 2, 3, "", "count", "guards"}}},
		// Distances.
		{"distance feet", "The shell landed some 300 feet away from the convoy.",
			[]want{{"some 300", 300, 0, "some", "distance", ""}}},
		{"distance km", "The column stopped 40 kilometres north of the border.",
			[]want{{"40", 40, 0, "", "distance", ""}}},
		// Counted noun resolution.
		{"stop at participle", "The firm employs 4,300 engineers working on chips.",
			[]want{{"4,300", 4300, 0, "", "count", "engineers"}}},
		{"stop at preposition", "Some 85 observers from nine countries monitored the vote.",
			[]want{{"Some 85", 85, 0, "some", "count", "observers"},
				{"nine", 9, 0, "", "count", "countries"}}},
		{"inherit bare", "Of the 80 candidates on the list, 30 were women.",
			[]want{{"80", 80, 0, "", "count", "candidates"}, {"30", 30, 0, "", "count", "candidates"}}},
		{"coordination", "Spain and Italy sent 20 and 25 medics respectively.",
			[]want{{"20", 20, 0, "", "count", "medics"}, {"25", 25, 0, "", "count", "medics"}}},
		{"acronym noun", "The raid freed 9 UN aid workers.",
			[]want{{"9", 9, 0, "", "count", "UN aid workers"}}},
		// Not numbers.
		{"years", "In 2019 the party won, and since 2014 it has led; its 2021’s budget passed in June 2022.", nil},
		{"dates", "The talks began on March 14 and ended on 28 February, on the 3rd day.", nil},
		{"times", "The curfew starts at 9 p.m. and the office opens at 10:30.", nil},
		{"ordinals", "It was the 2nd vote and the third recount since World War II.", nil},
		{"footnotes", "The report was leaked[3] and later confirmed [4].", nil},
		{"labels", "Under article 5 and Section 3, the F-16 and MI‑6 files on COVID-19 stayed sealed.", nil},
		{"label names", "The Nord Stream 2 pipeline and the G7 summit, plus No. 10, made news.", nil},
		{"slash", "The 9/11 attacks changed a 24/7 news cycle.", nil},
		{"percent", "Turnout fell 12% and prices rose 4.5 percent, or 3 per cent in real terms.", nil},
		{"phone", "Call 555-0143 or +44 20 7946 0000 for details.", nil},
		{"relative dates", "Four years ago he lost; 2 years ago he won; three days later he quit.", nil},
		{"vague", "Thousands marched, tens of thousands watched, several hundred were held, and dozens of others fled.", nil},
		{"bare one", "One of the units left; one purpose was clear; the Western one failed.", nil},
		{"compounds", "Two-thirds of voters backed a four-year plan for 34-year-old candidates.", nil},
		{"ages", "The suspect, aged 34, was arrested.", nil},
		{"label hyphen ids", "A Su-25 and an M23 unit were seen near FL-01.", nil},
		{"score", "The home side won 3-1 on Sunday.", nil},
		{"year range", "The 2014–2022 period and the 1990-91 recession.", nil},
		{"age after name", "Maria Lopez, 52, a nurse, said the ward was full.", nil},
		{"list markers", "Demands:\n1. wages\n2. hours\nand (3) safety.", nil},
		{"product names", "The iPhone 15 and Windows 11 launches slipped.", nil},
		{"durations", "The siege lasted 40 days and the talks some five hours.", nil},
		{"year as count", "As many as 1500 troops crossed in 2023 with 1200 vehicles.",
			[]want{{"As many as 1500", 1500, 0, "as many as", "count", "troops"},
				{"1200", 1200, 0, "", "count", "vehicles"}}},
		{"trillion suffix", "Debt reached about $1.5trn last year.",
			[]want{{"about $1.5trn", 1.5e12, 0, "about", "money", ""}}},
		{"pronoun number", "The two met in Geneva; the other three stayed home.",
			[]want{{"two", 2, 0, "", "count", ""}, {"three", 3, 0, "", "count", ""}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := f.Find(tc.in)
			if len(got) != len(tc.want) {
				t.Fatalf("Find(%q) gave %d numbers, want %d: %s", tc.in, len(got), len(tc.want), show(got))
			}
			for i, w := range tc.want {
				g := got[i]
				var high float64
				if g.ValueHigh != nil {
					high = *g.ValueHigh
				}
				if g.Text != w.text || g.Value != w.value || high != w.high || deref(g.Qualifier) != w.qual || g.Kind != w.kind || g.Counts != w.counts {
					t.Errorf("Find(%q)[%d] = %s, want %+v", tc.in, i, show(got[i:i+1]), w)
				}
				if tc.in[g.Start:g.End] != g.Text {
					t.Errorf("text[%d:%d] = %q, Text %q", g.Start, g.End, tc.in[g.Start:g.End], g.Text)
				}
			}
		})
	}
}

func show(ns []article.Number) string {
	var b strings.Builder
	for _, n := range ns {
		high := ""
		if n.ValueHigh != nil {
			high = "–" + fmtFloat(*n.ValueHigh)
		}
		b.WriteString("{" + n.Text + " = " + fmtFloat(n.Value) + high + " q=" + deref(n.Qualifier) + " " + n.Kind + " counts=" + n.Counts + "} ")
	}
	return b.String()
}

func fmtFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// TestOffsets checks text[Start:End] == Text on a mixed paragraph.
func TestOffsets(t *testing.T) {
	f := newFinder(t)
	text := "“Roughly 4–5,000 troops,” he said.\u00a0At least 97 of them, about $1.2bn and\u00a0150\u00a0meters — all of 7,200 men.\n\nTwenty-one ships; a dozen jets."
	got := f.Find(text)
	if len(got) < 6 {
		t.Fatalf("found %d numbers: %s", len(got), show(got))
	}
	checkSpans(t, text, got)
}

func checkSpans(t testing.TB, text string, got []article.Number) {
	t.Helper()
	last := -1
	for _, n := range got {
		if n.Start < 0 || n.End > len(text) || n.Start >= n.End {
			t.Fatalf("bad span [%d,%d) in %d bytes", n.Start, n.End, len(text))
		}
		if !utf8.RuneStart(text[n.Start]) || n.End < len(text) && !utf8.RuneStart(text[n.End]) {
			t.Fatalf("span [%d,%d) splits a rune", n.Start, n.End)
		}
		if text[n.Start:n.End] != n.Text {
			t.Fatalf("text[%d:%d] = %q, Text %q", n.Start, n.End, text[n.Start:n.End], n.Text)
		}
		if n.Start < last {
			t.Fatalf("numbers out of order or overlapping at %d", n.Start)
		}
		last = n.End
	}
}
