"""The common-word shingle index: rebuilt on demand, extended by every new source."""
import sqlite3

from click.testing import CliRunner

from api.cli import cli
from api.db import connect, init_schema
from api.extraction.model import ExtractedQuote, Speaker
from api.provenance.normalize import FORM_VERSION
from api.store.ingest import SourceInput, store_source
from api.schemas.provenance import CheckResultSchema
from api.store import provenance
from api.store.provenance_index import rebuild_index, term_frequencies

COMMON_ONLY = "the city would go to all of them when it was time"  # common words, new order


def check_claim(db, text: str, speaker: str | None = None) -> dict:
    """Return the check's answer as the API gives it."""
    return CheckResultSchema().dump(provenance.check_claim(db, text, speaker))


def filler(n: int) -> str:
    # every source shares the common words; each has a rare word of its own
    return f"It was the time of year when all of them would go to the city. Word{n}zq."


def build(tmp_path, sources: int):
    db = connect(tmp_path / "idx.db")
    init_schema(db)
    for n in range(sources):
        store_source(db, SourceInput(text=filler(n), outlet="Filler"), [])
    return db


def test_reindex_finds_common_words_and_new_sources_are_shingled(tmp_path):
    db = build(tmp_path, 120)
    rebuild_index(db)
    common = {row[0] for row in db.execute("SELECT term FROM provenance_common_terms")}
    assert {"the", "it", "was", "time", "of", "city", "we", "not", "word7zq"} & common == {
        "the", "it", "was", "time", "of", "city"}
    text = f"Then she spoke. “{COMMON_ONLY},” said Ann Lee."
    start = text.index(COMMON_ONLY)
    quote = ExtractedQuote(start, start + len(COMMON_ONLY), COMMON_ONLY, "full",
                           Speaker("Ann Lee", "person"))
    result = store_source(db, SourceInput(text=text, outlet="Daily"), [quote])
    seq = db.execute("SELECT seq FROM sources_fts_map WHERE source_id = ?",
                     [result.source_id]).fetchone()[0]
    assert db.execute("SELECT count(*) FROM provenance_shingles WHERE seq = ?",
                      [seq]).fetchone()[0] > 0
    answer = check_claim(db, "The city would go to all of them, when it was time")
    assert answer["verdict"] == "verbatim"
    assert answer["matches"][0]["source"]["id"] == result.source_id


def test_small_corpora_have_no_common_words_and_checks_still_work(tmp_path):
    db = build(tmp_path, 5)
    rebuild_index(db)
    assert db.execute("SELECT count(*) FROM provenance_common_terms").fetchone() == (0,)
    assert check_claim(db, "all of them would go to the city")["verdict"] == "not_a_quote"


def test_cli_reindex(tmp_path):
    db = build(tmp_path, 3)
    db.execute("DELETE FROM provenance_forms")  # as in a database from before the table
    db.close()
    result = CliRunner().invoke(cli, ["reindex", "--db", str(tmp_path / "idx.db")])
    assert result.exit_code == 0 and result.output.startswith("reindexed ")
    conn = sqlite3.connect(tmp_path / "idx.db")
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*), min(version) FROM provenance_forms").fetchone() == (
        3, FORM_VERSION)


def _answers(db, claims):
    return [check_claim(db, text) for text in claims]


def _store_quoted(db, text, said, outlet):
    """Store text with `said` as Ann Lee's full quote; return the source id."""
    quote = ExtractedQuote(text.index(said), text.index(said) + len(said), said, "full",
                           Speaker("Ann Lee", "person"))
    return store_source(db, SourceInput(text=text, outlet=outlet), [quote]).source_id


