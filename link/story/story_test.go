package story

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// Invented articles: two different earthquakes (different places, dates,
// magnitudes) and three rewrites of each by different outlets.
var quakeDocs = []Doc{
	{ID: "a1", Date: "2031-03-04", Title: "Magnitude 6.4 earthquake strikes Varnessa province",
		Body: `A magnitude 6.4 earthquake struck the mountainous Varnessa province early on Tuesday, killing at least 14 people and injuring more than 200, officials said. The quake hit at 4:12 a.m. near the town of Oltrek, about 60 kilometres north of the regional capital Dalmir. Governor Ilse Brannvik said rescue teams were searching collapsed houses in Oltrek and the nearby village of Sareth. The national seismic institute said the quake was 12 kilometres deep. Dozens of aftershocks followed.`},
	{ID: "a2", Date: "2031-03-04", Title: "Death toll rises to 14 after quake near Oltrek",
		Body: `Rescuers in Varnessa dug through rubble on Tuesday after a 6.4-magnitude earthquake flattened homes around Oltrek, leaving 14 dead. Governor Ilse Brannvik told reporters that more than 200 people were hurt and that the hospital in Dalmir was overwhelmed. The tremor struck before dawn at a depth of 12 kilometres, according to the seismic institute. Residents of Sareth spent the night outdoors for fear of aftershocks.`},
	{ID: "a3", Date: "2031-03-05", Title: "Varnessa quake: survivors camp in the cold",
		Body: `A day after the magnitude 6.4 earthquake that killed 14 people in Varnessa province, families from Oltrek and Sareth camped in tents as temperatures fell below freezing. Governor Ilse Brannvik appealed for blankets and asked Dalmir to send more engineers to inspect damaged schools. The seismic institute recorded more than 40 aftershocks since Tuesday's quake.`},
	{ID: "b1", Date: "2031-03-07", Title: "Strong quake shakes coastal Port Mervale",
		Body: `A magnitude 5.2 earthquake shook the coastal city of Port Mervale on Friday evening, damaging the old harbour wall and cutting power to thousands of homes, but no deaths were reported. The quake struck at 7:40 p.m. under the Kessin Strait, 25 kilometres offshore, the coastal observatory said. Mayor Tobias Quell said three people were treated for minor injuries after a shop ceiling collapsed on Lantern Street. Ferries to Kessin Island were suspended while engineers checked the piers.`},
	{ID: "b2", Date: "2031-03-07", Title: "No deaths after 5.2 tremor in Port Mervale",
		Body: `Power was restored to most of Port Mervale overnight after Friday's 5.2-magnitude earthquake under the Kessin Strait. Mayor Tobias Quell said three people had minor injuries and praised the harbour crews. The observatory said the quake was shallow and centred 25 kilometres offshore. Ferry services to Kessin Island will resume on Saturday once the piers are inspected, the port authority said.`},
	{ID: "b3", Date: "2031-03-08", Title: "Port Mervale counts cost of Friday quake",
		Body: `Shopkeepers on Lantern Street in Port Mervale swept up glass on Saturday after the magnitude 5.2 earthquake that struck beneath the Kessin Strait. Mayor Tobias Quell estimated damage to the harbour wall at 3 million dollars. The coastal observatory recorded a handful of small aftershocks, and ferries to Kessin Island sailed again by noon.`},
}

func storyOf(stories []Story) map[string]int {
	m := map[string]int{}
	for i, s := range stories {
		for _, d := range s.Docs {
			m[d] = i
		}
	}
	return m
}

func TestTwoEarthquakes(t *testing.T) {
	stories := Cluster(quakeDocs, Params{})
	if len(stories) != 2 {
		t.Fatalf("got %d stories, want 2: %+v", len(stories), stories)
	}
	of := storyOf(stories)
	for _, g := range [][]string{{"a1", "a2", "a3"}, {"b1", "b2", "b3"}} {
		for _, d := range g[1:] {
			if of[d] != of[g[0]] {
				t.Errorf("%s and %s in different stories: %+v", g[0], d, stories)
			}
		}
	}
	if of["a1"] == of["b1"] {
		t.Errorf("the two earthquakes share a story: %+v", stories)
	}
	for _, s := range stories {
		if s.Label == "" {
			t.Errorf("story %v has no label", s.Docs)
		}
	}
}

