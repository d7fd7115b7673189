"""SQLite connections: one per thread and database file, PRAGMAs set once per connection."""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import sqlite_utils

SCHEMA_VERSION = 4
SCHEMA_PATH = Path(__file__).with_name("schema.sql")
BUSY_TIMEOUT_MS = 10_000

_local = threading.local()


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open a new connection to the database at path with Verbatim's PRAGMAs."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
                           isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    return sqlite_utils.Database(conn)


def get_db(path: str | Path) -> sqlite_utils.Database:
    """Return this thread's connection to the database at path, opening it on first use."""
    cache = getattr(_local, "dbs", None)
    if cache is None:
        cache = _local.dbs = {}
    key = str(path)
    if key not in cache:
        cache[key] = connect(path)
    return cache[key]


def init_schema(db: sqlite_utils.Database) -> None:
    """Create the tables, indexes and triggers if missing and switch the file to WAL."""
    db.execute("PRAGMA journal_mode = WAL")
    db.conn.executescript(SCHEMA_PATH.read_text(encoding="utf-8"))
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
               [str(SCHEMA_VERSION)])


def schema_version(db: sqlite_utils.Database) -> int | None:
    """Return the schema version stored in the database, or None for an empty file."""
    if not db["meta"].exists():
        return None
    row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else None


class write_transaction:
    """Hold SQLite's write lock from the first statement (BEGIN IMMEDIATE), commit or roll back.

    A deferred transaction that reads before it writes can fail at once with "database is
    locked" when another connection writes first; taking the lock up front lets busy_timeout
    queue writers instead.
    """

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def __enter__(self) -> sqlite_utils.Database:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.db.execute("COMMIT")
        elif self.db.conn.in_transaction:
            self.db.execute("ROLLBACK")