def test_sources_store_their_normalised_form_and_checks_agree_without_it(tmp_path):
    db = build(tmp_path, 30)
    text = "Then she spoke. “We have won a fair deal,” said Ann Lee.\n\nIt was the time of year."
    start = text.index("We have")
    quote = ExtractedQuote(start, start + len("We have won a fair deal"), "We have won a fair deal",
                           "full", Speaker("Ann Lee", "person"))
    sid = store_source(db, SourceInput(text=text, outlet="Daily"), [quote]).source_id
    assert db.execute("SELECT version, text, gaps FROM provenance_forms WHERE source_id = ?",
                      [sid]).fetchone() == (
        FORM_VERSION, "then she spoke we have won a fair deal said ann lee it was the time of year",
        bytes([0, 1, 1, 3, 1, 1, 1, 1, 1, 3, 1, 1, 3, 1, 1, 1, 1, 1]))
    assert db.execute("SELECT count(*) FROM provenance_forms").fetchone() == (31,)
    claims = ["we have won a fair deal", "We have won a good deal", "we have won … fair deal",
              "all of them would go", "Word7zq", "nothing like this at all anywhere"]
    with_forms = _answers(db, claims)
    assert [a["verdict"] for a in with_forms] == [
        "verbatim", "altered", "verbatim_with_omissions", "not_a_quote", "not_a_quote", "not_found"]
    db.execute("UPDATE provenance_forms SET version = version + 1 WHERE source_id = ?", [sid])
    db.execute("DELETE FROM provenance_forms WHERE source_id <> ?", [sid])
    assert _answers(db, claims) == with_forms  # no current forms: every source is normalised
    rebuild_index(db)
    assert db.execute("SELECT count(*) FROM provenance_forms WHERE version = ?",
                      [FORM_VERSION]).fetchone() == (31,)
    assert _answers(db, claims) == with_forms


def test_a_changed_or_deleted_source_loses_its_form(tmp_path):
    db = build(tmp_path, 3)
    first, second = [row[0] for row in db.execute("SELECT id FROM sources ORDER BY rowid LIMIT 2")]
    db.execute("UPDATE sources SET text = 'Something else entirely.' WHERE id = ?", [first])
    db.execute("DELETE FROM quotes WHERE source_id = ?", [second])
    db.execute("DELETE FROM sources WHERE id = ?", [second])
    assert db.execute("SELECT count(*) FROM provenance_forms WHERE source_id IN (?, ?)",
                      [first, second]).fetchone() == (0,)
    assert check_claim(db, "something else entirely")["matches"][0]["source"]["id"] == first


def test_term_frequencies_follow_writes_by_any_connection(tmp_path):
    db = build(tmp_path, 3)
    assert term_frequencies(db, ["word1zq", "time", "absent"]) == {"word1zq": 1, "time": 3}
    other = connect(tmp_path / "idx.db")
    store_source(other, SourceInput(text=filler(1) + " Again.", outlet="Other"), [])
    assert term_frequencies(db, ["word1zq", "time", "absent"]) == {"word1zq": 2, "time": 4}
    store_source(db, SourceInput(text="Absent no more, word1zq.", outlet="Own"), [])
    assert term_frequencies(db, ["absent", "word1zq"]) == {"absent": 1, "word1zq": 3}


def test_common_word_claim_held_by_many_sources_is_found_in_the_quote(tmp_path):
    # every filler holds these common words verbatim in its narrative; the last source alone
    # quotes them, beyond the 20 candidates a check aligns
    db = build(tmp_path, 120)
    rebuild_index(db)
    said = "it was the time of year when all of them would go"
    text = f"Later that night. “{said.capitalize()},” said Ann Lee."
    start = text.index(said.capitalize())
    quote = ExtractedQuote(start, start + len(said), said.capitalize(), "full",
                           Speaker("Ann Lee", "person"))
    quoted = store_source(db, SourceInput(text=text, outlet="Daily"), [quote]).source_id
    answer = check_claim(db, said)
    assert answer["verdict"] == "verbatim"
    assert [(m["source"]["id"], m["location"], m["similarity"]) for m in answer["matches"][:2]] == [
        (quoted, "quote", 1.0), (answer["matches"][1]["source"]["id"], "narrative", 1.0)]
    assert len(answer["matches"]) == 10


def test_common_word_claim_in_new_order_is_found_only_where_it_stands(tmp_path):
    db = build(tmp_path, 120)
    rebuild_index(db)
    text = "All of them would go to the city. It was the time of year."
    lone = store_source(db, SourceInput(text=text, outlet="Daily"), []).source_id
    answer = check_claim(db, "would go to the city it was the time")
    assert answer["verdict"] == "not_a_quote"
    assert [(m["source"]["id"], m["similarity"]) for m in answer["matches"]] == [(lone, 1.0)]


