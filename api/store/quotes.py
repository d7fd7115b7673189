"""Reading quotes: filters, keyset pages, facets and full-text search."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import sqlite_utils

from api.db import read
from api.store.editorial import raise_if_deleted
from api.store.errors import NotFound, StoreError
from api.store.generation import unchanged_since_last_write

QUOTE_COLUMNS = """
    q.id, q.text, q.kind, q.start, q."end", q.start_utf16, q.end_utf16, q.prefix, q.suffix,
    q.cue, q.cue_start, q.cue_end, q.role, q.mention, q.date, q.date_basis, q.speaker_id,
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


def fts_query(text: str) -> str:
    """Turn user text into a safe FTS5 query: words ANDed, "double-quoted phrases" kept."""
    parts = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', text):
        words = re.findall(r"\w+", phrase or word)
        if words:
            parts.append('"' + " ".join(words) + '"')
    if not parts:
        raise StoreError("q has no words to search for", {"q": ["needs at least one word"]})
    return " ".join(parts)


SPEAKER_IDS = ("SELECT id FROM speakers WHERE id IN ({marks}) "
               "UNION SELECT speaker_id FROM speaker_aliases WHERE alias IN ({marks})")
# The distinct outlets, from the kept counts (one row each) rather than every source of a
# big agency (2 ms for AFP at 1M quotes).
OUTLET_NAMES = ("SELECT value FROM corpus_stats WHERE dimension = 'source_outlet' "
                "AND value COLLATE NOCASE IN ({marks})")


def _resolve(db: sqlite_utils.Database, template: str, values: list[str]) -> list[str]:
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
        any_of("q.speaker_id IN ({marks})", _resolve(db, SPEAKER_IDS, filters.speaker))
    if filters.outlet:
        any_of("q.outlet IN ({marks})", _resolve(db, OUTLET_NAMES, filters.outlet))
    if filters.source:
        any_of("q.source_id IN ({marks})", filters.source)
    if filters.kind:
        any_of("q.kind IN ({marks})", filters.kind)
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
    if _only_search(filters):
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


def _only_search(filters: QuoteFilters) -> bool:
    return {name for name, value in vars(filters).items() if value} == {"q"}


def tally(db: sqlite_utils.Database, filters: QuoteFilters,
          facets: list[str]) -> tuple[int, dict[str, list[dict]]]:
    """Return how many quotes the filters select and, per facet, its most common values."""
    if filters == QuoteFilters():
        return stat_count(db, "all"), {facet: _stat_facet(db, facet) for facet in facets}
    cube_facets = [facet for facet in dict.fromkeys(facets) if facet in CUBE_FACETS] \
        if _in_cube(filters) else []
    if cube_facets:
        total, counted = _cube_tally(db, filters, cube_facets)
    else:
        total, counted = count_quotes(db, filters), {}
    result = {}
    for facet in facets:
        if facet in counted:
            top = sorted(counted[facet].items(), key=lambda item: (-item[1], item[0] or ""))
            result[facet] = [_facet_item(facet, value, None, count)
                             for value, count in top[:FACET_LIMIT]]
            continue
        value_sql, label_sql = FACET_SQL[facet]
        where, params = where_clause(db, filters)
        sql = (f"SELECT {value_sql} AS value, {label_sql} AS label, count(*) AS count "
               f"FROM quotes q WHERE {where} GROUP BY 1 ORDER BY count DESC, value LIMIT ?")
        rows = db.execute(sql, params + [FACET_LIMIT]).fetchall()
        result[facet] = [_facet_item(facet, value, label, count) for value, label, count in rows]
    return total, result


def count_quotes(db: sqlite_utils.Database, filters: QuoteFilters) -> int:
    """Return how many quotes the filters select."""
    if filters == QuoteFilters():
        return stat_count(db, "all")
    kept = _kept_dimension(db, filters)
    if kept is not None:
        dimension, values = kept
        return db.execute("SELECT coalesce(sum(count), 0) FROM corpus_stats WHERE dimension = ? "
                          f"AND value IN ({', '.join('?' * len(values))})",
                          [dimension, *values]).fetchone()[0] if values else 0
    if _in_cube(filters):
        return _cube_tally(db, filters, [])[0]
    if _only_search(filters):  # every indexed row is a stored quote (triggers keep them equal)
        return db.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?",
                          [fts_query(filters.q)]).fetchone()[0]
    where, params = where_clause(db, filters)
    return db.execute(f"SELECT count(*) FROM quotes q WHERE {where}", params).fetchone()[0]


def _kept_dimension(db: sqlite_utils.Database, filters: QuoteFilters):
    """Return (dimension, values) when only speakers, only outlets or only kinds are asked for."""
    given = {name for name, value in vars(filters).items() if value}
    if given == {"speaker"}:
        return "speaker", _resolve(db, SPEAKER_IDS, filters.speaker)
    if given == {"outlet"}:
        return "outlet", _resolve(db, OUTLET_NAMES, filters.outlet)
    if given == {"kind"}:
        return "kind", list(dict.fromkeys(filters.kind))
    return None


