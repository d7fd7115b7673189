"""Shared schema pieces: the strict base, paging arguments and the list envelope."""
from __future__ import annotations

import string
from urllib.parse import quote, quote_plus

import marshmallow as ma
from flask import request
from marshmallow import fields, validate

MAX_LIMIT = 100
MAX_VALUES = 20  # values of one repeatable parameter
at_most_values = validate.Length(max=MAX_VALUES, error=f"give at most {MAX_VALUES} values")
MAX_CURSOR = 2000
# Characters of stored ids ([a-z0-9_-]) that need no percent-encoding in a path or a query.
_URL_SAFE = string.ascii_letters + string.digits + "_~-"


def url_root() -> str:
    """Return this request's absolute URL root ("https://host/"), computed once per request.

    Links are built by hand from it, not with url_for: a page of 20 quotes has 40 of them and
    url_for costs about 50 µs each. (api.http.Request derives it cheaply, and keeps it.)
    """
    return request.url_root


def path_part(part: str) -> str:
    """Return a path segment percent-encoded; stored ids ([a-z0-9_-]) come back as they are."""
    return part if part and not part.strip(_URL_SAFE) else quote(part, safe="")


def query_part(value: str) -> str:
    """Return a query value as urlencode() writes it; stored ids come back as they are."""
    return value if value and not value.strip(_URL_SAFE) else quote_plus(value, safe="")


class BaseSchema(ma.Schema):
    """Every schema rejects fields it does not know."""

    class Meta:
        unknown = ma.RAISE
        ordered = True


class OutputSchema(BaseSchema):
    """An answer: every field is always present, so the document marks it `required`.

    A field that an answer may leave out says so with `metadata={"optional": True}`; one that
    may be null has `allow_none=True`. Generated clients then type-check in strict mode.
    """

    def on_bind_field(self, field_name, field_obj):
        field_obj.required = not field_obj.metadata.get("optional", False)


class NoArgs(BaseSchema):
    """The query of a route that takes no parameters: any parameter is unknown (400)."""


class PageArgs(BaseSchema):
    limit = fields.Integer(load_default=20, validate=validate.Range(1, MAX_LIMIT),
                           metadata={"description": f"Items per page, 1–{MAX_LIMIT}."})
    # The pattern documents the token's alphabet (base64url); whether it was given out by this
    # list is checked when it is decoded (400, code `invalid-cursor`).
    cursor = fields.String(load_default=None, validate=validate.Length(max=MAX_CURSOR),
                           metadata={"description": "Opaque token taken from `next`.",
                                     "pattern": "^[A-Za-z0-9_-]+$", "minLength": 1})
