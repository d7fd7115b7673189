"""Keyset cursors, the list envelope and the Link header: one helper for every list route."""
from __future__ import annotations

import base64
import binascii
import json
from urllib.parse import urlencode

import orjson

from flask import request

from api.store.errors import InvalidCursor


KEYSET_LENGTH = 2  # every list pages by (sort value, unique tie-breaker)


def encode_cursor(values: list) -> str:
    """Return an opaque URL-safe token for the keyset values of the last row of a page."""
    raw = json.dumps(values, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str | None, kind: str) -> list | None:
    """Return the keyset values in token, checking they were made for this kind of list."""
    if token is None:
        return None
    try:  # orjson refuses NaN, Infinity, lone surrogates and integers past 64 bits
        values = orjson.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (binascii.Error, ValueError):
        values = None
    if not isinstance(values, list) or len(values) != KEYSET_LENGTH + 1 or values[0] != kind \
            or not all(_keyset_value(value) for value in values[1:]):
        raise InvalidCursor("The cursor is not a token this list gave out; take it from `next`",
                            {"cursor": ["invalid or made for another list or sort"]})
    return values[1:]


def _keyset_value(value) -> bool:
    """Tell whether a decoded value can be a keyset value: text, an SQLite integer, a rank.

    The only float keysets are relevance ranks (small); orjson reads an integer past 64 bits
    as a float, which no list gives out.
    """
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return -2**63 <= value < 2**63
    if isinstance(value, float):
        return abs(value) < 2**53
    return isinstance(value, str)


def next_url(values: list | None, kind: str, added: dict | None = None) -> str | None:
    """Return the URL of the next page, keeping every other query parameter (and `added`)."""
    if values is None:
        return None
    cursor = encode_cursor([kind, *values])
    pairs = [(key, cursor) if key == "cursor" else (key, value)  # cursor replaced in place
             for key, given in request.args.lists()
             for value in (given[:1] if key == "cursor" else given)]
    pairs += list((added or {}).items())
    if "cursor" not in request.args:
        pairs.append(("cursor", cursor))
    base_url = request.url_root[:-1] + request.path  # request.base_url: the same, derived once more
    return f"{base_url}?{urlencode(pairs)}"


def envelope(data: list, total: int, next_values: list | None, kind: str,
             next_params: dict | None = None, **extra) -> dict:
    """Return the list envelope {data, next, total, …} every list route answers with.

    next_params: parameters the next page needs that this request did not give.
    """
    return {"data": data, "next": next_url(next_values, kind, next_params), "total": total,
            **extra}


def link_header(page: dict) -> dict:
    """Return the Link header for a page envelope, if it has a next page."""
    return {"Link": f'<{page["next"]}>; rel="next"'} if page.get("next") else {}
