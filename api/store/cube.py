"""Quote counts by kind, outlet and month, held in memory until a write (api/store/kept.py).

quote_cube and quote_months (api/schema.sql, trigger-stored) are read whole once per write and
turned into running totals per (kind, outlet) and per kind, so the quotes of any range of whole
months are two look-ups a series: a facet over 300 outlets costs ~0.3 ms instead of grouping
~6,000 stored rows in SQL per request (~5 ms at 1M quotes).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

import sqlite_utils

from api.store.kept import kept


@dataclass(frozen=True)
class Cube:
    """Running totals over every month counted: totals[i] is the quotes of months[:i]."""
    months: tuple[str, ...]  # sorted, '' (undated) first when any
    by_kind: dict[str, list[int]]
    by_kind_outlet: dict[str, dict[str, list[int]]]  # kind -> outlet -> running totals

    def span(self, first: str | None, last: str | None) -> tuple[int, int]:
        """Return the months [first, last] (None: unbounded) as a slice of months."""
        lo = 0 if first is None else bisect_left(self.months, first)
        hi = len(self.months) if last is None else bisect_right(self.months, last)
        return lo, max(lo, hi)


def month_cube(db: sqlite_utils.Database) -> Cube:
    """Return the stored counts as running totals, read once until the next write."""
    return kept(db, "quote cube", _read_cube)


def _read_cube(db: sqlite_utils.Database) -> Cube:
    by_kind_rows = db.execute("SELECT kind, month, count FROM quote_months").fetchall()
    cube_rows = db.execute("SELECT kind, outlet, month, count FROM quote_cube").fetchall()
    months = tuple(sorted({row[1] for row in by_kind_rows} | {row[2] for row in cube_rows}))
    index = {month: i for i, month in enumerate(months)}
    by_kind: dict[str, list[int]] = {}
    for kind, month, count in by_kind_rows:
        by_kind.setdefault(kind, [0] * len(months))[index[month]] += count
    by_kind_outlet: dict[str, dict[str, list[int]]] = {}
    for kind, outlet, month, count in cube_rows:
        of_kind = by_kind_outlet.setdefault(kind, {})
        of_kind.setdefault(outlet, [0] * len(months))[index[month]] += count
    for series in (*by_kind.values(), *(s for o in by_kind_outlet.values() for s in o.values())):
        series[:] = list(accumulate(series, initial=0))
    return Cube(months, by_kind, by_kind_outlet)


def month_counts(cube: Cube, kinds: list[str] | None, outlets: list[str] | None,
                 want: str | None, first: str | None, last: str | None) -> dict:
    """Return {value: quotes} of the whole months [first, last] by want ('kind', 'outlet',
    'year'; None: the total under None), of these kinds and outlets (None: all of them)."""
    lo, hi = cube.span(first, last)
    counts: dict = {}
    for kind in kinds if kinds is not None else sorted(cube.by_kind):
        if outlets is None and want != "outlet":
            series = [(None, cube.by_kind[kind])] if kind in cube.by_kind else []
        else:
            of_kind = cube.by_kind_outlet.get(kind, {})
            names = of_kind if outlets is None else [o for o in outlets if o in of_kind]
            series = [(name, of_kind[name]) for name in names]
        for name, totals in series:
            if want == "year":
                for i in range(lo, hi):
                    year = cube.months[i][:4]
                    counts[year] = counts.get(year, 0) + totals[i + 1] - totals[i]
                continue
            value = kind if want == "kind" else name
            counts[value] = counts.get(value, 0) + totals[hi] - totals[lo]
    return counts
