package number

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/internal/wordscan"
	"github.com/hearsaylab/hearsay/segment"
)

// tokenTexts add to skipTexts what FindTokens treats apart: gaps of odd
// spaces and invisible characters, which skip passes or stops at; number
// words in any case and words that hash alike; words with digits followed
// by a point, a comma or an apostrophe; currency signs, digits outside
// ASCII, hyphens, apostrophes and invalid UTF-8.
var tokenTexts = []string{
	"TWO Two tWo two\u00a0three\u2009four\u200bfive\ufeffsix\u00adseven",
	"two  three\n\nfour \t five\u00a0 six \u3000seven\u0085eight\u2028nine",
	"€5 £2bn ¥3 ₹40 $ 5 US$12 million, 5€ 3 £",
	"٣ million, ३ thousand, ５ dozen, twenty-five, twenty‐five, forty–two",
	"a  dozen\n\n an\tthousand A Hundred AN EIGHTY ‘seven’ “nine”",
	"rock'n'roll eleven's eleven’s twelve'' o’clock 'twenty' ’thirty o'two o’two",
	"F16 F16.5 M23, M2,500 ab1c. ab1, 3rd COVID19 X5 abc123def 9/11 24/7 A4's",
	"\xff two \xe2\x80 three\xe2\x80\xa8four \xe2\x81\xb0five\xe2\x81 six\x80",
	"   leading spaces and trailing ones one   ",
	"one\u2028two\u2029three\u0085four\u3000five\u00a0",
	"word\u0903 two\u0301 three\u20dd four\u200d five",
	"a.b,c;d:e!f?g(h)i-j\"k/l\\m*n+o=p<q>r[s]t{u}v|w~x^y`z@1#2%3&4_5",
	"the dozen. the dozens, a dozen, a million. A BILLION! an eleven",
	"\x00two\x01three\x7ffour\tfive\vsix\fseven\reight",
	"10:30 9/11 24/7 [5] #3 +44 a=5 @2 x_3 \\4 F-16 No.5 1.2.3 ,5 '22 x'5 MI-6 -5 3-4",
	"2014-2022 10:30.5 million 12/05/2022 million-two 9/11 million, 10:30 million-5 million",
	"at 10:30,000 troops; 1:2 dozen 4/5bn 7=12 dozen-year 5'22 é-5 é'5 ’22 —5 $5 :$5 +$5",
	"[3.5the’two [3the'two :30,000 /4.5 =2bn's #12’s F-16a.7 x:5\u00a0million :5\u2009dozen",
	"March 14, aged 34, article 5, called 911, may 5, May 5, MARCH 5, USD 5, O'March 5, x’March 5",
	"March  5 March\u00a05 March 5.5 million, March 5,000 page 3bn Page 4th, 2.March 5 a.page 5",
	"Article 12 million-two; No 5 no 5 NO 5 No. 5 Section 2's aged 34’s page 5 dozen page 5-year",
	"in 2022. March 14, 2022, $2022, USD 2022. about 2000. over 1999; (2021) 2100! 2101. 0999, 1000",
	"as many as 1500. up to 1200, some\u00a01800. some\u200b1800. é2022. ’2022, 2022-2023, 2022%; 2022]",
	"in 2022 the 2022 elections 2022 Elections 1500 troops 2022 million 2022 dollars 2022 to 2023",
	"2022 euro 2022 km 2022 years 2022 p.m. 2022 March 2022 USD 2022 usd 2022 a.m. 2022 or 5 2022 and",
	"2022 was 2022  the 2022 the’s 2022 5th 2022 is, 2022 dozen 2022 Dozen 2022 a dozen 2022 per",
	"a\u00a0dozen, a\u200bdozen, a\u00addozen, a \u00a0 million, A\n\nthousand, an\u2009hundred a\u3000dozen",
	"a a dozen, an a million, a dozen's, a dozen’s, a.5 dozen, (a) dozen, a’s dozen, a'dozen a-dozen a–dozen",
	"a dozen2 a dozenth a dozén a 5 dozen a five, an one, a one-dozen, a-a dozen, Ä a dozen, ña dozen é a dozen",
	"A  A'A Billion 000000000, x'a dozen, x’an million, 5'a dozen, ’a dozen, x' a dozen, x'a'a dozen",
	"eight years, two times. a years an hours one Years; Seven YEARS eight yearsx eight years's eight years’ two per",
	"five to eight years, twenty-five years, zero years, two hundred years, a dozen years, x-two years, eight  years",
	"two tons 3 tons, ten o'clock ten am ten pm ten a.m. ten days2 ten days-long, dozen weeks, two second",
	"$ two years, about two years, USD two years, two years.5 two years,000 two years-old two years'",
	"No one was, Channel One. No one hundred, no one-two, aged twenty five, aged twenty-five, No one two",
	"No  one, No one  two, No one’s, No one's, No one two, No a dozen, x'No one, éNo one, No.one, no one5",
	"called one, Called one2 three, aged forty, aged forty’ million, No one.5 No one, No one:two, No one",
	"in 2022  the in 2022\n\nThe in 2022\u00a0the in 2022 \u00a0the in 2022 | min in 2022 % in 2022 -5 in 2022 'the in 2022 ",
	"of 2022. upwards of 2022. Upwards Of 2022. at least 2022. x'least 2022. until 2022. about 2000 dollars",
	"in 2022 and 5, between 2022 and 2023, Between 2022 and x’between 2022 and 5 © 2022 and 5 ™ 2022 and 3",
	"28-year-old, 28-a dozen, 28-twenty five, 28-x'two, 28-a hundred thousand, $28-year, No. 28-year, 28-year-2 million",
	"1-a dozen 07-year 28-Year 28-é 28-one two 28-a-dozen 28-x a dozen 28-year’s two 5-million-dollar 5-a.m. 3-to-1, 4-or-5",
	"28-a dozen two, the 28-a dozen two men, 28-a hundred two, 28-a dozen and two, 28-year-a dozen two, 28-an hundred two",
	"article 28-a dozen two, F-28-a dozen two, aged 28-a dozen two, No. 28-a dozen two, $28-a dozen two, 5 28-a dozen two",
	"article 28-year-a dozen two, F-28-An hundred two, aged 28-x-a dozen two, 5 28-year-2 million two 1.5 28-year-old two",
	"28-x two, 28-a-dozen two, 28-2 million two, 28-year-2 million two, 28-A dozen two 28-a’s dozen two 28-5bn two",
	"28‐year, 28‑a dozen, 28-year-olds 5,000-year, 2022-year 1500-a dozen, about 28-a dozen, a 28-x–two 28-2 28-a, 28-",
	"between 2022 and 50,000 people, BETWEEN 1500 and 2,500 troops, between\u00a01500 and 2,500, between—1500 and 2,500",
	"© 2022 News24. \u2009 2022 News24. in 2022 News24.5 in 2022 News. in 2022 A trial in 2022 a.m. in 2022 P.M.",
	"in 2022 Four men in 2022 dozen in 2022 Hundred in 2022 mile in 2022 usd in 2022 Usd 2022\t\n%, 2022\n-3",
	"some 2022\n\ntroops, 2022\n\nTroops, 2022 \n elections, of 2022 a dozen, 2022\r\nto 2024, 2022\n\n–2024",
}

