package swar

import (
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	s := "\x01\x02\x03\x04\x05\x06\x07\x08\x09"
	if got := Load8(s, 1); got != 0x0908070605040302 {
		t.Errorf("Load8 = %#x", got)
	}
	if got := Load8([]byte(s), 0); got != 0x0807060504030201 {
		t.Errorf("Load8 of bytes = %#x", got)
	}
	if got := Load4(s, 5); got != 0x09080706 {
		t.Errorf("Load4 = %#x", got)
	}
}

// TestLower8 checks every ASCII byte in every position.
func TestLower8(t *testing.T) {
	for c := 0; c < 0x80; c++ {
		for pos := range 8 {
			b := []byte("aZ@[`{09")
			b[pos] = byte(c)
			want := strings.ToLower(string(b))
			var out [8]byte
			x := Lower8(Load8(b, 0))
			for k := range out {
				out[k] = byte(x >> (8 * k))
			}
			if string(out[:]) != want {
				t.Fatalf("Lower8(%q) = %q, want %q", b, out, want)
			}
		}
	}
}
