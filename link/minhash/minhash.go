// Package minhash finds near-duplicate documents: MinHash signatures over
// word shingles, with locality-sensitive hashing (LSH) banding to find
// candidate pairs without comparing every document with every other.
//
// Texts are normalised before shingling (case, punctuation, typographic
// quotes and dashes, whitespace; bylines, credits and trailing "Related
// stories" blocks are dropped), so trivially different copies of one article
// match while different articles on the same topic do not.
//
// An Index keeps only a fixed-size signature per document, never the text:
// documents can be streamed into it one at a time.
package minhash

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
)

// Params configures an Index. The zero value of a field means its default.
type Params struct {
	Shingle   int     // words per shingle (default 5)
	Hashes    int     // signature length (default 128); must equal Bands × rows
	Bands     int     // LSH bands (default 32, so 4 rows per band)
	Threshold float64 // minimum estimated Jaccard similarity of a pair (default 0.8)
	MaxBucket int     // LSH buckets holding more documents are skipped (default 1000)
}

// DefaultParams returns the defaults: 5-word shingles, 128 hashes in 32
// bands of 4 rows, threshold 0.8, buckets of more than 1000 documents skipped.
func DefaultParams() Params {
	return Params{Shingle: 5, Hashes: 128, Bands: 32, Threshold: 0.8, MaxBucket: 1000}
}

// withDefaults fills zero fields from DefaultParams and checks the result.
func (p Params) withDefaults() (Params, error) {
	d := DefaultParams()
	if p.Shingle == 0 {
		p.Shingle = d.Shingle
	}
	if p.Hashes == 0 {
		p.Hashes = d.Hashes
	}
	if p.Bands == 0 {
		p.Bands = d.Bands
	}
	if p.Threshold == 0 {
		p.Threshold = d.Threshold
	}
	if p.MaxBucket == 0 {
		p.MaxBucket = d.MaxBucket
	}
	switch {
	case p.Shingle < 1:
		return p, fmt.Errorf("shingle size %d < 1", p.Shingle)
	case p.Hashes < 1 || p.Bands < 1:
		return p, fmt.Errorf("%d hashes in %d bands: both must be positive", p.Hashes, p.Bands)
	case p.Hashes%p.Bands != 0:
		return p, fmt.Errorf("%d hashes do not split into %d equal bands", p.Hashes, p.Bands)
	case p.Threshold < 0 || p.Threshold > 1 || math.IsNaN(p.Threshold):
		return p, fmt.Errorf("threshold %v outside [0, 1]", p.Threshold)
	case p.MaxBucket < 2:
		return p, fmt.Errorf("max bucket %d < 2", p.MaxBucket)
	}
	return p, nil
}

// Pair is two documents whose estimated Jaccard similarity reaches the
// threshold. A < B.
type Pair struct {
	A, B       int
	Similarity float64 // fraction of agreeing signature entries
}

// Index holds MinHash signatures of the documents added to it, and their
// LSH band keys. Signatures stay in memory, or go to a temporary file after
// SpillTo, so that memory per document is its band keys alone (Bands × 4
// bytes). It is not safe for concurrent use.
type Index struct {
	p     Params
	mul   []uint64 // per-hash odd multipliers
	add   []uint64 // per-hash offsets
	ids   []int
	keys  []uint32 // len(ids) × p.Bands band keys, document-major
	sigs  []uint32 // len(ids) × p.Hashes, document-major; nil when spilled
	empty []bool   // document had no words

	spill   *os.File
	spillW  *bufio.Writer
	scratch []uint32 // one signature
	cache   sigCache // spilled signatures read back, for Pairs
	slots   int      // size of cache; 0 means cacheSlots
}

// sigCache is a direct-mapped cache of signatures read back from the spill
// file: candidate pairs come sorted by their first document and the
// documents of one LSH bucket pair with each other many times, so most
// reads hit. Its size is fixed (cacheSlots signatures).
type sigCache struct {
	doc  []int32  // per slot: the document held, -1 for none
	sigs []uint32 // per slot: its signature
	buf  []byte   // one signature as read
}

// cacheSlots is the number of signatures the cache holds (32 MiB of
// 128-hash signatures).
const cacheSlots = 1 << 16

// ErrParams is wrapped by the error NewIndex returns for invalid parameters.
var ErrParams = errors.New("minhash: invalid parameters")