// findTokensTexts are the texts the tests of FindTokens compare with Find.
func findTokensTexts() []string {
	texts := append([]string{benchText(1 << 15)}, skipTexts...)
	return append(texts, tokenTexts...)
}

func TestFindTokensIsFind(t *testing.T) {
	f := newFinder(t)
	for _, text := range findTokensTexts() {
		want := f.Find(text)
		if got := f.FindTokens(text, wordscan.Tokens(nil, text)); !reflect.DeepEqual(got, want) {
			t.Errorf("FindTokens(%q, wordscan.Tokens) = %s, want %s", text, show(got), show(want))
		}
		if got := f.FindTokens(text, segmentWords(text)); !reflect.DeepEqual(got, want) {
			t.Errorf("FindTokens(%q, segment words) = %s, want %s", text, show(got), show(want))
		}
		checkMarked(t, f, text, want)
	}
}

// checkMarked fails t unless FindMarked finds want in text, with the
// words and leads of segment.AppendTokensWords, and with every token a
// lead.
func checkMarked(t *testing.T, f *Finder, text string, want []article.Number) {
	t.Helper()
	var marks segment.Marks
	_, words := segment.AppendTokensWords(nil, nil, &marks, text)
	if got := f.FindMarked(text, words, marks.Numbers); !reflect.DeepEqual(got, want) {
		t.Fatalf("FindMarked(%q, %v) = %s, want %s", text, marks.Numbers, show(got), show(want))
	}
	all := make([]int, len(words))
	for k := range all {
		all[k] = k
	}
	if got := f.FindMarked(text, words, all); !reflect.DeepEqual(got, want) {
		t.Fatalf("FindMarked(%q) with every token a lead = %s, want %s", text, show(got), show(want))
	}
	// The hits of a walk for StartWords, as the engine makes it, and those
	// of wordStarts itself, a superset of the number words too.
	var ca, cb wordscan.Candidates
	_, hits := wordscan.NewPairSets(&wordscan.Gate{}, &wordscan.Gate{}, nil, f.StartWords()).WalkSets(words, &ca, &cb, nil, nil)
	if got := f.FindMarkedHits(text, words, marks.Numbers, hits); !reflect.DeepEqual(got, want) {
		t.Fatalf("FindMarkedHits(%q, %v, %v) = %s, want %s", text, marks.Numbers, hits, show(got), show(want))
	}
	hits = f.lx.wordStarts.appendHits(nil, words)
	if got := f.FindMarkedHits(text, words, marks.Numbers, hits); !reflect.DeepEqual(got, want) {
		t.Fatalf("FindMarkedHits(%q, %v, %v) with the hits of wordStarts = %s, want %s", text, marks.Numbers, hits, show(got), show(want))
	}
}

