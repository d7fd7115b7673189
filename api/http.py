"""Cross-cutting HTTP behaviour: ETags with 304, CORS for reads, the offline docs assets."""
from __future__ import annotations

from flask import Flask, request, send_from_directory
from flask_cors import CORS
from swagger_ui_bundle import swagger_ui_path
from werkzeug.exceptions import UnsupportedMediaType

JSON_TYPE = "application/json; charset=utf-8"


def add_etag(response):
    """Give every successful GET an ETag and answer If-None-Match with 304."""
    if request.method in ("GET", "HEAD") and response.status_code == 200 \
            and not response.direct_passthrough:
        response.add_etag()
        response.make_conditional(request)
    if response.mimetype == "application/json":
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


def register_http(app: Flask) -> None:
    """Wire JSON-only bodies, ETags, CORS (open for reads) and the Swagger UI assets."""
    app.before_request(require_json_body)
    app.after_request(add_etag)
    CORS(app, resources={r"/*": {"origins": "*", "methods": ["GET", "HEAD", "OPTIONS"]}},
         expose_headers=["ETag", "Link"], send_wildcard=True)
    static_url = app.config["OPENAPI_SWAGGER_UI_URL"].rstrip("/")

    @app.get(f"{static_url}/<path:filename>")
    def swagger_ui_asset(filename):
        return send_from_directory(swagger_ui_path, filename, max_age=86400)
