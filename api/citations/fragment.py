"""Links that scroll to a quote: URL Fragment Text Directives (#:~:text=).

Spec: https://wicg.github.io/scroll-to-text-fragment/ — syntax
``#:~:text=[prefix-,]textStart[,textEnd][,-suffix]``. Each term is
percent-encoded; besides everything outside the URL unreserved set we encode
``-`` too, as ``&``, ``,`` and ``-`` are the directive's own delimiters. A term
never spans a block (here: a line of the source text), so terms and their
context are taken from within one line. Context words are added, alternately
before and after, until the directive matches once in the source text
(case-insensitive, whitespace-normalised).
"""
from __future__ import annotations

import re
from urllib.parse import quote as _percent

RANGE_OVER = 300  # quotes longer than this (or spanning lines) use textStart,textEnd
EDGE_WORDS = 4  # words in textStart and in textEnd
MAX_CONTEXT = 12  # most context words on either side


def encode_term(term: str) -> str:
    """Percent-encode a directive term: all but ALPHA, DIGIT, ".", "_", "~"."""
    return _percent(term, safe="").replace("-", "%2D")


def _pattern(term: str) -> str:
    body = r"\s+".join(re.escape(token) for token in term.split())
    head = r"(?<!\w)" if re.match(r"\w", term) else ""
    tail = r"(?!\w)" if re.search(r"\w$", term) else ""
    return head + body + tail


def count_matches(text: str, *terms: str) -> int:
    """Count places where the terms occur in a row, separated only by whitespace."""
    joined = r"\s*".join(_pattern(t) for t in terms if t)
    return sum(1 for _ in re.finditer(f"(?=({joined}))", text, re.IGNORECASE))


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def _context(text: str, start: int, end: int, term: str, side: str) -> tuple[str, str]:
    """Return (prefix, suffix) making `term` unique; side: "both", "prefix" or "suffix"."""
    line_start, line_end = _line_bounds(text, start, end)
    before = text[line_start:start].split() if side != "suffix" else []
    after = text[end:line_end].split() if side != "prefix" else []
    for size in range(0, MAX_CONTEXT + 1):
        prefix = " ".join(before[len(before) - min(size, len(before)):])
        suffix = " ".join(after[:size])
        if count_matches(text, prefix, term, suffix) <= 1:
            return prefix, suffix
    return prefix, suffix


def _edges(text: str, start: int, end: int) -> tuple[int, int, int, int]:
    """Return the spans of the first and of the last EDGE_WORDS words of a quote."""
    words = [m.span() for m in re.finditer(r"\S+", text[start:end])]
    first_line_end = text.find("\n", start, end)
    head = [w for w in words if first_line_end < 0 or start + w[1] <= first_line_end]
    last_line_start = text.rfind("\n", start, end)
    tail = [w for w in words if start + w[0] > last_line_start]
    head, tail = head[:EDGE_WORDS], tail[-EDGE_WORDS:]
    return start + head[0][0], start + head[-1][1], start + tail[0][0], start + tail[-1][1]


def text_directive(source_text: str, start: int, end: int) -> str:
    """Return the `text=` directive value that selects source_text[start:end]."""
    quote = source_text[start:end]
    if len(quote) <= RANGE_OVER and "\n" not in quote.strip():
        term = " ".join(quote.split())
        prefix, suffix = _context(source_text, start, end, term, "both")
        parts = [term]
    else:
        s0, s1, e0, e1 = _edges(source_text, start, end)
        first = " ".join(source_text[s0:s1].split())
        last = " ".join(source_text[e0:e1].split())
        prefix, _ = _context(source_text, s0, s1, first, "prefix")
        _, suffix = _context(source_text, e0, e1, last, "suffix")
        parts = [first, last]
    encoded = [encode_term(p) for p in parts]
    if prefix:
        encoded.insert(0, encode_term(prefix) + "-")
    if suffix:
        encoded.append("-" + encode_term(suffix))
    return ",".join(encoded)


def text_fragment_url(url: str | None, source_text: str, start: int, end: int) -> str | None:
    """Return `url` with a text fragment selecting the quote, or None without a URL."""
    if not url or not url.strip():
        return None
    stripped = source_text[start:end].strip()
    if not stripped:
        return url.split("#", 1)[0]
    start += len(source_text[start:end]) - len(source_text[start:end].lstrip())
    end = start + len(stripped)
    return url.strip().split("#", 1)[0] + "#:~:text=" + text_directive(source_text, start, end)
