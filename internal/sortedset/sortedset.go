// Package sortedset holds operations on sets kept as sorted slices, the
// compact form the linking stages use for word and feature sets.
package sortedset

import "cmp"

// Intersect counts the elements common to two sorted slices without
// duplicates.
func Intersect[T cmp.Ordered](a, b []T) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}
