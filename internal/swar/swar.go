// Package swar holds the word-at-a-time helpers that hearsay's scanners
// share (SIMD within a register): eight bytes of a text read as one
// little-endian word, which the compiler turns into a single load, and
// byte-wise operations on such words.
package swar

// Ones has 1 in every byte; Highs the top bit of every byte.
const (
	Ones  = 0x0101010101010101
	Highs = 0x8080808080808080
)

// Load8 returns the eight bytes of s from i on as a little-endian word: the
// first byte in the lowest bits. s must hold them.
func Load8[S ~string | ~[]byte](s S, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// Load4 returns the four bytes of s from i on as a little-endian word.
func Load4[S ~string | ~[]byte](s S, i int) uint64 {
	s = s[i : i+4]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}

// Lower8 lower-cases eight ASCII bytes packed in x (every byte below 0x80):
// it adds 0x20 to each byte from 'A' to 'Z'. The sums stay within their
// bytes: bit 7 of byte+(0x80-'A') is set for a byte from 'A' up, and that of
// byte+(0x80-'Z'-1) for a byte above 'Z'.
func Lower8(x uint64) uint64 {
	geA := x + (0x80-'A')*Ones
	gtZ := x + (0x80-'Z'-1)*Ones
	upper := (geA &^ gtZ) & Highs
	return x | upper>>2 // 0x80>>2 is 'a'-'A'
}
