"""Languages (issue #18, item 4): every source's language, given, read from the page or
detected; the language filter; the upgrade of older databases; quotes of other languages.

Expected values are written by hand from the texts.
"""
import json
import re
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from api.cli import cli
from api.db import connect, init_schema
from api.extraction import extract_quotes
from api.extraction.languages import detect_language, language_code
from api.schemas.languages import LANGUAGE_PATTERN
from tests.live import copy_db

FRENCH = ("La mairie ouvre un nouveau pont\n\n"
          "« Ce pont relie enfin les deux rives de la ville », a déclaré Anne Roux lundi "
          "devant les habitants réunis sur la place.\n\n"
          "Les travaux ont duré trois ans et la circulation devrait doubler d'ici l'été.")
GERMAN = ("Neue Brücke eröffnet\n\n"
          "„Diese Brücke verbindet endlich beide Teile der Stadt“, sagte Jonas Weber.\n\n"
          "Die Bauarbeiten dauerten drei Jahre, der Verkehr soll sich bis zum Sommer verdoppeln.")
ENGLISH = ("Mayor opens bridge\n\n“This bridge joins two halves of one city,” said Mayor Ana "
           "Lopez on Monday.\n\nTraffic is expected to double by the summer, officials said.")


@pytest.mark.parametrize("tag, code", [
    ("en", "en"), ("EN", "en"), ("en-GB", "en"), ("pt-BR", "pt"), ("zh-Hant-TW", "zh"),
    ("fr_CA", "fr"), ("xx", None), ("eng", None), ("English", None), ("en-", None), ("", None),
])
def test_language_code_of_a_tag(tag, code):
    assert language_code(tag) == code


@pytest.mark.parametrize("text, code", [
    (FRENCH, "fr"), (GERMAN, "de"), (ENGLISH, "en"),
    ("El alcalde dijo el lunes que la ciudad está preparada para el invierno.", "es"),
    ("Il sindaco ha detto lunedì che la città è pronta per l'inverno.", "it"),
    ("", None), ("12 345 678", None), ("OK", None),  # nothing to tell: unknown, not a guess
])
def test_detect_language(text, code):
    assert detect_language(text) == code


def post(client, headers, **body):
    return client.post("/v1/sources", json={"outlet": "City Wire", **body}, headers=headers)


@pytest.mark.parametrize("body, language", [
    ({"text": FRENCH}, "fr"),                       # detected
    ({"text": GERMAN, "language": "de-AT"}, "de"),  # given, stored as its ISO 639-1 code
    ({"text": GERMAN, "language": "nl"}, "nl"),     # given wins over detection
    ({"text": "12 345 678"}, None),                 # unsure: null
    ({"html": "<html lang='it-IT'><body><article><p>" + FRENCH + "</p></article></body></html>"},
     "it"),                                         # the page's <html lang> wins over detection
    ({"html": "<html lang='it'><body><article><p>" + FRENCH + "</p></article></body></html>",
      "language": "fr"}, "fr"),                     # given wins over the page
    ({"html": "<html lang='klingon'><body><article><p>" + FRENCH + "</p></article></body></html>"},
     "fr"),                                         # a lang naming no language is ignored
])
def test_a_stored_source_records_its_language(write_client, auth_headers, body, language):
    response = post(write_client, auth_headers, **body)
    assert response.status_code == 201, response.get_data(as_text=True)
    assert response.get_json()["language"] == language
    source_id = response.get_json()["id"]
    assert write_client.get(f"/v1/sources/{source_id}").get_json()["language"] == language


@pytest.mark.parametrize("language", ["xx", "english", "e", "fr-", 7])
def test_a_language_naming_none_is_400(write_client, auth_headers, language):
    response = post(write_client, auth_headers, text=FRENCH, language=language)
    assert response.status_code == 400
    assert response.content_type == "application/problem+json"
    assert list(response.get_json()["errors"]) == ["language"]
    assert write_client.get("/healthz").get_json()["sources"] == 3


