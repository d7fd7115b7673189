"""Rate limits (flask-limiter): writes, provenance checks and searches, per client address."""
from __future__ import annotations

from flask import Flask, current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

limiter = Limiter(key_func=get_remote_address)


def _write_limit() -> str:
    return current_app.config["WRITE_RATE_LIMIT"]


def _check_limit() -> str:
    return current_app.config["CHECK_RATE_LIMIT"]


def _search_limit() -> str:
    return current_app.config["SEARCH_RATE_LIMIT"]


def _not_a_search() -> bool:
    return "q" not in request.args


write_limit = limiter.shared_limit(_write_limit, scope="writes")
check_limit = limiter.shared_limit(_check_limit, scope="checks")
search_limit = limiter.shared_limit(_search_limit, scope="searches", exempt_when=_not_a_search)


LIMITED_READS = ("/v1/provenance/check",)
SEARCHED = ("/v1/quotes", "/search")  # the JSON list and the search page for people


@limiter.request_filter
def not_limited() -> bool:
    """Only writes, provenance checks and full-text searches are limited; other reads are not."""
    return request.method in ("GET", "HEAD", "OPTIONS") and request.path not in LIMITED_READS \
        and not (request.path in SEARCHED and "q" in request.args)


def init_limiter(app: Flask) -> None:
    """Attach the limiter, then the hook keeping Retry-After to the answers it is meant for."""
    app.after_request(retry_after_only_when_meant)  # runs after the limiter's own hook
    limiter.init_app(app)


BUSY_RETRY_AFTER_S = 2


def retry_after_only_when_meant(response):
    """Keep Retry-After for 429 (the limiter's window) and 503 (a busy store) only.

    flask-limiter adds it to every limited answer, a 201 included, and would put its window
    on a 503 whose retry is about another write finishing.
    """
    if response.status_code == 503:
        response.headers["Retry-After"] = str(BUSY_RETRY_AFTER_S)
    elif response.status_code != 429:
        response.headers.pop("Retry-After", None)
    return response
