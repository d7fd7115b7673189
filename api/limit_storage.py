"""A rate-limit counter store in a small SQLite file, shared by every gunicorn worker.

flask-limiter's `memory://` counts per worker process, so two workers let twice the limit
through. This store plugs into the `limits` library as a storage backend (a subclass of
`limits.storage.Storage` registers its `STORAGE_SCHEME`): `verbatim-sqlite:///path/to/file`.
It keeps fixed-window counters, the strategy flask-limiter uses by default. Counts live
beside the database, never in it: losing them in a crash costs nothing (synchronous=OFF).
"""
from __future__ import annotations

import sqlite3
import threading
import time

from limits.storage import Storage

SCHEME = "verbatim-sqlite"


class SQLiteCounterStorage(Storage):
    """Fixed-window counters in one SQLite table, safe across threads and processes."""

    STORAGE_SCHEME = [SCHEME]

    def __init__(self, uri: str, wrap_exceptions: bool = False, **options) -> None:
        self.path = uri.split("://", 1)[1]
        self._local = threading.local()
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self._db().execute("CREATE TABLE IF NOT EXISTS counters (key TEXT PRIMARY KEY, "
                           "count INTEGER NOT NULL, expiry REAL NOT NULL)")

    @property
    def base_exceptions(self) -> type[Exception]:
        return sqlite3.Error

    def _db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = sqlite3.connect(self.path, timeout=5, isolation_level=None)
            for _ in range(100):  # workers starting together: the switch does not wait by itself
                try:
                    conn.execute("PRAGMA journal_mode = WAL")
                    break
                except sqlite3.OperationalError:
                    time.sleep(0.05)
            conn.execute("PRAGMA synchronous = OFF")
        return conn

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        """Add amount to key's counter, starting a window of `expiry` seconds if none is open."""
        now = time.time()
        db = self._db()
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DELETE FROM counters WHERE key = ? AND expiry <= ?", [key, now])
            count = db.execute(
                "INSERT INTO counters (key, count, expiry) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET count = count + excluded.count RETURNING count",
                [key, amount, now + expiry]).fetchone()[0]
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return count

    def get(self, key: str) -> int:
        row = self._db().execute("SELECT count FROM counters WHERE key = ? AND expiry > ?",
                                 [key, time.time()]).fetchone()
        return row[0] if row else 0

    def get_expiry(self, key: str) -> float:
        row = self._db().execute("SELECT expiry FROM counters WHERE key = ?", [key]).fetchone()
        return row[0] if row else time.time()

    def check(self) -> bool:
        try:
            self._db().execute("SELECT 1").fetchone()
            return True
        except sqlite3.Error:
            return False

    def reset(self) -> int | None:
        return self._db().execute("DELETE FROM counters").rowcount

    def clear(self, key: str) -> None:
        self._db().execute("DELETE FROM counters WHERE key = ?", [key])
