"""Domain errors raised by the store; api/errors.py alone maps them to HTTP problems."""
from __future__ import annotations


class StoreError(Exception):
    """Base of the errors the store raises on purpose."""

    status = 400
    title = "Bad request"

    def __init__(self, detail: str, errors: dict | None = None, extra: dict | None = None):
        super().__init__(detail)
        self.detail = detail
        self.errors = errors or {}
        self.extra = extra or {}  # problem extension members, e.g. a deleted quote's history


class NotFound(StoreError):
    status = 404
    title = "Not found"


class Conflict(StoreError):
    status = 409
    title = "Conflict"


class Gone(StoreError):
    status = 410
    title = "Gone"


class SpanMismatch(StoreError):
    status = 422
    title = "Span does not match the source text"


class InvalidCursor(StoreError):
    status = 400
    title = "Invalid cursor"


class SeedError(StoreError):
    title = "Seed corpus is inconsistent"


class OverBudget(StoreError):
    status = 503
    title = "Over the time budget"
