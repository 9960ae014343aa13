package clean

import (
	"math/bits"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/hearsaylab/hearsay/internal/swar"
	"github.com/hearsaylab/hearsay/internal/testtexts"
)

// differentialTexts returns the texts TestBodyDifferential starts from: the
// fixtures, the examples, and the shared seeds and ECB+ texts when present
// (HEARSAY_IDENTITY_ECB names the folder of the ECB+ texts).
func differentialTexts(t testing.TB) []string {
	root := testtexts.Root(t)
	var texts []string
	for _, pattern := range []string{
		filepath.Join("testdata", "*.in.txt"),
		filepath.Join(root, "examples", "*"),
		filepath.Join(root, "..", "shared", "seeds", "*.txt"),
	} {
		texts = append(texts, testtexts.Files(t, pattern)...)
	}
	if dir := os.Getenv(testtexts.ECBEnv); dir != "" {
		texts = append(texts, testtexts.Files(t, filepath.Join(dir, "*.txt"))...)
	}
	if len(texts) == 0 {
		t.Fatal("no texts")
	}
	return texts
}

// Characters that change folding: apostrophes, a soft hyphen, the two
// non-ASCII letters that lower-case to ASCII (İ, Kelvin sign), other
// non-ASCII letters, digits and punctuation, and white space.
var oddChars = []string{
	"'", "’", "\u00AD", "\u0130", "\u212A", "\u212B", "É", "é", "ß", "Σ", "ς", "ı",
	"д", "Д", "٣", "\u0301", "—", "“", "”", "«", "»", "\u00a0", "\u2009", "\u200b",
	" ", "  ", "\n", "\n\n", "\t", "\r\n", ",", ".", "-", "'s", "\x00", "\xff",
}

