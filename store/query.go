package store

// Query is a search over the stored corpus: free text (full-text search
// over document bodies, titles, quotations and claims) narrowed by filters.
// The zero value matches everything.
type Query struct {
	Text      string // free text; words are ANDed
	Speaker   string // quotations whose speaker contains this (case-insensitive)
	Outlet    string // documents whose outlet contains this (case-insensitive)
	Anonymous *bool  // quotations by anonymous (true) or named (false) sources
	Limit     int    // most hits returned; 0 means 100
}

// Hit is one search result: a document, or a quotation, claim or number in
// one. Start and End are byte offsets into the document's body.
type Hit struct {
	Doc       string `json:"doc"`
	Kind      string `json:"kind"`  // "document", "quote", "claim" or "number"
	Index     int    `json:"index"` // index into the document's quotes, claims or numbers; -1 for a document
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
	Speaker   string `json:"speaker,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Anonymous bool   `json:"anonymous,omitempty"`
	Snippet   string `json:"snippet"` // a short excerpt of the body around the hit, plain text
}
