"""Quote schemas: list arguments, the quote object and its page."""
from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from api.schemas.base import (MAX_VALUES, OutputSchema, PageArgs, at_most_values, page_schema,
                              path_part, url_root)
from api.schemas.languages import codes_of_languages, language_filter
from api.schemas.speakers import SPEAKER_KINDS
from api.web.links import quote_page

KINDS = ("full", "partial", "indirect")
DATE_BASES = ("stated", "relative", "published")
DATE_PRECISIONS = ("day", "month")
SORTS = ("date", "-date", "relevance")
FACETS = ("speaker", "outlet", "kind", "year")
QUOTE_LIST_FORMATS = ("json", "csv", "bibtex", "ris", "csl-json", "atom", "jsonfeed")
# Bounds on what one cheap request may ask for: each is a 400 naming the limit.
MAX_QUERY_WORDS = 32  # words in `q`
_many = at_most_values


class QuoteListArgs(PageArgs):
    speaker = fields.List(fields.String(validate=validate.Length(1, 200)), load_default=list,
                          validate=_many, metadata={
                              "description": f"Speaker id or name/alias; repeatable (≤ {MAX_VALUES})."})
    outlet = fields.List(fields.String(validate=validate.Length(1, 200)), load_default=list,
                         validate=_many, metadata={
                             "description": f"Outlet name (case-insensitive); repeatable (≤ {MAX_VALUES})."})
    source = fields.List(fields.String(validate=validate.Length(1, 100)), load_default=list,
                         validate=_many,
                         metadata={"description": f"Source id; repeatable (≤ {MAX_VALUES})."})
    kind = fields.List(fields.String(validate=validate.OneOf(KINDS)), load_default=list,
                       validate=_many)
    language = language_filter()
    date_from = fields.Date(load_default=None, metadata={"description": "Statement date ≥"})
    date_to = fields.Date(load_default=None, metadata={"description": "Statement date ≤"})
    q = fields.String(load_default=None, validate=validate.Length(1, 500), metadata={
        "description": f'Full-text search; words ANDed, "phrases" kept; at most {MAX_QUERY_WORDS} words.'})
    sort = fields.String(load_default=None, validate=validate.OneOf(SORTS),
                         metadata={"description": "Default `-date`, or `relevance` with `q`; "
                                   "a feed (`atom`, `jsonfeed`) is always `-date`."})
    facet = fields.List(fields.String(validate=validate.OneOf(FACETS)), load_default=list,
                        validate=_many, metadata={"description": "Counts to add; repeats count once."})
    format = fields.String(load_default=None, validate=validate.OneOf(QUOTE_LIST_FORMATS),
                           metadata={"description": "`csv` for a CSV page (or Accept: text/csv); "
                                     "`bibtex`, `ris`, `csl-json` for the page's sources (or "
                                     "Accept: their media types); `atom`, `jsonfeed` for the page as a feed, newest "
                                     "first (or Accept: application/atom+xml, "
                                     "application/feed+json)."})

    @ma.validates_schema
    def check_relevance(self, data, **kwargs):
        if data.get("sort") == "relevance" and not data.get("q"):
            raise ma.ValidationError("sort=relevance needs q", "sort")
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise ma.ValidationError("date_from is after date_to", "date_to")
        if data.get("q") and len(data["q"].split()) > MAX_QUERY_WORDS:
            raise ma.ValidationError(f"give at most {MAX_QUERY_WORDS} words", "q")

    @ma.post_load
    def language_codes(self, data, **kwargs):
        return codes_of_languages(data)

    @ma.post_load
    def collapse_facets(self, data, **kwargs):
        if data.get("facet"):
            data["facet"] = list(dict.fromkeys(data["facet"]))  # 240 repeats cost what one does
        return data


class SpanSchema(OutputSchema):
    start = fields.Integer()
    end = fields.Integer()


class SelectorSchema(OutputSchema):
    exact = fields.String()
    prefix = fields.String()
    suffix = fields.String()


class SpeakerRefSchema(OutputSchema):
    id = fields.String()
    name = fields.String()
    kind = fields.String(validate=validate.OneOf(SPEAKER_KINDS))
    role = fields.String(allow_none=True, metadata={"description": "As written in this source"})


