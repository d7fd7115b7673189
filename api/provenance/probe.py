"""Build the full-text query that finds a claim's candidate sources from its rarest words.

A claim made only of common words ("we will not do it") would match most of the corpus word by
word, so the query uses the claim's most selective units: a rare word alone, or a phrase of two
or three adjacent common words. A source must hold at least two of the three or four units, so
an altered word or two cannot hide the source it was taken from.
"""
from __future__ import annotations

from itertools import combinations

from api.provenance.claim import Claim
from api.provenance.normalize import index_terms

MAX_PHRASE = 3  # words in one phrase unit
SHORT_CLAIM_TERMS = 3  # claims this short are searched as one phrase per piece
RARE_SHARE = 0.01  # a word in at most 1 % of sources is selective alone: no phrase needed


def claim_terms(claim: Claim) -> list[list[str]]:
    """Return each piece's index terms in order, as the full-text tokenizer splits them."""
    return [[t for word in piece.norm.word_texts(0, None) for t in index_terms(word)]
            for piece in claim.pieces]


def _units(pieces: list[list[str]], doc_freq: dict[str, int], total: int,
           skip: frozenset[str]) -> list[tuple[float, int, int, int]]:
    """Return each phrase of 1..MAX_PHRASE adjacent terms as (estimated share, piece, start, end)."""
    share = {t: doc_freq.get(t, 0) / max(total, 1) for terms in pieces for t in terms}
    units = []
    for index, terms in enumerate(pieces):
        for start in range(len(terms)):
            estimate = 1.0
            longest = 1 if share[terms[start]] <= RARE_SHARE else MAX_PHRASE
            for end in range(start + 1, min(start + longest, len(terms)) + 1):
                if terms[end - 1] in skip:
                    break
                if end > start + 1 and share[terms[end - 1]] <= RARE_SHARE:
                    break  # a rare word stands alone; phrases are for common words
                estimate *= share[terms[end - 1]]
                units.append((estimate, index, start, end))
    return sorted(units, key=lambda u: (u[0], u[3] - u[2], u[1], u[2]))


def pick_units(pieces: list[list[str]], doc_freq: dict[str, int], total: int,
               count: int, skip: frozenset[str] = frozenset()) -> list[list[str]]:
    """Return up to count disjoint phrases, the most selective first."""
    used: set[tuple[int, int]] = set()
    chosen = []
    for _, index, start, end in _units(pieces, doc_freq, total, skip):
        cells = {(index, position) for position in range(start, end)}
        if cells & used:
            continue
        used |= cells
        chosen.append(pieces[index][start:end])
        if len(chosen) == count:
            break
    return chosen


def _phrase(terms: list[str]) -> str:
    return '"' + " ".join(terms) + '"'


def fts_query(claim: Claim, doc_freq: dict[str, int], total: int,
              skip: frozenset[str] = frozenset(), nested: bool = False) -> str | None:
    """Return an FTS5 MATCH expression for the claim's candidate sources, or None without words.

    Terms in skip (the corpus's common words, when the claim has rarer ones) are left out.
    nested: the same matches, for a query not ranked by bm25 (which scores each phrase as
    often as it is written): units holding a word no source has left out, and None when
    nothing can match.
    """
    pieces = [terms for terms in claim_terms(claim) if terms]
    if not pieces:
        return None
    if sum(len(terms) for terms in pieces) <= SHORT_CLAIM_TERMS:
        return " AND ".join(_phrase(terms) for terms in pieces)
    count = 4 if sum(len(t) for t in pieces) >= 12 else 3
    chosen = pick_units(pieces, doc_freq, total, count, skip)
    if nested:
        held = [_phrase(u) for u in chosen if all(t in doc_freq for t in u)]
        if len(held) < min(len(chosen), 2):
            return None
        return _any_two(held) if len(chosen) >= 3 else " AND ".join(held)
    units = [_phrase(u) for u in chosen]
    if len(units) < 3:
        return " AND ".join(units)
    return " OR ".join("(" + " AND ".join(pair) + ")" for pair in combinations(units, 2))


def every_unit_query(claim: Claim, doc_freq: dict[str, int], total: int,
                     skip: frozenset[str] = frozenset()) -> str | None:
    """Return an FTS5 expression for the sources holding every unit fts_query() picks.

    A source holding the claim's pieces word for word holds every unit, so among these are all
    the sources an exact match can come from. None when fts_query() does not ask for pairs.
    """
    pieces = [terms for terms in claim_terms(claim) if terms]
    if sum(len(terms) for terms in pieces) <= SHORT_CLAIM_TERMS:
        return None
    count = 4 if sum(len(t) for t in pieces) >= 12 else 3
    chosen = pick_units(pieces, doc_freq, total, count, skip)
    return " AND ".join(_phrase(u) for u in chosen) if len(chosen) >= 3 else None


def _any_two(units: list[str]) -> str:
    """Return `(a AND (b OR c)) OR (b AND c)`: sources holding two units, as the pairs do.

    FTS5 reads a unit's posting list once per place it is written: three times for four units
    in pairs, at most once for the first and twice for the second here.
    """
    return " OR ".join(f"({unit} AND ({' OR '.join(units[at + 1:])}))" if at < len(units) - 2
                       else f"({unit} AND {units[-1]})" for at, unit in enumerate(units[:-1]))


def any_two_of(terms: list[str], most: int = 4) -> str | None:
    """Return an FTS5 expression for sources holding two of the first `most` terms (or the one)."""
    units = [_phrase([term]) for term in terms[:most]]
    if len(units) < 3:
        return " AND ".join(units) or None
    return _any_two(units)


def any_two_docs(terms: list[str], doc_freq: dict[str, int], total: int, most: int = 4,
                 either: bool = False) -> float:
    """Estimate how many sources any_two_of(terms) matches (or, either, any one of two)."""
    docs = [doc_freq.get(term, 0) for term in terms[:most]]
    if len(docs) == 1 or either:
        return float(sum(docs))
    return sum(a * b for a, b in combinations(docs, 2)) / max(total, 1)
