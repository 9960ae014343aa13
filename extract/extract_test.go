package extract

import (
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/article"
)

func engine(t testing.TB) *Engine {
	t.Helper()
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// want describes one expected quotation: its text (a prefix is enough),
// speaker, cue, channel and anonymity.
type want struct {
	text, speaker, cue, channel string
	anon                        bool
}

func TestAttribution(t *testing.T) {
	e := engine(t)
	tests := []struct {
		name string
		body string
		want []want
	}{
		{"X said", "“The water came at night,” Governor Anton Reusch said.",
			[]want{{"The water came", "Anton Reusch", "said", "", false}}},
		{"said X with appositive relative", "“We were never told,” said Mara Olsen, who runs the bakery.",
			[]want{{"We were never told", "Mara Olsen", "said", "", false}}},
		{"told the FT that", "Interior Minister Ilse Varga told the Financial Times that “nothing will be hidden.”",
			[]want{{"nothing will be hidden", "Ilse Varga", "told", "Financial Times", false}}},
		{"according to with another speaker", "Engineers warned that “the spillway was failing,” according to Reuters.",
			[]want{{"the spillway was failing", "", "warned", "Reuters", false}}},
		{"according to an outlet alone", "According to the Guardian, citing the files: “The loan was withdrawn in March.”",
			[]want{{"The loan was withdrawn", "The Guardian", "", "", false}}},
		{"colon introduced", "Observed Varga: “We will rebuild every house.”",
			[]want{{"We will rebuild", "Varga", "observed", "", false}}},
		{"appositive before verb", "Jonas Aldrich, a former dam inspector, said “the cracks were known for years.”",
			[]want{{"the cracks were known", "Jonas Aldrich", "said", "", false}}},
		{"speaking to outlet", "Speaking to Kyiv Post, Tomas Brenner said “every recommendation was acted upon.”",
			[]want{{"every recommendation", "Tomas Brenner", "said", "Kyiv Post", false}}},
		{"pronoun continuation with channel", "“We acted fast,” Tomas Brenner told Reuters.\n\n“There was no warning,” he added.",
			[]want{{"We acted fast", "Tomas Brenner", "told", "Reuters", false}, {"There was no warning", "Tomas Brenner", "added", "Reuters", false}}},
		{"split by attribution", "Engineer Petra Lindqvist inspected the gauges. “The gauges failed,” she said, “and nobody checked them.”",
			nil},
		{"role noun resolves", "Interior Minister Ilse Varga visited the town on Monday. “Nothing will be hidden,” the minister said.",
			[]want{{"Nothing will be hidden", "Ilse Varga", "said", "", false}}},
		{"think tank resolves", "The Halden Institute for Water Policy, a Brussels-based think tank, studied the dam. “The risks were obvious,” the think tank wrote.",
			[]want{{"The risks were obvious", "Halden Institute for Water Policy", "wrote", "", false}}},
		{"newspaper resolves", "The Guardian obtained the report. “The loan was quietly withdrawn,” the newspaper reported.",
			[]want{{"The loan was quietly", "The Guardian", "reported", "", false}}},
		{"anonymous official", "A senior ministry official told the Financial Times that “the report was put in a drawer.”",
			[]want{{"the report was put", "A senior ministry official", "told", "Financial Times", true}}},
		{"anonymous source continues", "A senior ministry official told Reuters that “the report was shelved.” The official added that “nobody read it.”",
			[]want{{"the report was shelved", "A senior ministry official", "told", "Reuters", true}, {"nobody read it", "A senior ministry official", "added", "Reuters", true}}},
		{"people familiar", "People familiar with the matter said “the board knew.”",
			nil},
		{"resident who asked not to be named", "“It was a disaster,” said one resident who asked not to be named.",
			[]want{{"It was a disaster", "one resident", "said", "", true}}},
		{"statement from an organisation", "According to a statement from the Interior Ministry, “no one was harmed.”",
			[]want{{"no one was harmed", "Interior Ministry", "according to", "", false}}},
		{"institutional description", "The senator’s office said in a statement that it “strongly disagrees” with the ruling.",
			[]want{{"strongly disagrees", "senator’s office", "said", "", false}}},
		{"interview with outlet", "In an interview with Le Monde, Foreign Minister Anne Duval warned: “We will not accept this.”",
			[]want{{"We will not accept this", "Anne Duval", "warned", "Le Monde", false}}},
		{"quoted as saying", "“The ceremony will be fun,” People quoted the producer Laurence Mark as saying.",
			[]want{{"The ceremony will be fun", "Laurence Mark", "quoted", "People", false}}},
		{"quote over two paragraphs takes the later attribution", "Mayor Helga Strand spoke first. Then the engineer arrived.\n\n“The pumps failed at midnight and nobody came\n\n“until the water reached the square,” engineer Jonas Aldrich said.",
			[]want{{"The pumps failed", "Jonas Aldrich", "said", "", false}, {"until the water", "Jonas Aldrich", "said", "", false}}},
		{"bare officials", "“The dam was not inspected,” officials told Reuters.",
			[]want{{"The dam was not inspected", "officials", "told", "Reuters", true}}},
		{"in a tweet", "Opposition leader Daniel Mertens wrote in a tweet that “the government lied to us.”",
			[]want{{"the government lied", "Daniel Mertens", "wrote", "Twitter", false}}},
		{"in a statement is no channel", "“We grieve with every family,” Selka Hydro said in a statement.",
			[]want{{"We grieve", "Selka Hydro", "said", "", false}}},
		{"scare quote dropped", "The government announced a “stability package” for the region.", nil},
		{"label after preposition dropped", "The ministry described its plan in the form of “control cells” in each district.", nil},
		{"naming verb keeps short quote", "The ministry called the leak “fabricated,” but gave no details.",
			[]want{{"fabricated,", "ministry", "called", "", false}}},
		{"rejected as", "Former premier Karl Dunst, who rejected the inquiry as “pure theatre”, left early.",
			[]want{{"pure theatre", "Karl Dunst", "rejected", "", false}}},
		{"participle cue takes main subject", "Mayor Helga Strand criticised the delay, arguing that “every hour cost lives.”",
			[]want{{"every hour cost lives", "Helga Strand", "arguing", "", false}}},
		{"outer cue over inner", "A diplomatic source cited by the newspaper confirmed that ministers have privately conceded aid would come only “after the audit.”",
			[]want{{"after the audit", "A diplomatic source", "confirmed", "", true}}},
		{"outlet described before its name", "“The pumps will be replaced,” Mayor Helga Strand told the German weekly Der Spiegel.",
			[]want{{"The pumps will be replaced", "Helga Strand", "told", "Der Spiegel", false}}},
		{"outlet with a kind before its name", "“The audit is over,” Jonas Aldrich told the state broadcaster NHK.",
			[]want{{"The audit is over", "Jonas Aldrich", "told", "NHK", false}}},
		{"own channel over an inherited one", "“We knew,” Mayor Helga Strand told the Financial Times.\n\n“We waited,” Mayor Helga Strand told the daily Le Monde.",
			[]want{{"We knew", "Helga Strand", "told", "Financial Times", false}, {"We waited", "Helga Strand", "told", "Le Monde", false}}},
		{"role noun refers back to an unnamed source", "A witness saw the pumps stop before dawn. “The water rose in minutes,” the witness said.",
			[]want{{"The water rose in minutes", "A witness", "said", "", true}}},
		{"possessive speech noun", "Responding to Varga’s remarks that she “would not resign,” critics protested.",
			[]want{{"would not resign", "Varga", "remarks", "", false}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := e.Document(article.Source{Name: "t.txt", Text: tc.body})
			if tc.want == nil {
				if tc.name == "split by attribution" {
					if len(d.Quotes) != 2 || deref(d.Quotes[0].Speaker) != deref(d.Quotes[1].Speaker) {
						t.Errorf("want two quotes with one speaker, got %+v", d.Quotes)
					}
					return
				}
				if tc.name == "people familiar" {
					if len(d.Quotes) != 1 || !d.Quotes[0].Anonymous || !strings.HasPrefix(deref(d.Quotes[0].Speaker), "People familiar with the matter") {
						t.Errorf("want one anonymous quote, got %+v", d.Quotes)
					}
					return
				}
				if len(d.Quotes) != 0 {
					t.Errorf("want no quotes, got %q", d.Quotes[0].Text)
				}
				return
			}
			if len(d.Quotes) != len(tc.want) {
				t.Fatalf("got %d quotes %+v, want %d", len(d.Quotes), d.Quotes, len(tc.want))
			}
			for i, w := range tc.want {
				q := d.Quotes[i]
				if !strings.HasPrefix(q.Text, w.text) {
					t.Errorf("quote %d text %q, want prefix %q", i, q.Text, w.text)
				}
				if w.speaker != "" && deref(q.Speaker) != w.speaker {
					t.Errorf("quote %d speaker %q (mention %q), want %q", i, deref(q.Speaker), deref(q.SpeakerMention), w.speaker)
				}
				if w.cue != "" && deref(q.Cue) != w.cue {
					t.Errorf("quote %d cue %q, want %q", i, deref(q.Cue), w.cue)
				}
				if deref(q.Channel) != w.channel {
					t.Errorf("quote %d channel %q, want %q", i, deref(q.Channel), w.channel)
				}
				if q.Anonymous != w.anon {
					t.Errorf("quote %d anonymous %v, want %v", i, q.Anonymous, w.anon)
				}
				if d.Body[q.Start:q.End] != q.Text {
					t.Errorf("quote %d offsets do not match its text", i)
				}
			}
		})
	}
}

func TestSourcesAndClaims(t *testing.T) {
	e := engine(t)
	body := "Lantern revealed that the inspection report was shelved in 2022. " +
		"According to the ministry, the dam was safe. " +
		"Citing a senior ministry official, Reuters reported that the gauges were broken. " +
		"Western diplomats said the aid would be delayed."
	d := e.Document(article.Source{Name: "c.txt", Text: body})
	if got := strings.Join(d.CitedOutlets, ","); got != "Reuters" {
		t.Errorf("cited outlets %q, want Reuters", got)
	}
	var srcs []string
	for _, c := range d.Claims {
		srcs = append(srcs, c.Source+"/"+c.Cue)
	}
	if got := strings.Join(srcs, ","); !strings.Contains(got, "Lantern/revealed") || !strings.Contains(got, "ministry/according to") {
		t.Errorf("claims %q", got)
	}
	if got := strings.Join(d.AnonymousSources, "|"); got != "a senior ministry official|Western diplomats" {
		t.Errorf("anonymous sources %q", got)
	}
}
