package minhash

// The functions below expose the pieces of Index.Pairs one at a time, for
// callers that find candidate pairs themselves — a distributed pipeline that
// computes signatures on many workers, groups documents by band key and
// verifies the pairs within each bucket. Used with the same Params they give
// the pairs that Index.Pairs gives.

// Signature returns the MinHash signature of text (Hashes values) under the
// index's parameters, and false when text has no words: such a document is
// never paired. It does not add text to the index and does not change it, so
// it is safe to call from several goroutines while nothing is added.
func (ix *Index) Signature(text string) ([]uint32, bool) {
	sh := shingles(text, ix.p.Shingle)
	sig := make([]uint32, ix.p.Hashes)
	ix.signature(sh, sig)
	return sig, len(sh) > 0
}

// BandKeys returns the LSH bucket key of each band of sig, a signature from
// Signature: the keys Add keeps and Pairs buckets by (the high 32 bits of
// the band's hash). Documents with an equal key in the same band are
// candidate pairs; keys of different bands are computed apart and may only
// be compared within a band. It panics if sig is not Hashes long.
func (ix *Index) BandKeys(sig []uint32) []uint32 {
	if len(sig) != ix.p.Hashes {
		panic("minhash: signature of the wrong length")
	}
	rows := ix.p.Hashes / ix.p.Bands
	keys := make([]uint32, ix.p.Bands)
	for band := range keys {
		h := mix64(uint64(band) + fnvOffset)
		for _, v := range sig[band*rows : (band+1)*rows] {
			h = mix64(h ^ uint64(v))
		}
		keys[band] = uint32(h >> 32)
	}
	return keys
}

// SignatureSimilarity returns the estimated Jaccard similarity of two
// signatures of equal length: the fraction of agreeing entries, as in
// Pair.Similarity.
func SignatureSimilarity(a, b []uint32) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	eq := 0
	for k := range a {
		if a[k] == b[k] {
			eq++
		}
	}
	return float64(eq) / float64(len(a))
}
