"""Schemathesis hooks: a list's `cursor` in generated requests is one a list gives out.

A cursor is an opaque token, valid only as taken from `next` of the same list and sort; any
other string of its documented alphabet is refused (400 `invalid-cursor`), and the
positive-data check would report that as valid data refused. So a generated cursor that the
document allows is replaced by a token of the kind that list and sort give out, pointing
before the first row: positive cases then page from a real position. A cursor the document
rules out (negative data) is left as generated, and must still be refused.

`schemathesis run` reads this file through schemathesis.toml; tests/test_schemathesis.py
registers the same hook on the schema it fuzzes in-process.
"""
import re
import sys
from pathlib import Path

import schemathesis

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the CLI loads this file by path

from api.formats import FEEDS  # noqa: E402
from api.pagination import encode_cursor  # noqa: E402
from api.schemas.base import MAX_CURSOR  # noqa: E402

CURSOR = re.compile(r"[A-Za-z0-9_-]+")
# Keyset values before every row: the newest-first lists compare below, the others above.
BEFORE_FIRST = {"-date": ["9999-12-31", "~"], "date": ["", ""], "relevance": [-1e15, 0]}


def cursor_kind(path: str, query: dict) -> tuple[str, list] | None:
    """Return the kind of cursor the list at path gives out for this query, and a position."""
    if path == "/v1/speakers":
        return "speakers", ["", ""]
    if path == "/v1/sources":
        return "sources", ["9999-12-31", "~"]
    if path != "/v1/quotes":
        return None
    given = {name: value for name, value in query.items() if isinstance(value, str)}
    searched = given.get("q") and given.get("format") not in FEEDS  # a feed is newest first
    sort = given.get("sort") or ("relevance" if searched else "-date")
    if sort == "relevance" and not given.get("q"):
        sort = "-date"  # nothing to rank: newest first (`"ranked_by": "date"`)
    return f"quotes{sort}", BEFORE_FIRST.get(sort, ["", ""])


def given_cursor(query: dict) -> bool:
    """Tell whether the query has a cursor the document allows (one string of its alphabet)."""
    value = query.get("cursor")
    return isinstance(value, str) and CURSOR.fullmatch(value) is not None \
        and len(value) <= MAX_CURSOR


@schemathesis.hook
def before_call(context, case, kwargs):
    """Replace a document-valid generated cursor by a token this list gives out.

    Before the call rather than at generation: every phase (coverage, fuzzing, stateful)
    passes here.
    """
    query = case.query
    if not isinstance(query, dict) or not given_cursor(query):
        return
    kind = cursor_kind(case.operation.path, query)
    if kind is not None:
        name, position = kind
        query["cursor"] = encode_cursor([name, *position])
