"""Building the database from the seed corpus (seeds/manifest.json and its articles)."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from api.db import connect, init_schema
from api.extraction import extract_quotes
from api.store.errors import SeedError
from api.store.ingest import (METADATA_FIELDS, IngestResult, SourceInput, store_source,
                              with_language)
from api.store.provenance_index import rebuild_index

SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"


@dataclass(frozen=True)
class SeedDocument:
    file: str
    source: SourceInput


def read_manifest(seeds_dir: Path = SEEDS_DIR) -> list[SeedDocument]:
    """Read the manifest and its articles, refusing any whose SHA-256 does not match."""
    manifest_path = seeds_dir / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SeedError(f"cannot read {manifest_path}: {exc}") from exc
    documents = []
    for entry in manifest.get("documents", []):
        path = seeds_dir / entry["file"]
        raw = path.read_bytes()
        actual = hashlib.sha256(raw).hexdigest()
        if actual != entry.get("sha256"):
            raise SeedError(f"{path}: SHA-256 is {actual} but manifest.json says "
                            f"{entry.get('sha256')}; the seed text must not be edited")
        fields = {key: entry.get(key) for key in METADATA_FIELDS}
        documents.append(SeedDocument(entry["file"], SourceInput(text=raw.decode("utf-8"), **fields)))
    return documents


def refuse_if_open(path: Path) -> None:
    """Raise SeedError when another connection (a running server) has the database open.

    SQLite leaves WAL mode only when no other connection is open, so a successful switch to
    rollback journaling proves nobody would keep writing to the file about to be replaced.
    """
    probe = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        mode = probe.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.Error as exc:
        mode = str(exc)
    finally:
        probe.close()
    if mode != "delete":
        raise SeedError(f"{path} is open elsewhere (a running server?): stop it before "
                        "rebuilding, or its later writes would be lost")


def build_database(path: str | Path, seeds_dir: Path = SEEDS_DIR, *,
                   replace: bool = False) -> list[IngestResult]:
    """Build a fresh database at path from the seeds; the file appears only when complete.

    An existing file is replaced only with `replace`, and never while a connection has it open.
    """
    path = Path(path)
    if path.exists():
        if not replace:
            raise SeedError(f"{path} exists; pass --force to rebuild it from seeds/ "
                            "(every write made since is lost)")
        refuse_if_open(path)
    documents = read_manifest(seeds_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".building")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    db = connect(tmp)
    try:
        init_schema(db)
        sources = [with_language(doc.source) for doc in documents]
        results = [store_source(db, source, extract_quotes(
            source.text, published=source.published, language=source.language))
            for source in sources]
        rebuild_index(db)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(tmp, path)
    return results