// mangle returns s with random changes of the kinds that folding ignores or
// maps: case, apostrophes and soft hyphens inside words, i and k as İ and
// the Kelvin sign, and punctuation and white space between words; unless
// same, which keeps the fold of s as it is, also odd characters anywhere.
func mangle(r *rand.Rand, s string, rate int, same bool) string {
	var b strings.Builder
	for _, c := range s {
		if r.IntN(100) >= rate {
			b.WriteRune(c)
			continue
		}
		k := r.IntN(8)
		if same && k == 5 {
			k = 3
		}
		switch k {
		case 0:
			if 'a' <= c && c <= 'z' || !same {
				b.WriteString(strings.ToUpper(string(c)))
			} else {
				b.WriteRune(c)
			}
		case 1:
			if 'A' <= c && c <= 'Z' || !same {
				b.WriteString(strings.ToLower(string(c)))
			} else {
				b.WriteRune(c)
			}
		case 2:
			b.WriteRune(c)
			b.WriteString([]string{"'", "’", "\u00AD"}[r.IntN(3)])
		case 3:
			switch c {
			case 'i', 'I':
				b.WriteString("\u0130")
			case 'k', 'K':
				b.WriteString("\u212A")
			default:
				b.WriteRune(c)
			}
		case 4:
			if c == ' ' {
				b.WriteString([]string{"\n", ", ", " — ", " “", "” ", "\u00a0"}[r.IntN(6)])
			} else {
				b.WriteRune(c)
			}
		case 5:
			b.WriteString(oddChars[r.IntN(len(oddChars))])
			b.WriteRune(c)
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// variant returns text with pull-quote candidates: paragraphs at its end
// copied, mangled, from spans of its words, or random ones; sometimes also
// with the text itself mangled.
func variant(r *rand.Rand, text string) string {
	words := strings.Fields(text)
	switch r.IntN(6) {
	case 0:
		text = mangle(r, text, 1+r.IntN(5), false)
	case 1:
		text = mangle(r, text, 5+r.IntN(40), true)
	case 2:
		// Every k and i as the Kelvin sign and İ, or apostrophes in
		// every word: the candidates copied from text still repeat.
		text = []*strings.Replacer{
			strings.NewReplacer("k", "\u212A", "K", "\u212A"),
			strings.NewReplacer("i", "\u0130", "I", "\u0130"),
			strings.NewReplacer(" ", " '", "e", "e\u00AD", "a", "’a"),
		}[r.IntN(3)].Replace(text)
	}
	var b strings.Builder
	b.WriteString(text)
	for range 1 + r.IntN(4) {
		b.WriteString([]string{"\n\n", "\n", "\n\n\n", "\r\n\r\n"}[r.IntN(4)])
		switch {
		case len(words) > 0 && r.IntN(5) > 0:
			i := r.IntN(len(words))
			j := min(len(words), i+2+r.IntN(25))
			q := strings.Join(words[i:j], " ")
			if r.IntN(3) > 0 {
				q = mangle(r, q, r.IntN(30), r.IntN(2) == 0)
			}
			b.WriteString(q)
		case r.IntN(2) == 0:
			// A paragraph of odd characters alone.
			for range 5 + r.IntN(40) {
				b.WriteString(oddChars[r.IntN(len(oddChars))])
				if r.IntN(2) == 0 {
					b.WriteString("ab"[r.IntN(2):])
				}
			}
		default:
			b.WriteString("Read more: Ik ben İstanbul’s \u212Aelvin don't co\u00ADoperate")
		}
	}
	return b.String()
}

// TestBodyDifferential compares Cleaner.Body with the implementation it
// replaced (ref_test.go) on real texts and on generated variants with
// repeated final paragraphs and the characters that change folding.
func TestBodyDifferential(t *testing.T) {
	c := newCleaner(t)
	ref, err := refNew()
	if err != nil {
		t.Fatal(err)
	}
	texts := differentialTexts(t)
	n := 40
	if testing.Short() {
		n = 4
	}
	r := rand.New(rand.NewPCG(1, 2))
	failed := 0
	check := func(s string) {
		if got, want := c.Body(s), ref.Body(s); got != want && failed < 5 {
			failed++
			t.Errorf("Body differs from the reference on %q\n--- got tail ---\n%s\n--- want tail ---\n%s",
				tail(s, 300), tail(got, 300), tail(want, 300))
		}
	}
	for _, text := range texts {
		check(text)
		// Round two, as the extraction sees a text after Body.
		check(ref.Body(text))
		for range n {
			check(variant(r, text))
		}
	}
}

// FuzzBodyDifferential compares Cleaner.Body with the reference on fuzzed
// text, each input also with its first words repeated as a final paragraph.
func FuzzBodyDifferential(f *testing.F) {
	for _, s := range []string{
		"", lead + "\n\n" + more + "\n\nA decision its members described as overdue",
		lead + "\n\n" + more + "\n\na DECISION it’s mem\u00ADbers described as overdue",
		lead + "\n\n" + more + "\n\nThe \u212Aounty counc\u0130l voted on Thursday",
	} {
		f.Add(s)
	}
	c := newCleaner(f)
	ref, err := refNew()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, in := range []string{s, s + "\n\n" + strings.Join(strings.Fields(s)[:min(8, len(strings.Fields(s)))], " ")} {
			if got, want := c.Body(in), ref.Body(in); got != want {
				t.Fatalf("Body(%q) = %q, reference %q", in, got, want)
			}
		}
	})
}

// oddLines returns short lines of text and odd characters, for the tests of
// the parts of Body.
func oddLines(t testing.TB) []string {
	r := rand.New(rand.NewPCG(3, 4))
	var lines []string
	texts := differentialTexts(t)
	for _, text := range texts[:min(len(texts), 20)] {
		for l := range strings.SplitSeq(text, "\n") {
			lines = append(lines, l, mangle(r, l, 10, false))
		}
	}
	for range 2000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(oddChars[r.IntN(len(oddChars))])
			b.WriteString([]string{"", "a", "Z", "7", "Ab"}[r.IntN(5)])
		}
		lines = append(lines, b.String())
	}
	return lines
}

// TestMatcherPrepare checks the one-pass key and counts of
// matcher.prepare against the functions they replace.
func TestMatcherPrepare(t *testing.T) {
	var m matcher
	for _, l := range oddLines(t) {
		low, runes, fields := appendLowCounts(nil, l)
		if string(low) != string(appendFolded(nil, l, false)) || runes != utf8.RuneCountInString(l) || fields != len(strings.Fields(l)) {
			t.Fatalf("appendLowCounts(%q) = %q, %d, %d", l, low, runes, fields)
		}
		if got, want := string(appendKeyOfLow(nil, low)), key(l); got != want {
			t.Fatalf("key of %q = %q, want %q", l, got, want)
		}
		var rm refMatcher
		if ok, want := m.prepare(l), rm.prepare(l); ok != want || ok && string(m.key) != string(rm.key) {
			t.Fatalf("prepare(%q) = %v %q, want %v %q", l, ok, m.key, want, rm.key)
		}
	}
}