# quote_cube_years, quote_cube and quote_months (api/schema.sql) hold counts per kind, outlet and
# year or month. What a filter on those alone selects is split into date pieces (_date_pieces):
# whole months (and the whole years among them) are read from the kept counts, days from the
# quotes indexes. Dates are ISO 'YYYY-MM-DD' (or '' when unknown) everywhere.
CUBE_FILTERS = {"kind", "outlet", "date_from", "date_to"}
CUBE_FACETS = ("kind", "outlet", "year")


def _in_cube(filters: QuoteFilters) -> bool:
    return {name for name, value in vars(filters).items() if value} <= CUBE_FILTERS


def _cube_tally(db: sqlite_utils.Database, filters: QuoteFilters,
                facets: list[str]) -> tuple[int, dict[str, dict]]:
    """Return the total and each facet's {value: count} for filters in the cube.

    The days of a piece are read from the quotes once, grouped by every facet asked; the kept
    counts are read per facet (and for the total), by outlet only when an outlet is filtered on
    or is the facet, since counts by kind and month alone are a few rows.
    """
    conds, params = [], []
    if filters.kind:
        conds.append(f"c.kind IN ({', '.join('?' * len(filters.kind))})")
        params += filters.kind
    if filters.outlet:
        outlets = _resolve(db, OUTLET_NAMES, filters.outlet)
        if not outlets:
            return 0, {facet: {} for facet in facets}
        conds.append(f"c.outlet IN ({', '.join('?' * len(outlets))})")
        params += outlets
    wanted = [None, *facets]  # None: the total
    counts: dict = {want: {} for want in wanted}
    for sign, grain, first, last in _date_pieces(filters.date_from, filters.date_to):
        if grain == "days":
            rows = _day_counts(db, replace(filters, date_from=first, date_to=last), facets)
            for want in wanted:
                column = 3 if want is None else CUBE_FACETS.index(want)
                _add(counts[want], ((row[column], row[3]) for row in rows), sign)
            continue
        for want in wanted:
            by_outlet = bool(filters.outlet) or want == "outlet"
            _add(counts[want], _kept_counts(db, conds, params, want, by_outlet, first, last), sign)
    total = sum(counts.pop(None).values())
    return total, {facet: {value: n for value, n in counts[facet].items() if n} for facet in facets}


def _add(totals: dict, rows, sign: int) -> None:
    for value, count in rows:
        totals[value] = totals.get(value, 0) + sign * count


def _kept_counts(db: sqlite_utils.Database, conds: list[str], params: list, want: str | None,
                 by_outlet: bool, first: str | None, last: str | None) -> list[tuple]:
    """Return (value, count) rows of whole months [first, last] (None, None: every date).

    By outlet, the whole years among the months come from quote_cube_years (one row per
    outlet and year instead of twelve).
    """
    if by_outlet and first is None:
        spans = [("quote_cube_years", "year", None)]
    elif by_outlet:
        years, month_ranges = _split_months(first, last)
        spans = [("quote_cube_years", "year", [years])] if years else []
        if month_ranges:
            spans.append(("quote_cube", "month", month_ranges))
    else:
        spans = [("quote_months", "month", None if first is None else [(first, last)])]
    rows = []
    for table, period, ranges in spans:
        value = {"kind": "c.kind", "outlet": "c.outlet", "year": f"substr(c.{period}, 1, 4)",
                 None: "NULL"}[want]
        where, where_params = list(conds), list(params)
        if ranges is not None:
            where.append("(" + " OR ".join(f"c.{period} BETWEEN ? AND ?" for _ in ranges) + ")")
            where_params += [bound for pair in ranges for bound in pair]
        rows += db.execute(f"SELECT {value}, sum(c.count) FROM {table} c "
                           f"WHERE {' AND '.join(where) or '1'} GROUP BY 1",
                           where_params).fetchall()
    return rows


def _day_counts(db: sqlite_utils.Database, filters: QuoteFilters, facets: list[str]) -> list:
    """Return (kind, outlet, year, count) rows of the quotes, NULL in the columns not asked for.

    Grouping sorts every quote counted, one more column costing as much again: a range inside
    one month has one year, given as a constant.
    """
    columns, params = [], []
    for facet in CUBE_FACETS:
        if facet not in facets:
            columns.append("NULL")
        elif facet == "year" and filters.date_from and filters.date_to \
                and filters.date_from[:4] == filters.date_to[:4]:
            columns.append("?")
            params.append(filters.date_from[:4])
        else:
            columns.append(FACET_SQL[facet][0])
    where, where_params = where_clause(db, filters)
    return db.execute(f"SELECT {', '.join(columns)}, count(*) FROM quotes q WHERE {where} "
                      "GROUP BY 1, 2, 3", params + where_params).fetchall()


