package main

import "testing"

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"800MiB", 800 << 20, true}, {"4GiB", 4 << 30, true}, {"1.5 GB", 1_500_000_000, true},
		{"0", 0, true}, {"123", 123, true}, {"64KiB", 64 << 10, true},
		{"", 0, false}, {"lots", 0, false}, {"-1MiB", 0, false}, {"1e400", 0, false}, {"9e18GiB", 0, false},
	} {
		got, err := parseSize(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}
