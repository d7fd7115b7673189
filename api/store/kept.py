"""Answers kept until a write: the one cache of the store.

What is read again and again and changes only when the database does (resolved names, the
outlets list, the speaker count, provenance word and shingle counts) is kept per database file,
shared by every connection of the process to that file (a gunicorn worker's threads).

A connection that sees the database changed since its own last look, or looks for the first
time, empties what is kept for the file: `PRAGMA data_version` changes when another connection
(in any process) commits, `total_changes` counts the connection's own writes. Every look after
a commit is therefore some connection's first look since it, so nothing computed before a write
is returned after it; answers computed while the file was emptied are not kept.
"""
from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

import sqlite_utils

T = TypeVar("T")
KEPT_MAX = 24_000  # answers per file and space (~3 MB); keys may come from request values
FILES_MAX = 64  # files with kept answers (tests open many); forgetting is always safe


class _Shelf:
    """The answers kept for one database file, by space."""

    def __init__(self) -> None:
        self.lock, self.epoch, self.answers = threading.Lock(), 0, {}


class _Look:
    """A connection's shelf and the generation it last saw."""

    def __init__(self, shelf_key: tuple | None) -> None:
        self.shelf_key, self.generation, self.own = shelf_key, None, _Shelf()


_SHELVES: dict[tuple, _Shelf] = {}
_SHELVES_LOCK = threading.Lock()
_LOOKS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Database -> _Look


def generation(db: sqlite_utils.Database) -> tuple[int, int]:
    """Return a value that changes whenever the database may have changed for this connection."""
    return db.execute("PRAGMA data_version").fetchone()[0], db.conn.total_changes


def kept(db: sqlite_utils.Database, key: Hashable,
         compute: Callable[[sqlite_utils.Database], T]) -> T:
    """Return compute(db), computed again only when the database has changed since."""
    return kept_each(db, [key], lambda db, keys: {k: compute(db) for k in keys}).get(key)


def kept_each(db: sqlite_utils.Database, keys: Iterable[Hashable],
              lookup: Callable[[sqlite_utils.Database, list], dict], space: str = "") -> dict:
    """Return {key: answer} for keys, lookup(db, missing) giving those not kept.

    A key lookup leaves out (or answers None) has no answer and is left out of the result;
    that absence is kept too. Each space is bounded apart, so that many small answers (the
    provenance index's counts) never push out a costly one (the month cube).
    """
    keys = list(keys)
    shelf = _shelf(db)
    with shelf.lock:
        epoch = shelf.epoch
        kept_here = shelf.answers.setdefault(space, {})
        found = {key: kept_here[key] for key in keys if key in kept_here}
    missing = [key for key in dict.fromkeys(keys) if key not in found]
    if missing:
        answers = lookup(db, missing)
        fresh = {key: answers.get(key) for key in missing}
        with shelf.lock:
            if shelf.epoch == epoch:
                if len(shelf.answers.get(space, ())) + len(fresh) > KEPT_MAX:
                    shelf.answers[space] = {}
                shelf.answers.setdefault(space, {}).update(fresh)
        found.update(fresh)
    return {key: found[key] for key in keys if found[key] is not None}


def _shelf(db: sqlite_utils.Database) -> _Shelf:
    """Return the file's shelf, emptied first if this connection sees the database changed."""
    with _SHELVES_LOCK:  # connections of other threads come and go (weak keys)
        look = _LOOKS.get(db)
    if look is None:
        path = db.execute("PRAGMA database_list").fetchone()[2]
        look = _Look((path, os.stat(path).st_dev, os.stat(path).st_ino)
                     if path else None)  # a memory database keeps its own
        with _SHELVES_LOCK:
            _LOOKS[db] = look
    if look.shelf_key is None:
        shelf = look.own
    else:
        with _SHELVES_LOCK:
            if look.shelf_key not in _SHELVES and len(_SHELVES) >= FILES_MAX:
                _SHELVES.clear()
            shelf = _SHELVES.setdefault(look.shelf_key, _Shelf())
    now = generation(db)
    if look.generation != now:
        with shelf.lock:
            shelf.epoch, shelf.answers = shelf.epoch + 1, {}
        look.generation = now
    return shelf
