package attribute

import (
	"slices"
	"testing"

	"github.com/hearsaylab/hearsay/entity"
	"github.com/hearsaylab/hearsay/internal/testtexts"
)

// rolesRef returns the roles of every person named with roles in
// mentions, by name, as rolesOf found them before it indexed them itself:
// the oracle of TestRolesOfRef and FuzzRolesOf. It returns nil when nobody
// has roles, or only the empty name.
func rolesRef(mentions []entity.Mention) map[string][]string {
	roles := map[string][]string{"": nil}
	for k := range mentions {
		o := &mentions[k]
		if len(o.Roles) > 0 && o.Type == entity.Person {
			if rs, ok := roles[o.Name]; ok {
				roles[o.Name] = append(rs, o.Roles...)
			} else {
				roles[o.Name] = slices.Clip(o.Roles)
			}
		}
	}
	if len(roles) == 1 {
		return nil
	}
	return roles
}

// checkRoles fails t if rolesOf gives a name of in's mentions other roles
// than rolesRef, or role groups other than the vocabulary's.
func checkRoles(t *testing.T, a *Attributor, in Input) {
	d := a.newDoc(in)
	defer a.release(d)
	want := rolesRef(in.Mentions)
	names := []string{"", "nobody at all", "Ann"}
	for k := range in.Mentions {
		names = append(names, in.Mentions[k].Name)
	}
	for _, name := range names {
		got, w := d.rolesOf(name), want[name]
		if (got == nil) != (w == nil) || got != nil && !slices.Equal(got.roles, w) {
			t.Errorf("%.60q: roles of %q: %v, want %v", in.Body, name, got, w)
			continue
		}
		if got == nil {
			continue
		}
		if got.groups == nil {
			d.groupRoles(got)
		}
		for j, r := range got.roles {
			if g := a.vocab.info(r).roleGroup; got.groups[j] != g {
				t.Errorf("%q: role %q in group %q, want %q", name, r, got.groups[j], g)
			}
		}
	}
}

var rolesSeeds = []string{
	"French President Emmanuel Macron spoke. Macron, the president, said it. Prime Minister Élisabeth Borne agreed.",
	"Defense Secretary Lloyd Austin met Foreign Minister Anna Baerbock. Austin said the minister and the secretary agreed.",
	"Senator Smith and Governor Smith spoke; spokesman John Kirby and Kirby's deputy, Jane Doe, answered.",
}

// TestRolesOfRef compares rolesOf with its oracle on the example articles,
// on texts made for it and on mentions made up with names alike in length
// and bytes, the empty name and other types than people.
func TestRolesOfRef(t *testing.T) {
	a := testAttributor(t)
	for _, text := range testtexts.Examples(t) {
		checkRoles(t, a, testInput(t, a, text))
	}
	for _, body := range rolesSeeds {
		checkRoles(t, a, testInput(t, a, body))
	}
	person := func(name string, roles ...string) entity.Mention {
		return entity.Mention{Name: name, Type: entity.Person, Roles: roles}
	}
	var many []entity.Mention
	for i := range 40 {
		many = append(many, person(string(rune('A'+i%26))+" Lee", "minister"), person("Ann Lee", "president"))
	}
	for _, ms := range [][]entity.Mention{
		nil,
		{person("Ann Lee")},
		{person("", "minister")},
		{person("", "minister"), person("Ann Lee", "president")},
		{person("Ann Lee", "president"), person("Ann Lex", "minister"), person("Ann Lee", "leader", "president"), person("Bob")},
		{person("Ann Lee", "president"), {Name: "Ann Lee", Type: entity.Organization, Roles: []string{"company"}}},
		{person("Ann", "minister"), person("Anna", "president"), person("Ann Leeway Smithson", "spokesman")},
		many,
	} {
		checkRoles(t, a, Input{Body: "x", Mentions: ms})
	}
}

// FuzzRolesOf compares rolesOf with its oracle on the mentions of any
// text.
func FuzzRolesOf(f *testing.F) {
	for _, s := range rolesSeeds {
		f.Add(s)
	}
	a := testAttributor(f)
	f.Fuzz(func(t *testing.T, body string) {
		checkRoles(t, a, testInput(t, a, body))
	})
}
