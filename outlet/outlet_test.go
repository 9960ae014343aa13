package outlet

import (
	"math/rand"
	"strings"
	"testing"
)

func mustLoad(tb testing.TB) *Table {
	tb.Helper()
	t, err := Load()
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return t
}

func TestLoadSize(t *testing.T) {
	tb := mustLoad(t)
	if n := len(tb.Entries()); n < 300 {
		t.Errorf("table has %d outlets, want at least 300", n)
	}
	for _, e := range tb.Entries() {
		if !types[e.Type] {
			t.Errorf("%s: type %q", e.Name, e.Type)
		}
	}
}

func TestFind(t *testing.T) {
	tb := mustLoad(t)
	type m struct{ text, canon string }
	tests := []struct {
		in   string
		want []m
	}{
		{"A senior official told the FT on Monday.", []m{{"FT", "Financial Times"}}},
		{"according to the Financial Times (FT), troops", []m{{"Financial Times", "Financial Times"}, {"FT", "Financial Times"}}},
		{"The New York Times reported it first.", []m{{"The New York Times", "The New York Times"}}},
		{"as the New York Times revealed", []m{{"New York Times", "The New York Times"}}},
		{"the NYT’s story ran in New York on Sunday", []m{{"NYT", "The New York Times"}}},
		{"A Reuters report said otherwise.", []m{{"Reuters", "Reuters"}}},
		{"he wrote in Le Monde last week", []m{{"Le Monde", "Le Monde"}}},
		{"Speaking to Kyiv Post, the officer said", []m{{"Kyiv Post", "Kyiv Post"}}},
		{"The minister said in a tweet that", nil},
		{"the independent commission found", nil},
		{"the Independent Commission found", nil},
		{"as the Independent reported", []m{{"Independent", "The Independent"}}},
		{"an apple a day, no time to waste, Time is short", nil},
		{"In an interview with Time magazine, and a TIME cover", []m{{"Time magazine", "Time"}, {"TIME", "Time"}}},
		{"APPLE shares rose; the CAP rose; an AP photo", []m{{"AP", "Associated Press"}}},
		{"tap, rap and RTX; RT reported", []m{{"RT", "RT"}}},
		{"lawmakers on the Hill and on Capitol Hill", nil},
		{"The Hill reported", []m{{"The Hill", "The Hill"}}},
		{"a Sun reading, Mirror images, a Post office, Times alone", nil},
		{"across the Atlantic", nil},
		{"The Guardian Council vetoed it", nil},
		{"the Guardian's view", []m{{"Guardian", "The Guardian"}}},
		{"Michael Bloomberg spoke to Bloomberg", []m{{"Bloomberg", "Bloomberg"}}},
		{"the Ministry of Foreign Affairs; writing in Foreign Affairs", []m{{"Foreign Affairs", "Foreign Affairs"}}},
		{"he posted on X, and an X-ray showed", []m{{"X", "Twitter"}}},
		{"Generation X voters", nil},
		{"the Quincy Institute for Responsible Statecraft; wrote in Responsible Statecraft", []m{{"Responsible Statecraft", "Responsible Statecraft"}}},
		{"Vox and Axios", []m{{"Vox", "Vox"}, {"Axios", "Axios"}}},
		{"Sputnik V vaccine; speaking to Sputnik", []m{{"Sputnik", "Sputnik"}}},
		{"Die Welt and Der Spiegel; Frankfurter Allgemeine Zeitung (FAZ)", []m{{"Die Welt", "Die Welt"}, {"Der Spiegel", "Der Spiegel"}, {"Frankfurter Allgemeine Zeitung", "Frankfurter Allgemeine Zeitung"}, {"FAZ", "Frankfurter Allgemeine Zeitung"}}},
		{"Libération and Süddeutsche Zeitung", []m{{"Libération", "Libération"}, {"Süddeutsche Zeitung", "Süddeutsche Zeitung"}}},
		{"RIA Novosti, TASS and Interfax-Ukraine", []m{{"RIA Novosti", "RIA Novosti"}, {"TASS", "TASS"}, {"Interfax-Ukraine", "Interfax-Ukraine"}}},
		{"Radio Free Europe/Radio Liberty (RFE/RL)", []m{{"Radio Free Europe/Radio Liberty", "Radio Free Europe/Radio Liberty"}, {"RFE/RL", "Radio Free Europe/Radio Liberty"}}},
		{"the New\nYork Times", nil},
		{"the Washington Post’s report", []m{{"Washington Post", "The Washington Post"}}},
	}
	for _, tc := range tests {
		got := tb.Find(tc.in)
		var g []m
		for _, x := range got {
			g = append(g, m{x.Text, x.Canonical})
			if tc.in[x.Start:x.End] != x.Text {
				t.Errorf("Find(%q): offsets %d:%d do not give %q", tc.in, x.Start, x.End, x.Text)
			}
		}
		if len(g) != len(tc.want) {
			t.Errorf("Find(%q) = %v, want %v", tc.in, g, tc.want)
			continue
		}
		for i := range g {
			if g[i] != tc.want[i] {
				t.Errorf("Find(%q)[%d] = %v, want %v", tc.in, i, g[i], tc.want[i])
			}
		}
	}
}

