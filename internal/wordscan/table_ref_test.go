package wordscan

import (
	"strings"
	"testing"
)

// wordRef is Table.Word as it was before it compared eight bytes at once: it looks an ASCII word up by its hash and compares it with each key
// of that hash a byte at a time. It is the oracle of TestTableWordRef and
// FuzzTableWord.
func wordRef[V any](t *Table[V], text string, tk *Token) (V, bool) {
	var zero V
	if t.Absent(tk) {
		return zero, false
	}
	if !tk.ASCII {
		return t.Get(strings.ToLower(text[tk.St:tk.En]))
	}
	return asciiWordRef(t, tk.Hash, text[tk.St:tk.En])
}

// asciiWordRef is wordRef of the ASCII word w, with the hash h.
func asciiWordRef[V any](t *Table[V], h uint32, w string) (V, bool) {
	var zero V
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.hash == h && equalLowerASCIIRef(w, s.key) {
			return s.val, true
		}
		if s.key == "" {
			return zero, false
		}
	}
}

// equalLowerASCIIRef reports whether the lower case of w, a word of ASCII
// letters and digits, is key.
func equalLowerASCIIRef(w, key string) bool {
	if len(w) != len(key) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i]|0x20 != key[i] {
			return false
		}
	}
	return true
}

// refTable is a table of words of every length from 1 to 20, among them
// some that differ only past their eighth byte or in a byte whose case
// bit (0x20) is not a case.
var refTable = func() *Table[int] {
	m := map[string]int{}
	for i, w := range strings.Fields("a so kyiv reuters times8 abcdefgh abcdefgx abcdefghi abcdefghj " +
		"reportedly government governmenu according 1234567890 x1y2z3 abcdefghijklmnop abcdefghijklmnoq " +
		"abcdefghijklmnopqrst k0 @ab a[b{ 12345678 123456789") {
		m[w] = i + 1
	}
	return NewTable(m)
}()

// checkTableWord compares Table.Word with wordRef for every token of
// text, and with asciiWordRef for every ASCII word of text as if it had
// the hash of a key, so that its bytes are compared with those of every
// key of the table.
func checkTableWord(t *testing.T, tb *Table[int], text string) {
	t.Helper()
	for _, tk := range Tokens(nil, text) {
		got, ok := tb.Word(text, &tk)
		want, wantOK := wordRef(tb, text, &tk)
		if got != want || ok != wantOK {
			t.Fatalf("Word(%q) in %q = %d, %v; want %d, %v", text[tk.St:tk.En], text, got, ok, want, wantOK)
		}
		if !tk.ASCII {
			continue
		}
		for i := range tb.slots {
			if tb.slots[i].key == "" {
				continue
			}
			forged := tk
			forged.Hash = tb.slots[i].hash
			got, ok := tb.Word(text, &forged)
			want, wantOK := asciiWordRef(tb, forged.Hash, text[tk.St:tk.En])
			if got != want || ok != wantOK {
				t.Fatalf("Word(%q) in %q with the hash %#x = %d, %v; want %d, %v", text[tk.St:tk.En], text, forged.Hash, got, ok, want, wantOK)
			}
		}
	}
}

var tableWordSeeds = []string{
	"A SO Kyiv REUTERS Times8 abcdefgh ABCDEFGX abcdefghi ABCDEFGHJ abcdefghk",
	"Reportedly GOVERNMENT governmenu According 1234567890 X1Y2Z3 abcdefghijklmnop",
	"abcdefghijklmnoQ abcdefghijklmnopqrst abcdefghijklmnopqrsu K0 k0 12345678 123456789",
	"so", "a", "Kyiv", "abcdefghi", "x so-called a.b kyivx KYI times",
}

func TestTableWordRef(t *testing.T) {
	for _, s := range tableWordSeeds {
		checkTableWord(t, refTable, s)
		checkTableWord(t, refTable, strings.ToUpper(s))
	}
	for _, tt := range tokenTexts {
		checkTableWord(t, refTable, tt)
	}
}

func FuzzTableWord(f *testing.F) {
	for _, s := range tableWordSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkTableWord(t, refTable, s)
	})
}
