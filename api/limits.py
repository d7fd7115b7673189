"""Rate limits (flask-limiter): writes and provenance checks, per client address."""
from __future__ import annotations

from flask import current_app, request
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


@limiter.request_filter
def unlimited_read() -> bool:
    """Skip the limiter's per-request work on reads: only writes and checks are limited."""
    return request.method in ("GET", "HEAD", "OPTIONS") and request.path not in LIMITED_READS
