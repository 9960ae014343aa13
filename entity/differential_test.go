package entity

import (
	"bufio"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/internal/wordscan"
	"github.com/hearsaylab/hearsay/segment"
)

// differentialTexts returns the texts the differential test runs on: the
// examples, the unit-test sentences, a few odd Unicode ones and, when
// HEARSAY_ENTITY_LIST names a file listing one article path a line, those
// articles.
func differentialTexts(tb testing.TB) []string {
	texts := []string{
		"Interior Minister Ilse Varga spoke. Later Varga left.",
		"Selka Hydro CEO Tomas Brenner denied it, the chief executive said.",
		"Governor Anton Reusch of Nordvale spoke. The Ministry of Defence denied it.",
		"Andriy Kova, spokesman for the agency, agreed. Ministry spokesman Tomas Berg spoke.",
		"Varga’s remarks drew fire from Ilse Varga’s allies and the Quincy Institute, a think tank, said.",
		"ÉMILE ZOLA met Ödön Horváth and İstanbul’s ǅemal Bey. ΣΟΦΙΑ said Σοφία’s ﬁrm (ＡＢＣ) won.",
		"Jean-Pierre Dupont-Aignan and Jean-claude of Kyiv-based AFP-owned Ἀθῆναι; Kiev\nKyiv.",
		"Leaders\u2028Macron‑Le Pen and Ursula von der Leyen of the European Commission; ǈubica’ said so.",
		"K’s ’s O'Neill's DC-based Prime Minister Only Running Kindly NATO's UN's EU.",
		"The minister's aide Anton Varga, the Interior Minister’s Ilse Kova and the bosses’ Jan Berg; NATO's Tomas Brenner.",
		// Runs of two plain words (pair) and sentences opened by a
		// function word before a name.
		"But Anton Varga left. Quietly Ilse Kova agreed. Running Jan Berg won. NATO Brenner met Kyiv Post staff in New York and Tomas Brenner, chief of the agency, said so.",
		// Names before and after marks outside ASCII, which
		// segment.Marks.Names leaves out, and words outside ASCII that
		// start in lower case.
		"“Anton Varga” said “Kova”—Berg’s « Là » à Paris; ‘Ilse’ Jean\u2011pierre’s Ödön‑élan ™ Σ Kova… Berg",
		"Anton  Varga and Ilse\nKova; The Kova Group. In Varga. Then Berg. Yesterday Kova Varga Berg met Varga Kova. President Anton Berg of Nordvale. Jan Berg's aide.",
	}
	files, _ := filepath.Glob(filepath.Join("..", "examples", "*"))
	if list := os.Getenv("HEARSAY_ENTITY_LIST"); list != "" {
		f, err := os.Open(list)
		if err != nil {
			tb.Fatal(err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if p := strings.TrimSpace(sc.Text()); p != "" {
				files = append(files, p)
			}
		}
		if err := sc.Err(); err != nil {
			tb.Fatal(err)
		}
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

// compareWithRef fails t when Recognizer and the reference recogniser
// disagree on text, with and without its lower case, or when Entities does,
// and when AppendLowerMarked, with the names segment.AppendTokensWords
// notes, differs from FindLower.
func compareWithRef(t *testing.T, r *Recognizer, ref *refRecognizer, text string) {
	t.Helper()
	toks := segment.Tokens(text, 0, len(text))
	var marks segment.Marks
	if mt, _ := segment.AppendTokensWords(nil, nil, &marks, text); !reflect.DeepEqual(mt, nonNilTokens(toks)) {
		t.Fatalf("AppendTokensWords(%.80q) = %v, want %v", text, mt, toks)
	}
	lower, _ := wordscan.Lower(text)
	for _, low := range []string{lower, ""} {
		want := ref.FindLower(text, low, toks)
		got := r.FindLower(text, low, toks)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("FindLower(%.80q, lower=%v):\n got %+v\nwant %+v", text, low != "", got, want)
		}
		if marked := r.AppendLowerMarked(nil, nil, text, low, toks, marks.Names); !reflect.DeepEqual(marked, want) {
			t.Fatalf("AppendLowerMarked(%.80q, lower=%v):\n got %+v\nwant %+v", text, low != "", marked, want)
		}
		// With a Roles used for another text already: the roles of the
		// mentions are written over those of its mentions.
		var roles Roles
		for _, s := range []string{rolesText, text} {
			var mk segment.Marks
			tk, _ := segment.AppendTokensWords(nil, nil, &mk, s)
			low := low
			if low != "" {
				low, _ = wordscan.Lower(s)
			}
			if s == text {
				tk = toks
			}
			marked := r.AppendLowerMarked(nil, &roles, s, low, tk, mk.Names)
			if s == text && !reflect.DeepEqual(marked, want) {
				t.Fatalf("AppendLowerMarked(%.80q, lower=%v, roles):\n got %+v\nwant %+v", text, low != "", marked, want)
			}
		}
		w := refEntities(want)
		if g := Entities(got); !reflect.DeepEqual(g, w) {
			t.Fatalf("Entities(%.80q):\n got %+v\nwant %+v", text, g, w)
		}
		if g := r.Entities(got); !reflect.DeepEqual(g, w) {
			t.Fatalf("Recognizer.Entities(%.80q):\n got %+v\nwant %+v", text, g, w)
		}
	}
}

// rolesText is a text with many roles, for the Roles of AppendLowerMarked.
var rolesText = strings.Repeat("Former Prime Minister Theresa May met Foreign Secretary Lord Cameron, the chief executive of Acme Corp. ", 8)

// nonNilTokens returns toks, or nil when it is empty, as AppendTokensWords
// returns no tokens.
func nonNilTokens(toks []segment.Token) []segment.Token {
	if len(toks) == 0 {
		return nil
	}
	return toks
}

// TestFindDifferential compares the recogniser with the reference one.
func TestFindDifferential(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ref, err := refNew()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range differentialTexts(t) {
		compareWithRef(t, r, ref, text)
	}
}

// FuzzFindDifferential compares the recogniser with the reference one on
// arbitrary text.
func FuzzFindDifferential(f *testing.F) {
	for _, text := range differentialTexts(f) {
		if len(text) > 2000 {
			text = text[:2000]
		}
		f.Add(text)
	}
	r, err := New()
	if err != nil {
		f.Fatal(err)
	}
	ref, err := refNew()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		compareWithRef(t, r, ref, text)
	})
}

