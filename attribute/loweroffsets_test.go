package attribute

import (
	"reflect"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/internal/testtexts"
)

// resultReplace returns res with every string it holds passed through r.
func resultReplace(res Result, r *strings.Replacer) Result {
	ptr := func(p *string) *string {
		if p == nil {
			return nil
		}
		s := r.Replace(*p)
		return &s
	}
	out := Result{}
	for _, q := range res.Quotes {
		q.Text, q.Speaker, q.SpeakerMention, q.Cue, q.Channel = r.Replace(q.Text), ptr(q.Speaker), ptr(q.SpeakerMention), ptr(q.Cue), ptr(q.Channel)
		out.Quotes = append(out.Quotes, q)
	}
	for _, c := range res.Claims {
		c.Text, c.Source, c.Cue = r.Replace(c.Text), r.Replace(c.Source), r.Replace(c.Cue)
		out.Claims = append(out.Claims, c)
	}
	for _, s := range res.Anonymous {
		out.Anonymous = append(out.Anonymous, r.Replace(s))
	}
	for _, s := range res.Cited {
		out.Cited = append(out.Cited, r.Replace(s))
	}
	return out
}

// checkLowerOffsets fails t if the Result of body differs from that of the
// same body with "İ" for each "É" (both two bytes), whose lower case, three
// bytes, changes offsets: the body then has no lower case (d.lower is "")
// and its narrations take the tokens' own lower cases (d.lowTok).
func checkLowerOffsets(t *testing.T, a *Attributor, body string) {
	t.Helper()
	alt := strings.ReplaceAll(body, "É", "İ")
	in := testInput(t, a, alt)
	if in.Lower != "" {
		t.Fatalf("%.60q: the body has a lower case of the same offsets", alt)
	}
	d := a.newDoc(in)
	noLower := d.lower == "" && len(d.lowTok) == len(in.Tokens)
	a.release(d)
	if !noLower {
		t.Fatalf("%.60q: the narrations do not take the tokens' own lower cases", alt)
	}
	want := resultReplace(a.Document(testInput(t, a, body)), strings.NewReplacer())
	got := resultReplace(a.Document(in), strings.NewReplacer("İ", "É"))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%.60q: without a lower case of the same offsets\n%s\nwant\n%s", alt, fmtResult(got), fmtResult(want))
	}
}

// fmtResult writes res with the strings its pointers point to.
func fmtResult(res Result) string {
	var b strings.Builder
	str := func(p *string) string {
		if p == nil {
			return "<nil>"
		}
		return *p
	}
	for _, q := range res.Quotes {
		b.WriteString(q.Text + " | " + str(q.Speaker) + " | " + str(q.SpeakerMention) + " | " + str(q.Cue) + " | " + str(q.Channel) + "\n")
	}
	for _, c := range res.Claims {
		b.WriteString("claim: " + c.Text + " | " + c.Source + " | " + c.Cue + "\n")
	}
	b.WriteString("anonymous: " + strings.Join(res.Anonymous, ", ") + "\ncited: " + strings.Join(res.Cited, ", "))
	return b.String()
}

// TestLowerChangesOffsets checks that a body whose lower case changes
// offsets, so that its narrations are built from the tokens' own lower
// cases, is attributed as the same body with a lower case of the same
// offsets: on sentences made for it, where the changed character begins
// names and words of the narration, and on the example articles, each
// with a last paragraph that holds one.
func TestLowerChangesOffsets(t *testing.T) {
	a := testAttributor(t)
	for _, body := range append(buildNarrationSeeds[:len(buildNarrationSeeds):len(buildNarrationSeeds)],
		"“We will not back down,” Émile Durand told Reuters. Éric said that it was late. “No,” ÉLYSÉE officials said.",
		"According to Élodie Martin, “the plan is dead”. Sources close to Émile said the plan was “wrong”, Éva added.") {
		if strings.Contains(body, "É") {
			checkLowerOffsets(t, a, body)
		}
	}
	for _, body := range testtexts.WithECB(t) {
		checkLowerOffsets(t, a, body+"\n\nÉ.")
	}
}
