"""Domain errors raised by the store; api/errors.py alone maps them to HTTP problems."""
from __future__ import annotations


class StoreError(Exception):
    """Base of the errors the store raises on purpose; `code` names a kind in api.problems."""

    code = "invalid-parameters"

    def __init__(self, detail: str, errors: dict | None = None, extra: dict | None = None,
                 code: str | None = None):
        super().__init__(detail)
        self.detail = detail
        self.errors = errors or {}
        self.extra = extra or {}  # problem extension members, e.g. a deleted quote's history
        self.code = code or self.code


class NotFound(StoreError):
    code = "not-found"


class Conflict(StoreError):
    code = "conflict"


class Gone(StoreError):
    code = "gone"


class SpanMismatch(StoreError):
    code = "span-mismatch"


class InvalidCursor(StoreError):
    code = "invalid-cursor"


class SeedError(StoreError):
    code = "seed-error"


class OverBudget(StoreError):
    code = "over-budget"
