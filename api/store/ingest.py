"""Writing a source with its speakers and quotes in one transaction."""
from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_left
from functools import lru_cache
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone

import sqlite_utils

from api.db import write_transaction
from api.extraction.languages import detect_language
from api.extraction.model import ExtractedQuote, Speaker
from api.store import ids
from api.store.errors import Conflict, SpanMismatch, StoreError
from api.store.provenance_index import index_source

CONTEXT_CHARS = 32
# The longest text one source may have (a text body, or a page's article text): one ingest
# then holds the store for ~2-3 s at most.
MAX_TEXT_CHARS = 2_000_000


@dataclass(frozen=True)
class SourceInput:
    """A source document as given by a seed manifest or a client."""

    text: str
    outlet: str
    publisher: str | None = None
    title: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    notes: str | None = None
    html_sha256: str | None = None  # when the text was extracted from an HTML page


@dataclass
class IngestResult:
    source_id: str
    created: bool
    stored: int = 0
    refused: list[str] = field(default_factory=list)


_ASTRAL_RE = re.compile("[\U00010000-\U0010FFFF]")


@lru_cache(maxsize=8)
def _astral_positions(text: str) -> tuple[int, ...]:
    return tuple(m.start() for m in _ASTRAL_RE.finditer(text))


def utf16_offset(text: str, index: int) -> int:
    """Return the UTF-16 code-unit offset of code-point index in text.

    Each character outside the BMP (an emoji) takes two code units: the offset is the index
    plus how many of them come before it. Their positions are found once per text, so an
    article's thousands of quotes cost one scan, not one encoding of the text each.
    """
    return index + bisect_left(_astral_positions(text), index)


def check_span(text: str, start: int, end: int, claimed: str) -> None:
    """Raise SpanMismatch unless text[start:end] is exactly claimed."""
    if not (0 <= start <= end <= len(text)):
        raise SpanMismatch(f"span [{start}, {end}) is not a span of the source text (length "
                           f"{len(text)})",
                           {"span": [f"must satisfy 0 <= start <= end <= {len(text)}"]})
    actual = text[start:end]
    if actual != claimed:
        raise SpanMismatch(f"source text at [{start}, {end}) is {actual!r}, not {claimed!r}",
                           {"text": [f"source text at this span is {actual!r}"]})


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


METADATA_FIELDS = ("outlet", "publisher", "title", "author", "url", "published", "language", "notes")


def refuse_other_metadata(db: sqlite_utils.Database, sid: str, source: SourceInput) -> None:
    """Raise Conflict when a text already stored is sent again with other metadata.

    Fields left out (None) agree with anything; a field given differently would be dropped
    silently otherwise, so the answer names the stored values instead.
    """
    row = dict(zip(METADATA_FIELDS, db.execute(
        f"SELECT {', '.join(METADATA_FIELDS)} FROM sources WHERE id = ?", [sid]).fetchone()))
    differ = {name: row[name] for name in METADATA_FIELDS
              if getattr(source, name) is not None and getattr(source, name) != row[name]}
    if differ:
        raise Conflict(f"source {sid} holds this text with other metadata",
                       {name: [f"stored as {value!r}"] for name, value in differ.items()},
                       {"source_id": sid, "stored": row})


def store_source(db: sqlite_utils.Database, source: SourceInput, quotes: list[ExtractedQuote],
                 actor: str | None = None) -> IngestResult:
    """Store a source and its quotes atomically; an existing identical text is returned as is.

    With an actor (a token's name) every stored quote gets a 'create' line in its history.
    """
    sha = hashlib.sha256(source.text.encode("utf-8")).hexdigest()
    sid = ids.source_id(sha)
    with write_transaction(db):
        if db.execute("SELECT 1 FROM sources WHERE id = ?", [sid]).fetchone():
            refuse_other_metadata(db, sid, source)
            return IngestResult(sid, created=False)
        db["sources"].insert({
            "id": sid, "sha256": sha, "outlet": source.outlet, "publisher": source.publisher,
            "title": source.title, "author": source.author, "url": source.url,
            "published": source.published, "language": source.language, "notes": source.notes,
            "text": source.text, "length": len(source.text), "created_at": now_iso(),
            "html_sha256": source.html_sha256,
        })
        index_source(db, sid, source.text)
        result = IngestResult(sid, created=True)
        rows = []
        for quote in quotes:
            try:
                check_span(source.text, quote.start, quote.end, quote.text)
            except SpanMismatch as exc:
                result.refused.append(exc.detail)
                continue
            speaker = upsert_speaker(db, quote.speaker, sha)
            rows.append(quote_row(source, sha, sid, quote, speaker))
        db["quotes"].insert_all(rows)
        if actor:
            record_history(db, actor, [(row["id"], "create", None, row) for row in rows])
        result.stored = len(rows)
    return result


