"""Quote schemas: list arguments, the quote object and its page."""
from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from api.schemas.base import MAX_VALUES, OutputSchema, PageArgs, at_most_values
from api.schemas.fastpath import dump_quote_rows, page_schema
from api.schemas.languages import codes_of_languages, language_filter
from api.schemas.speakers import SPEAKER_KINDS

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
    # The pattern states what search_parts (api/store/selection.py) needs: a word character.
    q = fields.String(load_default=None, validate=validate.Length(1, 500), metadata={
        "description": f'Full-text search; words ANDed, "phrases" kept; at most {MAX_QUERY_WORDS} '
                       "words, at least one.", "pattern": r"\w"})
    sort = fields.String(load_default=None, validate=validate.OneOf(SORTS),
                         metadata={"description": "Default `-date`, or `relevance` with `q`; "
                                   "a feed (`atom`, `jsonfeed`) defaults to `-date`, also with `q`."})
    facet = fields.List(fields.String(validate=validate.OneOf(FACETS)), load_default=list,
                        validate=_many, metadata={"description": "Counts to add; repeats count once."})
    output_format = fields.String(
        load_default=None, validate=validate.OneOf(QUOTE_LIST_FORMATS), data_key="format",
        metadata={"description": "`csv` for a CSV page (or Accept: text/csv); `bibtex`, `ris`, "
                                 "`csl-json` for the page's sources (or Accept: their media "
                                 "types); `atom`, `jsonfeed` for the page as a feed, newest "
                                 "first (or Accept: application/atom+xml, "
                                 "application/feed+json)."})

    @ma.validates_schema
    def check_query_words(self, data, **kwargs):
        if data.get("q") and len(data["q"].split()) > MAX_QUERY_WORDS:
            raise ma.ValidationError(f"give at most {MAX_QUERY_WORDS} words", "q")

    @ma.post_load
    def language_codes(self, data, **kwargs):
        return codes_of_languages(data)

    @ma.post_load
    def collapse_facets_and_write_dates(self, data, **kwargs):
        if data.get("facet"):
            data["facet"] = list(dict.fromkeys(data["facet"]))  # 240 repeats cost what one does
        for key in ("date_from", "date_to"):  # the store compares ISO dates as text
            if data.get(key):
                data[key] = data[key].isoformat()
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
        """Build quote objects straight from store rows (api.schemas.fastpath)."""
        return dump_quote_rows(obj, self.many if many is None else many)


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
                       "(newest first) without `q` or when every word or phrase of `q` is in "
                       "at least SEARCH_COMMON_QUOTES quotes (10,000 by default)", "optional": True}))