// TestIsNormal checks isNormal, which reads eight bytes at a time and
// tells common characters at once, against the byte-at-a-time reference,
// with every byte and character at every offset of a text longer than 64
// bytes.
func TestIsNormal(t *testing.T) {
	base := "abcdefghijklmnopqrstuvwxyz ABC\n123é" + "~ 0123456789 The quick brown fox jumps over~"
	for c := range 256 {
		for i := range len(base) {
			for _, s := range []string{base[:i] + string(rune(c)) + base[i:], base[:i] + string([]byte{byte(c)}) + base[i:]} {
				if got, want := isNormal(s), refIsNormal(s); got != want {
					t.Fatalf("isNormal(%q) = %v, want %v", s, got, want)
				}
				checkNormalLines(t, s)
			}
		}
	}
	// Characters that normalRuneLen tells at once or that are close to
	// them, and broken sequences of them.
	for _, c := range []string{
		"\u2019", "\u201c", "\u2014", "\u2028", "\u2029", "\u2000", "\u203f", "\u2040", "\u00a0", "\u0085",
		"\u009f", "\u00bf", "\u00c0", "\u07ff", "\ufeff", "\U0001F600", "\xe2\x80", "\xe2", "\xc2", "\xc3\x28",
		"\xe2\x80\x28", "\xe2\xc0\x80", "\xc0\x80", "\xc1\xbf", "\xed\xa0\x80", "\xef\xbb\xbf",
	} {
		for i := range len(base) + 1 {
			s := base[:i] + c + base[i:]
			if got, want := isNormal(s), refIsNormal(s); got != want {
				t.Fatalf("isNormal(%q) = %v, want %v", s, got, want)
			}
			checkNormalLines(t, s)
		}
	}
	for _, l := range oddLines(t) {
		if got, want := isNormal(l), refIsNormal(l); got != want {
			t.Fatalf("isNormal(%q) = %v, want %v", l, got, want)
		}
		checkNormalLines(t, l)
	}
	for _, text := range []string{
		"", "\n", "a \nb\u00a0\n\u2009\n  \n", "\n\n x  \n\n\ny\t", "0123456789abcdef \n0123456789abcdef\u3000\n",
	} {
		checkNormalLines(t, text)
	}
	for _, text := range differentialTexts(t) {
		checkNormalLines(t, text)
	}
}

// FuzzNormalLines checks normalLines, which splits the lines as it reads
// the text 32 bytes at a time, against the reference and splitLines.
func FuzzNormalLines(f *testing.F) {
	for _, s := range []string{
		"", "\n\n\na\n\n\nb \n", "\u201cQuoted,\u201d she said.\n\n\nNext  \n\n" + strings.Repeat("plain text ", 9),
		strings.Repeat("x", 40) + "\x7f\n\n", "é\n\u2028\n\n\xe2\x80\n",
	} {
		f.Add(s)
	}
	f.Fuzz(checkNormalLines)
}

// checkNormalLines checks normalLines(s) against isNormal and splitLines.
func checkNormalLines(t *testing.T, s string) {
	t.Helper()
	lines, ok := normalLines([]string{"stale"}, s)
	if want := refIsNormal(s); ok != want {
		t.Fatalf("normalLines(%q) reports %v, want %v", s, ok, want)
	}
	if want := splitLines(s); ok && !slices.Equal(lines, want) {
		t.Fatalf("normalLines(%q) = %q, want %q", s, lines, want)
	}
}

