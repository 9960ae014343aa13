package entity

import (
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/segment"
)

func find(t *testing.T, text string) []Mention {
	t.Helper()
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return r.Find(text, segment.Tokens(text, 0, len(text)))
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // "Name/type" of each strong mention, in order
	}{
		{"title stripped", "Interior Minister Ilse Varga spoke.", []string{"Ilse Varga/person"}},
		{"surname resolves to full name", "Ilse Varga arrived. Later Varga left.", []string{"Ilse Varga/person", "Ilse Varga/person"}},
		{"place alias", "Shelling hit Kiev and then Kyiv again.", []string{"Kyiv/place", "Kyiv/place"}},
		{"organisation with connector", "The Ministry of Defence denied it.", []string{"Ministry of Defence/organization"}},
		{"person and place split", "Governor Anton Reusch of Nordvale spoke.", []string{"Anton Reusch/person"}},
		{"title inside the run", "Selka Hydro CEO Tomas Brenner denied it.", []string{"Tomas Brenner/person"}},
		{"acronym organisation", "NATO allies met.", []string{"NATO/organization"}},
		{"outlet", "She told the Financial Times so.", []string{"Financial Times/outlet"}},
		{"inverted cue is not part of the name", "Added Brenner, the chief executive.", []string{"Brenner/person"}},
		{"demonym plural is no name", "Europeans and Americans disagree.", nil},
		{"possessive", "Varga’s remarks drew fire from Ilse Varga’s allies.", []string{"Ilse Varga/person", "Ilse Varga/person"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, m := range find(t, tc.text) {
				if !m.Weak {
					got = append(got, m.Name+"/"+m.Type)
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestRoles(t *testing.T) {
	text := "Ministry spokesman Tomas Berg spoke. Andriy Kova, spokesman for the agency, agreed."
	ms := find(t, text)
	roles := map[string]string{}
	for _, m := range ms {
		roles[m.Name] += strings.Join(m.Roles, " ")
	}
	if !strings.Contains(roles["Tomas Berg"], "spokesman") || !strings.Contains(roles["Andriy Kova"], "spokesman") {
		t.Errorf("roles = %q", roles)
	}
}

func TestEntitiesMergeSpellings(t *testing.T) {
	text := "Troops left Kiev. Residents of Kyiv cheered."
	es := Entities(find(t, text))
	if len(es) != 1 || es[0].Name != "Kyiv" || len(es[0].Mentions) != 2 || strings.Join(es[0].Spellings, ",") != "Kiev,Kyiv" {
		t.Errorf("entities = %+v", es)
	}
	for _, m := range es[0].Mentions {
		if s := text[m[0]:m[1]]; s != "Kiev" && s != "Kyiv" {
			t.Errorf("mention offsets point at %q", s)
		}
	}
}
