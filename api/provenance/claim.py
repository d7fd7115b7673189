"""Parse a claimed quotation: ellipses are gaps, bracketed words are editorial insertions."""
from __future__ import annotations

import re
from dataclasses import dataclass

from api.provenance.normalize import Normalized, normalize

# Approximate matching costs the claim's length times each candidate's: at 10,000 characters
# one candidate took 5 s, at 3,000 0.6 s (#14). A quotation, even a long paragraph, fits in 2,000.
MAX_CLAIM_CHARS = 2_000
# [...] / […] / [ . . . ] / ... / … (an ellipsis, with or without brackets, is one gap).
ELLIPSIS = r"\[\s*(?:\.\s*){3,}\]|\[\s*…\s*\]|\(\s*(?:\.\s*){3,}\)|(?:\.\s*){2,}\.|…"
# A bracketed insertion the claimant made: "[China]", "[sic]". Not an ellipsis.
INSERTION = r"\[[^\[\]]*\]"
MARKER = re.compile(f"(?P<ellipsis>{ELLIPSIS})|(?P<insertion>{INSERTION})")
# Words an insertion may stand in for: "[the ambassador]" replaces at most a few source words.
INSERTION_MAX_WORDS = 4


@dataclass(frozen=True)
class Piece:
    """A run of claimed words between gaps, and the gap that follows it."""

    text: str  # as the claimant wrote it
    norm: Normalized
    start: int  # code points into the claimed text
    end: int
    gap_after: str | None  # "ellipsis", "insertion" or None for the last piece


@dataclass(frozen=True)
class Insertion:
    """An editorial insertion in square brackets."""

    text: str  # without the brackets
    start: int  # code points into the claimed text, brackets included
    end: int


@dataclass(frozen=True)
class Claim:
    text: str
    pieces: tuple[Piece, ...]
    insertions: tuple[Insertion, ...]
    omissions: int  # how many ellipses join the pieces

    @property
    def normalized(self) -> str:
        """The claimed words as compared, with " … " where the claimant marked a gap."""
        joins = {"ellipsis": " … ", "insertion": " […] ", None: ""}
        return "".join(p.norm.text + joins[p.gap_after] for p in self.pieces).strip()

    @property
    def words(self) -> int:
        return sum(len(p.norm.words) for p in self.pieces)


def parse_claim(text: str) -> Claim:
    """Split claimed text at ellipses and bracketed insertions into pieces to find in order."""
    pieces: list[Piece] = []
    insertions: list[Insertion] = []
    cursor = 0
    for marker in MARKER.finditer(text):
        kind = "ellipsis" if marker.group("ellipsis") else "insertion"
        if kind == "insertion":
            insertions.append(Insertion(marker.group()[1:-1].strip(), marker.start(), marker.end()))
        _add_piece(pieces, text, cursor, marker.start(), kind)
        cursor = marker.end()
    _add_piece(pieces, text, cursor, len(text), None)
    if pieces:
        last = pieces[-1]
        pieces[-1] = Piece(last.text, last.norm, last.start, last.end, None)
    omissions = sum(1 for piece in pieces[:-1] if piece.gap_after == "ellipsis")
    return Claim(text, tuple(pieces), tuple(insertions), omissions)


def _add_piece(pieces: list[Piece], text: str, start: int, end: int, gap: str | None) -> None:
    norm = normalize(text[start:end])
    if norm.words:
        first, last = norm.original_span(0, len(norm.text))
        piece_text = text[start + first:start + last]
        if first or last < end - start:  # offsets are relative to the piece's own text
            norm = normalize(piece_text)
        pieces.append(Piece(piece_text, norm, start + first, start + last, gap))
    elif pieces and gap == "ellipsis":
        # "word … [China] … word": the stronger gap wins for the piece before.
        prev = pieces[-1]
        pieces[-1] = Piece(prev.text, prev.norm, prev.start, prev.end, gap)


def literal_claim(text: str) -> Claim:
    """Return text as a one-piece claim: its ellipses and brackets are words of the source."""
    norm = normalize(text)
    return Claim(text, (Piece(text, norm, 0, len(text), None),) if norm.words else (), (), 0)


def has_words(text: str) -> bool:
    """Tell whether text holds at least one word to compare (not only punctuation)."""
    return any(piece.norm.words for piece in parse_claim(text).pieces)
