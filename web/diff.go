package web

import (
	"strings"
	"unicode"
)

// token is one word of a quotation variant; Op is "" for a word the
// reference also has, "ins" for a word only this variant has, and "del"
// for a word of the reference that this variant leaves out.
type token struct {
	Text string
	Op   string
}

// maxDiffWords bounds the quadratic word diff; longer quotations are shown
// without marks.
const maxDiffWords = 400

func splitWords(s string) []string { return strings.Fields(s) }

// norm is the form words are compared in: lower case, without the
// punctuation around them ("Nordvale," = "nordvale").
func norm(w string) string {
	return strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
}

func plainTokens(words []string) []token {
	out := make([]token, len(words))
	for i, w := range words {
		out[i] = token{Text: w}
	}
	return out
}

// diffWords compares a variant with the reference by the longest common
// subsequence of their words. same is true when they have the same words.
func diffWords(ref, words []string) (out []token, same bool) {
	if len(ref) > maxDiffWords || len(words) > maxDiffWords {
		return plainTokens(words), false
	}
	a := make([]string, len(ref))
	for i, w := range ref {
		a[i] = norm(w)
	}
	b := make([]string, len(words))
	for i, w := range words {
		b[i] = norm(w)
	}
	n, m := len(a), len(b)
	// lcs[i][j]: length of the LCS of a[i:] and b[j:]
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	same = true
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			out = append(out, token{Text: words[j]})
			i++
			j++
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			out = append(out, token{Text: words[j], Op: "ins"})
			same = false
			j++
		default:
			out = append(out, token{Text: ref[i], Op: "del"})
			same = false
			i++
		}
	}
	return out, same
}