// segmentWords returns the word scanner's tokens of text as the engine
// has them, from segment.AppendTokensWords.
func segmentWords(text string) []wordscan.Token {
	var marks segment.Marks
	_, words := segment.AppendTokensWords(nil, nil, &marks, text)
	return words
}

// pieces are the parts that TestFindTokensPieces strings together: words
// that start numbers or look like them, words with digits, apostrophes,
// points and commas, marks outside ASCII and the spaces that skip passes
// or stops at, so that they meet in every order.
var pieces = []string{
	"a", "An", "two", "Twenty", "dozen", "million", "bn", "m", "one", "hundred",
	"the", "said", "Russia", "o", "s", "t", "M2", "G5", "F16", "x", "A4", "years", "Times", "am", "tons", "o'clock", "No", "aged", "one", "1999", "of", "between", "and", "troops", "\n",
	"about", "at", "least", "upwards", "©", "USD", "Channel", "per", "dozen-year", "News24",
	"5", "12", "2021", "3.5", "7,200", "0",
	"'", "’", "‘", ".", ",", "-", "‐", "–", "—", "“", "”", "$", "€", "£", "(", ")", ";", "%", "/", ":", "[", "#", "+", "=",
	"é", "naïve", "\u0301", "\u0903", "\ufffd", "\xff", "\xe2\x80",
	" ", " ", " ", "  ", "\n\n", "\t", "\u00a0", "\u2009", "\u200b", "\u00ad", "\u3000", "\ufeff",
}

// TestFindTokensPieces compares FindTokens with Find on random strings of
// pieces, with a fixed seed.
func TestFindTokensPieces(t *testing.T) {
	f := newFinder(t)
	r := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	for range 20000 {
		b.Reset()
		for range 1 + r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text := b.String()
		want := f.Find(text)
		if got := f.FindTokens(text, segmentWords(text)); !reflect.DeepEqual(got, want) {
			t.Fatalf("FindTokens(%q) = %s, want %s", text, show(got), show(want))
		}
		checkMarked(t, f, text, want)
	}
}

