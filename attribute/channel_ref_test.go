package attribute

import (
	"testing"

	"github.com/hearsaylab/hearsay/internal/testtexts"
)

// outletOverlapsRef reports whether an outlet mention overlaps [start, end).
func (d *doc) outletOverlapsRef(start, end int) bool {
	for _, o := range d.in.Outlets {
		if o.Start < end && o.End > start {
			return true
		}
	}
	return false
}

// channelOutletRef is channelOutlet as it was before it looked only at
// the outlets over the sentence: it finds an outlet named in nt as the medium: "told the FT",
// "according to Le Monde"; "" if none.
func (d *doc) channelOutletRef(nt []ntok, at attribution) string {
	for i, t := range nt {
		if t.q >= 0 {
			continue
		}
		om, ok := d.outletAt(t.start)
		if !ok || om.Canonical == at.speaker {
			continue
		}
		j := d.outletLead(nt, i)
		if j < 0 || nt[j].q >= 0 {
			continue
		}
		switch d.lw(&nt[j]) {
		case "told", "tells", "tell", "telling", "to", "by", "with", "in", "for":
			if d.lw(&nt[j]) == "in" && !d.wroteIn(nt, j) {
				continue
			}
			return om.Canonical
		}
		if j >= 1 && d.lw(&nt[j]) == "to" && d.lw(&nt[j-1]) == "according" {
			return om.Canonical
		}
	}
	return ""
}

// channelRef is channel as it was before it looked only at the outlets over
// the sentence for an outlet as the medium: the oracle of TestChannelRef
// and FuzzChannel.
func (d *doc) channelRef(nt []ntok, at attribution) string {
	if len(nt) == 0 {
		return ""
	}
	if d.outletOverlapsRef(nt[0].start, nt[len(nt)-1].end) {
		if ch := d.channelOutletRef(nt, at); ch != "" {
			return ch
		}
	}
	best := -1
	for i := range nt {
		if !nt[i].is(fChannel) {
			continue
		}
		wi := d.info(&nt[i])
		if !channelMayStartRef(nt, i, wi) {
			continue
		}
		for _, p := range wi.channels {
			if best >= 0 && p >= best {
				break
			}
			if matchIDsAt(nt, i, d.vocab.channelIDs[p]) {
				best = p
				break
			}
		}
	}
	if best >= 0 {
		return d.lx.channels[best].channel
	}
	return ""
}

// channelMayStartRef is channelMayStart as it was before it read the
// next token once: the oracle of it in channelRef.
func channelMayStartRef(nt []ntok, i int, wi *wordInfo) bool {
	for _, id := range wi.channelNext {
		if id == 0 || i+1 < len(nt) && nt[i+1].q < 0 && nt[i+1].wid == id {
			return true
		}
	}
	return false
}

// checkChannel fails t if channel finds another medium than its oracle in
// a sentence of body, or in its part before a quotation, for no speaker
// and for each outlet named in it as the speaker.
func checkChannel(t *testing.T, a *Attributor, in Input) {
	d := a.newDoc(in)
	defer a.release(d)
	speakers := []string{""}
	for _, o := range d.in.Outlets {
		speakers = append(speakers, o.Canonical)
	}
	for si := range d.in.Sentences {
		nt := d.narration(si)
		for end := len(nt); end >= 0; end-- {
			if end < len(nt) && nt[end].q < 0 {
				continue // the whole narration, and its parts before a quotation
			}
			for _, sp := range speakers {
				at := attribution{speaker: sp}
				if got, want := d.channel(nt[:end], at.speaker), d.channelRef(nt[:end], at); got != want {
					t.Fatalf("%.60q: sentence %d to %d, speaker %q: channel %q, want %q", in.Body, si, end, sp, got, want)
				}
			}
		}
	}
}

var channelSeeds = []string{
	"He told the Financial Times that “it works”, and told Reuters so in an interview.",
	"According to the BBC, she said “no” to The Guardian in a tweet.",
}

// TestChannelRef compares channel with its oracle on the example articles
// and on sentences made for it, with the outlets the engine would find.
func TestChannelRef(t *testing.T) {
	a := testAttributor(t)
	for _, text := range append(testtexts.Examples(t), channelSeeds...) {
		checkChannel(t, a, channelInput(t, a, text))
	}
}

// FuzzChannel compares channel with its oracle on any text.
func FuzzChannel(f *testing.F) {
	for _, s := range channelSeeds {
		f.Add(s)
	}
	a := testAttributor(f)
	f.Fuzz(func(t *testing.T, body string) {
		checkChannel(t, a, channelInput(t, a, body))
	})
}

// channelInput is testInput with outlets: every word of body in capitals
// but its first letter, alone and with the word after it, overlapping ones
// among them, the first few named as platforms.
func channelInput(t testing.TB, a *Attributor, body string) Input {
	in := testInput(t, a, body)
	toks := in.Tokens
	for i, tok := range toks {
		if c := body[tok.Start]; c < 'A' || c > 'Z' {
			continue
		}
		in.Outlets = append(in.Outlets, OutletMention{Start: tok.Start, End: tok.End,
			Canonical: body[tok.Start:tok.End], Platform: len(in.Outlets) < 2})
		if i+1 < len(toks) {
			in.Outlets = append(in.Outlets, OutletMention{Start: tok.Start, End: toks[i+1].End,
				Canonical: body[tok.Start:toks[i+1].End]})
		}
	}
	return in
}