def test_claim_with_a_rarer_word_is_found_by_shingles_read_or_probed(tmp_path, monkeypatch):
    # "harbour" is in 6 of 126 sources: too common to search alone, so the claim's common-word
    # shingles are counted among the sources holding it; its new-order shingles ("the city it")
    # are in one source and read whole, the filler's ("it was the") in 121 and probed
    db = build(tmp_path, 120)
    for n in range(5):
        store_source(db, SourceInput(text=f"The harbour was quiet. Word{n}hb.", outlet="Port"), [])
    said = "The city, it was the time of year when all of them would go to the harbour"
    text = f"Harbour report. “{said},” said Ann Lee."
    quoted = _store_quoted(db, text, said, "Daily")
    rebuild_index(db)
    claims = [said, "the city it was the time of year when all of them would walk to the harbour"]
    answers = _answers(db, claims)
    assert [(a["verdict"], [(m["source"]["id"], m["location"], m["similarity"])
                            for m in a["matches"]]) for a in answers] == [
        ("verbatim", [(quoted, "quote", 1.0)]), ("altered", [(quoted, "quote", 0.9595)])]
    for every in (0, 10**9):  # all shingles probed, or all read: the same candidates
        monkeypatch.setattr("api.store.provenance_index.SCAN_SHARE", every)
        assert _answers(db, claims) == answers
    # counting the shingles deemed too costly: the sources holding every one are the candidates
    monkeypatch.setattr("api.store.provenance_candidates.NEAR_POSTINGS", -1)
    assert _answers(db, claims) == answers


def test_claim_with_a_word_no_source_has_finds_the_altered_quote(tmp_path):
    db = build(tmp_path, 120)
    said = "Harbourmaster Quillon praised the ferrymen and the lighthouse keepers"
    text = f"Port news. “{said},” said Ann Lee."
    quoted = _store_quoted(db, text, said, "Daily")
    rebuild_index(db)
    answer = check_claim(db, "Harbourmaster Quillon praised the zorblat and the lighthouse keepers")
    assert answer["verdict"] == "altered"
    assert [(m["source"]["id"], m["location"], m["similarity"]) for m in answer["matches"]] == [
        (quoted, "quote", 0.9051)]
    assert [d["op"] for d in answer["matches"][0]["diff"]] == ["equal", "replace", "equal"]


def test_connections_to_one_file_share_term_frequencies(tmp_path):
    db = build(tmp_path, 3)
    other = connect(tmp_path / "idx.db")
    assert term_frequencies(other, ["time"]) == {"time": 3}  # each connection's first look
    assert term_frequencies(db, ["word1zq"]) == {"word1zq": 1}  # empties the counts
    assert term_frequencies(db, ["time"]) == {"time": 3}
    statements = []
    other.conn.set_trace_callback(statements.append)
    assert term_frequencies(other, ["time", "word1zq"]) == {"time": 3, "word1zq": 1}
    assert not [sql for sql in statements if "sources_fts_vocab" in sql]
    store_source(db, SourceInput(text=filler(1) + " Again.", outlet="Other"), [])
    assert term_frequencies(other, ["time", "word1zq"]) == {"time": 4, "word1zq": 2}
    assert [sql for sql in statements if "sources_fts_vocab" in sql]


def test_counts_looked_up_while_the_database_changed_are_not_kept(tmp_path):
    db = build(tmp_path, 3)
    reader, writer = connect(tmp_path / "idx.db"), connect(tmp_path / "idx.db")
    assert term_frequencies(reader, ["it"]) == term_frequencies(db, ["it"]) == {"it": 3}
    execute = reader.execute

    def commit_during_lookup(sql, params=None):
        cursor = execute(sql, params) if params is not None else execute(sql)
        if "sources_fts_vocab" in sql:
            rows = cursor.fetchall()  # counted before the commit below
            store_source(writer, SourceInput(text=filler(9), outlet="Late"), [])
            assert term_frequencies(db, ["was"]) == {"was": 4}  # db sees it: counts emptied
            return sqlite3.connect(":memory:").execute(
                "SELECT ?, ?", rows[0]) if rows else cursor
        return cursor

    reader.execute = commit_during_lookup
    assert term_frequencies(reader, ["time"]) == {"time": 3}
    assert term_frequencies(db, ["time"]) == {"time": 4}  # not the count read before the commit


