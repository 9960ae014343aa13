// Package attribute decides who said each quotation of an article, with which
// cue and through which channel, finds reported claims without quotation
// marks, and lists the article's anonymous sources and cited outlets. It reads
// the structure of the attributing sentence in both orders ("X said", "said
// X", "according to X", "X: …"), resolves pronouns and role nouns ("he", "the
// French president", "the newspaper") to the entity they were introduced
// with, and drops scare quotes that are nobody's speech.
package attribute

import (
	"sort"
	"strings"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/entity"
	"github.com/hearsaylab/hearsay/quote"
	"github.com/hearsaylab/hearsay/segment"
)

// Attributor attributes quotations. It is safe for concurrent use.
type Attributor struct {
	lx       *lexicon
	entities *entity.Recognizer
	outlets  Outlets
}

// Outlets maps an outlet's name or alias to its canonical name.
type Outlets interface {
	Canonical(name string) (string, bool)
}

// New builds an Attributor from the embedded lexicons.
func New(rec *entity.Recognizer, outlets Outlets) (*Attributor, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	return &Attributor{lx: lx, entities: rec, outlets: outlets}, nil
}

// OutletMention is an outlet named in the body.
type OutletMention struct {
	Start, End int
	Canonical  string
	Platform   bool // a social platform rather than a news outlet
}

// Input is one document as the earlier stages left it.
type Input struct {
	Body      string
	Paras     []segment.Paragraph
	Sentences []article.Span // sentences, with marked quotations kept whole
	Tokens    []segment.Token
	Quotes    []quote.Span
	Mentions  []entity.Mention
	Outlets   []OutletMention
	DocOutlet string // the document's own outlet, if known
}

// Result is what the attribution stage adds to a document.
type Result struct {
	Quotes    []article.Quote
	Claims    []article.Claim
	Anonymous []string
	Cited     []string
}

// Document attributes every quotation of in.
func (a *Attributor) Document(in Input) Result {
	d := newDoc(a, in)
	d.findAnonymous()
	d.docChannel = d.documentChannel()
	var res Result
	kept := make([]int, 0, len(in.Quotes)) // index in in.Quotes of each res.Quotes entry
	for qi := range in.Quotes {
		if q, ok := d.attributeQuote(qi); ok {
			res.Quotes = append(res.Quotes, q)
			kept = append(kept, qi)
		}
	}
	d.backfillRunOn(res.Quotes, kept)
	d.attributeBlocks(res.Quotes)
	res.Claims = d.claims()
	res.Anonymous = d.anonymousList()
	res.Cited = d.cited()
	return res
}

// doc is the working state for one document.
type doc struct {
	a          *Attributor
	in         Input
	body       string
	lx         *lexicon
	quoteOf    []int      // per token: index of the quotation it is in, or -1
	anon       []referent // anonymous descriptions in narration, in text order
	used       map[string]bool
	usedOrder  []string
	attrs      []attribution // per quotation (in.Quotes order)
	docChannel string
	refChannel map[string]string // speaker → channel it was introduced with
	narr       map[article.Span][]ntok
}

type referent struct {
	start, end int // the description in body
	text       string
	head       string
	channel    string
	group      bool
}

type attribution struct {
	ok        bool
	speaker   string
	mention   string
	anonymous bool
	cue       string
	channel   string
	pos       int
	person    bool
}

func newDoc(a *Attributor, in Input) *doc {
	d := &doc{a: a, in: in, body: in.Body, lx: a.lx, used: map[string]bool{}, refChannel: map[string]string{}}
	d.quoteOf = make([]int, len(in.Tokens))
	for i := range d.quoteOf {
		d.quoteOf[i] = -1
	}
	for k, q := range in.Quotes {
		if q.Block {
			continue
		}
		for i := sortSearch(in.Tokens, q.Open); i < len(in.Tokens) && in.Tokens[i].End <= q.Close; i++ {
			if in.Tokens[i].Start >= q.Open && d.quoteOf[i] < 0 {
				d.quoteOf[i] = k
			}
		}
	}
	d.narr = make(map[article.Span][]ntok)
	d.attrs = make([]attribution, len(in.Quotes))
	return d
}

// ntok is a narration token: a body token, or a placeholder for a whole
// marked quotation (q ≥ 0).
type ntok struct {
	start, end int
	text       string
	lower      string
	q          int
}

// narration returns the tokens of the sentence span with each marked
// quotation folded into one placeholder.
func (d *doc) narration(sp article.Span) []ntok {
	if nt, ok := d.narr[sp]; ok {
		return nt
	}
	nt := d.buildNarration(sp)
	d.narr[sp] = nt
	return nt
}

func (d *doc) buildNarration(sp article.Span) []ntok {
	lo := sortSearch(d.in.Tokens, sp.Start)
	hi := lo
	for hi < len(d.in.Tokens) && d.in.Tokens[hi].Start < sp.End {
		hi++
	}
	out := make([]ntok, 0, hi-lo)
	for i := lo; i < len(d.in.Tokens) && d.in.Tokens[i].Start < sp.End; i++ {
		t := d.in.Tokens[i]
		if q := d.quoteOf[i]; q >= 0 {
			if len(out) == 0 || out[len(out)-1].q != q {
				qs := d.in.Quotes[q]
				out = append(out, ntok{start: qs.Open, end: qs.Close, text: "\x00", q: q})
			}
			continue
		}
		out = append(out, ntok{start: t.Start, end: t.End, text: t.Text, lower: lower(t.Text), q: -1})
	}
	return out
}

func sortSearch(toks []segment.Token, pos int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].End > pos })
}

