"""Counting quotes: a list's total and facets, from the stored counts where they suffice."""
from __future__ import annotations

import calendar
from datetime import date, timedelta

import sqlite_utils

from api.store.cube import month_counts, month_cube
from api.store.quotes import FACET_LIMIT, FACET_SQL
from api.store.selection import Selection, match_counts


def tally(db: sqlite_utils.Database, selection: Selection,
          facets: list[str]) -> tuple[int, dict[str, list[dict]]]:
    """Return how many quotes are selected and, per facet, its most common values."""
    if not selection.given:
        return stat_count(db, "all"), {facet: _stat_facet(db, facet) for facet in facets}
    cube_facets = [facet for facet in dict.fromkeys(facets) if facet in CUBE_FACETS] \
        if _in_cube(selection) else []
    if cube_facets:
        total, counted = _cube_tally(db, selection, cube_facets)
    else:
        total, counted = count_quotes(db, selection), {}
    result = {}
    for facet in facets:
        if facet in counted:
            top = sorted(counted[facet].items(), key=lambda item: (-item[1], item[0] or ""))
            result[facet] = [_facet_item(facet, value, None, count)
                             for value, count in top[:FACET_LIMIT]]
            continue
        value_sql, label_sql = FACET_SQL[facet]
        sql = (f"SELECT {value_sql} AS value, {label_sql} AS label, count(*) AS count "
               f"FROM quotes q WHERE {selection.where} GROUP BY 1 ORDER BY count DESC, value "
               "LIMIT ?")
        rows = db.execute(sql, selection.params + [FACET_LIMIT]).fetchall()
        result[facet] = [_facet_item(facet, value, label, count) for value, label, count in rows]
    return total, result


def count_quotes(db: sqlite_utils.Database, selection: Selection) -> int:
    """Return how many quotes are selected."""
    if not selection.given:
        return stat_count(db, "all")
    stored = _stored_dimension(selection)
    if stored is not None:
        dimension, values = stored
        return db.execute("SELECT coalesce(sum(count), 0) FROM corpus_stats WHERE dimension = ? "
                          f"AND value IN ({', '.join('?' * len(values))})",
                          [dimension, *values]).fetchone()[0] if values else 0
    if _in_cube(selection):
        return _cube_tally(db, selection, [])[0]
    if selection.only_search:  # every indexed row is a stored quote (triggers keep them equal)
        if selection.common_search:  # kept until a write: its posting lists are long
            return match_counts(db, [selection.match])[selection.match]
        return db.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?",
                          [selection.match]).fetchone()[0]
    return db.execute(f"SELECT count(*) FROM quotes q WHERE {selection.where}",
                      selection.params).fetchone()[0]


def _stored_dimension(selection: Selection):
    """Return (dimension, values) when only speakers, only outlets or only kinds are asked for."""
    if selection.given == {"speaker"}:
        return "speaker", selection.speaker_ids
    if selection.given == {"outlet"}:
        return "outlet", selection.outlets
    if selection.given == {"kind"}:
        return "kind", list(dict.fromkeys(selection.filters.kind))
    return None


# quote_cube_years, quote_cube and quote_months (api/schema.sql) hold counts per kind, outlet and
# year or month. What a filter on those alone selects is split into date pieces (_date_pieces):
# whole months (and the whole years among them) are read from the stored counts, days from the
# quotes indexes. Dates are ISO 'YYYY-MM-DD' (or '' when unknown) everywhere.
CUBE_FILTERS = {"kind", "outlet", "date_from", "date_to"}
CUBE_FACETS = ("kind", "outlet", "year")


def _in_cube(selection: Selection) -> bool:
    return selection.given <= CUBE_FILTERS


def _cube_tally(db: sqlite_utils.Database, selection: Selection,
                facets: list[str]) -> tuple[int, dict[str, dict]]:
    """Return the total and each facet's {value: count} for filters in the cube.

    The days of a piece are read from the quotes once, grouped by every facet asked; whole
    months come from the stored counts held in memory (api/store/cube.py), by outlet only when
    an outlet is filtered on or is the facet.
    """
    filters, cube = selection.filters, month_cube(db)
    kinds = list(dict.fromkeys(filters.kind)) if filters.kind else None
    if filters.outlet and not selection.outlets:
        return 0, {facet: {} for facet in facets}
    wanted = [None, *facets]  # None: the total
    counts: dict = {want: {} for want in wanted}
    for sign, grain, first, last in _date_pieces(filters.date_from, filters.date_to):
        if grain == "days":
            rows = _day_counts(db, selection, (first, last), facets)
            for want in wanted:
                column = 3 if want is None else CUBE_FACETS.index(want)
                _add(counts[want], ((row[column], row[3]) for row in rows), sign)
            continue
        for want in wanted:
            _add(counts[want], month_counts(cube, kinds, selection.outlets, want, first,
                                            last).items(), sign)
    total = sum(counts.pop(None).values())
    return total, {facet: {value: n for value, n in counts[facet].items() if n} for facet in facets}


def _add(totals: dict, rows, sign: int) -> None:
    for value, count in rows:
        totals[value] = totals.get(value, 0) + sign * count


def _day_counts(db: sqlite_utils.Database, selection: Selection, days: tuple,
                facets: list[str]) -> list:
    """Return (kind, outlet, year, count) rows of the quotes, NULL in the columns not asked for.

    Grouping sorts every quote counted, one more column costing as much again: a range inside
    one month has one year, given as a constant.
    """
    columns, params = [], []
    for facet in CUBE_FACETS:
        if facet not in facets:
            columns.append("NULL")
        elif facet == "year" and days[0] and days[1] and days[0][:4] == days[1][:4]:
            columns.append("?")
            params.append(days[0][:4])
        else:
            columns.append(FACET_SQL[facet][0])
    where, where_params = selection.between(*days)
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
    """Return a trigger-stored total: 'all' quotes or 'sources'."""
    row = db.execute("SELECT count FROM corpus_stats WHERE dimension = ? AND value = ''",
                     [dimension]).fetchone()
    return row[0] if row else 0


def _stat_facet(db: sqlite_utils.Database, facet: str) -> list[dict]:
    """Return an unfiltered facet from the trigger-stored counts."""
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
