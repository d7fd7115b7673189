"""Provenance candidates: the sources most likely to hold a claim, without scanning them all.

From the full-text index, the shingles of common words (api/store/provenance_index.py) and the
sources' stored forms; the check itself is api/store/provenance.py.
"""
from __future__ import annotations

import sqlite_utils

from api import provenance as engine
from api.provenance.normalize import normalize
from api.provenance.probe import (RARE_SHARE, SHORT_CLAIM_TERMS, any_two_docs, any_two_of,
                                  claim_terms, every_unit_query, fts_query)
from api.provenance.shingles import SHINGLE_WORDS, claim_shingles, tokens
from api.store.provenance_index import (SCAN_SHARE, corpus_summary, shingle_candidates,
                                        shingle_frequencies, source_forms, sources_with_all,
                                        term_frequencies)

SHINGLE_RESERVE = 5  # candidate places kept for sources found by selective shingles alone
RARE_UNITS = 3  # with this many rare words (in <= 1 % of sources), search by those alone
EXACT_SCAN = 200  # sources holding all of a common-word claim's shingles, checked for its words
NEAR_POSTINGS = 20_000  # shingle rows read for a common-word claim's approximate candidates


def candidate_sources(db: sqlite_utils.Database, claim: engine.Claim, limit: int) -> list[str]:
    """Return the ids of the sources most likely to hold the claim, without scanning them all."""
    terms = sorted({t for piece in claim_terms(claim) for t in piece})
    # Only the claim's words are looked up: its index terms, and the tokens its shingles use.
    known, frequent, total = corpus_summary(db)
    words = sorted({*terms, *(t for p in claim.pieces for t in tokens(p.text))})
    common = {t: known[t] for t in words if t in known}
    rare = [t for t in terms if t not in common]
    if not rare and not claim.insertions and all(
            len(words) >= SHINGLE_WORDS and all(w in common for w in words)
            for words in (tokens(p.text) for p in claim.pieces)):
        found = _common_words_only(db, claim, frozenset(common), frequent, limit)
        if found is not None:
            return found
    doc_freq = dict(common)
    if rare:
        doc_freq.update(term_frequencies(db, rare))
    rarest = [t for t in rare if doc_freq.get(t, 0) <= RARE_SHARE * total]
    if len(terms) > SHORT_CLAIM_TERMS and len(rarest) < RARE_UNITS:
        by_rarity = sorted(rare, key=lambda t: (doc_freq.get(t, 0), t))
        found = _by_shingles(db, claim, (frozenset(common), frequent), by_rarity, limit,
                             (doc_freq, total))
        if found is not None:
            return found
    skip = frozenset(common) if len(rarest) >= RARE_UNITS else frozenset()
    absent = len(rarest) < RARE_UNITS and any(t not in doc_freq for t in rare)
    return _by_full_text(db, claim, (doc_freq, total), skip, absent, limit)


def _by_full_text(db: sqlite_utils.Database, claim: engine.Claim, docs: tuple[dict, int],
                  skip: frozenset[str], absent: bool, limit: int) -> list[str]:
    """Return candidates by a full-text query of the claim's most selective units.

    absent: the claim has fewer than RARE_UNITS rare words and one that no source holds.
    """
    doc_freq, total = docs
    query = fts_query(claim, doc_freq, total, skip, nested=True)
    if query is None:
        return []
    sql = ("SELECT m.source_id FROM sources_fts f JOIN sources_fts_map m ON m.seq = f.rowid "
           "WHERE sources_fts MATCH ? LIMIT ?")
    found = [row[0] for row in db.execute(sql, [query, limit + 1])]
    if len(found) <= limit or absent:
        # Every match is a candidate, and the answer does not depend on their order: ranking
        # them would cost bm25's full pass over each phrase's matches for nothing. A claim
        # holding a word no source has is nowhere verbatim, and bm25 over its common words
        # would read most of the index: the first matches are its (approximate) candidates.
        return found[:limit]
    every = every_unit_query(claim, doc_freq, total, skip)
    holding = [row[0] for row in db.execute(sql, [every, limit + 1])] if every else []
    if holding and len(holding) <= limit:
        # Every source an exact match can come from; the other places go to the first matches
        # unranked, not bm25's best: issue #16's decision 3 lets approximate candidates be
        # bounded, and bm25 reads every match of each unit (20 ms for a word in 18 % of sources).
        return (holding + [sid for sid in found if sid not in holding])[:limit]
    return [row[0] for row in db.execute(sql.replace("LIMIT", "ORDER BY f.rank LIMIT"),
                                         [fts_query(claim, doc_freq, total, skip), limit])]