def _date_pieces(date_from: str | None, date_to: str | None) -> list[tuple]:
    """Split a date filter into (sign, 'months' | 'days', first, last) pieces to add up.

    The whole months inside it are one piece; the days left at either end are counted as they
    are or, when they cover more than half of their month, as that month less the days they
    leave out, so at most half a month is ever counted in the quotes at each end.
    """
    if date_from is None and date_to is None:
        return [(1, "months", None, None)]
    months = _whole_months(date_from, date_to)
    if months is None:
        return _day_pieces(date_from, date_to)
    pieces = [(1, "months", *months)]
    if date_from is not None and date_from < f"{months[0]}-01":
        pieces += _day_pieces(date_from, _day_before(f"{months[0]}-01"))
    if date_to is not None and date_to > _month_end(months[1]):
        pieces += _day_pieces(f"{_month_name(_month_number(months[1]) + 1)}-01", date_to)
    return pieces


def _day_pieces(first: str | None, last: str | None) -> list[tuple]:
    """Return the pieces of a range of days holding no whole month (it spans two at most)."""
    if first is None or last is None:
        return [(1, "days", first, last)]
    if first[:7] != last[:7]:
        return _day_pieces(first, _month_end(first[:7])) + _day_pieces(f"{last[:7]}-01", last)
    month = first[:7]
    start, end = f"{month}-01", _month_end(month)
    if (int(last[8:]) - int(first[8:]) + 1) * 2 <= int(end[8:]):
        return [(1, "days", first, last)]
    pieces = [(1, "months", month, month)]
    if first > start:
        pieces.append((-1, "days", start, _day_before(first)))
    if last < end:
        pieces.append((-1, "days", _day_after(last), end))
    return pieces


def _whole_months(date_from: str | None, date_to: str | None) -> tuple[str, str] | None:

    """Return the first and last month ('YYYY-MM') wholly inside [date_from, date_to], if any."""
    first = 0 if date_from is None else _month_number(date_from) + (date_from[8:] != "01")
    last = _month_number("9999-12") if date_to is None else _month_number(date_to)
    if date_to is not None and date_to != _month_end(_month_name(last)):
        last -= 1
    if first > last:
        return None
    return _month_name(first), _month_name(last)


def _split_months(first: str, last: str) -> tuple[tuple[str, str] | None, list[tuple[str, str]]]:
    """Split the months [first, last] into whole years and the month ranges either side."""
    first_year = int(first[:4]) + (first[5:] != "01")
    last_year = int(last[:4]) - (last[5:] != "12")
    if first_year > last_year:
        return None, [(first, last)]
    months = []
    if first < f"{first_year:04d}-01":
        months.append((first, f"{first_year - 1:04d}-12"))
    if last > f"{last_year:04d}-12":
        months.append((f"{last_year + 1:04d}-01", last))
    return (f"{first_year:04d}", f"{last_year:04d}"), months


def _month_number(day: str) -> int:
    return int(day[:4]) * 12 + int(day[5:7]) - 1


def _month_name(number: int) -> str:
    return f"{number // 12:04d}-{number % 12 + 1:02d}"


def _month_end(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{month}-{calendar.monthrange(year, number)[1]:02d}" if year else f"{month}-31"


def _day_before(day: str) -> str:
    return (date.fromisoformat(day) - timedelta(days=1)).isoformat()


def _day_after(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def stat_count(db: sqlite_utils.Database, dimension: str) -> int:
    """Return a trigger-kept total: 'all' quotes or 'sources'."""
    row = db.execute("SELECT count FROM corpus_stats WHERE dimension = ? AND value = ''",
                     [dimension]).fetchone()
    return row[0] if row else 0


def _stat_facet(db: sqlite_utils.Database, facet: str) -> list[dict]:
    """Return an unfiltered facet from the trigger-kept counts."""
    rows = db.execute("SELECT c.value, sp.name, c.count FROM corpus_stats c "
                      "LEFT JOIN speakers sp ON c.dimension = 'speaker' AND sp.id = c.value "
                      "WHERE c.dimension = ? ORDER BY c.count DESC, c.value LIMIT ?",
                      [facet, FACET_LIMIT]).fetchall()
    return [_facet_item(facet, value, label, count) for value, label, count in rows]


def _facet_item(facet: str, value, label, count: int) -> dict:
    item = {"value": value or None, "count": count}
    if facet == "speaker":
        item["name"] = label
    return item


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
        raise NotFound(f"no quote with id {', '.join(map(repr, missing))}",
                       {"ids": [f"unknown quote id {quote_id!r}" for quote_id in missing]})
    return [found[quote_id] for quote_id in wanted]


def quotes_of_source(db: sqlite_utils.Database, source_id: str) -> list[dict]:
    """Return every quote of a source in text order."""
    return read(db, f"SELECT {QUOTE_COLUMNS} FROM quotes q {QUOTE_JOINS} "
                    "WHERE q.source_id = ? ORDER BY q.start, q.\"end\"", [source_id])


def iter_quotes(db: sqlite_utils.Database, filters: QuoteFilters):
    """Yield every quote the filters select, oldest first, without loading them all at once."""
    where, params = where_clause(db, filters)
    yield from db.query(f"SELECT {QUOTE_COLUMNS} FROM quotes q {QUOTE_JOINS} WHERE {where} "
                        "ORDER BY q.date, q.id", params)
