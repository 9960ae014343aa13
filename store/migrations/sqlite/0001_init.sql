-- hearsay store, SQLite schema 1. Keep the logical schema in step with
-- migrations/postgres/0001_init.sql: same tables, columns and meanings.

-- Documents, one row per distinct source (hash), never updated.
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    hash        TEXT    NOT NULL UNIQUE,      -- SourceHash of the input
    name        TEXT    NOT NULL,             -- article.Document.Doc
    title       TEXT,
    outlet      TEXT,
    outlet_fold TEXT    NOT NULL DEFAULT '',  -- lower-cased outlet, for filters
    date        TEXT,
    url         TEXT,
    body        TEXT    NOT NULL,
    doc         TEXT    NOT NULL,             -- the article.Document as JSON
    added_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE quotes (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,         -- index into the document's quotes
    text            TEXT    NOT NULL,
    span_start      INTEGER NOT NULL,
    span_end        INTEGER NOT NULL,
    speaker         TEXT,
    speaker_fold    TEXT    NOT NULL DEFAULT '',
    speaker_mention TEXT,
    anonymous       INTEGER NOT NULL,         -- 0 or 1
    cue             TEXT,
    channel         TEXT,
    block           INTEGER NOT NULL,         -- 0 or 1
    UNIQUE (document_id, idx)
);

CREATE TABLE claims (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    cue         TEXT    NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    UNIQUE (document_id, idx)
);

CREATE TABLE numbers (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    value       REAL    NOT NULL,
    value_high  REAL,
    qualifier   TEXT,
    kind        TEXT    NOT NULL,
    counts      TEXT    NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    UNIQUE (document_id, idx)
);

-- Full-text search: FTS5 indexes over the tables above (external content,
-- kept current by triggers; rows are only ever inserted and deleted).
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, body, content = 'documents', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text, content = 'quotes', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE claims_fts USING fts5 (
    text, content = 'claims', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE numbers_fts USING fts5 (
    text, counts, content = 'numbers', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER numbers_fts_insert AFTER INSERT ON numbers BEGIN
    INSERT INTO numbers_fts (rowid, text, counts) VALUES (new.id, new.text, new.counts);
END;
CREATE TRIGGER numbers_fts_delete AFTER DELETE ON numbers BEGIN
    INSERT INTO numbers_fts (numbers_fts, rowid, text, counts) VALUES ('delete', old.id, old.text, old.counts);
END;

-- The latest cross-document analysis, replaced as a whole by SaveAnalysis.
-- analysis has at most one row; nulls lists the corpus lists that were JSON
-- null (rather than empty), comma-separated, so LoadCorpus restores them.
CREATE TABLE analysis (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    saved_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    documents INTEGER NOT NULL,
    nulls     TEXT    NOT NULL DEFAULT ''
);

-- The analysed documents in corpus order. doc_override holds the document
-- JSON when the analysed document differs from the stored one (link.Analyze
-- turns null lists into empty ones), else NULL.
CREATE TABLE analysis_docs (
    position     INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents (id),
    doc_override TEXT
);
CREATE INDEX analysis_docs_document ON analysis_docs (document_id);

CREATE TABLE duplicates (
    position   INTEGER PRIMARY KEY,
    docs       TEXT NOT NULL,                 -- JSON array of document names
    similarity REAL NOT NULL
);

CREATE TABLE stories (
    position INTEGER PRIMARY KEY,
    label    TEXT NOT NULL,
    docs     TEXT NOT NULL                    -- JSON array of document names
);

CREATE TABLE story_members (
    story    INTEGER NOT NULL REFERENCES stories (position) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    doc      TEXT    NOT NULL,
    PRIMARY KEY (story, position)
);
CREATE INDEX story_members_doc ON story_members (doc);

CREATE TABLE quote_clusters (
    position          INTEGER PRIMARY KEY,
    label             TEXT NOT NULL,
    speaker           TEXT NOT NULL,
    primary_source    TEXT NOT NULL,
    primary_source_id TEXT NOT NULL,
    members           TEXT NOT NULL,          -- JSON []link.QuoteMember
    coverage          TEXT NOT NULL           -- JSON link.Coverage
);

CREATE TABLE claim_clusters (
    position          INTEGER PRIMARY KEY,
    label             TEXT NOT NULL,
    primary_source    TEXT NOT NULL,
    primary_source_id TEXT NOT NULL,
    members           TEXT NOT NULL,          -- JSON []link.ClaimMember
    coverage          TEXT NOT NULL
);

CREATE TABLE number_conflicts (
    position INTEGER PRIMARY KEY,
    counts   TEXT NOT NULL,
    severity TEXT NOT NULL,
    members  TEXT NOT NULL,                   -- JSON []link.NumberMember
    coverage TEXT NOT NULL
);

CREATE TABLE provenance_nodes (
    position INTEGER PRIMARY KEY,
    node_id  TEXT NOT NULL,
    kind     TEXT NOT NULL
);

CREATE TABLE provenance_edges (
    position  INTEGER PRIMARY KEY,
    from_node TEXT NOT NULL,
    to_node   TEXT NOT NULL,
    via       TEXT NOT NULL
);
CREATE INDEX provenance_edges_from ON provenance_edges (from_node);
CREATE INDEX provenance_edges_to ON provenance_edges (to_node);