func TestPlainAfter(t *testing.T) {
	cases := []struct {
		text string
		e    int
		want bool
	}{
		{"two", 3, true},
		{"two three", 3, true},
		{"two\tthree", 3, true},
		{"two-three", 3, true},
		{"two; three", 3, true},
		{"two. Three", 3, true},
		{"two, three", 3, true},
		{"M2.5", 2, false},
		{"M2,500", 2, false},
		{"M2. Then", 2, false},
		{"two's", 3, false},
		{"two’s", 3, false},
		{"two\u00a0three", 3, false},
		{"two—three", 3, false},
	}
	for _, c := range cases {
		if got := plainAfter(c.text, c.e); got != c.want {
			t.Errorf("plainAfter(%q, %d) = %v, want %v", c.text, c.e, got, c.want)
		}
	}
}

func TestStartSet(t *testing.T) {
	f := newFinder(t)
	for _, w := range []string{"two", "TWENTY", "Dozen", "million", "one"} {
		if !f.lx.starts.has(wordscan.Hash(w)) {
			t.Errorf("starts lacks %q", w)
		}
	}
	// The words that are not ASCII, by their hash 0.
	for _, tk := range segmentWords("naïve 日本 été") {
		if !f.lx.starts.has(tk.Hash) {
			t.Errorf("starts lacks the hash %#x of a word outside ASCII", tk.Hash)
		}
	}
	passed := 0
	words := []string{"the", "said", "government", "bn", "m", "people", "of", "and", "minister", "year", "a", "an"}
	for _, w := range words {
		if !f.lx.starts.has(wordscan.Hash(w)) {
			passed++
		}
	}
	if passed < len(words)-1 {
		t.Errorf("starts holds %d of %d common words that start no number", len(words)-passed, len(words))
	}
}

// TestWordStartsMixed checks that the second test of FindMarked lets every
// number word through, and that the two together let through few of the
// words that wordStarts alone does.
func TestWordStartsMixed(t *testing.T) {
	f := newFinder(t)
	lx := f.lx
	both := func(h uint32) bool { return lx.wordStarts.has(h) && lx.wordStartsMixed.has(mixHash(h)) }
	for _, s := range lx.words.slots {
		if s.key != "" && !s.val.suffix && !both(wordscan.Hash(s.key)) {
			t.Errorf("the two sets rule out the number word %q", s.key)
		}
	}
	first, second := 0, 0
	r := rand.New(rand.NewPCG(8, 9))
	for range 100000 {
		h := r.Uint32()
		if lx.wordStarts.has(h) {
			first++
			if lx.wordStartsMixed.has(mixHash(h)) {
				second++
			}
		}
	}
	if second*20 > first {
		t.Errorf("of %d random hashes that wordStarts holds, %d pass the second test", first, second)
	}
}

func FuzzFindTokens(f *testing.F) {
	for _, s := range append(skipTexts, tokenTexts...) {
		f.Add(s)
	}
	fd := newFinder(f)
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := fd.FindTokens(text, segmentWords(text)), fd.Find(text); !reflect.DeepEqual(got, want) {
			t.Fatalf("FindTokens(%q) = %s, want %s", text, show(got), show(want))
		}
	})
}

// FuzzFindMarked compares FindMarked and FindMarkedHits, with the leads
// of segment.AppendTokensWords, with Find, the oracle: FindTokens shares
// the rules of skipTokens with them.
func FuzzFindMarked(f *testing.F) {
	for _, s := range append(skipTexts, tokenTexts...) {
		f.Add(s)
	}
	fd := newFinder(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkMarked(t, fd, text, fd.Find(text))
	})
}

// checkSkipDigits checks, at every position skipTokens stops at in text,
// that where it reports a word of digits, next(text, i) is that word, as
// find takes it to be instead of calling next.
func checkSkipDigits(t *testing.T, f *Finder, text string) {
	t.Helper()
	words := wordscan.Tokens(nil, text)
	ti := 0
	for i := 0; i < len(text); {
		var digits bool
		if i, ti, digits = f.lx.skipTokens(text, words, i, ti, nil); i >= len(text) {
			break
		}
		nt := next(text, i)
		if digits && nt != (tok{i, words[ti].En, tNum}) {
			t.Fatalf("skipTokens(%q) reported the digits %q at %d, but next reads %+v", text, text[i:words[ti].En], i, nt)
		}
		i = max(i+1, nt.e)
	}
}

