package pipeline

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/hearsaylab/hearsay/link"
	"github.com/hearsaylab/hearsay/link/story"
)

// storiesFn clusters the whole corpus into stories on one worker. Story
// clustering is a sequential online algorithm whose result depends on the
// order of the documents, so it is given every document in input order, as
// `hearsay analyze` gives them: the inputs are kept in a spill file while
// they arrive, sorted by place, and fed to a story.Batch, which keeps only
// their feature counts.
type storiesFn struct{}

// ProcessElement clusters the stories. It emits them for the writer, and
// for every story of two or more documents, one (document name, story
// number) per mention: the groups link.LinkGroup is called on.
func (storiesFn) ProcessElement(_ int, ins func(*storyIn) bool, emit func(int, partRec), member func(string, int)) (err error) {
	sp, err := newSpill("hearsay-beam-stories-*.json")
	if err != nil {
		return err
	}
	defer func() {
		if cerr := sp.close(); err == nil {
			err = cerr
		}
	}()
	var ents []entry
	var in storyIn
	for ins(&in) {
		b, err := json.Marshal(in)
		if err != nil {
			return fmt.Errorf("stories: %w", err)
		}
		off, err := sp.add(b)
		if err != nil {
			return fmt.Errorf("stories: %w", err)
		}
		ents = append(ents, entry{pos: in.Pos, off: off, len: int64(len(b))})
	}
	if err := sp.flush(); err != nil {
		return fmt.Errorf("stories: %w", err)
	}
	slices.SortStableFunc(ents, func(a, b entry) int { return cmp.Compare(a.pos, b.pos) })
	batch := story.NewBatch(story.DefaultParams())
	for _, e := range ents {
		b, err := sp.get(e.off, e.len)
		if err != nil {
			return fmt.Errorf("stories: %w", err)
		}
		var in storyIn
		if err := json.Unmarshal(b, &in); err != nil {
			return fmt.Errorf("stories: reading back: %w", err)
		}
		batch.Add(story.Doc{ID: in.ID, Title: in.Title, Date: in.Date, Body: in.Body})
	}
	found, err := batch.Stories()
	if err != nil {
		return fmt.Errorf("stories: %w", err)
	}
	stories := []link.Story{}
	for i, s := range found {
		stories = append(stories, link.Story{Label: s.Label, Docs: s.Docs})
		if len(s.Docs) >= 2 {
			for _, name := range s.Docs {
				member(name, i)
			}
		}
	}
	b, err := json.Marshal(stories)
	if err != nil {
		return fmt.Errorf("encoding stories: %w", err)
	}
	emit(0, partRec{Kind: partStories, Data: b})
	return nil
}