func (d *doc) sentenceAt(pos int) (int, article.Span) {
	ss := d.in.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > pos })
	if i >= len(ss) {
		return -1, article.Span{}
	}
	return i, ss[i]
}

// attributeQuote attributes the marked or block quotation qi; ok is false
// for a scare quote that is nobody's speech.
func (d *doc) attributeQuote(qi int) (article.Quote, bool) {
	q := d.in.Quotes[qi]
	text := d.body[q.Start:q.End]
	out := article.Quote{Text: text, Start: q.Start, End: q.End, Block: q.Block}
	var at attribution
	if q.Block {
		if q.Intro {
			at = d.introAttribution(q.Para - 1)
		}
		d.attrs[qi] = at
		fill(&out, at)
		return out, true
	}
	_, sent := d.sentenceAt(q.Open)
	nt := d.narration(sent)
	pos := -1
	for i, t := range nt {
		if t.q == qi {
			pos = i
			break
		}
	}
	if pos < 0 {
		return out, false
	}
	if d.isAnonDescription(text) {
		if pos > 0 && (nt[pos-1].lower == "from" || nt[pos-1].lower == "citing") {
			d.use(strings.TrimSpace(text))
		}
		return out, false
	}
	initial := !hasWords(nt[:pos])
	if initial {
		at = d.post(nt, pos)
	}
	if !at.ok {
		at = d.leftCue(nt, pos)
	}
	if !at.ok && !initial {
		at = d.post(nt, pos)
	}
	if !at.ok && d.paragraphOpensWith(q) {
		at = d.introAttribution(q.Para - 1)
	}
	if !at.ok && initial {
		at = d.continuation(qi)
	}
	if !at.ok {
		if wordCount(text) <= 6 || hasWords(nt[:pos]) {
			return out, false // a scare quote or a label
		}
	} else if d.isLabel(nt, pos, text) {
		return out, false
	}
	if at.ok && at.channel == "" {
		at.channel = d.inheritChannel(qi, at)
	}
	d.attrs[qi] = at
	if at.ok && at.anonymous {
		d.use(at.speaker)
	}
	fill(&out, at)
	return out, true
}

func fill(out *article.Quote, at attribution) {
	if !at.ok {
		return
	}
	out.Speaker = article.Str(at.speaker)
	out.SpeakerMention = article.Str(at.mention)
	out.Anonymous = at.anonymous
	out.Cue = article.Str(at.cue)
	out.Channel = article.Str(at.channel)
}

func hasWords(nt []ntok) bool {
	for _, t := range nt {
		if t.q < 0 && isWord(t.text) {
			return true
		}
	}
	return false
}

func wordCount(s string) int { return len(strings.Fields(s)) }

// paragraphOpensWith reports whether the quotation opens its paragraph.
func (d *doc) paragraphOpensWith(q quote.Span) bool {
	return q.Para < len(d.in.Paras) && d.in.Paras[q.Para].Start == q.Open
}

// backfillRunOn gives a quotation that runs over paragraphs (its first
// paragraph has no closing mark) the attribution found in its last
// paragraph, where news copy puts it ("…,” she said.), unless it had one of
// its own.
func (d *doc) backfillRunOn(quotes []article.Quote, kept []int) {
	for i := len(quotes) - 2; i >= 0; i-- {
		q := d.in.Quotes[kept[i]]
		next := d.in.Quotes[kept[i+1]]
		if !q.Unclosed || next.Para != q.Para+1 || quotes[i].Cue != nil || quotes[i+1].Speaker == nil {
			continue
		}
		quotes[i].Speaker = quotes[i+1].Speaker
		quotes[i].SpeakerMention = quotes[i+1].SpeakerMention
		quotes[i].Anonymous = quotes[i+1].Anonymous
		quotes[i].Channel = quotes[i+1].Channel
		quotes[i].Cue = quotes[i+1].Cue
	}
}

// continuation gives a quotation that opens its sentence without any
// attribution the speaker of the quotation just before it, in the same
// paragraph or the one before.
func (d *doc) continuation(qi int) attribution {
	for p := qi - 1; p >= 0; p-- {
		prev := d.in.Quotes[p]
		if prev.Block {
			continue
		}
		if d.in.Quotes[qi].Para-prev.Para > 1 {
			break
		}
		if d.attrs[p].ok {
			at := d.attrs[p]
			at.cue = ""
			return at
		}
	}
	return attribution{}
}

// introAttribution attributes text introduced by the paragraph pi that ends
// in a colon ("Explained Brenner:").
func (d *doc) introAttribution(pi int) attribution {
	if pi < 0 || pi >= len(d.in.Paras) {
		return attribution{}
	}
	p := d.in.Paras[pi]
	if !strings.HasSuffix(d.body[p.Start:p.End], ":") {
		return attribution{}
	}
	_, sent := d.sentenceAt(p.End - 1)
	nt := d.narration(sent)
	return d.leftCue(nt, len(nt))
}

// inheritChannel gives a quotation without a channel of its own the channel
// its speaker was introduced with, or that of the document's reported source
// for an anonymous speaker.
func (d *doc) inheritChannel(qi int, at attribution) string {
	if ch := d.refChannel[at.speaker]; ch != "" {
		return ch
	}
	for p := qi - 1; p >= 0; p-- {
		if d.attrs[p].ok && d.attrs[p].speaker == at.speaker && d.attrs[p].channel != "" {
			return d.attrs[p].channel
		}
	}
	if at.anonymous && d.docChannel != "" {
		return d.docChannel
	}
	return ""
}

// lower returns s in lower case, without allocating when it already is.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}
