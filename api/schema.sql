-- Verbatim schema. Applied once by api.db.init_schema(); bump SCHEMA_VERSION in api/db.py on change.
-- Derived rows that older databases lack are filled by `INSERT … WITH todo AS (SELECT 1 WHERE
-- <nothing there yet>) SELECT … FROM todo CROSS JOIN <table>`: once filled, `todo` is empty and
-- no row of the big table is read (a plain WHERE NOT EXISTS still scans it, ~1 s at 1M quotes).
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
    language TEXT,                       -- ISO 639-1 code ("en"); NULL when unknown
    notes TEXT,
    text TEXT NOT NULL,
    length INTEGER NOT NULL,             -- code points
    created_at TEXT NOT NULL,
    html_sha256 TEXT                     -- SHA-256 of the HTML page the text was extracted from
);
DROP INDEX IF EXISTS sources_published;  -- schema 1 indexed (published, id), not the list order
CREATE INDEX IF NOT EXISTS sources_list_order ON sources (coalesce(published, ''), id);
CREATE INDEX IF NOT EXISTS sources_outlet ON sources (outlet, published, id);
-- outlet filters match case-insensitively (outlet COLLATE NOCASE IN ...): without this index each
-- one scans every source
CREATE INDEX IF NOT EXISTS sources_outlet_nocase ON sources (outlet COLLATE NOCASE);
-- the language filter, read in list order (schema 8)
CREATE INDEX IF NOT EXISTS sources_language ON sources (language, coalesce(published, ''), id);

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
    date_precision TEXT,                 -- day | month ("in August": its 1st); NULL when no date
    outlet TEXT NOT NULL,                -- copied from the source so filters and sorts use one index
    language TEXT,                       -- copied from the source likewise (schema 8)
    created_at TEXT NOT NULL,
    CHECK (0 <= start AND start <= "end")
);
CREATE INDEX IF NOT EXISTS quotes_date ON quotes (date, id);
CREATE INDEX IF NOT EXISTS quotes_speaker_date ON quotes (speaker_id, date, id);
-- a speaker's outlets, counted from the index alone (95 -> 32 ms for a speaker of 47k quotes)
CREATE INDEX IF NOT EXISTS quotes_speaker_outlet ON quotes (speaker_id, outlet);
CREATE INDEX IF NOT EXISTS quotes_outlet_date ON quotes (outlet, date, id);
-- outlet too, so an outlet facet over a kind and a few days is read from the index alone
CREATE INDEX IF NOT EXISTS quotes_kind_date_outlet ON quotes (kind, date, id, outlet);
DROP INDEX IF EXISTS quotes_kind_date;  -- schema 4's, without outlet
CREATE INDEX IF NOT EXISTS quotes_source_start ON quotes (source_id, start);
CREATE INDEX IF NOT EXISTS quotes_language_date ON quotes (language, date, id);

-- Substring search on speaker names and aliases (`/v1/speakers?name=`) without a LIKE scan.
CREATE VIRTUAL TABLE IF NOT EXISTS speaker_aliases_fts USING fts5 (
    alias, speaker_id UNINDEXED, tokenize = 'trigram'
);
CREATE TRIGGER IF NOT EXISTS speaker_aliases_fts_insert AFTER INSERT ON speaker_aliases BEGIN
    INSERT INTO speaker_aliases_fts (alias, speaker_id) VALUES (new.alias, new.speaker_id);
END;
CREATE TRIGGER IF NOT EXISTS speaker_aliases_fts_delete AFTER DELETE ON speaker_aliases BEGIN
    DELETE FROM speaker_aliases_fts WHERE alias = old.alias AND speaker_id = old.speaker_id;
END;
INSERT INTO speaker_aliases_fts (alias, speaker_id)
    WITH todo AS (SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM speaker_aliases_fts))
    SELECT alias, speaker_id FROM todo CROSS JOIN speaker_aliases
   ;

