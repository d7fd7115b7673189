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
from functools import lru_cache
from urllib.parse import quote as _percent

RANGE_OVER = 300  # quotes longer than this (or spanning lines) use textStart,textEnd
EDGE_WORDS = 4  # words in textStart and in textEnd
MAX_CONTEXT = 12  # most context words on either side


def encode_term(term: str) -> str:
    """Percent-encode a directive term: all but ALPHA, DIGIT, ".", "_", "~"."""
    return _percent(term, safe="").replace("-", "%2D")


# re.IGNORECASE takes two characters as equal when their simple lower cases are, or are one of
# a few further pairs (ſ s, ı i, µ μ, ς σ, ...): _fold maps each character to one of its class,
# keeping lengths, so positions in the folded text are positions in the text. The further pairs
# are the table CPython's re module keeps (3.11), written out here: each character to the
# smallest of its class (tests/test_citations.py holds it to re's own matching).
_EXTRA_FOLD = {ord(char): canon for char, canon in {
    "\u0131": "\u0069", "\u017f": "\u0073", "\u03b9": "\u0345", "\u03bc": "\u00b5",
    "\u03c3": "\u03c2", "\u03d0": "\u03b2", "\u03d1": "\u03b8", "\u03d5": "\u03c6",
    "\u03d6": "\u03c0", "\u03f0": "\u03ba", "\u03f1": "\u03c1", "\u03f5": "\u03b5",
    "\u1c80": "\u0432", "\u1c81": "\u0434", "\u1c82": "\u043e", "\u1c83": "\u0441",
    "\u1c84": "\u0442", "\u1c85": "\u0442", "\u1c86": "\u044a", "\u1c87": "\u0463",
    "\u1e9b": "\u1e61", "\u1fbe": "\u0345", "\u1fd3": "\u0390", "\u1fe3": "\u03b0",
    "\ua64b": "\u1c88", "\ufb06": "\ufb05",
}.items()}
_HAS_EXTRA = re.compile("[" + re.escape("".join(chr(code) for code in _EXTRA_FOLD)) + "]")
_SPACES = re.compile(r"\s*")
_WORD = re.compile(r"\w")


@lru_cache(maxsize=16)
def _fold(text: str) -> str:
    """Return text with every character replaced by its re.IGNORECASE class (same length)."""
    # str.lower() is the simple lower case but for İ, whose simple lower case is i.
    folded = text.replace("\u0130", "i").lower()
    return folded.translate(_EXTRA_FOLD) if _HAS_EXTRA.search(folded) else folded


def count_matches(text: str, *terms: str) -> int:
    r"""Count places where the terms occur in a row, separated only by whitespace.

    The same count as the regular expression ``(?=(T1\s*T2\s*T3))`` over the text, case
    ignored, where a term's words are separated by ``\s+`` and a term starting (ending) with
    a word character may not be preceded (followed) by one. Compiling that expression for
    every quote cost ~0.25 ms and trying it at every position of a 5 KB article ~0.2 ms;
    here the first word is found with str.find in the case-folded text and the rest compared
    there.
    """
    terms = [(_fold(term).split(), bool(_WORD.match(term)), bool(_WORD.match(term[-1])))
             for term in terms if term and not term.isspace()]
    if not terms:
        return len(text) + 1
    folded = _fold(text)
    first = terms[0][0][0]
    count, at = 0, folded.find(first)
    while at >= 0:
        count += _matches_at(text, folded, at, terms)
        at = folded.find(first, at + 1)
    return count


def _matches_at(text: str, folded: str, at: int, terms: list) -> bool:
    for index, (words, head, tail) in enumerate(terms):
        if index:
            at = _SPACES.match(text, at).end()
        if head and at and _WORD.match(text, at - 1):
            return False
        for number, word in enumerate(words):
            if number:
                after = _SPACES.match(text, at).end()
                if after == at:
                    return False
                at = after
            if not folded.startswith(word, at):
                return False
            at += len(word)
        if tail and _WORD.match(text, at):
            return False
    return True


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
