"""Reading quotes: filters, keyset pages and full-text search (counts: api/store/counts.py)."""
from __future__ import annotations

import sqlite_utils

from api.db import read
from api.store.editorial import raise_if_deleted
from api.store.errors import Gone, NotFound
from api.store.selection import QuoteFilters, Selection, select

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


def list_quotes(db: sqlite_utils.Database, selection: Selection, sort: str,
                after: list | None, limit: int) -> tuple[list[dict], list | None]:
    """Return one page of quotes in sort order after the keyset values, and the next keyset."""
    if sort == "relevance":
        return _list_by_relevance(db, selection, after, limit)
    where, params = selection.page_where, list(selection.page_params)
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


def _list_by_relevance(db, selection, after, limit):
    """Return a page in bm25 order (ties by storage order), keyset (rank, seq).

    A search alone is ranked inside FTS5, which never reads the quotes table for the matches
    it skips; with other filters too, every match is joined and filtered before ranking.
    """
    query, keyset, extra = selection.match, "", []
    if after is not None:
        keyset = " AND (rank, rowid) > (?, ?)"
        extra = list(after)
    if selection.only_search:
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
           f"JOIN r ON r.rowid = q.seq {QUOTE_JOINS} WHERE {selection.where} "
           "ORDER BY r.rank, q.seq LIMIT ?")
    rows = read(db, sql, [query, *extra] + selection.params + [limit + 1])
    page = rows[:limit]
    next_after = [page[-1]["rank"], page[-1]["seq"]] if len(rows) > limit else None
    return page, next_after


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
    selection = select(db, filters)
    yield from db.query(f"SELECT {QUOTE_COLUMNS} FROM quotes q {QUOTE_JOINS} "
                        f"WHERE {selection.where} ORDER BY q.date, q.id", selection.params)
