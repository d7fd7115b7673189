"""Choose an export format from an HTTP Accept header."""
from __future__ import annotations

from .model import FORMATS, JSON_MEDIA_TYPE

JSON = "json"
_BY_TYPE = {media: name for name, media in FORMATS.items()} | {JSON_MEDIA_TYPE: JSON}


def _parse(accept: str) -> list[tuple[str, float, int]]:
    ranges = []
    for index, part in enumerate(accept.split(",")):
        media, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = max(0.0, min(1.0, float(value)))
                except ValueError:
                    quality = 0.0
        if media:
            ranges.append((media.lower(), quality, index))
    return ranges


def _quality(media: str, ranges: list[tuple[str, float, int]]) -> tuple[float, int, int]:
    """Return (q, specificity, -position) of the most specific range matching `media`."""
    kind = media.split("/")[0]
    best = (-1.0, -1, 0)
    for pattern, quality, index in ranges:
        if pattern == media:
            rank = (quality, 2, -index)
        elif pattern == f"{kind}/*":
            rank = (quality, 1, -index)
        elif pattern == "*/*":
            rank = (quality, 0, -index)
        else:
            continue
        if rank[1] > best[1]:
            best = rank
    return best


def choose_format(accept: str | None) -> str:
    """Return the format ("json" or a FORMATS key) the Accept header prefers; JSON by default."""
    if not accept or not accept.strip():
        return JSON
    ranges = _parse(accept)
    scored = []
    for order, (media, name) in enumerate(_BY_TYPE.items()):
        quality, specificity, position = _quality(media, ranges)
        if quality > 0:
            is_json = name == JSON  # on a tie JSON wins: it is our default
            scored.append(((quality, specificity, position, is_json, -order), name))
    return max(scored)[1] if scored else JSON


def media_type(fmt: str) -> str:
    """Return the media type of a format name ("json" included)."""
    return JSON_MEDIA_TYPE if fmt == JSON else FORMATS[fmt]
