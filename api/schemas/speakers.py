"""Speaker and outlet schemas."""
from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from api.schemas.base import BaseSchema, PageArgs, api_url, page_schema

SPEAKER_KINDS = ("person", "organization", "anonymous")


class SpeakerListArgs(PageArgs):
    name = fields.String(load_default=None, validate=validate.Length(1, 200),
                         metadata={"description": "Part of a name or alias"})
    kind = fields.List(fields.String(validate=validate.OneOf(SPEAKER_KINDS)), load_default=list)


class SpeakerSchema(BaseSchema):
    id = fields.String()
    name = fields.String()
    kind = fields.String()
    roles = fields.List(fields.String(), metadata={"description": "Roles as written"})
    quote_count = fields.Integer()
    links = fields.Dict(keys=fields.String(), values=fields.String())

    @ma.pre_dump
    def add_links(self, row, **kwargs):
        return {**row, "links": {
            "self": api_url("v1", "speakers", row["id"]),
            "quotes": api_url("v1", "quotes", speaker=row["id"]),
        }}


class OutletCountSchema(BaseSchema):
    name = fields.String()
    quote_count = fields.Integer()


class SpeakerDetailSchema(SpeakerSchema):
    aliases = fields.List(fields.String(), metadata={"description": "Names as written"})
    outlets = fields.List(fields.Nested(OutletCountSchema))
    first_quoted = fields.String(allow_none=True)
    last_quoted = fields.String(allow_none=True)


SpeakerPageSchema = page_schema("SpeakerPage", SpeakerSchema)


class OutletSchema(BaseSchema):
    name = fields.String()
    source_count = fields.Integer()
    quote_count = fields.Integer()
    first_published = fields.String(allow_none=True)
    last_published = fields.String(allow_none=True)


OutletPageSchema = page_schema("OutletPage", OutletSchema)
