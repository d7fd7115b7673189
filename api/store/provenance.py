"""Provenance SQL: candidate sources from the full-text index, quotes, speakers, re-checks."""
from __future__ import annotations

import json
import string

import sqlite_utils

from api import provenance as engine
from api.db import past_deadline, read
from api.provenance.normalize import normalize
from api.provenance.probe import (RARE_SHARE, SHORT_CLAIM_TERMS, any_two_docs, any_two_of,
                                  claim_terms, fts_query)
from api.provenance.shingles import SHINGLE_WORDS, claim_shingles, tokens
from api.store.editorial import raise_if_deleted
from api.store.errors import NotFound, OverBudget, StoreError
from api.store.provenance_index import (corpus_summary, shingle_candidates,
                                        shingle_frequencies, source_forms, sources_with_all,
                                        term_frequencies)

CANDIDATES = 20  # sources aligned per check, best full-text rank first
ALSO_IN_CANDIDATES = 100
MATCHES = 10
SHINGLE_RESERVE = 5  # candidate places kept for sources found by selective shingles alone
RARE_UNITS = 3  # with this many rare words (in <= 1 % of sources), search by those alone
EXACT_SCAN = 200  # sources holding all of a common-word claim's shingles, checked for its words
NEAR_POSTINGS = 20_000  # shingle rows read for a common-word claim's approximate candidates
SOURCE_REF = "id, outlet, title, published, url"
# The source's columns beside a quote's, named apart (both tables have an id).
_SOURCE_COLUMNS = ", ".join(f"s.{key} AS source_{key}" for key in SOURCE_REF.split(", "))
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


class ClaimTooLong(StoreError):
    code = "content-too-large"


def check_claim(db: sqlite_utils.Database, text: str, speaker: str | None = None,
                source_id: str | None = None) -> dict:
    """Tell whether text is verbatim, altered, misattributed, narrative or unknown in the corpus."""
    if len(text) > engine.MAX_CLAIM_CHARS:
        raise ClaimTooLong(f"The claim has {len(text)} characters; at most "
                           f"{engine.MAX_CLAIM_CHARS} are checked",
                           {"text": [f"longer than {engine.MAX_CLAIM_CHARS} characters"]})
    claim = engine.parse_claim(text)
    if source_id is not None:
        if not db.execute("SELECT 1 FROM sources WHERE id = ?", [source_id]).fetchone():
            raise NotFound(f"no source with id {source_id!r}", {"source": ["no such source"]})
        source_ids = [source_id]
    elif claim.pieces:
        source_ids = candidate_sources(db, claim, CANDIDATES)
    else:  # no words (punctuation, spaces, control characters): found nowhere
        source_ids = []
    docs, refs = load_candidates(db, claim, source_ids)
    claimed, resolved = resolve_speaker(db, speaker) if speaker else (None, [])
    result = engine.check(claim, docs, claimed, limit=MATCHES)
    matches = [match_resource(m, refs) for m in result.matches]
    return {
        "verdict": result.verdict,
        "claim": claim_resource(claim, speaker, source_id),
        "speaker": {"claimed": speaker, "resolved": resolved} if speaker else None,
        "similarity": matches[0]["similarity"] if matches else None,
        "threshold": engine.THRESHOLD,
        "matches": matches,
        "first_reported": first_reported([m for m in matches if m["similarity"] == 1]),
    }


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
    query = fts_query(claim, doc_freq, total, skip, nested=True)
    if query is None:
        return []
    sql = ("SELECT m.source_id FROM sources_fts f JOIN sources_fts_map m ON m.seq = f.rowid "
           "WHERE sources_fts MATCH ? LIMIT ?")
    found = [row[0] for row in db.execute(sql, [query, limit + 1])]
    if len(found) <= limit or (len(rarest) < RARE_UNITS and any(t not in doc_freq for t in rare)):
        # Every match is a candidate, and the answer does not depend on their order: ranking
        # them would cost bm25's full pass over each phrase's matches for nothing. A claim
        # holding a word no source has is nowhere verbatim, and bm25 over its common words
        # would read most of the index: the first matches are its (approximate) candidates.
        return found[:limit]
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
        found = shingle_candidates(db, hashes, within, limit - SHINGLE_RESERVE,
                                   any_two_docs(rare, *docs))
        if not found and len(rare) == 2:  # one of the two may be the altered word
            either = any_two_docs(rare, *docs, either=True)
            found = shingle_candidates(db, hashes, within.replace(" AND ", " OR "),
                                       limit - SHINGLE_RESERVE, either)
    if selective:
        found += [s for s in shingle_candidates(db, selective, None, limit) if s not in found]
    # With two or more shingles and none stored, no source holds the claim bar a word or two.
    return found[:limit] if found or len(selective) >= 2 else None


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