def test_the_same_text_in_another_language_is_409(write_client, auth_headers):
    assert post(write_client, auth_headers, text=FRENCH).status_code == 201
    assert post(write_client, auth_headers, text=FRENCH, language="fr-FR").status_code == 200
    other = post(write_client, auth_headers, text=FRENCH, language="it")
    assert other.status_code == 409
    assert other.get_json()["errors"] == {"language": ["stored as 'fr'"]}


def test_sources_filtered_by_language(write_client, auth_headers):
    french = post(write_client, auth_headers, text=FRENCH).get_json()["id"]
    german = post(write_client, auth_headers, text=GERMAN).get_json()["id"]
    page = write_client.get("/v1/sources?language=fr").get_json()
    assert ([s["id"] for s in page["data"]], page["total"]) == ([french], 1)
    page = write_client.get("/v1/sources?language=de-CH&language=FR&limit=1").get_json()
    assert ([s["id"] for s in page["data"]], page["total"]) == ([french], 2)
    assert [s["id"] for s in write_client.get(page["next"]).get_json()["data"]] == [german]
    page = write_client.get("/v1/sources?language=fr&outlet=Other").get_json()
    assert (page["data"], page["total"]) == ([], 0)
    bad = write_client.get("/v1/sources?language=zz")
    assert bad.status_code == 400 and list(bad.get_json()["errors"]) == ["language"]


def test_a_french_article_keeps_its_quote_and_speaker(write_client, auth_headers):
    body = post(write_client, auth_headers, text=FRENCH, published="2024-04-10").get_json()
    assert [(q["text"], q["kind"], q["speaker"]["name"], q["cue"], q["date"])
            for q in body["quotes"]] == [
        ("Ce pont relie enfin les deux rives de la ville", "full", "Anne Roux",
         "a déclaré Anne Roux", "2024-04-10")]


def test_cli_ingest_takes_and_detects_the_language(tmp_path):
    from click.testing import CliRunner

    db_path = tmp_path / "cli.db"
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    runner = CliRunner()
    detected = runner.invoke(cli, ["ingest", str(tmp_path / "fr.txt"), "--outlet", "Wire",
                                   "--db", str(db_path)])
    given = runner.invoke(cli, ["ingest", str(tmp_path / "de.txt"), "--outlet", "Wire",
                                "--language", "de-DE", "--db", str(db_path)])
    bad = runner.invoke(cli, ["ingest", str(tmp_path / "de.txt"), "--outlet", "Wire",
                              "--language", "xx", "--db", str(tmp_path / "bad.db")])
    assert (detected.exit_code, given.exit_code, bad.exit_code) == (0, 0, 2)
    assert "--language: 'xx' is not a language" in bad.output
    conn = sqlite3.connect(db_path)
    assert sorted(conn.execute("SELECT language, title FROM sources")) == [("de", None), ("fr", None)]


def test_cli_extract_takes_the_language(tmp_path):
    from click.testing import CliRunner

    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "de.txt"), "--language", "de"])
    assert result.exit_code == 0
    assert [(q["text"], q["speaker"]["name"]) for q in json.loads(result.output)] == [
        ("Diese Brücke verbindet endlich beide Teile der Stadt", "Jonas Weber")]


def test_a_schema_7_database_stores_language_codes_on_sources_and_quotes(corpus_db, tmp_path):
    old = copy_db(corpus_db, tmp_path / "old7.db")
    conn = sqlite3.connect(old)
    conn.executescript("""
        UPDATE sources SET language = 'en-GB' WHERE outlet = 'Wire';
        UPDATE sources SET language = 'English' WHERE outlet = 'Business Daily';
        UPDATE sources SET language = 'fr' WHERE outlet = 'wire';
        DROP INDEX sources_language;
        DROP INDEX quotes_language_date;
        ALTER TABLE quotes DROP COLUMN language;
        UPDATE meta SET value = '7' WHERE key = 'schema_version';
        DELETE FROM _sqlite_migrations WHERE name = 'schema-8';
    """)
    conn.close()
    init_schema(connect(old))
    conn = sqlite3.connect(old)
    assert sorted(conn.execute("SELECT outlet, language FROM sources")) == [
        ("Business Daily", None), ("Wire", "en"), ("wire", "fr")]
    # the corpus's quotes: 3 in the harbour article (Wire), 4 in the robots one, 2 in the emoji one
    assert sorted(conn.execute("SELECT outlet, language, count(*) FROM quotes GROUP BY 1, 2")) == [
        ("Business Daily", None, 4), ("Wire", "en", 3), ("wire", "fr", 2)]
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("9",)
    assert conn.execute("SELECT count(*) FROM sqlite_master "
                        "WHERE name = 'sources_language'").fetchone() == (1,)