-- Counts kept by triggers, so totals, unfiltered facets, /v1/outlets and /healthz read a few
-- rows instead of counting a million. dimension: all | speaker | outlet | kind | year for quotes,
-- sources | source_outlet for sources; value '' stands for none (no speaker, no date).
CREATE TABLE IF NOT EXISTS corpus_stats (
    dimension TEXT NOT NULL,
    value TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (dimension, value)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS corpus_stats_top ON corpus_stats (dimension, count);
CREATE TRIGGER IF NOT EXISTS corpus_stats_quote_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO corpus_stats (dimension, value, count) VALUES
        ('all', '', 1), ('speaker', coalesce(new.speaker_id, ''), 1), ('outlet', new.outlet, 1),
        ('kind', new.kind, 1), ('year', substr(new.date, 1, 4), 1),
        ('speaker_outlet', coalesce(new.speaker_id, '') || char(31) || new.outlet, 1)
        ON CONFLICT (dimension, value) DO UPDATE SET count = count + 1;
END;
CREATE TRIGGER IF NOT EXISTS corpus_stats_quote_delete AFTER DELETE ON quotes BEGIN
    UPDATE corpus_stats SET count = count - 1 WHERE (dimension, value) IN (VALUES
        ('all', ''), ('speaker', coalesce(old.speaker_id, '')), ('outlet', old.outlet),
        ('kind', old.kind), ('year', substr(old.date, 1, 4)),
        ('speaker_outlet', coalesce(old.speaker_id, '') || char(31) || old.outlet));
    DELETE FROM corpus_stats WHERE count <= 0 AND dimension IN
        ('all', 'speaker', 'outlet', 'kind', 'year', 'speaker_outlet');
END;
CREATE TRIGGER IF NOT EXISTS corpus_stats_quote_update
AFTER UPDATE OF speaker_id, outlet, kind, date ON quotes BEGIN
    UPDATE corpus_stats SET count = count - 1 WHERE (dimension, value) IN (VALUES
        ('speaker', coalesce(old.speaker_id, '')), ('outlet', old.outlet), ('kind', old.kind),
        ('year', substr(old.date, 1, 4)),
        ('speaker_outlet', coalesce(old.speaker_id, '') || char(31) || old.outlet));
    INSERT INTO corpus_stats (dimension, value, count) VALUES
        ('speaker', coalesce(new.speaker_id, ''), 1), ('outlet', new.outlet, 1),
        ('kind', new.kind, 1), ('year', substr(new.date, 1, 4), 1),
        ('speaker_outlet', coalesce(new.speaker_id, '') || char(31) || new.outlet, 1)
        ON CONFLICT (dimension, value) DO UPDATE SET count = count + 1;
    DELETE FROM corpus_stats WHERE count <= 0 AND dimension IN
        ('speaker', 'outlet', 'kind', 'year', 'speaker_outlet');
END;
CREATE TRIGGER IF NOT EXISTS corpus_stats_source_insert AFTER INSERT ON sources BEGIN
    INSERT INTO corpus_stats (dimension, value, count) VALUES
        ('sources', '', 1), ('source_outlet', new.outlet, 1)
        ON CONFLICT (dimension, value) DO UPDATE SET count = count + 1;
END;
CREATE TRIGGER IF NOT EXISTS corpus_stats_source_delete AFTER DELETE ON sources BEGIN
    UPDATE corpus_stats SET count = count - 1 WHERE (dimension, value) IN (VALUES
        ('sources', ''), ('source_outlet', old.outlet));
    DELETE FROM corpus_stats WHERE count <= 0 AND dimension IN ('sources', 'source_outlet');
END;
-- Databases made before these counts existed: count once (a no-op when there are counts).
INSERT INTO corpus_stats (dimension, value, count)
    WITH todo AS (SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM corpus_stats))
    SELECT 'all', '', count(*) FROM todo CROSS JOIN quotes
    HAVING count(*) > 0
    UNION ALL SELECT 'speaker', coalesce(speaker_id, ''), count(*) FROM todo CROSS JOIN quotes
    GROUP BY 2
    UNION ALL SELECT 'outlet', outlet, count(*) FROM todo CROSS JOIN quotes
    GROUP BY 2
    UNION ALL SELECT 'kind', kind, count(*) FROM todo CROSS JOIN quotes
    GROUP BY 2
    UNION ALL SELECT 'year', substr(date, 1, 4), count(*) FROM todo CROSS JOIN quotes
    GROUP BY 2
    UNION ALL SELECT 'sources', '', count(*) FROM todo CROSS JOIN sources
    HAVING count(*) > 0
    UNION ALL SELECT 'source_outlet', outlet, count(*) FROM todo CROSS JOIN sources
    GROUP BY 2;
