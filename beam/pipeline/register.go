package pipeline

import (
	"context"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

// Every function, DoFn, emitter and iterator the pipeline uses is
// registered, so that workers (a remote runner's, or prism's loopback
// worker) call them without reflection and find them by name.
func init() {
	register.Function3x1[context.Context, input, func(srcRec), error](readInput)
	register.DoFn2x1[srcRec, func(docRec), error](&extractFn{})
	register.DoFn4x1[docRec, func(string, sigRec), func(int, storyIn), func(string, rank), error](&featuresFn{})
	register.DoFn3x0[string, func(*sigRec) bool, func(int, partRec)](&bucketFn{})
	register.DoFn4x1[int, func(*storyIn) bool, func(int, partRec), func(string, int), error](&storiesFn{})
	register.Function2x1[rank, rank, rank](firstRank)
	register.Function1x2[docRec, string, docRec](keyByName)
	register.Function1x2[docRec, int, docRec](keyDoc)
	register.Function1x2[[]byte, int, partRec](startPart)
	register.Function1x2[string, int, partRec](graphPart)
	register.Function4x0[string, func(*docRec) bool, func(*int) bool, func(int, docRec)](joinStories)
	register.DoFn4x1[int, func(*docRec) bool, func(*string, *rank) bool, func(int, partRec), error](&linkFn{})
	register.DoFn3x1[docRec, func(*string, *rank) bool, func(string), error](&provenanceFn{})
	register.DoFn4x1[context.Context, int, func(*docRec) bool, func(*partRec) bool, error](&writeFn{})

	register.Emitter1[srcRec]()
	register.Emitter1[docRec]()
	register.Emitter1[string]()
	register.Emitter2[string, sigRec]()
	register.Emitter2[int, storyIn]()
	register.Emitter2[string, rank]()
	register.Emitter2[int, partRec]()
	register.Emitter2[string, int]()
	register.Emitter2[int, docRec]()
	register.Iter1[sigRec]()
	register.Iter1[storyIn]()
	register.Iter1[docRec]()
	register.Iter1[int]()
	register.Iter1[partRec]()
	register.Iter2[string, rank]()

	for _, t := range []any{input{}, srcRec{}, docRec{}, sigRec{}, storyIn{}, rank{}, partRec{}} {
		beam.RegisterType(reflect.TypeOf(t))
	}
}