# (quotation, kind, speaker, cue) per quotation: every paired quotation kept; a speaker only
# in the plain shapes, never from a pronoun, a role or a three-word name.
@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "« Nous gagnerons », a déclaré Anne Roux.",
     [("Nous gagnerons", "full", "Anne Roux", "a déclaré Anne Roux")]),
    ("fr", "Jean-Luc Moreau a déclaré : « La ville est prête. »",
     [("La ville est prête.", "full", "Jean-Luc Moreau", "Jean-Luc Moreau a déclaré")]),
    ("fr", "Le maire a répondu «non» puis il est parti.", [("non", "partial", None, None)]),
    ("fr", "« Oui », a-t-il dit.", [("Oui", "full", None, None)]),
    ("fr", "« Jamais », a déclaré le ministre Paul Durand.", [("Jamais", "full", None, None)]),
    ("fr", "« Jamais », selon Claire de Vries, « pas cette année ».",
     [("Jamais", "full", "Claire de Vries", "selon Claire de Vries"),
      ("pas cette année", "partial", None, None)]),
    ("de", "„Wir schaffen das“, sagte Jonas Weber am Montag.",
     [("Wir schaffen das", "full", "Jonas Weber", "sagte Jonas Weber")]),
    ("de", "Der Kanzler sagte: „Nein.“", [("Nein.", "full", None, None)]),
    ("de", "„Nein“, sagte Kanzler Jonas Weber.", [("Nein", "full", None, None)]),
    ("de", "Clara von der Heide sagte: »Wir handeln.«",
     [("Wir handeln.", "full", "Clara von der Heide", "Clara von der Heide sagte")]),
    ("de", "„Das reicht“, so Jonas Weber.",
     [("Das reicht", "full", "Jonas Weber", "so Jonas Weber")]),
    ("es", "«Vamos a ganar», dijo Pedro Ruiz en Madrid.",
     [("Vamos a ganar", "full", "Pedro Ruiz", "dijo Pedro Ruiz")]),
    ("es", "Ana Gómez dijo que «no habrá elecciones».",
     [("no habrá elecciones", "partial", "Ana Gómez", "Ana Gómez dijo")]),
    ("es", "«Basta», dijo el ministro.", [("Basta", "full", None, None)]),
    ("it", "«Non abbiamo paura», ha detto Marco Rossi.",
     [("Non abbiamo paura", "full", "Marco Rossi", "ha detto Marco Rossi")]),
    ("it", "Giulia Bianchi ha detto: «Siamo pronti».",
     [("Siamo pronti", "full", "Giulia Bianchi", "Giulia Bianchi ha detto")]),
    ("nl", "„We gaan winnen”, zei Jan de Vries.",
     [("We gaan winnen", "full", "Jan de Vries", "zei Jan de Vries")]),
    ("nl", "De minister zei: „Nee.”", [("Nee.", "full", None, None)]),
    ("nl", "“Het is klaar”, aldus Eva Jansen.",
     [("Het is klaar", "full", "Eva Jansen", "aldus Eva Jansen")]),
    ("pt", "«Vamos vencer», disse Ana Souza.",
     [("Vamos vencer", "full", "Ana Souza", "disse Ana Souza")]),
    ("pt", "Rui Costa afirmou: “Estamos prontos.”",
     [("Estamos prontos.", "full", "Rui Costa", "Rui Costa afirmou")]),
    ("pt", "“Não”, disse o ministro.", [("Não", "full", None, None)]),
    # no cue list: quotations only
    ("pl", "„Nie wiem”, powiedział Jan Nowak.", [("Nie wiem", "full", None, None)]),
    ("sv", "”Vi vinner valet”, sa Eva Lund.", [("Vi vinner valet", "full", None, None)]),
    # nothing quoted between the marks
    ("fr", "Il a laissé « … » sur la page.", []),
])
def test_quotes_of_other_languages(lang, text, expected):
    quotes = extract_quotes(text, published="2024-04-10", language=lang)
    assert [(q.text, q.kind, q.speaker.name if q.speaker else None, q.cue)
            for q in quotes] == expected
    assert all((q.date, q.date_basis) == ("2024-04-10", "published") for q in quotes)


