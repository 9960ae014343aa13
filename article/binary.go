package article

import (
	"encoding/binary"
	"errors"
	"math"
)

// The binary form of a Document is what the linker keeps of each document
// on disk while it links a corpus: read back several times, it decodes about
// ten times faster than JSON. It is an internal format, not an interface: it
// changes with Document and is never kept across runs. Strings and lists
// are written as a uvarint length (plus one for a list or pointer, with 0
// for nil) and their contents; integers as varints; floats as their 8 bytes.

// AppendBinary appends the binary form of d to b (encoding.BinaryAppender).
// Like AppendJSON it fails on a float that JSON cannot hold, so a document
// that can be stored can also be printed.
func (d *Document) AppendBinary(b []byte) ([]byte, error) {
	e := binEncoder{b: b}
	e.str(d.Doc)
	e.opt(d.Title)
	e.opt(d.Outlet)
	e.opt(d.Date)
	e.opt(d.URL)
	e.str(d.Body)
	e.count(d.Quotes == nil, len(d.Quotes))
	for i := range d.Quotes {
		q := &d.Quotes[i]
		e.str(q.Text)
		e.int(q.Start)
		e.int(q.End)
		e.opt(q.Speaker)
		e.opt(q.SpeakerMention)
		e.bool(q.Anonymous)
		e.opt(q.Cue)
		e.opt(q.Channel)
		e.bool(q.Block)
	}
	e.count(d.Claims == nil, len(d.Claims))
	for i := range d.Claims {
		c := &d.Claims[i]
		e.str(c.Text)
		e.str(c.Source)
		e.str(c.Cue)
		e.int(c.Start)
		e.int(c.End)
	}
	e.count(d.Numbers == nil, len(d.Numbers))
	for i := range d.Numbers {
		n := &d.Numbers[i]
		e.str(n.Text)
		e.float(n.Value)
		e.count(n.ValueHigh == nil, 0)
		if n.ValueHigh != nil {
			e.float(*n.ValueHigh)
		}
		e.opt(n.Qualifier)
		e.str(n.Kind)
		e.str(n.Counts)
		e.int(n.Start)
		e.int(n.End)
	}
	e.count(d.Entities == nil, len(d.Entities))
	for i := range d.Entities {
		en := &d.Entities[i]
		e.str(en.Name)
		e.str(en.Type)
		e.count(en.Mentions == nil, len(en.Mentions))
		for _, m := range en.Mentions {
			e.int(m[0])
			e.int(m[1])
		}
		e.strs(en.Spellings)
	}
	e.strs(d.CitedOutlets)
	e.strs(d.AnonymousSources)
	e.terms(d.Framing.Terms)
	e.int(d.Framing.Hedges)
	e.terms(d.Framing.HedgeWords)
	e.float(d.Framing.AnonymousShare)
	return e.b, e.err
}

type binEncoder struct {
	b   []byte
	err error
}

func (e *binEncoder) str(s string) {
	e.b = binary.AppendUvarint(e.b, uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *binEncoder) opt(s *string) {
	if s == nil {
		e.b = append(e.b, 0)
		return
	}
	e.b = binary.AppendUvarint(e.b, uint64(len(*s))+1)
	e.b = append(e.b, *s...)
}

// count writes the length of a list, or a pointer's presence (n = 0).
func (e *binEncoder) count(isNil bool, n int) {
	if isNil {
		e.b = append(e.b, 0)
		return
	}
	e.b = binary.AppendUvarint(e.b, uint64(n)+1)
}

func (e *binEncoder) int(n int) { e.b = binary.AppendVarint(e.b, int64(n)) }

func (e *binEncoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *binEncoder) float(f float64) {
	if (math.IsInf(f, 0) || math.IsNaN(f)) && e.err == nil {
		e.err = unsupported(f)
	}
	e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(f))
}

func (e *binEncoder) strs(ss []string) {
	e.count(ss == nil, len(ss))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *binEncoder) terms(ts []Term) {
	e.count(ts == nil, len(ts))
	for _, t := range ts {
		e.str(t.Term)
		e.str(t.Family)
		e.int(t.Count)
	}
}

// errBinary is the error of a binary form that AppendBinary did not make.
var errBinary = errors.New("article: malformed binary document")

