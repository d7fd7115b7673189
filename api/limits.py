"""Rate limits (flask-limiter): writes and provenance checks, per client address."""
from __future__ import annotations

from flask import Flask, current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

limiter = Limiter(key_func=get_remote_address)


def _write_limit() -> str:
    return current_app.config["WRITE_RATE_LIMIT"]


def _check_limit() -> str:
    return current_app.config["CHECK_RATE_LIMIT"]


write_limit = limiter.shared_limit(_write_limit, scope="writes")
check_limit = limiter.shared_limit(_check_limit, scope="checks")


LIMITED_READS = ("/v1/provenance/check",)


def limited() -> bool:
    """Only writes and provenance checks are limited; every other read is not."""
    req = request._get_current_object()  # one context lookup, not two
    return req.method not in ("GET", "HEAD", "OPTIONS") or req.path in LIMITED_READS


def init_limiter(app: Flask) -> None:
    """Attach the limiter, its per-request hooks running only on limited requests.

    flask-limiter hooks every request (before, after, teardown) and asks its request filters
    only deep inside; on a read that was a fifth of the request's time.
    """
    registries = (app.before_request_funcs, app.after_request_funcs, app.teardown_request_funcs)
    before = [list(registry.get(None, ())) for registry in registries]
    limiter.init_app(app)
    for registry, existing in zip(registries, before):
        added = registry.get(None, [])[len(existing):]
        registry[None] = existing + [_when_limited(hook) for hook in added]


def _when_limited(hook):
    def run(*args):
        if limited():
            return hook(*args)
        return args[0] if args else None  # an after_request hook hands the response on
    return run