@pytest.mark.parametrize("text, span, cue_span", [
    ("« Nous gagnerons », a déclaré Anne Roux.", (2, 16), (20, 39)),
    ("Jonas Weber sagte: „Nein.“", (20, 25), (0, 17)),
])
def test_other_language_offsets(text, span, cue_span):
    quote, = extract_quotes(text, language="fr" if "«" in text else "de")
    assert ((quote.start, quote.end), (quote.cue_start, quote.cue_end)) == (span, cue_span)


def test_english_and_unknown_are_read_by_the_english_engine():
    text = "“We will win,” said Mayor Ana Lopez."
    assert extract_quotes(text, language="en") == extract_quotes(text, language=None) \
        == extract_quotes(text)
    assert [(q.text, q.speaker.name) for q in extract_quotes(text)] == [("We will win,", "Ana Lopez")]


def test_cli_detects_the_languages_a_database_lacks(corpus_db, tmp_path):
    from click.testing import CliRunner

    path = copy_db(corpus_db, tmp_path / "unknown.db")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE sources SET text = '12 345 678' WHERE outlet = 'wire'")  # nothing to tell
    conn.commit()
    first = CliRunner().invoke(cli, ["detect-languages", "--db", str(path)])
    again = CliRunner().invoke(cli, ["detect-languages", "--db", str(path)])
    assert (first.exit_code, again.exit_code) == (0, 0)
    assert first.output == "3 sources without a language: 2 detected, 1 left null (unsure)\n"
    assert again.output == "1 sources without a language: 0 detected, 1 left null (unsure)\n"
    assert sorted(conn.execute("SELECT outlet, language FROM sources")) == [
        ("Business Daily", "en"), ("Wire", "en"), ("wire", None)]
    assert sorted(conn.execute("SELECT outlet, language, count(*) FROM quotes GROUP BY 1, 2")) == [
        ("Business Daily", "en", 4), ("Wire", "en", 3), ("wire", None, 2)]


@pytest.mark.parametrize("language", ["fr-FR", "FR", "fr"])
def test_extract_quotes_takes_a_tag(language):
    quote, = extract_quotes("« Oui », a déclaré Anne Roux.", language=language)
    assert (quote.text, quote.speaker.name) == ("Oui", "Anne Roux")


def test_quotes_filtered_by_their_source_language(write_client, auth_headers):
    french = post(write_client, auth_headers, text=FRENCH).get_json()
    german = post(write_client, auth_headers, text=GERMAN).get_json()
    added = write_client.post("/v1/quotes", headers=auth_headers, json={
        "source": german["id"], "start": 0, "end": 20, "text": "Neue Brücke eröffnet",
        "kind": "partial"})
    assert added.status_code == 201, added.get_data(as_text=True)
    page = write_client.get("/v1/quotes?language=fr").get_json()
    assert ([q["text"] for q in page["data"]], page["total"]) == (
        ["Ce pont relie enfin les deux rives de la ville"], 1)
    page = write_client.get("/v1/quotes?language=de-DE").get_json()
    assert (sorted(q["text"] for q in page["data"]), page["total"]) == (
        ["Diese Brücke verbindet endlich beide Teile der Stadt", "Neue Brücke eröffnet"], 2)
    page = write_client.get("/v1/quotes?language=de&language=fr&facet=kind").get_json()
    assert (page["total"], page["facets"]["kind"]) == (3, [
        {"value": "full", "count": 2}, {"value": "partial", "count": 1}])
    assert write_client.get("/v1/quotes?language=en").get_json()["total"] == 0  # the corpus: unknown
    assert [q["source"]["id"] for q in write_client.get(
        "/v1/quotes?language=fr").get_json()["data"]] == [french["id"]]
    bad = write_client.get("/v1/quotes?language=french")
    assert bad.status_code == 400 and list(bad.get_json()["errors"]) == ["language"]


