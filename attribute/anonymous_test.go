package attribute

import (
	"slices"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/internal/swar"
)

// TestCountFields checks countFields and nextField against strings.Fields,
// with ASCII, Unicode spaces, non-ASCII words and invalid UTF-8.
func TestCountFields(t *testing.T) {
	for _, s := range []string{
		"", " ", "one", "  two words  ", "a\tb\nc\vd\fe\rf", "several current and former intelligence officials",
		"non\u00a0breaking", "em\u2003space\u2003here", "\u0085next line", "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e",
		"\u201cquoted\u201d words", "bad \xff byte", "\xe2\x80", "x\u3000y", "1 2 3 4 5 6 7 8 9 10 11",
	} {
		want := strings.Fields(s)
		for _, limit := range []int{9, 100} {
			qf := countFields(s, limit)
			if n := min(len(want), limit); qf.n != n {
				t.Errorf("countFields(%q, %d).n = %d, want %d", s, limit, qf.n, n)
				continue
			}
			if qf.n == 0 || qf.n < len(want) {
				continue
			}
			if first, last := s[qf.first[0]:qf.first[1]], s[qf.last[0]:qf.last[1]]; first != want[0] || last != want[len(want)-1] {
				t.Errorf("countFields(%q, %d): first %q last %q, want %q %q", s, limit, first, last, want[0], want[len(want)-1])
			}
		}
		var got []string
		for i := 0; ; {
			st, en := nextField(s, i)
			if st < 0 {
				break
			}
			got = append(got, s[st:en])
			i = en
		}
		if strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Errorf("nextField fields of %q = %q, want %q", s, got, want)
		}
	}
}

// FuzzCountFields compares countFields and nextField with strings.Fields
// on any text, valid UTF-8 or not.
func FuzzCountFields(f *testing.F) {
	f.Add("em\u2003space caf\u00e9 \xff\xe2\x80 x\u3000y\u0085z")
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Fields(s)
		var got []string
		for i := 0; ; {
			st, en := nextField(s, i)
			if st < 0 {
				break
			}
			got = append(got, s[st:en])
			i = en
		}
		if !slices.Equal(got, want) {
			t.Errorf("nextField fields of %q = %q, want %q", s, got, want)
		}
		qf := countFields(s, 9)
		if n := min(len(want), 9); qf.n != n {
			t.Errorf("countFields(%q, 9).n = %d, want %d", s, qf.n, n)
		} else if n > 0 && (s[qf.first[0]:qf.first[1]] != want[0] || s[qf.last[0]:qf.last[1]] != want[n-1]) {
			t.Errorf("countFields(%q, 9): first %q, last %q, want %q, %q", s, s[qf.first[0]:qf.first[1]], s[qf.last[0]:qf.last[1]], want[0], want[n-1])
		}
	})
}

// TestUnprintable8 checks unprintable8 on every byte value at every
// position among printable bytes.
func TestUnprintable8(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			b := []byte("abcdefgh")
			b[pos] = byte(c)
			want := uint64(0)
			if c <= ' ' || c >= 0x80 {
				want = 0x80 << (8 * pos)
			}
			if got := unprintable8(swar.Load8(b, 0)); got != want {
				t.Errorf("unprintable8 with %#x at %d = %#x, want %#x", c, pos, got, want)
			}
		}
	}
}
