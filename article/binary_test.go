package article_test

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/extract"
)

func roundTrip(t *testing.T, d article.Document) {
	t.Helper()
	b, err := d.AppendBinary([]byte("prefix"))
	if err != nil {
		t.Fatalf("AppendBinary: %v", err)
	}
	var got article.Document
	if err := got.UnmarshalBinary(b[len("prefix"):]); err != nil {
		t.Fatalf("UnmarshalBinary: %v", err)
	}
	if !reflect.DeepEqual(got, d) {
		t.Fatalf("round trip differs:\n got %#v\nwant %#v", got, d)
	}
}

// fill sets every field reachable from v to a value that is not its zero
// value, so that a field added to Document without a place in the binary
// form fails the round trip.
func fill(v reflect.Value, seed *int) {
	*seed++
	switch v.Kind() {
	case reflect.String:
		v.SetString("s" + string(rune('a'+*seed%26)) + "“é”")
	case reflect.Int:
		v.SetInt(int64(*seed) * -37)
	case reflect.Float64:
		v.SetFloat(float64(*seed) / 7)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), seed)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range v.Len() {
			fill(v.Index(i), seed)
		}
	case reflect.Array:
		for i := range v.Len() {
			fill(v.Index(i), seed)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), seed)
		}
	default:
		panic("fill: unhandled kind " + v.Kind().String())
	}
}

func TestBinaryRoundTrip(t *testing.T) {
	var full article.Document
	seed := 0
	fill(reflect.ValueOf(&full).Elem(), &seed)
	roundTrip(t, full)
	roundTrip(t, article.Document{})
	roundTrip(t, article.Document{Quotes: []article.Quote{}, Claims: []article.Claim{}, Numbers: []article.Number{}, Entities: []article.Entity{{Mentions: [][2]int{}, Spellings: []string{}}},
		CitedOutlets: []string{}, AnonymousSources: []string{}, Framing: article.Framing{Terms: []article.Term{}, HedgeWords: []article.Term{}}})
	roundTrip(t, article.Document{Body: "bad \xff utf8", Numbers: []article.Number{{Value: math.MaxFloat64}, {Value: -1e-300}, {Value: math.Copysign(0, -1)}}})
	if _, err := (&article.Document{Numbers: []article.Number{{Value: math.NaN()}}}).AppendBinary(nil); err == nil {
		t.Error("AppendBinary took a NaN")
	}
}

func TestBinaryEngineOutput(t *testing.T) {
	eng, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../examples/*")
	seeds, _ := filepath.Glob("../../shared/seeds/*.txt")
	for _, p := range append(files, seeds...) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		roundTrip(t, eng.Document(article.Source{Name: p, Text: string(b), Title: "T", Outlet: "Reuters", Date: "2026-01-02"}))
	}
}

// FuzzUnmarshalBinary feeds damaged forms: an error or a document, never a
// panic; a document that decodes encodes back to the same bytes.
func FuzzUnmarshalBinary(f *testing.F) {
	var full article.Document
	seed := 0
	fill(reflect.ValueOf(&full).Elem(), &seed)
	b, _ := full.AppendBinary(nil)
	f.Add(b)
	f.Add([]byte{})
	f.Add(b[:len(b)/2])
	f.Fuzz(func(t *testing.T, data []byte) {
		var d article.Document
		if err := d.UnmarshalBinary(data); err != nil {
			return
		}
		again, err := d.AppendBinary(nil)
		if err != nil {
			return // a NaN or infinity read from the bytes
		}
		var d2 article.Document
		if err := d2.UnmarshalBinary(again); err != nil || !reflect.DeepEqual(d, d2) {
			t.Fatalf("decoded document does not survive a round trip: %v", err)
		}
	})
}
