"""The fast paths of api/schemas/fastpath.py answer exactly what marshmallow's own dump would.

Each answer is dumped again by marshmallow's generic `Schema.dump` (the walk the fast path
skips): the same keys in the same order with the same values, byte for byte.
"""
import marshmallow as ma
import orjson
import pytest

from api.routes.health import HealthSchema
from api.schemas.citations import CitationSchema
from api.schemas.fastpath import quote_resource
from api.schemas.provenance import CheckResultSchema
from api.schemas.quotes import QuoteSchema
from api.schemas.sources import SourceDetailSchema, SourcePageSchema
from api.schemas.speakers import OutletPageSchema, SpeakerDetailSchema, SpeakerPageSchema

QUOTE = "q_87c1a6d8542d"


def marshmallow_dump(schema: ma.Schema, obj, many: bool = False) -> bytes:
    return orjson.dumps(ma.Schema.dump(schema, obj, many=many))


def required_keys(schema: ma.Schema) -> list[str]:
    """The keys an answer always has, in order (marshmallow leaves out what an object lacks)."""
    return [field.data_key or name for name, field in schema.dump_fields.items()
            if field.required]


def test_a_page_of_quotes_is_what_marshmallow_dumps(client):
    data = client.get("/v1/quotes?limit=100").get_json()["data"]
    assert len(data) > 1
    assert marshmallow_dump(QuoteSchema(), data, many=True) == orjson.dumps(data)
    assert all(list(quote) == required_keys(QuoteSchema()) for quote in data)


@pytest.mark.parametrize("path, schema", [
    ("/v1/sources", SourcePageSchema()), ("/v1/speakers?limit=100", SpeakerPageSchema()),
    ("/v1/outlets", OutletPageSchema()), ("/v1/speakers/daniel-okafor", SpeakerDetailSchema()),
    (f"/v1/quotes/{QUOTE}/citation", CitationSchema()), ("/healthz", HealthSchema()),
])
def test_row_schemas_answer_what_marshmallow_dumps(client, path, schema):
    body = client.get(path).get_json()
    dumped = body
    if "formats" in body:  # marshmallow reads a field by its attribute, csl_json ("csl-json")
        formats = dict(body["formats"])
        dumped = {**body, "formats": {**formats, "csl_json": formats.pop("csl-json")}}
    with client.application.test_request_context("/"):
        assert marshmallow_dump(schema, dumped) == orjson.dumps(body)
    assert list(body) == required_keys(schema)


def test_a_source_with_its_quotes_is_what_marshmallow_dumps(client):
    source_id = client.get(f"/v1/quotes/{QUOTE}").get_json()["source"]["id"]
    body = client.get(f"/v1/sources/{source_id}").get_json()
    quotes = body.pop("quotes")
    assert len(quotes) > 1
    assert marshmallow_dump(SourceDetailSchema(exclude=["quotes"]), body) == orjson.dumps(body)
    assert marshmallow_dump(QuoteSchema(), quotes, many=True) == orjson.dumps(quotes)


def test_a_flat_row_becomes_the_nested_quote():
    row = {"id": "q_1", "text": "Words.", "kind": "full", "speaker_id": "ann-lee",
           "speaker_name": "Ann Lee", "speaker_kind": "person", "role": "mayor", "cue": "said",
           "date": "", "date_basis": None, "date_precision": None, "source_id": "s_2",
           "outlet": "Gazette", "source_publisher": None, "source_title": "T",
           "source_url": None, "source_published": "2024-01-02", "start": 3, "end": 9,
           "start_utf16": 4, "end_utf16": 10, "prefix": "ab", "suffix": "cd"}
    assert quote_resource(row, "http://x.test/") == {
        "id": "q_1", "text": "Words.", "kind": "full",
        "speaker": {"id": "ann-lee", "name": "Ann Lee", "kind": "person", "role": "mayor"},
        "cue": "said", "date": None, "date_basis": None, "date_precision": None,
        "source": {"id": "s_2", "outlet": "Gazette", "publisher": None, "title": "T",
                   "url": None, "published": "2024-01-02"},
        "span": {"start": 3, "end": 9}, "span_utf16": {"start": 4, "end": 10},
        "selector": {"exact": "Words.", "prefix": "ab", "suffix": "cd"},
        "links": {"self": "http://x.test/v1/quotes/q_1",
                  "source": "http://x.test/v1/sources/s_2",
                  "citation": "http://x.test/v1/quotes/q_1/citation",
                  "provenance": "http://x.test/v1/quotes/q_1/provenance",
                  "html": "http://x.test/quotes/q_1#q_1"}}
    assert quote_resource({**row, "speaker_id": None}, "http://x.test/")["speaker"] is None


@pytest.mark.parametrize("query, verdict", [
    ({"text": "Demand is stronger than at any time in our history", "speaker": "Daniel Okafor"},
     "verbatim"),
    ({"text": "Demand is stronger than at any time in our history", "speaker": "Maria Costa"},
     "misattributed"),
    ({"text": "Demand is weaker than at any time in our history"}, "altered"),
    ({"text": "If the supply of [semiconductors] does not improve … we will miss our targets"},
     "verbatim_with_omissions"),
    ({"text": "zqxv wplk"}, "not_found"),
])
def test_a_provenance_check_is_what_marshmallow_dumps(client, query, verdict):
    body = client.post("/v1/provenance/check", json=query).get_json()
    assert body["verdict"] == verdict
    assert marshmallow_dump(CheckResultSchema(), body) == orjson.dumps(body)
    assert list(body) == required_keys(CheckResultSchema())
