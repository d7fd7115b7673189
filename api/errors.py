"""The one place that turns errors into application/problem+json responses."""
from __future__ import annotations

import http
import logging
import sqlite3

import marshmallow as ma
from flask import Response, json
from flask_smorest import Api
from werkzeug.exceptions import HTTPException, InternalServerError

from api.citations import CitationError
from api.openapi import marshmallow_plugin
from api.problems import CODES, PROBLEMS, code_for, register_problem_pages, type_uri
from api.store.errors import StoreError

PROBLEM_TYPE = "application/problem+json"
log = logging.getLogger(__name__)


class ProblemSchema(ma.Schema):
    """RFC 9457 problem details, with per-field messages in `errors`."""

    type = ma.fields.String(metadata={
        "description": "URI reference naming the kind of problem (`/problems/{code}`, resolved "
                       "against the API's address); GET it for a page saying what it means"})
    code = ma.fields.String(validate=ma.validate.OneOf(CODES), metadata={
        "description": "Stable machine name of the kind of problem, to branch on"})
    title = ma.fields.String(metadata={"description": "Short title of the kind, in title case"})
    status = ma.fields.Integer()
    detail = ma.fields.String()
    errors = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.List(ma.fields.String()))
    quote_id = ma.fields.String(metadata={"description": "409: the quote that has this span"})
    source_id = ma.fields.String(metadata={
        "description": "409: the source that holds this text with other metadata"})
    stored = ma.fields.Dict(metadata={"description": "409: that source's stored metadata"})
    failed = ma.fields.List(ma.fields.Dict(), metadata={
        "description": "404/410 of a batch: each id that failed, with 404 (unknown) or 410 "
                       "(deleted)"})
    history = ma.fields.List(ma.fields.Dict(), metadata={
        "description": "410: the deleted quote's editorial history"})


def as_sentence(text: str) -> str:
    """Return text as a sentence: a capital first letter, a full stop unless it has an end."""
    text = text.strip()
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else f"{text}."


def problem(status: int, detail: str, errors: dict | None = None, code: str | None = None,
            headers: dict | None = None, extra: dict | None = None) -> Response:
    """Return a problem+json response of the kind `code` (by default, the status's kind)."""
    detail = as_sentence(detail)
    code = code or code_for(status)
    kind = PROBLEMS.get(code)
    body = {
        "type": type_uri(code),
        "code": code,
        "title": kind.title if kind else http.HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "errors": errors or {},
        **(extra or {}),
    }
    return Response(json.dumps(body), status=status, headers=headers or {},
                    content_type=PROBLEM_TYPE)


WHOLE_BODY = "body"  # marshmallow's "_schema": a message about the body as a whole


def flatten_validation(messages: dict) -> dict[str, list[str]]:
    """Turn webargs' {location: {field: [msg]}} into {field: [msg]}."""
    flat: dict[str, list[str]] = {}
    for location, fields in messages.items():
        if not isinstance(fields, dict):
            flat.setdefault(location, []).extend(_as_list(fields))
            continue
        for name, msgs in fields.items():
            name = WHOLE_BODY if name == "_schema" else str(name)
            flat.setdefault(name, []).extend(_as_list(msgs, name))
    return flat


def _as_list(msgs, path: str = "") -> list[str]:
    """Name a nested message by its place: `ids[2]` for a list item, `speaker.name` for a field."""
    if isinstance(msgs, dict):
        return [m for key, value in msgs.items() for m in _as_list(value, _place(path, key))]
    text = [str(m) for m in msgs] if isinstance(msgs, list) else [str(msgs)]
    return text if "." not in path and "[" not in path else [f"{path}: {m}" for m in text]


def _place(path: str, key) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return path if key == "_schema" else f"{path}.{key}" if path else str(key)


class VerbatimApi(Api):
    """flask-smorest Api whose errors, served and documented, are problem+json."""

    ERROR_SCHEMA = ProblemSchema

    def __init__(self, app=None, *, spec_kwargs=None, **kwargs):
        spec_kwargs = {"marshmallow_plugin": marshmallow_plugin(self.ERROR_SCHEMA, PROBLEM_TYPE),
                       **(spec_kwargs or {})}
        super().__init__(app, spec_kwargs=spec_kwargs, **kwargs)

    def handle_http_exception(self, error: HTTPException):
        """Turn werkzeug and webargs errors into problem+json; validation errors are 400."""
        data = getattr(error, "data", None) or {}
        headers = {k: v for k, v in error.get_headers() if k.lower() != "content-type"}
        headers.update(data.get("headers") or {})
        if "messages" in data:  # webargs: the request did not validate
            errors = flatten_validation(data["messages"])
            names = ", ".join(sorted(errors))
            return problem(400, f"Invalid parameters: {names}.", errors, "invalid-parameters",
                           headers=headers)
        if error.code == 429:  # flask-limiter's description is the limit: "120 per 1 minute"
            return problem(429, f"This client is over the rate limit of {error.description}; "
                                "retry after Retry-After seconds.", headers=headers)
        if isinstance(error, InternalServerError):
            log.exception("unhandled error", exc_info=error.original_exception)
            return problem(500, "The server failed; the error has been logged.")
        return problem(error.code or 500, data.get("message") or error.description,
                       data.get("errors"), headers=headers)


def handle_store_error(error: StoreError) -> Response:
    """Map a domain error raised by the store or an engine to its problem response."""
    return problem(PROBLEMS[error.code].status, error.detail, error.errors, error.code,
                   extra=error.extra)


def handle_too_deep(error: RecursionError) -> Response:
    """A JSON body nested deeper than Python's parser goes is the client's error."""
    return problem(400, "the JSON body is nested too deeply")


def handle_citation_error(error: CitationError) -> Response:
    """Map an unknown citation style or format to a 400 listing the accepted values."""
    field = getattr(error, "parameter", "value")
    accepted = ", ".join(getattr(error, "accepted", ()))
    return problem(400, str(error), {field: [f"Must be one of: {accepted}."]},
                   "invalid-parameters")


def handle_database_error(error: sqlite3.OperationalError) -> Response:
    """A store still busy after the busy timeout is 503 (Retry-After: api.limits); else a 500."""
    if "locked" in str(error) or "busy" in str(error):
        return problem(503, "The store is busy with other writes; try again shortly.",
                       code="store-busy")
    if "interrupted" in str(error):
        return problem(503, "The request needed more than its time budget "
                            "(VERBATIM_REQUEST_BUDGET_MS); narrow it with more words or filters.",
                       code="over-budget")
    log.exception("database error", exc_info=error)
    return problem(500, "The server failed; the error has been logged.")


def register_error_handlers(app) -> None:
    """Register the domain-error mappings and the problem-type pages on the app.

    HTTP errors go through VerbatimApi.
    """
    register_problem_pages(app)
    app.register_error_handler(StoreError, handle_store_error)
    app.register_error_handler(sqlite3.OperationalError, handle_database_error)
    app.register_error_handler(CitationError, handle_citation_error)
    app.register_error_handler(RecursionError, handle_too_deep)