func TestFindBloombergOffset(t *testing.T) {
	tb := mustLoad(t)
	s := "Michael Bloomberg spoke to Bloomberg"
	got := tb.Find(s)
	if len(got) != 1 || got[0].Start != strings.LastIndex(s, "Bloomberg") {
		t.Errorf("Find(%q) = %+v, want only the second Bloomberg", s, got)
	}
}

func TestCanonical(t *testing.T) {
	tb := mustLoad(t)
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"the FT", "Financial Times", true},
		{"FT", "Financial Times", true},
		{"ft", "", false},
		{"NYT’s", "The New York Times", true},
		{"nyt", "", false},
		{"New York Times", "The New York Times", true},
		{"the new york times", "The New York Times", true},
		{"WaPo", "The Washington Post", true},
		{"Reuters'", "Reuters", true},
		{"(AP)", "Associated Press", true},
		{"ap", "", false},
		{"rt", "", false},
		{"Russia Today", "RT", true},
		{"Guardian", "The Guardian", true},
		{"Daily Telegraph", "The Telegraph", true},
		{"The Times", "The Times", true},
		{"Spiegel", "Der Spiegel", true},
		{"RIA", "RIA Novosti", true},
		{"AFP", "Agence France-Presse", true},
		{"DW", "Deutsche Welle", true},
		{"X", "Twitter", true},
		{"x", "", false},
		{"Post", "", false},
		{"Mirror", "", false},
		{"", "", false},
		{"the", "", false},
	}
	for _, tc := range tests {
		got, ok := tb.Canonical(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Canonical(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestInfo(t *testing.T) {
	tb := mustLoad(t)
	e, ok := tb.Info("Reuters")
	if !ok || e.Type != "agency" {
		t.Errorf("Info(Reuters) = %+v, %v", e, ok)
	}
	e, ok = tb.Info("Le Monde")
	if !ok || e.Type != "newspaper" || e.Country != "FR" {
		t.Errorf("Info(Le Monde) = %+v, %v", e, ok)
	}
	if _, ok := tb.Info("Financial Timez"); ok {
		t.Error("Info of an unknown name succeeded")
	}
	if got := tb.Type("Financial Timez"); got != "" {
		t.Errorf("Type of an unknown name = %q", got)
	}
	for _, e := range tb.Entries() {
		if got := tb.Type(e.Name); got != e.Type {
			t.Errorf("Type(%q) = %q, Info says %q", e.Name, got, e.Type)
		}
	}
}

// Every alias in the file maps back to its own outlet.
func TestAliasesRoundTrip(t *testing.T) {
	tb := mustLoad(t)
	for _, a := range tb.aliases {
		want := tb.entries[a.entry].Name
		got, ok := tb.Canonical(a.text)
		if !ok || got != want {
			t.Errorf("Canonical(%q) = %q, %v; want %q", a.text, got, ok, want)
		}
		if a.find && a.spanTo-a.spanFrom == len(a.toks) && !a.needThe {
			ms := tb.Find("It was " + a.text + " again.")
			if len(ms) == 0 || ms[0].Canonical != want {
				t.Errorf("Find of alias %q = %+v, want %q", a.text, ms, want)
			}
		}
	}
}

// No alias belongs to two outlets, even ignoring case.
func TestNoDuplicateAliases(t *testing.T) {
	tb := mustLoad(t)
	owner := map[string]int{}
	for _, a := range tb.aliases {
		key := strings.ToLower(normName(a.text))
		if a.spanTo-a.spanFrom < len(a.toks) {
			key = strings.ToLower(strings.Join(a.toks, " "))
		}
		if o, ok := owner[key]; ok && o != a.entry {
			t.Errorf("alias %q belongs to both %s and %s", a.text, tb.entries[o].Name, tb.entries[a.entry].Name)
		}
		owner[key] = a.entry
	}
}

func TestParseErrors(t *testing.T) {
	for _, bad := range []string{
		"Name\tnewspaper",
		"Name\tblog\tUS\t",
		"Name\tnewspaper\tusa\t",
		"A\tnewspaper\tUS\tZZ\nB\tnewspaper\tUS\tZZ",
		"A\tnewspaper\tUS\ton [X",
	} {
		if _, err := parse(bad); err == nil {
			t.Errorf("parse(%q) succeeded", bad)
		}
	}
}

func FuzzFind(f *testing.F) {
	tb := mustLoad(f)
	for _, s := range []string{"told the FT", "The New York Times", "on X", "the Hill\n", "Le Monde’s", "Süddeutsche", "\xff\xfeAP", "RFE/RL"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, m := range tb.Find(s) {
			if m.Start < last || m.End <= m.Start || m.End > len(s) {
				t.Fatalf("bad span %d:%d (after %d) in %q", m.Start, m.End, last, s)
			}
			if s[m.Start:m.End] != m.Text {
				t.Fatalf("Text %q != %q", m.Text, s[m.Start:m.End])
			}
			last = m.End
		}
	})
}

// benchText builds about n bytes of news-like text with outlet names sprinkled in.
func benchText(n int) string {
	words := strings.Fields(`the minister said on Monday that troops would not be sent to the front lines
		but officials told reporters a deal was close according to the Financial Times and a Reuters report
		while The New York Times cited sources in Kyiv and Moscow as Bloomberg and AP reported that prices rose
		analysts expect talks to resume after elections in several European countries this year`)
	r := rand.New(rand.NewSource(1))
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(words[r.Intn(len(words))])
		if r.Intn(15) == 0 {
			b.WriteString(". ")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func BenchmarkFind(b *testing.B) {
	tb := mustLoad(b)
	text := benchText(4 << 20)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		tb.Find(text)
	}
}

// TestCommonWordsAreNotOutlets guards the outlets whose names are ordinary
// words: they are found only in a context that makes them outlets.
func TestCommonWordsAreNotOutlets(t *testing.T) {
	tb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"a variety of roles", "a billboard on the road", "people said so",
		"the nation was shocked", "the hill behind", "the sun rose", "at the time"} {
		if ms := tb.Find(s); len(ms) > 0 {
			t.Errorf("Find(%q) = %+v, want none", s, ms)
		}
	}
	for s, want := range map[string]string{"she told Variety on Monday": "Variety", "he told People magazine": "People"} {
		ms := tb.Find(s)
		if len(ms) != 1 || ms[0].Canonical != want {
			t.Errorf("Find(%q) = %+v, want %s", s, ms, want)
		}
	}
}
