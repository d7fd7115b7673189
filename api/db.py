"""SQLite connections: one per thread and database file, PRAGMAs set once per connection."""
from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import sqlite_utils

SCHEMA_VERSION = 9
# Each version below is applied once as the sqlite-utils migration `schema-N` (MIGRATIONS),
# recorded in _sqlite_migrations.
# Triggers whose body changed: CREATE TRIGGER IF NOT EXISTS keeps an old one, so a database of an
# older schema drops them first (schema 5: the speaker_outlet counts).
REPLACED_TRIGGERS = {5: ("corpus_stats_quote_insert", "corpus_stats_quote_delete",
                         "corpus_stats_quote_update", "corpus_stats_source_delete",
                         "quote_cube_insert", "quote_cube_delete", "quote_cube_update")}
# Columns added to existing tables: CREATE TABLE IF NOT EXISTS leaves an older table as it is
# (schema 6: a statement date's precision; NULL on quotes stored before, where it is unknown;
# schema 7: the SHA-256 of the HTML page a source was extracted from, NULL for a plain text;
# schema 8: a quote's language, its source's, copied for the language filter).
ADDED_COLUMNS = {6: (("quotes", "date_precision", "TEXT"),), 7: (("sources", "html_sha256", "TEXT"),),
                 8: (("quotes", "language", "TEXT"),)}
# Full-text indexes whose tokenizer changed: CREATE VIRTUAL TABLE IF NOT EXISTS keeps an old one,
# so a database of an older schema drops it and rebuilds it from its content table, in the same
# transaction as the rest of the upgrade (schema 9: quotes stemmed by FTS5's porter tokenizer).
REBUILT_INDEXES = {9: ("quotes_fts",)}
SCHEMA_PATH = Path(__file__).with_name("schema.sql")
BUSY_TIMEOUT_MS = 10_000
UPGRADE_TIMEOUT_MS = 600_000
# Reads go through a memory map shared by every connection of the process (no read() call and
# no copy per page), and each connection keeps more pages of its own: a page of quotes touches
# pages of several indexes and tables. SQLite maps at most its build's limit of the file (2 GiB
# less 64 KiB in Python's and Debian's builds): a 1M-quote file is 3.8 GB with the provenance
# tables all through it, and mapping 2 GiB instead of 1 cut a check's CPU time by 1-3 %.
MMAP_BYTES = 1 << 34
CACHE_KIB = 16_384

_local = threading.local()
# A statement running past this thread's deadline is interrupted (sqlite3.OperationalError
# "interrupted"): SQLite calls the handler every PROGRESS_STEPS virtual-machine instructions.
PROGRESS_STEPS = 20_000


def set_deadline(deadline: float | None) -> None:
    """Interrupt this thread's statements once time.monotonic() passes deadline (None: never)."""
    _local.deadline = deadline


def past_deadline() -> bool:
    """Tell whether this thread's request has run past its time budget."""
    deadline = getattr(_local, "deadline", None)
    return deadline is not None and time.monotonic() > deadline


def _past_deadline() -> int:
    return 1 if past_deadline() else 0