def _by_shingles(db: sqlite_utils.Database, claim: engine.Claim,
                 words: tuple[frozenset[str], frozenset[int]], rare: list[str], limit: int,
                 docs: tuple[dict, int]) -> list[str] | None:
    """Return candidates by common-word shingles, or None when the claim has too few of them.

    Sources holding two of the claim's rarer words narrow even the frequent shingles; the
    selective shingles alone find the source when a rarer word is the altered one.
    """
    common, frequent = words  # the corpus's common words and most frequent shingles
    hashes = claim_shingles(claim, common)
    selective = [h for h in hashes if h not in frequent]
    found: list[str] = []
    within = any_two_of(rare)
    if within and hashes:
        found = _holding_every_shingle(db, hashes, any_two_docs(rare, *docs),
                                       limit - SHINGLE_RESERVE)
        found = found or shingle_candidates(db, hashes, within, limit - SHINGLE_RESERVE,
                                            any_two_docs(rare, *docs))
        if not found and len(rare) == 2:  # one of the two may be the altered word
            either = any_two_docs(rare, *docs, either=True)
            found = shingle_candidates(db, hashes, within.replace(" AND ", " OR "),
                                       limit - SHINGLE_RESERVE, either)
    if selective:
        found += [s for s in shingle_candidates(db, selective, None, limit) if s not in found]
    # With two or more shingles and none stored, no source holds the claim bar a word or two.
    return found[:limit] if found or len(selective) >= 2 else None


def _holding_every_shingle(db: sqlite_utils.Database, hashes: list[int], within_docs: float,
                           places: int) -> list[str]:
    """Return the sources holding every shingle, when counting them among the rarer words'
    sources would read more than NEAR_POSTINGS shingle rows and they fit in places; else [].

    Every source holding the claim word for word is among them, so the verdicts an exact match
    gives are kept; the approximate candidates of the rarer words' sources are left out (issue
    #16's decision 3). Read from the rarest shingle (sources_with_all), not the frequent ones.
    """
    counts = shingle_frequencies(db, hashes)
    if sum(min(count, SCAN_SHARE * within_docs) for count in counts.values()) <= NEAR_POSTINGS:
        return []
    holding = sources_with_all(db, hashes, places + 1)
    return holding if len(holding) <= places else []


def _common_words_only(db: sqlite_utils.Database, claim: engine.Claim, common: frozenset[str],
                       frequent: frozenset[int], limit: int) -> list[str] | None:
    """Return candidates for a claim made only of common words, every verbatim holder first.

    A source holding the claim's words in order holds every shingle of them, so the sources
    holding them all include every verbatim one; the others are approximate candidates, by
    the claim's selective shingles or else its least frequent ones (bounded reads). None when
    more than EXACT_SCAN sources hold every shingle and none of the first holds the words.
    """
    hashes = claim_shingles(claim, common)
    holding = sources_with_all(db, hashes, EXACT_SCAN)
    exact = _verbatim_first(db, claim, holding, limit)
    if len(holding) == EXACT_SCAN and not exact:
        return None
    if len(exact) >= limit:
        return exact[:limit]
    selective = [h for h in hashes if h not in frequent]
    if not selective:  # all frequent: the least frequent of them, up to NEAR_POSTINGS rows
        counts, read = shingle_frequencies(db, hashes), 0
        for value in sorted(hashes, key=lambda h: (counts[h], h)):
            read += counts[value]
            if read > NEAR_POSTINGS:
                break
            selective.append(value)
    near = shingle_candidates(db, selective, None, limit) if selective else []
    return (exact + [sid for sid in near if sid not in exact])[:limit]


def _verbatim_first(db: sqlite_utils.Database, claim: engine.Claim, source_ids: list[str],
                    limit: int) -> list[str]:
    """Return the sources holding every piece's words (inside a quote first), then the rest."""
    if len(source_ids) <= limit:
        return source_ids
    forms = source_forms(db, source_ids)
    pieces = [f" {piece.norm.text} " for piece in claim.pieces]
    holding = [sid for sid in source_ids
               if sid not in forms or all(text in f" {forms[sid][0]} " for text in pieces)]
    if not holding:
        return []
    marks = ", ".join("?" * len(holding))
    quoted = {sid for sid, text in db.execute(
        f"SELECT source_id, text FROM quotes WHERE source_id IN ({marks})", holding)
        if all(piece in f" {normalize(text).text} " for piece in pieces)}
    return sorted(holding, key=lambda sid: sid not in quoted)[:limit]