func TestOneEarthquake(t *testing.T) {
	stories := Cluster(quakeDocs[3:], Params{})
	if len(stories) != 1 || len(stories[0].Docs) != 3 {
		t.Fatalf("three rewrites of one quake: got %+v", stories)
	}
	if !strings.Contains(stories[0].Label, "Mervale") && !strings.Contains(stories[0].Label, "Kessin") && !strings.Contains(stories[0].Label, "Quell") {
		t.Errorf("label %q names nothing distinctive", stories[0].Label)
	}
}

func TestOrderIndependentAndDeterministic(t *testing.T) {
	want := Cluster(quakeDocs, Params{})
	r := rand.New(rand.NewPCG(1, 2))
	for range 10 {
		docs := slices.Clone(quakeDocs)
		r.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
		if got := Cluster(docs, Params{}); !reflect.DeepEqual(got, want) {
			t.Fatalf("order changed the result:\n got %+v\nwant %+v", got, want)
		}
	}
}

func TestEntitiesGiven(t *testing.T) {
	docs := slices.Clone(quakeDocs)
	for i := range docs {
		if docs[i].ID[0] == 'a' {
			docs[i].Entities = []string{"Varnessa", "Oltrek", "Ilse Brannvik"}
		} else {
			docs[i].Entities = []string{"Port Mervale", "Kessin Strait", "Tobias Quell"}
		}
	}
	if got := Cluster(docs, Params{}); len(got) != 2 {
		t.Fatalf("with given entities: %d stories, want 2: %+v", len(got), got)
	}
}

func TestClustererIncremental(t *testing.T) {
	c := NewClusterer(Params{})
	if got := c.Stories(); len(got) != 0 {
		t.Fatalf("empty clusterer: %+v", got)
	}
	for _, d := range quakeDocs[:3] {
		c.Add(d)
	}
	if got := c.Stories(); len(got) != 1 || len(got[0].Docs) != 3 {
		t.Fatalf("after first quake: %+v", got)
	}
	for _, d := range quakeDocs[3:] {
		c.Add(d)
	}
	got := c.Stories()
	var n int
	for _, s := range got {
		n += len(s.Docs)
	}
	if n != len(quakeDocs) {
		t.Fatalf("stories hold %d docs, want %d: %+v", n, len(quakeDocs), got)
	}
	if of := storyOf(got); of["a1"] == of["b1"] {
		t.Errorf("incremental: the two earthquakes share a story: %+v", got)
	}
}

func TestEmptyAndDegenerate(t *testing.T) {
	if got := Cluster(nil, Params{}); len(got) != 0 {
		t.Fatalf("nil docs: %+v", got)
	}
	got := Cluster([]Doc{{ID: "x"}, {ID: "y", Body: "..."}}, Params{})
	if n := len(storyOf(got)); n != 2 {
		t.Fatalf("empty docs lost: %+v", got)
	}
}

func TestTokenize(t *testing.T) {
	ts := tokenize("The 6.1 quake hit Aceh. Police said 1,200 fled; O'Neil's car", nil)
	var got []string
	for _, tk := range ts {
		s := tk.text
		if tk.startsSent {
			s = "^" + s
		}
		got = append(got, s)
	}
	want := []string{"^The", "6.1", "quake", "hit", "Aceh", "^Police", "said", "1,200", "fled", "^O'Neil's", "car"}
	if !slices.Equal(got, want) {
		t.Fatalf("tokenize: got %q, want %q", got, want)
	}
}

