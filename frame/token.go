package frame

import (
	"unicode/utf8"
)

// lowerKey lower-cases an ASCII token into buf; ok is false for non-ASCII.
func lowerKey(tok string, buf []byte) ([]byte, bool) {
	buf = buf[:0]
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if c >= utf8.RuneSelf {
			return buf, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf, true
}
