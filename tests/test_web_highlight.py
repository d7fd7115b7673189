"""The pure cutting of a text into marked runs (api/web/highlight.py)."""
from __future__ import annotations

import pytest

from api.web.highlight import marked_runs


def quote(quote_id: str, start: int, end: int, kind: str = "full") -> dict:
    return {"id": quote_id, "start": start, "end": end, "kind": kind}


@pytest.mark.parametrize(("text", "quotes", "expected"), [
    ("no quotes here", [], [("no quotes here", None, False)]),
    ("", [], [("", None, False)]),
    ("He said “yes” twice.", [quote("a", 9, 12)],
     [("He said “", None, False), ("yes", "a", True), ("” twice.", None, False)]),
    ("“one” and “two”", [quote("a", 1, 4), quote("b", 11, 14, "indirect")],
     [("“", None, False), ("one", "a", True), ("” and “", None, False), ("two", "b", True),
      ("”", None, False)]),
    ("outer inner outer", [quote("o", 0, 17), quote("i", 6, 11)],  # nested: inner marks its words
     [("outer ", "o", True), ("inner", "i", True), (" outer", "o", False)]),
    ("abcdefghij", [quote("x", 0, 5), quote("y", 3, 10)],  # crossing: the shorter one wins
     [("abcde", "x", True), ("fghij", "y", True)]),
    ("abc", [quote("bad", 2, 9)], [("abc", None, False)]),  # a span past the text is not marked
])
def test_runs_cover_the_text_once_with_the_innermost_quote(text, quotes, expected):
    runs = marked_runs(text, quotes)
    assert [(run.text, run.quote and run.quote["id"], run.anchor) for run in runs] == expected
    assert "".join(run.text for run in runs) == text


@pytest.mark.parametrize(("kind", "speech"), [
    ("full", "direct"), ("partial", "direct"), ("indirect", "reported")])
def test_direct_and_reported_speech_are_told_apart(kind, speech):
    assert marked_runs("say it", [quote("a", 0, 3, kind)])[0].speech == speech