func TestSkipTokensDigits(t *testing.T) {
	f := newFinder(t)
	for _, s := range append(append(skipTexts, tokenTexts...), "5bn 3rd 2020s 28-year-old 28-a 12% 7,200 7,20 2.5 2. 10:30 ’22 5’s 5'") {
		checkSkipDigits(t, f, s)
	}
}

func FuzzSkipTokensDigits(f *testing.F) {
	for _, s := range append(skipTexts, tokenTexts...) {
		f.Add(s)
	}
	fd := newFinder(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkSkipDigits(t, fd, text)
	})
}

func BenchmarkFindMarked(b *testing.B) {
	f := newFinder(b)
	text := benchText(4 << 20)
	var marks segment.Marks
	_, words := segment.AppendTokensWords(nil, nil, &marks, text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		f.FindMarked(text, words, marks.Numbers)
	}
}

func BenchmarkFindTokens(b *testing.B) {
	f := newFinder(b)
	text := benchText(4 << 20)
	words := wordscan.Tokens(nil, text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		f.FindTokens(text, words)
	}
}

func TestRuledOutBefore(t *testing.T) {
	f := newFinder(t)
	cases := []struct {
		text string
		st   int
		want bool
	}{
		{"5", 0, false},
		{"10:30", 3, true},
		{"9/11", 2, true},
		{"[5]", 1, true},
		{"+44", 1, true},
		{"F-16", 2, true},
		{"-16", 1, false},
		{" -16", 2, false},
		{"3-4", 2, true},
		{"No.5", 3, true},
		{"end. 5", 5, false},
		{",5", 1, false},
		{"'22", 1, true},
		{" '22", 2, true},
		{"x'22", 2, false},
		{"é'22", 3, false},
		{"é-5", 3, false},
		{"$5", 1, false},
		{"(5", 1, false},
	}
	for _, c := range cases {
		if got := f.lx.ruledOutBefore(c.text, c.st); got != c.want {
			t.Errorf("ruledOutBefore(%q, %d) = %v, want %v", c.text, c.st, got, c.want)
		}
	}
}

func TestDigitsEnd(t *testing.T) {
	cases := []struct {
		text string
		e    int
		want bool
	}{
		{"30", 2, true},
		{"30 pm", 2, true},
		{"30.", 2, true},
		{"30. 5", 2, true},
		{"30.5", 2, false},
		{"30,", 2, true},
		{"30,5", 2, true},
		{"30,500", 2, false},
		{"30;", 2, true},
		{"30's", 2, false},
		{"30’s", 2, false},
		{"30\u00a0km", 2, false},
	}
	for _, c := range cases {
		if got := digitsEnd(c.text, c.e); got != c.want {
			t.Errorf("digitsEnd(%q, %d) = %v, want %v", c.text, c.e, got, c.want)
		}
	}
}

