package jsonw

import (
	"encoding/json"
	"math"
	"testing"
)

func sameString(t *testing.T, s string) {
	t.Helper()
	want, _ := json.Marshal(s)
	if got := AppendString(nil, s); string(got) != string(want) {
		t.Fatalf("AppendString(%q) = %s, want %s", s, got, want)
	}
}

func sameFloat(t *testing.T, f float64) {
	t.Helper()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return
	}
	want, _ := json.Marshal(f)
	if got := AppendFloat(nil, f); string(got) != string(want) {
		t.Fatalf("AppendFloat(%v) = %s, want %s", f, got, want)
	}
}

func TestAppendString(t *testing.T) {
	for _, s := range []string{"", "plain", `"quoted" \ back`, "<script>&amp;</script>", "\x00\x01\b\f\n\r\t\x1f\x7f",
		"é 😀 \u2028 \u2029", "bad \xff \xe2\x80 \xed\xa0\x80 end"} {
		sameString(t, s)
	}
}

func TestAppendFloat(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 1.0 / 3, 97, 1e20, 1e21, 1e-6, 1e-7, 123456789.125,
		-0.000001, 5e-324, math.MaxFloat64, 0.741, 1e100, 1.5e-9} {
		sameFloat(t, f)
	}
}

func FuzzAppend(f *testing.F) {
	f.Add("a<b", 0.5)
	f.Fuzz(func(t *testing.T, s string, x float64) {
		sameString(t, s)
		sameFloat(t, x)
	})
}