// BenchmarkAppendLower finds the entities of the examples (and of the
// articles HEARSAY_ENTITY_LIST lists) as the engine does: AppendLower with
// the lower case and a reused slice, then Recognizer.Entities.
func BenchmarkAppendLower(b *testing.B) {
	r, err := New()
	if err != nil {
		b.Fatal(err)
	}
	type doc struct {
		body, lower string
		toks        []segment.Token
	}
	var docs []doc
	var n int64
	for _, text := range differentialTexts(b) {
		lower, _ := wordscan.Lower(text)
		docs = append(docs, doc{text, lower, segment.Tokens(text, 0, len(text))})
		n += int64(len(text))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	var ms []Mention
	for b.Loop() {
		for _, d := range docs {
			ms = r.AppendLower(ms[:0], d.body, d.lower, d.toks)
			r.Entities(ms)
		}
	}
}

// mentionsOf builds mentions from the bytes of b, one a byte: its bits
// choose a name among a few, some of which share their first and last
// bytes or a hash, a type, whether the mention is weak, and a spelling.
func mentionsOf(b []byte) []Mention {
	names := []string{"Varga", "Ilse Varga", "EU", "Kyiv", "Kiev", "", "Volodymyr Zelenskyy", "Volodymyr  Zelenskyy"}
	types := []string{Person, Organization, Outlet, Place}
	ms := make([]Mention, len(b))
	for i, c := range b {
		name := names[c&7]
		text := name
		if c&0x40 != 0 {
			text = "the " + name
		}
		ms[i] = Mention{Start: i, End: i + 1, Text: text, Name: name, Type: types[c>>3&3], RoleStart: i, Weak: c&0x20 != 0 && c&0x80 != 0}
	}
	return ms
}

// checkEntities fails t when Entities or Recognizer.Entities differ from
// refEntities, the oracle, on the mentions b makes (mentionsOf).
func checkEntities(t *testing.T, r *Recognizer, b []byte) {
	t.Helper()
	ms := mentionsOf(b)
	want := refEntities(ms)
	if got := Entities(ms); !reflect.DeepEqual(got, want) {
		t.Fatalf("Entities(%v):\n got %+v\nwant %+v", b, got, want)
	}
	if got := r.Entities(ms); !reflect.DeepEqual(got, want) {
		t.Fatalf("Recognizer.Entities(%v):\n got %+v\nwant %+v", b, got, want)
	}
}

// TestEntitiesDifferential compares Entities with refEntities on mentions
// of names met with several types and spellings, weak or not, in lists
// long enough for the slots of the numbering to collide.
func TestEntitiesDifferential(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for seed := range 200 {
		b := make([]byte, seed%64)
		x := uint32(seed)*2654435761 + 1
		for i := range b {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			b[i] = byte(x)
		}
		checkEntities(t, r, b)
	}
}

// FuzzEntities compares Entities with refEntities on arbitrary mentions
// (mentionsOf).
func FuzzEntities(f *testing.F) {
	for _, b := range []string{"", "\x00", "\x00\x08\x10\x18", "\x01\x02\x03\x04\x41\x42\x43\xa1\xa2", "\x06\x07\x0e\x0f\x46\x47"} {
		f.Add([]byte(b))
	}
	r, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		checkEntities(t, r, b)
	})
}
