"""Reading quotes: filters, keyset pages and full-text search (counts: api/store/counts.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import sqlite_utils

from api.db import read
from api.store.editorial import raise_if_deleted
from api.store.errors import Gone, NotFound, StoreError
from api.store.generation import unchanged_since_last_write

QUOTE_COLUMNS = """
    q.id, q.text, q.kind, q.start, q."end", q.start_utf16, q.end_utf16, q.prefix, q.suffix,
    q.cue, q.cue_start, q.cue_end, q.role, q.mention, q.date, q.date_basis, q.date_precision,
    q.speaker_id,
    q.source_id, q.outlet, sp.name AS speaker_name, sp.kind AS speaker_kind,
    s.title AS source_title, s.url AS source_url, s.published AS source_published,
    s.publisher AS source_publisher, s.author AS source_author
"""
QUOTE_JOINS = """
    LEFT JOIN speakers sp ON sp.id = q.speaker_id
    JOIN sources s ON s.id = q.source_id
"""
FACET_SQL = {
    "speaker": ("q.speaker_id", "(SELECT name FROM speakers WHERE id = q.speaker_id)"),
    "outlet": ("q.outlet", "NULL"),
    "kind": ("q.kind", "NULL"),
    "year": ("substr(q.date, 1, 4)", "NULL"),
}
FACET_LIMIT = 50


@dataclass
class QuoteFilters:
    speaker: list[str] = field(default_factory=list)
    outlet: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    date_from: str | None = None
    date_to: str | None = None
    q: str | None = None
    language: list[str] = field(default_factory=list)


def fts_query(text: str) -> str:
    """Turn user text into a safe FTS5 query: words ANDed, "double-quoted phrases" kept."""
    parts = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', text):
        words = re.findall(r"\w+", phrase or word)
        if words:
            parts.append('"' + " ".join(words) + '"')
    if not parts:
        raise StoreError("The search (q) has no words to search for", {"q": ["needs at least one word"]})
    return " ".join(parts)


SPEAKER_IDS = ("SELECT id FROM speakers WHERE id IN ({marks}) "
               "UNION SELECT speaker_id FROM speaker_aliases WHERE alias IN ({marks})")
# The distinct outlets, from the kept counts (one row each) rather than every source of a
# big agency (2 ms for AFP at 1M quotes).
OUTLET_NAMES = ("SELECT value FROM corpus_stats WHERE dimension = 'source_outlet' "
                "AND value COLLATE NOCASE IN ({marks})")


def resolve(db: sqlite_utils.Database, template: str, values: list[str]) -> list[str]:
    """Return the stored values the template's query matches for the values given.

    A request asks the same several times (page, total, each facet, partial months): the
    answer is kept per connection until the database changes.
    """
    sql = template.format(marks=", ".join("?" * len(values)))

    def lookup(db: sqlite_utils.Database) -> list[str]:
        return [row[0] for row in db.execute(sql, values * template.count("{marks}"))]
    return unchanged_since_last_write(db, (sql, tuple(values)), lookup)


def where_clause(db: sqlite_utils.Database, filters: QuoteFilters) -> tuple[str, list]:
    """Return the SQL condition and parameters that select the filtered quotes."""
    conds, params = ["1"], []

    def any_of(template: str, values: list[str]) -> None:
        marks = ", ".join("?" * len(values))
        conds.append(template.format(marks=marks))
        params.extend(values * template.count("{marks}"))

    # Speakers and outlets are resolved to stored ids and names first: one value then makes
    # `IN (?)` an equality, so a page is read in (speaker|outlet, date, id) index order instead
    # of sorting every matching quote (48 ms for one big outlet at 100k quotes).
    if filters.speaker:
        any_of("q.speaker_id IN ({marks})", resolve(db, SPEAKER_IDS, filters.speaker))
    if filters.outlet:
        any_of("q.outlet IN ({marks})", resolve(db, OUTLET_NAMES, filters.outlet))
    if filters.source:
        any_of("q.source_id IN ({marks})", filters.source)
    if filters.kind:
        any_of("q.kind IN ({marks})", filters.kind)
    if filters.language:
        any_of("q.language IN ({marks})", filters.language)
    if filters.date_from:
        conds.append("q.date >= ?")
        params.append(filters.date_from)
    if filters.date_to:
        conds.append("q.date <= ? AND q.date != ''")
        params.append(filters.date_to)
    if filters.q:
        conds.append("q.seq IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        params.append(fts_query(filters.q))
    return " AND ".join(conds), params


def list_quotes(db: sqlite_utils.Database, filters: QuoteFilters, sort: str,
                after: list | None, limit: int) -> tuple[list[dict], list | None]:
    """Return one page of quotes in sort order after the keyset values, and the next keyset."""
    where, params = where_clause(db, filters)
    if sort == "relevance":
        return _list_by_relevance(db, filters, where, params, after, limit)
    op, order = (">", "ASC") if sort == "date" else ("<", "DESC")
    if after is not None:
        where += f" AND (q.date, q.id) {op} (?, ?)"
        params += after
    # The page's keys first, from the quotes indexes alone, then its rows: when no index gives
    # the order (several speakers or outlets), only (date, id) keys are sorted, not joined rows.
    order_by = f"ORDER BY q.date {order}, q.id {order}"
    sql = (f"SELECT {QUOTE_COLUMNS} FROM quotes q {QUOTE_JOINS} WHERE q.seq IN "
           f"(SELECT q.seq FROM quotes q WHERE {where} {order_by} LIMIT ?) {order_by}")
    rows = read(db, sql, params + [limit + 1])
    page = rows[:limit]
    next_after = [page[-1]["date"], page[-1]["id"]] if len(rows) > limit else None
    return page, next_after


def _list_by_relevance(db, filters, where, params, after, limit):
    """Return a page in bm25 order (ties by storage order), keyset (rank, seq).

    A search alone is ranked inside FTS5, which never reads the quotes table for the matches
    it skips; with other filters too, every match is joined and filtered before ranking.
    """
    query = fts_query(filters.q)
    keyset, extra = "", []
    if after is not None:
        keyset = " AND (rank, rowid) > (?, ?)"
        extra = list(after)
    if only_search(filters):
        ranked = db.execute("SELECT rowid, rank FROM quotes_fts WHERE quotes_fts MATCH ?"
                            f"{keyset} ORDER BY rank, rowid LIMIT ?",
                            [query, *extra, limit + 1]).fetchall()
        page_keys = ranked[:limit]
        found = {row["seq"]: row for row in read(
            db,
            f"SELECT {QUOTE_COLUMNS}, q.seq FROM quotes q {QUOTE_JOINS} WHERE q.seq IN "
            f"({', '.join('?' * len(page_keys))})", [seq for seq, _ in page_keys])}
        page = [found[seq] for seq, _ in page_keys]
        next_after = [page_keys[-1][1], page_keys[-1][0]] if len(ranked) > limit else None
        return page, next_after
    rank_sql = ("SELECT rowid, rank FROM quotes_fts WHERE quotes_fts MATCH ?" + keyset)
    sql = (f"WITH r AS ({rank_sql}) SELECT {QUOTE_COLUMNS}, r.rank AS rank, q.seq FROM quotes q "
           f"JOIN r ON r.rowid = q.seq {QUOTE_JOINS} WHERE {where} "
           "ORDER BY r.rank, q.seq LIMIT ?")
    rows = read(db, sql, [query, *extra] + params + [limit + 1])
    page = rows[:limit]
    next_after = [page[-1]["rank"], page[-1]["seq"]] if len(rows) > limit else None
    return page, next_after


def only_search(filters: QuoteFilters) -> bool:
    return {name for name, value in vars(filters).items() if value} == {"q"}


def get_quote(db: sqlite_utils.Database, quote_id: str, with_source_text: bool = False) -> dict:
    """Return one quote row with its speaker and source fields, or raise NotFound."""
    text_col = ", s.text AS source_text" if with_source_text else ""
    rows = read(db, f"SELECT {QUOTE_COLUMNS}{text_col} FROM quotes q {QUOTE_JOINS} "
                    "WHERE q.id = ?", [quote_id])
    if not rows:
        raise_if_deleted(db, quote_id)
        raise NotFound(f"no quote with id {quote_id!r}")
    return rows[0]


def get_quotes(db: sqlite_utils.Database, quote_ids: list[str],
               with_source_text: bool = False) -> list[dict]:
    """Return the quote rows for these ids in the order given, each once, in one query.

    Raise NotFound naming every id that is not stored.
    """
    wanted = list(dict.fromkeys(quote_ids))
    text_col = ", s.text AS source_text" if with_source_text else ""
    marks = ", ".join("?" * len(wanted))
    found = {row["id"]: row for row in read(
            db,
        f"SELECT {QUOTE_COLUMNS}{text_col} FROM quotes q {QUOTE_JOINS} WHERE q.id IN ({marks})",
        wanted)}
    missing = [quote_id for quote_id in wanted if quote_id not in found]
    if missing:
        raise_missing(db, missing)
    return [found[quote_id] for quote_id in wanted]


def raise_missing(db: sqlite_utils.Database, missing: list[str]) -> None:
    """Raise for a batch naming every id that failed, deleted (410 when all are) or unknown (404).

    A batch is all or nothing: a bibliography with silent gaps would be cited as complete.
    """
    marks = ", ".join("?" * len(missing))
    deleted = {row[0] for row in db.execute(
        f"SELECT DISTINCT quote_id FROM quote_history WHERE action = 'delete' AND quote_id IN ({marks})",
        missing)}
    messages = [f"quote id {quote_id!r} was deleted" if quote_id in deleted
                else f"unknown quote id {quote_id!r}" for quote_id in missing]
    error = Gone if len(deleted) == len(missing) else NotFound
    raise error("; ".join(messages), {"ids": messages}, {"failed": [
        {"id": quote_id, "status": 410 if quote_id in deleted else 404} for quote_id in missing]})


def quotes_of_source(db: sqlite_utils.Database, source_id: str) -> list[dict]:
    """Return every quote of a source in text order."""
    return read(db, f"SELECT {QUOTE_COLUMNS} FROM quotes q {QUOTE_JOINS} "
                    "WHERE q.source_id = ? ORDER BY q.start, q.\"end\"", [source_id])


def iter_quotes(db: sqlite_utils.Database, filters: QuoteFilters):
    """Yield every quote the filters select, oldest first, without loading them all at once."""
    where, params = where_clause(db, filters)
    yield from db.query(f"SELECT {QUOTE_COLUMNS} FROM quotes q {QUOTE_JOINS} WHERE {where} "
                        "ORDER BY q.date, q.id", params)
