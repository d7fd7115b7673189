"""Content-derived ids: the same text and spans give the same ids on every machine."""
from __future__ import annotations

import hashlib
import re
import unicodedata


def source_id(sha256: str) -> str:
    """Return the id of the source whose text has this SHA-256."""
    return "s_" + sha256[:12]


def quote_id(source_sha256: str, start: int, end: int, generation: int = 0) -> str:
    """Return the id of the quote at [start, end) of the source with this SHA-256.

    `generation` > 0 gives the next ids of a span whose first id a moved quote kept.
    """
    key = f"{source_sha256}:{start}:{end}" + (f":{generation}" if generation else "")
    digest = hashlib.sha256(key.encode()).hexdigest()
    return "q_" + digest[:12]


def slugify(name: str) -> str:
    """Return a lowercase ASCII slug of name: 'Wang Wenbin' -> 'wang-wenbin'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if slug:
        return slug[:80]
    return "x-" + hashlib.sha256(name.encode()).hexdigest()[:10]


def speaker_id(name: str, kind: str, source_sha256: str) -> str:
    """Return a speaker's id; anonymous sources and generic descriptions are distinct per article.

    "the union" or "police" (no capital letter: a description, not a name) is one article's
    union, not a speaker shared by every article that mentions a union.
    """
    if kind == "anonymous":
        return f"anonymous-{slugify(name)}-{source_sha256[:6]}"
    if not any(char.isupper() for char in name):
        return f"{slugify(name)}-{source_sha256[:6]}"
    return slugify(name)
