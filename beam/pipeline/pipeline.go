// Package pipeline is hearsay's corpus analysis (`hearsay analyze --json`)
// as an Apache Beam pipeline, for corpora larger than one machine handles.
//
// The stages are those of cmd/hearsay's analyze, split where they can be
// distributed:
//
//	read       one element per input argument: read.Walk on it (files,
//	           folders, globs, HTML, WARC, JSON Lines, feeds), each article
//	           numbered by its place in input order; then a reshuffle
//	extract    ParDo over extract.Engine, one engine per worker (Setup)
//	duplicates MinHash signature per document → (band, key) buckets →
//	           GroupByKey → pairs within a bucket verified against the
//	           threshold on the whole signature
//	stories    one worker: story clustering is a sequential online algorithm
//	           (link/story.Batch), fed every document in input order
//	outlets    the outlet names each document names, combined per name to
//	           the first place it is named: the provenance tracer's view of
//	           the corpus, given to the next stages as a side input
//	link       documents joined to their stories (CoGroupByKey on the
//	           document name), GroupByKey by story, link.LinkGroup per story
//	provenance each document's provenance nodes and edges, deduplicated
//	write      one worker: the corpus JSON in analyze's order, written to a
//	           local path or a Beam filesystem URL (gs://…)
//
// The output is byte for byte the output of `hearsay analyze --db none
// --json` on the same inputs.
package pipeline

import (
	"fmt"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/transforms/filter"
	"github.com/hearsaylab/hearsay/link/minhash"
)

// DefaultDuplicateThreshold is the least estimated Jaccard similarity of two
// documents to be reported as copies: the value `hearsay analyze` uses.
const DefaultDuplicateThreshold = 0.5

// Options configures the pipeline.
type Options struct {
	// Inputs are files, folders, glob patterns or http(s) URLs, as
	// `hearsay analyze` takes them. Workers read them, so on a cluster they
	// must be paths every worker sees (a shared mount) or URLs.
	Inputs []string
	// Output is where the corpus JSON is written: a local path, or a URL of
	// a Beam filesystem such as gs://bucket/corpus.json.
	Output string
	// DuplicateThreshold is the least estimated Jaccard similarity of a
	// near-duplicate pair (DefaultDuplicateThreshold when zero).
	DuplicateThreshold float64
}

// Build adds the pipeline to s.
func Build(s beam.Scope, opt Options) error {
	if len(opt.Inputs) == 0 {
		return fmt.Errorf("pipeline: no inputs")
	}
	if opt.Output == "" {
		return fmt.Errorf("pipeline: no output")
	}
	if opt.DuplicateThreshold == 0 {
		opt.DuplicateThreshold = DefaultDuplicateThreshold
	}
	mp := minhash.DefaultParams()
	mp.Threshold = opt.DuplicateThreshold
	if _, err := minhash.NewIndex(mp); err != nil {
		return fmt.Errorf("pipeline: duplicates: %w", err)
	}

	// Read and extract.
	ins := make([]input, len(opt.Inputs))
	for i, in := range opt.Inputs {
		ins[i] = input{Arg: i, Path: in}
	}
	srcs := beam.ParDo(s.Scope("read"), readInput, beam.CreateList(s, ins))
	srcs = beam.Reshuffle(s, srcs)
	docs := beam.ParDo(s.Scope("extract"), &extractFn{}, srcs)

	// Per document: band keys, story features, outlet names.
	bands, storyIns, names := beam.ParDo3(s.Scope("features"), &featuresFn{Threshold: mp.Threshold}, docs)

	// Duplicates.
	pairs := beam.ParDo(s.Scope("duplicates"), &bucketFn{Threshold: mp.Threshold, MaxBucket: mp.MaxBucket}, beam.GroupByKey(s, bands))

	// Stories, on one worker.
	storiesOut, members := beam.ParDo2(s.Scope("stories"), &storiesFn{}, beam.GroupByKey(s, storyIns))

	// The outlets the corpus names, first place first.
	outlets := beam.CombinePerKey(s.Scope("outlets"), firstRank, names)

	// Quotations, claims and numbers linked story by story.
	byName := beam.ParDo(s, keyByName, docs)
	grouped := beam.ParDo(s.Scope("join"), joinStories, beam.CoGroupByKey(s, byName, members))
	groups := beam.ParDo(s.Scope("link"), &linkFn{}, beam.GroupByKey(s, grouped), beam.SideInput{Input: outlets})

	// Provenance: every document's nodes and edges, each once.
	graph := beam.ParDo(s.Scope("provenance"), &provenanceFn{}, docs, beam.SideInput{Input: outlets})
	graph = beam.ParDo(s, graphPart, filter.Distinct(s, graph))

	// Everything to the writer.
	start := beam.ParDo(s, startPart, beam.Impulse(s))
	parts := beam.Flatten(s, start, pairs, storiesOut, groups, graph)
	beam.ParDo0(s.Scope("write"), &writeFn{Output: opt.Output}, beam.CoGroupByKey(s, beam.ParDo(s, keyDoc, docs), parts))
	return nil
}

// NewPipeline returns a pipeline for opt.
func NewPipeline(opt Options) (*beam.Pipeline, error) {
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, opt); err != nil {
		return nil, err
	}
	return p, nil
}
