"""Quotation-mark pairing: find the spans of top-level quotations in a text.

Rules:
- Double marks (“ ” " „ « » 「 」 『 』) pair within a paragraph; a paragraph that
  ends inside a quotation continues it when the next paragraph reopens with a mark,
  otherwise the quotation is capped at the end of its paragraph.
- Straight double quotes open after start/space/bracket/dash and close before
  space/punctuation/end; a stray closing mark is ignored. Two apostrophes ('') are
  one straight double mark (ASCII text: ''We won,'' she said), closing only ''; of
  three (''' after 'a nested quote,''') the last two are the double mark. A closing
  mark may follow a nested closing mark and a space (… 'a bargain,' " she said).
  Mixed marks pair (“We won." / "We won.”); inside “…” a straight "…" is nested.
- Single marks (‘ ’ ') are quotations only outside double quotations; a mark
  between letters (Trump's, Don’t) or before a decade ('90s) is an apostrophe, and
  an unclosed single mark is dropped rather than capped.
- European marks: « » (French, Spanish, Italian), » « (German, Danish), „ “ and
  „ ” (German, Polish, …) pair like the others; a » opens only where a straight
  mark may (after start/space/bracket/dash, before a non-space) and reopens a
  paragraph only of a guillemet quotation. Inside « », » « and „ a “, « or „ opens
  a nested quotation (closed by the outer mark if not before). The spaces French
  puts inside guillemets (« Nous gagnerons ») are not part of the span. Single ‚ ‘
  (German) and › ‹ pair as ‘ ’ and ‹ › do; ‘ closes only a ‚, ‹ only a ›. Single
  guillemets with spaces inside (‹ non ›) pair too, the spaces left out like «'s.
- Swedish and Finnish close a quotation with the mark that opens it (”Hej”, »Hej»): only
  for a text known to be in one of those languages (find_quote_spans' language), since in
  any other a ” after a space opens nothing.
- Quotations nested inside another quotation belong to it and are not returned.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_DOUBLE_RE = re.compile(r"''(?!')|[“”„\"«»「」『』]")
# A single mark between two letters or digits (Trump's, Don’t) is an apostrophe: the pattern
# skips those without leaving the regex engine.
_SINGLE_RE = re.compile(r"[‘’'‹›‚](?:(?<![^\W_].)|(?![^\W_]))")
_OPENERS = {"“": "”", "„": "“”", "«": "»", "「": "」", "『": "』", '"': '"', "''": "''",
            "»": "«"}
_EUROPEAN = ("«", "»", "„")  # openers inside which “, « or „ nests
_GUILLEMETS = "«»"
_INNER_SPACE = " \u00a0\u202f\u2009"
_STRAIGHT = ('"', "''")
_CLOSERS = set("”»」』")
_OPEN_AFTER = set("([{—–-/\u00a0\"'‘“«„:;")
_CLOSE_BEFORE = set(",.;:!?)]}—–-…'’\"”»")
_REVERSED = {"‚": "‘", "›": "‹"}
_DECADE_RE = re.compile(r"\d\ds")
SAME_MARK_LANGUAGES = frozenset({"sv", "fi"})  # ”Hej” and »Hej»: only when the text is theirs
_NONSPACE_RE = re.compile(r"\S")


@dataclass(frozen=True)
class QuoteSpan:
    """A top-level quotation: content offsets plus the mark positions."""

    start: int
    end: int
    open_pos: int
    close_pos: int | None  # None when capped at the end of a paragraph
    single: bool


def _can_open(text: str, i: int, width: int = 1) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    return (prev.isspace() or prev in _OPEN_AFTER) and not nxt.isspace()


def _can_close(text: str, i: int, width: int = 1) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    if prev == " " and i > 1 and text[i - 2] in "'’":
        prev = text[i - 2]  # a nested quotation closes first: … 'the word,' " she said
    return not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_BEFORE)


def _line_end(text: str, nl: int) -> int:
    """Return the offset of the last non-space character before newline nl, plus one."""
    j = nl
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return j


class _DoubleScanner:
    """Pair double quotation marks in one linear pass."""

    def __init__(self, text: str, same_mark: bool = False) -> None:
        self.text = text
        self.same_mark = same_mark  # ”…” and »…» (Swedish, Finnish): a mark closes itself
        self.spans: list[QuoteSpan] = []
        self.open_at: int | None = None
        self.opener = ""
        self.nested = False  # a straight "…" open inside a curly quotation
        self.outer: list[tuple[int, str]] = []  # enclosing European quotations
        self.skip: int = -1

    def run(self) -> list[QuoteSpan]:
        text = self.text
        last = 0  # line breaks before this offset have been dealt with
        for m in _DOUBLE_RE.finditer(text):
            i = m.start()
            if self.open_at is not None:
                self._newlines(last, i)  # only an open quotation cares about line breaks
            last = i
            if i == self.skip:
                continue
            ch = m.group()
            if self.open_at is None:
                self._maybe_open(i, ch)
            else:
                self._with_open(i, ch)
        if self.open_at is not None:
            self._newlines(last, len(text))
        if self.open_at is not None:
            self._cap(len(text))
        return self.spans

    def _newlines(self, lo: int, hi: int) -> None:
        nl = self.text.find("\n", lo, hi)
        while nl >= 0 and self.open_at is not None:
            self._newline(nl)
            nl = self.text.find("\n", nl + 1, hi)

    def _maybe_open(self, i: int, ch: str) -> None:
        if ch == "»" and not _can_open(self.text, i):
            return  # a closing », not a German/Danish opening one
        if ch in _CLOSERS and ch != "»" and not (self.same_mark and ch == "”"
                                                  and _can_open(self.text, i)):
            return
        if ch in _STRAIGHT and not _can_open(self.text, i, len(ch)):
            return
        self.open_at, self.opener, self.nested = i, ch, False

    def _with_open(self, i: int, ch: str) -> None:
        opener = self.opener
        if ch in _STRAIGHT and opener in _STRAIGHT:
            if ch != opener:
                return  # '' and " do not pair
            if _can_close(self.text, i, len(ch)):
                self._close(i, len(ch))
            elif _can_open(self.text, i, len(ch)):
                self.open_at = i  # the earlier mark was stray
        elif ch == '"' and opener == "“":
            self._straight_in_curly(i)
        elif self.same_mark and ch == opener and ch in "”»" and _can_close(self.text, i):
            self._close(i, 1)
        elif ch == "”" and opener == '"' and _can_close(self.text, i):
            self._close(i, 1)  # mixed marks: "We won.”
        elif ch in _OPENERS.get(opener, "”") and ch not in _STRAIGHT:
            self._close(i, 1)
        elif self.outer and ch in _OPENERS[self.outer[-1][1]]:
            self.open_at, self.opener = self.outer.pop()  # the nested one never closed
            self._close(i, 1)
        elif opener in _EUROPEAN and ch in "“«„":
            self.outer.append((self.open_at, opener))  # nested: « … “…” … »
            self.open_at, self.opener = i, ch
        elif ch == "»":
            return  # a » that closes nothing open here
        elif ch in _OPENERS and ch not in _STRAIGHT:
            self.open_at, self.opener, self.nested = i, ch, False  # unclosed: restart here

    def _straight_in_curly(self, i: int) -> None:
        """A straight mark inside “…: it opens or closes a nested "…", else closes: “We won.\""""
        can_open, can_close = _can_open(self.text, i), _can_close(self.text, i)
        if can_open and not can_close:
            self.nested = True
        elif can_close and not can_open:
            if self.nested:
                self.nested = False
            else:
                self._close(i, 1)

    def _bounds(self, end: int) -> tuple[int, int]:
        start = self.open_at + len(self.opener)
        if self.opener in _GUILLEMETS:  # « Nous gagnerons »: the spaces are not quoted
            while start < end and self.text[start] in _INNER_SPACE:
                start += 1
            while end > start and self.text[end - 1] in _INNER_SPACE:
                end -= 1
        return start, end

    def _close(self, i: int, width: int) -> None:
        if self.outer:
            self.open_at, self.opener = self.outer.pop()
            return
        start, end = self._bounds(i)
        if end > start:
            self.spans.append(QuoteSpan(start, end, self.open_at, i + width - 1, False))
        self.open_at = None

    def _newline(self, i: int) -> None:
        if self.open_at is None:
            return
        m = _NONSPACE_RE.search(self.text, i)
        if m and m.start() != self.open_at:
            nxt = m.start()
            mark = "''" if self.text.startswith("''", nxt) else self.text[nxt]
            if mark == "»" and (self.outer[0][1] if self.outer else self.opener) not in _GUILLEMETS:
                pass  # a » reopens only a guillemet quotation
            elif mark in _OPENERS and (mark not in _STRAIGHT or _can_open(self.text, nxt, len(mark))):
                self.skip = nxt  # the next paragraph reopens: one quotation
                return
        self._cap(i)

    def _cap(self, limit: int) -> None:
        if self.outer:
            (self.open_at, self.opener), self.outer = self.outer[0], []
        start, end = self._bounds(_line_end(self.text, limit))
        if end > start:
            self.spans.append(QuoteSpan(start, end, self.open_at, None, False))
        self.open_at = None


def _single_kind(text: str, i: int) -> str | None:
    """Classify a single mark as 'open', 'strong'/'weak' closer, or None."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum() and nxt.isalnum():
        return None  # apostrophe inside a word
    if ch in "‚›" and (prev.isspace() or prev in _OPEN_AFTER) and nxt.isalnum():
        return "open" + ch  # German ‚…‘, reversed ›…‹
    if ch in "‘‹" and not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_BEFORE):
        return "strong" + ch  # closes only a ‚ or a ›
    if ch == "‹" and (prev.isspace() or prev in _OPEN_AFTER) and nxt in _INNER_SPACE \
            and text[i + 2:i + 3].isalnum():
        return "open"  # French ‹ non ›, its spaces left out of the span
    if ch == "›" and prev in _INNER_SPACE and i > 1 and text[i - 2].isalnum() \
            and (nxt.isspace() or nxt in _CLOSE_BEFORE):
        return "strong"
    if ch in "‘‹'" and (prev.isspace() or prev in _OPEN_AFTER) and nxt.isalnum():
        if _DECADE_RE.match(text, i + 1):
            return None
        return "open"
    if ch in "’›'" and not prev.isspace():
        if nxt.isspace() or nxt in _CLOSE_BEFORE:
            after = text[i + 2] if i + 2 < len(text) else ""
            if prev in "sS" and nxt == " " and after.isalpha():
                return "weak"  # likely possessive plural: governments’ loose
            return "strong"
    return None


