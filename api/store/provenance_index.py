"""Derived provenance indexes: the corpus's common words and shingles over runs of them.

A new source is shingled in the transaction that stores it, with the common words known then.
Which words are common is recomputed by rebuild_index(): after a seed build, and by hand
(`python -m api reindex`) once the corpus has grown a lot. Checks only read these tables, so
they stay correct when the index is stale; only common-word claims get slower.

Each source's normalised form is stored with it too; rebuild_index() fills the forms of sources
stored without one (a database from before the table, or a bulk load). A source without a
current form is normalised at check time instead: slower, same answer.
"""
from __future__ import annotations

import sqlite_utils

from api.db import write_transaction
from api.provenance.normalize import FORM_VERSION, normalize, stored_offsets
from api.provenance.shingles import source_shingles
from api.store.kept import kept, kept_each

COMMON_SHARE = 0.10  # a word in at least 10 % of sources is common ...
COMMON_MIN_DOCS = 100  # ... and in at least this many, so a small corpus has no common words
BATCH = 2000
FREQUENT_SHINGLE_SHARE = 0.005  # a shingle in more sources than this share is not searched
SCAN_SHARE = 8  # a shingle held by up to 8 times as many sources as a query matches is read
# whole (0.15-0.25 us a row, against 0.5 us a probe; 2, 3 and 8 measure alike)
INSERT_FORM = ("INSERT OR REPLACE INTO provenance_forms (source_id, version, text, gaps) "
               "VALUES (?, ?, ?, ?)")


def rebuild_index(db: sqlite_utils.Database) -> None:
    """Recompute the common words and every source's shingles; merge the full-text index."""
    with write_transaction(db):
        total = db.execute("SELECT max(seq) FROM sources_fts_map").fetchone()[0] or 0
        least = max(COMMON_MIN_DOCS, int(total * COMMON_SHARE))
        db.execute("DELETE FROM provenance_common_terms")
        db.execute("INSERT INTO provenance_common_terms (term, doc) "
                   "SELECT term, doc FROM sources_fts_vocab WHERE doc >= ?", [least])
        db.execute("DELETE FROM provenance_shingles")
        _shingle_sources(db, frozenset(common_terms(db)))
        db.execute("DELETE FROM provenance_frequent_shingles")
        db.execute("INSERT INTO provenance_frequent_shingles (hash) SELECT hash "
                   "FROM provenance_shingles GROUP BY hash HAVING count(*) > ?",
                   [max(COMMON_MIN_DOCS, int(total * FREQUENT_SHINGLE_SHARE))])
        fill_forms(db)
        # One segment instead of dozens after bulk loads: FTS5 looks every term up in each
        # segment and merges their posting lists, for every query and fts5vocab count.
        db.execute("INSERT INTO sources_fts (sources_fts) VALUES ('optimize')")


def fill_forms(db: sqlite_utils.Database) -> int:
    """Store the normalised form of every source without a current one; return how many."""
    last, stored = 0, 0
    while True:
        rows = db.execute("SELECT s.rowid, s.id, s.text FROM sources s WHERE s.rowid > ? AND NOT "
                          "EXISTS (SELECT 1 FROM provenance_forms f WHERE f.source_id = s.id AND "
                          "f.version = ?) ORDER BY s.rowid LIMIT ?",
                          [last, FORM_VERSION, BATCH]).fetchall()
        if not rows:
            return stored
        db.conn.executemany(INSERT_FORM, [form_row(sid, text) for _, sid, text in rows])
        last, stored = rows[-1][0], stored + len(rows)


def form_row(source_id: str, text: str) -> tuple:
    """Return the provenance_forms row of a source."""
    norm = normalize(text)
    return source_id, FORM_VERSION, norm.text, stored_offsets(norm)


def _shingle_sources(db: sqlite_utils.Database, common: frozenset[str]) -> None:
    """Shingle every indexed source, in batches."""
    last = 0
    while True:
        rows = db.execute("SELECT m.seq, s.text FROM sources_fts_map m JOIN sources s "
                          "ON s.id = m.source_id WHERE m.seq > ? ORDER BY m.seq LIMIT ?",
                          [last, BATCH]).fetchall()
        if not rows:
            break
        pairs = sorted((value, seq) for seq, text in rows for value in source_shingles(text, common))
        db.conn.executemany("INSERT OR IGNORE INTO provenance_shingles (hash, seq) VALUES (?, ?)",
                            pairs)
        last = rows[-1][0]


def index_source(db: sqlite_utils.Database, source_id: str, text: str) -> None:
    """Store a new source's form and shingles (inside the caller's transaction)."""
    db.execute(INSERT_FORM, form_row(source_id, text))
    common = frozenset(common_terms(db))
    if not common:
        return
    seq = db.execute("SELECT seq FROM sources_fts_map WHERE source_id = ?", [source_id]).fetchone()[0]
    db.conn.executemany("INSERT OR IGNORE INTO provenance_shingles (hash, seq) VALUES (?, ?)",
                        [(value, seq) for value in sorted(source_shingles(text, common))])


def source_forms(db: sqlite_utils.Database,
                 source_ids: list[str]) -> dict[str, tuple[str, bytes | None]]:
    """Return the current stored form (normalised text, offsets) of each source that has one."""
    if not source_ids:
        return {}
    sql = (f"SELECT source_id, text, gaps FROM provenance_forms WHERE source_id IN "
           f"({', '.join('?' * len(source_ids))}) AND version = ?")
    return {sid: (text, gaps) for sid, text, gaps in db.execute(sql, [*source_ids, FORM_VERSION])}


