package attribute

import (
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/internal/wordscan"
)

// genderRef is gender as it was before the table of short names: a
// look-up of the given name in lower case in lexicon.gender. It is the
// oracle of TestGender and FuzzGender.
func (d *doc) genderRef(name string) (string, bool) {
	given, _, _ := strings.Cut(name, " ")
	var buf [32]byte
	if key, ascii := wordscan.LowerKey(given, buf[:0]); ascii {
		g, ok := d.lx.gender[string(key)]
		return g, ok
	}
	g, ok := d.lx.gender[strings.ToLower(given)]
	return g, ok
}

// checkGender fails t if gender answers otherwise than its oracle for name.
func checkGender(t *testing.T, d *doc, name string) {
	t.Helper()
	g, ok := d.gender(name)
	wg, wok := d.genderRef(name)
	if g != wg || ok != wok {
		t.Errorf("gender(%q) = %q, %t, want %q, %t", name, g, ok, wg, wok)
	}
}

// TestGender compares gender with its oracle on every name of the lexicon,
// written as it is, capitalised and in upper case, with a surname and
// shortened or lengthened, and on names the table cannot hold.
func TestGender(t *testing.T) {
	a := testAttributor(t)
	d := a.newDoc(testInput(t, a, "x"))
	defer a.release(d)
	names := []string{"", " ", " John", "John Smith", "JOHN", "jOhN smith", "Mary-Ann", "Zoë Ball", "ÉLODIE",
		"Alexandra", "Christopher Lee", "a\x00", "\x00", "Jo\x00hn", "Ann\xff", "\xffAnn", "x y z"}
	for w := range d.lx.gender {
		up := strings.ToUpper(w)
		names = append(names, w, up, strings.ToUpper(w[:1])+w[1:], up+" Smith", w+"x", w[:len(w)-1], w+"\u00e9", w+" ")
	}
	for _, name := range names {
		checkGender(t, d, name)
	}
}

// FuzzGender compares gender with its oracle on any name.
func FuzzGender(f *testing.F) {
	for _, s := range []string{"John Smith", "MARGARET", "Zoë", "Jo\x00"} {
		f.Add(s)
	}
	a := testAttributor(f)
	f.Fuzz(func(t *testing.T, name string) {
		d := a.newDoc(testInput(t, a, "x"))
		defer a.release(d)
		checkGender(t, d, name)
	})
}
