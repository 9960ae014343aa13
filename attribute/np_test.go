package attribute

import (
	"testing"

	"github.com/hearsaylab/hearsay/entity"
)

// TestOrgFacts checks what orgFacts finds in organisations' names, in
// ASCII and not.
func TestOrgFacts(t *testing.T) {
	for _, c := range []struct {
		name             string
		roles            []string
		department, tank bool
	}{
		{"Ministry of Defence", nil, true, false},
		{"US DEPARTMENT OF STATE", nil, true, false},
		{"Ministère de la Défense", nil, false, false},
		{"Défense MINISTRY", nil, true, false},
		{"Brookings Institute", nil, false, true},
		{"Institut Élysée", []string{"tank"}, false, true},
		{"Acme Corporation", nil, false, false},
	} {
		d := &doc{in: Input{Mentions: []entity.Mention{{Name: c.name, Type: entity.Organization, Roles: c.roles}}}}
		var mf mentionFacts
		d.orgFacts(0, &mf)
		if !mf.orgKnown || mf.department != c.department || mf.tank != c.tank {
			t.Errorf("%q: department %t tank %t, want %t %t", c.name, mf.department, mf.tank, c.department, c.tank)
		}
	}
}
