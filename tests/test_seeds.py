"""Building the database from seeds/: hash checks, span truth, stable ids, the CLI."""
import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from api import create_app
from api.cli import cli
from api.store.errors import SeedError
from api.store.seeds import SEEDS_DIR, build_database, read_manifest

MANIFEST = json.loads((SEEDS_DIR / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("seeded") / "verbatim.db"
    build_database(path)
    return path


def test_seed_texts_are_the_shared_corpus_unchanged():
    for entry in MANIFEST["documents"]:
        data = (SEEDS_DIR / entry["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
    assert [d.source.outlet for d in read_manifest()] == [
        "AFP", "Breitbart News", "Bloomberg", "South China Morning Post", "AFP"]


def test_a_changed_seed_text_stops_the_build(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    first = seeds / MANIFEST["documents"][0]["file"]
    first.write_text(first.read_text(encoding="utf-8") + " ", encoding="utf-8")
    with pytest.raises(SeedError, match="SHA-256 is .* but manifest.json says f6b4b4b3"):
        build_database(tmp_path / "x.db", seeds)
    assert not (tmp_path / "x.db").exists()


def test_every_stored_span_reproduces_its_quote(seeded_db):
    conn = sqlite3.connect(seeded_db)
    rows = conn.execute('SELECT s.text, q.start, q."end", q.text, q.prefix, q.suffix '
                        "FROM quotes q JOIN sources s ON s.id = q.source_id").fetchall()
    assert len(rows) >= 40
    for text, start, end, quote, prefix, suffix in rows:
        assert text[start:end] == quote
        assert text[:start].endswith(prefix) and text[end:].startswith(suffix)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_ids_are_stable_across_rebuilds(seeded_db, tmp_path):
    again = tmp_path / "again.db"
    build_database(again)
    query = "SELECT id, source_id, speaker_id, start FROM quotes ORDER BY id"
    assert sqlite3.connect(again).execute(query).fetchall() == \
        sqlite3.connect(seeded_db).execute(query).fetchall()
    sources = sqlite3.connect(again).execute("SELECT id FROM sources ORDER BY id").fetchall()
    assert sources == sorted(("s_" + d["sha256"][:12],) for d in MANIFEST["documents"])


def test_seeded_api_serves_a_known_quote(seeded_db):
    client = create_app({"DB": str(seeded_db), "SERVER_NAME": "api.test"}).test_client()
    assert client.get("/healthz").get_json()["sources"] == 5
    page = client.get("/v1/quotes?speaker=Nicholas Burns&kind=full").get_json()
    assert [(q["text"], q["source"]["outlet"], q["source"]["published"]) for q in page["data"]] == [
        ("Frankly, we have not seen progress on this issue,", "AFP", "2023-06-08")]
    burns = page["data"][0]
    source_text = client.get(burns["links"]["source"]).get_json()["text"]
    assert source_text[burns["span"]["start"]:burns["span"]["end"]] == burns["text"]


def test_cli_seed_builds_the_file(tmp_path):
    from click.testing import CliRunner

    path = tmp_path / "cli.db"
    result = CliRunner().invoke(cli, ["seed", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"built {path}: 5 sources, ")
    assert sqlite3.connect(path).execute("SELECT count(*) FROM sources").fetchone() == (5,)


def test_cli_commands_have_help():
    from click.testing import CliRunner

    for command in cli.commands:
        result = CliRunner().invoke(cli, [command, "--help"])
        words = " ".join(cli.commands[command].help.split())  # click wraps the help text
        assert result.exit_code == 0 and words in " ".join(result.output.split())


def _speaker_xy(path) -> int:
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT count(*) FROM speakers WHERE id = 'x-y'").fetchone()[0]
    finally:
        db.close()


def test_cli_seed_refuses_an_existing_file_without_force_and_while_it_is_open(tmp_path):
    from click.testing import CliRunner

    path = tmp_path / "cli.db"
    assert CliRunner().invoke(cli, ["seed", "--db", str(path)]).exit_code == 0
    db = sqlite3.connect(path)
    db.execute("INSERT INTO speakers (id, name, kind) VALUES ('x-y', 'X Y', 'person')")
    db.commit()
    db.close()
    again = CliRunner().invoke(cli, ["seed", "--db", str(path)])
    assert again.exit_code == 1
    assert f"Error: {path} exists; pass --force to rebuild it" in again.output
    assert _speaker_xy(path) == 1

    server = sqlite3.connect(path)  # a running server keeps its connections open, in WAL mode
    server.execute("PRAGMA journal_mode=WAL")
    server.execute("SELECT count(*) FROM sources").fetchone()
    busy = CliRunner().invoke(cli, ["seed", "--db", str(path), "--force"])
    assert busy.exit_code == 1 and "is open elsewhere (a running server?)" in busy.output
    assert server.execute("SELECT count(*) FROM speakers WHERE id = 'x-y'").fetchone() == (1,)
    server.close()

    forced = CliRunner().invoke(cli, ["seed", "--db", str(path), "--force"])
    assert forced.exit_code == 0, forced.output
    assert forced.output.startswith(f"built {path}: 5 sources, ")
    assert _speaker_xy(path) == 0