def load_candidates(db: sqlite_utils.Database, claim: engine.Claim, source_ids: list[str],
                    exact: bool = False) -> tuple[list[engine.SourceDoc], dict]:
    """Return the candidates that may hold the claim (by their stored forms), as load_sources."""
    forms = source_forms(db, source_ids)
    keep = []
    for sid in source_ids:  # approximate matching costs claim × source: keep to the budget
        if past_deadline():
            raise OverBudget("the check needed more than its time budget "
                             "(VERBATIM_REQUEST_BUDGET_MS); check a shorter passage")
        if sid not in forms or engine.might_match(claim, forms[sid][0], exact):
            keep.append(sid)
    return load_sources(db, keep, forms)


def load_sources(db: sqlite_utils.Database, source_ids: list[str],
                 forms: dict | None = None) -> tuple[list[engine.SourceDoc], dict]:
    """Return the sources with their quote spans and speakers, and their references by id."""
    if not source_ids:
        return [], {}
    marks = ", ".join("?" * len(source_ids))
    refs, texts = {}, {}
    sql = f"SELECT {SOURCE_REF}, text FROM sources WHERE id IN ({marks})"
    for row in read(db, sql, source_ids):
        texts[row["id"]] = row.pop("text")
        refs[row["id"]] = row
    quotes: dict[str, list[engine.QuoteSpan]] = {sid: [] for sid in refs}
    # Each quote's speaker's aliases in the same statement: one statement fewer per check.
    sql = (f'SELECT q.id, q.source_id, q.start, q."end", q.speaker_id, sp.name, '
           "(SELECT json_group_array(a.alias) FROM speaker_aliases a "
           "WHERE a.speaker_id = q.speaker_id) FROM quotes q "
           f"LEFT JOIN speakers sp ON sp.id = q.speaker_id WHERE q.source_id IN ({marks}) "
           "ORDER BY q.source_id, q.start")
    for quote_id, sid, start, end, speaker_id, name, aliases in db.execute(sql, source_ids):
        names = tuple(sorted(json.loads(aliases), key=_nocase)) if speaker_id else ()
        quotes[sid].append(engine.QuoteSpan(quote_id, start, end, speaker_id, name, names))
    forms = forms or {}
    docs = [engine.SourceDoc(sid, refs[sid]["published"], texts[sid], tuple(quotes[sid]),
                             forms.get(sid)) for sid in source_ids if sid in refs]
    return docs, refs


def _nocase(alias: str) -> str:
    """Return the key SQLite's NOCASE collation sorts alias by (ASCII letters folded only)."""
    return alias.translate(_ASCII_LOWER)


def resolve_speaker(db: sqlite_utils.Database, text: str) -> tuple[engine.ClaimedSpeaker, list[dict]]:
    """Resolve a claimed speaker by id, canonical name or alias, case-insensitively."""
    sql = """
        SELECT id, name FROM speakers WHERE id = :s OR name = :s COLLATE NOCASE
        UNION SELECT sp.id, sp.name FROM speaker_aliases a JOIN speakers sp ON sp.id = a.speaker_id
        WHERE a.alias = :s
        ORDER BY id
    """
    resolved = read(db, sql, {"s": text.strip()})
    return engine.ClaimedSpeaker(text, frozenset(r["id"] for r in resolved)), resolved


def claim_resource(claim: engine.Claim, speaker: str | None, source_id: str | None) -> dict:
    """Return the claim as parsed: its normalised words, pieces and editorial insertions."""
    return {
        "text": claim.text, "normalized": claim.normalized, "speaker": speaker,
        "source": source_id, "omissions": claim.omissions,
        "pieces": [{"text": p.text, "start": p.start, "end": p.end} for p in claim.pieces],
        "insertions": [{"text": i.text, "start": i.start, "end": i.end} for i in claim.insertions],
    }


