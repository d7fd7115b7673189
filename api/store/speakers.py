"""Reading speakers: canonical names, aliases, roles, counts and outlets."""
from __future__ import annotations

import json

import sqlite_utils

from api.db import read
from api.store.errors import NotFound
from api.store.kept import kept

TRIGRAM = 3  # shorter names cannot use the trigram index
SPEAKER_COLUMNS = """
    sp.id, sp.name, sp.kind, sp.roles,
    coalesce((SELECT count FROM corpus_stats WHERE dimension = 'speaker' AND value = sp.id), 0)
        AS quote_count
"""


def list_speakers(db: sqlite_utils.Database, name: str | None, kind: list[str],
                  after: list | None, limit: int) -> tuple[list[dict], list | None]:
    """Return one page of speakers by name, and the next keyset."""
    conds, params = _conditions(name, kind)
    if after is not None:
        conds.append("(sp.name COLLATE NOCASE, sp.id) > (?, ?)")
        params += after
    sql = (f"SELECT {SPEAKER_COLUMNS} FROM speakers sp WHERE {' AND '.join(conds)} "
           "ORDER BY sp.name COLLATE NOCASE, sp.id LIMIT ?")
    rows = [_decode(row) for row in read(db, sql, params + [limit + 1])]
    page = rows[:limit]
    next_after = [page[-1]["name"], page[-1]["id"]] if len(rows) > limit else None
    return page, next_after


def count_speakers(db: sqlite_utils.Database, name: str | None, kind: list[str]) -> int:
    """Return how many speakers match (all of them: counted once until the next write)."""
    if not name and not kind:
        return kept(
            db, "speakers", lambda db: db.execute("SELECT count(*) FROM speakers").fetchone()[0])
    conds, params = _conditions(name, kind)
    return db.execute(f"SELECT count(*) FROM speakers sp WHERE {' AND '.join(conds)}",
                      params).fetchone()[0]


def _conditions(name: str | None, kind: list[str]) -> tuple[list[str], list]:
    conds, params = ["1"], []
    if name and len(name) >= TRIGRAM:
        # names and aliases are all in the trigram index: a phrase query finds substrings
        conds.append("sp.id IN (SELECT speaker_id FROM speaker_aliases_fts "
                     "WHERE speaker_aliases_fts MATCH ?)")
        params.append('alias:"' + name.replace('"', '""') + '"')
    elif name:
        conds.append("sp.id IN (SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ? "
                     "ESCAPE '\\')")
        params.append("%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                      + "%")
    if kind:
        conds.append(f"sp.kind IN ({', '.join('?' * len(kind))})")
        params += kind
    return conds, params


def get_speaker(db: sqlite_utils.Database, speaker_id: str) -> dict:
    """Return one speaker with aliases, roles, counts and outlets, or raise NotFound."""
    rows = [_decode(r) for r in read(db, f"SELECT {SPEAKER_COLUMNS} FROM speakers sp "
                                      "WHERE sp.id = ?", [speaker_id])]
    if not rows:
        raise NotFound(f"no speaker with id {speaker_id!r}")
    speaker = rows[0]
    speaker["aliases"] = [r[0] for r in db.execute(
        "SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias", [speaker_id])]
    # Per-outlet counts are stored by triggers (corpus_stats 'speaker_outlet': id, U+001F, outlet);
    # the first and last dates are the two ends of the (speaker_id, date) index.
    prefix = speaker_id + "\x1f"
    speaker["outlets"] = [{"name": value[len(prefix):], "quote_count": count}
                          for value, count in db.execute(
        "SELECT value, count FROM corpus_stats WHERE dimension = 'speaker_outlet' "
        "AND value >= ? AND value < ? ORDER BY count DESC, value", [prefix, speaker_id + "\x20"])]
    speaker["first_quoted"], speaker["last_quoted"] = (
        _end_date(db, speaker_id, "ASC"), _end_date(db, speaker_id, "DESC"))
    return speaker


def _end_date(db: sqlite_utils.Database, speaker_id: str, order: str) -> str | None:
    row = db.execute("SELECT date FROM quotes WHERE speaker_id = ? AND date > '' "
                     f"ORDER BY date {order} LIMIT 1", [speaker_id]).fetchone()
    return row[0] if row else None


def _decode(row: dict) -> dict:
    row["roles"] = json.loads(row["roles"])
    return row
