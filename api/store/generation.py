"""Results that stay the same until the database changes, kept per connection."""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

import sqlite_utils

T = TypeVar("T")
_KEPT = "_verbatim_kept"  # attribute on the connection's Database: {key: (generation, value)}
KEPT_MAX = 4096  # keys per connection; keys may come from request values, so they are bounded


def generation(db: sqlite_utils.Database) -> tuple[int, int]:
    """Return a value that changes whenever the database may have changed.

    `PRAGMA data_version` changes when any other connection (in any process) commits;
    `total_changes` counts this connection's own writes. Exact, and two tiny calls.
    """
    return db.execute("PRAGMA data_version").fetchone()[0], db.conn.total_changes


def unchanged_since_last_write(db: sqlite_utils.Database, key: Hashable,
                               compute: Callable[[sqlite_utils.Database], T]) -> T:
    """Return compute(db), computed again only when the database has changed since."""
    kept = db.__dict__.setdefault(_KEPT, {})
    now = generation(db)
    if key in kept and kept[key][0] == now:
        return kept[key][1]
    if len(kept) >= KEPT_MAX:
        kept.clear()
    value = compute(db)
    kept[key] = (now, value)
    return value