def match_resource(match: engine.Match, refs: dict) -> dict:
    """Return one match as JSON: where the words stand and whose quote they are."""
    quote = match.quote
    speaker = None
    if quote is not None and quote.speaker_id:
        speaker = {"id": quote.speaker_id, "name": quote.speaker_name}
    return {
        "source": refs[match.source_id], "span": {"start": match.start, "end": match.end},
        "text": match.text, "location": match.location,
        "quote_id": quote.quote_id if quote else None, "speaker": speaker,
        "speaker_matches": match.speaker_matches, "similarity": match.similarity,
        "pieces": [{"text": p.text, "span": {"start": p.start, "end": p.end},
                    "similarity": p.similarity} for p in match.pieces],
        "diff": [{"op": d.op, "claimed": d.claimed, "source": d.source} for d in match.diff],
    }


def first_reported(entries: list[dict]) -> dict | None:
    """Return the entry from the earliest-published source (undated sources last)."""
    dated = sorted(entries, key=lambda e: (e["source"]["published"] is None,
                                           e["source"]["published"] or "", e["source"]["id"]))
    if not dated:
        return None
    first = dated[0]
    return {key: first[key] for key in ("source", "span", "quote_id", "speaker")}


def quote_provenance(db: sqlite_utils.Database, quote_id: str) -> dict:
    """Re-check a stored quote against its source and list the other sources with its words."""
    rows = list(db.query(
        f'SELECT q.id, q.text, q.start, q."end", q.prefix, q.suffix, q.speaker_id, sp.name, '
        f"s.sha256, s.text AS source_text, {_SOURCE_COLUMNS} FROM quotes q "
        "JOIN sources s ON s.id = q.source_id LEFT JOIN speakers sp ON sp.id = q.speaker_id "
        "WHERE q.id = ?", [quote_id]))
    if not rows:
        raise_if_deleted(db, quote_id)
        raise NotFound(f"no quote with id {quote_id!r}")
    row = rows[0]
    checked = engine.check_integrity(row["source_text"], row["sha256"], row["start"], row["end"],
                                     row["text"], row["prefix"], row["suffix"])
    source = {key: row[f"source_{key}"] for key in SOURCE_REF.split(", ")}
    speaker = {"id": row["speaker_id"], "name": row["name"]} if row["speaker_id"] else None
    own = {"source": source, "span": {"start": row["start"], "end": row["end"]},
           "quote_id": quote_id, "speaker": speaker}
    also_in = also_in_sources(db, row["text"], source["id"])
    return {"quote_id": quote_id, "text": row["text"], "speaker": speaker,
            "source": {**source, "sha256": row["sha256"]},
            "checks": integrity_resource(checked), "intact": checked.intact,
            "also_in": also_in, "first_reported": first_reported([own] + also_in)}


def also_in_sources(db: sqlite_utils.Database, text: str, source_id: str) -> list[dict]:
    """Return every other source holding these words after normalisation, earliest first."""
    claim = engine.literal_claim(text)
    if not claim.pieces:
        return []
    found = [sid for sid in candidate_sources(db, claim, ALSO_IN_CANDIDATES) if sid != source_id]
    docs, refs = load_candidates(db, claim, found, exact=True)
    result = engine.check(claim, docs, limit=ALSO_IN_CANDIDATES, exact=True)
    entries = [{key: value for key, value in match_resource(m, refs).items()
                if key in ("source", "span", "quote_id", "speaker", "location")}
               for m in result.matches]
    return sorted(entries, key=lambda e: (e["source"]["published"] is None,
                                          e["source"]["published"] or "", e["source"]["id"],
                                          e["span"]["start"]))


def integrity_resource(checked: engine.Integrity) -> dict:
    """Return the integrity checks as JSON."""
    found = checked.found_at
    return {
        "sha256": {"ok": checked.sha256_ok, "stored": checked.stored_sha256,
                   "computed": checked.computed_sha256},
        "span": {"ok": checked.span_ok,
                 "found": {"start": found[0], "end": found[1]} if found else None},
        "context": {"ok": checked.context_ok, "prefix": checked.prefix_ok,
                    "suffix": checked.suffix_ok},
    }
