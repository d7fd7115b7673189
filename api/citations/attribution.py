"""The attribution line a writer pastes next to a quote.

Forms (cite = "(Outlet, 8 June 2023)", the statement's date or else the
article's; the outlet is the one that wrote the story, e.g. AFP for a wire copy):

- full:     “Text,” Speaker, role, said (cite).      unknown speaker: “Text” (cite).
- partial:  Speaker, role: “text” (cite).            unknown speaker: “text” (cite).
- indirect: According to Speaker, role, text (cite). unknown speaker: According to a report, text (cite).

Double quotation marks inside the quote become single curly ones.
"""
from __future__ import annotations

import re

from .csl import parse_iso_date
from .model import QuoteRef, SourceMeta

_MONTHS = ("January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December")


def human_date(value: str | None) -> str | None:
    """Format an ISO date as "8 June 2023" (or "June 2023", "2023")."""
    parts = parse_iso_date(value)
    if not parts:
        return None
    words = [str(parts[0])]
    if len(parts) > 1:
        words.insert(0, _MONTHS[parts[1] - 1])
    if len(parts) > 2:
        words.insert(0, str(parts[2]))
    return " ".join(words)


def nest_quotes(text: str) -> str:
    """Turn double quotation marks inside quoted text into single curly ones."""
    text = text.replace("“", "‘").replace("”", "’")
    text = re.sub(r'(^|[\s(\[—–-])"', "\\1‘", text)
    return text.replace('"', "’")


def _cite(quote: QuoteRef, source: SourceMeta) -> str:
    date = human_date(quote.date or source.published)
    return f"({source.outlet}, {date})" if date else f"({source.outlet})"


def _who(quote: QuoteRef) -> str:
    role = (quote.role or "").strip()
    if role.startswith("The "):
        role = "the " + role[4:]
    return ", ".join(part for part in ((quote.speaker or "").strip(), role) if part)


def attribution_line(quote: QuoteRef, source: SourceMeta) -> str:
    """Return the sentence quoting `quote` with speaker, role, outlet and date."""
    text = nest_quotes(" ".join(quote.text.split()))
    core = text.rstrip(" ,.;:")
    who, cite = _who(quote), _cite(quote, source)
    if quote.kind == "indirect":
        lead = f"According to {who}," if who else "According to a report,"
        return f"{lead} {core} {cite}."
    if quote.kind == "partial":
        return f"{who}: “{core}” {cite}." if who else f"“{core}” {cite}."
    if not who:
        return f"“{core}” {cite}."
    said = core if core[-1:] in "?!…" else core + ","
    return f"“{said}” {who}, said {cite}." if quote.role else f"“{said}” {who} said {cite}."
