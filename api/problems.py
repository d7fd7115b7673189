"""The kinds of problem the API answers with: one table, served as short pages at /problems/."""
from __future__ import annotations

import html
from typing import NamedTuple

from flask import Flask, Response, has_request_context, request

from api.extraction import MAX_QUOTATION_MARKS
from api.store.errors import StoreError


class Kind(NamedTuple):
    status: int
    title: str
    meaning: str


PROBLEMS: dict[str, Kind] = {
    "bad-request": Kind(400, "Bad Request", "The request cannot be read as sent; the detail "
                        "says why (for example a URL that is not UTF-8 or a malformed body)."),
    "invalid-parameters": Kind(400, "Invalid Parameters", "A query parameter or body field is "
                               "missing, unknown or out of range; `errors` names each one."),
    "invalid-cursor": Kind(400, "Invalid Cursor", "The `cursor` was not given out by this list "
                           "with these filters and sort; take it from `next`."),
    "unauthorized": Kind(401, "Unauthorized", "A write needs `Authorization: Bearer <token>` "
                         "with a configured token."),
    "forbidden": Kind(403, "Forbidden", "No write token is configured, so no write is allowed."),
    "not-found": Kind(404, "Not Found", "No such route, or no item with that id."),
    "method-not-allowed": Kind(405, "Method Not Allowed", "The route does not take this "
                               "method; `Allow` lists those it takes."),
    "request-timeout": Kind(408, "Request Timeout", "The request body did not arrive whole "
                            "within VERBATIM_BODY_TIMEOUT_S."),
    "conflict": Kind(409, "Conflict", "The write contradicts what is stored (a span another "
                     "quote has, a text stored with other metadata, an ambiguous speaker name)."),
    "gone": Kind(410, "Gone", "The quote was deleted; `history` tells when and by whom."),
    "content-too-large": Kind(413, "Content Too Large", "The body is over "
                              "VERBATIM_MAX_CONTENT_LENGTH, or a claim over 2,000 characters."),
    "unsupported-media-type": Kind(415, "Unsupported Media Type", "Request bodies must be "
                                   "JSON, sent with `Content-Type: application/json`."),
    "span-mismatch": Kind(422, "Span Mismatch", "The quote's text is not exactly the source's "
                          "text between `start` and `end`; the detail quotes what it says."),
    "no-article-text": Kind(422, "No Article Text", "No article text could be extracted from "
                            "the HTML page sent as `html`."),
    "too-many-quotation-marks": Kind(422, "Too Many Quotation Marks", "The article text has "
                                     f"more than {MAX_QUOTATION_MARKS:,} quotation marks, more "
                                     "than any real article or book: send it in parts with "
                                     "fewer each."),
    "rate-limited": Kind(429, "Too Many Requests", "This client address is over a rate limit; "
                         "retry after `Retry-After` seconds."),
    "server-error": Kind(500, "Internal Server Error", "The server failed; the error has been "
                         "logged."),
    "store-busy": Kind(503, "Store Busy", "Other writes held the store longer than "
                       "VERBATIM_BUSY_TIMEOUT_MS; retry after `Retry-After` seconds."),
    "over-budget": Kind(503, "Over Budget", "The read needed more than its time budget "
                        "(VERBATIM_REQUEST_BUDGET_MS); narrow it with more words or filters."),
    "seed-error": Kind(500, "Seed Corpus Inconsistent", "The seed corpus does not match its "
                       "manifest (command line only)."),
}
# The kind of a problem known only by its HTTP status (werkzeug's and flask-limiter's errors).
BY_STATUS = {400: "bad-request", 401: "unauthorized", 403: "forbidden", 404: "not-found",
             405: "method-not-allowed", 408: "request-timeout", 409: "conflict", 410: "gone",
             413: "content-too-large", 415: "unsupported-media-type", 429: "rate-limited",
             500: "server-error", 503: "store-busy"}
CODES = list(PROBLEMS)


def code_for(status: int) -> str:
    """Return the code of a problem known only by its status."""
    return BY_STATUS.get(status, "server-error" if status >= 500 else "bad-request")


def type_uri(code: str) -> str:
    """Return the problem type, a URI reference resolved against the API's own address."""
    root = request.script_root if has_request_context() else ""
    return f"{root}/problems/{code}"


def problem_page(code: str) -> Response:
    """Describe one kind of problem as a short HTML page."""
    kind = PROBLEMS.get(code)
    if kind is None:
        raise StoreError(f"there is no problem type named '{code}'", code="not-found")
    body = (f"<!doctype html><meta charset=utf-8><title>{kind.title}</title>"
            f"<h1>{kind.title} ({kind.status})</h1><p>code: <code>{code}</code></p>"
            f"<p>{html.escape(kind.meaning)}</p>")
    return Response(body, content_type="text/html; charset=utf-8")


def register_problem_pages(app: Flask) -> None:
    """Serve GET /problems/<code>."""
    app.add_url_rule("/problems/<code>", "problem_page", problem_page, methods=["GET"])
