package link

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hearsaylab/hearsay/article"
)

const sharedDir = "../../shared"

type goldDoc struct {
	Doc    string `json:"doc"`
	Quotes []struct {
		Text      string  `json:"text"`
		Speaker   *string `json:"speaker"`
		Anonymous bool    `json:"anonymous"`
		Channel   *string `json:"channel"`
		Block     bool    `json:"block"`
	} `json:"quotes"`
	Numbers []struct {
		Text      string   `json:"text"`
		Value     float64  `json:"value"`
		ValueHigh *float64 `json:"value_high"`
		Qualifier *string  `json:"qualifier"`
		Kind      string   `json:"kind"`
	} `json:"numbers"`
	CitedOutlets     []string `json:"cited_outlets"`
	AnonymousSources []string `json:"anonymous_sources"`
}

type goldCross struct {
	ClaimClusters []struct {
		Label   string `json:"label"`
		Members []struct {
			Doc      string `json:"doc"`
			Sentence string `json:"sentence"`
		} `json:"members"`
	} `json:"claim_clusters"`
}

// TestGoldSeeds rebuilds documents from the gold per-document annotations of
// the seed articles (as a perfect extractor would give them), links them and
// scores the corpus with the project's scorer.
func TestGoldSeeds(t *testing.T) {
	goldDir := filepath.Join(sharedDir, "gold", "seeds")
	files, _ := filepath.Glob(filepath.Join(goldDir, "*.json"))
	if len(files) == 0 {
		t.Skip("no gold files under " + goldDir)
	}
	var docs []article.Document
	for _, f := range files {
		if filepath.Base(f) == "crossdoc.json" {
			continue
		}
		var g goldDoc
		if err := readJSON(f, &g); err != nil {
			t.Fatal(err)
		}
		body, err := os.ReadFile(filepath.Join(sharedDir, "seeds", g.Doc))
		if err != nil {
			t.Skipf("seed text missing: %v", err)
		}
		docs = append(docs, docFromGold(g, string(body)))
	}
	c := Analyze(docs, Options{})
	dir := t.TempDir()
	pred := filepath.Join(dir, "docs.jsonl")
	corpus := filepath.Join(dir, "corpus.json")
	var lines []byte
	for _, d := range c.Documents {
		b, _ := json.Marshal(d)
		lines = append(append(lines, b...), '\n')
	}
	if err := os.WriteFile(pred, lines, 0o644); err != nil {
		t.Fatal(err)
	}
	cb, err := json.MarshalIndent(c, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(corpus, cb, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, qc := range c.QuoteClusters {
		t.Logf("quote cluster %q (%s; primary %s):", qc.Label, qc.Speaker, qc.PrimarySource)
		for _, m := range qc.Members {
			t.Logf("    %s #%d %.70q", m.Doc, m.Quote, m.Text)
		}
	}
	for _, nc := range c.NumberConflicts {
		t.Logf("number conflict %q %s: %+v", nc.Counts, nc.Severity, nc.Members)
	}
	var cross goldCross
	if err := readJSON(filepath.Join(goldDir, "crossdoc.json"), &cross); err == nil {
		found := 0
		for _, g := range cross.ClaimClusters {
			if claimRecovered(c, g.Members) {
				found++
			} else {
				t.Logf("claim cluster not recovered: %s", g.Label)
			}
		}
		t.Logf("claim clusters recovered: %d of %d (predicted %d)", found, len(cross.ClaimClusters), len(c.ClaimClusters))
	}
	py, err := exec.LookPath("python3")
	scorer := filepath.Join(sharedDir, "eval", "score.py")
	if _, serr := os.Stat(scorer); err != nil || serr != nil {
		t.Skip("python3 or score.py not available")
	}
	out, err := exec.Command(py, scorer, "--gold", goldDir, "--pred", pred, "--crossdoc", corpus, "--json").Output()
	if err != nil {
		t.Fatalf("score.py: %v\n%s", err, out)
	}
	var m map[string]float64
	if err := json.Unmarshal(out[:strings.LastIndexByte(strings.TrimSpace(string(out)), '\n')+1], &m); err != nil {
		t.Fatalf("score.py output: %v\n%s", err, out)
	}
	t.Logf("quote_clusters P=%.3f R=%.3f F1=%.3f; number_conflicts recall=%.3f (predicted %.0f)",
		m["quote_clusters.precision"], m["quote_clusters.recall"], m["quote_clusters.f1"],
		m["number_conflicts.recall"], m["number_conflicts.predicted"])
	if m["quote_clusters.f1"] < 0.95 {
		t.Errorf("quote_clusters.f1 = %.3f, want >= 0.95", m["quote_clusters.f1"])
	}
	if m["number_conflicts.recall"] < 1 {
		t.Errorf("number_conflicts.recall = %.3f, want 1", m["number_conflicts.recall"])
	}
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// docFromGold places the gold quotes and numbers in the body and adds what a
// plain extractor would see: the counted noun after each number and the
// sentences that report a claim.
func docFromGold(g goldDoc, body string) article.Document {
	d := article.Document{Doc: g.Doc, Body: body, CitedOutlets: g.CitedOutlets, AnonymousSources: g.AnonymousSources}
	from := 0
	for _, q := range g.Quotes {
		s := indexFrom(body, q.Text, from)
		if s >= 0 {
			from = s + len(q.Text)
		}
		var cue *string
		d.Quotes = append(d.Quotes, article.Quote{
			Text: q.Text, Start: s, End: s + len(q.Text), Speaker: q.Speaker, Anonymous: q.Anonymous,
			Channel: q.Channel, Cue: cue, Block: q.Block,
		})
	}
	from = 0
	for _, n := range g.Numbers {
		s := indexWord(body, n.Text, from)
		if s >= 0 {
			from = s + len(n.Text)
		}
		d.Numbers = append(d.Numbers, article.Number{
			Text: n.Text, Value: n.Value, ValueHigh: n.ValueHigh, Qualifier: n.Qualifier, Kind: n.Kind,
			Counts: countedAfter(body, s+len(n.Text)), Start: s, End: s + len(n.Text),
		})
	}
	for _, m := range claimCue.FindAllStringIndex(body, -1) {
		lo, hi := sentenceOf(body, m[0])
		if n := len(d.Claims); n > 0 && d.Claims[n-1].Start == lo {
			continue
		}
		d.Claims = append(d.Claims, article.Claim{Text: body[lo:hi], Cue: strings.TrimSpace(body[m[0]:m[1]]), Start: lo, End: hi})
	}
	return d
}

var claimCue = regexp.MustCompile(`\b(revealed|reported|reportedly|according to|citing|told|explained|insisted|claimed|refused|rejected|elaborated|indicated|said that)\b`)

func indexFrom(s, sub string, from int) int {
	if i := strings.Index(s[from:], sub); i >= 0 {
		return from + i
	}
	return strings.Index(s, sub)
}

// indexWord finds sub in s at word boundaries, from an offset, else anywhere.
func indexWord(s, sub string, from int) int {
	re := regexp.MustCompile(`(^|[^\w,.])` + regexp.QuoteMeta(sub) + `($|[^\w,])`)
	for _, start := range []int{from, 0} {
		if loc := re.FindStringIndex(s[start:]); loc != nil {
			return start + loc[0] + strings.Index(s[start+loc[0]:start+loc[1]], sub)
		}
	}
	return -1
}

// countedAfter returns up to three words after a number, skipping "and 15",
// up to the first function word: the counted noun phrase.
func countedAfter(body string, at int) string {
	if at < 0 || at > len(body) {
		return ""
	}
	countStop := map[string]bool{"and": true, "of": true, "were": true, "was": true, "in": true, "from": true,
		"to": true, "the": true, "have": true, "has": true, "had": true, "that": true, "for": true, "with": true,
		"who": true, "which": true, "respectively": true}
	f := strings.FieldsFunc(body[at:min(len(body), at+80)], func(r rune) bool {
		return r == ' ' || r == '\n' || r == '\u00a0'
	})
	if len(f) >= 2 && f[0] == "and" {
		f = f[2:]
	}
	var out []string
	for _, w := range f {
		clean := strings.Trim(w, ",.;:—–()\"“”")
		if clean == "" || countStop[strings.ToLower(clean)] || len(out) == 3 {
			break
		}
		out = append(out, clean)
		if clean != w {
			break
		}
	}
	return strings.Join(out, " ")
}

func sentenceOf(body string, pos int) (int, int) {
	lo := pos
	for lo > 0 && body[lo-1] != '\n' && !(lo >= 2 && body[lo-1] == ' ' && strings.IndexByte(".!?", body[lo-2]) >= 0) {
		lo--
	}
	hi := pos
	for hi < len(body) && body[hi] != '\n' {
		hi++
		if strings.IndexByte(".!?", body[hi-1]) >= 0 && (hi == len(body) || body[hi] == ' ' || body[hi] == '\n') {
			break
		}
	}
	return lo, hi
}

// claimRecovered reports whether one predicted claim cluster holds gold
// sentences of two different documents.
func claimRecovered(c Corpus, gold []struct {
	Doc      string `json:"doc"`
	Sentence string `json:"sentence"`
}) bool {
	norm := func(s string) string {
		s = strings.NewReplacer("\u00a0", " ", "“", "", "”", "", "\"", "").Replace(s)
		return strings.Join(strings.Fields(s), " ")
	}
	for _, cc := range c.ClaimClusters {
		docs := map[string]bool{}
		for _, m := range cc.Members {
			mt := norm(m.Text)
			for _, g := range gold {
				gs := norm(g.Sentence)
				if g.Doc == m.Doc && (strings.Contains(mt, gs) || strings.Contains(gs, mt)) {
					docs[m.Doc] = true
				}
			}
		}
		if len(docs) >= 2 {
			return true
		}
	}
	return false
}