def common_terms(db: sqlite_utils.Database, terms: list[str] | None = None) -> dict[str, int]:
    """Return the common words of the corpus (or those among terms) with their frequencies."""
    if terms is None:
        return dict(db.execute("SELECT term, doc FROM provenance_common_terms").fetchall())
    return dict(db.execute(f"SELECT term, doc FROM provenance_common_terms WHERE term IN "
                           f"({', '.join('?' * len(terms))})", terms).fetchall())


def corpus_summary(db: sqlite_utils.Database) -> tuple[dict[str, int], frozenset[int], int]:
    """Return the common words with their frequencies, the frequent shingles and the last seq.

    Small tables read whole once and kept until a write (api/store/kept.py), instead of three
    statements per check.
    """
    def read(db: sqlite_utils.Database) -> tuple[dict[str, int], frozenset[int], int]:
        frequent = db.execute("SELECT hash FROM provenance_frequent_shingles").fetchall()
        total = db.execute("SELECT max(seq) FROM sources_fts_map").fetchone()[0] or 0
        return common_terms(db), frozenset(row[0] for row in frequent), total

    return kept(db, "provenance summary", read)


def term_frequencies(db: sqlite_utils.Database, terms: list[str]) -> dict[str, int]:
    """Return how many sources hold each of terms (those in the full-text index).

    fts5vocab counts by reading a term's whole posting list (milliseconds for a word in a few
    percent of sources), so counts are kept until a write (api/store/kept.py).
    """
    sql = "SELECT term, doc FROM sources_fts_vocab WHERE term IN ({})"
    return _index_counts(db, "term", terms, sql)


def shingle_frequencies(db: sqlite_utils.Database, hashes: list[int]) -> dict[int, int]:
    """Return how many sources hold each of these shingles (kept as term_frequencies)."""
    sql = "SELECT hash, count(*) FROM provenance_shingles WHERE hash IN ({}) GROUP BY hash"
    found = _index_counts(db, "shingle", hashes, sql)
    return {value: found.get(value, 0) for value in hashes}


def _index_counts(db: sqlite_utils.Database, kind: str, keys: list, sql: str) -> dict:
    """Return {key: count} for the keys sql counts (none for the others), kept until a write."""
    def lookup(db: sqlite_utils.Database, missing: list[tuple]) -> dict:
        values = [value for _, value in missing]
        rows = db.execute(sql.format(", ".join("?" * len(values))), values).fetchall()
        return {(kind, value): count for value, count in rows}

    found = kept_each(db, [(kind, key) for key in keys], lookup, space="provenance counts")
    return {key: count for (_, key), count in found.items()}


def shingle_candidates(db: sqlite_utils.Database, hashes: list[int], within: str | None,
                       limit: int, within_docs: float = 0) -> list[str]:
    """Return the sources sharing the most of these shingles (among FTS `within`), best first.

    Counted and cut to limit before the join to source ids: joining every shingle row first
    costs eight times as much for shingles in thousands of sources. Among `within` (matching
    about within_docs sources), a shingle in fewer than SCAN_SHARE times as many sources is
    read whole, each row tested against the matches; only a more frequent one is probed for
    each match, as SQLite would do for all (100,000 lookups for a word in 10 % of sources).
    """
    if within:
        counts = shingle_frequencies(db, hashes)
        read = [h for h in hashes if counts[h] <= SCAN_SHARE * within_docs]
        probed = [h for h in hashes if counts[h] > SCAN_SHARE * within_docs]
        rows = " UNION ALL ".join(
            f"SELECT seq FROM provenance_shingles WHERE hash IN ({', '.join('?' * len(part))}) "
            f"AND {sign}seq IN w" for part, sign in ((read, "+"), (probed, "")) if part)
        sql = ("WITH w(seq) AS MATERIALIZED (SELECT rowid FROM sources_fts WHERE sources_fts "
               f"MATCH ?) SELECT seq, count(*) AS shared FROM ({rows}) ")
        params: list = [within, *read, *probed]
    else:
        sql = ("SELECT seq, count(*) AS shared FROM provenance_shingles "
               f"WHERE hash IN ({', '.join('?' * len(hashes))}) ")
        params = list(hashes)
    sql += "GROUP BY seq ORDER BY shared DESC, seq LIMIT ?"
    return [row[0] for row in db.execute(
        f"SELECT m.source_id FROM ({sql}) p JOIN sources_fts_map m ON m.seq = p.seq "
        "ORDER BY p.shared DESC, p.seq", params + [limit])]


def sources_with_all(db: sqlite_utils.Database, hashes: list[int], limit: int) -> list[str]:
    """Return up to limit sources holding every one of these shingles, by seq.

    Read from the shingle held by the fewest sources, each of its sources looked up for the
    others: work bounded by the rarest shingle, not by the common words' posting lists.
    """
    counts = shingle_frequencies(db, hashes)
    first, *others = sorted(hashes, key=lambda value: (counts[value], value))
    if counts[first] == 0:
        return []
    sql = ("SELECT m.source_id FROM provenance_shingles p JOIN sources_fts_map m ON m.seq = p.seq "
           "WHERE p.hash = ? " + "AND EXISTS (SELECT 1 FROM provenance_shingles o "
           "WHERE o.hash = ? AND o.seq = p.seq) " * len(others) + "ORDER BY p.seq LIMIT ?")
    return [row[0] for row in db.execute(sql, [first, *others, limit])]