func TestLabelBefore(t *testing.T) {
	f := newFinder(t)
	cases := []struct {
		text string
		want bool
	}{
		{"March 14", true},
		{"march 14", false},
		{"MARCH 14", false},
		{"aged 34", true},
		{"article 5", true},
		{"Article 5", true},
		{"called 911", true},
		{"troops 5", false},
		{"USD 5", false},
		{"March  14", false}, // two spaces: step tells
		{"O'March 14", false},
		{"x’March 14", false},
		{"(March 14", true},
		{"5", false},
	}
	for _, c := range cases {
		words := wordscan.Tokens(nil, c.text)
		ti := len(words) - 1
		if got := f.lx.labelBefore(c.text, words, ti); got != c.want {
			t.Errorf("labelBefore(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestBareYear(t *testing.T) {
	f := newFinder(t)
	cases := []struct {
		text string
		want bool
	}{
		{"in 2022.", true},
		{"in 2022", true},
		{"March 14, 2022,", true},
		{"2022;", true},
		{"(2021)", true},
		{"in 2022 troops", false},
		{"in 2022 the", true},
		{"in 2022 The", true},
		{"in 2022 Elections", true},
		{"in 2022 elections", false},
		{"in 2022 was", true},
		{"in 2022 million", false},
		{"in 2022 dollars", false},
		{"in 2022 euro", false},
		{"in 2022 km", false},
		{"in 2022 years", false},
		{"in 2022 to", false},
		{"in 2022 or", false},
		{"in 2022 p.m.", false},
		{"in 2022 March", false},
		{"in 2022  the", true},
		{"in 2022\n\nThe", true},
		{"in 2022\u00a0the", false},
		{"in 2022 \u00a0the", false},
		{"in 2022 ", true},
		{"in 2022 | min", true},
		{"in 2022 %", false},
		{"in 2022 -x", true},
		{"in 2022 'the", false},
		{"of 2022.", true},
		{"upwards of 2022.", false},
		{"Upwards Of 2022.", false},
		{"at least 2022.", false},
		{"x'least 2022.", false},
		{"until 2022.", true},
		{"in 2022 and", true},
		{"between 2022 and", false},
		{"Between 2022 and", false},
		{"x’between 2022 and", false},
		{"© 2022 and", false},
		{"© 2022 News24.", true},
		{"\u2009 2022 News24.", true},
		{"in 2022 News24.x", true},
		{"in 2022 News.", true},
		{"in 2022 A trial", true},
		{"in 2022 a.m.", false},
		{"in 2022 P.M.", true},
		{"in 2022 Four men", true},
		{"in 2022 dozen", false},
		{"in 2022 Hundred", false},
		{"in 2022 mile", false},
		{"in 2022 usd", false},
		{"in 2022 Usd", false},
		{"in 2022 the’s", false},
		{"in 2022 5th", false},
		{"in 2022-23", false},
		{"in 2101.", false},
		{"in 999.", false},
		{"in 0999.", false},
		{"$2022.", false},
		{"USD 2022.", false},
		{"about 2000.", false},
		{"up to 1200,", false},
		{"naïve 2000.", false},
		{"’2022,", false},
		{" 2022,", false},
	}
	for _, c := range cases {
		words := wordscan.Tokens(nil, c.text)
		ti := len(words) - 1 // the last word that starts with a digit
		for ti > 0 && !isASCIIDigit(c.text[words[ti].St]) {
			ti--
		}
		if got := f.lx.bareYear(c.text, words, ti); got != c.want {
			t.Errorf("bareYear(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestFindTokensYears compares FindTokens with Find on random strings of
// years, numbers and the words and marks around them that make them counts,
// ranges, amounts or measures, or rule them out, with a fixed seed.
func TestFindTokensYears(t *testing.T) {
	f := newFinder(t)
	ps := []string{"2022", "1999", "2100", "1000", "12", "007", "5bn", " ", " ", " ", ",", ".", "the", "%", "percent", "February", "february", "kg", "o’clock", "pm", "hours", "km", "USD", "€", "elections", "Elections", "years", "year", "million", "dollars", "to", "about", "in", "March", "$", "USD", "p", ".m.", "-", "troops", "was", "per", "km", "a", "dozen", "and", "or", "between", "’", "'", "s", "5", "\u00a0", "miles", "some", "as", "many", "up", "is", "it", "them", "of", "Days", "days", "old", "US", "euros"}
	r := rand.New(rand.NewPCG(11, 12))
	var b strings.Builder
	for range 30000 {
		b.Reset()
		for range 1 + r.IntN(10) {
			b.WriteString(ps[r.IntN(len(ps))])
		}
		text := b.String()
		want := f.Find(text)
		if got := f.FindTokens(text, segmentWords(text)); !reflect.DeepEqual(got, want) {
			t.Fatalf("FindTokens(%q) = %s, want %s", text, show(got), show(want))
		}
		checkMarked(t, f, text, want)
	}
}

func TestMeasureAfter(t *testing.T) {
	f := newFinder(t)
	cases := []struct {
		text string
		want bool
	}{
		{"12%", true},
		{"12 %", false},
		{"12 percent", true},
		{"3 years", true},
		{"3 Years", true},
		{"40 kg", true},
		{"28 February", true},
		{"28 february", false},
		{"12 troops", false},
		{"12 km", false},
		{"12 dollars", false},
		{"12 million", false},
		{"12  years", false},
		{"12 years’", false},
		{"5bn years", false},
		{"12", false},
	}
	for _, c := range cases {
		words := wordscan.Tokens(nil, c.text)
		if got := f.lx.measureAfter(c.text, words, 0); got != c.want {
			t.Errorf("measureAfter(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
