"""Editorial corrections: add, change and delete quotes, each write recorded in the audit table."""
from __future__ import annotations

import json

import sqlite_utils

from api.db import write_transaction
from api.extraction.model import ExtractedQuote, Speaker
from api.store import ids
from api.store.errors import Conflict, Gone, NotFound
from api.store.ingest import (SourceInput, check_span, quote_row, record_history,
                              upsert_speaker)

SPAN_FIELDS = ("start", "end", "text")


def create_quote(db: sqlite_utils.Database, actor: str, data: dict) -> str:
    """Add a quote that extraction missed; its span must reproduce its text exactly."""
    with write_transaction(db):
        source, sha = _source(db, data["source"])
        check_span(source.text, data["start"], data["end"], data["text"])
        _refuse_taken_span(db, data["source"], data["start"], data["end"])
        quote_id = _free_quote_id(db, sha, data["start"], data["end"])
        speaker, speaker_id = _speaker(db, data.get("speaker"), sha)
        quote = ExtractedQuote(data["start"], data["end"], data["text"], data["kind"], speaker,
                               data.get("cue"), None, None, data.get("date"),
                               data.get("date_basis") or _basis(data.get("date"), source.published))
        row = quote_row(source, sha, data["source"], quote, speaker_id)
        db["quotes"].insert({**row, "id": quote_id})
        record_history(db, actor, [(quote_id, "create", None, _public(_snapshot(db, quote_id)))])
    return quote_id


def _basis(date: str | None, published: str | None) -> str | None:
    """Return how a new quote's date was found: given with it, else its source's publication."""
    return "stated" if date else "published" if published else None


def update_quote(db: sqlite_utils.Database, actor: str, quote_id: str, changes: dict) -> None:
    """Change a quote's speaker, kind, cue, date or span; its id stays the same."""
    with write_transaction(db):
        before = _snapshot(db, quote_id)
        updates = {k: v for k, v in changes.items() if k in ("kind", "cue", "date", "date_basis")}
        if "date" in updates:
            updates.setdefault("date_basis", "stated" if updates["date"] else None)
            updates["date_precision"] = "day" if updates["date"] else None
            updates["date"] = updates["date"] or ""
        if any(field in changes for field in SPAN_FIELDS):
            updates.update(_span_update(db, before, changes))
        if "speaker" in changes:
            source, sha = _source(db, before["source_id"])
            speaker, updates["speaker_id"] = _speaker(db, changes["speaker"], sha)
            updates["role"] = speaker.role if speaker else None
            updates["mention"] = speaker.mention if speaker else None
        if updates:
            db["quotes"].update(before["seq"], updates)
        _drop_if_unquoted(db, before["speaker_id"])
        record_history(db, actor, [(quote_id, "update", _public(before),
                                    _public(_snapshot(db, quote_id)))])


def delete_quote(db: sqlite_utils.Database, actor: str, quote_id: str) -> None:
    """Remove a false quote; it then answers 410 with its history."""
    with write_transaction(db):
        before = _snapshot(db, quote_id)
        db.execute("DELETE FROM quotes WHERE id = ?", [quote_id])
        _drop_if_unquoted(db, before["speaker_id"])
        record_history(db, actor, [(quote_id, "delete", _public(before), None)])


def quote_history(db: sqlite_utils.Database, quote_id: str) -> list[dict]:
    """Return every recorded write to a quote, oldest first."""
    rows = list(db.query("SELECT action, actor, at, before, after FROM quote_history "
                         "WHERE quote_id = ? ORDER BY seq", [quote_id]))
    if not rows and not db.execute("SELECT 1 FROM quotes WHERE id = ?", [quote_id]).fetchone():
        raise NotFound(f"no quote with id {quote_id!r}")
    for row in rows:
        row["before"] = json.loads(row["before"]) if row["before"] else None
        row["after"] = json.loads(row["after"]) if row["after"] else None
    return rows


def raise_if_deleted(db: sqlite_utils.Database, quote_id: str) -> None:
    """Raise Gone, carrying the history, if the quote was deleted by an editor."""
    if db.execute("SELECT 1 FROM quote_history WHERE quote_id = ? AND action = 'delete'",
                  [quote_id]).fetchone():
        raise Gone(f"quote {quote_id} was deleted", extra={"history": quote_history(db, quote_id)})


