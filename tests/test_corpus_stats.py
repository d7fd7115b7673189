"""Trigger-kept counts (totals, unfiltered facets, outlets, healthz) stay equal to a recount."""
import sqlite3

from api.db import connect, init_schema
from tests.live import copy_db

RECOUNT = """
    SELECT 'all', '', count(*) FROM quotes HAVING count(*) > 0
    UNION ALL SELECT 'speaker', coalesce(speaker_id, ''), count(*) FROM quotes GROUP BY 2
    UNION ALL SELECT 'outlet', outlet, count(*) FROM quotes GROUP BY 2
    UNION ALL SELECT 'kind', kind, count(*) FROM quotes GROUP BY 2
    UNION ALL SELECT 'year', substr(date, 1, 4), count(*) FROM quotes GROUP BY 2
    UNION ALL SELECT 'sources', '', count(*) FROM sources HAVING count(*) > 0
    UNION ALL SELECT 'source_outlet', outlet, count(*) FROM sources GROUP BY 2
    UNION ALL SELECT 'speaker_outlet', coalesce(speaker_id, '') || char(31) || outlet, count(*)
        FROM quotes GROUP BY 2
"""
CUBE_RECOUNT = "SELECT kind, substr(date, 1, 7), outlet, count(*) FROM quotes GROUP BY 1, 2, 3"
YEARS_RECOUNT = "SELECT kind, substr(date, 1, 4), outlet, count(*) FROM quotes GROUP BY 1, 2, 3"
MONTHS_RECOUNT = "SELECT kind, substr(date, 1, 7), count(*) FROM quotes GROUP BY 1, 2"


def assert_stats_match(path):
    conn = sqlite3.connect(path)
    kept = sorted(conn.execute("SELECT dimension, value, count FROM corpus_stats"))
    assert kept == sorted(conn.execute(RECOUNT))
    cube = sorted(conn.execute("SELECT kind, month, outlet, count FROM quote_cube"))
    assert cube == sorted(conn.execute(CUBE_RECOUNT))
    years = sorted(conn.execute("SELECT kind, year, outlet, count FROM quote_cube_years"))
    assert years == sorted(conn.execute(YEARS_RECOUNT))
    months = sorted(conn.execute("SELECT kind, month, count FROM quote_months"))
    assert months == sorted(conn.execute(MONTHS_RECOUNT))


def test_counts_follow_every_kind_of_write(write_client, write_app, auth_headers):
    article = {"text": "“The bridge is open,” said Mayor Ana Lopez on Monday.", "outlet": "Wire",
               "published": "2021-04-07"}
    quote = write_client.post("/v1/sources", json=article,
                              headers=auth_headers).get_json()["quotes"][0]
    relieved = write_client.get("/v1/quotes?q=relieved").get_json()["data"][0]
    write_client.patch(f"/v1/quotes/{relieved['id']}", headers=auth_headers, json={
        "kind": "full", "speaker": {"name": "Harbour Board", "kind": "organization"},
        "date": "2020-01-01"})
    write_client.delete(f"/v1/quotes/{quote['id']}", headers=auth_headers)
    assert_stats_match(write_app.config["DB"])
    assert write_client.get("/healthz").get_json() == {"status": "ok", "quotes": 9, "sources": 4}
    facets = write_client.get("/v1/quotes?facet=year&facet=kind&limit=1").get_json()["facets"]
    assert facets == {
        "year": [{"value": "2024", "count": 4}, {"value": "2022", "count": 2},
                 {"value": "2023", "count": 2}, {"value": "2020", "count": 1}],
        "kind": [{"value": "full", "count": 7}, {"value": "indirect", "count": 1},
                 {"value": "partial", "count": 1}],  # ties by value
    }
    outlets = {o["name"]: (o["source_count"], o["quote_count"])
               for o in write_client.get("/v1/outlets").get_json()["data"]}
    assert outlets == {"Business Daily": (1, 4), "Wire": (2, 3), "wire": (1, 2)}


def test_an_older_database_is_counted_once_at_start(corpus_db, tmp_path):
    path = copy_db(corpus_db, tmp_path / "old.db")
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM corpus_stats")
    conn.execute("DELETE FROM quote_cube")
    conn.execute("DELETE FROM quote_cube_years")
    conn.execute("DELETE FROM quote_months")
    conn.commit()
    init_schema(connect(path))
    init_schema(connect(path))  # a second start must not count again
    assert_stats_match(path)