-- Schema 5 added the speaker_outlet counts (a speaker's quotes per outlet): count them once.
INSERT INTO corpus_stats (dimension, value, count)
    WITH todo AS (SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM corpus_stats
                                             WHERE dimension = 'speaker_outlet'))
    SELECT 'speaker_outlet', coalesce(speaker_id, '') || char(31) || outlet, count(*)
    FROM todo CROSS JOIN quotes
    GROUP BY 2;

-- Quote counts by kind, outlet and year, by kind, outlet and month, and by kind and month
-- (trigger-kept, like corpus_stats): the total and the kind/outlet/year facets of a filter on
-- kinds, outlets and dates add up whole years and months here and count only the days of the
-- partial months at either end in the quotes indexes (api/store/counts.py _cube_tally).
CREATE TABLE IF NOT EXISTS quote_cube_years (
    kind TEXT NOT NULL,
    year TEXT NOT NULL,                  -- substr(date, 1, 4): 'YYYY', '' when undated
    outlet TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (kind, year, outlet)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS quote_cube_years_outlet ON quote_cube_years (outlet, year, kind, count);
CREATE TABLE IF NOT EXISTS quote_cube (
    kind TEXT NOT NULL,
    month TEXT NOT NULL,                 -- substr(date, 1, 7): 'YYYY-MM', '' when undated
    outlet TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (kind, month, outlet)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS quote_cube_outlet ON quote_cube (outlet, month, kind, count);
CREATE TABLE IF NOT EXISTS quote_months (
    kind TEXT NOT NULL,
    month TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (kind, month)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS quote_cube_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quote_cube_years (kind, year, outlet, count)
        VALUES (new.kind, substr(new.date, 1, 4), new.outlet, 1)
        ON CONFLICT (kind, year, outlet) DO UPDATE SET count = count + 1;
    INSERT INTO quote_cube (kind, month, outlet, count)
        VALUES (new.kind, substr(new.date, 1, 7), new.outlet, 1)
        ON CONFLICT (kind, month, outlet) DO UPDATE SET count = count + 1;
    INSERT INTO quote_months (kind, month, count) VALUES (new.kind, substr(new.date, 1, 7), 1)
        ON CONFLICT (kind, month) DO UPDATE SET count = count + 1;
END;
CREATE TRIGGER IF NOT EXISTS quote_cube_delete AFTER DELETE ON quotes BEGIN
    UPDATE quote_cube_years SET count = count - 1
        WHERE (kind, year, outlet) = (old.kind, substr(old.date, 1, 4), old.outlet);
    DELETE FROM quote_cube_years WHERE count <= 0
        AND (kind, year, outlet) = (old.kind, substr(old.date, 1, 4), old.outlet);
    UPDATE quote_cube SET count = count - 1
        WHERE (kind, month, outlet) = (old.kind, substr(old.date, 1, 7), old.outlet);
    DELETE FROM quote_cube WHERE count <= 0
        AND (kind, month, outlet) = (old.kind, substr(old.date, 1, 7), old.outlet);
    UPDATE quote_months SET count = count - 1
        WHERE (kind, month) = (old.kind, substr(old.date, 1, 7));
    DELETE FROM quote_months WHERE count <= 0
        AND (kind, month) = (old.kind, substr(old.date, 1, 7));
END;
CREATE TRIGGER IF NOT EXISTS quote_cube_update AFTER UPDATE OF outlet, kind, date ON quotes BEGIN
    UPDATE quote_cube_years SET count = count - 1
        WHERE (kind, year, outlet) = (old.kind, substr(old.date, 1, 4), old.outlet);
    INSERT INTO quote_cube_years (kind, year, outlet, count)
        VALUES (new.kind, substr(new.date, 1, 4), new.outlet, 1)
        ON CONFLICT (kind, year, outlet) DO UPDATE SET count = count + 1;
    DELETE FROM quote_cube_years WHERE count <= 0
        AND (kind, year, outlet) = (old.kind, substr(old.date, 1, 4), old.outlet);
    UPDATE quote_cube SET count = count - 1
        WHERE (kind, month, outlet) = (old.kind, substr(old.date, 1, 7), old.outlet);
    INSERT INTO quote_cube (kind, month, outlet, count)
        VALUES (new.kind, substr(new.date, 1, 7), new.outlet, 1)
        ON CONFLICT (kind, month, outlet) DO UPDATE SET count = count + 1;
    DELETE FROM quote_cube WHERE count <= 0
        AND (kind, month, outlet) = (old.kind, substr(old.date, 1, 7), old.outlet);
    UPDATE quote_months SET count = count - 1
        WHERE (kind, month) = (old.kind, substr(old.date, 1, 7));
    INSERT INTO quote_months (kind, month, count) VALUES (new.kind, substr(new.date, 1, 7), 1)
        ON CONFLICT (kind, month) DO UPDATE SET count = count + 1;
    DELETE FROM quote_months WHERE count <= 0
        AND (kind, month) = (old.kind, substr(old.date, 1, 7));
END;
-- Databases made before schema 5: count once (a no-op when the tables have rows).
INSERT INTO quote_cube_years (kind, year, outlet, count)
    WITH todo AS (SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM quote_cube_years))
    SELECT kind, substr(date, 1, 4), outlet, count(*) FROM todo CROSS JOIN quotes
    GROUP BY 1, 2, 3;
INSERT INTO quote_cube (kind, month, outlet, count)
    WITH todo AS (SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM quote_cube))
    SELECT kind, substr(date, 1, 7), outlet, count(*) FROM todo CROSS JOIN quotes
    GROUP BY 1, 2, 3;
INSERT INTO quote_months (kind, month, count)
    WITH todo AS (SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM quote_months))
    SELECT kind, substr(date, 1, 7), count(*) FROM todo CROSS JOIN quotes
    GROUP BY 1, 2;

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

