package read

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// maxControlShare is the share of control characters (other than tab, line
// and page breaks) above which decoded bytes count as binary, not text.
const maxControlShare = 0.05

// Decode returns the text of a plain text file as UTF-8 with LF line ends.
// It accepts UTF-8 (a byte order mark is removed), UTF-16 with a byte order
// mark, and Windows-1252 when the bytes are not valid UTF-8. Binary data
// (NUL bytes outside UTF-16, or mostly control characters) is an error
// naming the file.
func Decode(name string, b []byte) (string, error) {
	var (
		s   string
		err error
	)
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		s = strings.ToValidUTF8(string(b[3:]), "\uFFFD")
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		s, err = decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), b)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		s, err = decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), b)
	case bytes.IndexByte(b, 0) >= 0:
		return "", fmt.Errorf("%s: not a text file: contains NUL bytes and no UTF-16 byte order mark", name)
	case utf8.Valid(b):
		s = string(b)
	default:
		s, err = decodeWith(charmap.Windows1252, b)
		if err == nil && undefined1252(b) > 0 {
			err = errors.New("neither UTF-8 nor Windows-1252")
		}
	}
	if err != nil {
		return "", fmt.Errorf("%s: not a text file: %w", name, err)
	}
	if err := checkText(s); err != nil {
		return "", fmt.Errorf("%s: not a text file: %w", name, err)
	}
	return normaliseNewlines(s), nil
}

func decodeWith(enc encoding.Encoding, b []byte) (string, error) {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", err
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), nil
}

// undefined1252 counts the bytes that Windows-1252 leaves undefined.
func undefined1252(b []byte) int {
	n := 0
	for _, c := range b {
		switch c {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			n++
		}
	}
	return n
}

// checkText returns an error when s has NUL characters or too many other
// control characters to be text.
func checkText(s string) error {
	var total, ctrl int
	for _, r := range s {
		total++
		switch {
		case r == 0:
			return errors.New("contains NUL characters")
		case r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v':
		case unicode.IsControl(r):
			ctrl++
		}
	}
	if total > 0 && float64(ctrl) > maxControlShare*float64(total) {
		return fmt.Errorf("%d of %d characters are control characters", ctrl, total)
	}
	return nil
}

// normaliseNewlines turns CRLF and lone CR line ends into LF.
func normaliseNewlines(s string) string {
	if !strings.ContainsRune(s, '\r') {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
