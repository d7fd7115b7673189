"""Shared schema pieces: the strict base, paging arguments and the list envelope."""
from __future__ import annotations

import re
from urllib.parse import quote, urlencode

import marshmallow as ma
from flask import g, request
from marshmallow import fields, validate

MAX_LIMIT = 100
_URL_SAFE = re.compile(r"[A-Za-z0-9_~-]+").fullmatch  # ids need no percent-encoding


def api_url(*parts: str, **query: str) -> str:
    """Return the absolute URL of a path under this API: api_url("v1", "quotes", quote_id).

    Links are built by hand, not with url_for: a page of 20 quotes has 80 of them and url_for
    costs about 50 µs each. Path parts and query values are percent-encoded.
    """
    root = g.get("url_root")
    if root is None:
        root = g.url_root = request.url_root  # computed from the request's headers each time
    url = root + "/".join(part if _URL_SAFE(part) else quote(part, safe="") for part in parts)
    return f"{url}?{urlencode(query)}" if query else url


class BaseSchema(ma.Schema):
    """Every schema rejects fields it does not know."""

    class Meta:
        unknown = ma.RAISE
        ordered = True


class NoArgs(BaseSchema):
    """The query of a route that takes no parameters: any parameter is unknown (400)."""


class PageArgs(BaseSchema):
    limit = fields.Integer(load_default=20, validate=validate.Range(1, MAX_LIMIT),
                           metadata={"description": f"Items per page, 1–{MAX_LIMIT}."})
    cursor = fields.String(load_default=None, validate=validate.Length(max=2000),
                           metadata={"description": "Opaque token taken from `next`."})


class PageSchema(BaseSchema):
    """A list envelope: only the items go through their schema.

    `next`, `total` and the extra fields (facets) are built as plain JSON by the route; walking
    them field by field cost more than the whole page's SQL.
    """

    def dump(self, obj, *, many: bool | None = None):
        return {**obj, "data": self.fields["data"].inner.schema.dump(obj["data"], many=True)}


def page_schema(name: str, item_schema: type[ma.Schema], **extra_fields) -> type[ma.Schema]:
    """Return the list-envelope schema {data, next, total, …} for items of item_schema."""
    return PageSchema.from_dict({
        "data": fields.List(fields.Nested(item_schema)),
        "next": fields.String(allow_none=True, metadata={"description": "URL of the next page"}),
        "total": fields.Integer(metadata={"description": "Items matching, over all pages"}),
        **extra_fields,
    }, name=name)