// NewIndex returns an empty index with parameters p (zero fields take their
// defaults).
func NewIndex(p Params) (*Index, error) {
	p, err := p.withDefaults()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrParams, err)
	}
	ix := &Index{p: p, mul: make([]uint64, p.Hashes), add: make([]uint64, p.Hashes)}
	// Fixed seeds: signatures are reproducible across runs and processes.
	s := uint64(0x9e3779b97f4a7c15)
	for i := range p.Hashes {
		s = mix64(s + 0x9e3779b97f4a7c15)
		ix.mul[i] = s | 1
		s = mix64(s + 0x9e3779b97f4a7c15)
		ix.add[i] = s
	}
	return ix, nil
}

// Params returns the parameters in effect, defaults filled in.
func (ix *Index) Params() Params { return ix.p }

// Len returns the number of documents added.
func (ix *Index) Len() int { return len(ix.ids) }

// SpillTo makes the index keep signatures in a temporary file in dir
// instead of memory; call it before the first Add, and Close to remove the
// file.
func (ix *Index) SpillTo(dir string) error {
	if len(ix.ids) > 0 || ix.spill != nil {
		return errors.New("minhash: SpillTo after Add")
	}
	f, err := os.CreateTemp(dir, "hearsay-minhash-*.bin")
	if err != nil {
		return fmt.Errorf("minhash: signature file: %w", err)
	}
	ix.spill, ix.spillW = f, bufio.NewWriterSize(f, 1<<16)
	return nil
}

// Close removes the signature file, if any. The index must not be used
// afterwards.
func (ix *Index) Close() error {
	if ix.spill == nil {
		return nil
	}
	name := ix.spill.Name()
	err := ix.spill.Close()
	if rerr := os.Remove(name); err == nil {
		err = rerr
	}
	ix.spill = nil
	return err
}

// Add computes the signature of text and stores it under id. Only the
// signature (Hashes × 4 bytes, in memory or in the spill file) and the band
// keys are kept. A text without words is recorded but never paired. Add
// fails only when the spill file cannot be written.
func (ix *Index) Add(id int, text string) error {
	sh := shingles(text, ix.p.Shingle)
	var sig []uint32
	if ix.spill == nil {
		n := len(ix.sigs)
		ix.sigs = slices.Grow(ix.sigs, ix.p.Hashes)[:n+ix.p.Hashes]
		sig = ix.sigs[n:]
	} else {
		ix.scratch = slices.Grow(ix.scratch[:0], ix.p.Hashes)[:ix.p.Hashes]
		sig = ix.scratch
	}
	ix.signature(sh, sig)
	if ix.spill != nil {
		var b [4]byte
		for _, v := range sig {
			binary.LittleEndian.PutUint32(b[:], v)
			if _, err := ix.spillW.Write(b[:]); err != nil {
				return fmt.Errorf("minhash: writing signature: %w", err)
			}
		}
	}
	rows := ix.p.Hashes / ix.p.Bands
	for band := range ix.p.Bands {
		h := mix64(uint64(band) + fnvOffset)
		for _, v := range sig[band*rows : (band+1)*rows] {
			h = mix64(h ^ uint64(v))
		}
		ix.keys = append(ix.keys, uint32(h>>32))
	}
	ix.ids = append(ix.ids, id)
	ix.empty = append(ix.empty, len(sh) == 0)
	return nil
}

// signature writes the MinHash signature of the shingle hashes into sig.
// Hash i of a shingle x is the high 32 bits of mul[i]·x + add[i] (mod 2^64),
// a multiply-shift family over the already well-mixed shingle hash.
func (ix *Index) signature(sh []uint64, sig []uint32) {
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	mul, add := ix.mul[:len(sig)], ix.add[:len(sig)]
	for _, x := range sh {
		for i := range sig {
			if v := uint32((mul[i]*x + add[i]) >> 32); v < sig[i] {
				sig[i] = v
			}
		}
	}
}

// Similarity returns the estimated Jaccard similarity of the i-th and j-th
// documents added (in order of addition, from 0).
func (ix *Index) similarity(i, j int) (float64, error) {
	h := ix.p.Hashes
	eq := 0
	if ix.spill == nil {
		a, b := ix.sigs[i*h:(i+1)*h], ix.sigs[j*h:(j+1)*h]
		for k := range a {
			if a[k] == b[k] {
				eq++
			}
		}
		return float64(eq) / float64(h), nil
	}
	a, err := ix.spilledSig(i)
	if err != nil {
		return 0, err
	}
	// Copied: j may map to the same cache slot as i.
	ix.scratch = append(ix.scratch[:0], a...)
	a = ix.scratch
	b, err := ix.spilledSig(j)
	if err != nil {
		return 0, err
	}
	for k := range a {
		if a[k] == b[k] {
			eq++
		}
	}
	return float64(eq) / float64(h), nil
}

