"""python -m api {extract, seed, ingest, check, export} through click's runner."""
import csv
import io
import json

import pytest

from click.testing import CliRunner

from api.cli import cli
from tests.corpus import HARBOUR

ARTICLE = "Budget vote\n\n“We will not raise taxes,” said Finance Minister Ada Brook on Tuesday.\n"


def run(*args: str, input: str | None = None):
    result = CliRunner().invoke(cli, list(args), input=input)
    assert result.exit_code == 0, result.output
    return result.output


def test_extract_prints_json(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    quotes = json.loads(run("extract", str(path), "--published", "2024-05-09"))
    assert [(q["text"], q["kind"], q["speaker"]["name"], q["date"], q["date_basis"])
            for q in quotes] == [("We will not raise taxes,", "full", "Ada Brook", "2024-05-07",
                                  "relative")]
    assert json.loads(run("extract", "-", input="No quotes here.")) == []


def test_ingest_then_export_and_check(corpus_db, tmp_path):
    db = tmp_path / "cli.db"
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = run("ingest", str(article), "--outlet", "Gazette", "--published", "2024-05-09",
              "--db", str(db))
    assert out.startswith("stored s_") and out.endswith(": 1 quotes\n")
    assert run("ingest", str(article), "--outlet", "Gazette", "--db", str(db)).startswith(
        "already stored s_")
    lines = [json.loads(line) for line in run("export", "--db", str(db)).splitlines()]
    assert [(r["text"], r["speaker_name"], r["outlet"]) for r in lines] == [
        ("We will not raise taxes,", "Ada Brook", "Gazette")]
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv", "--db", str(db)))))
    assert [r["speaker_id"] for r in rows] == ["ada-brook"]
    result = json.loads(run("check", "we will NOT raise taxes", "--db", str(db)))
    assert result["verdict"] == "verbatim"
    assert result["matches"][0]["quote_id"] == lines[0]["id"]


def test_export_filters(corpus_db):
    out = run("export", "--db", str(corpus_db), "--speaker", "Okafor", "--kind", "full")
    assert sorted(json.loads(line)["text"] for line in out.splitlines()) == [  # same date: by id
        "Demand is stronger than at any time in our history,",
        "If the supply of chips does not improve, we will miss our targets,",
        "We cannot build them fast enough.",
    ]


def test_the_database_setting_is_read_as_the_app_reads_it(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    env = {"VERBATIM_DB": str(tmp_path / "env.db"), "VERBATIM_BUSY_TIMEOUT_MS": "2000"}
    stored = CliRunner().invoke(cli, ["ingest", str(article), "--outlet", "Gazette"], env=env)
    assert stored.exit_code == 0 and stored.output.endswith(": 1 quotes\n")
    exported = CliRunner().invoke(cli, ["export"], env=env)
    assert [json.loads(line)["text"] for line in exported.output.splitlines()] == [
        "We will not raise taxes,"]
    assert (tmp_path / "env.db").exists()


def test_cli_errors_are_clear(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(HARBOUR, encoding="utf-8")
    bad_date = CliRunner().invoke(cli, ["ingest", str(article), "--outlet", "X", "--published",
                                        "Tuesday", "--db", str(tmp_path / "x.db")])
    assert bad_date.exit_code == 2 and "--published" in bad_date.output
    no_words = CliRunner().invoke(cli, ["check", "!!!", "--db", str(tmp_path / "x.db")])
    assert no_words.exit_code == 14 and '"verdict": "not_found"' in no_words.output


def test_csv_export_neutralises_formula_cells(tmp_path):
    db = tmp_path / "cli.db"
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    run("ingest", str(article), "--outlet", "@Gazette", "--title", '=HYPERLINK("http://x.example")',
        "--db", str(db))
    [row] = list(csv.DictReader(io.StringIO(run("export", "--format", "csv", "--db", str(db)))))
    assert (row["outlet"], row["source_title"], row["text"]) == (
        "'@Gazette", "'=HYPERLINK(\"http://x.example\")", "We will not raise taxes,")


@pytest.mark.parametrize("claim, speaker, status", [
    ("we will NOT raise taxes", None, 0),
    ("We will not … taxes", None, 10),
    ("We will not raise the taxes", None, 11),
    ("We will not raise taxes", "Omar Bell", 12),
    ("Budget vote", None, 13),
    ("Bananas grown in the harbour will be taxed by the moon", None, 14),
])
def test_check_exit_status_tells_the_verdict(tmp_path, claim, speaker, status):
    db = tmp_path / "cli.db"
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    run("ingest", str(article), "--outlet", "Gazette", "--published", "2024-05-09", "--db", str(db))
    args = ["check", claim, "--db", str(db)] + (["--speaker", speaker] if speaker else [])
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == status, result.output


@pytest.mark.parametrize("args, message", [
    (["--url", "not a url"], "--url: Not a valid URL."),
    (["--published", "15/05/2024"], "Invalid value for '--published': must be YYYY-MM-DD"),
    (["--title", "x" * 1001], "--title: Length must be between 1 and 1000."),
])
def test_ingest_validates_what_the_api_validates(tmp_path, args, message):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(article), "--outlet", "Gazette", *args,
                                      "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and message in result.output


def test_extract_refuses_a_date_that_is_not_iso(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path), "--published", "15/05/2024"])
    assert result.exit_code == 2 and "must be YYYY-MM-DD" in result.output


def test_extract_and_ingest_refuse_a_text_over_the_quotation_mark_cap(tmp_path):
    article = tmp_path / "marks.txt"
    article.write_text('"a" ' * 25_000 + '"', encoding="utf-8")
    db = tmp_path / "marks.db"
    extracted = CliRunner().invoke(cli, ["extract", str(article)])
    stored = CliRunner().invoke(cli, ["ingest", str(article), "--outlet", "X", "--db", str(db)])
    refusal = ("the text has 50,001 quotation marks; at most 50,000 are read in one text: "
               "send it in parts")
    assert (extracted.exit_code, extracted.output) == (1, f"Error: {refusal}\n")
    assert (stored.exit_code, stored.output) == (
        1, f"Error: {refusal}: text more than 50,000 quotation marks\n")
    assert CliRunner().invoke(cli, ["export", "--db", str(db)]).output == ""