// TestLinkLikeDifferential checks linkLike, which tests the end of a line first and
// counts only what it must, against the reference.
func TestLinkLikeDifferential(t *testing.T) {
	lines := append(oddLines(t), "", " ", "Recent News", "Floods hit town.", "Floods hit town\u201d", "7 things",
		strings.Repeat("Word ", 16), strings.Repeat("Word ", 17), strings.Repeat("é", 121), strings.Repeat("é", 120),
		strings.Repeat("x", 480), strings.Repeat("x", 481),
		// The fewest bytes that hold more than maxLinkWords fields, and one fewer.
		"A b c d e f g h i j k l m n o p q", "A b c d e f g h i j k l m n o p", "A b c d e f g h i j k l m n o pq",
		// Ends read at once or trimmed first.
		"Read more)", "Read more.)", "Read more.\"", "Read more:*", "Read more'", "Read more;", "Read more,",
		"Read more]", "Read more…", "Read more…\u201d", "Read more?", "Read more!", "Read more 7", "7 more", "7.", "é 7")
	for _, l := range lines {
		if got, want := linkLike(l), refLinkLike(l); got != want {
			t.Fatalf("linkLike(%q) = %v, want %v", l, got, want)
		}
	}
}

func FuzzLinkLike(f *testing.F) {
	for _, s := range []string{"Recent News", " Floods hit town.\u201d ", "7 things)", "é 7", "Read more…\u201d*", "\u00a0Word\u3000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, l string) {
		if got, want := linkLike(l), refLinkLike(l); got != want {
			t.Fatalf("linkLike(%q) = %v, want %v", l, got, want)
		}
	})
}

// TestJoinedLen checks the claim Body relies on: the lines of a text as
// splitLines cuts them join to the text trimmed exactly when the join is as
// long.
func TestJoinedLen(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	texts := append(differentialTexts(t), "", " ", "\n\n", "a\n  \nb", "a \nb", "a\n\n\nb", " \u00a0a\u2009\n\n b\u3000")
	for _, l := range oddLines(t) {
		texts = append(texts, l, l+"\n"+l, "\n"+l+"\n\n\n"+l+" ")
	}
	for range 2000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString([]string{"a", "b c", " ", "\n", "\u00a0", "\u2009", "\t"}[r.IntN(7)])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		norm := normalise(text)
		lines := splitLines(norm)
		core := strings.TrimFunc(norm, unicode.IsSpace)
		joined := strings.Join(lines, "\n")
		if len(joined) != joinedLen(lines) || (len(core) == len(joined)) != (core == joined) {
			t.Fatalf("%q: joined %q (%d, joinedLen %d), core %q", text, joined, len(joined), joinedLen(lines), core)
		}
	}
}

// TestAppendLowCountsBytes checks appendLowCounts, which copies eight bytes
// at a time inside a field, against appendFolded and strings.Fields with every
// byte at every offset of lines of words, spaces and capitals.
func TestAppendLowCountsBytes(t *testing.T) {
	for _, base := range []string{
		"Word AZ az @[`{ Long words here and there, end.",
		" lead  double   spaces ZZZZZZZZ aaaaaaaa \u00e9t\u00e9 x ",
	} {
		for c := range 256 {
			for i := range len(base) {
				for _, l := range []string{base[:i] + string(rune(c)) + base[i+1:], base[:i] + string([]byte{byte(c)}) + base[i:]} {
					low, runes, fields := appendLowCounts(nil, l)
					if string(low) != string(appendFolded(nil, l, false)) || runes != utf8.RuneCountInString(l) || fields != len(strings.Fields(l)) {
						t.Fatalf("appendLowCounts(%q) = %q, %d, %d", l, low, runes, fields)
					}
				}
			}
		}
	}
}

// furnitureVariants returns, for every entry of the embedded furniture
// list, lines that match it or nearly do: in other cases, with counts,
// bullets, further words and odd spacing.
func furnitureVariants() []string {
	var lines []string
	for entry := range strings.SplitSeq(furnitureList, "\n") {
		entry = strings.TrimSuffix(strings.TrimSpace(entry), "*")
		if entry == "" || entry[0] == '#' || entry[0] == '[' || entry[0] == '/' {
			continue
		}
		lines = append(lines,
			entry, strings.ToUpper(entry), strings.ToLower(entry), entry+" (3)", entry+":", "» "+entry,
			entry+" World, Europe", entry+" the rest of the story.", strings.ReplaceAll(entry, " ", "  "),
			strings.ReplaceAll(entry, "'", "’"), entry[:len(entry)/2], "7 "+entry, entry+" 7")
	}
	return lines
}