// spilledSig returns the i-th signature, from the cache or read back from
// the spill file into it. The slice is valid until the next call that
// maps to the same slot.
func (ix *Index) spilledSig(i int) ([]uint32, error) {
	h := ix.p.Hashes
	c := &ix.cache
	if c.doc == nil {
		slots := min(cmp.Or(ix.slots, cacheSlots), max(len(ix.ids), 1))
		c.doc = make([]int32, slots)
		for k := range c.doc {
			c.doc[k] = -1
		}
		c.sigs = make([]uint32, slots*h)
	}
	slot := i % len(c.doc)
	sig := c.sigs[slot*h : (slot+1)*h]
	if c.doc[slot] == int32(i) {
		return sig, nil
	}
	c.buf = slices.Grow(c.buf[:0], 4*h)[:4*h]
	buf := c.buf
	if _, err := ix.spill.ReadAt(buf, int64(i)*int64(4*h)); err != nil {
		c.doc[slot] = -1
		return nil, fmt.Errorf("minhash: reading signature %d: %w", i, err)
	}
	for k := range sig {
		sig[k] = binary.LittleEndian.Uint32(buf[4*k:])
	}
	c.doc[slot] = int32(i)
	return sig, nil
}

type bandEntry struct {
	key uint32
	doc int32
}

// Pairs returns every pair of documents that share at least one LSH bucket
// and whose estimated Jaccard similarity (over the whole signature) reaches
// the threshold, sorted by A then B. Buckets of more than MaxBucket documents
// are skipped, which keeps the cost near-linear in the number of documents
// even when many documents share boilerplate. A document added twice under
// the same id is not paired with itself. It fails only when spilled
// signatures cannot be read back.
func (ix *Index) Pairs() ([]Pair, error) {
	if ix.spill != nil {
		if err := ix.spillW.Flush(); err != nil {
			return nil, fmt.Errorf("minhash: writing signatures: %w", err)
		}
	}
	n, bands := len(ix.ids), ix.p.Bands
	entries := make([]bandEntry, 0, n)
	// oversized[d*bands+b]: document d's bucket in band b was skipped for
	// holding more than MaxBucket documents.
	oversized := make([]bool, n*bands)
	// A pair is handled in the first band where the two documents share a
	// bucket that is not oversized, so no list of candidate pairs is kept
	// or sorted: the cost is the bucket pairs themselves, checked in place.
	firstShared := func(i, j int32, band int) bool {
		ki, kj := ix.keys[int(i)*bands:int(i)*bands+band], ix.keys[int(j)*bands:int(j)*bands+band]
		for b := range ki {
			if ki[b] == kj[b] && !oversized[int(i)*bands+b] {
				return false
			}
		}
		return true
	}
	var out []Pair
	for band := range bands {
		entries = entries[:0]
		for d := range n {
			if ix.empty[d] {
				continue
			}
			entries = append(entries, bandEntry{ix.keys[d*bands+band], int32(d)})
		}
		slices.SortFunc(entries, func(a, b bandEntry) int {
			return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.doc, b.doc))
		})
		for lo := 0; lo < len(entries); {
			hi := lo + 1
			for hi < len(entries) && entries[hi].key == entries[lo].key {
				hi++
			}
			if hi-lo > ix.p.MaxBucket {
				for _, e := range entries[lo:hi] {
					oversized[int(e.doc)*bands+band] = true
				}
			} else if hi-lo > 1 {
				for x := lo; x < hi; x++ {
					for y := x + 1; y < hi; y++ {
						i, j := entries[x].doc, entries[y].doc // i < j
						if ix.ids[i] == ix.ids[j] || !firstShared(i, j, band) {
							continue
						}
						s, err := ix.similarity(int(i), int(j))
						if err != nil {
							return nil, err
						}
						if s < ix.p.Threshold {
							continue
						}
						a, b := ix.ids[i], ix.ids[j]
						if a > b {
							a, b = b, a
						}
						out = append(out, Pair{A: a, B: b, Similarity: s})
					}
				}
			}
			lo = hi
		}
	}
	slices.SortFunc(out, func(x, y Pair) int {
		return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B), cmp.Compare(y.Similarity, x.Similarity))
	})
	return slices.CompactFunc(out, func(x, y Pair) bool { return x.A == y.A && x.B == y.B }), nil
}
