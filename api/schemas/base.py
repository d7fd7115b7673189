"""Shared schema pieces: the strict base, paging arguments and the list envelope."""
from __future__ import annotations

import functools
import string
from collections.abc import Callable
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


class RowSchema(OutputSchema):
    """A resource dumped straight from its store row, without marshmallow's per-field walk.

    The store returns JSON-ready values; the declared fields pick and order the keys (a key the
    row lacks is left out, as marshmallow would), nested schemas dump their own parts, and
    `computed()` gives the fields the row does not hold, such as links. The fields still
    generate the OpenAPI document, and the schemathesis suite checks every answer against it.
    """

    def computed(self, row: dict, root: str) -> dict:
        """Return the values of fields built from the row (root: this request's url_root())."""
        return {}

    def dump(self, obj, *, many: bool | None = None):
        many = self.many if many is None else many
        root = url_root() if self._links else ""
        if not many:
            return self._resource(obj, root)
        keys = self._keys
        if keys is not None and not self._links:  # rows of exactly the fields dump as they are
            return [row if tuple(row) == keys else self._resource(row, root) for row in obj]
        return [self._resource(row, root) for row in obj]

    @functools.cached_property
    def _links(self) -> bool:
        """Whether computed() is overridden, so needs this request's url_root()."""
        return type(self).computed is not RowSchema.computed

    @functools.cached_property
    def _plan(self) -> list[tuple[str, str, Callable | None]]:
        """(field name, JSON key, dump of a nested part or None) per field, in order."""
        plan = []
        for name, field in self.dump_fields.items():
            dump = None
            if isinstance(field, fields.Nested):
                dump = field.schema.dump
            elif isinstance(field, fields.List) and isinstance(field.inner, fields.Nested):
                dump = functools.partial(field.inner.schema.dump, many=True)
            plan.append((name, field.data_key or name, dump))
        return plan

    @functools.cached_property
    def _keys(self) -> tuple[str, ...] | None:
        """The field names in order, if every field dumps its value as is under its own name."""
        if all(dump is None and key == name for name, key, dump in self._plan):
            return tuple(name for name, _, _ in self._plan)
        return None

    def _resource(self, row: dict, root: str) -> dict:
        computed = self.computed(row, root)
        if self._keys is not None and (*row, *computed) == self._keys:
            return {**row, **computed}  # the row holds exactly the other fields, in order
        out = {}
        for name, key, dump in self._plan:
            if name in computed:
                out[key] = computed[name]
            elif name in row:
                out[key] = row[name] if dump is None else dump(row[name])
        return out


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


class PageSchema(OutputSchema):
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


