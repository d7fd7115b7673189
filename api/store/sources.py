"""Reading sources, their text and the outlets they come from."""
from __future__ import annotations

import sqlite_utils

from api.db import read
from api.store.errors import NotFound
from api.store.kept import kept

SOURCE_COLUMNS = """
    s.id, s.sha256, s.outlet, s.publisher, s.title, s.author, s.url, s.published, s.language,
    s.notes, s.length, s.html_sha256, (SELECT count(*) FROM quotes q WHERE q.source_id = s.id) AS quote_count
"""


def _conditions(outlet: list[str], language: list[str]) -> tuple[list[str], list]:
    conds, params = ["1"], []
    if outlet:
        conds.append(f"s.outlet COLLATE NOCASE IN ({', '.join('?' * len(outlet))})")
        params += outlet
    if language:
        conds.append(f"s.language IN ({', '.join('?' * len(language))})")
        params += language
    return conds, params


def list_sources(db: sqlite_utils.Database, outlet: list[str], after: list | None,
                 limit: int, language: list[str] = ()) -> tuple[list[dict], list | None]:
    """Return one page of sources, newest first, and the next keyset."""
    conds, params = _conditions(outlet, list(language))
    if after is not None:
        conds.append("(coalesce(s.published, ''), s.id) < (?, ?)")
        params += after
    sql = (f"SELECT {SOURCE_COLUMNS} FROM sources s WHERE {' AND '.join(conds)} "
           "ORDER BY coalesce(s.published, '') DESC, s.id DESC LIMIT ?")
    rows = read(db, sql, params + [limit + 1])
    page = rows[:limit]
    last = page[-1] if page else None
    next_after = [last["published"] or "", last["id"]] if len(rows) > limit else None
    return page, next_after


def count_sources(db: sqlite_utils.Database, outlet: list[str], language: list[str] = ()) -> int:
    """Return how many sources there are, from these outlets and in these languages if named."""
    if language:  # read from the sources_language index
        conds, params = _conditions(outlet, list(language))
        return db.execute(f"SELECT count(*) FROM sources s WHERE {' AND '.join(conds)}",
                          params).fetchone()[0]
    if not outlet:
        return db.execute("SELECT coalesce(sum(count), 0) FROM corpus_stats "
                          "WHERE dimension = 'sources'").fetchone()[0]
    return db.execute("SELECT coalesce(sum(count), 0) FROM corpus_stats "
                      "WHERE dimension = 'source_outlet' AND value COLLATE NOCASE IN "
                      f"({', '.join('?' * len(outlet))})", outlet).fetchone()[0]


def get_source(db: sqlite_utils.Database, source_id: str, with_text: bool = True) -> dict:
    """Return one source (with its text unless asked not to), or raise NotFound."""
    text_col = ", s.text" if with_text else ""
    rows = read(db, f"SELECT {SOURCE_COLUMNS}{text_col} FROM sources s WHERE s.id = ?",
                [source_id])
    if not rows:
        raise NotFound(f"no source with id {source_id!r}")
    return rows[0]


def get_source_text(db: sqlite_utils.Database, source_id: str, start: int | None,
                    end: int | None) -> dict:
    """Return the slice [start, end) of a source's text, in code points."""
    row = db.execute("SELECT text FROM sources WHERE id = ?", [source_id]).fetchone()
    if row is None:
        raise NotFound(f"no source with id {source_id!r}")
    text = row[0]
    # Offsets past the end, or an end before the start, give an empty slice, as Python's and
    # JavaScript's slices do: every pair of offsets the parameters allow is answered.
    start = 0 if start is None else min(start, len(text))
    end = max(start, len(text) if end is None else min(end, len(text)))
    return {"source_id": source_id, "start": start, "end": end, "length": len(text),
            "text": text[start:end]}


def list_outlets(db: sqlite_utils.Database) -> list[dict]:
    """Return every outlet with its source and quote counts, most quoted first.

    The same for every caller until the next write, so kept until then (api/store/kept.py;
    read-only: the rows are shared between requests and threads).
    """
    return kept(db, "outlets", _list_outlets)


def _list_outlets(db: sqlite_utils.Database) -> list[dict]:
    # Counts come from the trigger-stored corpus_stats; first/last dates from the outlet index.
    sql = """
        SELECT so.value AS name, so.count AS source_count, coalesce(qo.count, 0) AS quote_count,
               (SELECT min(published) FROM sources WHERE outlet = so.value) AS first_published,
               (SELECT max(published) FROM sources WHERE outlet = so.value) AS last_published
        FROM corpus_stats so
        LEFT JOIN corpus_stats qo ON qo.dimension = 'outlet' AND qo.value = so.value
        WHERE so.dimension = 'source_outlet'
        ORDER BY quote_count DESC, name
    """
    return read(db, sql)


def corpus_counts(db: sqlite_utils.Database) -> dict:
    """Return how many quotes and sources are stored."""
    counts = dict(db.execute("SELECT dimension, count FROM corpus_stats "
                             "WHERE dimension IN ('all', 'sources') AND value = ''").fetchall())
    return {"quotes": counts.get("all", 0), "sources": counts.get("sources", 0)}


def detect_missing_languages(db: sqlite_utils.Database, batch: int = 200) -> tuple[int, int]:
    """Detect the language of every source that has none, a short transaction per batch.

    Return (sources read, languages found); a source detection is unsure of stays null and is
    read again by the next run. Quotes already stored are not extracted again.
    """
    from api.db import write_transaction
    from api.extraction.languages import detect_language

    read_count = found = 0
    after = ""
    while True:
        rows = db.execute("SELECT id, text FROM sources WHERE language IS NULL AND id > ? "
                          "ORDER BY id LIMIT ?", [after, batch]).fetchall()
        if not rows:
            return read_count, found
        detected = [(detect_language(text), source_id) for source_id, text in rows]
        with write_transaction(db):
            for table, key in (("sources", "id"), ("quotes", "source_id")):
                db.conn.executemany(f"UPDATE {table} SET language = ? WHERE {key} = ?",
                                    [pair for pair in detected if pair[0] is not None])
        read_count += len(rows)
        found += sum(code is not None for code, _ in detected)
        after = rows[-1][0]