def test_common_words_frequent_shingles_and_size_are_read_again_only_after_a_write(tmp_path):
    db = build(tmp_path, 120)
    rebuild_index(db)
    reader = connect(tmp_path / "idx.db")
    statements = []
    reader.conn.set_trace_callback(statements.append)
    kept = ("provenance_common_terms", "provenance_frequent_shingles", "max(seq)")
    assert check_claim(reader, "all of them would go to the city")["verdict"] == "not_a_quote"
    assert [name for name in kept if any(name in sql for sql in statements)] == list(kept)
    statements.clear()
    assert check_claim(reader, COMMON_ONLY)["verdict"] == "not_found"
    assert not [sql for sql in statements if any(name in sql for name in kept)]
    text = f"Then she spoke. “{COMMON_ONLY},” said Ann Lee."
    start = text.index(COMMON_ONLY)
    quote = ExtractedQuote(start, start + len(COMMON_ONLY), COMMON_ONLY, "full",
                           Speaker("Ann Lee", "person"))
    stored = store_source(db, SourceInput(text=text, outlet="Daily"), [quote]).source_id
    answer = check_claim(reader, COMMON_ONLY)
    assert (answer["verdict"], answer["matches"][0]["source"]["id"]) == ("verbatim", stored)
    assert [name for name in kept if any(name in sql for sql in statements)] == list(kept)


def test_a_claimed_speaker_matching_part_of_an_alias_is_the_quotes(tmp_path):
    db = build(tmp_path, 3)
    said = "The ferry will sail again on Monday morning"
    text = f"Port news. “{said},” said Ann Lee."
    _store_quoted(db, text, said, "Daily")
    speaker_id = db.execute("SELECT speaker_id FROM quotes").fetchone()[0]
    db.execute("INSERT INTO speaker_aliases (alias, speaker_id) VALUES (?, ?), (?, ?)",
               ["the Harbourmaster of Port", speaker_id, "Annie", speaker_id])
    answers = [check_claim(db, said, who) for who in ("harbourmaster", "Bob Ray")]
    assert [(a["verdict"], a["speaker"]["resolved"], a["matches"][0]["speaker_matches"])
            for a in answers] == [("verbatim", [], True), ("misattributed", [], False)]


def test_reindex_merges_the_full_text_index_into_one_segment(tmp_path):
    db = build(tmp_path, 40)  # one transaction per source: several segments
    segments = "SELECT count(DISTINCT segid) FROM sources_fts_idx"
    assert db.execute(segments).fetchone()[0] > 1
    before = check_claim(db, "all of them would go to the city word7zq")
    rebuild_index(db)
    assert db.execute(segments).fetchone() == (1,)
    assert term_frequencies(db, ["word7zq", "city"]) == {"word7zq": 1, "city": 40}
    assert check_claim(db, "all of them would go to the city word7zq") == before


def test_claim_whose_units_many_sources_pair_is_found_where_it_stands_whole(tmp_path):
    # 30 sources hold three of the claim's four phrases: more than 20 match the pairs query,
    # one alone holds every phrase, and it is a candidate without bm25 ranking the 31
    db = connect(tmp_path / "units.db")
    init_schema(db)
    for n in range(30):
        text = f"Alpha bravo charlie. Delta echo foxtrot. Golf hotel india. Word{n}zq."
        store_source(db, SourceInput(text=text, outlet="Filler"), [])
    said = "Alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima"
    quoted = _store_quoted(db, f"Letters. “{said},” said Ann Lee.", said, "Daily")
    answer = check_claim(db, said, "Ann Lee")
    assert answer["verdict"] == "verbatim"
    first = answer["matches"][0]
    assert (first["source"]["id"], first["location"], first["similarity"]) == (quoted, "quote", 1.0)
