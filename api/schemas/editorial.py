"""Schemas of editorial corrections: new quotes, changes, and the audit history."""
from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from api.schemas.base import BaseSchema, OutputSchema
from api.schemas.quotes import DATE_BASES, KINDS
from api.schemas.speakers import SPEAKER_KINDS

HISTORY_ACTIONS = ("create", "update", "delete")


class SpeakerInputSchema(BaseSchema):
    """A speaker by id, or by name: a known name or alias picks that speaker, another is new."""

    id = fields.String(validate=validate.Length(1, 200),
                       metadata={"description": "Id of an existing speaker (wins over name)"})
    name = fields.String(validate=validate.Length(1, 200),
                         metadata={"description": "Canonical name or a known alias; anonymous: "
                                                  "a description"})
    kind = fields.String(load_default="person", validate=validate.OneOf(SPEAKER_KINDS))
    role = fields.String(load_default=None, allow_none=True, validate=validate.Length(1, 300))
    OPENAPI_RULES = {"anyOf": [{"required": ["id"]}, {"required": ["name"]}]}  # id_or_name

    @ma.validates_schema
    def id_or_name(self, data, **kwargs):
        if not data.get("id") and not data.get("name"):
            raise ma.ValidationError("give the speaker's id or name", "name")


class QuoteFieldsSchema(BaseSchema):
    """What an editor may set on a quote; every field optional (PATCH), at least one given.

    A span is checked against the source's text when stored (422 `span-mismatch`, also for an
    end before its start).
    """
    OPENAPI_RULES = {"minProperties": 1}

    start = fields.Integer(validate=validate.Range(min=0))
    end = fields.Integer(validate=validate.Range(min=0))
    text = fields.String(validate=validate.Length(1, 100_000),
                         metadata={"description": "Must equal source.text[start:end] exactly"})
    kind = fields.String(validate=validate.OneOf(KINDS))
    speaker = fields.Nested(SpeakerInputSchema, allow_none=True)
    cue = fields.String(allow_none=True, validate=validate.Length(max=500))
    date = fields.Date(allow_none=True)
    date_basis = fields.String(allow_none=True, validate=validate.OneOf(DATE_BASES))

    @ma.validates_schema
    def check(self, data, **kwargs):
        if not data:
            raise ma.ValidationError("Give at least one field to change: "
                                     f"{', '.join(self.fields)}.")

    @ma.post_load
    def iso_date(self, data, **kwargs):
        if data.get("date") is not None:
            data["date"] = data["date"].isoformat()
        return data


class QuoteCreateSchema(QuoteFieldsSchema):
    source = fields.String(required=True, validate=validate.Length(1, 100),
                           metadata={"description": "Id of the source the quote is in"})
    start = fields.Integer(required=True, validate=validate.Range(min=0))
    end = fields.Integer(required=True, validate=validate.Range(min=0))
    text = fields.String(required=True, validate=validate.Length(1, 100_000))
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))


class HistoryEntrySchema(OutputSchema):
    action = fields.String(validate=validate.OneOf(HISTORY_ACTIONS))
    actor = fields.String(metadata={"description": "Name of the token that wrote"})
    at = fields.String(metadata={"description": "UTC timestamp"})
    before = fields.Dict(allow_none=True)
    after = fields.Dict(allow_none=True)


class HistorySchema(OutputSchema):
    quote_id = fields.String()
    deleted = fields.Boolean()
    data = fields.List(fields.Nested(HistoryEntrySchema))
