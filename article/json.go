package article

import (
	"encoding/json"
	"math"
	"reflect"
	"strconv"

	"github.com/hearsaylab/hearsay/internal/jsonw"
)

// AppendJSON appends the JSON encoding of d to dst: the same bytes as
// json.Marshal(d), written without reflection, as hearsay writes one
// document per article and encoding/json's reflection costs as much as
// extracting it. The error is json.Marshal's: a value that is NaN or
// infinite has no JSON encoding.
func (d *Document) AppendJSON(dst []byte) ([]byte, error) {
	var e encoder
	e.b = dst
	e.str(`{"doc":`, d.Doc)
	e.optStr(`,"title":`, d.Title)
	e.optStr(`,"outlet":`, d.Outlet)
	e.optStr(`,"date":`, d.Date)
	e.optStr(`,"url":`, d.URL)
	e.str(`,"body":`, d.Body)
	e.raw(`,"quotes":`)
	if d.Quotes == nil {
		e.raw("null")
	} else {
		e.b = append(e.b, '[')
		for i := range d.Quotes {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.quote(&d.Quotes[i])
		}
		e.b = append(e.b, ']')
	}
	e.raw(`,"claims":`)
	if d.Claims == nil {
		e.raw("null")
	} else {
		e.b = append(e.b, '[')
		for i := range d.Claims {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			c := &d.Claims[i]
			e.str(`{"text":`, c.Text)
			e.str(`,"source":`, c.Source)
			e.str(`,"cue":`, c.Cue)
			e.int(`,"start":`, c.Start)
			e.int(`,"end":`, c.End)
			e.b = append(e.b, '}')
		}
		e.b = append(e.b, ']')
	}
	e.raw(`,"numbers":`)
	if d.Numbers == nil {
		e.raw("null")
	} else {
		e.b = append(e.b, '[')
		for i := range d.Numbers {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.number(&d.Numbers[i])
		}
		e.b = append(e.b, ']')
	}
	e.raw(`,"entities":`)
	if d.Entities == nil {
		e.raw("null")
	} else {
		e.b = append(e.b, '[')
		for i := range d.Entities {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.entity(&d.Entities[i])
		}
		e.b = append(e.b, ']')
	}
	e.raw(`,"cited_outlets":`)
	e.strs(d.CitedOutlets)
	e.raw(`,"anonymous_sources":`)
	e.strs(d.AnonymousSources)
	e.raw(`,"framing":{"terms":`)
	f := &d.Framing
	e.terms(f.Terms)
	e.int(`,"hedges":`, f.Hedges)
	if len(f.HedgeWords) > 0 {
		e.raw(`,"hedge_words":`)
		e.terms(f.HedgeWords)
	}
	e.float(`,"anonymous_share":`, f.AnonymousShare)
	e.raw("}}")
	return e.b, e.err
}

// encoder appends JSON to b; err keeps the first value that has none.
type encoder struct {
	b   []byte
	err error
}

func (e *encoder) raw(s string) { e.b = append(e.b, s...) }

func (e *encoder) str(key, s string) {
	e.b = append(e.b, key...)
	e.b = jsonw.AppendString(e.b, s)
}

func (e *encoder) optStr(key string, s *string) {
	e.b = append(e.b, key...)
	if s == nil {
		e.b = append(e.b, "null"...)
		return
	}
	e.b = jsonw.AppendString(e.b, *s)
}

func (e *encoder) int(key string, n int) {
	e.b = append(e.b, key...)
	e.b = strconv.AppendInt(e.b, int64(n), 10)
}

func (e *encoder) bool(key string, v bool) {
	e.b = append(e.b, key...)
	e.b = strconv.AppendBool(e.b, v)
}

func (e *encoder) float(key string, f float64) {
	e.b = append(e.b, key...)
	if math.IsInf(f, 0) || math.IsNaN(f) {
		if e.err == nil {
			e.err = unsupported(f)
		}
		e.b = append(e.b, '0')
		return
	}
	e.b = jsonw.AppendFloat(e.b, f)
}

func (e *encoder) strs(ss []string) {
	if ss == nil {
		e.raw("null")
		return
	}
	e.b = append(e.b, '[')
	for i, s := range ss {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.b = jsonw.AppendString(e.b, s)
	}
	e.b = append(e.b, ']')
}

func (e *encoder) terms(ts []Term) {
	if ts == nil {
		e.raw("null")
		return
	}
	e.b = append(e.b, '[')
	for i := range ts {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.str(`{"term":`, ts[i].Term)
		e.str(`,"family":`, ts[i].Family)
		e.int(`,"count":`, ts[i].Count)
		e.b = append(e.b, '}')
	}
	e.b = append(e.b, ']')
}

func (e *encoder) quote(q *Quote) {
	e.str(`{"text":`, q.Text)
	e.int(`,"start":`, q.Start)
	e.int(`,"end":`, q.End)
	e.optStr(`,"speaker":`, q.Speaker)
	e.optStr(`,"speaker_mention":`, q.SpeakerMention)
	e.bool(`,"anonymous":`, q.Anonymous)
	e.optStr(`,"cue":`, q.Cue)
	e.optStr(`,"channel":`, q.Channel)
	e.bool(`,"block":`, q.Block)
	e.b = append(e.b, '}')
}

func (e *encoder) number(n *Number) {
	e.str(`{"text":`, n.Text)
	e.float(`,"value":`, n.Value)
	if n.ValueHigh != nil {
		e.float(`,"value_high":`, *n.ValueHigh)
	}
	e.optStr(`,"qualifier":`, n.Qualifier)
	e.str(`,"kind":`, n.Kind)
	e.str(`,"counts":`, n.Counts)
	e.int(`,"start":`, n.Start)
	e.int(`,"end":`, n.End)
	e.b = append(e.b, '}')
}

func (e *encoder) entity(en *Entity) {
	e.str(`{"name":`, en.Name)
	e.str(`,"type":`, en.Type)
	e.raw(`,"mentions":`)
	if en.Mentions == nil {
		e.raw("null")
	} else {
		e.b = append(e.b, '[')
		for i, m := range en.Mentions {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.b = append(e.b, '[')
			e.b = strconv.AppendInt(e.b, int64(m[0]), 10)
			e.b = append(e.b, ',')
			e.b = strconv.AppendInt(e.b, int64(m[1]), 10)
			e.b = append(e.b, ']')
		}
		e.b = append(e.b, ']')
	}
	if len(en.Spellings) > 0 {
		e.raw(`,"spellings":`)
		e.strs(en.Spellings)
	}
	e.b = append(e.b, '}')
}

// unsupported is the error encoding/json gives for a float that JSON cannot
// hold (NaN or an infinity).
func unsupported(f float64) error {
	return &json.UnsupportedValueError{Value: reflect.ValueOf(f), Str: strconv.FormatFloat(f, 'g', -1, 64)}
}