def _source(db: sqlite_utils.Database, source_id: str) -> tuple[SourceInput, str]:
    row = db.execute("SELECT text, outlet, published, language, sha256 FROM sources WHERE id = ?",
                     [source_id]).fetchone()
    if row is None:
        raise NotFound(f"no source with id {source_id!r}", {"source": ["unknown source id"]})
    text, outlet, published, language, sha = row
    return SourceInput(text=text, outlet=outlet, published=published, language=language), sha


def _speaker(db: sqlite_utils.Database, data: dict | None,
             sha: str) -> tuple[Speaker | None, str | None]:
    """Return the speaker an editor named, and its id: by id, by a known name or alias, or new.

    "Wang" picks the speaker whose alias it is rather than creating a second "Wang"; an alias
    that several speakers share is a 409 listing their ids.
    """
    if not data:
        return None, None
    if data.get("id"):
        row = db.execute("SELECT id, name, kind FROM speakers WHERE id = ?", [data["id"]]).fetchone()
        if row is None:
            raise NotFound(f"no speaker with id {data['id']!r}", {"speaker": ["unknown speaker id"]})
        known = [row]
    else:
        known = db.execute(
            "SELECT DISTINCT sp.id, sp.name, sp.kind FROM speakers sp WHERE sp.kind != 'anonymous' "
            "AND (sp.id = ? OR sp.id IN (SELECT speaker_id FROM speaker_aliases WHERE alias = ?))",
            [ids.slugify(data["name"]), data["name"]]).fetchall()
    if len(known) > 1:
        raise Conflict(f"The name {data['name']!r} names several speakers; give one's id",
                       {"speaker": ["ambiguous name: " + ", ".join(sorted(r[0] for r in known))]})
    if known:
        speaker_id, name, kind = known[0]
        speaker = Speaker(name, kind, data.get("role"), data.get("name") or name)
        if kind == "anonymous":  # its id is tied to its own article, not this quote's
            return speaker, speaker_id
    else:
        speaker = Speaker(data["name"], data.get("kind") or "person", data.get("role"), data["name"])
    return speaker, upsert_speaker(db, speaker, sha)


def _drop_if_unquoted(db: sqlite_utils.Database, speaker_id: str | None) -> None:
    """Remove a speaker that a correction left without quotes (its aliases go with it)."""
    if speaker_id:
        db.execute("DELETE FROM speakers WHERE id = ? AND NOT EXISTS "
                   "(SELECT 1 FROM quotes WHERE speaker_id = ?)", [speaker_id, speaker_id])


def _refuse_taken_span(db: sqlite_utils.Database, source_id: str, start: int, end: int,
                       moving: str | None = None) -> None:
    """Raise Conflict when another quote of the source already stands at exactly this span."""
    row = db.execute('SELECT id FROM quotes WHERE source_id = ? AND start = ? AND "end" = ? '
                     "AND id IS NOT ?", [source_id, start, end, moving]).fetchone()
    if row:
        raise Conflict(f"quote {row[0]} already covers this span",
                       {"span": ["a quote with this span exists"]}, {"quote_id": row[0]})


def _free_quote_id(db: sqlite_utils.Database, sha: str, start: int, end: int) -> str:
    """Return the span's id, or the next of its sequence when a moved quote kept that id.

    A correction that moves a span keeps the quote's id, so the old span is free again but its
    first id is not. A deleted quote's id is free: re-creating it continues its history.
    """
    generation = 0
    while True:
        quote_id = ids.quote_id(sha, start, end, generation)
        if not db.execute("SELECT 1 FROM quotes WHERE id = ?", [quote_id]).fetchone():
            return quote_id
        generation += 1


def _span_update(db: sqlite_utils.Database, before: dict, changes: dict) -> dict:
    start = changes.get("start", before["start"])
    end = changes.get("end", before["end"])
    text = changes.get("text", before["text"])
    source, sha = _source(db, before["source_id"])
    check_span(source.text, start, end, text)
    _refuse_taken_span(db, before["source_id"], start, end, moving=before["id"])
    row = quote_row(source, sha, before["source_id"], ExtractedQuote(start, end, text, "full", None),
                    None)
    return {key: row[key] for key in ("start", "end", "start_utf16", "end_utf16", "text",
                                      "prefix", "suffix")}


def _snapshot(db: sqlite_utils.Database, quote_id: str) -> dict:
    rows = list(db.query("SELECT * FROM quotes WHERE id = ?", [quote_id]))
    if not rows:
        raise_if_deleted(db, quote_id)
        raise NotFound(f"no quote with id {quote_id!r}")
    return rows[0]


def _public(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in ("seq", "created_at")}
