// Command hearsay-beam runs hearsay's corpus analysis — the output of
// `hearsay analyze --json` — as an Apache Beam pipeline: locally on Beam's
// prism runner in this process (the default), or on Dataflow, Flink or
// Spark with Beam's usual flags. See beam/README.md.
//
//	hearsay-beam --output corpus.json --input 'corpus/*.warc.gz' --input extra/
//
// Flags come before the inputs named without --input.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
	"github.com/hearsaylab/hearsay/beam/pipeline"
)

// inputs is a repeatable flag.
type inputs []string

func (i *inputs) String() string     { return strings.Join(*i, ",") }
func (i *inputs) Set(s string) error { *i = append(*i, s); return nil }

func main() {
	var in inputs
	flag.Var(&in, "input", "a file, folder, glob or URL to read, as hearsay analyze takes them (repeat for several; arguments after the flags are inputs too)")
	output := flag.String("output", "", "where to write the corpus JSON: a local path or a Beam filesystem URL (gs://…); required")
	threshold := flag.Float64("duplicate_threshold", pipeline.DefaultDuplicateThreshold, "least estimated Jaccard similarity of near-duplicate documents")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: hearsay-beam --output FILE [--runner prism|dataflow|flink|spark] [Beam flags] [--input PATH]... [PATH...]\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	beam.Init()
	in = append(in, flag.Args()...)
	if len(in) == 0 || *output == "" {
		flag.Usage()
		os.Exit(2)
	}
	p, err := pipeline.NewPipeline(pipeline.Options{Inputs: in, Output: *output, DuplicateThreshold: *threshold})
	if err != nil {
		fmt.Fprintf(os.Stderr, "hearsay-beam: %v\n", err)
		os.Exit(2)
	}
	res, err := beamx.RunWithMetrics(context.Background(), p)
	if err != nil {
		fmt.Fprintf(os.Stderr, "hearsay-beam: %v\n", err)
		os.Exit(1)
	}
	// As hearsay analyze: the exit status is 1 when an input could not be
	// read (the rest was analysed).
	if n, ok := pipeline.Counter(res, pipeline.MetricReadErrors); ok && n > 0 {
		fmt.Fprintf(os.Stderr, "hearsay-beam: %d inputs or records could not be read (see the log)\n", n)
		os.Exit(1)
	}
}