def _pair_singles(text: str, cands: list[tuple[int, str]]) -> list[QuoteSpan]:
    """Pair single-mark candidates of one paragraph, preferring strong closers."""
    spans: list[QuoteSpan] = []
    k = 0
    while k < len(cands):
        pos, kind = cands[k]
        if not kind.startswith("open"):
            k += 1
            continue
        mine = _REVERSED.get(kind[4:], "")  # the one closer of ‚ and ›
        j = k + 1
        weak = strong = None
        while j < len(cands) and not cands[j][1].startswith("open"):
            if len(cands[j][1]) > 6 and cands[j][1][6:] != mine:
                j += 1  # ‘ or ‹ closing nothing open here
                continue
            if cands[j][1].startswith("strong"):
                strong = j
                break
            if weak is None:
                weak = j
            j += 1
        pick = strong if strong is not None else weak
        if pick is None:
            k = j
            continue
        close = cands[pick][0]
        start, end = pos + 1, close
        if text[pos] == "‹":  # ‹ non ›: the spaces are not quoted
            start += text[start] in _INNER_SPACE
            end -= text[end - 1] in _INNER_SPACE
        if close - pos > 2:
            spans.append(QuoteSpan(start, end, pos, close, True))
        k = pick + 1
    return spans


def _single_spans(text: str, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """Find single-mark quotations outside the double quotations."""
    starts = [d.open_pos for d in doubles]
    spans: list[QuoteSpan] = []
    cands: list[tuple[int, str]] = []
    for m in _SINGLE_RE.finditer(text):
        i = m.start()
        if cands and text.find("\n", cands[-1][0], i) >= 0:  # marks pair within a paragraph
            spans.extend(_pair_singles(text, cands))
            cands = []
        k = bisect_right(starts, i) - 1
        if k >= 0 and doubles[k].open_pos <= i <= (doubles[k].close_pos or doubles[k].end):
            continue
        kind = _single_kind(text, i)
        if kind:
            cands.append((i, kind))
    spans.extend(_pair_singles(text, cands))
    return spans


def find_quote_spans(text: str, language: str | None = None) -> list[QuoteSpan]:
    """Return the top-level quotation spans of text, in order (language: its ISO 639-1 code)."""
    doubles = _DoubleScanner(text, language in SAME_MARK_LANGUAGES).run()
    singles = _single_spans(text, doubles)
    if not singles:
        return [d for d in doubles if text[d.start:d.end].strip()]
    merged = sorted(doubles + singles, key=lambda s: (s.open_pos, -s.end))
    out: list[QuoteSpan] = []
    outer_end = -1
    for span in merged:
        if span.open_pos < outer_end:
            continue  # nested inside the previous top-level quotation
        if text[span.start:span.end].strip():
            out.append(span)
            outer_end = span.close_pos if span.close_pos is not None else span.end
    return out
