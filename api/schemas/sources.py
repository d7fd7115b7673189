"""Source schemas: list arguments, the source object and its text slices."""
from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from api.extraction import MAX_QUOTATION_MARKS
from api.schemas.base import (MAX_VALUES, BaseSchema, OutputSchema, PageArgs, at_most_values,
                              path_part, query_part)
from api.schemas.fastpath import RowSchema, page_schema
from api.schemas.languages import codes_of_languages, language_field, language_filter
from api.schemas.quotes import QuoteSchema
from api.store.ingest import MAX_TEXT_CHARS
from api.web.links import source_page


class SourceListArgs(PageArgs):
    outlet = fields.List(fields.String(validate=validate.Length(1, 200)), load_default=list,
                         validate=at_most_values,
                         metadata={"description": f"Outlet; repeatable (≤ {MAX_VALUES})."})
    language = language_filter()

    @ma.post_load
    def language_codes(self, data, **kwargs):
        return codes_of_languages(data)


class SourceTextArgs(BaseSchema):
    start = fields.Integer(load_default=None, validate=validate.Range(min=0),
                           metadata={"description": "Code-point offset, default 0"})
    end = fields.Integer(load_default=None, validate=validate.Range(min=0),
                         metadata={"description": "Code-point offset, default the end"})


class SourceLinksSchema(OutputSchema):
    self = fields.String()
    text = fields.String()
    quotes = fields.String()
    html = fields.String(metadata={"description": "The source's page for people: its whole "
                                   "text with every quote highlighted"})


class SourceSchema(RowSchema):
    id = fields.String()
    sha256 = fields.String()
    outlet = fields.String()
    publisher = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    author = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    published = fields.String(allow_none=True)
    language = fields.String(allow_none=True, metadata={
        "description": "ISO 639-1 code: given, else the HTML page's, else detected from the "
                       "text; null when detection was unsure"})
    notes = fields.String(allow_none=True)
    html_sha256 = fields.String(allow_none=True, metadata={
        "description": "SHA-256 of the HTML page the text was extracted from; null for a text"})
    length = fields.Integer(metadata={"description": "Text length in code points"})
    quote_count = fields.Integer()
    links = fields.Nested(SourceLinksSchema)

    def computed(self, row, root):
        source_id = path_part(row["id"])
        return {"links": {"self": f"{root}v1/sources/{source_id}",
                          "text": f"{root}v1/sources/{source_id}/text",
                          "quotes": f"{root}v1/quotes?source={query_part(row['id'])}",
                          "html": root + source_page(row["id"])}}


class SourceDetailSchema(SourceSchema):
    text = fields.String()
    quotes = fields.List(fields.Nested(QuoteSchema))


SourcePageSchema = page_schema("SourcePage", SourceSchema)


class SourceTextSchema(OutputSchema):
    source_id = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    length = fields.Integer()
    text = fields.String()


MAX_HTML_CHARS = 10_000_000


class SourceCreateSchema(BaseSchema):
    OPENAPI_RULES = {"oneOf": [  # text_or_html
        {"required": ["text", "outlet"], "properties": {"outlet": {"type": "string"}},
         "not": {"required": ["html"]}},
        {"required": ["html"], "not": {"required": ["text"]}}]}
    text = fields.String(validate=validate.Length(1, MAX_TEXT_CHARS),
                         metadata={"description": "The article text, stored exactly as sent; "
                                                  "exactly one of `text` and `html`. At most "
                                                  f"{MAX_QUOTATION_MARKS:,} quotation marks "
                                                  "(422 `too-many-quotation-marks`)"})
    html = fields.String(validate=validate.Length(1, MAX_HTML_CHARS),
                         metadata={"description": "An HTML page: its main article text is "
                                                  "extracted and stored, its metadata fills "
                                                  "the fields not given; that text has the "
                                                  "limits of `text`"})
    outlet = fields.String(load_default=None, validate=validate.Length(1, 200),
                           metadata={"description": "Required with `text`; with `html`, the "
                                                    "page's site name when not given"})
    publisher = fields.String(load_default=None, allow_none=True, validate=validate.Length(1, 200))
    title = fields.String(load_default=None, allow_none=True, validate=validate.Length(1, 1000))
    author = fields.String(load_default=None, allow_none=True, validate=validate.Length(1, 500))
    url = fields.Url(load_default=None, allow_none=True, schemes={"http", "https"},
                     validate=validate.Length(max=2000))
    published = fields.Date(load_default=None, allow_none=True,
                            metadata={"description": "ISO date; resolves 'on Thursday' in quotes"})
    language = language_field(load_default=None, allow_none=True, metadata={
        "description": "ISO 639-1 code or BCP 47 tag (`fr`, `pt-BR`), stored as its ISO 639-1 "
                       "code; when left out, the HTML page's `<html lang>`, else detected from "
                       "the text"})
    notes = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=5000))

    @ma.validates_schema
    def text_or_html(self, data, **kwargs):
        if ("text" in data) == ("html" in data):
            message = ["Give exactly one of text and html."]
            raise ma.ValidationError({"text": message, "html": message})
        if "text" in data and data.get("outlet") is None:
            raise ma.ValidationError("Missing data for required field.", "outlet")

    @ma.post_load
    def iso_date_and_language_code(self, data, **kwargs):
        if data.get("published") is not None:
            data["published"] = data["published"].isoformat()
        return codes_of_languages(data)
