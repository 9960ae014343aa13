package align

import (
	"reflect"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/article"
)

func TestLexiconParses(t *testing.T) {
	lex, err := NewLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if g := lex.Groups(); g < 300 {
		t.Errorf("embedded lexicon has %d groups, want several hundred", g)
	}
	if _, err := ParseLexicon(strings.NewReader("hide|conceal\nconceal|cover up\n")); err == nil {
		t.Error("a member in two groups parsed without error")
	}
}

func TestTokens(t *testing.T) {
	lex := MustLexicon()
	tests := []struct {
		a, b string
		same bool
	}{
		{"Nothing should be excluded", "nothing should be ruled out", true},
		{"Nothing should be excluded", "he couldn't rule out", true},
		{"Nothing should be excluded", "we would not exclude", true},
		{"Nothing should be excluded", "Everything should be excluded", false},
		{"Nothing will be hidden from the public", "nothing is going to be concealed from the public", true},
		{"The soldiers were killed", "the troops were slain", true},
		{"We will do whatever it takes", "we will do everything we can", true},
		{"We must prevent them from winning", "they cannot win", true},
		{"They did not win", "They won", false},
	}
	for _, tc := range tests {
		ta, tb := lex.Tokens(tc.a), lex.Tokens(tc.b)
		if got := reflect.DeepEqual(ta, tb); got != tc.same {
			t.Errorf("Tokens(%q) = %v, Tokens(%q) = %v; same = %v, want %v", tc.a, ta, tc.b, tb, got, tc.same)
		}
	}
}

func TestSplitSentences(t *testing.T) {
	got := splitSentences("Mr. Ode came. He left at 4.30 p.m. today! Then? no.")
	want := []string{"Mr. Ode came.", "He left at 4.30 p.m. today!", "Then? no."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("splitSentences = %q, want %q", got, want)
	}
}

func quoteDoc(name, body string, quotes ...article.Quote) article.Document {
	d := article.Document{Doc: name, Body: body}
	for _, q := range quotes {
		if i := strings.Index(body, q.Text); i >= 0 {
			q.Start, q.End = i, i+len(q.Text)
		}
		d.Quotes = append(d.Quotes, q)
	}
	return d
}

func said(text, speaker string) article.Quote {
	return article.Quote{Text: text, Speaker: article.Str(speaker)}
}

func TestQuotes(t *testing.T) {
	docs := []article.Document{
		quoteDoc("a.txt", `Interior minister Lena Varga promised an open inquiry into the dam collapse. "Nothing will be hidden from the public. We will rebuild every home that was lost," Varga said.`,
			said("Nothing will be hidden from the public. We will rebuild every home that was lost,", "Lena Varga")),
		quoteDoc("b.txt", `Varga told reporters that "nothing is going to be concealed from the public".`,
			said("nothing is going to be concealed from the public", "Varga")),
		quoteDoc("c.txt", `The minister said “nothing will be hidden” and left. Critics said "everything will be hidden from the public", Ode claimed.`,
			said("nothing will be hidden", "Lena Varga"),
			said("everything will be hidden from the public", "Ode")),
		quoteDoc("d.txt", `Varga later admitted: "Everything will be hidden from the public."`,
			said("Everything will be hidden from the public.", "Lena Varga")),
		quoteDoc("e.txt", `She vowed: "We are going to rebuild each house that was lost." The mayor added "hidden"`,
			said("We are going to rebuild each house that was lost.", "Lena Varga"),
			said("hidden", "Ida Moss")),
		quoteDoc("f.txt", `A rival, Piet Varga, said "nothing will be hidden from the public".`,
			said("nothing will be hidden from the public", "Piet Varga")),
	}
	got := New(MustLexicon(), Options{}).Quotes(docs)
	want := []QuoteCluster{
		{Speaker: "Lena Varga", Members: []QuoteRef{{0, 0}, {1, 0}, {2, 0}}},
		{Speaker: "Lena Varga", Members: []QuoteRef{{0, 0}, {4, 0}}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d clusters %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i].Speaker != want[i].Speaker || !reflect.DeepEqual(got[i].Members, want[i].Members) {
			t.Errorf("cluster %d = %+v, want members %v speaker %q", i, got[i], want[i].Members, want[i].Speaker)
		}
		if got[i].Label == "" {
			t.Errorf("cluster %d has no label", i)
		}
	}
}

func TestQuotesAnonymousSource(t *testing.T) {
	docs := []article.Document{
		quoteDoc("a.txt", `A senior port official told the Herald that "the cranes were sabotaged by insiders".`,
			article.Quote{Text: "the cranes were sabotaged by insiders", Speaker: article.Str("A senior port official"), Anonymous: true}),
		quoteDoc("b.txt", `"The cranes were sabotaged by insiders," the anonymous source told the Herald.`,
			article.Quote{Text: "The cranes were sabotaged by insiders,", Speaker: article.Str("the anonymous source"), Anonymous: true}),
		quoteDoc("c.txt", `"The cranes were damaged by insiders," the port authority's chief said.`,
			said("The cranes were damaged by insiders,", "Mara Lind")),
	}
	got := New(MustLexicon(), Options{}).Quotes(docs)
	if len(got) != 1 || !reflect.DeepEqual(got[0].Members, []QuoteRef{{0, 0}, {1, 0}}) {
		t.Errorf("got %+v, want one cluster of the two anonymous quotes", got)
	}
}

func TestClaims(t *testing.T) {
	body1 := "Leaked ministry files showed that 312 inspectors had been dismissed since March. The weather was fine."
	body2 := "According to the leaked files, the ministry dismissed about 310 inspectors since March. Other news followed."
	body3 := "The ministry hired 312 new clerks for the summer season in the capital."
	num := func(body, text string, v float64) article.Number {
		i := strings.Index(body, text)
		return article.Number{Text: text, Value: v, Kind: "count", Start: i, End: i + len(text)}
	}
	docs := []article.Document{
		{Doc: "a", Body: body1, Numbers: []article.Number{num(body1, "312", 312)}},
		{Doc: "b", Body: body2, Numbers: []article.Number{num(body2, "about 310", 310)}},
		{Doc: "c", Body: body3, Numbers: []article.Number{num(body3, "312", 312)}},
	}
	got := New(MustLexicon(), Options{}).Claims(docs)
	if len(got) != 1 || len(got[0].Members) != 2 || got[0].Members[0].Doc != 0 || got[0].Members[1].Doc != 1 {
		t.Fatalf("got %+v, want one cluster of docs a and b", got)
	}
	if !strings.HasPrefix(got[0].Members[0].Text, "Leaked ministry files") {
		t.Errorf("member text %q is not the sentence", got[0].Members[0].Text)
	}
}