def test_cli_exports_the_quotes_of_a_language(tmp_path):
    from click.testing import CliRunner

    db_path = tmp_path / "export.db"
    runner = CliRunner()
    for name, text in (("fr.txt", FRENCH), ("de.txt", GERMAN)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert runner.invoke(cli, ["ingest", str(tmp_path / name), "--outlet", "Wire",
                                   "--db", str(db_path)]).exit_code == 0
    result = runner.invoke(cli, ["export", "--language", "de-CH", "--db", str(db_path)])
    assert result.exit_code == 0
    assert [json.loads(line)["text"] for line in result.output.splitlines()] == [
        "Diese Brücke verbindet endlich beide Teile der Stadt"]
    bad = runner.invoke(cli, ["export", "--language", "german", "--db", str(db_path)])
    assert bad.exit_code == 2 and "'german' is not a language" in bad.output


def test_an_upgrade_failing_halfway_changes_nothing(corpus_db, tmp_path):
    old = copy_db(corpus_db, tmp_path / "fails.db")
    conn = sqlite3.connect(old)
    conn.executescript("""
        UPDATE sources SET language = 'en-GB' WHERE outlet = 'Wire';
        DROP INDEX quotes_language_date;
        ALTER TABLE quotes DROP COLUMN language;
        UPDATE meta SET value = '7' WHERE key = 'schema_version';
        DELETE FROM _sqlite_migrations WHERE name = 'schema-8';
        CREATE TRIGGER fail_midway BEFORE UPDATE ON quotes BEGIN SELECT RAISE(ABORT, 'midway'); END;
    """)
    conn.close()
    with pytest.raises(sqlite3.IntegrityError, match="midway"):
        init_schema(connect(old))  # after the column is added and the sources rewritten
    conn = sqlite3.connect(old)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("7",)
    assert "language" not in {row[1] for row in conn.execute("PRAGMA table_info(quotes)")}
    assert conn.execute("SELECT language FROM sources WHERE outlet = 'Wire'").fetchone() == ("en-GB",)
    conn.execute("DROP TRIGGER fail_midway")
    conn.commit()
    init_schema(connect(old))
    assert conn.execute("SELECT language, count(*) FROM quotes WHERE outlet = 'Wire'").fetchone() == ("en", 3)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(min_size=2, max_size=35),
                 st.from_regex(LANGUAGE_PATTERN, fullmatch=True).filter(lambda t: len(t) <= 35)))
def test_the_documented_language_pattern_is_what_is_accepted(tag):
    assert (re.fullmatch(LANGUAGE_PATTERN, tag) is not None) == (language_code(tag) is not None)


@pytest.mark.parametrize("tag, accepted", [
    ("en", True), ("EN", True), ("en-GB", True), ("pt_BR", True), ("eng", False), ("zz", False),
    ("00", False), ("fr-", False)])
def test_the_document_states_the_language_pattern(client, tag, accepted):
    document = client.get("/openapi.json").get_json()
    params = {p["name"]: p for p in document["paths"]["/v1/sources"]["get"]["parameters"]}
    pattern = params["language"]["schema"]["items"]["pattern"]
    assert (re.fullmatch(pattern, tag) is not None) is accepted
    assert (client.get("/v1/sources", query_string={"language": tag}).status_code == 200) is accepted