def connect(path: str | Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> sqlite_utils.Database:
    """Open a new connection to the database at path with Verbatim's PRAGMAs.

    A write waits up to busy_timeout_ms for another to finish, then fails as busy (a 503).
    """
    conn = sqlite3.connect(str(path), timeout=busy_timeout_ms / 1000, check_same_thread=False,
                           isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    conn.set_progress_handler(_past_deadline, PROGRESS_STEPS)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    return sqlite_utils.Database(conn)


def get_db(path: str | Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> sqlite_utils.Database:
    """Return this thread's connection to the database at path, opening it on first use."""
    cache = getattr(_local, "dbs", None)
    if cache is None:
        cache = _local.dbs = {}
    key = (str(path), busy_timeout_ms)
    if key not in cache:
        cache[key] = connect(path, busy_timeout_ms)
    return cache[key]


def read(db: sqlite_utils.Database, sql: str, params=()) -> list[dict]:
    """Return the rows of a read-only query as dicts.

    sqlite-utils' db.query() wraps every query in a SAVEPOINT and its RELEASE, two more
    statements per query; hot read paths do without.
    """
    cursor = db.conn.execute(sql, params)
    keys = [column[0] for column in cursor.description]
    return [dict(zip(keys, row)) for row in cursor]


def _switch_to_wal(db: sqlite_utils.Database, seconds: float = 30.0) -> None:
    """Switch the file to WAL, waiting while another process does the same.

    Changing the journal mode answers "database is locked" at once, without the busy
    handler, when a second worker starting at the same moment holds the file.
    """
    deadline = time.monotonic() + seconds
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def init_schema(db: sqlite_utils.Database) -> None:
    """Create the tables, indexes and triggers if missing and switch the file to WAL."""
    _switch_to_wal(db)
    # One process at a time: two workers starting must not count twice, and the second waits
    # while the first upgrades a big database (counting a million quotes takes seconds).
    previous = db.conn.execute("PRAGMA busy_timeout").fetchone()[0]
    db.execute(f"PRAGMA busy_timeout = {UPGRADE_TIMEOUT_MS}")
    try:
        _create_or_upgrade(db)
    finally:
        db.execute(f"PRAGMA busy_timeout = {previous}")


def _create_or_upgrade(db: sqlite_utils.Database) -> None:
    # sqlite-utils' Migrations apply each pending change with its record in a transaction of
    # its own; inside this one (BEGIN IMMEDIATE) they nest as savepoints, so a second worker
    # waits for the first and then finds nothing pending, and a crash leaves the old schema.
    with write_transaction(db):
        found = schema_version(db)
        pending = MIGRATIONS.pending(db) if db["meta"].exists() else []  # none on a new file
        rebuilt = [table for migration in pending
                   for table in REBUILT_BY_NAME.get(migration.name, ())]
        MIGRATIONS.apply(db)
        for statement in _statements(SCHEMA_PATH.read_text(encoding="utf-8")):
            db.execute(statement)
        for table in rebuilt:  # then merged into one segment, which every query reads
            db.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")
            db.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
        # Written only when it changes: a commit that changes nothing would still tell every
        # other connection the database changed (PRAGMA data_version), emptying what they keep.
        if found != SCHEMA_VERSION:
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                       [str(SCHEMA_VERSION)])


def normalise_languages(db: sqlite_utils.Database) -> None:
    """Store each source's language as its ISO 639-1 code ("en-GB": "en"), NULL when none,
    and copy it onto the source's quotes.

    The few distinct values are mapped in Python. Languages left NULL stay so: detecting them
    here would hold every writer while a big database's texts are read (about 1 ms a source);
    `api detect-languages` fills them.
    """
    from api.extraction.languages import language_code

    stored = [row[0] for row in db.execute(
        "SELECT DISTINCT language FROM sources WHERE language IS NOT NULL")]
    for value in stored:
        if language_code(value) != value:
            db.execute("UPDATE sources SET language = ? WHERE language = ?",
                       [language_code(value), value])
    db.execute("UPDATE quotes SET language = (SELECT language FROM sources s "
               "WHERE s.id = quotes.source_id)")


# Rows rewritten once, in the upgrade's transaction, when an older database is opened.
REWRITTEN_ROWS = {8: normalise_languages}


def _upgrade_to(version: int):
    """Return the migration to a schema version: its triggers dropped, its columns added, its
    rows rewritten, its full-text indexes dropped (rebuilt once schema.sql has created them).

    schema.sql then creates what is missing at the latest version. On a new database the
    tables do not exist yet: there is nothing to change, and schema.sql creates them whole.
    """
    def upgrade(db: sqlite_utils.Database) -> None:
        existing = db["meta"].exists()
        for trigger in REPLACED_TRIGGERS.get(version, ()):
            db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        for table, column, kind in ADDED_COLUMNS.get(version, ()):
            if db[table].exists() and column not in db[table].columns_dict:
                db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
        if existing and version in REWRITTEN_ROWS:
            REWRITTEN_ROWS[version](db)  # before the indexes the rewritten columns have are built
        for table in REBUILT_INDEXES.get(version, ()) if existing else ():
            db.execute(f"DROP TABLE IF EXISTS {table}")  # schema.sql creates it anew, then rebuilt
    return upgrade


MIGRATIONS = sqlite_utils.Migrations("verbatim")
REBUILT_BY_NAME = {f"schema-{version}": tables for version, tables in REBUILT_INDEXES.items()}
for _version in sorted({*REPLACED_TRIGGERS, *ADDED_COLUMNS, *REWRITTEN_ROWS, *REBUILT_INDEXES}):
    MIGRATIONS(name=f"schema-{_version}")(_upgrade_to(_version))


def _statements(script: str):
    """Split an SQL script into complete statements (trigger bodies hold semicolons)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            yield statement
            statement = ""


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
