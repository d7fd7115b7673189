"""Match a claim against candidate sources and decide what it is: verbatim, altered, …"""
from __future__ import annotations

from dataclasses import dataclass

from api.provenance.align import Alignment, DiffOp, align_claim, fuzzy_window
from api.provenance.claim import Claim, literal_claim
from api.provenance.normalize import Normalized, from_stored, normalize

# Below this similarity (0–1, character-level over the normalised words) the claim is
# "not_found". See api/provenance/README.md for how it was chosen.
THRESHOLD = 0.8
# Claims this short must match exactly: two words are similar to too many passages.
MIN_FUZZY_WORDS = 3
VERDICTS = ("verbatim", "verbatim_with_omissions", "altered", "misattributed", "not_a_quote",
            "not_found")


@dataclass(frozen=True)
class QuoteSpan:
    quote_id: str
    start: int  # code points into the source text
    end: int
    speaker_id: str | None
    speaker_name: str | None
    speaker_names: tuple[str, ...] = ()  # canonical name and aliases


@dataclass(frozen=True)
class SourceDoc:
    source_id: str
    published: str | None
    text: str
    quotes: tuple[QuoteSpan, ...]
    # The stored normalised text and word offsets (normalize.stored_offsets), if any: the same
    # Normalized as normalize(text), without re-reading the whole text.
    form: tuple[str, bytes | None] | None = None


@dataclass(frozen=True)
class ClaimedSpeaker:
    text: str
    speaker_ids: frozenset[str]  # the stored speakers the text resolves to


@dataclass(frozen=True)
class FoundPiece:
    text: str  # as claimed
    start: int  # code points into the source text
    end: int
    similarity: float


@dataclass(frozen=True)
class Match:
    source_id: str
    published: str | None
    start: int
    end: int
    text: str  # the source text at [start, end)
    similarity: float
    # quote | narrative | mixed (partly inside a quote, partly not) | quotes (pieces joined by
    # an ellipsis, each inside a quote, but not one quote: a splice)
    location: str
    quote: QuoteSpan | None
    speaker_matches: bool | None  # None: no speaker claimed, or the quote has none
    pieces: tuple[FoundPiece, ...]
    diff: tuple[DiffOp, ...]


@dataclass(frozen=True)
class CheckResult:
    verdict: str
    claim: Claim
    matches: tuple[Match, ...]


def check(claim: Claim, docs: list[SourceDoc], speaker: ClaimedSpeaker | None = None,
          limit: int = 10, exact: bool = False) -> CheckResult:
    """Match the claim in every candidate source, best first, and give the verdict."""
    norms = [_normalized(doc) for doc in docs]  # once, for both passes
    if claim.omissions or claim.insertions:
        # The source itself may print the "…" or "[…]": then the claim is its words verbatim.
        literal = literal_claim(claim.text)
        exact_matches = [m for doc, norm in zip(docs, norms)
                         for m in match_source(literal, doc, speaker, None, norm)]
        if exact_matches:
            exact_matches.sort(key=_rank)
            return CheckResult(decide(literal, exact_matches), literal, tuple(exact_matches[:limit]))
    cutoff = _cutoff(claim, exact)
    matches = [m for doc, norm in zip(docs, norms)
               for m in match_source(claim, doc, speaker, cutoff, norm)]
    matches.sort(key=_rank)
    return CheckResult(decide(claim, matches), claim, tuple(matches[:limit]))


def _cutoff(claim: Claim, exact: bool) -> float | None:
    return None if exact or claim.words < MIN_FUZZY_WORDS else THRESHOLD


def might_match(claim: Claim, normalized: str, exact: bool = False) -> bool:
    """Tell whether check() could match the claim in a source whose normalised text this is.

    False only when it cannot: every exact alignment needs each piece's words in the text, and
    a one-piece claim's approximate ones start with fuzzy_window() over the whole text. So a
    candidate can be ruled out from its stored normalised text, before it is loaded or mapped.
    """
    if claim.omissions or claim.insertions:
        if literal_claim(claim.text).pieces[0].norm.text in normalized:
            return True
    if all(piece.norm.text in normalized for piece in claim.pieces):
        return True
    cutoff = _cutoff(claim, exact)
    if cutoff is None:
        return False
    if len(claim.pieces) > 1:  # each piece may be found approximately inside any one quote
        return True
    return fuzzy_window(claim.pieces[0].norm.text, normalized, cutoff) is not None


