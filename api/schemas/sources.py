"""Source schemas: list arguments, the source object and its text slices."""
from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from api.schemas.base import (BaseSchema, OutputSchema, PageArgs, RowSchema, page_schema,
                              path_part, query_part)
from api.schemas.quotes import QuoteSchema


class SourceListArgs(PageArgs):
    outlet = fields.List(fields.String(validate=validate.Length(1, 200)), load_default=list)


class SourceTextArgs(BaseSchema):
    start = fields.Integer(load_default=None, validate=validate.Range(min=0),
                           metadata={"description": "Code-point offset, default 0"})
    end = fields.Integer(load_default=None, validate=validate.Range(min=0),
                         metadata={"description": "Code-point offset, default the end"})


class SourceSchema(RowSchema):
    id = fields.String()
    sha256 = fields.String()
    outlet = fields.String()
    publisher = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    author = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    published = fields.String(allow_none=True)
    language = fields.String(allow_none=True)
    notes = fields.String(allow_none=True)
    length = fields.Integer(metadata={"description": "Text length in code points"})
    quote_count = fields.Integer()
    links = fields.Dict(keys=fields.String(), values=fields.String())

    def computed(self, row, root):
        source_id = path_part(row["id"])
        return {"links": {"self": f"{root}v1/sources/{source_id}",
                          "text": f"{root}v1/sources/{source_id}/text",
                          "quotes": f"{root}v1/quotes?source={query_part(row['id'])}"}}


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


MAX_TEXT_CHARS = 2_000_000


class SourceCreateSchema(BaseSchema):
    text = fields.String(required=True, validate=validate.Length(1, MAX_TEXT_CHARS),
                         metadata={"description": "The article text, stored exactly as sent"})
    outlet = fields.String(required=True, validate=validate.Length(1, 200))
    publisher = fields.String(load_default=None, allow_none=True, validate=validate.Length(1, 200))
    title = fields.String(load_default=None, allow_none=True, validate=validate.Length(1, 1000))
    author = fields.String(load_default=None, allow_none=True, validate=validate.Length(1, 500))
    url = fields.Url(load_default=None, allow_none=True, schemes={"http", "https"},
                     validate=validate.Length(max=2000))
    published = fields.Date(load_default=None, allow_none=True,
                            metadata={"description": "ISO date; resolves 'on Thursday' in quotes"})
    language = fields.String(load_default=None, allow_none=True, validate=validate.Length(2, 35))
    notes = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=5000))

    @ma.post_load
    def iso_date(self, data, **kwargs):
        if data.get("published") is not None:
            data["published"] = data["published"].isoformat()
        return data