class SourceRefSchema(OutputSchema):
    id = fields.String()
    outlet = fields.String()
    publisher = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    published = fields.String(allow_none=True)


class QuoteLinksSchema(OutputSchema):
    self = fields.String()
    source = fields.String()
    citation = fields.String()
    provenance = fields.String()
    html = fields.String(metadata={"description": "The quote's page for people: its source "
                                   "with the quote highlighted and scrolled to, its citations"})


class QuoteSchema(OutputSchema):
    id = fields.String()
    text = fields.String()
    kind = fields.String(validate=validate.OneOf(KINDS))
    speaker = fields.Nested(SpeakerRefSchema, allow_none=True)
    cue = fields.String(allow_none=True, metadata={"description": "The attribution as written"})
    date = fields.String(allow_none=True)
    date_basis = fields.String(allow_none=True, validate=validate.OneOf(DATE_BASES))
    date_precision = fields.String(
        allow_none=True, validate=validate.OneOf(DATE_PRECISIONS),
        metadata={"description": "`month`: a month alone (\"in August\") is dated its first day"})
    source = fields.Nested(SourceRefSchema)
    span = fields.Nested(SpanSchema, metadata={"description": "Code points into source text"})
    span_utf16 = fields.Nested(SpanSchema, metadata={"description": "For JavaScript String.slice"})
    selector = fields.Nested(SelectorSchema)
    links = fields.Nested(QuoteLinksSchema)

    def dump(self, obj, *, many: bool | None = None):
        """Build quote objects straight from store rows.

        quote_resource() already returns exactly the shape the fields above declare, and
        marshmallow's generic walk over seven nested schemas cost ~180 µs a quote (most of a
        page's time). The fields still generate the OpenAPI document; the schemathesis suite
        checks every answer against it, so the two cannot drift unnoticed.
        """
        many = self.many if many is None else many
        root = url_root()
        return [quote_resource(row, root) for row in obj] if many else quote_resource(obj, root)


def quote_resource(row: dict, root: str) -> dict:
    """Reshape a flat store row into the nested quote object of the contract (root: url_root())."""
    quote_id = row["id"]
    self_url = f"{root}v1/quotes/{path_part(quote_id)}"
    speaker = None
    if row["speaker_id"]:
        speaker = {"id": row["speaker_id"], "name": row["speaker_name"],
                   "kind": row["speaker_kind"], "role": row["role"]}
    return {
        "id": quote_id, "text": row["text"], "kind": row["kind"], "speaker": speaker,
        "cue": row["cue"], "date": row["date"] or None, "date_basis": row["date_basis"],
        "date_precision": row["date_precision"],
        "source": {"id": row["source_id"], "outlet": row["outlet"],
                   "publisher": row["source_publisher"], "title": row["source_title"],
                   "url": row["source_url"], "published": row["source_published"]},
        "span": {"start": row["start"], "end": row["end"]},
        "span_utf16": {"start": row["start_utf16"], "end": row["end_utf16"]},
        "selector": {"exact": row["text"], "prefix": row["prefix"], "suffix": row["suffix"]},
        "links": {
            "self": self_url,
            "source": f"{root}v1/sources/{path_part(row['source_id'])}",
            "citation": self_url + "/citation",
            "provenance": self_url + "/provenance",
            "html": root + quote_page(quote_id),
        },
    }


class FacetValueSchema(OutputSchema):
    value = fields.String(allow_none=True)
    name = fields.String(allow_none=True, metadata={
        "description": "The speaker's name (speaker facet only)", "optional": True})
    count = fields.Integer()


QuotePageSchema = page_schema("QuotePage", QuoteSchema, facets=fields.Dict(
    keys=fields.String(), values=fields.List(fields.Nested(FacetValueSchema)),
    metadata={"description": "Counts per value for each `facet` asked for", "optional": True}),
    ranked_by=fields.String(validate=validate.OneOf(("bm25", "date")), metadata={
        "description": "In relevance order (`q`, `sort=relevance`) only: `bm25`, or `date` "
                       "(newest first) when every word or phrase of `q` is in at least "
                       "SEARCH_COMMON_QUOTES quotes (10,000 by default)", "optional": True}))
