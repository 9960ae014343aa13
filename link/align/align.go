// Package align finds the same words across documents: quotations of one
// utterance (exact, trimmed, normalised, paraphrased or translated) and
// sentences that restate one claim.
package align
