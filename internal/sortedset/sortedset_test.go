package sortedset

import "testing"

func TestIntersect(t *testing.T) {
	tests := []struct {
		a, b []int
		want int
	}{
		{nil, nil, 0},
		{[]int{1, 2, 3}, []int{2, 3, 4}, 2},
		{[]int{1, 5, 9}, []int{2, 6}, 0},
		{[]int{1, 2}, []int{1, 2}, 2},
	}
	for _, tc := range tests {
		if got := Intersect(tc.a, tc.b); got != tc.want {
			t.Errorf("Intersect(%v, %v) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
	if Intersect([]string{"a", "c"}, []string{"b", "c"}) != 1 {
		t.Error("strings")
	}
}
