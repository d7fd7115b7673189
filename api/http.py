"""Cross-cutting HTTP behaviour: JSON encoding, ETags with 304, CORS for reads, docs assets."""
from __future__ import annotations

import functools
from urllib.parse import unquote_to_bytes

import orjson
from flask import Flask, request, send_from_directory
from flask.json.provider import DefaultJSONProvider
from flask_cors import CORS
from swagger_ui_bundle import swagger_ui_path
from werkzeug.exceptions import BadRequest, UnsupportedMediaType
from werkzeug.http import generate_etag

JSON_TYPE = "application/json; charset=utf-8"


class App(Flask):
    """Flask, remembering which views and hooks are coroutines.

    Flask asks `inspect.iscoroutinefunction` of every hook and view on every request (about a
    dozen times); the answer never changes for a function.
    """

    @functools.lru_cache(maxsize=1024)  # noqa: B019 (the one app lives as long as the process)
    def ensure_sync(self, func):
        return super().ensure_sync(func)


class JSONProvider(DefaultJSONProvider):
    """Flask's JSON, encoded by orjson: a page of quotes in a tenth of the time.

    The output is what Flask's own provider gives with sort_keys and ensure_ascii off (keys in
    order, UTF-8 unescaped); dates, datetimes and dataclasses still go through Flask's default().
    """

    OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS

    def dumps(self, obj, **kwargs) -> str:
        return orjson.dumps(obj, default=self.default, option=self.OPTIONS).decode()

    def response(self, *args, **kwargs):
        body = orjson.dumps(self._prepare_response_obj(args, kwargs), default=self.default,
                            option=self.OPTIONS)
        return self._app.response_class(body, content_type=JSON_TYPE)


def add_etag(response):
    """Give every successful GET an ETag and answer If-None-Match with 304."""
    if request.method in ("GET", "HEAD") and response.status_code == 200 \
            and not response.direct_passthrough:
        headers = response.headers
        vary = headers.get("Vary")  # lists and citations are negotiated by Accept
        headers["Vary"] = f"{vary}, Accept" if vary else "Accept"
        headers["ETag"] = f'"{generate_etag(response.get_data())}"'
        if "If-None-Match" in request.headers:
            response.make_conditional(request)  # werkzeug's 304, entity headers dropped
    if response.content_type == "application/json":  # JSONProvider's own answers have charset
        response.content_type = JSON_TYPE
    return response


BODY_METHODS = ("POST", "PUT", "PATCH")


def require_json_body():
    """Refuse request bodies that are not JSON before anything reads them.

    Only methods that take a body: a GET or DELETE never reads one, so its type does not matter.
    """
    if request.routing_exception is None and request.method in BODY_METHODS \
            and request.content_length and request.mimetype != "application/json":
        raise UnsupportedMediaType("send the body as JSON with 'Content-Type: application/json'")


def require_utf8_url():
    """Refuse a path or query string that is not UTF-8 once percent-decoded.

    Werkzeug would replace the bad bytes with U+FFFD and search for that instead.
    """
    environ = request.environ
    raw_uri = environ.get("RAW_URI") or environ.get("REQUEST_URI")  # gunicorn, werkzeug
    if raw_uri:
        path, _, query = raw_uri.partition("?")
    else:  # WSGI strings are bytes as latin-1; the server has unquoted the path
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "replace")
        query = environ.get("QUERY_STRING", "")
    path, query = unquote_to_bytes(path), unquote_to_bytes(query)
    for part, raw in (("path", path), ("query", query)):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            error = BadRequest(f"the {part} is not valid UTF-8")
            error.data = {"errors": {part: ["percent-decodes to bytes that are not UTF-8"]}}
            raise error


def register_http(app: Flask) -> None:
    """Wire JSON encoding, JSON-only bodies, ETags, CORS (open for reads), Swagger UI assets."""
    app.json = JSONProvider(app)
    app.before_request(require_utf8_url)
    app.before_request(require_json_body)
    app.after_request(add_etag)
    # Reads are open to every origin; so are the two POSTs that only read (bulk citations and
    # provenance checks). Writes stay same-origin: they carry a bearer token.
    read_posts = {"origins": "*", "methods": ["GET", "HEAD", "POST", "OPTIONS"]}
    CORS(app, resources={r"/v1/citations": read_posts, r"/v1/provenance/check": read_posts,
                         r"/*": {"origins": "*", "methods": ["GET", "HEAD", "OPTIONS"]}},
         expose_headers=["ETag", "Link", "Retry-After"], send_wildcard=True)
    static_url = app.config["OPENAPI_SWAGGER_UI_URL"].rstrip("/")

    @app.get(f"{static_url}/<path:filename>")
    def swagger_ui_asset(filename):
        return send_from_directory(swagger_ui_path, filename, max_age=86400)