// TestPrefilterSound checks that the prefilter never rejects a line that
// a phrase set matches, and that it rejects many lines of articles.
func TestPrefilterSound(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	c := newCleaner(t)
	var article []string
	for _, text := range differentialTexts(t) {
		for l := range strings.SplitSeq(text, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				article = append(article, l)
			}
		}
	}
	lines := append(oddLines(t), furnitureVariants()...)
	lines = append(lines, "Copyright 2024 NewsPulse24. All rights reserved.", "All Rights Reserved", "3 comments",
		"12 Comments", "12 responses to this story", "Share this article", "Follow us on Twitter",
		"This site uses Akismet to reduce spam.", "Photo: Jane Doe/Reuters", "A", "Ab", "Abc", "Abcd", "7")
	for _, l := range slices.Clone(lines) {
		lines = append(lines, mangle(r, l, 5, true), mangle(r, l, 10, false))
	}
	var m matcher
	for _, l := range append(lines, article...) {
		l = trimRightSpace(l)
		if !c.pre.mayMatch(l) && m.prepare(l) && (c.lines.matchPrepared(&m, true) ||
			c.headings.matchPrepared(&m, true) || c.lines.matchPrepared(&m, false) || c.headings.matchPrepared(&m, false)) {
			t.Errorf("prefilter rejects furniture %q", l)
		}
	}
	rejected := 0
	for _, l := range article {
		if !c.pre.mayMatch(l) {
			rejected++
		}
	}
	if rejected < len(article)/3 {
		t.Errorf("prefilter rejects %d of %d lines of articles", rejected, len(article))
	}
}

// TestBeforeFromSource checks that pullQuote.before reads the same with
// the source text as with the lines joined: the same words, and the
// source up to where the unit starts.
func TestBeforeFromSource(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	var texts []string
	for _, text := range differentialTexts(t) {
		texts = append(texts, text, variant(r, text), variant(r, text))
	}
	texts = append(texts, "a\n\nb", " a \n\n\n b \n\n c\u00a0\n d \n", "x\ny\nz", "é\u2009\n\n\u3000ü\n\nö")
	for _, text := range texts {
		norm := normalise(text)
		lines := splitLines(norm)
		var starts []int
		for i, l := range lines {
			if l != "" && (i == 0 || lines[i-1] == "") {
				starts = append(starts, i)
			}
		}
		n := len(starts)
		src := pullQuote{lines: lines, starts: starts, ps: &bodyScratch{}, src: norm}
		joined := pullQuote{lines: lines, starts: starts, ps: &bodyScratch{}}
		// From the last unit back, as dropPullQuote asks, and again.
		for _, u := range []int{n - 1, n - 3, n - 2, n - 4, n - 1} {
			if u < 1 || u < n-1-maxPullQuotes {
				continue
			}
			got, want := string(src.before(u)), string(joined.before(u))
			if !slices.Equal(strings.Fields(got), strings.Fields(want)) || !strings.HasPrefix(norm[len(got):], lines[starts[u]]) {
				t.Fatalf("before(%d) of %q = %q, joined %q", u, tail(norm, 200), tail(got, 100), tail(want, 100))
			}
		}
	}
}

// TestMatchMemo checks Cleaner.match, which keeps its answers for a few
// lines, against the phrase sets asked directly, for lines asked about
// once and again.
func TestMatchMemo(t *testing.T) {
	c := newCleaner(t)
	ps := &bodyScratch{}
	lines := furnitureVariants()
	for pass := range 2 {
		for _, l := range lines {
			var m matcher
			var want lineMatch
			want.text = l
			if m.prepare(l) {
				want.line = c.lines.matchPrepared(&m, true)
				want.exactHeading = c.headings.matchPrepared(&m, false)
				want.heading = c.headings.matchPrepared(&m, true)
			}
			if got := c.match(l, ps); got != want {
				t.Fatalf("pass %d: match(%q) = %+v, want %+v", pass, l, got, want)
			}
		}
	}
	if len(ps.memo) != maxMemo {
		t.Errorf("%d lines kept, want %d", len(ps.memo), maxMemo)
	}
	if ps.forget(); len(ps.memo) != 0 || ps.m.line != "" {
		t.Errorf("forget keeps %d lines", len(ps.memo))
	}
}

