"""One blueprint per resource; handlers parse through a schema and call one store function."""
from __future__ import annotations

import functools
import http

import flask
import flask_smorest
import marshmallow as ma
import orjson
from flask import current_app
from webargs.flaskparser import FlaskParser, is_json_request
from werkzeug.exceptions import BadRequest, HTTPException, RequestTimeout

from api.http import BodyDeadline


@functools.cache
def schema_instance(schema_class: type[ma.Schema]) -> ma.Schema:
    """Return the one instance of a schema class: loading does not change a schema, and
    building one (deep-copying its fields) cost more than parsing a request's arguments."""
    return schema_class()


@functools.cache
def _list_keys(schema: ma.Schema) -> frozenset[str]:
    """Return the query keys of a schema's fields that take a list (given once or repeated)."""
    return frozenset(field.data_key or name for name, field in schema.fields.items()
                     if isinstance(field, (ma.fields.List, ma.fields.Tuple)))


class StrictParser(FlaskParser):
    """Unknown query parameters are an error (400), not silently ignored."""

    DEFAULT_VALIDATION_STATUS = 400  # served and documented as 400, not webargs' 422
    DEFAULT_UNKNOWN_BY_LOCATION = {**FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION,
                                   "query": ma.RAISE, "querystring": ma.RAISE}

    def parse(self, argmap, req=None, *, location=None, **kwargs):
        """A route that takes no query parameters and got none has nothing to parse."""
        if location == "query" and isinstance(argmap, ma.Schema) and not argmap.fields \
                and not flask.request.args:
            return {}
        return super().parse(argmap, req, location=location, **kwargs)

    def load_querystring(self, req, schema):
        """Return the query as a plain dict of the keys given, lists for list fields.

        webargs' MultiDictProxy gives the same values, but marshmallow asks it for every field
        of the schema through Python-level mapping methods, given or not.
        """
        lists = _list_keys(schema)
        return {key: values if key in lists else values[0]
                for key, values in req.args.lists()}

    def pre_load(self, location_data, *, schema, req, location):
        """Refuse a parameter given twice unless it takes a list: which value was meant?"""
        if location in ("query", "querystring"):
            lists = _list_keys(schema)
            repeated = sorted(name for name, values in req.args.lists()
                              if len(values) > 1 and name not in lists)
            if repeated:
                raise ma.ValidationError({name: ["give this parameter once"] for name in repeated})
        return location_data

    def load_json(self, req, schema):
        """Read the body with orjson, which refuses what JSON forbids and Python's json lets by.

        A lone surrogate escape ("\\ud800") cannot be stored or hashed as UTF-8, and NaN or
        Infinity are not JSON: each is a 400, not a 500 later.
        """
        if not is_json_request(req):
            return ma.missing
        try:
            body = req.get_data(cache=True)
        except HTTPException:  # werkzeug's own: 413 past MAX_CONTENT_LENGTH
            raise
        except Exception as error:  # noqa: BLE001 (the server's reader: a bad chunk size …)
            body, failure = None, error
        short = body is None or req.content_length is None or len(body) < req.content_length
        if req.environ.get(BodyDeadline.TIMED_OUT) and short:  # cut at the deadline: not the body
            raise RequestTimeout("the request body did not arrive within "
                                 f"{current_app.config['BODY_TIMEOUT_S']} s")
        if body is None:
            raise BadRequest(f"the body could not be read: {failure}")
        try:
            return orjson.loads(body)
        except orjson.JSONDecodeError as error:
            raise BadRequest(f"the body is not valid JSON: {error}") from None


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = StrictParser()

    def arguments(self, schema, *args, **kwargs):
        """Parse with one instance per schema class: webargs builds one per request from a class."""
        if isinstance(schema, type):
            schema = schema_instance(schema)
        return super().arguments(schema, *args, **kwargs)

    def problems(self, *statuses: int):
        """Document the problem+json answers a route gives besides 400 for invalid input."""
        def decorate(func):
            for status in statuses:
                func = self.alt_response(status, response=http.HTTPStatus(status).name)(func)
            return func
        return decorate


# Statuses every authenticated JSON write may answer: no or bad token, writes disabled, body
# too large or not JSON, rate limit.
WRITE_PROBLEMS = (401, 403, 408, 413, 415, 429, 503)


def _blueprints() -> list[Blueprint]:
    from api.routes import citations, health, outlets, provenance, quotes, sources, speakers

    return [health.blp, quotes.blp, sources.blp, speakers.blp, outlets.blp, citations.blp,
            provenance.blp]


BLUEPRINTS = _blueprints()
