"""The values the extraction engine returns: frozen, JSON-friendly, no Flask, no SQLite."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

QuoteKind = Literal["full", "partial", "indirect"]
SpeakerKind = Literal["person", "organization", "anonymous"]
DateBasis = Literal["stated", "relative", "published"]
DatePrecision = Literal["day", "month"]


@dataclass(frozen=True)
class Speaker:
    """Who said it, resolved across the article."""

    name: str  # canonical: "Wang Wenbin"; for an anonymous source its description: "a U.S. official"
    kind: SpeakerKind
    role: str | None = None  # as written in the article: "Chinese foreign ministry spokesman"
    mention: str | None = None  # as written at this quote's cue: "Wang", "he", "the ambassador"


@dataclass(frozen=True)
class ExtractedQuote:
    """One quotation or attributed reported-speech passage, with its exact span."""

    start: int  # code-point offset; quotation marks excluded, text == article[start:end]
    end: int
    text: str
    kind: QuoteKind
    speaker: Speaker | None
    cue: str | None = None  # attribution as written: "Nicholas Burns said"
    cue_start: int | None = None
    cue_end: int | None = None
    date: str | None = None  # ISO date of the statement
    date_basis: DateBasis | None = None
    date_precision: DatePrecision | None = None  # "month": "in August" is stored as its 1st

    def to_dict(self) -> dict:
        """Return a plain JSON-serialisable dict."""
        return asdict(self)