-- English stemming (porter) over the same words: "smear" finds "smearing" and "smeared".
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5 (
    text,
    content = 'quotes',
    content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
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
    WITH todo AS (SELECT 1 WHERE (SELECT count(*) FROM sources)
                                 != (SELECT count(*) FROM sources_fts_map))
    SELECT id FROM todo CROSS JOIN sources WHERE id NOT IN (SELECT source_id FROM sources_fts_map);
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
-- Each source's normalised words (api/provenance/normalize.py: the text as compared, and the gap
-- before each word, so offsets map back without re-reading the whole source). A check rules out
-- most candidates from `text` alone. Derived data: written with the source, filled for older
-- sources by `python -m api reindex`; rows of another `version` are ignored.
CREATE TABLE IF NOT EXISTS provenance_forms (
    source_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,            -- api.provenance.normalize.FORM_VERSION
    text TEXT NOT NULL,
    gaps BLOB                            -- NULL: normalise the source text itself
);
CREATE TRIGGER IF NOT EXISTS provenance_forms_delete AFTER DELETE ON sources BEGIN
    DELETE FROM provenance_forms WHERE source_id = old.id;
END;
CREATE TRIGGER IF NOT EXISTS provenance_forms_update AFTER UPDATE OF text ON sources BEGIN
    DELETE FROM provenance_forms WHERE source_id = old.id;
END;