def quote_row(source: SourceInput, sha: str, sid: str, quote: ExtractedQuote,
              speaker_id: str | None) -> dict:
    """Return the quotes-table row for one checked quote."""
    text = source.text
    return {
        "id": ids.quote_id(sha, quote.start, quote.end), "source_id": sid,
        "speaker_id": speaker_id, "kind": quote.kind,
        "start": quote.start, "end": quote.end,
        "start_utf16": utf16_offset(text, quote.start), "end_utf16": utf16_offset(text, quote.end),
        "text": quote.text,
        "prefix": text[max(0, quote.start - CONTEXT_CHARS):quote.start],
        "suffix": text[quote.end:quote.end + CONTEXT_CHARS],
        "cue": quote.cue, "cue_start": quote.cue_start, "cue_end": quote.cue_end,
        "role": quote.speaker.role if quote.speaker else None,
        "mention": quote.speaker.mention if quote.speaker else None,
        "date": quote.date or source.published or "", "date_basis": quote.date_basis,
        "date_precision": (quote.date_precision or "day") if quote.date or source.published else None,
        "outlet": source.outlet, "language": source.language, "created_at": now_iso(),
    }


def upsert_speaker(db: sqlite_utils.Database, speaker: Speaker | None, sha: str) -> str | None:
    """Create or enrich a speaker (aliases, roles) and return its id."""
    if speaker is None or not speaker.name.strip():
        return None
    sid = ids.speaker_id(speaker.name, speaker.kind, sha)
    row = db.execute("SELECT roles FROM speakers WHERE id = ?", [sid]).fetchone()
    roles = json.loads(row[0]) if row else []
    if speaker.role and speaker.role.casefold() not in {role.casefold() for role in roles}:
        roles.append(speaker.role)  # "Mayor" and "mayor" are one role, listed as first written
    if row is None:
        db.execute("INSERT INTO speakers (id, name, kind, roles) VALUES (?, ?, ?, ?)",
                   [sid, speaker.name, speaker.kind, json.dumps(roles, ensure_ascii=False)])
    else:
        db.execute("UPDATE speakers SET roles = ? WHERE id = ?",
                   [json.dumps(roles, ensure_ascii=False), sid])
    for alias in {speaker.name, speaker.mention} - {None}:
        if is_name_alias(alias, speaker.name):
            db.execute("INSERT OR IGNORE INTO speaker_aliases (alias, speaker_id) VALUES (?, ?)",
                       [alias, sid])
    return sid


def is_name_alias(alias: str, name: str) -> bool:
    """Keep names as aliases ('Wang', 'Wang Wenbin'), not pronouns or descriptions ('he')."""
    alias = alias.strip()
    if alias == name:
        return True
    return bool(alias) and alias[0].isupper() and all(w in name.split() for w in alias.split())


def record_history(db: sqlite_utils.Database, actor: str,
                   entries: list[tuple[str, str, dict | None, dict | None]]) -> None:
    """Append (quote_id, action, before, after) lines to the audit table."""
    at = now_iso()
    db["quote_history"].insert_all(
        {"quote_id": quote_id, "action": action, "actor": actor, "at": at,
         "before": json.dumps(before, ensure_ascii=False) if before is not None else None,
         "after": json.dumps(after, ensure_ascii=False) if after is not None else None}
        for quote_id, action, before, after in entries)


def ingest_article(db: sqlite_utils.Database, source: SourceInput, actor: str) -> IngestResult:
    """Extract an article's quotes, then store it with them in one short transaction."""
    from api.extraction import MAX_QUOTATION_MARKS, TooManyQuotationMarks, extract_quotes

    sid = ids.source_id(hashlib.sha256(source.text.encode("utf-8")).hexdigest())
    if db.execute("SELECT 1 FROM sources WHERE id = ?", [sid]).fetchone():
        refuse_other_metadata(db, sid, source)
        return IngestResult(sid, created=False)  # a re-post costs no extraction
    source = with_language(source)
    try:
        quotes = extract_quotes(source.text, published=source.published, language=source.language)
    except TooManyQuotationMarks as exc:
        field = "html" if source.html_sha256 else "text"
        raise StoreError(str(exc), {field: [f"more than {MAX_QUOTATION_MARKS:,} quotation marks"]},
                         code="too-many-quotation-marks") from exc
    return store_source(db, source, quotes, actor)


def with_language(source: SourceInput) -> SourceInput:
    """Return the source with its language detected from its text when none was given."""
    if source.language is not None:
        return source
    return replace(source, language=detect_language(source.text))
