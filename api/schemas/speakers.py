"""Speaker and outlet schemas."""
from __future__ import annotations

from marshmallow import fields, validate

from api.schemas.base import OutputSchema, PageArgs, at_most_values, path_part, query_part
from api.schemas.fastpath import RowSchema, page_schema
from api.web.links import speaker_page

SPEAKER_KINDS = ("person", "organization", "anonymous")


class SpeakerListArgs(PageArgs):
    name = fields.String(load_default=None, validate=validate.Length(1, 200),
                         metadata={"description": "Part of a name or alias"})
    kind = fields.List(fields.String(validate=validate.OneOf(SPEAKER_KINDS)), load_default=list,
                       validate=at_most_values)


class SpeakerLinksSchema(OutputSchema):
    self = fields.String()
    quotes = fields.String()
    html = fields.String(metadata={"description": "The speaker's page for people: roles, "
                                   "outlets and quotes, newest first"})


class SpeakerSchema(RowSchema):
    id = fields.String()
    name = fields.String()
    kind = fields.String(validate=validate.OneOf(SPEAKER_KINDS))
    roles = fields.List(fields.String(), metadata={"description": "Roles as written"})
    quote_count = fields.Integer()
    links = fields.Nested(SpeakerLinksSchema)

    def computed(self, row, root):
        speaker_id = path_part(row["id"])
        return {"links": {"self": f"{root}v1/speakers/{speaker_id}",
                          "quotes": f"{root}v1/quotes?speaker={query_part(row['id'])}",
                          "html": root + speaker_page(row["id"])}}


class OutletCountSchema(RowSchema):
    name = fields.String()
    quote_count = fields.Integer()


class SpeakerDetailSchema(SpeakerSchema):
    aliases = fields.List(fields.String(), metadata={"description": "Names as written"})
    outlets = fields.List(fields.Nested(OutletCountSchema))
    first_quoted = fields.String(allow_none=True)
    last_quoted = fields.String(allow_none=True)


SpeakerPageSchema = page_schema("SpeakerPage", SpeakerSchema)


class OutletSchema(RowSchema):
    name = fields.String()
    source_count = fields.Integer()
    quote_count = fields.Integer()
    first_published = fields.String(allow_none=True)
    last_published = fields.String(allow_none=True)


OutletPageSchema = page_schema("OutletPage", OutletSchema)
