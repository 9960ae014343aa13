package link

import (
	"github.com/hearsaylab/hearsay/article"
	"github.com/hearsaylab/hearsay/link/provenance"
)

// Corpus is the cross-document analysis of a set of articles: the object
// `hearsay analyze --json` prints. Lists are never null.
type Corpus struct {
	Documents       []article.Document `json:"documents"`
	Duplicates      []Duplicate        `json:"duplicates"`
	Stories         []Story            `json:"stories"`
	QuoteClusters   []QuoteCluster     `json:"quote_clusters"`
	ClaimClusters   []ClaimCluster     `json:"claim_clusters"`
	NumberConflicts []NumberConflict   `json:"number_conflicts"`
	Provenance      provenance.Graph   `json:"provenance"`
}

// Duplicate is a set of near-identical documents.
type Duplicate struct {
	Docs       []string `json:"docs"`
	Similarity float64  `json:"similarity"`
}

// Story is a set of documents about one event.
type Story struct {
	Label string   `json:"label"`
	Docs  []string `json:"docs"`
}

// Coverage tells which documents of a story carry a linked quote, claim or
// number, and which leave it out.
type Coverage struct {
	CarriedBy   []string `json:"carried_by"`
	MissingFrom []string `json:"missing_from"`
}

// QuoteCluster is one utterance quoted in several documents.
type QuoteCluster struct {
	Label           string        `json:"label"`
	Speaker         string        `json:"speaker"`
	Members         []QuoteMember `json:"members"`
	PrimarySource   string        `json:"primary_source"`
	PrimarySourceID string        `json:"primary_source_id"`
	Coverage        Coverage      `json:"coverage"`
}

// QuoteMember is one quotation of a cluster; Quote indexes the document's
// quotes.
type QuoteMember struct {
	Doc   string `json:"doc"`
	Quote int    `json:"quote"`
	Text  string `json:"text"`
}

// ClaimCluster is one claim restated in several documents.
type ClaimCluster struct {
	Label           string        `json:"label"`
	Members         []ClaimMember `json:"members"`
	PrimarySource   string        `json:"primary_source"`
	PrimarySourceID string        `json:"primary_source_id"`
	Coverage        Coverage      `json:"coverage"`
}

// ClaimMember is one sentence of a claim cluster, as a span of the
// document's body.
type ClaimMember struct {
	Doc   string `json:"doc"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// NumberConflict is one counted thing given different values.
type NumberConflict struct {
	Counts   string         `json:"counts"`
	Severity string         `json:"severity"` // "hard" or "loose"
	Members  []NumberMember `json:"members"`
	Coverage Coverage       `json:"coverage"`
}

// NumberMember is one value of a conflict; Number indexes the document's
// numbers.
type NumberMember struct {
	Doc       string  `json:"doc"`
	Number    int     `json:"number"`
	Text      string  `json:"text"`
	Value     float64 `json:"value"`
	Qualifier *string `json:"qualifier"`
}
