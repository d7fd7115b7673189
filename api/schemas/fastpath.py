"""Fast paths: answers built straight from store rows, without marshmallow's per-field walk.

Each was measured (bench/inprocess.py) and kept because marshmallow's generic dump cost most of
a request's time; the schemas' fields still generate the OpenAPI document.
tests/test_fastpath.py holds each to marshmallow's own dump of the same data, and the
schemathesis suite checks every answer against the document.
"""
from __future__ import annotations

import functools
from collections.abc import Callable

import marshmallow as ma
from marshmallow import fields

from api.schemas.base import OutputSchema, path_part, url_root
from api.web.links import quote_page


def dump_quote_rows(obj, many: bool):
    """Return QuoteSchema's objects for flat store rows.

    quote_resource() returns exactly the shape QuoteSchema's fields declare; marshmallow's walk
    over its seven nested schemas cost ~180 µs a quote, most of a page's time.
    """
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
