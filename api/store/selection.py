"""A list request's filters, resolved once into the WHERE clause its page and counts share."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import sqlite_utils

from api.store.errors import StoreError
from api.store.kept import kept, kept_each

# A search whose every word (or "phrase") is in at least this many quotes is common: bm25 would
# score every match before the first page (~3 µs a match: 0.3 s for a word in 100,000 quotes),
# so its quotes are ranked by date instead, newest first (VERBATIM_SEARCH_COMMON_QUOTES).
SEARCH_COMMON_QUOTES = 10_000


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


@dataclass(frozen=True)
class Selection:
    """The quotes a list asks for: its filters, their stored values and the SQL selecting them.

    speaker_ids and outlets are the stored values the names asked for resolve to (None when
    not filtered on); match is the FTS5 query of q, common_search whether it is made only of
    common words (SEARCH_COMMON_QUOTES); where and params select the quotes (alias `q`),
    between() the same quotes within other dates. page_where and page_params select them too,
    for a page read in index order: a common search is tested there quote by quote as read (a
    few probes, since most quotes match) instead of collecting its matches first (seconds).
    """
    filters: QuoteFilters
    given: frozenset[str]
    speaker_ids: list[str] | None
    outlets: list[str] | None
    match: str | None
    common_search: bool
    where: str
    params: list
    undated: tuple[tuple[str, list], ...]  # the conditions other than the dates
    page_where: str
    page_params: list

    def between(self, date_from: str | None, date_to: str | None) -> tuple[str, list]:
        """Return the WHERE clause and parameters of these quotes within other dates."""
        return _joined(self.undated + _date_conditions(date_from, date_to))

    def order(self, sort: str) -> tuple[str, str | None]:
        """Return the order a page is read in, and what ranks a relevance sort: bm25, or the
        date when there is no search or it is made only of common words."""
        if sort != "relevance":
            return sort, None
        ranked = self.match is not None and not self.common_search
        return ("relevance", "bm25") if ranked else ("-date", "date")

    @property
    def only_search(self) -> bool:
        return self.given == {"q"}


SPEAKER_IDS = ("SELECT id FROM speakers WHERE id IN ({marks}) "
               "UNION SELECT speaker_id FROM speaker_aliases WHERE alias IN ({marks})")
# The distinct outlets, from the trigger-stored counts (one row each) rather than every source
# of a big agency (2 ms for AFP at 1M quotes).
OUTLET_NAMES = ("SELECT value FROM corpus_stats WHERE dimension = 'source_outlet' "
                "AND value COLLATE NOCASE IN ({marks})")


def select(db: sqlite_utils.Database, filters: QuoteFilters,
           common_from: int = SEARCH_COMMON_QUOTES) -> Selection:
    """Resolve the filters' names to stored values and build the SQL selecting their quotes.

    Speakers and outlets are resolved to stored ids and names first: one value then makes
    `IN (?)` an equality, so a page is read in (speaker|outlet, date, id) index order instead
    of sorting every matching quote (48 ms for one big outlet at 100k quotes).
    """
    speaker_ids = resolve(db, SPEAKER_IDS, filters.speaker) if filters.speaker else None
    outlets = resolve(db, OUTLET_NAMES, filters.outlet) if filters.outlet else None
    parts = search_parts(filters.q) if filters.q else []
    match = " ".join(parts) or None
    common = bool(parts) and len(match_counts(db, parts, common_from)) == len(set(parts))
    undated = []
    for column, values in (("q.speaker_id", speaker_ids), ("q.outlet", outlets),
                           ("q.source_id", filters.source or None),
                           ("q.kind", filters.kind or None),
                           ("q.language", filters.language or None)):
        if values is not None:
            undated.append((f"{column} IN ({', '.join('?' * len(values))})", list(values)))
    dates = _date_conditions(filters.date_from, filters.date_to)
    probed = (*undated, *dates, (PROBED_MATCH, [match])) if common else None
    if match is not None:
        undated.append((MATCHES, [match]))
    undated = tuple(undated)
    where, params = _joined(undated + dates)
    page_where, page_params = _joined(probed) if probed else (where, params)
    given = frozenset(name for name, value in vars(filters).items() if value)
    return Selection(filters, given, speaker_ids, outlets, match, common, where, params, undated,
                     page_where, page_params)


MATCHES = "q.seq IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)"
PROBED_MATCH = "EXISTS (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid = q.seq)"


def match_counts(db: sqlite_utils.Database, matches: list[str], least: int = 0) -> dict:
    """Return how many quotes each FTS5 query matches, for those matching at least `least`.

    Counting reads a word's whole posting list (85 ms for one in most quotes at 1M), so the
    counts are kept until a write.
    """
    def lookup(db: sqlite_utils.Database, missing: list[tuple]) -> dict:
        return {key: db.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?",
                                [key[1]]).fetchone()[0] for key in missing}

    counts = kept_each(db, [("search", match) for match in matches], lookup,
                       space="search counts")
    return {match: count for (_, match), count in counts.items() if count >= least}


def _date_conditions(date_from: str | None, date_to: str | None) -> tuple:
    conds = []
    if date_from:
        conds.append(("q.date >= ?", [date_from]))
    if date_to:
        conds.append(("q.date <= ? AND q.date != ''", [date_to]))
    return tuple(conds)


def _joined(conditions: tuple) -> tuple[str, list]:
    return (" AND ".join(["1", *(cond for cond, _ in conditions)]),
            [value for _, values in conditions for value in values])


def resolve(db: sqlite_utils.Database, template: str, values: list[str]) -> list[str]:
    """Return the stored values the template's query matches for the values given (kept)."""
    sql = template.format(marks=", ".join("?" * len(values)))

    def lookup(db: sqlite_utils.Database) -> list[str]:
        return [row[0] for row in db.execute(sql, values * template.count("{marks}"))]
    return kept(db, (sql, tuple(values)), lookup)


def search_parts(text: str) -> list[str]:
    """Turn user text into safe FTS5 phrases, ANDed when joined: words, "quoted phrases" kept."""
    parts = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', text):
        words = re.findall(r"\w+", phrase or word)
        if words:
            parts.append('"' + " ".join(words) + '"')
    if not parts:
        raise StoreError("The search (q) has no words to search for",
                         {"q": ["needs at least one word"]})
    return parts
