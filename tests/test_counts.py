"""Totals and facets read from the kept counts equal a plain recount, for any filter.

`total` and the kind/outlet/year facets of a filter on kinds, outlets and dates add whole months
from quote_cube and count the partial months in the quotes (api/store/counts.py); a speaker's
outlets come from the speaker_outlet counts. The recounts here are plain SQL over the quotes.
"""
import sqlite3
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api import create_app
from api.db import connect, init_schema
from tests.conftest import TOKENS
from tests.live import copy_db

AUTH = {"Authorization": "Bearer alice-secret-token"}
OUTLETS = ("North Wire", "South Times", "East Post")
# Publication days around month and year ends, a leap day, and a few ordinary ones.
DAYS = ("2019-12-31", "2020-01-01", "2020-01-15", "2020-01-31", "2020-02-01", "2020-02-28",
        "2020-02-29", "2020-03-01", "2020-03-17", "2020-06-30", "2020-07-01", "2020-12-31",
        "2021-01-01", "2021-05-09", "2017-03-04", "2018-11-30", "2022-08-08", "2023-01-01")
BOUNDS = (None, "2017-01-01", "2018-02-01", "2018-12-31", "2019-01-01", "2019-12-31",
          "2020-01-01", "2020-01-02", "2020-01-31", "2020-02-01", "2020-02-28", "2020-02-29",
          "2020-03-01", "2020-03-31", "2020-07-01", "2020-12-30", "2021-01-01", "2022-01-01",
          "2022-12-31", "2023-01-01", "2024-06-30",
          "0001-01-01", "0001-01-15", "9999-02-15", "9999-12-15", "9999-12-31")  # the extremes


@pytest.fixture(scope="module")
def counted(tmp_path_factory):
    """A database of 54 quotes, three per day in DAYS, spread over three outlets and kinds."""
    path = tmp_path_factory.mktemp("counts") / "counts.db"
    app = create_app({"DB": str(path), "TESTING": True, "SERVER_NAME": "api.test",
                      "TOKENS": TOKENS, "WRITE_RATE_LIMIT": "1000000/minute"})
    client = app.test_client()
    for number, day in enumerate(DAYS):
        text = (f"“The ferry will run on time,” said Captain Ines Duarte {number}.\n\n"
                f"Mayor Tomas Berg said the harbour would reopen in spring {number}.\n\n"
                f"Berg called the plan “a fair deal for the island {number}.”")
        response = client.post("/v1/sources", headers=AUTH, json={
            "text": text, "outlet": OUTLETS[number % 3], "published": day})
        assert response.status_code == 201, response.get_data(as_text=True)
    return client, path


def recount(path, kinds, outlets, date_from, date_to):
    conds, params = ["1"], []
    if kinds:
        conds.append(f"kind IN ({', '.join('?' * len(kinds))})")
        params += kinds
    if outlets:
        conds.append(f"lower(outlet) IN ({', '.join('?' * len(outlets))})")
        params += [outlet.lower() for outlet in outlets]
    if date_from:
        conds.append("date >= ?")
        params.append(date_from)
    if date_to:
        conds.append("date <= ? AND date != ''")
        params.append(date_to)
    where = " AND ".join(conds)
    conn = sqlite3.connect(path)
    total = conn.execute(f"SELECT count(*) FROM quotes WHERE {where}", params).fetchone()[0]
    facets = {}
    for facet, column in (("kind", "kind"), ("outlet", "outlet"), ("year", "substr(date, 1, 4)")):
        rows = conn.execute(f"SELECT {column}, count(*) FROM quotes WHERE {where} GROUP BY 1 "
                            "ORDER BY 2 DESC, 1", params).fetchall()
        facets[facet] = [{"value": value, "count": count} for value, count in rows]
    return total, facets


def test_the_corpus_spans_three_kinds(counted):
    _, path = counted
    kinds = sqlite3.connect(path).execute(
        "SELECT kind, count(*) FROM quotes GROUP BY 1 ORDER BY 1").fetchall()
    assert kinds == [("full", 18), ("indirect", 18), ("partial", 18)]


@settings(max_examples=250, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kinds=st.lists(st.sampled_from(["full", "partial", "indirect"]), unique=True, max_size=2),
       outlets=st.lists(st.sampled_from([*OUTLETS, "north wire", "Nowhere"]), unique=True,
                        max_size=2),
       bounds=st.tuples(st.sampled_from(BOUNDS), st.sampled_from(BOUNDS)))
def test_totals_and_facets_equal_a_recount(counted, kinds, outlets, bounds):
    client, path = counted
    date_from, date_to = bounds
    if date_from and date_to and date_from > date_to:
        date_from, date_to = date_to, date_from
    query = [("kind", k) for k in kinds] + [("outlet", o) for o in outlets]
    query += [("date_from", date_from)] if date_from else []
    query += [("date_to", date_to)] if date_to else []
    query += [("facet", "kind"), ("facet", "outlet"), ("facet", "year"), ("limit", "1")]
    page = client.get("/v1/quotes", query_string=query).get_json()
    total, facets = recount(path, kinds, outlets, date_from, date_to)
    assert page["total"] == total
    assert page["facets"] == facets


def test_a_range_inside_one_month_and_across_a_leap_day(counted):
    client, _ = counted
    page = client.get("/v1/quotes?date_from=2020-02-02&date_to=2020-03-01&facet=year").get_json()
    assert page["total"] == 9  # 28 and 29 February, 1 March: three quotes each
    assert page["facets"]["year"] == [{"value": "2020", "count": 9}]
    page = client.get("/v1/quotes?kind=full&date_from=2020-01-01&date_to=2020-12-31").get_json()
    assert page["total"] == 11  # 2020-01-01 … 2020-12-31: eleven days in DAYS