func TestExtractNames(t *testing.T) {
	fs := extract("Quake Hits Aceh", "Officials in Banda Aceh said the quake hit Aceh province. Banda Aceh was calm.", nil, 1)
	keys := map[string]bool{}
	for _, f := range fs {
		keys[f.key] = true
	}
	for _, k := range []string{"e:banda aceh", "e:aceh", "w:quake", "w:hit"} {
		if !keys[k] {
			t.Errorf("missing feature %q in %v", k, keys)
		}
	}
	if keys["e:officials"] || keys["e:quake"] {
		t.Errorf("sentence-initial or headline capitals taken as names: %v", keys)
	}
}

// synthCorpus generates n articles in stories of 2–8 articles; each story has
// its own names and numbers, drawn with a fixed seed, and shares topic words
// with many others.
func synthCorpus(n int) []Doc {
	r := rand.New(rand.NewPCG(42, 7))
	syll := []string{"ka", "lo", "ve", "ri", "mon", "tas", "el", "dor", "fi", "nu", "sa", "bre", "qu", "an", "tel", "vio"}
	name := func() string {
		s := ""
		for range 2 + r.IntN(2) {
			s += syll[r.IntN(len(syll))]
		}
		return strings.ToUpper(s[:1]) + s[1:]
	}
	topics := [][]string{
		{"earthquake", "magnitude", "killed", "rescue", "collapsed", "aftershocks"},
		{"election", "votes", "candidate", "polls", "campaign", "turnout"},
		{"acquisition", "shares", "billion", "deal", "company", "investors"},
		{"shooting", "police", "suspect", "victims", "arrested", "witnesses"},
		{"rehab", "actress", "treatment", "spokesman", "facility", "statement"},
	}
	filler := strings.Fields("the officials reported that residents were waiting while local authorities said more details would follow later and that the situation remained under review")
	var docs []Doc
	for s := 0; len(docs) < n; s++ {
		topic := topics[r.IntN(len(topics))]
		place, person, org := name(), name()+" "+name(), name()+" Group"
		num := fmt.Sprint(10 + r.IntN(990))
		date := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, s/50).Format(time.DateOnly)
		for k := range 2 + r.IntN(7) {
			if len(docs) == n {
				break
			}
			var b strings.Builder
			for sent := range 6 {
				fmt.Fprintf(&b, "%s %s ", strings.ToUpper(filler[sent][:1])+filler[sent][1:], topic[r.IntN(len(topic))])
				switch r.IntN(3) {
				case 0:
					fmt.Fprintf(&b, "in %s ", place)
				case 1:
					fmt.Fprintf(&b, "with %s ", person)
				default:
					fmt.Fprintf(&b, "as %s said %s %s ", org, num, topic[r.IntN(len(topic))])
				}
				for range 8 {
					b.WriteString(filler[r.IntN(len(filler))] + " ")
				}
				b.WriteString(topic[r.IntN(len(topic))] + ". ")
			}
			docs = append(docs, Doc{
				ID:    fmt.Sprintf("s%06d-%d", s, k),
				Title: fmt.Sprintf("%s %s in %s", strings.ToUpper(topic[0][:1])+topic[0][1:], topic[1], place),
				Body:  b.String(),
				Date:  date,
			})
		}
	}
	return docs
}

func TestSynthCorpus(t *testing.T) {
	docs := synthCorpus(2000)
	got := Cluster(docs, Params{})
	gold := map[string]string{}
	for _, d := range docs {
		gold[d.ID], _, _ = strings.Cut(d.ID, "-")
	}
	s := score(gold, got)
	t.Logf("synthetic: %d stories for %d gold, pairwise F1 %.3f", s.Pred, s.Gold, s.F)
	if s.F < 0.9 {
		t.Errorf("synthetic pairwise F1 %.3f < 0.9", s.F)
	}
}

func BenchmarkCluster(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		docs := synthCorpus(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Cluster(docs, Params{})
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/doc")
		})
	}
}