// UnmarshalBinary sets d from the binary form AppendBinary made
// (encoding.BinaryUnmarshaler). The strings of d share one copy of data.
func (d *Document) UnmarshalBinary(data []byte) error {
	r := binDecoder{s: string(data)}
	var out Document
	out.Doc = r.str()
	out.Title = r.opt()
	out.Outlet = r.opt()
	out.Date = r.opt()
	out.URL = r.opt()
	out.Body = r.str()
	if n, ok := r.count(); ok {
		out.Quotes = make([]Quote, n)
		for i := range out.Quotes {
			q := &out.Quotes[i]
			q.Text = r.str()
			q.Start = r.int()
			q.End = r.int()
			q.Speaker = r.opt()
			q.SpeakerMention = r.opt()
			q.Anonymous = r.bool()
			q.Cue = r.opt()
			q.Channel = r.opt()
			q.Block = r.bool()
		}
	}
	if n, ok := r.count(); ok {
		out.Claims = make([]Claim, n)
		for i := range out.Claims {
			c := &out.Claims[i]
			c.Text = r.str()
			c.Source = r.str()
			c.Cue = r.str()
			c.Start = r.int()
			c.End = r.int()
		}
	}
	if n, ok := r.count(); ok {
		out.Numbers = make([]Number, n)
		for i := range out.Numbers {
			x := &out.Numbers[i]
			x.Text = r.str()
			x.Value = r.float()
			if _, ok := r.count(); ok {
				v := r.float()
				x.ValueHigh = &v
			}
			x.Qualifier = r.opt()
			x.Kind = r.str()
			x.Counts = r.str()
			x.Start = r.int()
			x.End = r.int()
		}
	}
	if n, ok := r.count(); ok {
		out.Entities = make([]Entity, n)
		for i := range out.Entities {
			en := &out.Entities[i]
			en.Name = r.str()
			en.Type = r.str()
			if m, ok := r.count(); ok {
				en.Mentions = make([][2]int, m)
				for k := range en.Mentions {
					en.Mentions[k] = [2]int{r.int(), r.int()}
				}
			}
			en.Spellings = r.strs()
		}
	}
	out.CitedOutlets = r.strs()
	out.AnonymousSources = r.strs()
	out.Framing.Terms = r.terms()
	out.Framing.Hedges = r.int()
	out.Framing.HedgeWords = r.terms()
	out.Framing.AnonymousShare = r.float()
	if r.bad || r.i != len(r.s) {
		return errBinary
	}
	*d = out
	return nil
}

// binDecoder reads a binary form from s; bad records that it ran past the
// end or met an impossible length, after which every read gives zero.
type binDecoder struct {
	s   string
	i   int
	bad bool
}

func (r *binDecoder) uvarint() uint64 {
	if r.bad {
		return 0
	}
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		if r.i >= len(r.s) {
			break
		}
		c := r.s[r.i]
		r.i++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	r.bad = true
	return 0
}

// length reads a length and checks that at least min bytes per element
// remain for it.
func (r *binDecoder) length(n uint64, min int) int {
	if r.bad || n > uint64(len(r.s)-r.i)/uint64(min) {
		r.bad = true
		return 0
	}
	return int(n)
}

func (r *binDecoder) str() string {
	n := r.length(r.uvarint(), 1)
	s := r.s[r.i : r.i+n]
	r.i += n
	return s
}

func (r *binDecoder) opt() *string {
	n := r.uvarint()
	if n == 0 || r.bad {
		return nil
	}
	k := r.length(n-1, 1)
	s := r.s[r.i : r.i+k]
	r.i += k
	return &s
}

// count reads a list length; ok is false for nil.
func (r *binDecoder) count() (int, bool) {
	n := r.uvarint()
	if n == 0 || r.bad {
		return 0, false
	}
	k := r.length(n-1, 1)
	return k, !r.bad
}

func (r *binDecoder) int() int {
	u := r.uvarint()
	return int(int64(u>>1) ^ -int64(u&1))
}

func (r *binDecoder) bool() bool {
	if r.bad || r.i >= len(r.s) {
		r.bad = true
		return false
	}
	r.i++
	return r.s[r.i-1] != 0
}

func (r *binDecoder) float() float64 {
	if r.bad || len(r.s)-r.i < 8 {
		r.bad = true
		return 0
	}
	var v uint64
	for k := 7; k >= 0; k-- {
		v = v<<8 | uint64(r.s[r.i+k])
	}
	r.i += 8
	return math.Float64frombits(v)
}

func (r *binDecoder) strs() []string {
	n, ok := r.count()
	if !ok {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}

func (r *binDecoder) terms() []Term {
	n, ok := r.count()
	if !ok {
		return nil
	}
	out := make([]Term, n)
	for i := range out {
		out[i] = Term{Term: r.str(), Family: r.str(), Count: r.int()}
	}
	return out
}