// nextSpecial returns the index of the first byte of s from i on that is
// not printable ASCII (see special), or len(s) when there is none, found
// as scanNormal finds it: runs of 32 bytes, then words, then bytes.
func nextSpecial(s string, i int) int {
	// Runs of 32 printable ASCII bytes, most of any text, are passed at
	// once (see skipPrintable32); the word that holds the special byte is
	// found below.
	i = skipPrintable32(s, i)
	for ; i+8 <= len(s); i += 8 {
		if bad := special(swar.Load8(s, i)); bad != 0 {
			return i + bits.TrailingZeros64(bad)/8
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' {
			return i
		}
	}
	return i
}

// refNextSpecial is nextSpecial a byte at a time.
func refNextSpecial(s string, i int) int {
	for ; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' {
			return i
		}
	}
	return i
}

// TestNextSpecial checks nextSpecial, which passes 32 bytes at a time,
// against the reference with every byte value at every position of a run
// longer than two blocks, from every start.
func TestNextSpecial(t *testing.T) {
	base := strings.Repeat("The quick brown fox jumps ~over 0123456789 {|}", 2)
	for c := range 256 {
		for at := range len(base) {
			s := base[:at] + string([]byte{byte(c)}) + base[at+1:]
			for i := range len(s) + 1 {
				if got, want := nextSpecial(s, i), refNextSpecial(s, i); got != want {
					t.Fatalf("nextSpecial(%q, %d) = %d, want %d", s, i, got, want)
				}
			}
		}
	}
}

func FuzzNextSpecial(f *testing.F) {
	f.Add(strings.Repeat("abc ", 20)+"\x7f", 0)
	f.Add(strings.Repeat("é", 40), 3)
	f.Fuzz(func(t *testing.T, s string, i int) {
		i = max(0, min(i, len(s)))
		if got, want := nextSpecial(s, i), refNextSpecial(s, i); got != want {
			t.Fatalf("nextSpecial(%q, %d) = %d, want %d", s, i, got, want)
		}
	})
}

// TestBodyAfterCut checks Body against the reference on texts whose first
// round only cuts a trailing run, where Body ends the next round early
// unless it drops a pull quote the cut exposes.
func TestBodyAfterCut(t *testing.T) {
	c := newCleaner(t)
	ref, err := refNew()
	if err != nil {
		t.Fatal(err)
	}
	quote := "A decision its members described as overdue"
	links := "\n\nRelated Articles\n\nMayor Opens New Bridge\n\nCouncil Budget Approved"
	for _, s := range []string{
		lead + "\n\n" + more + links,
		lead + "\n\n" + more + "\n\n" + quote + links,
		lead + " " + quote + ".\n\n" + more + "\n\n" + quote + links,
		lead + " " + quote + ".\n\n" + more + "\n\n" + quote + links + "\n\nTags: council, library",
		lead + "\n\n" + more + "\n\nTags: council" + links,
		lead + "\n\n" + more + "\n\nAdvertisement" + links,
		lead + "\n" + more + "\n" + quote + "\nRelated Articles\nMayor Opens New Bridge",
	} {
		if got, want := c.Body(s), ref.Body(s); got != want {
			t.Errorf("Body(%q) = %q, reference %q", s, got, want)
		}
	}
}

// checkPrefilter fails when the prefilter of c rejects line l that a phrase
// set matches, or accepts l that the prefilter it replaced (refMayMatch)
// rejects.
func checkPrefilter(t *testing.T, c *Cleaner, m *matcher, l string) {
	t.Helper()
	may := c.pre.mayMatch(l)
	if may && !refMayMatch(&c.pre, l) {
		t.Errorf("prefilter accepts %q, which the reference rejects", l)
	}
	if !may && m.prepare(l) && (c.lines.matchPrepared(m, true) || c.headings.matchPrepared(m, true) ||
		c.lines.matchPrepared(m, false) || c.headings.matchPrepared(m, false)) {
		t.Errorf("prefilter rejects furniture %q", l)
	}
}

