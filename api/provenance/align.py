"""Find claimed pieces, in order, inside a stretch of normalised source text; diff the words."""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import ScoreAlignment

from api.provenance.claim import INSERTION_MAX_WORDS, Claim, Piece
from api.provenance.normalize import Normalized

# Words added on each side of rapidfuzz's window before trimming it to the matching words, so a
# claim that adds or drops words still lines up with the whole source passage.
WINDOW_SLACK_WORDS = 3
# rapidfuzz's partial ratio is an upper bound of the final score only up to word snapping.
PREFILTER_SLACK = 5.0


@dataclass(frozen=True)
class DiffOp:
    """One step from the source's words to the claimed words."""

    op: str  # equal | insert (claim adds words) | delete (claim drops words) | replace
    claimed: str
    source: str


@dataclass(frozen=True)
class PieceMatch:
    piece: Piece
    start: int  # normalised offsets into the source
    end: int
    similarity: float
    diff: tuple[DiffOp, ...]


@dataclass(frozen=True)
class Alignment:
    start: int  # normalised offsets into the source, from the first piece to the last
    end: int
    similarity: float
    pieces: tuple[PieceMatch, ...]


def align_claim(claim: Claim, source: Normalized, lo: int, hi: int,
                cutoff: float | None) -> Alignment | None:
    """Align every piece in order inside source.text[lo:hi]; None when one scores below cutoff.

    With cutoff None only exact (normalised) matches count.
    """
    matches: list[PieceMatch] = []
    cursor = lo
    for index, piece in enumerate(claim.pieces):
        limit = hi
        if index and claim.pieces[index - 1].gap_after == "insertion":
            limit = _after_words(source, cursor, INSERTION_MAX_WORDS + len(piece.norm.words), hi)
        match = find_exact(piece, source, cursor, limit)
        if match is None and cutoff is not None:
            match = find_fuzzy(piece, source, cursor, hi, cutoff)
        if match is None:
            return None
        matches.append(match)
        cursor = match.end
    total = sum(len(m.piece.norm.text) for m in matches)
    similarity = sum(m.similarity * len(m.piece.norm.text) for m in matches) / total
    return Alignment(matches[0].start, matches[-1].end, round(similarity, 4), tuple(matches))


def _after_words(source: Normalized, position: int, count: int, hi: int) -> int:
    index = source.word_index(position) + count
    return hi if index >= len(source.lengths) else min(hi, source.ends[index])


def find_exact(piece: Piece, source: Normalized, lo: int, hi: int) -> PieceMatch | None:
    """Return the first whole-word occurrence of the piece in source.text[lo:hi]."""
    needle, text = piece.norm.text, source.text
    at = text.find(needle, lo, hi)
    while at >= 0:
        end = at + len(needle)
        if (at == 0 or text[at - 1] == " ") and (end == len(text) or text[end] == " "):
            first = source.word_index(at)
            words = _original_words(source, first, first + len(piece.norm.words))
            ops = (DiffOp("equal", piece.text, words),)
            return PieceMatch(piece, at, end, 1.0, ops)
        at = text.find(needle, at + 1, hi)
    return None


def find_fuzzy(piece: Piece, source: Normalized, lo: int, hi: int,
               cutoff: float) -> PieceMatch | None:
    """Return the best approximate occurrence of the piece in source.text[lo:hi], if any."""
    needle = piece.norm.text
    found = fuzzy_window(needle, source.text[lo:hi], cutoff)
    if found is None:
        return None
    first = max(source.word_index(lo), source.word_index(lo + found.dest_start) - WINDOW_SLACK_WORDS)
    last = min(source.word_index(hi - 1) + 1,
               source.word_index(lo + found.dest_end - 1) + 1 + WINDOW_SLACK_WORDS)
    source_words = source.word_texts(first, last)
    claim_words = piece.norm.word_texts(0, len(piece.norm.words))
    blocks = [b for b in _matcher(source_words, claim_words).get_matching_blocks() if b.size]
    if not blocks:
        return None
    # A changed first or last word ("every summer" claimed as "every winter") is a replacement:
    # the source words facing the claim's unmatched edge words belong to the match.
    lead = min(blocks[0].b, blocks[0].a)
    trail = min(len(claim_words) - blocks[-1].b - blocks[-1].size,
                len(source_words) - blocks[-1].a - blocks[-1].size)
    last = first + blocks[-1].a + blocks[-1].size + trail
    first += blocks[0].a - lead
    start, end = source.begins[first], source.ends[last - 1]
    similarity = round(fuzz.ratio(needle, source.text[start:end]) / 100, 4)
    if similarity < cutoff:
        return None
    return PieceMatch(piece, start, end, similarity, diff_words(source, first, last, piece.norm))


def fuzzy_window(needle: str, text: str, cutoff: float) -> ScoreAlignment | None:
    """Return where the needle may approximately stand in text, or None if nowhere."""
    found = fuzz.partial_ratio_alignment(needle, text,
                                         score_cutoff=max(0.0, cutoff * 100 - PREFILTER_SLACK))
    return None if found is None or found.dest_end <= found.dest_start else found


def _matcher(source_words: list[str], claim_words: list[str]) -> difflib.SequenceMatcher:
    return difflib.SequenceMatcher(None, source_words, claim_words, autojunk=False)


def diff_words(source: Normalized, first: int, last: int, claimed: Normalized) -> tuple[DiffOp, ...]:
    """Return the word-level steps from source words first..last-1 to the claimed words."""
    matcher = _matcher(source.word_texts(first, last), claimed.word_texts(0, len(claimed.words)))
    return tuple(
        DiffOp(tag, _original_words(claimed, j1, j2), _original_words(source, first + i1, first + i2))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes())


def _original_words(norm: Normalized, first: int, last: int) -> str:
    """Return the original text from word first to word last-1, punctuation between included."""
    if first >= last:
        return ""
    start, _ = norm.original_span(norm.begins[first], norm.ends[first])
    _, end = norm.original_span(norm.begins[last - 1], norm.ends[last - 1])
    return norm.original[start:end]
