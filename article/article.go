// Package article defines the per-document record that hearsay's pipeline fills
// in and that `hearsay extract --json` prints: one Document per input, with every
// span given as half-open byte offsets into the cleaned body text.
//
// The JSON field names are a public interface (see spec/output.md in the shared
// folder): fields may be added, never renamed.
package article

// Source is one input article as the read stage hands it on: its name as given,
// the metadata found with it, and its text (HTML already reduced to text, with
// paragraphs separated by blank lines).
type Source struct {
	Name   string // file name, URL or "-" as given
	Title  string
	Outlet string
	Date   string // ISO 8601 date (YYYY-MM-DD) when known
	URL    string
	Text   string
}

// Document is everything hearsay extracts from one article.
type Document struct {
	Doc              string   `json:"doc"`
	Title            *string  `json:"title"`
	Outlet           *string  `json:"outlet"`
	Date             *string  `json:"date"`
	URL              *string  `json:"url"`
	Body             string   `json:"body"`
	Quotes           []Quote  `json:"quotes"`
	Claims           []Claim  `json:"claims"`
	Numbers          []Number `json:"numbers"`
	Entities         []Entity `json:"entities"`
	CitedOutlets     []string `json:"cited_outlets"`
	AnonymousSources []string `json:"anonymous_sources"`
	Framing          Framing  `json:"framing"`
}

// Quote is one quotation: the words inside the marks (or a block quotation
// without marks) and who they are attributed to.
type Quote struct {
	Text           string  `json:"text"`
	Start          int     `json:"start"`
	End            int     `json:"end"`
	Speaker        *string `json:"speaker"`         // canonical name, or an anonymous source's description
	SpeakerMention *string `json:"speaker_mention"` // how the attributing sentence names the speaker
	Anonymous      bool    `json:"anonymous"`
	Cue            *string `json:"cue"`     // attribution verb or phrase
	Channel        *string `json:"channel"` // medium the words were given through, canonical outlet name
	Block          bool    `json:"block"`   // a block quotation without marks
}

// Claim is reported speech without quotation marks ("X revealed that …").
type Claim struct {
	Text   string `json:"text"`
	Source string `json:"source"`
	Cue    string `json:"cue"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// Number is a cardinal quantity or an amount of money with what it counts.
type Number struct {
	Text      string   `json:"text"` // as written, with a leading qualifier and currency sign
	Value     float64  `json:"value"`
	ValueHigh *float64 `json:"value_high,omitempty"` // upper bound of a range
	Qualifier *string  `json:"qualifier"`            // at least, about, up to, roughly, …
	Kind      string   `json:"kind"`                 // count, money or distance
	Counts    string   `json:"counts"`               // the noun phrase counted
	Start     int      `json:"start"`
	End       int      `json:"end"`
}

// Entity is a named person, organization, outlet or place, with its mentions
// merged across aliases (Kiev/Kyiv, FT/Financial Times).
type Entity struct {
	Name      string   `json:"name"`
	Type      string   `json:"type"` // person, organization, outlet, place
	Mentions  [][2]int `json:"mentions"`
	Spellings []string `json:"spellings,omitempty"` // the forms this document used
}

// Framing is the evidence of how a document frames its story.
type Framing struct {
	Terms          []Term  `json:"terms"`
	Hedges         int     `json:"hedges"`
	HedgeWords     []Term  `json:"hedge_words,omitempty"`
	AnonymousShare float64 `json:"anonymous_share"`
}

// Term is one word or phrase of a framing family and how often it occurs.
type Term struct {
	Term   string `json:"term"`
	Family string `json:"family"`
	Count  int    `json:"count"`
}

// Span is a half-open byte range [Start, End) into a body text.
type Span struct {
	Start, End int
}

// Str returns a pointer to s, or nil when s is empty: the JSON null of the spec.
func Str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