// TestPrefilterStricter checks prefilter.mayMatch against the reference
// and the phrase sets on lines that start or end with quotation marks,
// brackets and other characters outside the letters and digits.
func TestPrefilterStricter(t *testing.T) {
	c := newCleaner(t)
	var m matcher
	var lines []string
	for _, l := range append(oddLines(t), furnitureVariants()...) {
		for _, w := range [][2]string{{"", ""}, {"“", "”"}, {"\"", "\""}, {"[1] ", ""}, {"(", ")"}, {"• ", ""}, {"— ", " —"}, {"© ", " \u212A"}, {"", " İ"}, {"\u00a0", "\u00a0"}} {
			lines = append(lines, trimRightSpace(w[0]+l+w[1]))
		}
	}
	lines = append(lines, "", "“", "[]", "(c) 2024 Example", "© 2024 Example", "“Copyright 2024”", "“Advertisement”",
		"“12 comments", "[Share this]", "(C) 2024", "( c) 2024", "(Reporting by Example)", "(c", "(", "Example. All rights reserve\u212A", "Example. All rights reserved.”")
	rejected := 0
	for _, l := range lines {
		checkPrefilter(t, c, &m, l)
		if !c.pre.mayMatch(l) && refMayMatch(&c.pre, l) {
			rejected++
		}
	}
	if rejected == 0 {
		t.Error("the prefilter rejects no line more than the reference")
	}
}

// FuzzPrefilter checks prefilter.mayMatch against the reference and the
// phrase sets on fuzzed lines.
func FuzzPrefilter(f *testing.F) {
	for _, s := range []string{"", "“Advertisement”", "[2] Share this", "(c) 2024", "“We said so,” she said.”", "All rights reserve\u212A"} {
		f.Add(s)
	}
	c := newCleaner(f)
	var m matcher
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsRune(s, '\n') {
			return
		}
		checkPrefilter(t, c, &m, trimRightSpace(s))
	})
}

// TestCutSource checks cutSource, which Body uses to go on reading the
// source after lines at the end are dropped, against splitLines: the text
// it returns is a start of the source cut into the lines kept.
func TestCutSource(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	texts := []string{"a\n\nb", " a \n\n\n b \n\n c\u00a0\n d \n", "x\ny\nz", "é\u2009\n\n\u3000ü\n\nö", ""}
	for _, text := range differentialTexts(t) {
		texts = append(texts, text, variant(r, text))
	}
	for _, text := range texts {
		checkCutSource(t, text)
	}
}

func FuzzCutSource(f *testing.F) {
	for _, s := range []string{"a\n\nb", " a \n\n\n b \n\n c\u00a0\n d \n", "x\ny \t\nz\r\n"} {
		f.Add(s)
	}
	f.Fuzz(checkCutSource)
}

// checkCutSource checks cutSource for every prefix of the lines of text
// that Body can keep: one that does not end in a paragraph break.
func checkCutSource(t *testing.T, text string) {
	t.Helper()
	norm := normalise(text)
	lines := splitLines(norm)
	for keep := range len(lines) + 1 {
		if keep > 0 && lines[keep-1] == "" {
			continue
		}
		got := cutSource(norm, lines, keep)
		if !strings.HasPrefix(norm, got) || !slices.Equal(splitLines(got), lines[:keep]) {
			t.Fatalf("cutSource(%q, %d) = %q, lines %q", norm, keep, got, lines[:keep])
		}
	}
}

// literalPatternExprs returns the regexps of the embedded furniture list
// and others of the forms newLiteralPattern reads or turns down.
func literalPatternExprs() []string {
	exprs := []string{
		`^a\b`, `\bb$`, `^(x|y)z?\b.{0,3}$`, `^ab.*$`, `^ab.{0,}$`, `^(a|b)(c|d)$`, `^a\b\bb`, `x$`,
		`^$`, `^\b`, `\b$`, `^a b\b.{2,5}$`, `^(?i)ab\b`, `^a.b$`, `^(a|)b\.?$`, `^é\b.{0,2}$`, `\bé$`,
		`^(?s)a.{0,2}$`, `^_\b`, `^a(b|c)?d?\b.*$`,
	}
	for entry := range strings.SplitSeq(furnitureList, "\n") {
		if entry = strings.TrimSpace(entry); len(entry) > 2 && entry[0] == '/' {
			exprs = append(exprs, entry[1:len(entry)-1])
		}
	}
	return exprs
}