def worth_aligning(claim: Claim, normalized: str, exact: bool = False) -> bool:
    """Tell whether to align the claim in a source: might_match, with approximate candidates bounded.

    A claim of several pieces may be found approximately inside any one quote, which the whole
    text does not bound, so might_match keeps every such source. Here a source that cannot hold
    the claim exactly (some piece's words missing) is kept only if each piece has a window over
    the whole text (fuzzy_window), as it needs inside a quote: issue #16's decision 3 allows
    bounding approximate candidates. Exact matches (verbatim, omissions, misattributed) are
    never lost; an approximate one is, when a piece stands only across a quote's end shorter
    than it (rapidfuzz then aligns the quote inside the piece).
    """
    if not might_match(claim, normalized, exact):
        return False
    if len(claim.pieces) == 1 or all(piece.norm.text in normalized for piece in claim.pieces):
        return True
    if (claim.omissions or claim.insertions) and (
            literal_claim(claim.text).pieces[0].norm.text in normalized):
        return True
    return all(fuzzy_window(piece.norm.text, normalized, THRESHOLD) is not None
               for piece in claim.pieces)


def _rank(match: Match) -> tuple:
    return (match.similarity < 1, match.location != "quote", match.speaker_matches is False,
            -match.similarity, match.published is None, match.published or "", match.source_id,
            match.start)


def decide(claim: Claim, ranked: list[Match]) -> str:
    """Return the verdict given the matches, best first."""
    if not ranked:
        return "not_found"
    best = ranked[0]
    if best.location == "narrative":
        return "not_a_quote"
    if best.similarity < 1 or best.location in ("mixed", "quotes"):
        return "altered"  # an ellipsis leaves words out of one quotation; it does not join two
    if best.speaker_matches is False:
        return "misattributed"
    return "verbatim_with_omissions" if claim.omissions else "verbatim"


def _normalized(doc: SourceDoc) -> Normalized:
    return normalize(doc.text) if doc.form is None else from_stored(doc.text, *doc.form)


def match_source(claim: Claim, doc: SourceDoc, speaker: ClaimedSpeaker | None,
                 cutoff: float | None, norm: Normalized | None = None) -> list[Match]:
    """Return the claim's matches in one source: in its quotes and in the whole text.

    norm is the source's normalised text, if already made.
    """
    norm = _normalized(doc) if norm is None else norm
    if cutoff is None and not all(piece.norm.text in norm.text for piece in claim.pieces):
        return []  # an exact match needs every piece's words in the text
    found: dict[tuple[int, int], Match] = {}
    fuzzy_quotes = set(doc.quotes) if len(claim.pieces) > 1 else set()
    whole = align_claim(claim, norm, 0, len(norm.text), cutoff)
    if whole is not None:
        match = _match(doc, norm, whole, speaker)
        found[(match.start, match.end)] = match
        if match.location != "quote":
            fuzzy_quotes.update(q for q in doc.quotes if q.start < match.end and match.start < q.end)
    for quote in doc.quotes:
        lo, hi = norm.region(quote.start, quote.end)
        if hi <= lo:
            continue
        alignment = align_claim(claim, norm, lo, hi, cutoff if quote in fuzzy_quotes else None)
        if alignment is not None:
            match = _match(doc, norm, alignment, speaker, quote)
            found.setdefault((match.start, match.end), match)
    return list(found.values())


def _match(doc: SourceDoc, norm: Normalized, alignment: Alignment, speaker: ClaimedSpeaker | None,
           quote: QuoteSpan | None = None) -> Match:
    start, end = norm.original_span(alignment.start, alignment.end)
    pieces = tuple(FoundPiece(p.piece.text, *norm.original_span(p.start, p.end), p.similarity)
                   for p in alignment.pieces)
    location = "quote"
    if quote is None:
        quote = next((q for q in doc.quotes if all(q.start <= p.start and p.end <= q.end
                                                   for p in pieces)), None)
    if quote is None:
        inside = [any(q.start <= p.start and p.end <= q.end for q in doc.quotes) for p in pieces]
        overlaps = any(q.start < p.end and p.start < q.end for q in doc.quotes for p in pieces)
        location = "quotes" if all(inside) else "mixed" if overlaps else "narrative"
    diff = tuple(op for p in alignment.pieces for op in p.diff)
    return Match(doc.source_id, doc.published, start, end, doc.text[start:end],
                 alignment.similarity, location, quote, speaker_matches(speaker, quote),
                 pieces, diff)


def speaker_matches(claimed: ClaimedSpeaker | None, quote: QuoteSpan | None) -> bool | None:
    """Tell whether the claimed speaker is the quote's: by id, name, alias or a part of one."""
    if claimed is None or quote is None or quote.speaker_id is None:
        return None
    if quote.speaker_id in claimed.speaker_ids:
        return True
    claimed_words = set(normalize(claimed.text).word_texts(0, None))
    for name in (quote.speaker_name or "", *quote.speaker_names):
        name_words = set(normalize(name).word_texts(0, None))
        # "Wang" for Wang Wenbin, or "Ambassador Qin Gang" for Qin Gang
        if name_words and claimed_words and (claimed_words <= name_words
                                             or name_words <= claimed_words):
            return True
    return False
