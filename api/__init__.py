"""Verbatim: a JSON API for source-linked quotes."""
from __future__ import annotations

import time
from pathlib import Path

from flask import Flask, g, request
from werkzeug.middleware.proxy_fix import ProxyFix

from api.config import settings
from api.auth import SECURITY_SCHEME, configured_tokens
from api.db import get_db, init_schema, set_deadline
from api.errors import VerbatimApi, register_error_handlers
from api.http import App, BodyDeadline, register_http
from api.limit_storage import SCHEME as LIMITS_SCHEME
from api.limits import init_limiter


LOCAL_HOSTS = ("localhost", "127.0.0.1")
BUDGETED_POSTS = ("/v1/provenance/check", "/v1/citations")  # reads sent as POST


def reads_only(req) -> bool:
    """Tell whether a request only reads, so that its statements may be cut at the budget."""
    return req.method in ("GET", "HEAD") or req.path in BUDGETED_POSTS


def trusted_hosts(config) -> list[str]:
    """Return the hosts whose Host header is trusted: the setting, or local ones and SERVER_NAME."""
    hosts = config.get("TRUSTED_HOSTS")
    if isinstance(hosts, str):
        hosts = hosts.split(",")
    if hosts is None:
        server = config.get("SERVER_NAME")
        hosts = [*LOCAL_HOSTS, *([server.partition(":")[0]] if server else [])]
    return [host.strip() for host in hosts if host.strip()] or list(LOCAL_HOSTS)


def create_app(config: dict | None = None) -> Flask:
    """Build the Flask app: settings, database, API blueprints, pages, errors, CLI."""
    app = App(__name__)
    app.config.update(settings(config))
    app.config["TOKEN_MAP"] = configured_tokens(app.config)
    app.config["TRUSTED_HOSTS"] = trusted_hosts(app.config)
    app.wsgi_app = BodyDeadline(app.wsgi_app, float(app.config["BODY_TIMEOUT_S"]))
    if int(app.config["PROXY_COUNT"]) > 0:
        hops = int(app.config["PROXY_COUNT"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops,
                                x_prefix=hops)

    db_path = Path(app.config["DB"])
    db_path.parent.mkdir(parents=True, exist_ok=True)
    busy_ms = int(app.config["BUSY_TIMEOUT_MS"])
    init_schema(get_db(db_path, busy_ms))

    budget_s = float(app.config["REQUEST_BUDGET_MS"]) / 1000

    @app.before_request
    def open_db():
        g.db = get_db(db_path, busy_ms)
        if budget_s > 0 and reads_only(request):
            set_deadline(time.monotonic() + budget_s)

    @app.teardown_request
    def end_budget(_error=None):
        set_deadline(None)

    if not app.config["RATELIMIT_STORAGE_URI"]:
        app.config["RATELIMIT_STORAGE_URI"] = f"{LIMITS_SCHEME}://{db_path.resolve()}-limits"
    init_limiter(app)
    api = VerbatimApi(app)
    api.spec.components.security_scheme("bearerAuth", SECURITY_SCHEME)
    from api.routes import BLUEPRINTS

    for blueprint in BLUEPRINTS:
        api.register_blueprint(blueprint)
    from api.web.security import unknown_address_as_page
    from api.web.views import bp as pages

    app.register_blueprint(pages)  # pages for people: HTML, not in the OpenAPI document
    register_error_handlers(app)
    register_http(app)
    app.after_request(unknown_address_as_page)  # runs first of the app's after_request hooks
    return app
