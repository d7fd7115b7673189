-- Verbatim schema. Applied once by api.db.init_schema(); bump SCHEMA_VERSION in api/db.py on change.
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS sources (
    id TEXT PRIMARY KEY,                 -- "s_" + first 12 hex of sha256: stable across rebuilds
    sha256 TEXT NOT NULL UNIQUE,
    outlet TEXT NOT NULL,
    publisher TEXT,
    title TEXT,
    author TEXT,
    url TEXT,
    published TEXT,                      -- ISO date or NULL
    language TEXT,
    notes TEXT,
    text TEXT NOT NULL,
    length INTEGER NOT NULL,             -- code points
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sources_published ON sources (published, id);
CREATE INDEX IF NOT EXISTS sources_outlet ON sources (outlet, published, id);
-- outlet filters match case-insensitively (outlet COLLATE NOCASE IN ...): without this index each
-- one scans every source
CREATE INDEX IF NOT EXISTS sources_outlet_nocase ON sources (outlet COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS speakers (
    id TEXT PRIMARY KEY,                 -- slug of the canonical name
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'anonymous')),
    roles TEXT NOT NULL DEFAULT '[]'     -- JSON list, as written in the sources
);
CREATE INDEX IF NOT EXISTS speakers_name ON speakers (name COLLATE NOCASE, id);

CREATE TABLE IF NOT EXISTS speaker_aliases (
    alias TEXT NOT NULL COLLATE NOCASE,  -- a name as written: "Wang", "Wang Wenbin"
    speaker_id TEXT NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
    PRIMARY KEY (alias, speaker_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS speaker_aliases_speaker ON speaker_aliases (speaker_id);

CREATE TABLE IF NOT EXISTS quotes (
    seq INTEGER PRIMARY KEY,             -- explicit rowid: VACUUM must not renumber what FTS points at
    id TEXT NOT NULL UNIQUE,             -- "q_" + hash of (source sha256, start, end)
    source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    speaker_id TEXT REFERENCES speakers (id),
    kind TEXT NOT NULL CHECK (kind IN ('full', 'partial', 'indirect')),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    start_utf16 INTEGER NOT NULL,
    end_utf16 INTEGER NOT NULL,
    text TEXT NOT NULL,
    prefix TEXT NOT NULL,
    suffix TEXT NOT NULL,
    cue TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    role TEXT,                           -- the speaker's role as written in this source
    mention TEXT,                        -- the speaker as named at the cue: "he", "Wang"
    date TEXT NOT NULL,                  -- ISO date of the statement; '' when unknown (sorts first)
    date_basis TEXT,                     -- stated | relative | published
    outlet TEXT NOT NULL,                -- copied from the source so filters and sorts use one index
    created_at TEXT NOT NULL,
    CHECK (0 <= start AND start <= "end")
);
CREATE INDEX IF NOT EXISTS quotes_date ON quotes (date, id);
CREATE INDEX IF NOT EXISTS quotes_speaker_date ON quotes (speaker_id, date, id);
-- a speaker's outlets, counted from the index alone (95 -> 32 ms for a speaker of 47k quotes)
CREATE INDEX IF NOT EXISTS quotes_speaker_outlet ON quotes (speaker_id, outlet);
CREATE INDEX IF NOT EXISTS quotes_outlet_date ON quotes (outlet, date, id);
CREATE INDEX IF NOT EXISTS quotes_kind_date ON quotes (kind, date, id);
CREATE INDEX IF NOT EXISTS quotes_source_start ON quotes (source_id, start);

-- Every editorial write, newest last; a deleted quote keeps its history here and answers 410.
CREATE TABLE IF NOT EXISTS quote_history (
    seq INTEGER PRIMARY KEY,
    quote_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    actor TEXT NOT NULL,                 -- the name of the token that made the write
    at TEXT NOT NULL,
    before TEXT,                         -- JSON of the quote before the write (NULL on create)
    after TEXT                           -- JSON after the write (NULL on delete)
);
CREATE INDEX IF NOT EXISTS quote_history_quote ON quote_history (quote_id, seq);

CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5 (
    text,
    content = 'quotes',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text) VALUES (new.seq, new.text);
END;
CREATE TRIGGER IF NOT EXISTS quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.seq, old.text);
END;
CREATE TRIGGER IF NOT EXISTS quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.seq, old.text);
    INSERT INTO quotes_fts (rowid, text) VALUES (new.seq, new.text);
END;

-- Provenance indexes
-- Full-text index over whole source texts, so a claim is found in the writer's narrative as well
-- as in quotes. Contentless (the text stays in sources only); its rowid is a stable integer from
-- sources_fts_map, because the implicit rowid of sources may change on VACUUM.
CREATE TABLE IF NOT EXISTS sources_fts_map (
    seq INTEGER PRIMARY KEY,
    source_id TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE IF NOT EXISTS sources_fts USING fts5 (
    text,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Document frequency of every indexed term: a check picks the claim's rarest words to search.
CREATE VIRTUAL TABLE IF NOT EXISTS sources_fts_vocab USING fts5vocab (sources_fts, 'row');
CREATE TRIGGER IF NOT EXISTS sources_fts_map_insert AFTER INSERT ON sources_fts_map BEGIN
    INSERT INTO sources_fts (rowid, text) SELECT new.seq, text FROM sources WHERE id = new.source_id;
END;
CREATE TRIGGER IF NOT EXISTS sources_fts_insert AFTER INSERT ON sources BEGIN
    INSERT INTO sources_fts_map (source_id) VALUES (new.id);
END;
CREATE TRIGGER IF NOT EXISTS sources_fts_delete AFTER DELETE ON sources BEGIN
    INSERT INTO sources_fts (sources_fts, rowid, text)
        SELECT 'delete', seq, old.text FROM sources_fts_map WHERE source_id = old.id;
    DELETE FROM sources_fts_map WHERE source_id = old.id;
END;
CREATE TRIGGER IF NOT EXISTS sources_fts_update AFTER UPDATE OF text ON sources BEGIN
    INSERT INTO sources_fts (sources_fts, rowid, text)
        SELECT 'delete', seq, old.text FROM sources_fts_map WHERE source_id = old.id;
    INSERT INTO sources_fts (rowid, text)
        SELECT seq, new.text FROM sources_fts_map WHERE source_id = new.id;
END;
-- Databases built before this index existed: index their sources once (a no-op afterwards).
INSERT INTO sources_fts_map (source_id)
    SELECT id FROM sources WHERE id NOT IN (SELECT source_id FROM sources_fts_map);
-- The corpus's common words (in >= 10 % of sources) and 3-word shingles over runs of them, so a
-- claim made only of common words is found without reading their long posting lists. Derived
-- data: new sources are shingled as they are stored; api/store/provenance_index.py rebuilds it.
CREATE TABLE IF NOT EXISTS provenance_common_terms (
    term TEXT PRIMARY KEY,
    doc INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS provenance_shingles (
    hash INTEGER NOT NULL,
    seq INTEGER NOT NULL,                -- sources_fts_map.seq
    PRIMARY KEY (hash, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS provenance_frequent_shingles (
    hash INTEGER PRIMARY KEY             -- in too many sources to narrow a search
);
