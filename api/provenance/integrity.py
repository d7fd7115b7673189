"""Re-check a stored quote against its stored source: hash, span and surrounding context."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Integrity:
    stored_sha256: str
    computed_sha256: str
    span_ok: bool  # source text[start:end] is still the quote text
    found_at: tuple[int, int] | None  # where the quote text now stands, when not at its span
    prefix_ok: bool
    suffix_ok: bool

    @property
    def sha256_ok(self) -> bool:
        return self.stored_sha256 == self.computed_sha256

    @property
    def context_ok(self) -> bool:
        return self.prefix_ok and self.suffix_ok

    @property
    def intact(self) -> bool:
        return self.sha256_ok and self.span_ok and self.context_ok


def check_integrity(text: str, stored_sha256: str, start: int, end: int, quote_text: str,
                    prefix: str, suffix: str) -> Integrity:
    """Recompute the source's SHA-256 and re-read the quote's span and context in text."""
    computed = hashlib.sha256(text.encode("utf-8")).hexdigest()
    span_ok = text[start:end] == quote_text
    found_at = None
    if not span_ok:
        at = text.find(quote_text)
        found_at = (at, at + len(quote_text)) if at >= 0 and quote_text else None
    prefix_ok = text[max(0, start - len(prefix)):start] == prefix
    suffix_ok = text[end:end + len(suffix)] == suffix
    return Integrity(stored_sha256, computed, span_ok, found_at, prefix_ok, suffix_ok)
