"""Reading sources, their text and the outlets they come from."""
from __future__ import annotations

import sqlite_utils

from api.db import read
from api.store.errors import NotFound, StoreError
from api.store.kept import kept

SOURCE_COLUMNS = """
    s.id, s.sha256, s.outlet, s.publisher, s.title, s.author, s.url, s.published, s.language,
    s.notes, s.length, s.html_sha256, (SELECT count(*) FROM quotes q WHERE q.source_id = s.id) AS quote_count
"""


def list_sources(db: sqlite_utils.Database, outlet: list[str], after: list | None,
                 limit: int) -> tuple[list[dict], list | None]:
    """Return one page of sources, newest first, and the next keyset."""
    conds, params = ["1"], []
    if outlet:
        conds.append(f"s.outlet COLLATE NOCASE IN ({', '.join('?' * len(outlet))})")
        params += outlet
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


def count_sources(db: sqlite_utils.Database, outlet: list[str]) -> int:
    """Return how many sources there are, from these outlets if any are named."""
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
    start = 0 if start is None else start
    end = len(text) if end is None else end
    if not 0 <= start <= end <= len(text):
        raise StoreError(f"need 0 <= start <= end <= {len(text)}, got start={start}, end={end}",
                         {"end": [f"must be between start and {len(text)}"]})
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
