"""Cross-cutting HTTP behaviour: JSON encoding, ETags with 304, gzip, CORS, docs assets."""
from __future__ import annotations

import re
import socket
import threading
from urllib.parse import unquote_to_bytes

import orjson
from flask import Flask, request, send_from_directory
from flask import Request as FlaskRequest
from flask.json.provider import DefaultJSONProvider
from flask_cors import CORS
from swagger_ui_bundle import swagger_ui_path
from werkzeug.exceptions import BadRequest, UnsupportedMediaType
from werkzeug.http import generate_etag
from werkzeug.utils import cached_property

from api.headers import CORS_MAX_AGE_S, EXPOSED_HEADERS, compress, register_headers

JSON_TYPE = "application/json; charset=utf-8"


# A host that werkzeug's URL-to-IRI conversion leaves as it is: lower-case ASCII labels, no
# Punycode, a port without leading zeros.
_PLAIN_HOST = re.compile(r"(?!.*xn--)(?:[a-z0-9-]{1,63}\.)*[a-z0-9-]{1,63}(?::[1-9][0-9]{0,3})?")
_PLAIN_ROOT = re.compile(r"(?:/[A-Za-z0-9_.~-]+)*")  # a mount point needing no quoting


class Request(FlaskRequest):
    """Flask's request, with its URL root built directly when werkzeug would not change it.

    werkzeug splits, unquotes and rejoins "scheme://host/" on every request (~10 µs) to turn
    a URI into an IRI; for a plain host and mount point the result is the input.
    """

    @cached_property
    def root_url(self) -> str:
        host, root_path = self.host, self.root_path
        if _PLAIN_HOST.fullmatch(host) and _PLAIN_ROOT.fullmatch(root_path):
            return f"{self.scheme}://{host}{root_path}/"
        return super().root_url


class App(Flask):
    """Flask, with the request class above."""

    request_class = Request


class JSONProvider(DefaultJSONProvider):
    """Flask's JSON, encoded by orjson: a page of quotes in a tenth of the time.

    The output is what Flask's own provider gives with sort_keys and ensure_ascii off (keys in
    order, UTF-8 unescaped); dates, datetimes and dataclasses still go through Flask's default().
    """

    OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS

    def __init__(self, app: Flask) -> None:
        super().__init__(app)
        self.response_class = app.response_class

    def dumps(self, obj, **kwargs) -> str:
        return orjson.dumps(obj, default=self.default, option=self.OPTIONS).decode()

    def response(self, *args, **kwargs):
        """Serialize the arguments as `jsonify` takes them: one value, several, or keywords."""
        if args and kwargs:
            raise TypeError("give jsonify() positional or keyword arguments, not both")
        value = args[0] if len(args) == 1 else (args or kwargs or None)
        body = orjson.dumps(value, default=self.default, option=self.OPTIONS)
        return self.response_class(body, content_type=JSON_TYPE)


def add_etag(response):
    """Give every successful GET an ETag of its uncompressed body (flask-compress suffixes it)."""
    if request.method in ("GET", "HEAD") and response.status_code == 200 \
            and not response.direct_passthrough:
        headers = response.headers
        vary = headers.get("Vary")  # lists and citations are negotiated by Accept
        headers["Vary"] = f"{vary}, Accept" if vary else "Accept"
        headers["ETag"] = f'"{generate_etag(response.get_data())}"'
    if response.content_type == "application/json":  # JSONProvider's own answers have charset
        response.content_type = JSON_TYPE
    return response


def answer_not_modified(response):
    """Answer If-None-Match with 304, once the ETag names the encoding sent (after gzip)."""
    if "HTTP_IF_NONE_MATCH" in request.environ and request.method in ("GET", "HEAD") \
            and response.status_code == 200 and "ETag" in response.headers:
        response.make_conditional(request)  # werkzeug's 304, entity headers dropped
    return response


BODY_METHODS = ("POST", "PUT", "PATCH")


def check_request():
    """Refuse a request whose URL is not UTF-8 or whose body is not JSON, before it is read."""
    require_utf8_url(request)
    require_json_body(request)


def require_json_body(req):
    """Refuse request bodies that are not JSON before anything reads them.

    Only methods that take a body: a GET or DELETE never reads one, so its type does not matter.
    """
    if req.routing_exception is None and req.method in BODY_METHODS \
            and req.content_length and req.mimetype != "application/json":
        raise UnsupportedMediaType("send the body as JSON with 'Content-Type: application/json'")


def require_utf8_url(req):
    """Refuse a path or query string that is not UTF-8 once percent-decoded.

    Werkzeug would replace the bad bytes with U+FFFD and search for that instead.
    """
    environ = req.environ
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
    app.before_request(check_request)
    register_headers(app)  # its hooks run after CORS's, so preflights and 304s carry them
    # Reads are open to every origin; so are the two POSTs that only read (bulk citations and
    # provenance checks). Writes stay same-origin: they carry a bearer token.
    read_posts = {"origins": "*", "methods": ["GET", "HEAD", "POST", "OPTIONS"]}
    CORS(app, resources={r"/v1/citations": read_posts, r"/v1/provenance/check": read_posts,
                         r"/*": {"origins": "*", "methods": ["GET", "HEAD", "OPTIONS"]}},
         expose_headers=EXPOSED_HEADERS, max_age=CORS_MAX_AGE_S, send_wildcard=True)
    # after_request hooks run last-registered first: ETag, gzip (suffixing the ETag), 304.
    app.after_request(answer_not_modified)
    compress.init_app(app)
    app.after_request(add_etag)
    static_url = app.config["OPENAPI_SWAGGER_UI_URL"].rstrip("/")

    @app.get(f"{static_url}/<path:filename>")
    def swagger_ui_asset(filename):
        return send_from_directory(swagger_ui_path, filename, max_age=86400)


class BodyDeadline:
    """WSGI middleware: a request body must arrive whole within `seconds` (then 408).

    A client sending its body a byte at a time would otherwise hold a worker thread for as long
    as it likes: the server's reader waits for each byte. Under gunicorn the client's socket is
    in environ["gunicorn.socket"]; at the deadline a timer shuts its reading side, so the wait
    ends at once and the request answers 408 (environ[TIMED_OUT] tells why). Elsewhere (tests,
    other servers) bodies are read as they are.
    """

    TIMED_OUT = "verbatim.body_timed_out"

    def __init__(self, app, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    def __call__(self, environ, start_response):
        sock = environ.get("gunicorn.socket")
        if sock is None or self.seconds <= 0 or not (
                environ.get("CONTENT_LENGTH") or environ.get("HTTP_TRANSFER_ENCODING")):
            return self.app(environ, start_response)
        timer = threading.Timer(self.seconds, self._cut, (environ, sock))
        timer.daemon = True
        timer.start()
        try:
            return self.app(environ, start_response)
        finally:
            timer.cancel()

    def _cut(self, environ, sock) -> None:
        environ[self.TIMED_OUT] = True
        try:
            sock.shutdown(socket.SHUT_RD)
        except OSError:  # already closed
            pass