// TestLiteralPattern checks literalPattern.match against the regexp it
// stands for, on lines of furniture, articles and odd characters,
// lower-cased as the phrase sets see them.
func TestLiteralPattern(t *testing.T) {
	var lines []string
	for _, l := range append(furnitureVariants(), oddLines(t)...) {
		lines = append(lines, l, string(appendFolded(nil, l, false)))
	}
	lines = append(lines, "", "a", "b", "ab", "xz", "yz!", "xz abc", "xz abcd", "ab\ncd", "x\n", "xz\nab", "é\n", "a_", "a b  c", "_", "é", "a é",
		"copyright © 2024 newspulse24. all rights reserved.", "photo credit: "+strings.Repeat("é", 100), "photo credit: "+strings.Repeat("é", 101))
	used := 0
	for _, expr := range literalPatternExprs() {
		lp := newLiteralPattern(expr)
		if lp == nil {
			continue
		}
		used++
		re := regexp.MustCompile(expr)
		for _, l := range lines {
			if got, want := lp.match([]byte(l)), re.MatchString(l); got != want {
				t.Fatalf("literal pattern %q on %q: %v, regexp %v", expr, l, got, want)
			}
		}
	}
	if used < 20 {
		t.Errorf("%d regexps read as literal patterns, want at least 20", used)
	}
}

func FuzzLiteralPattern(f *testing.F) {
	f.Add(0, "copyright © 2024 newspulse24. all rights reserved.")
	f.Add(3, "xz ab")
	f.Add(1, "ab b")
	f.Add(2, "x\n")
	exprs := literalPatternExprs()
	f.Fuzz(func(t *testing.T, i int, l string) {
		expr := exprs[uint(i)%uint(len(exprs))]
		if lp := newLiteralPattern(expr); lp != nil {
			if got, want := lp.match([]byte(l)), regexp.MustCompile(expr).MatchString(l); got != want {
				t.Fatalf("literal pattern %q on %q: %v, regexp %v", expr, l, got, want)
			}
		}
	})
}

// TestTrimRightSpace checks trimRightSpace, which tells the common ends of
// a line at once, against strings.TrimRightFunc, for lines that end in
// every character up to U+FFFF, with white space after it or not, and in
// bytes that are not UTF-8.
func TestTrimRightSpace(t *testing.T) {
	var lines []string
	for r := rune(0); r <= 0xFFFF; r++ {
		lines = append(lines, "a"+string(r), string(r), "a"+string(r)+" ", "a"+string(r)+"\u00a0")
	}
	for c := range 256 {
		for _, pre := range []string{"", "a", "\xe2", "\xe2\x80", "\xc3", "\x80"} {
			lines = append(lines, pre+string([]byte{byte(c)}), "\xe2\x80"+pre+string([]byte{byte(c)}))
		}
	}
	for _, l := range lines {
		if got, want := trimRightSpace(l), strings.TrimRightFunc(l, unicode.IsSpace); got != want {
			t.Fatalf("trimRightSpace(%q) = %q, want %q", l, got, want)
		}
	}
}

// TestBodyForgetsLines checks that the lines Body keeps for its next call
// hold nothing of the text, after texts of many lines and of few, and a
// text that is not normal.
func TestBodyForgetsLines(t *testing.T) {
	c := newCleaner(t)
	for _, text := range []string{strings.Repeat("Line of text.\n\n", 50), "Short.\n\nText.", "a\nb\x00\nc\n", strings.Repeat("x\n", 30)} {
		c.Body(text)
		ps, _ := c.scratch.Get().(*bodyScratch)
		if ps == nil {
			t.Skip("the pool dropped the scratch")
		}
		for i, l := range ps.lines[:cap(ps.lines)] {
			if l != "" {
				t.Fatalf("after Body(%q), line %d of the scratch is %q", tail(text, 40), i, l)
			}
		}
		c.scratch.Put(ps)
	}
}

// TestBodyCutAllocates checks that Body returns a part of the text, not a
// copy, when it only drops lines at the end.
func TestBodyCutAllocates(t *testing.T) {
	c := newCleaner(t)
	article := strings.TrimSpace(strings.Repeat("The river rose over the banks of the town on Monday, and the mayor said that help was on its way. ", 3))
	text := article + "\n\nThe dam held.\n\nShare this:\nFacebook\nEmail\n\nRecent News\n\nFive things to watch this week\nStriker signs three-year deal\n"
	if got, want := c.Body(text), article+"\n\nThe dam held."; got != want {
		t.Fatalf("Body = %q, want %q", tail(got, 60), tail(want, 60))
	}
	if n := testing.AllocsPerRun(20, func() { c.Body(text) }); n != 0 {
		t.Errorf("Body allocates %v times", n)
	}
}
