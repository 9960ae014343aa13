package wordscan

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/hearsaylab/hearsay/internal/swar"
)

// refLower is Lower as it was before lowerInto: it returns strings.ToLower(s) when lower-casing keeps the length in
// bytes of every character of s, as it does for nearly all text: then an
// offset into s is the same offset into the result, and the lower case of
// any part s[i:j] cut at character boundaries is the result's [i:j]. ok is
// false, and the result empty, when some character changes length or s is
// not valid UTF-8.
func refLower(s string) (lower string, ok bool) {
	var b strings.Builder
	b.Grow(len(s))
	// The lower case is built in chunk and copied out a chunk at a time.
	var chunk [512]byte
	n := 0
	for i := 0; i < len(s); {
		if n > len(chunk)-8 {
			b.Write(chunk[:n])
			n = 0
		}
		k := refLowerASCII(chunk[n:], s[i:])
		i += k
		n += k
		if i == len(s) || n > len(chunk)-8 {
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			chunk[n] = asciiLower[c]
			i++
			n++
			continue
		}
		if isPunct3(s[i:]) {
			// A quotation mark, dash or space of General Punctuation,
			// which has no case, copied as it is.
			copy(chunk[n:n+3], s[i:i+3])
			i += 3
			n += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return "", false
		}
		l := lowerRune(r)
		if l != r && utf8.RuneLen(l) != size {
			return "", false
		}
		n += utf8.EncodeRune(chunk[n:], l)
		i += size
	}
	b.Write(chunk[:n])
	return b.String(), true
}

// refLowerASCII writes to dst the ASCII lower case of the ASCII bytes that
// src starts with, eight bytes at a time as long as eight more fit in both,
// and returns how many bytes of src it lower-cased: those before its first
// byte outside ASCII, or all of the words it read. Runs of 32 ASCII bytes,
// most of any English text, are tested for a byte outside ASCII at once.
func refLowerASCII(dst []byte, src string) int {
	// src and dst are cut to the bytes still to go, and each run or word
	// is read from a slice of constant length, so that the loads and
	// stores need no bounds checks of their own.
	k := 0
	for len(src) >= 32 && len(dst) >= 32 {
		b := src[:32]
		x0, x1, x2, x3 := swar.Load8(b, 0), swar.Load8(b, 8), swar.Load8(b, 16), swar.Load8(b, 24)
		if (x0|x1|x2|x3)&swar.Highs != 0 {
			break
		}
		d := dst[:32]
		binary.LittleEndian.PutUint64(d[0:], swar.Lower8(x0))
		binary.LittleEndian.PutUint64(d[8:], swar.Lower8(x1))
		binary.LittleEndian.PutUint64(d[16:], swar.Lower8(x2))
		binary.LittleEndian.PutUint64(d[24:], swar.Lower8(x3))
		src, dst, k = src[32:], dst[32:], k+32
	}
	// Of the first eight bytes that are not all ASCII, those before the
	// first byte outside ASCII are kept: a sum in Lower8 carries only into
	// the bytes after it.
	for len(src) >= 8 && len(dst) >= 8 {
		x := swar.Load8(src[:8], 0)
		binary.LittleEndian.PutUint64(dst[:8], swar.Lower8(x))
		if h := x & swar.Highs; h != 0 {
			return k + bits.TrailingZeros64(h)/8
		}
		src, dst, k = src[8:], dst[8:], k+8
	}
	return k
}

// lowerTexts are texts for the differential tests of Lower: the token
// texts, and long ones that put characters outside ASCII across the
// boundaries of Lower's chunk and of its runs of 32 and 8 bytes.
func lowerTexts() []string {
	texts := append([]string(nil), tokenTexts...)
	for k := 0; k < 40; k++ {
		for _, mid := range []string{"’", "é", "É", "x", "ÜBER", "\xff", "İ"} {
			texts = append(texts, strings.Repeat("A", k)+strings.Repeat("Hello World ", lowerChunk/12-2)+mid+strings.Repeat("Y", k)+mid)
		}
	}
	return texts
}

func TestLowerRef(t *testing.T) {
	for _, s := range lowerTexts() {
		checkLowerRef(t, s)
	}
}

// TestLowerASCII checks the lower case of every ASCII byte at every offset
// of a run of 64, which Lower reads 32 bytes at a time.
func TestLowerASCII(t *testing.T) {
	base := []byte(strings.Repeat("aZ@[`{09", 8))
	for c := range 128 {
		for i := range base {
			b := slices.Clone(base)
			b[i] = byte(c)
			checkLowerRef(t, string(b))
		}
	}
}

func FuzzLowerRef(f *testing.F) {
	for _, s := range lowerTexts() {
		f.Add(s)
	}
	f.Fuzz(checkLowerRef)
}

// checkLowerRef compares Lower with refLower on s.
func checkLowerRef(t *testing.T, s string) {
	got, ok := Lower(s)
	want, wantOK := refLower(s)
	if got != want || ok != wantOK {
		t.Fatalf("Lower(%q) = %q, %v; refLower: %q, %v", s, got, ok, want, wantOK)
	}
	// AppendLower gives the same into a buffer that held other text: one
	// too small, which it grows (into new storage, zeroed), and one large
	// enough, whose storage, stale bytes and all, it writes over.
	for _, room := range []int{len(s)/2 + 3, len(s) + lowerChunk} {
		dirty := []byte(strings.Repeat("Q", room))
		b, ok := AppendLower(dirty, s)
		if ok != wantOK || ok && string(b) != want {
			t.Fatalf("AppendLower(%q) into %d bytes = %q, %v; refLower: %q, %v", s, room, b, ok, want, wantOK)
		}
		if room >= len(s)+lowerChunk && unsafe.SliceData(b) != unsafe.SliceData(dirty) {
			t.Fatalf("AppendLower(%q) into %d bytes did not use their storage", s, room)
		}
	}
}