def test_a_speakers_outlets_are_counted(counted):
    client, _ = counted
    speaker = client.get("/v1/speakers?name=Tomas Berg").get_json()["data"][0]
    detail = client.get(f"/v1/speakers/{speaker['id']}").get_json()
    assert detail["quote_count"] == 36
    # articles 0, 3, … 15 in North Wire, 1, 4, … 16 in South Times, 2, 5, … 17 in East Post;
    # two of Berg's quotes in each; ties by name
    assert detail["outlets"] == [{"name": "East Post", "quote_count": 12},
                                 {"name": "North Wire", "quote_count": 12},
                                 {"name": "South Times", "quote_count": 12}]
    assert (detail["first_quoted"], detail["last_quoted"]) == ("2017-03-04", "2023-01-01")


def test_a_schema_4_database_gets_the_new_counts_and_triggers(counted, tmp_path):
    _, path = counted
    old = copy_db(path, tmp_path / "old.db")
    conn = sqlite3.connect(old)
    conn.executescript("""
        DROP TRIGGER corpus_stats_quote_insert;
        CREATE TRIGGER corpus_stats_quote_insert AFTER INSERT ON quotes BEGIN
            INSERT INTO corpus_stats (dimension, value, count) VALUES ('all', '', 1)
            ON CONFLICT (dimension, value) DO UPDATE SET count = count + 1;
        END;
        DELETE FROM corpus_stats WHERE dimension = 'speaker_outlet';
        DROP TABLE quote_cube;
        DROP TABLE quote_cube_years;
        DROP TABLE quote_months;
        UPDATE meta SET value = '4' WHERE key = 'schema_version';
        DROP TABLE _sqlite_migrations;  -- schema 4 kept no record of migrations
    """)
    conn.close()
    init_schema(connect(old))
    init_schema(connect(old))  # a second start changes nothing
    conn = sqlite3.connect(old)
    assert conn.execute("SELECT sum(count) FROM quote_cube").fetchone()[0] == 54
    assert conn.execute("SELECT sum(count) FROM quote_months").fetchone()[0] == 54
    assert conn.execute("SELECT sum(count) FROM quote_cube_years").fetchone()[0] == 54
    assert conn.execute("SELECT sum(count) FROM corpus_stats "
                        "WHERE dimension = 'speaker_outlet'").fetchone()[0] == 54
    trigger = conn.execute("SELECT sql FROM sqlite_master "
                           "WHERE name = 'corpus_stats_quote_insert'").fetchone()[0]
    assert "speaker_outlet" in trigger
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("9",)
    assert conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id").fetchall() == [
        ("schema-5",), ("schema-6",), ("schema-7",), ("schema-8",), ("schema-9",)]


@pytest.mark.parametrize("version, table, column", [
    (5, "quotes", "date_precision"),   # schema 6: a statement date's precision
    (6, "sources", "html_sha256"),     # schema 7: the HTML page a source was read from
])
def test_an_older_database_gets_the_columns_added_since(counted, tmp_path, version, table, column):
    _, path = counted
    old = copy_db(path, tmp_path / f"old{version}.db")
    conn = sqlite3.connect(old)
    conn.executescript(f"""
        ALTER TABLE {table} DROP COLUMN {column};
        UPDATE meta SET value = '{version}' WHERE key = 'schema_version';
        DELETE FROM _sqlite_migrations WHERE CAST(substr(name, 8) AS INTEGER) > {version};
    """)
    conn.close()
    init_schema(connect(old))
    conn = sqlite3.connect(old)
    assert column in {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    assert conn.execute(f"SELECT count(*) FROM {table} WHERE {column} IS NOT NULL").fetchone() == (0,)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("9",)


def test_starting_on_a_current_database_writes_nothing(counted, tmp_path):
    """Every worker start runs init_schema: a commit there would tell every other connection
    the database changed and empty the lookups they keep."""
    _, path = counted
    current = copy_db(path, tmp_path / "current.db")
    init_schema(connect(current))  # the copy is switched back to WAL once
    watcher = sqlite3.connect(current)
    before = watcher.execute("PRAGMA data_version").fetchone()[0]
    init_schema(connect(current))
    assert watcher.execute("PRAGMA data_version").fetchone()[0] == before
    connect(current).execute("INSERT INTO meta (key, value) VALUES ('probe', '1')")
    assert watcher.execute("PRAGMA data_version").fetchone()[0] != before  # it does see writes



def test_the_outlets_list_follows_a_write_from_another_process(write_client, write_app, tmp_path):
    before = write_client.get("/v1/outlets").get_json()
    assert "Harbour Gazette" not in [outlet["name"] for outlet in before["data"]]
    article = tmp_path / "ferry.txt"
    article.write_text("“The ferry runs again,” said Captain Ines Duarte.", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "api", "ingest", str(article), "--outlet",
                    "Harbour Gazette", "--published", "2024-05-09", "--db",
                    write_app.config["DB"]], check=True, capture_output=True)
    after = write_client.get("/v1/outlets").get_json()
    assert after["total"] == before["total"] + 1
    assert {"name": "Harbour Gazette", "source_count": 1, "quote_count": 1,
            "first_published": "2024-05-09", "last_published": "2024-05-09"} in after["data"]
