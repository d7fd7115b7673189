"""Provenance checks: a claim against its candidate sources, a stored quote against its own.

Returns data (the engine's results and the sources' references); api/schemas/provenance.py
shapes it as JSON. Candidates come from api/store/provenance_candidates.py.
"""
from __future__ import annotations

import json
import string
from dataclasses import dataclass

import sqlite_utils

from api import provenance as engine
from api.db import past_deadline, read
from api.store.editorial import raise_if_deleted
from api.store.errors import NotFound, OverBudget, StoreError
from api.store.provenance_candidates import candidate_sources
from api.store.provenance_index import source_forms

CANDIDATES = 20  # sources aligned per check, best full-text rank first
ALSO_IN_CANDIDATES = 100
MATCHES = 10
SOURCE_REF = "id, outlet, title, published, url"
# The source's columns beside a quote's, named apart (both tables have an id).
_SOURCE_COLUMNS = ", ".join(f"s.{key} AS source_{key}" for key in SOURCE_REF.split(", "))
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


@dataclass(frozen=True)
class ClaimCheck:
    """A claim checked: the parsed claim, what was asked, the engine's answer, sources by id."""
    claim: engine.Claim
    speaker: str | None
    source_id: str | None
    resolved: list[dict]  # the stored speakers (id, name) the claimed speaker resolves to
    result: engine.CheckResult
    refs: dict[str, dict]  # source id -> its reference (SOURCE_REF columns)


@dataclass(frozen=True)
class QuoteRecheck:
    """A stored quote re-checked against its source, and the other sources holding its words."""
    quote: dict  # id, text, start, end, speaker_id, name, sha256 and the source_* columns
    integrity: engine.Integrity
    also_in: list[engine.Match]
    refs: dict[str, dict]


class ClaimTooLong(StoreError):
    code = "content-too-large"


def check_claim(db: sqlite_utils.Database, text: str, speaker: str | None = None,
                source_id: str | None = None) -> ClaimCheck:
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
    return ClaimCheck(claim, speaker, source_id, resolved, result, refs)


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


def quote_provenance(db: sqlite_utils.Database, quote_id: str) -> QuoteRecheck:
    """Re-check a stored quote against its source and find the other sources with its words."""
    rows = read(
        db, f'SELECT q.id, q.text, q.start, q."end", q.prefix, q.suffix, q.speaker_id, sp.name, '
        f"s.sha256, s.text AS source_text, {_SOURCE_COLUMNS} FROM quotes q "
        "JOIN sources s ON s.id = q.source_id LEFT JOIN speakers sp ON sp.id = q.speaker_id "
        "WHERE q.id = ?", [quote_id])
    if not rows:
        raise_if_deleted(db, quote_id)
        raise NotFound(f"no quote with id {quote_id!r}")
    row = rows[0]
    checked = engine.check_integrity(row.pop("source_text"), row["sha256"], row["start"],
                                     row["end"], row["text"], row["prefix"], row["suffix"])
    also_in, refs = also_in_sources(db, row["text"], row["source_id"])
    return QuoteRecheck(row, checked, also_in, refs)


def also_in_sources(db: sqlite_utils.Database, text: str,
                    source_id: str) -> tuple[list[engine.Match], dict[str, dict]]:
    """Return the matches of these words (normalised) in other sources, and their references."""
    claim = engine.literal_claim(text)
    if not claim.pieces:
        return [], {}
    found = [sid for sid in candidate_sources(db, claim, ALSO_IN_CANDIDATES) if sid != source_id]
    docs, refs = load_candidates(db, claim, found, exact=True)
    return list(engine.check(claim, docs, limit=ALSO_IN_CANDIDATES, exact=True).matches), refs
