"""Headers every client expects: request ids, caching, compression, CORS for listed writers."""
from __future__ import annotations

import logging
import uuid

from flask import Flask, current_app, g, has_request_context, request
from flask.logging import default_handler
from flask_compress import Compress

REQUEST_ID = "X-Request-Id"
MAX_REQUEST_ID = 200
GET_CACHE_CONTROL = "public, max-age=60, must-revalidate"
RATE_LIMIT_HEADERS = ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"]
EXPOSED_HEADERS = ["ETag", "Link", REQUEST_ID, *RATE_LIMIT_HEADERS, "Retry-After"]
CORS_MAX_AGE_S = 600
WRITE_METHODS = ("POST", "PATCH", "DELETE")
# The two POSTs that only read are open to every origin (api.http); these paths take writes.
READ_POSTS = ("/v1/citations", "/v1/provenance/check")
compress = Compress()


def request_id() -> str:
    """Return the client's X-Request-Id when printable and short enough, else a new one."""
    given = request.headers.get(REQUEST_ID, "")
    if given and len(given) <= MAX_REQUEST_ID and given.isascii() and given.isprintable():
        return given
    return uuid.uuid4().hex


def remember_request_id() -> None:
    """Keep this request's id for its answer (and gunicorn's access log, which reads that)."""
    g.request_id = request_id()


class RequestIdFilter(logging.Filter):
    """Give every log record the id of the request it was logged in (`-` outside one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = (g.get("request_id") if has_request_context() else None) or "-"
        return True


REQUEST_ID_FILTER = RequestIdFilter()
LOG_FORMAT = "[%(asctime)s] %(levelname)s in %(module)s: request_id=%(request_id)s %(message)s"


def log_request_ids(app: Flask) -> None:
    """Write the request id in the app's own log lines, as in the access log."""
    app.logger.addHandler(default_handler)  # Flask's handler, kept once
    default_handler.addFilter(REQUEST_ID_FILTER)
    default_handler.setFormatter(logging.Formatter(LOG_FORMAT))


def add_conventional_headers(response):
    """Echo the request id; let GET answers be cached a minute, then revalidated by ETag."""
    response.headers[REQUEST_ID] = g.get("request_id") or request_id()
    if request.method in ("GET", "HEAD") and response.status_code in (200, 304) \
            and "Cache-Control" not in response.headers:
        response.headers["Cache-Control"] = GET_CACHE_CONTROL
    return response


def write_origins(config) -> list[str]:
    """Return the origins allowed to write from a browser (VERBATIM_CORS_WRITE_ORIGINS)."""
    value = config.get("CORS_WRITE_ORIGINS") or ""
    origins = value.split(",") if isinstance(value, str) else value
    return [origin.strip().rstrip("/") for origin in origins if origin.strip()]


def allow_listed_writers(response):
    """Answer a write's preflight for a listed origin: its methods and the Authorization header.

    Runs after flask-cors, whose rules open reads to every origin and nothing else.
    """
    origin = request.headers.get("Origin")
    asked = request.headers.get("Access-Control-Request-Method", "").upper()
    if request.method != "OPTIONS" or asked not in WRITE_METHODS or not origin \
            or request.path in READ_POSTS \
            or origin not in current_app.config["CORS_WRITE_ORIGIN_LIST"]:
        return response
    headers = response.headers
    headers["Access-Control-Allow-Origin"] = origin
    headers["Access-Control-Allow-Methods"] = ", ".join(("GET", "HEAD", *WRITE_METHODS))
    headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type, X-Request-Id"
    headers["Access-Control-Max-Age"] = str(CORS_MAX_AGE_S)
    vary = headers.get("Vary")
    if not vary or "origin" not in vary.lower():
        headers["Vary"] = f"{vary}, Origin" if vary else "Origin"
    return response


def register_headers(app: Flask) -> None:
    """Wire request ids, Cache-Control, gzip and the write preflights (before CORS is added)."""
    app.config["CORS_WRITE_ORIGIN_LIST"] = write_origins(app.config)
    log_request_ids(app)
    app.before_request(remember_request_id)
    # after_request hooks run last-registered first: compression, then ETags (api.http), then
    # flask-cors, then these two, so 304s and preflights carry them too.
    app.after_request(add_conventional_headers)
    app.after_request(allow_listed_writers)
