"""Statement dates: find a date phrase near a cue and resolve it against publication."""
from __future__ import annotations

import re
from datetime import date, timedelta

from .lexicon import MONTH_ABBR, MONTHS, WEEKDAYS

_MONTH_NAMES = "|".join(m.capitalize() for m in MONTHS)
_MONTH_ABBRS = "|".join(a.capitalize() for a in MONTH_ABBR)
_MONTH = rf"(?P<month>{_MONTH_NAMES}|(?:{_MONTH_ABBRS})\.?)"
_DAY_NAMES = "|".join(d.capitalize() for d in WEEKDAYS)

_PATTERNS = [
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b")),
    ("dmy", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})\b")),
    ("md", re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d)")),
    ("dm", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\b(?!,?\s*\d)")),
    ("month", re.compile(rf"\b(?:in|In|last|since)\s+{_MONTH}(?:\s+(?P<year>\d{{4}}))?\b")),
    ("weekday", re.compile(rf"\b(?P<wd>{_DAY_NAMES})\b")),
    ("yesterday", re.compile(r"\b(?i:yesterday)\b")),
    ("today", re.compile(r"\b(?i:today|this morning|this afternoon|this evening|tonight)\b")),
    ("lastweek", re.compile(r"\b(?i:last week)\b")),
]


# One pass finds the earliest phrase of any kind; alternatives are ordered so that the
# longer reading wins at the same position ("June 5, 2023" before "June 5").
_BY_KIND = dict(_PATTERNS)
_COMBINED = re.compile("|".join(
    f"(?P<{kind}>{re.sub(r'[(][?]P<[a-z]+>', '(?:', rx.pattern)})" for kind, rx in _PATTERNS))


# Every date phrase holds a digit, a capitalised month or weekday stem, or a relative
# phrase. A window is first scanned for such a hint with a pattern that starts with a
# character class (the regex engine skips ahead to candidates instead of trying the
# combined pattern at every position); the combined pattern then runs from just before
# the first hint: "since " before a month name is the only phrase starting ahead of it.
_HINT_RE = re.compile(
    r"[0-9JFMASONDTWYyTtLl](?:(?<=[0-9])|(?<=J)(?:an|un|ul)|(?<=F)(?:eb|ri)|(?<=M)(?:ar|ay|on)|"
    r"(?<=A)(?:pr|ug)|(?<=S)(?:ep|at|un)|(?<=O)ct|(?<=N)ov|(?<=D)ec|(?<=T)(?:ue|hu)|(?<=W)ed|"
    r"(?<=[YyTtLl])(?i:esterday|oday|onight|his morning|his afternoon|his evening|ast week))")
_LEAD_WORD = 6


def _month_number(name: str) -> int:
    low = name.lower().rstrip(".")
    if low in MONTHS:
        return MONTHS.index(low) + 1
    return MONTH_ABBR.get(low, 0)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, pub: date | None) -> date | None:
    """Return the latest such month/day on or before the publication date."""
    if pub is None:
        return None
    d = _safe_date(pub.year, month, day)
    if d and d > pub:
        d = _safe_date(pub.year - 1, month, day)
    return d


def _resolve(kind: str, m: re.Match, pub: date | None) -> tuple[date | None, str]:
    if kind in ("iso", "mdy", "dmy"):
        month = int(m.group("mnum")) if kind == "iso" else _month_number(m.group("month"))
        return _safe_date(int(m.group("year")), month, int(m.group("day"))), "stated"
    if kind in ("md", "dm"):
        return _infer_year(_month_number(m.group("month")), int(m.group("day")), pub), "stated"
    if kind == "month":
        month = _month_number(m.group("month"))
        if m.group("year"):
            return _safe_date(int(m.group("year")), month, 1), "stated"
        return _infer_year(month, 1, pub), "stated"
    if pub is None:
        return None, "relative"
    if kind == "weekday":
        target = WEEKDAYS.index(m.group("wd").lower())
        return pub - timedelta(days=(pub.weekday() - target) % 7), "relative"
    offsets = {"yesterday": 1, "today": 0, "lastweek": 7}
    return pub - timedelta(days=offsets[kind]), "relative"


def parse_published(published: str | None) -> date | None:
    """Parse an ISO publication date, returning None when it is absent or malformed."""
    if not published or not isinstance(published, str):
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _search(text: str, lo: int, hi: int) -> re.Match | None:
    """Return the leftmost date phrase of text[lo:hi]. It can only start at a hint or, for
    "in/last/since <Month>", at the short word before a hint: those positions are tried in
    order with the combined pattern, instead of running it at every position."""
    if hi <= lo:
        return None
    for hint in _HINT_RE.finditer(text, lo, hi):
        h = hint.start()
        j = h
        while j > lo and text[j - 1].isspace():
            j -= 1
        k = j
        while k > lo and j - k <= _LEAD_WORD and text[k - 1].isalpha():
            k -= 1
        if j < h and 2 <= j - k <= 5:
            m = _COMBINED.match(text, k, hi)
            if m is not None:
                return m
        m = _COMBINED.match(text, h, hi)
        if m is not None:
            return m
    return None


def find_date(text: str, lo: int, hi: int,
              pub: date | None) -> tuple[str | None, str | None, str | None]:
    """Resolve the first date phrase in text[lo:hi]; fall back to the publication date.

    Return the ISO date, its basis and its precision: "month" for a month alone ("in
    August", given as its first day), else "day".
    """
    m = _search(text, lo, hi)
    if m is not None:
        kind = m.lastgroup
        d, basis = _resolve(kind, _BY_KIND[kind].match(text, m.start(), hi), pub)
        if d is not None:
            return d.isoformat(), basis, "month" if kind == "month" else "day"
    if pub is not None:
        return pub.isoformat(), "published", "day"
    return None, None, None
